#include <QFile>
#include <QFileDevice>
#include <QJsonArray>

#include "AdminContext.h"
#include "Commands.h"
#include "app/cli/ArgumentReader.h"
#include "app/cli/TextTable.h"
#include "crypto/Certificate.h"
#include "crypto/Key.h"
#include "crypto/Pkcs12.h"

namespace shebao::admin {

namespace {

using cli::ArgumentReader;

int usage(AdminContext &context, const QString &text)
{
    return context.usageError(QStringLiteral("用法：%1").arg(text));
}

Error fileError(const QString &path, const QString &why)
{
    return Error{QStringLiteral("file.write"), QStringLiteral("无法写入文件 %1：%2").arg(path, why), {}, {}};
}

// The key is made here, on the counter's machine: only its public half goes to the server,
// and the private key leaves this process only inside the PIN-protected PKCS#12.
int issue(AdminContext &context, ArgumentReader &reader)
{
    const QString usageText = QStringLiteral("certs issue UNIT --algo sm2|ecdsa --out FILE.p12 --pin-stdin [--days N]");
    const std::optional<QString> algo = reader.value(QStringLiteral("--algo"));
    const std::optional<QString> out = reader.value(QStringLiteral("--out"));
    const std::optional<QString> daysArg = reader.value(QStringLiteral("--days"));
    const bool pinStdin = reader.flag(QStringLiteral("--pin-stdin"));
    const QStringList units = reader.positional();
    if (units.size() != 1 || !algo || !out || !reader.missingValue().isEmpty() || !reader.unknown().isEmpty())
        return usage(context, usageText);
    crypto::Algorithm algorithm;
    if (*algo == QLatin1String("sm2"))
        algorithm = crypto::Algorithm::Sm2Sm3;
    else if (*algo == QLatin1String("ecdsa"))
        algorithm = crypto::Algorithm::EcdsaP256Sha256;
    else
        return context.usageError(QStringLiteral("--algo 须为 sm2 或 ecdsa，而不是“%1”").arg(*algo));
    int days = 0;
    if (daysArg) {
        bool ok = false;
        days = daysArg->toInt(&ok);
        if (!ok || days < 1)
            return context.usageError(QStringLiteral("--days 须为正整数"));
    }
    if (!pinStdin)
        return context.usageError(QStringLiteral("证书文件的 PIN 须用 --pin-stdin 从标准输入读取（密码之后的一行）"));

    auto staff = context.login();
    if (!staff)
        return context.fail(staff.error());
    const QByteArray pin = context.readStdinLine().toUtf8();
    if (pin.size() < 6)
        return context.usageError(QStringLiteral("标准输入的第二行须为至少 6 位的 PIN"));

    Result<crypto::Key> key = crypto::Key::generate(algorithm);
    if (!key)
        return context.fail(key.error());
    const QString unitNo = units.first();
    auto issued = context.wait<IssuedLoginCertificate>([&](QObject *c, StaffClient::Callback<IssuedLoginCertificate> done) {
        staff.value()->issueCertificate(unitNo, key.value().publicPem(), days, c, std::move(done));
    });
    if (!issued)
        return context.fail(issued.error());
    Result<crypto::Certificate> certificate = crypto::Certificate::fromPem(issued.value().certificatePem);
    if (!certificate)
        return context.fail(certificate.error());
    crypto::Credential credential;
    credential.key = std::move(key).value();
    credential.certificate = certificate.value();
    credential.chain = crypto::Certificate::allFromPem(issued.value().caPem);
    Result<QByteArray> p12 = crypto::writePkcs12(credential, pin, unitNo + u' ' + issued.value().serial);
    if (!p12)
        return context.fail(p12.error());
    QFile file(*out);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return context.fail(fileError(*out, file.errorString()));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (file.write(p12.value()) != p12.value().size() || !file.flush())
        return context.fail(fileError(*out, file.errorString()));
    file.close();

    const crypto::Certificate &c = credential.certificate;
    if (context.json()) {
        context.printJson(QJsonObject{{QStringLiteral("serial"), issued.value().serial},
                                      {QStringLiteral("unit_no"), unitNo},
                                      {QStringLiteral("algorithm"), crypto::algorithmName(algorithm)},
                                      {QStringLiteral("subject"), c.subject()},
                                      {QStringLiteral("issuer"), c.issuer()},
                                      {QStringLiteral("not_before"), c.notBefore().toString(Qt::ISODate)},
                                      {QStringLiteral("not_after"), c.notAfter().toString(Qt::ISODate)},
                                      {QStringLiteral("file"), *out}});
    } else {
        context.out() << "已为单位 " << unitNo << " 签发 " << crypto::algorithmName(algorithm) << " 证书，序列号 "
                      << issued.value().serial << '\n'
                      << "主题：" << c.subject() << '\n'
                      << "有效期：" << c.notBefore().toString(Qt::ISODate) << " 至 "
                      << c.notAfter().toString(Qt::ISODate) << '\n'
                      << "证书文件（PIN 保护）：" << *out << '\n';
    }
    return ExitOk;
}

int registerCertificate(AdminContext &context, ArgumentReader &reader)
{
    const QStringList positional = reader.positional();
    if (positional.size() != 2 || !reader.unknown().isEmpty())
        return usage(context, QStringLiteral("certs register UNIT CERT.pem"));
    QFile file(positional.at(1));
    if (!file.open(QIODevice::ReadOnly))
        return context.fail(Error{QStringLiteral("file.read"),
                                  QStringLiteral("无法读取证书文件 %1：%2").arg(positional.at(1), file.errorString()),
                                  {}, {}});
    const QByteArray pem = file.readAll();
    Result<crypto::Certificate> certificate = crypto::Certificate::fromPem(pem);
    if (!certificate)
        return context.fail(certificate.error());
    auto staff = context.login();
    if (!staff)
        return context.fail(staff.error());
    auto serial = context.wait<QString>([&](QObject *c, StaffClient::Callback<QString> done) {
        staff.value()->registerCertificate(positional.at(0), pem, c, std::move(done));
    });
    if (!serial)
        return context.fail(serial.error());
    if (context.json())
        context.printJson(QJsonObject{{QStringLiteral("serial"), serial.value()},
                                      {QStringLiteral("unit_no"), positional.at(0)}});
    else
        context.out() << "证书 " << serial.value() << "（" << certificate.value().subject() << "）已绑定到单位 "
                      << positional.at(0) << '\n';
    return ExitOk;
}

int revoke(AdminContext &context, ArgumentReader &reader)
{
    const QString reason = reader.value(QStringLiteral("--reason")).value_or(QString());
    const QStringList positional = reader.positional();
    if (positional.size() != 1 || !reader.missingValue().isEmpty() || !reader.unknown().isEmpty())
        return usage(context, QStringLiteral("certs revoke SERIAL [--reason TEXT]"));
    auto staff = context.login();
    if (!staff)
        return context.fail(staff.error());
    auto revoked = context.wait<QJsonObject>([&](QObject *c, StaffClient::Callback<QJsonObject> done) {
        staff.value()->revokeCertificate(positional.first(), reason, c, std::move(done));
    });
    if (!revoked)
        return context.fail(revoked.error());
    if (context.json())
        context.printJson(revoked.value());
    else
        context.out() << "证书 " << revoked.value().value(QLatin1String("serial")).toString() << " 已于 "
                      << revoked.value().value(QLatin1String("revoked_at")).toString() << " 吊销\n";
    return ExitOk;
}

int list(AdminContext &context, ArgumentReader &reader)
{
    const QString unitNo = reader.value(QStringLiteral("--unit")).value_or(QString());
    if (!reader.missingValue().isEmpty() || !reader.unknown().isEmpty())
        return usage(context, QStringLiteral("certs list [--unit UNIT]"));
    auto staff = context.login();
    if (!staff)
        return context.fail(staff.error());
    auto items = context.wait<QList<CertificateRecord>>(
        [&](QObject *c, StaffClient::Callback<QList<CertificateRecord>> done) {
            staff.value()->listCertificates(unitNo, c, std::move(done));
        });
    if (!items)
        return context.fail(items.error());
    if (context.json()) {
        QJsonArray array;
        for (const CertificateRecord &r : items.value())
            array.append(r.toJson());
        context.printJson(QJsonObject{{QStringLiteral("items"), array}});
        return ExitOk;
    }
    cli::TextTable table({QStringLiteral("序列号"), QStringLiteral("单位编号"), QStringLiteral("主题"),
                          QStringLiteral("生效"), QStringLiteral("到期"), QStringLiteral("吊销")});
    for (const CertificateRecord &r : items.value()) {
        table.addRow({r.serial, r.unitNo, r.subject, r.notBefore.toString(Qt::ISODate),
                      r.notAfter.toString(Qt::ISODate),
                      r.revokedAt.isValid() ? r.revokedAt.toString(Qt::ISODate) : QStringLiteral("-")});
    }
    table.print(context.out());
    context.out() << items.value().size() << " 张证书\n";
    return ExitOk;
}

} // namespace

int runCerts(AdminContext &context, const QStringList &args)
{
    if (args.isEmpty())
        return context.usageError(QStringLiteral("用法：certs issue|register|revoke|list ..."));
    const QString verb = args.first();
    ArgumentReader reader(args.mid(1));
    if (verb == QLatin1String("issue"))
        return issue(context, reader);
    if (verb == QLatin1String("register"))
        return registerCertificate(context, reader);
    if (verb == QLatin1String("revoke"))
        return revoke(context, reader);
    if (verb == QLatin1String("list"))
        return list(context, reader);
    return context.usageError(QStringLiteral("certs 没有子命令 %1").arg(verb));
}

} // namespace shebao::admin
