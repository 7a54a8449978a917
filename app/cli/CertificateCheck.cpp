#include "CertificateCheck.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>

#include "CliContext.h"
#include "crypto/Key.h"
#include "models/certificate/CertificateJson.h"

namespace shebao::cli {

namespace {

// The DER of a PEM public key, to compare keys whatever their line breaks.
QByteArray pemBody(const QByteArray &pem)
{
    QByteArray base64;
    for (const QByteArray &line : pem.split('\n')) {
        const QByteArray l = line.trimmed();
        if (!l.isEmpty() && !l.startsWith("-----"))
            base64 += l;
    }
    return QByteArray::fromBase64(base64);
}

QString beijing(const QDateTime &at)
{
    return at.isValid() ? at.toOffsetFromUtc(8 * 3600).toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QStringLiteral("-");
}

} // namespace

Result<CertificateCheck> CertificateCheck::run(CliContext &context, const QString &code, const QString &agencyKeyFile)
{
    CertificateCheck check;
    const QString normalized = CertificateCode::normalize(code);
    if (normalized.isEmpty()) {
        check.problems << QStringLiteral("验证码格式不对：应为 16 位字母和数字（不含 0、O、1、I），如 7KQM-3XRT-9WCD-HJ4P。");
        return check;
    }
    QByteArray pinned;
    if (!agencyKeyFile.isEmpty()) {
        QFile file(agencyKeyFile);
        if (!file.open(QIODevice::ReadOnly))
            return Error{QStringLiteral("cli.file"), QStringLiteral("无法读取经办机构公钥文件 %1").arg(agencyKeyFile), file.errorString(), {}};
        pinned = pemBody(file.readAll());
        if (pinned.isEmpty())
            return Error{QStringLiteral("cli.file"), QStringLiteral("%1 不是 PEM 格式的公钥").arg(agencyKeyFile), {}, {}};
    }
    auto api = context.api();
    if (!api)
        return api.error();
    ApiClient *client = api.value();
    auto reply = context.wait<QJsonDocument>([&](QObject *c, ApiClient::Callback<QJsonDocument> done) {
        client->getJson(QStringLiteral("/verify/") + normalized, {}, c, std::move(done));
    });
    if (!reply) {
        if (reply.error().code == QLatin1String("certificate.unknown")) {
            check.problems << reply.error().message;
            return check;
        }
        return reply.error();
    }
    auto answer = json::decodeVerificationAnswer(reply.value().object());
    if (!answer)
        return answer.error();
    check.answer = answer.value();
    const IssuedCertificate &record = check.answer->certificate;

    auto key = crypto::Key::fromPublicPem(check.answer->publicKeyPem);
    if (!key) {
        check.problems << QStringLiteral("服务器给出的经办机构公钥无法读取。");
        return check;
    }
    if (!pinned.isEmpty() && pemBody(check.answer->publicKeyPem) != pinned)
        check.problems << QStringLiteral("服务器给出的公钥不是指定的经办机构公钥（--agency-key）。");
    check.signatureHolds = key.value().verify(record.canonical, record.signature);
    if (!check.signatureHolds)
        check.problems << QStringLiteral("电子签名核验失败：签名与证明内容不符。");
    auto signedContent = json::decodeCanonical(record.canonical);
    if (!signedContent || !(signedContent.value() == record.content))
        check.problems << QStringLiteral("服务器显示的内容与签名的内容不一致。");
    else if (signedContent.value().code != normalized)
        check.problems << QStringLiteral("签名内容中的验证码与所查验证码不一致。");
    if (check.answer->state == CertificateState::Revoked)
        check.problems << QStringLiteral("该证明已于 %1 撤销，原因：%2。").arg(beijing(record.revokedAt), record.revokeReason);
    else if (check.answer->state == CertificateState::Expired)
        check.problems << QStringLiteral("该证明已于 %1 过期。").arg(beijing(record.content.validUntil));
    return check;
}

void printFacts(QTextStream &out, const VerificationAnswer &answer)
{
    const CertificateContent &c = answer.certificate.content;
    out << certificateKindName(c.kind) << "  " << c.number << "  验证码 " << CertificateCode::grouped(c.code) << '\n'
        << "单位：" << c.unitName << "（单位编号 " << c.unitNo << "，统一社会信用代码 " << c.creditCode << "）\n"
        << "打印用途：" << c.purpose << "  出具：" << beijing(c.issuedAt) << "  有效期至：" << beijing(c.validUntil) << '\n';
    switch (c.kind) {
    case CertificateKind::Unit:
        for (const InsuranceSummary &s : c.insurances)
            out << "  " << s.insuranceName << "：参保 " << s.insuredCount << " 人，缴费 " << s.payingCount << " 人，首次参保 "
                << s.firstMonth << "，缴至 " << s.paidToMonth << "，欠费 " << (s.arrears ? "是" : "否") << '\n';
        out << "  合计：参保 " << c.insuredTotal << " 人，缴费 " << c.payingTotal << " 人\n";
        break;
    case CertificateKind::Roster:
        out << "  参保人员名单：" << c.roster.size() << " 人（" << c.asOfMonth << " 正常缴费）\n";
        break;
    case CertificateKind::Person:
        out << "  " << c.personName << "（个人编号 " << c.personNo << "，" << c.personIdNumberMasked << "）：" << c.periods.size()
            << " 段参保记录\n";
        break;
    }
}

} // namespace shebao::cli
