#include "server/StaffCertificateRoutes.h"

#include <QDateTime>
#include <QHttpServer>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlQuery>
#include <QUrlQuery>
#include <QVariant>

#include "crypto/Certificate.h"
#include "crypto/Key.h"
#include "server/AuditLog.h"
#include "server/Authenticator.h"
#include "server/CertificateAuthority.h"
#include "server/CertificateStore.h"
#include "server/Clock.h"
#include "server/Database.h"
#include "server/HttpUtil.h"
#include "server/IdempotencyStore.h"
#include "server/Problem.h"

namespace shebao::server {

namespace {

const QStringList Clerks{QStringLiteral("clerk")};

QString member(const QJsonObject &o, const char *name)
{
    const QJsonValue v = o.value(QLatin1String(name));
    return v.isString() ? v.toString().trimmed() : QString();
}

} // namespace

void StaffCertificateRoutes::registerOn(QHttpServer &server)
{
    using Method = QHttpServerRequest::Method;
    server.route(QStringLiteral("/api/v1/staff/certificates/issue"), Method::Post,
                 [this](const QHttpServerRequest &request) { return issue(request); });
    server.route(QStringLiteral("/api/v1/staff/certificates/register"), Method::Post,
                 [this](const QHttpServerRequest &request) { return registerCertificate(request); });
    server.route(QStringLiteral("/api/v1/staff/certificates/<arg>/revoke"), Method::Post,
                 [this](const QString &serial, const QHttpServerRequest &request) { return revoke(serial, request); });
    server.route(QStringLiteral("/api/v1/staff/certificates"), Method::Get,
                 [this](const QHttpServerRequest &request) { return list(request); });
}

Result<StaffCertificateRoutes::UnitRef> StaffCertificateRoutes::unit(const QString &unitNo)
{
    if (unitNo.isEmpty())
        return Problem::invalidRequest(QStringLiteral("请填写单位编号。"), QStringLiteral("unit_no"));
    auto q = m_db.exec(QStringLiteral("SELECT id, name FROM units WHERE unit_no = ?"), {unitNo});
    if (!q)
        return q.error();
    if (!q.value().next())
        return Error{QStringLiteral("not_found"), QStringLiteral("单位编号 %1 不存在。").arg(unitNo), {}, QStringLiteral("unit_no")};
    return UnitRef{q.value().value(0).toLongLong(), q.value().value(1).toString()};
}

QHttpServerResponse StaffCertificateRoutes::issue(const QHttpServerRequest &request)
{
    if (auto refused = http::refuseLargeBody(request))
        return std::move(*refused);
    auto session = m_auth.authenticateStaff(request, Clerks);
    if (!session)
        return Problem::response(session.error());
    const Session s = session.value();
    return m_idempotency.handle(request, Authenticator::scopeOf(s), [&]() -> QHttpServerResponse {
        auto body = http::jsonObject(request);
        if (!body)
            return Problem::response(body.error());
        const QJsonObject o = body.value();
        const QString unitNo = member(o, "unit_no");
        auto u = unit(unitNo);
        if (!u)
            return Problem::response(u.error());
        auto key = crypto::Key::fromPublicPem(member(o, "public_key_pem").toLatin1());
        if (!key || !key.value().algorithm())
            return Problem::response(Problem::invalidRequest(QStringLiteral("公钥无效：须为 PEM 格式的 SM2 或 ECDSA P-256 公钥。"),
                                                             QStringLiteral("public_key_pem")));
        const QDateTime now = QDateTime::fromSecsSinceEpoch(m_clock.now());
        int days = 365;
        if (o.contains(QLatin1String("days"))) {
            days = o.value(QLatin1String("days")).toInt(0);
            if (days < 1 || days > 3650)
                return Problem::response(Problem::invalidRequest(QStringLiteral("有效天数须为 1 至 3650。"), QStringLiteral("days")));
        }
        QDateTime notBefore = now.addSecs(-300);
        QDateTime notAfter = now.addDays(days);
        if (o.contains(QLatin1String("not_before")) || o.contains(QLatin1String("not_after"))) {
            notBefore = QDateTime::fromString(member(o, "not_before"), Qt::ISODate);
            notAfter = QDateTime::fromString(member(o, "not_after"), Qt::ISODate);
            if (!notBefore.isValid() || !notAfter.isValid() || notAfter <= notBefore)
                return Problem::response(Problem::invalidRequest(
                    QStringLiteral("not_before 与 not_after 须同时给出（ISO-8601），且结束晚于开始。"), QStringLiteral("not_after")));
        }
        auto cert = m_authority.issue(key.value(), u.value().name, unitNo, notBefore, notAfter);
        if (!cert)
            return Problem::response(cert.error());
        if (auto r = m_certificates.bind(cert.value(), u.value().id, Authenticator::actorOf(s)); !r)
            return Problem::response(r.error());
        const QString serial = CertificateStore::normalizeSerial(cert.value().serialHex());
        if (auto r = m_audit.record(Authenticator::actorOf(s), QStringLiteral("staff.certificates.issue"),
                                    QStringLiteral("success"), http::peer(request), serial, unitNo);
            !r)
            return Problem::response(r.error());
        return http::json(QJsonObject{{QStringLiteral("serial"), serial},
                                      {QStringLiteral("certificate_pem"), QString::fromLatin1(cert.value().toPem())},
                                      {QStringLiteral("ca_pem"), QString::fromLatin1(m_authority.caCertificate().toPem())}});
    });
}

QHttpServerResponse StaffCertificateRoutes::registerCertificate(const QHttpServerRequest &request)
{
    if (auto refused = http::refuseLargeBody(request))
        return std::move(*refused);
    auto session = m_auth.authenticateStaff(request, Clerks);
    if (!session)
        return Problem::response(session.error());
    const Session s = session.value();
    return m_idempotency.handle(request, Authenticator::scopeOf(s), [&]() -> QHttpServerResponse {
        auto body = http::jsonObject(request);
        if (!body)
            return Problem::response(body.error());
        const QString unitNo = member(body.value(), "unit_no");
        auto u = unit(unitNo);
        if (!u)
            return Problem::response(u.error());
        auto cert = crypto::Certificate::fromPem(member(body.value(), "certificate_pem").toLatin1());
        if (!cert)
            return Problem::response(Problem::invalidRequest(QStringLiteral("证书无效：须为 PEM 格式的 X.509 证书。"),
                                                             QStringLiteral("certificate_pem")));
        const QString serial = CertificateStore::normalizeSerial(cert.value().serialHex());
        if (auto chain = cert.value().verifyChain(m_authority.trustedBundle(), QDateTime::fromSecsSinceEpoch(m_clock.now()));
            !chain) {
            m_audit.record(Authenticator::actorOf(s), QStringLiteral("staff.certificates.register"), chain.error().code,
                           http::peer(request), serial, unitNo);
            return Problem::response(Problem::invalidRequest(chain.error().message, QStringLiteral("certificate_pem")));
        }
        if (auto r = m_certificates.bind(cert.value(), u.value().id, Authenticator::actorOf(s)); !r)
            return Problem::response(r.error());
        if (auto r = m_audit.record(Authenticator::actorOf(s), QStringLiteral("staff.certificates.register"),
                                    QStringLiteral("success"), http::peer(request), serial, unitNo);
            !r)
            return Problem::response(r.error());
        return http::json(QJsonObject{{QStringLiteral("serial"), serial}});
    });
}

QHttpServerResponse StaffCertificateRoutes::revoke(const QString &serial, const QHttpServerRequest &request)
{
    if (auto refused = http::refuseLargeBody(request))
        return std::move(*refused);
    auto session = m_auth.authenticateStaff(request, Clerks);
    if (!session)
        return Problem::response(session.error());
    const Session s = session.value();
    return m_idempotency.handle(request, Authenticator::scopeOf(s), [&]() -> QHttpServerResponse {
        QString reason;
        if (!request.body().trimmed().isEmpty()) {
            auto body = http::jsonObject(request);
            if (!body)
                return Problem::response(body.error());
            reason = member(body.value(), "reason");
        }
        auto revokedAt = m_certificates.revoke(serial, reason);
        if (!revokedAt)
            return Problem::response(revokedAt.error());
        const QString normalized = CertificateStore::normalizeSerial(serial);
        if (auto r = m_audit.record(Authenticator::actorOf(s), QStringLiteral("staff.certificates.revoke"),
                                    QStringLiteral("success"), http::peer(request), normalized, reason);
            !r)
            return Problem::response(r.error());
        return http::json(QJsonObject{{QStringLiteral("serial"), normalized},
                                      {QStringLiteral("revoked_at"), Clock::iso(revokedAt.value())}});
    });
}

QHttpServerResponse StaffCertificateRoutes::list(const QHttpServerRequest &request)
{
    auto session = m_auth.authenticateStaff(request, Clerks);
    if (!session)
        return Problem::response(session.error());
    const QString unitNo = request.query().queryItemValue(QStringLiteral("unit_no"));
    auto items = m_certificates.list(unitNo);
    if (!items)
        return Problem::response(items.error());
    m_audit.record(Authenticator::actorOf(session.value()), QStringLiteral("staff.certificates.list"),
                   QStringLiteral("success"), http::peer(request), unitNo);
    return http::json(QJsonObject{{QStringLiteral("items"), items.value()}});
}

} // namespace shebao::server
