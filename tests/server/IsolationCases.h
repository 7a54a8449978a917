#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

#include "HttpsClient.h"

namespace shebao::test {

class ServerFixture;

// What unit A (the victim) owns when the isolation cases run: one object of every kind the API
// has ids for, and the strings that would give any of it away in another unit's answer.
struct VictimUnit
{
    QString unitNo;
    qint64 unitId = 0;
    QString token;
    qint64 itemId = 0;            // a pending 异动 item
    QString itemNo;
    QString itemIdNumber;
    qint64 declaredItemId = 0;    // the item of its batch
    QString batchNo;
    qint64 changeId = 0;          // a pending key change (信息维护)
    qint64 changeAttachmentId = 0;
    qint64 freeAttachmentId = 0;  // uploaded, not yet used by a change
    QString certificateNumber;    // an issued 参保证明
    QString certificateCode;
    QString personNo;             // a person enrolled with A only
    QString personIdNumber;
    qint64 authorizationId = 0;
    QString gapIdNumber;          // a person of A's with gaps older than three months (网上缴费)
    QString billNumber;           // A's unpaid 断档缴费单 for that person
    QStringList markers;          // none of these may appear in another unit's answer
};

// The cases run as unit B (the attacker): its own client, logged in, authorized for business.
struct IsolationContext
{
    ServerFixture &fixture;
    VictimUnit a;
    HttpsClient &b;
    QString bUnitNo;
    QByteArray sent; // what B put in paths and bodies: its own input echoed back is no leak

    HttpResult asB(const QByteArray &method, const QString &path, const QByteArray &body = {},
                   const QList<QPair<QByteArray, QByteArray>> &headers = {});
    HttpResult asBJson(const QString &path, const QJsonObject &body);
};

// One documented operation tried by unit B against unit A's ids: the statuses B may get, and
// whether the answer is public by design (the same for anybody, so A's strings in it are not a
// leak; the case says why). After the request the test checks that B's answer names nothing of
// A's (VictimUnit::markers) and that nothing A owns changed.
struct IsolationCase
{
    QList<int> allowed;
    std::function<HttpResult(IsolationContext &)> request;
    bool publicByDesign = false;
    // Tables of A's the case may change, with the reason in the case (a failed login on A's
    // unit number counts toward A's lockout: the designed defence, open to anybody).
    QStringList mayChange = {};
};

// Keyed "METHOD /path" as in docs/openapi.yaml. tst_server_isolation_openapi fails for an
// operation of the file without a case here: a new endpoint gets one line (or a few) below.
QHash<QString, IsolationCase> isolationCases();

// Creates A's objects through the API (A's own token); false with `error` when it could not.
bool prepareVictim(ServerFixture &fixture, const QString &unitNo, const QString &otherUnitNo, VictimUnit *a,
                   QString *error);

} // namespace shebao::test
