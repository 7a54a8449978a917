#pragma once

#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QString>
#include <QStringList>

#include "models/core/Result.h"
#include "server/TokenService.h"

namespace shebao::server {

// Bearer authentication for every route except health and the logins: resolves the token to
// its session. Unit and staff tokens are separate: a unit token on a staff route and a staff
// token on a unit route are both 401. The session's unit_id is the only unit a unit route may
// ever query.
class Authenticator
{
public:
    explicit Authenticator(TokenService &tokens) : m_tokens(tokens) {}

    // Any live session (logout).
    Result<Session> authenticate(const QHttpServerRequest &request);
    // A unit session; staff tokens are auth.token_invalid.
    Result<Session> authenticateUnit(const QHttpServerRequest &request);
    // A staff session with one of `roles` (empty: any role); unit tokens are
    // auth.token_invalid, a wrong role is 403 staff.role.
    Result<Session> authenticateStaff(const QHttpServerRequest &request, const QStringList &roles = {});

    // The idempotency scope of a session's account: "unit:<id>" / "staff:<id>".
    static QString scopeOf(const Session &session);
    // The audit actor: "unit:<unit_no>" as for logins, "staff:<username>".
    static QString actorOf(const Session &session);

    // Every authenticated unit response carries the unit's current level (X-Account-Level),
    // so a client notices an activation at its next request.
    static QHttpServerResponse withLevel(QHttpServerResponse &&response, const Session &session);

    TokenService &tokens() { return m_tokens; }

private:
    TokenService &m_tokens;
};

} // namespace shebao::server
