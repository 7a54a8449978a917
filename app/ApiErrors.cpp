#include "app/ApiErrors.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

namespace shebao::api {

Error transportError(QNetworkReply::NetworkError error, const QString &errorString,
                     const QList<QSslError> &sslErrors, bool timedOut)
{
    if (timedOut || error == QNetworkReply::TimeoutError) {
        return Error{Timeout,
                     QCoreApplication::translate("shebao::ApiClient",
                                                 "The server did not answer in time. Try again later."),
                     errorString, {}};
    }
    if (error == QNetworkReply::SslHandshakeFailedError || !sslErrors.isEmpty()) {
        QStringList reasons;
        for (const QSslError &e : sslErrors)
            reasons << e.errorString();
        return Error{TlsUntrusted,
                     QCoreApplication::translate("shebao::ApiClient",
                                                 "The server's certificate is not trusted, so the connection was "
                                                 "refused. If the server uses its own certificate authority, "
                                                 "choose its CA file under Server settings → CA certificate."),
                     reasons.isEmpty() ? errorString : reasons.join(QStringLiteral("; ")), {}};
    }
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
        return Error{Unreachable,
                     QCoreApplication::translate("shebao::ApiClient",
                                                 "Cannot connect to the server. Check the network connection "
                                                 "and the server address."),
                     errorString, {}};
    default:
        return Error{QStringLiteral("net.error"),
                     QCoreApplication::translate("shebao::ApiClient", "The request to the server failed."),
                     errorString, {}};
    }
}

Error httpError(int status, const QByteArray &contentType, const QByteArray &body)
{
    if (contentType.startsWith("application/problem+json")) {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
        const QJsonObject problem = doc.object();
        const QString code = problem.value(QLatin1String("code")).toString();
        if (parseError.error == QJsonParseError::NoError && !code.isEmpty()) {
            QString message = problem.value(QLatin1String("detail")).toString();
            if (message.isEmpty())
                message = problem.value(QLatin1String("title")).toString();
            const QJsonArray errors = problem.value(QLatin1String("errors")).toArray();
            const QString field = errors.isEmpty()
                ? QString()
                : errors.first().toObject().value(QLatin1String("field")).toString();
            return Error{code, message, QString::fromUtf8(doc.toJson(QJsonDocument::Compact)), field};
        }
    }
    return Error{QStringLiteral("http.%1").arg(status),
                 QCoreApplication::translate("shebao::ApiClient", "The server answered with an error (HTTP %1).").arg(status),
                 QString::fromUtf8(body.left(500)), {}};
}

Error unreadable(const QString &detail)
{
    return Error{QStringLiteral("json.parse"),
                 QCoreApplication::translate("shebao::ApiClient", "The server sent data this client cannot read."),
                 detail, {}};
}

Result<QJsonObject> objectOf(const Result<QJsonDocument> &reply)
{
    if (!reply)
        return reply.error();
    if (!reply.value().isObject())
        return unreadable(QStringLiteral("expected a JSON object"));
    return reply.value().object();
}

QJsonObject problemOf(const Error &error)
{
    if (!error.detail.startsWith(u'{'))
        return {};
    return QJsonDocument::fromJson(error.detail.toUtf8()).object();
}

int triesLeft(const Error &error)
{
    const QJsonValue v = problemOf(error).value(QLatin1String("tries_left"));
    return v.isDouble() ? v.toInt() : -1;
}

QDateTime lockedUntil(const Error &error)
{
    return QDateTime::fromString(problemOf(error).value(QLatin1String("locked_until")).toString(), Qt::ISODate);
}

bool isTokenError(const Error &error)
{
    return error.code.startsWith(QLatin1String("auth.token_"));
}

bool isConnectivityError(const Error &error)
{
    return error.code == Unreachable || error.code == Timeout;
}

} // namespace shebao::api
