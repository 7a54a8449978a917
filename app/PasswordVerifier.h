#pragma once

#include <QString>

namespace shebao {

// The offline login check: a PBKDF2-HMAC-SHA256 verifier of the password with a random salt,
// stored in the unit's cache as "pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>".
// Never the password itself; comparison in constant time.
class PasswordVerifier
{
public:
    static constexpr int DefaultIterations = 120000;

    static QString create(const QString &password, int iterations = DefaultIterations);
    // False for a wrong password and for anything that is not a verifier of this format.
    static bool matches(const QString &password, const QString &verifier);
};

} // namespace shebao
