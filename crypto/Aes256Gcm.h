#pragma once

#include <QByteArray>

#include "models/core/Result.h"

namespace shebao::crypto {

// AES-256-GCM, the authenticated encryption of backups (docs/backup.md): a 32-byte key, a
// 12-byte nonce never used twice with the same key, associated data that is authenticated but
// not encrypted, and a 16-byte tag appended to the ciphertext.
namespace aes256gcm {

constexpr int KeyBytes = 32;
constexpr int NonceBytes = 12;
constexpr int TagBytes = 16;

// ciphertext || tag.
Result<QByteArray> seal(const QByteArray &key, const QByteArray &nonce, const QByteArray &associatedData,
                        const QByteArray &plaintext);
// The plaintext, or "crypto.auth" when the key, nonce, associated data, ciphertext or tag do not
// belong together (a wrong password, a changed byte, a cut file): nothing of the plaintext
// leaves unless the tag verified.
Result<QByteArray> open(const QByteArray &key, const QByteArray &nonce, const QByteArray &associatedData,
                        const QByteArray &sealed);

} // namespace aes256gcm

// PBKDF2-HMAC-SHA256 (RFC 8018) of a password.
Result<QByteArray> pbkdf2Sha256(const QByteArray &password, const QByteArray &salt, int iterations, int length);

// Bytes from OpenSSL's CSPRNG (RAND_bytes).
Result<QByteArray> randomBytes(int count);

} // namespace shebao::crypto
