#pragma once

#include <QByteArray>
#include <QHttpServerRequest>
#include <QString>

#include "models/core/Result.h"
#include "server/TokenService.h"

namespace shebao::server {

class CertificateStore;
class Clock;
class Database;

// The gate of every business action (异动, 信息维护, 网上缴费, 参保证明 submissions): ordinary
// accounts are refused (403 auth.not_authorized with how to apply); certificate accounts must
// sign the exact body (X-Signature, X-Signature-Serial) with the certificate their session
// logged in with, which must be valid now and not revoked. The verified signature is stored
// by the action (table signatures) in the action's transaction: it replaces the stamped paper.
class BusinessGuard
{
public:
    struct Admission
    {
        bool isSigned = false;
        QString serial;
        QByteArray signature;     // DER
    };

    BusinessGuard(Database &db, const Clock &clock, CertificateStore &certificates)
        : m_db(db), m_clock(clock), m_certificates(certificates)
    {
    }

    static Error notAuthorized();

    Result<Admission> admit(const QHttpServerRequest &request, const Session &session);
    // Stores a signed admission; returns the signatures row id (0 when unsigned).
    Result<qint64> record(const QHttpServerRequest &request, const Session &session, const Admission &admission);

private:
    Database &m_db;
    const Clock &m_clock;
    CertificateStore &m_certificates;
};

} // namespace shebao::server
