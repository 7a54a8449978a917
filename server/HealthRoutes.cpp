#include "server/HealthRoutes.h"

#include <QHttpServer>

#include "server/Clock.h"
#include "server/HttpUtil.h"

namespace shebao::server {

void HealthRoutes::registerOn(QHttpServer &server)
{
    server.route(QStringLiteral("/api/v1/health"), QHttpServerRequest::Method::Get, [this] {
        return http::json(QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")},
                                      {QStringLiteral("version"), QStringLiteral(SHEBAO_SERVER_VERSION)},
                                      {QStringLiteral("time"), Clock::iso(m_clock.now())}});
    });
}

} // namespace shebao::server
