#pragma once

#include <QHttpServerRequest>
#include <QString>

#include "models/core/Result.h"
#include "server/TokenService.h"

namespace shebao::server {

// Bearer authentication for every route except health and login: resolves the token to its
// session. The session's unit_id is the only unit a route may ever query.
class Authenticator
{
public:
    explicit Authenticator(TokenService &tokens) : m_tokens(tokens) {}

    Result<Session> authenticate(const QHttpServerRequest &request);

    // The idempotency scope of a session's account: "unit:<id>" / "staff:<id>".
    static QString scopeOf(const Session &session);
    // The audit actor: "unit:<unit_no>" as for logins, "staff:<account id>".
    static QString actorOf(const Session &session);

    TokenService &tokens() { return m_tokens; }

private:
    TokenService &m_tokens;
};

} // namespace shebao::server
