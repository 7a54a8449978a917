#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>

#include <optional>

#include "models/core/Result.h"

namespace shebao::server {

// The HMAC keys shared with the banks (docs/bills.md, The bank interface): one per bank id, from
// --bank-key ID=FILE (64 hex characters, the file readable by its owner only), and the sandbox
// bank's, created on the first start with --bank-sandbox as DATA/bank-sandbox.key (0600). Keys
// never leave this object except to sign or verify.
class BankKeys
{
public:
    static inline const QString SandboxId = QStringLiteral("sandbox");

    // Reads every --bank-key file; the first problem (unreadable, readable by others, not 64
    // hex characters) stops the start with a message naming the file.
    Result<void> load(const QList<QPair<QString, QString>> &files);
    // Creates DATA/bank-sandbox.key when absent (never overwrites) and loads it.
    Result<void> ensureSandbox(const QString &dataDir);

    std::optional<QByteArray> key(const QString &bankId) const;
    bool isEmpty() const { return m_keys.isEmpty(); }

    static QString sandboxFile(const QString &dataDir);

private:
    Result<QByteArray> readKey(const QString &file);

    QMap<QString, QByteArray> m_keys;
};

} // namespace shebao::server
