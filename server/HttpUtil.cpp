#include "server/HttpUtil.h"

#include <QHostAddress>
#include <QJsonDocument>

namespace shebao::server::http {

QByteArray header(const QHttpServerRequest &request, const QByteArray &name)
{
    const auto headers = request.headers();
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

QString bearerToken(const QHttpServerRequest &request)
{
    const QByteArray value = header(request, QByteArrayLiteral("Authorization")).trimmed();
    static const QByteArray scheme = QByteArrayLiteral("bearer ");
    if (value.size() <= scheme.size() || value.left(scheme.size()).toLower() != scheme)
        return {};
    return QString::fromLatin1(value.mid(scheme.size()).trimmed());
}

QString idempotencyKey(const QHttpServerRequest &request)
{
    return QString::fromUtf8(header(request, QByteArrayLiteral("Idempotency-Key")).trimmed());
}

QString peer(const QHttpServerRequest &request)
{
    return request.remoteAddress().toString();
}

QHttpServerResponse json(const QJsonObject &object, QHttpServerResponse::StatusCode status)
{
    return jsonBytes(QJsonDocument(object).toJson(QJsonDocument::Compact), status);
}

QHttpServerResponse jsonBytes(QByteArray body, QHttpServerResponse::StatusCode status)
{
    return QHttpServerResponse(QByteArrayLiteral("application/json"), std::move(body), status);
}

} // namespace shebao::server::http
