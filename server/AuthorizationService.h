#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include "models/core/Result.h"

namespace shebao::server {

class Clock;
class Database;

// The 授权申请 state machine and its records (tables authorizations, authorization_scans):
//   (none) -> saved -> confirmed -> uploaded (待柜台开通) -> activated | rejected,
// and from rejected the unit saves again (a new round on the same record; the earlier round's
// reason and times go into "history"). Activation makes the unit an authorized user. Every
// transition not in the diagram is authorization.state (409). Callers run it inside a
// transaction (IdempotencyStore::handle).
class AuthorizationService
{
public:
    struct Applicant
    {
        QString name;
        QString idNumber;
        QString mobile;
        QString email;
    };

    struct Scan
    {
        QString fileName;
        QString kind;       // "JPEG" | "PNG" | "PDF"
        QString mimeType;
        QByteArray data;
    };

    static const QString CounterAddress;

    AuthorizationService(Database &db, const Clock &clock) : m_db(db), m_clock(clock) {}

    // The unit's application id, or authorization.none.
    Result<qint64> idOfUnit(qint64 unitId);
    // Application JSON; withUnitNo adds "unit_no" (staff lists).
    Result<QJsonObject> application(qint64 id, bool withUnitNo = false);
    Result<QJsonArray> list(const QString &state);

    Result<qint64> save(qint64 unitId, const Applicant &applicant);
    Result<void> confirm(qint64 id);
    Result<void> storeScan(qint64 id, const Scan &scan);
    Result<Scan> scan(qint64 id);
    Result<void> activate(qint64 id, const QString &by);
    Result<void> reject(qint64 id, const QString &reason, const QString &by);

private:
    Result<QString> stateOf(qint64 id);
    Result<void> requireState(qint64 id, const QStringList &allowed, const QString &action);
    Result<QString> nextApplicationNo();

    Database &m_db;
    const Clock &m_clock;
};

} // namespace shebao::server
