#include "app/RetryKey.h"

#include <QCryptographicHash>
#include <QUuid>

#include "app/ApiErrors.h"

namespace shebao {

QString RetryKey::keyFor(const QJsonObject &body)
{
    const QByteArray fingerprint =
        QCryptographicHash::hash(QJsonDocument(body).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256);
    if (m_key.isEmpty() || fingerprint != m_fingerprint) {
        m_key = QUuid::createUuid().toString(QUuid::WithoutBraces);
        m_fingerprint = fingerprint;
    }
    return m_key;
}

void RetryKey::settle(const QString &key, const Result<QJsonDocument> &reply)
{
    if ((reply || !api::isConnectivityError(reply.error())) && m_key == key)
        clear();
}

void RetryKey::clear()
{
    m_key.clear();
    m_fingerprint.clear();
}

} // namespace shebao
