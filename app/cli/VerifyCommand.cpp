#include <QJsonArray>
#include <QJsonObject>

#include "ArgumentReader.h"
#include "CertificateCheck.h"
#include "CliContext.h"
#include "Command.h"
#include "models/certificate/CertificateJson.h"

namespace shebao::cli {

namespace {

// Is this 参保证明 authentic and valid now? Anybody may ask (no login): the answer's signature
// is checked here with the agency's public key, pinned with --agency-key when the holder has it.
// Exit 0 valid, 1 not valid (unknown, revoked, expired, signature), 2 could not check.
class VerifyCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("verify"); }
    QString usage() const override { return QStringLiteral("verify CODE [--agency-key PUBLIC.pem]"); }
    QString summary() const override { return QStringLiteral("check a certificate's verification code with the server"); }

    int run(CliContext &context, const QStringList &args) override
    {
        ArgumentReader reader(args);
        const QString key = reader.value(QStringLiteral("--agency-key")).value_or(QString());
        const QStringList positional = reader.positional();
        if (positional.size() != 1 || !reader.missingValue().isEmpty() || !reader.unknown().isEmpty())
            return context.usageError(QStringLiteral("用法：shebao-cli %1").arg(usage()));
        auto check = CertificateCheck::run(context, positional.first(), key);
        if (!check)
            return context.fail(check.error());
        const CertificateCheck &c = check.value();
        if (context.json()) {
            QJsonObject o{{QStringLiteral("valid"), c.valid()},
                          {QStringLiteral("signature_valid"), c.signatureHolds},
                          {QStringLiteral("problems"), QJsonArray::fromStringList(c.problems)}};
            if (c.answer) {
                o.insert(QStringLiteral("state"), certificateStateCode(c.answer->state));
                o.insert(QStringLiteral("certificate"), json::encode(c.answer->certificate));
            } else {
                o.insert(QStringLiteral("state"), QStringLiteral("unknown"));
            }
            context.printJson(o);
        } else {
            if (c.answer) {
                context.out() << "核验结果：" << (c.valid() ? certificateStateName(c.answer->state) : QStringLiteral("无效")) << '\n';
                printFacts(context.out(), *c.answer);
            } else {
                context.out() << "核验结果：未找到\n";
            }
            for (const QString &p : c.problems)
                context.out() << "  ✗ " << p << '\n';
            if (c.valid())
                context.out() << "电子签名核验通过，证明有效。\n";
        }
        return c.valid() ? int(ExitOk) : int(ExitInputProblems);
    }
};

const RegisterCommand<VerifyCommand> registered;

} // namespace

} // namespace shebao::cli
