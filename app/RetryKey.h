#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include "models/core/Result.h"

namespace shebao {

// The Idempotency-Key of one kind of submission (申报, 变更申报, 生成参保证明). The same body keeps
// its key until an answer arrives, so pressing the button again after a timeout replays the
// first submission on the server instead of making a second one. A different body, or any
// answer (accepted or refused), starts a new key; no answer (no connection, a timeout) keeps it.
class RetryKey
{
public:
    QString keyFor(const QJsonObject &body);
    // After the answer to a request sent under `key` (a later submission may own the key now).
    void settle(const QString &key, const Result<QJsonDocument> &reply);
    // A new session: nothing it sends is a retry of the last one's.
    void clear();

private:
    QString m_key;
    QByteArray m_fingerprint;
};

} // namespace shebao
