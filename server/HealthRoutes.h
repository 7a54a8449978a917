#pragma once

class QHttpServer;

namespace shebao::server {

class Clock;

// GET /api/v1/health: no authentication, no database.
class HealthRoutes
{
public:
    explicit HealthRoutes(const Clock &clock) : m_clock(clock) {}
    void registerOn(QHttpServer &server);

private:
    const Clock &m_clock;
};

} // namespace shebao::server
