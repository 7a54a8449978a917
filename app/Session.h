#pragma once

#include <QDateTime>
#include <QObject>
#include <QString>

#include <memory>

#include "models/domain/Unit.h"

namespace shebao {

class LocalCache;

// Who is logged in, at what level, online or from the cache only, and the unit's open cache.
// The single source of truth for what the UI may offer.
class Session : public QObject
{
    Q_OBJECT

public:
    explicit Session(QObject *parent = nullptr);
    ~Session() override;

    bool isActive() const;
    bool isOffline() const;          // opened from the local cache: read-only
    QString unitNo() const;
    QString unitName() const;
    AccountLevel level() const;
    QDateTime tokenExpiresAt() const;
    // Business actions need an authorized or certificate account and a connection.
    bool canDoBusiness() const;
    LocalCache *cache() const;       // open while the session is active

    void begin(const QString &unitNo, const QString &unitName, AccountLevel level, bool offline,
               std::unique_ptr<LocalCache> cache, const QDateTime &tokenExpiresAt = {});
    void setLevel(AccountLevel level);
    // The serial (hex) of the certificate a certificate login used; empty otherwise.
    QString certificateSerial() const;
    void setCertificateSerial(const QString &serial);
    void setOffline(bool offline);
    void end();

signals:
    void changed();

private:
    QString m_unitNo;
    QString m_unitName;
    AccountLevel m_level = AccountLevel::Ordinary;
    bool m_active = false;
    bool m_offline = false;
    QDateTime m_tokenExpiresAt;
    QString m_certificateSerial;
    std::unique_ptr<LocalCache> m_cache;
};

} // namespace shebao
