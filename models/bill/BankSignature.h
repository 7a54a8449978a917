#pragma once

#include <QByteArray>
#include <QByteArrayView>

// The signature of a bank's request (docs/bills.md, The bank interface): lowercase hex of
// HMAC-SHA256(key, METHOD "\n" path?query "\n" timestamp "\n" hex(SHA-256(body))).
// Shared by the server (verifying), the sandbox bank and the tests (signing).
namespace shebao::BankSignature {

inline constexpr qint64 MaxSkewSeconds = 300;

QByteArray stringToSign(QByteArrayView method, QByteArrayView pathAndQuery, qint64 timestamp, QByteArrayView body);
QByteArray sign(QByteArrayView key, QByteArrayView method, QByteArrayView pathAndQuery, qint64 timestamp,
                QByteArrayView body);
// Constant-time comparison of the expected signature with the one received (hex, any case).
bool matches(QByteArrayView key, QByteArrayView method, QByteArrayView pathAndQuery, qint64 timestamp,
             QByteArrayView body, QByteArrayView signatureHex);
// A key file's content: 64 hex characters (surrounding white space ignored) → 32 bytes; empty on error.
QByteArray parseKey(QByteArrayView fileContent);

} // namespace shebao::BankSignature
