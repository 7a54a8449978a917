#include "app/OutboxOutcome.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include "app/ApiErrors.h"

namespace shebao::outbox {

int problemStatus(const Error &error)
{
    const QJsonObject problem = api::problemOf(error);
    if (problem.contains(QLatin1String("status")))
        return problem.value(QLatin1String("status")).toInt();
    if (error.code.startsWith(QLatin1String("http.")))
        return error.code.mid(5).toInt();
    return 0;
}

Outcome classify(const Error &error)
{
    if (api::isConnectivityError(error) || error.code == api::TlsUntrusted || error.code == QLatin1String("net.error"))
        return Outcome::Stop;
    if (api::isTokenError(error) || error.code == QLatin1String("auth.not_authorized")
        || error.code.startsWith(QLatin1String("signature.")))
        return Outcome::Stop;
    const int status = problemStatus(error);
    if (status == 401 || status == 403 || status == 429 || status == 503)
        return Outcome::Stop;
    if (status == 408 || status >= 500 || status == 0)
        return Outcome::Retry;
    return Outcome::Refused;
}

bool healsByItself(const Error &error)
{
    return api::isConnectivityError(error) || error.code == QLatin1String("net.error") || problemStatus(error) == 503;
}

Error problemError(const QJsonObject &problem)
{
    const int status = problem.value(QLatin1String("status")).toInt(422);
    return api::httpError(status, QByteArrayLiteral("application/problem+json"),
                          QJsonDocument(problem).toJson(QJsonDocument::Compact));
}

Error offlineError()
{
    return Error{QStringLiteral("session.offline"),
                 QCoreApplication::translate("shebao::OutboxService",
                                             "Saved on this computer. It will be sent when you are connected to the "
                                             "server."),
                 {}, {}};
}

Error closedError()
{
    return Error{QStringLiteral("cache.closed"),
                 QCoreApplication::translate("shebao::LocalCache", "The local cache is not open."), {}, {}};
}

Error cancelledError()
{
    return Error{QStringLiteral("outbox.cancelled"),
                 QCoreApplication::translate("shebao::OutboxService", "Not sent: cancelled before it was sent."), {},
                 {}};
}

Error unsettledError()
{
    return Error{QStringLiteral("outbox.unsettled"),
                 QCoreApplication::translate("shebao::OutboxService",
                                             "This item may already have reached the server. Wait until it is sent, "
                                             "then withdraw it from the pending list."),
                 {}, {}};
}

Error unreadableError(const QString &detail)
{
    return api::unreadable(detail);
}

} // namespace shebao::outbox
