#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

#include "ArgumentReader.h"
#include "CliContext.h"
#include "Command.h"
#include "app/EnrolmentCertificateForm.h"
#include "app/EnrolmentCertificateService.h"
#include "models/certificate/CertificateJson.h"

namespace shebao::cli {

namespace {

// 单位查询 → 参保证明 → 生成参保证明 without a window: the server issues and signs the certificate,
// the PDF is rendered by the same EnrolmentCertificateForm as the desktop's. main() creates a
// QGuiApplication for this command (fonts).
class CertificateCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("certificate"); }
    QString usage() const override
    {
        return QStringLiteral("certificate --kind unit|roster|person [--id PERSON_NO|ID_NUMBER] --purpose TEXT --out FILE.pdf");
    }
    QString summary() const override { return QStringLiteral("issue a 参保证明 and save it as PDF; prints the verification code"); }

    int run(CliContext &context, const QStringList &args) override
    {
        ArgumentReader reader(args);
        const std::optional<QString> kind = reader.value(QStringLiteral("--kind"));
        const std::optional<QString> id = reader.value(QStringLiteral("--id"));
        const std::optional<QString> purpose = reader.value(QStringLiteral("--purpose"));
        const std::optional<QString> out = reader.value(QStringLiteral("--out"));
        if (!kind || !out || !reader.missingValue().isEmpty() || !reader.unknown().isEmpty() || !reader.positional().isEmpty())
            return context.usageError(QStringLiteral("用法：shebao-cli %1").arg(usage()));
        CertificateRequest request;
        if (!parseCertificateKind(*kind, &request.kind))
            return context.usageError(QStringLiteral("--kind 须为 unit（单位参保证明）、roster（参保人员名单）或 person（个人参保缴费证明）"));
        if (request.kind == CertificateKind::Person && !id)
            return context.usageError(QStringLiteral("个人参保缴费证明须用 --id 指定个人编号或公民身份号码"));
        if (request.kind != CertificateKind::Person && id)
            return context.usageError(QStringLiteral("--id 只用于 --kind person"));
        request.personNo = id.value_or(QString());
        request.purpose = purpose.value_or(QString());
        // The server's own rules first: a missing 打印用途 is named without logging in.
        auto checked = EnrolmentCertificateService::checked(request);
        if (!checked) {
            context.fail(checked.error());
            return ExitInputProblems;
        }
        auto login = context.login();
        if (!login)
            return context.fail(login.error());
        auto api = context.api();
        if (!api)
            return context.fail(api.error());
        ApiClient *client = api.value();
        const QString key = QUuid::createUuid().toString(QUuid::WithoutBraces);
        auto reply = context.wait<QJsonDocument>([&](QObject *c, ApiClient::Callback<QJsonDocument> done) {
            client->postJson(QStringLiteral("/certificates"), json::encode(checked.value()), key, c, std::move(done));
        });
        if (!reply) {
            const int code = context.fail(reply.error());
            // The server refused what was asked (打印用途, the person, nothing to certify): exit 1.
            const bool refused = reply.error().code.startsWith(QLatin1String("certificate."))
                || reply.error().code == QLatin1String("required.missing");
            return refused ? int(ExitInputProblems) : code;
        }
        auto record = json::decodeIssuedCertificate(reply.value().object());
        if (!record)
            return context.fail(record.error());
        auto written = EnrolmentCertificateForm::writePdf(record.value(), *out);
        if (!written) {
            context.fail(written.error());
            context.err() << "证明已出具（" << record.value().content.number << "，验证码 " << record.value().content.code
                          << "），可稍后从历史记录重新打印。\n";
            return ExitCannotRun;
        }
        const CertificateContent &c = record.value().content;
        if (context.json()) {
            context.printJson(QJsonObject{{QStringLiteral("number"), c.number},
                                          {QStringLiteral("code"), c.code},
                                          {QStringLiteral("url"), record.value().url}});
        } else {
            context.out() << certificateKindName(c.kind) << ' ' << c.number << "  验证码：" << CertificateCode::grouped(c.code) << '\n'
                          << "核验地址：" << record.value().url << '\n'
                          << "已写入 " << *out << "（" << written.value().pages << " 页）\n";
        }
        return ExitOk;
    }
};

const RegisterCommand<CertificateCommand> registered;

} // namespace

} // namespace shebao::cli
