#include "app/Session.h"

#include "models/cache/LocalCache.h"

namespace shebao {

Session::Session(QObject *parent) : QObject(parent) {}

Session::~Session() = default;

bool Session::isActive() const
{
    return m_active;
}

bool Session::isOffline() const
{
    return m_offline;
}

QString Session::unitNo() const
{
    return m_unitNo;
}

QString Session::unitName() const
{
    return m_unitName;
}

AccountLevel Session::level() const
{
    return m_level;
}

QDateTime Session::tokenExpiresAt() const
{
    return m_tokenExpiresAt;
}

bool Session::canDoBusiness() const
{
    return m_active && !m_offline && m_level != AccountLevel::Ordinary;
}

LocalCache *Session::cache() const
{
    return m_cache.get();
}

void Session::begin(const QString &unitNo, const QString &unitName, AccountLevel level, bool offline,
                    std::unique_ptr<LocalCache> cache, const QDateTime &tokenExpiresAt)
{
    m_unitNo = unitNo;
    m_unitName = unitName;
    m_level = level;
    m_offline = offline;
    m_tokenExpiresAt = offline ? QDateTime() : tokenExpiresAt;
    m_cache = std::move(cache);
    m_certificateSerial.clear();
    m_active = true;
    emit changed();
}

void Session::setLevel(AccountLevel level)
{
    if (m_level == level)
        return;
    m_level = level;
    emit changed();
}

QString Session::certificateSerial() const
{
    return m_certificateSerial;
}

void Session::setCertificateSerial(const QString &serial)
{
    if (m_certificateSerial == serial)
        return;
    m_certificateSerial = serial;
    emit changed();
}

void Session::setOffline(bool offline)
{
    if (m_offline == offline)
        return;
    m_offline = offline;
    emit changed();
}

void Session::end()
{
    if (!m_active && !m_cache)
        return;
    m_active = false;
    m_offline = false;
    m_unitNo.clear();
    m_unitName.clear();
    m_level = AccountLevel::Ordinary;
    m_certificateSerial.clear();
    m_tokenExpiresAt = QDateTime();
    // Listeners of changed() may still hold the cache pointer: announce first, close after.
    emit changed();
    m_cache.reset();
}

} // namespace shebao
