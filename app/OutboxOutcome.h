#pragma once

#include <QJsonObject>

#include "models/core/Result.h"

// How OutboxService reads a failed send: which failures settle an entry (a refusal of the item
// itself) and which leave it queued, and whether the rest of a flush is worth sending.
namespace shebao::outbox {

enum class Outcome {
    Refused, // the item itself was refused (a 4xx problem): settled, with the server's Error
    Retry,   // not settled (5xx, 408, an unreadable answer): this entry later, the others now
    Stop,    // not settled, and sending the others now is pointless (no connection, TLS,
             // the token or the account refused: 401, 403, 429, 503)
};

Outcome classify(const Error &error);
// Whether the failure that stopped a flush heals by itself (no connection, 503), so a retry
// timer is worth it; a refused token or account waits for the next login instead.
bool healsByItself(const Error &error);
// The HTTP status of a problem answer (from the problem ApiClient keeps in Error::detail, or the
// "http.<status>" code); 0 when there was no answer.
int problemStatus(const Error &error);
// A per-index problem of a bulk answer as the Error ApiClient makes of a whole problem answer.
Error problemError(const QJsonObject &problem);

// The errors OutboxService gives entries itself.
Error offlineError();
Error closedError();
Error cancelledError();
Error unsettledError();
Error unreadableError(const QString &detail);

} // namespace shebao::outbox
