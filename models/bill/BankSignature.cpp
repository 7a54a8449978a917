#include "models/bill/BankSignature.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

namespace shebao::BankSignature {

QByteArray stringToSign(QByteArrayView method, QByteArrayView pathAndQuery, qint64 timestamp, QByteArrayView body)
{
    QByteArray text;
    text.append(method).append('\n').append(pathAndQuery).append('\n');
    text.append(QByteArray::number(timestamp)).append('\n');
    text.append(QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex());
    return text;
}

QByteArray sign(QByteArrayView key, QByteArrayView method, QByteArrayView pathAndQuery, qint64 timestamp,
                QByteArrayView body)
{
    return QMessageAuthenticationCode::hash(stringToSign(method, pathAndQuery, timestamp, body), key.toByteArray(),
                                            QCryptographicHash::Sha256)
        .toHex();
}

bool matches(QByteArrayView key, QByteArrayView method, QByteArrayView pathAndQuery, qint64 timestamp,
             QByteArrayView body, QByteArrayView signatureHex)
{
    const QByteArray expected = sign(key, method, pathAndQuery, timestamp, body);
    const QByteArray received = signatureHex.toByteArray().toLower();
    // Length is public (always 64); the bytes are compared without an early exit.
    if (received.size() != expected.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < expected.size(); ++i)
        difference |= static_cast<unsigned char>(expected[i] ^ received[i]);
    return difference == 0;
}

QByteArray parseKey(QByteArrayView fileContent)
{
    const QByteArray hex = fileContent.toByteArray().trimmed();
    if (hex.size() != 64)
        return {};
    for (char c : hex) {
        const bool isHex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        if (!isHex)
            return {};
    }
    return QByteArray::fromHex(hex);
}

} // namespace shebao::BankSignature
