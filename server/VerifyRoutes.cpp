#include "server/VerifyRoutes.h"

#include <QDateTime>
#include <QHttpServer>
#include <QUrlQuery>

#include "models/certificate/CertificateJson.h"
#include "server/AuditLog.h"
#include "server/CertificateService.h"
#include "server/CertificateSigningKey.h"
#include "server/Clock.h"
#include "server/HttpUtil.h"
#include "server/Problem.h"
#include "server/VerifyPage.h"

namespace shebao::server {

namespace {

using Status = QHttpServerResponse::StatusCode;

QHttpServerResponse html(QByteArray body, Status status)
{
    QHttpServerResponse response(QByteArrayLiteral("text/html; charset=utf-8"), std::move(body), status);
    // Nothing but the page itself: no scripts, frames or fetches, inline styles only.
    response.addHeader(QByteArrayLiteral("Content-Security-Policy"),
                       QByteArrayLiteral("default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'"));
    response.addHeader(QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff"));
    response.addHeader(QByteArrayLiteral("Referrer-Policy"), QByteArrayLiteral("no-referrer"));
    return response;
}

Error tooMany(qint64 seconds)
{
    return Error{QStringLiteral("verify.too_many"), QStringLiteral("查询过于频繁，请 %1 秒后再试。").arg(seconds), {}, {}};
}

void retryAfter(QHttpServerResponse &response, qint64 seconds)
{
    response.addHeader(QByteArrayLiteral("Retry-After"), QByteArray::number(seconds));
}

} // namespace

void VerifyRoutes::registerOn(QHttpServer &server)
{
    using Method = QHttpServerRequest::Method;
    server.route(QStringLiteral("/verify"), Method::Get, [this](const QHttpServerRequest &request) { return page(request); });
    server.route(QStringLiteral("/api/v1/verify/<arg>"), Method::Get,
                 [this](const QString &code, const QHttpServerRequest &request) { return api(code, request); });
}

Result<IssuedCertificate> VerifyRoutes::lookUp(const QString &typed, const QHttpServerRequest &request)
{
    const QString code = CertificateCode::normalize(typed);
    auto found = code.isEmpty() ? Result<IssuedCertificate>(CertificateService::unknown()) : m_service.findByCode(code);
    const QString peer = http::peer(request);
    if (!found && found.error().code == QLatin1String("certificate.unknown"))
        m_throttle.recordFailure(peer);
    // Only the outcome and a prefix: the log must not become a list of valid codes.
    m_audit.record(QStringLiteral("anonymous"), QStringLiteral("certificate.verify"),
                   found ? certificateStateCode(found.value().state) : found.error().code, peer,
                   found ? found.value().content.number : QString(), typed.left(4));
    return found;
}

QHttpServerResponse VerifyRoutes::page(const QHttpServerRequest &request)
{
    const QUrlQuery query = request.query();
    if (!query.hasQueryItem(QStringLiteral("code")))
        return html(VerifyPage::form(), Status::Ok);
    const QString typed = query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    if (const qint64 wait = m_throttle.retryAfter(http::peer(request))) {
        QHttpServerResponse response = html(VerifyPage::tooMany(wait), Status::TooManyRequests);
        retryAfter(response, wait);
        return response;
    }
    auto found = lookUp(typed, request);
    if (!found) {
        if (found.error().code != QLatin1String("certificate.unknown"))
            return html(VerifyPage::form(typed, QStringLiteral("服务器暂时无法核验，请稍后再试。")), Status::InternalServerError);
        return html(VerifyPage::form(typed, found.error().message), Status::NotFound);
    }
    return html(VerifyPage::certificate(found.value(), m_service.signatureHolds(found.value()), m_clock.now()), Status::Ok);
}

QHttpServerResponse VerifyRoutes::api(const QString &code, const QHttpServerRequest &request)
{
    if (const qint64 wait = m_throttle.retryAfter(http::peer(request))) {
        return http::tooMany(tooMany(wait), wait);
    }
    auto found = lookUp(code, request);
    if (!found)
        return Problem::response(found.error());
    VerificationAnswer answer;
    answer.state = found.value().state;
    answer.checkedAt = QDateTime::fromSecsSinceEpoch(m_clock.now(), Qt::UTC);
    answer.certificate = found.value();
    answer.certificate.revokedBy.clear();
    answer.publicKeyPem = m_service.signingKey().publicPem();
    return http::json(json::encode(answer));
}

} // namespace shebao::server
