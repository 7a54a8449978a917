#pragma once

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QUuid>
#include <QVariant>

#include "HttpsClient.h"
#include "ServerFixture.h"
#include "models/bill/BankSignature.h"
#include "models/money/Money.h"
#include "models/policy/YearMonth.h"
#include "models/validation/IdNumber.h"
#include "server/Clock.h"
#include "server/Database.h"

// People with chosen enrolment histories and signed bank requests for the 网上缴费 server tests
// (docs/bills.md). Months are relative to the server clock's current Beijing month, so the
// rules (three-month limit, expiry) hold whatever day the tests run.
namespace shebao::test::bills {

inline const QString Gaps = QStringLiteral("/api/v1/arrears/gaps");
inline const QString Estimate = QStringLiteral("/api/v1/arrears/estimate");
inline const QString Bills = QStringLiteral("/api/v1/bills");
inline const QString BankPayments = QStringLiteral("/api/v1/bank/payments");

inline YearMonth currentMonth(ServerFixture &fixture)
{
    return YearMonth::ofDate(server::Clock::beijingDate(fixture.server().clock().now()));
}

inline YearMonth ago(ServerFixture &fixture, int months)
{
    return currentMonth(fixture).addMonths(-months);
}

inline YearMonth ym(int year, int month)
{
    return *YearMonth::of(year, month);
}

struct Period
{
    QString unitNo;
    YearMonth start;
    YearMonth end;                       // invalid: open (active)
    QStringList insurances = {QStringLiteral("110"), QStringLiteral("210"), QStringLiteral("410")};
    qint64 wageFen = 600000;
};

inline qint64 unitIdOf(ServerFixture &fixture, const QString &unitNo)
{
    return fixture.scalar(QStringLiteral("SELECT id FROM units WHERE unit_no = ?"), {unitNo}).toLongLong();
}

// A new person (born `birth`, sequence from `seq`) with the periods given; returns the 18-character
// 公民身份号码. Closed periods are suspended, open ones active.
inline QString addPerson(ServerFixture &fixture, const QString &name, const QDate &birth, int seq, const QList<Period> &periods)
{
    server::Database &db = fixture.server().database();
    QString id;
    for (;; seq += 2) {
        const QString first17 = QStringLiteral("430104") + birth.toString(QStringLiteral("yyyyMMdd"))
                                + QStringLiteral("%1").arg(seq % 1000, 3, 10, QLatin1Char('0'));
        id = first17 + IdNumber::checkCharacter(first17);
        if (fixture.scalar(QStringLiteral("SELECT COUNT(*) FROM persons WHERE id_number = ?"), {id}).toInt() == 0)
            break;
    }
    const QString personNo = QStringLiteral("499%1").arg(QUuid::createUuid().toString(QUuid::Id128).left(8).toUpper());
    auto q = db.exec(QStringLiteral("INSERT INTO persons (person_no, name, id_number, gender, birth_date) VALUES (?, ?, ?, ?, ?)"
                                    " RETURNING id"),
                     {personNo, name, id, seq % 2 ? QStringLiteral("1") : QStringLiteral("2"), birth.toString(Qt::ISODate)});
    if (!q || !q.value().next())
        return {};
    const qint64 personId = q.value().value(0).toLongLong();
    q.value().finish();
    for (const Period &p : periods) {
        for (const QString &insurance : p.insurances) {
            auto r = db.exec(QStringLiteral("INSERT INTO enrolments (person_id, unit_id, insurance, start_month, end_month, status,"
                                            " wage_base_fen) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                             {personId, unitIdOf(fixture, p.unitNo), insurance, p.start.toString(),
                              p.end.isValid() ? QVariant(p.end.toString()) : QVariant(QMetaType::fromType<QString>()),
                              p.end.isValid() ? QStringLiteral("suspended") : QStringLiteral("active"), p.wageFen});
            if (!r)
                return {};
        }
    }
    return id;
}

inline QJsonObject request(const QString &idNumber, const QString &wage = QStringLiteral("6000.00"),
                           const QJsonObject &extra = {})
{
    QJsonObject o{{QStringLiteral("id_number"), idNumber}, {QStringLiteral("wage"), wage},
                  {QStringLiteral("settlement"), QStringLiteral("separate")}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

inline QString key()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// A bank request signed with `secret` at `timestamp` (docs/bills.md, The bank interface).
inline HttpResult bankSend(HttpsClient &client, const QByteArray &method, const QString &pathAndQuery, const QByteArray &body,
                           const QString &bankId, const QByteArray &secret, qint64 timestamp)
{
    const QByteArray signature = BankSignature::sign(secret, method, pathAndQuery.toUtf8(), timestamp, body);
    return client.send(method, pathAndQuery, body,
                       {{"X-Bank-Id", bankId.toUtf8()},
                        {"X-Bank-Timestamp", QByteArray::number(timestamp)},
                        {"X-Bank-Signature", signature},
                        {"Content-Type", "application/json"}});
}

inline QByteArray paymentBody(const QString &number, const QString &amount, const QString &transaction,
                              const QString &channel = QStringLiteral("counter"))
{
    return QJsonDocument(QJsonObject{{QStringLiteral("bill_number"), number},
                                     {QStringLiteral("amount"), amount},
                                     {QStringLiteral("transaction_id"), transaction},
                                     {QStringLiteral("channel"), channel},
                                     {QStringLiteral("paid_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}})
        .toJson(QJsonDocument::Compact);
}

} // namespace shebao::test::bills
