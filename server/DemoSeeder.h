#pragma once

#include <QDate>
#include <QSet>
#include <QString>

#include "models/core/Result.h"

namespace shebao::server {

class Database;

// Seeds the sandbox (--demo): three units (43010000001 authorized, ...02 ordinary, ...03
// certificate; password Demo1234), staff clerk and reviewer, and a few hundred people per unit
// with valid ID numbers and enrolment histories (gaps older than three months, suspended
// periods, a few people enrolled in two units). Deterministic and idempotent: a second start
// adds nothing; a larger --demo-persons only adds the missing people.
class DemoSeeder
{
public:
    static constexpr int SharedPersons = 12;    // enrolled in units 1 and 2
    static constexpr int DefaultUnit1 = 300;
    static constexpr int DefaultUnit2 = 240;
    static constexpr int DefaultUnit3 = 180;

    explicit DemoSeeder(Database &db) : m_db(db) {}

    // Valid 公民身份号码 the demo agency has never seen, for trying 异动新增 → 新增
    // (docs/declarations.md lists them): never given to a seeded person. In order: a man born
    // 1990-05-12, a woman 1995-08-23, a man 2000-01-15, a woman 1988-11-30, a man born
    // 1962-03-10 (over retirement age: the warning age.over_retirement) and a child born
    // 2012-06-01 (refused: age.under_16).
    static QStringList newcomerIdNumbers();

    // The 15-digit 公民身份号码 of the sandbox's legacy person (个人编号 LegacyPersonNo, 汤志远,
    // 男 1975-03-15, active in 43010000001): 信息维护 upgrades it to 18 characters at once.
    static QString legacyIdNumber();
    static inline const QString LegacyPersonNo = QStringLiteral("43700000001");

    // demoPersons: the number of generated people of unit 43010000001 (0: the default); the
    // legacy person and the 断档补缴 people (DemoBillPeople) come on top. today: the Beijing date
    // of the server's clock, for the people whose gaps are recent.
    Result<void> seed(int demoPersons, QDate today);

private:
    Result<void> seedAccounts();
    Result<void> seedUnitDetails();
    Result<void> seedLegacyPerson(qint64 unitId);
    // Adds the people of one stream up to `count`; unitIds: the units they are enrolled in.
    Result<void> seedStream(int stream, int count, qint64 unitId, qint64 previousUnitId);
    Result<qint64> unitId(const QString &unitNo);

    Database &m_db;
    QSet<QString> m_idNumbers;
    qint64 m_nextPersonId = 1;
};

} // namespace shebao::server
