#include "server/HttpUtil.h"

#include <QHostAddress>
#include <QJsonDocument>

#include "server/Problem.h"

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

std::optional<QHttpServerResponse> refuseLargeBody(const QHttpServerRequest &request)
{
    bool ok = false;
    const qint64 declared = header(request, QByteArrayLiteral("Content-Length")).trimmed().toLongLong(&ok);
    if ((ok && declared > MaxBodyBytes) || request.body().size() > MaxBodyBytes)
        return Problem::response(Error{QStringLiteral("upload.too_large"),
                                       QStringLiteral("提交的内容超过 5 MB，请压缩或缩小后重试。"), {}, {}});
    return std::nullopt;
}

QHttpServerResponse tooMany(const Error &error, qint64 seconds)
{
    QHttpServerResponse response = Problem::response(error, QJsonObject{{QStringLiteral("retry_after"), seconds}});
    response.addHeader(QByteArrayLiteral("Retry-After"), QByteArray::number(seconds));
    return response;
}

Result<QJsonObject> jsonObject(const QHttpServerRequest &request)
{
    return jsonObject(request.body());
}

Result<QJsonObject> jsonObject(const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return Problem::invalidRequest(QStringLiteral("请求内容不是有效的 JSON 对象。"));
    return doc.object();
}

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return QByteArrayLiteral("GET");
    case QHttpServerRequest::Method::Put: return QByteArrayLiteral("PUT");
    case QHttpServerRequest::Method::Delete: return QByteArrayLiteral("DELETE");
    case QHttpServerRequest::Method::Post: return QByteArrayLiteral("POST");
    case QHttpServerRequest::Method::Patch: return QByteArrayLiteral("PATCH");
    default: return QByteArrayLiteral("OTHER");
    }
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
