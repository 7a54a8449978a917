#pragma once

#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QString>

#include <functional>
#include <optional>

#include "models/core/Result.h"

namespace shebao::server {

class Clock;
class Database;

// Makes POSTs safe to retry. A request carrying an Idempotency-Key is remembered per caller
// scope with the SHA-256 of method + path + body and the first response (status, content type,
// body). A replay with the same request gets that response again plus "Idempotent-Replay:
// true" and causes no second effect; the same key with another request is 422
// idempotency.conflict. The action and the record commit in one transaction.
class IdempotencyStore
{
public:
    // Records are kept one day: long enough for any client retry, short enough to stay small.
    static constexpr qint64 RetentionSeconds = 24 * 3600;

    IdempotencyStore(Database &db, const Clock &clock);

    using Action = std::function<QHttpServerResponse()>;
    // Runs after a replay was ruled out and before the action: a refusal it returns (level,
    // signature) is answered but not recorded, so a corrected retry is not answered with it.
    using Precheck = std::function<std::optional<QHttpServerResponse>()>;

    // scope: "anonymous" (login) or "unit:<account id>" / "staff:<account id>".
    QHttpServerResponse handle(const QHttpServerRequest &request, const QString &scope, const Action &action,
                               const Precheck &precheck = {});

    // Whether (scope, key) was answered before: routes that must replay before they can
    // authenticate (a retried logout whose token is already revoked) ask first.
    bool hasRecord(const QString &scope, const QString &key);

    Result<void> purgeOlderThan(qint64 secsSinceEpoch);

    static QString requestHash(const QHttpServerRequest &request);

private:
    Database &m_db;
    const Clock &m_clock;
};

} // namespace shebao::server
