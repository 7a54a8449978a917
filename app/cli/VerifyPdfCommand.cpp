#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include "ArgumentReader.h"
#include "CertificateCheck.h"
#include "CertificatePdfText.h"
#include "CliContext.h"
#include "Command.h"
#include "models/certificate/CertificateJson.h"

namespace shebao::cli {

namespace {

// A printed 参保证明 as a PDF: is it a valid certificate, and does the paper say what the agency
// certified? The code is read from the PDF's visible text (pdftotext), the server's answer is
// checked as by `verify`, and the key facts printed (unit, counts, persons) are compared with
// the signed content — an edited name or count is reported line by line.
class VerifyPdfCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("verify-pdf"); }
    QString usage() const override { return QStringLiteral("verify-pdf FILE.pdf [--agency-key PUBLIC.pem]"); }
    QString summary() const override { return QStringLiteral("check a printed certificate PDF against the authentic content"); }

    int run(CliContext &context, const QStringList &args) override
    {
        ArgumentReader reader(args);
        const QString key = reader.value(QStringLiteral("--agency-key")).value_or(QString());
        const QStringList positional = reader.positional();
        if (positional.size() != 1 || !reader.missingValue().isEmpty() || !reader.unknown().isEmpty())
            return context.usageError(QStringLiteral("用法：shebao-cli %1").arg(usage()));
        const QString path = positional.first();
        if (!QFileInfo(path).isFile())
            return context.fail(Error{QStringLiteral("cli.file"), QStringLiteral("找不到文件 %1").arg(path), {}, {}});
        auto text = CertificatePdfText::extract(path);
        if (!text)
            return context.fail(text.error());
        const QString code = CertificatePdfText::code(text.value());
        if (code.isEmpty())
            return context.fail(Error{QStringLiteral("cli.no_code"),
                                      QStringLiteral("%1 中找不到“验证码：”，不是本系统打印的参保证明，或文字无法读取。").arg(path), {}, {}});
        auto check = CertificateCheck::run(context, code, key);
        if (!check)
            return context.fail(check.error());
        CertificateCheck c = check.value();
        QStringList mismatches;
        if (c.answer)
            mismatches = CertificatePdfText::mismatches(text.value(), c.answer->certificate.content);
        const bool valid = c.valid() && mismatches.isEmpty();
        if (context.json()) {
            QJsonObject o{{QStringLiteral("valid"), valid},
                          {QStringLiteral("code"), code},
                          {QStringLiteral("state"), c.answer ? certificateStateCode(c.answer->state) : QStringLiteral("unknown")},
                          {QStringLiteral("signature_valid"), c.signatureHolds},
                          {QStringLiteral("content_matches"), c.answer && mismatches.isEmpty()},
                          {QStringLiteral("problems"), QJsonArray::fromStringList(c.problems)},
                          {QStringLiteral("mismatches"), QJsonArray::fromStringList(mismatches)}};
            if (c.answer)
                o.insert(QStringLiteral("number"), c.answer->certificate.content.number);
            context.printJson(o);
        } else {
            context.out() << path << "：验证码 " << CertificateCode::grouped(code) << '\n';
            if (c.answer)
                printFacts(context.out(), *c.answer);
            for (const QString &p : std::as_const(c.problems))
                context.out() << "  ✗ " << p << '\n';
            if (!mismatches.isEmpty())
                context.out() << "PDF 内容与经办机构记录不符：\n";
            for (const QString &m : std::as_const(mismatches))
                context.out() << "  ✗ " << m << '\n';
            context.out() << (valid ? "核验通过：证明有效，PDF 内容与经办机构记录一致。\n" : "核验未通过。\n");
        }
        return valid ? int(ExitOk) : int(ExitInputProblems);
    }
};

const RegisterCommand<VerifyPdfCommand> registered;

} // namespace

} // namespace shebao::cli
