#pragma once

#include <QByteArray>
#include <QString>

namespace shebao::server {

// PBKDF2-HMAC-SHA256 with a per-password 16-byte random salt, stored as
// "pbkdf2-sha256$ITERATIONS$SALT_B64$HASH_B64". Verification compares in constant time and
// honours the iteration count stored with the hash, so the default can rise later.
class PasswordHasher
{
public:
    static constexpr int DefaultIterations = 210000;

    static QString hash(const QString &password, int iterations = DefaultIterations);
    static bool verify(const QString &password, const QString &stored);

    // Cryptographically random bytes (OpenSSL RAND_bytes); aborts if the RNG fails.
    static QByteArray randomBytes(int count);
};

} // namespace shebao::server
