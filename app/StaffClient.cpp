#include "app/StaffClient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include "app/ApiErrors.h"

namespace shebao {

namespace {

using api::unreadable;

Result<AuthorizationApplication> decodeApplication(const Result<QJsonDocument> &reply)
{
    if (!reply)
        return reply.error();
    return AuthorizationApplication::fromJson(reply.value().object());
}

QString idPath(const char *format, qint64 id)
{
    return QString::fromLatin1(format).arg(id);
}

QDateTime when(const QJsonObject &o, const char *key)
{
    return QDateTime::fromString(o.value(QLatin1String(key)).toString(), Qt::ISODateWithMs);
}

} // namespace

QJsonObject CertificateRecord::toJson() const
{
    return QJsonObject{{QStringLiteral("serial"), serial},
                       {QStringLiteral("unit_no"), unitNo},
                       {QStringLiteral("subject"), subject},
                       {QStringLiteral("not_before"), notBefore.toString(Qt::ISODate)},
                       {QStringLiteral("not_after"), notAfter.toString(Qt::ISODate)},
                       {QStringLiteral("revoked_at"),
                        revokedAt.isValid() ? QJsonValue(revokedAt.toString(Qt::ISODate)) : QJsonValue()}};
}

StaffClient::StaffClient(ApiClient *api, QObject *parent) : QObject(parent), m_api(api) {}

void StaffClient::login(const QString &username, const QString &password, QObject *context,
                        Callback<StaffLoginReply> done)
{
    const QJsonObject body{{QStringLiteral("username"), username}, {QStringLiteral("password"), password}};
    m_api->postJson(QStringLiteral("/staff/login"), body, {}, context,
                    [this, done = std::move(done)](Result<QJsonDocument> reply) {
                        if (!reply)
                            return done(reply.error());
                        const QJsonObject o = reply.value().object();
                        StaffLoginReply r;
                        r.token = o.value(QLatin1String("token")).toString().toUtf8();
                        r.expiresAt = when(o, "expires_at");
                        r.role = o.value(QLatin1String("role")).toString();
                        r.username = o.value(QLatin1String("username")).toString();
                        if (r.token.isEmpty())
                            return done(unreadable(QStringLiteral("staff login reply without a token")));
                        m_api->setToken(r.token);
                        done(std::move(r));
                    });
}

void StaffClient::listAuthorizations(const QString &state, QObject *context,
                                     Callback<QList<AuthorizationApplication>> done)
{
    QUrlQuery query;
    if (!state.isEmpty())
        query.addQueryItem(QStringLiteral("state"), state);
    m_api->getJson(QStringLiteral("/staff/authorizations"), query, context,
                   [done = std::move(done)](Result<QJsonDocument> reply) {
                       if (!reply)
                           return done(reply.error());
                       QList<AuthorizationApplication> list;
                       const QJsonArray items = reply.value().object().value(QLatin1String("items")).toArray();
                       for (const QJsonValue &item : items) {
                           auto application = AuthorizationApplication::fromJson(item.toObject());
                           if (!application)
                               return done(application.error());
                           list.append(std::move(application).value());
                       }
                       done(std::move(list));
                   });
}

void StaffClient::authorization(qint64 id, QObject *context, Callback<AuthorizationApplication> done)
{
    m_api->getJson(idPath("/staff/authorizations/%1", id), {}, context,
                   [done = std::move(done)](Result<QJsonDocument> reply) { done(decodeApplication(reply)); });
}

void StaffClient::authorizationScan(qint64 id, QObject *context, Callback<RawReply> done)
{
    m_api->getBytes(idPath("/staff/authorizations/%1/scan", id), {}, context, std::move(done));
}

void StaffClient::activate(qint64 id, QObject *context, Callback<AuthorizationApplication> done)
{
    postApplication(idPath("/staff/authorizations/%1/activate", id), {}, context, std::move(done));
}

void StaffClient::reject(qint64 id, const QString &reason, QObject *context, Callback<AuthorizationApplication> done)
{
    postApplication(idPath("/staff/authorizations/%1/reject", id), QJsonObject{{QStringLiteral("reason"), reason}},
                    context, std::move(done));
}

void StaffClient::postApplication(const QString &path, const QJsonObject &body, QObject *context,
                                  Callback<AuthorizationApplication> done)
{
    m_api->postJson(path, body, {}, context,
                    [done = std::move(done)](Result<QJsonDocument> reply) { done(decodeApplication(reply)); });
}

void StaffClient::issueCertificate(const QString &unitNo, const QByteArray &publicKeyPem, int days, QObject *context,
                                   Callback<IssuedLoginCertificate> done)
{
    QJsonObject body{{QStringLiteral("unit_no"), unitNo},
                     {QStringLiteral("public_key_pem"), QString::fromLatin1(publicKeyPem)}};
    if (days > 0)
        body.insert(QStringLiteral("days"), days);
    m_api->postJson(QStringLiteral("/staff/certificates/issue"), body, {}, context,
                    [done = std::move(done)](Result<QJsonDocument> reply) {
                        if (!reply)
                            return done(reply.error());
                        const QJsonObject o = reply.value().object();
                        IssuedLoginCertificate issued{o.value(QLatin1String("serial")).toString(),
                                                 o.value(QLatin1String("certificate_pem")).toString().toLatin1(),
                                                 o.value(QLatin1String("ca_pem")).toString().toLatin1()};
                        if (issued.serial.isEmpty() || issued.certificatePem.isEmpty())
                            return done(unreadable(QStringLiteral("issue reply without serial or certificate")));
                        done(std::move(issued));
                    });
}

void StaffClient::registerCertificate(const QString &unitNo, const QByteArray &certificatePem, QObject *context,
                                      Callback<QString> done)
{
    const QJsonObject body{{QStringLiteral("unit_no"), unitNo},
                           {QStringLiteral("certificate_pem"), QString::fromLatin1(certificatePem)}};
    m_api->postJson(QStringLiteral("/staff/certificates/register"), body, {}, context,
                    [done = std::move(done)](Result<QJsonDocument> reply) {
                        if (!reply)
                            return done(reply.error());
                        done(reply.value().object().value(QLatin1String("serial")).toString());
                    });
}

void StaffClient::revokeCertificate(const QString &serial, const QString &reason, QObject *context,
                                    Callback<QJsonObject> done)
{
    QJsonObject body;
    if (!reason.isEmpty())
        body.insert(QStringLiteral("reason"), reason);
    m_api->postJson(QStringLiteral("/staff/certificates/%1/revoke").arg(serial), body, {}, context,
                    [done = std::move(done)](Result<QJsonDocument> reply) {
                        if (!reply)
                            return done(reply.error());
                        done(reply.value().object());
                    });
}

void StaffClient::listCertificates(const QString &unitNo, QObject *context, Callback<QList<CertificateRecord>> done)
{
    QUrlQuery query;
    if (!unitNo.isEmpty())
        query.addQueryItem(QStringLiteral("unit_no"), unitNo);
    m_api->getJson(QStringLiteral("/staff/certificates"), query, context,
                   [done = std::move(done)](Result<QJsonDocument> reply) {
                       if (!reply)
                           return done(reply.error());
                       QList<CertificateRecord> list;
                       for (const QJsonValue &v : reply.value().object().value(QLatin1String("items")).toArray()) {
                           const QJsonObject o = v.toObject();
                           list.append(CertificateRecord{o.value(QLatin1String("serial")).toString(),
                                                         o.value(QLatin1String("unit_no")).toString(),
                                                         o.value(QLatin1String("subject")).toString(),
                                                         when(o, "not_before"), when(o, "not_after"),
                                                         when(o, "revoked_at")});
                       }
                       done(std::move(list));
                   });
}

} // namespace shebao
