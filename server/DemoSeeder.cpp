#include "server/DemoSeeder.h"

#include <QDate>
#include <QSqlQuery>
#include <QVariant>
#include <QtConcurrent/QtConcurrentMap>

#include "server/Database.h"
#include "server/BulkInsert.h"
#include "server/DemoBillPeople.h"
#include "server/DemoCodes.h"
#include "server/PasswordHasher.h"
#include "models/validation/IdNumber.h"

namespace shebao::server {

namespace {

using demo::Prng;

const QString DemoPassword = QStringLiteral("Demo1234");

struct DemoUnit
{
    const char *unitNo;
    const char *name;
    const char *level;
    const char *region;
    const char *organisation;
    const char *legal;
    const char *industry;
    int riskClass;
    const char *address;
};

const DemoUnit Units[] = {
    {"43010000001", "长沙湘江示范科技有限公司", "authorized", "430102", "MA4L1001", "周立新", "软件和信息技术服务业", 1,
     "长沙市芙蓉区五一大道 100 号"},
    {"43010000002", "长沙岳麓示范商贸有限公司", "ordinary", "430104", "MA4L1002", "李湘君", "批发业", 1,
     "长沙市岳麓区麓山南路 8 号"},
    {"43010000003", "长沙星城示范建设工程有限公司", "certificate", "430105", "MA4L1003", "陈建军", "房屋建筑业", 4,
     "长沙市开福区芙蓉中路一段 66 号"},
};

// 信息维护 (migration 5): what the 单位信息变更 form shows beside the issue-1 columns. The legal
// representatives' numbers are valid GB 11643 numbers of the demo's invention.
struct DemoUnitDetails
{
    const char *unitNo;
    const char *legalRepFirst17;
    const char *affiliation;
    const char *bankName;
    const char *bankAccount;
    const char *mobile;
    const char *postalCode;
};

const DemoUnitDetails UnitDetails[] = {
    {"43010000001", "43010219700308131", "市属", "中国工商银行长沙芙蓉支行", "1901000009000000101", "13873100001", "410011"},
    {"43010000002", "43010419750621242", "区属", "中国建设银行长沙岳麓支行", "4305016100000000202", "13873100002", "410006"},
    {"43010000003", "43010519680912353", "市属", "中国银行长沙开福支行", "5820000000000000303", "13873100003", "410005"},
};

// Months are counted from 2000-01 (negative before). Cached: the seeder formats millions.
QString month(int index)
{
    constexpr int From = -30 * 12;   // 1970-01
    static const QStringList cache = [] {
        QStringList list;
        for (int i = From; i < 40 * 12; ++i)
            list.append(QStringLiteral("%1-%2").arg(2000 + (i - From) / 12 + From / 12).arg((i - From) % 12 + 1, 2, 10, QLatin1Char('0')));
        return list;
    }();
    return cache.at(qBound(0, index - From, int(cache.size()) - 1));
}

constexpr int FirstMonth = 10 * 12;          // 2010-01
constexpr int LastStartMonth = 26 * 12 + 5;  // 2026-06
constexpr int LastEndMonth = 26 * 12 + 10;   // 2026-11

} // namespace

QString DemoSeeder::legacyIdNumber()
{
    // 男 1975-03-15, 芙蓉区, sequence 123: upgraded, 43010219750315123 + its check character.
    return QStringLiteral("430102750315123");
}

Result<void> DemoSeeder::seedUnitDetails()
{
    // Only where nothing was filled yet: a sandbox created before migration 5 gets the values
    // once, and whatever a 信息维护 request changed later is never put back.
    for (const DemoUnitDetails &d : UnitDetails) {
        const QString first17 = QString::fromLatin1(d.legalRepFirst17);
        auto r = m_db.exec(QStringLiteral("UPDATE units SET legal_rep_id_number = ?, affiliation = ?, bank_name = ?,"
                                          " bank_account_name = name, bank_account = ?, mobile = ?, postal_code = ?"
                                          " WHERE unit_no = ? AND bank_name = ''"),
                           {first17 + IdNumber::checkCharacter(first17), QString::fromUtf8(d.affiliation),
                            QString::fromUtf8(d.bankName), QString::fromLatin1(d.bankAccount), QString::fromLatin1(d.mobile),
                            QString::fromLatin1(d.postalCode), QString::fromLatin1(d.unitNo)});
        if (!r)
            return r.error();
    }
    return {};
}

Result<void> DemoSeeder::seedLegacyPerson(qint64 unitId)
{
    // A person the agency still holds under the old 15-digit 公民身份号码: 信息维护's 15 -> 18
    // 升位 applies at once (docs/changes.md). Inserted after the streams: its id comes from the
    // sequence, and the next start counts it in MAX(id).
    auto exists = m_db.exec(QStringLiteral("SELECT COUNT(*) FROM persons WHERE person_no = ?"), {LegacyPersonNo});
    if (!exists)
        return exists.error();
    if (exists.value().next() && exists.value().value(0).toInt() > 0)
        return {};
    exists.value().finish();
    auto person = m_db.exec(QStringLiteral("INSERT INTO persons (person_no, name, id_number, gender, birth_date, ethnicity, hukou,"
                                           " employment_form, identity, work_start_date, phone)"
                                           " VALUES (?, ?, ?, '1', '1975-03-15', '01', ?, ?, ?, '1996-07-01', '13973100015')"
                                           " RETURNING id"),
                            {LegacyPersonNo, QStringLiteral("汤志远"), legacyIdNumber(), demo::dictionary().hukou.at(0),
                             demo::dictionary().employmentForms.at(0), demo::dictionary().identities.at(0)});
    if (!person)
        return person.error();
    if (!person.value().next())
        return Database::sqlError(person.value(), QStringLiteral("insert legacy person"));
    const qint64 personId = person.value().value(0).toLongLong();
    person.value().finish();
    for (const char *insurance : {"110", "210", "410"}) {
        auto r = m_db.exec(QStringLiteral("INSERT INTO enrolments (person_id, unit_id, insurance, start_month, end_month, status,"
                                          " wage_base_fen) VALUES (?, ?, ?, '2015-03', NULL, 'active', 500000)"),
                           {personId, unitId, QString::fromLatin1(insurance)});
        if (!r)
            return r.error();
    }
    return {};
}

QStringList DemoSeeder::newcomerIdNumbers()
{
    // Sequence numbers 881-892 (odd: men) in 芙蓉区 430102.
    static const QStringList list = [] {
        QStringList ids;
        for (const char *first17 : {"43010219900512881", "43010219950823882", "43010220000115883",
                                    "43010219881130884", "43010219620310885", "43010220120601887"}) {
            const QString digits = QString::fromLatin1(first17);
            ids << digits + IdNumber::checkCharacter(digits);
        }
        return ids;
    }();
    return list;
}

Result<qint64> DemoSeeder::unitId(const QString &unitNo)
{
    auto q = m_db.exec(QStringLiteral("SELECT id FROM units WHERE unit_no = ?"), {unitNo});
    if (!q)
        return q.error();
    if (!q.value().next())
        return Error{QStringLiteral("demo.seed"), QStringLiteral("演示数据不完整。"), unitNo, {}};
    return q.value().value(0).toLongLong();
}

Result<void> DemoSeeder::seedAccounts()
{
    auto exists = m_db.exec(QStringLiteral("SELECT COUNT(*) FROM units WHERE unit_no = ?"),
                            {QString::fromLatin1(Units[0].unitNo)});
    if (!exists)
        return exists.error();
    if (exists.value().next() && exists.value().value(0).toInt() > 0)
        return {};
    // Five PBKDF2 hashes cost ~1 s of CPU; they are independent, so use every core.
    const QList<QString> hashes = QtConcurrent::blockingMapped(QList<int>{0, 1, 2, 3, 4}, [](int) {
        return PasswordHasher::hash(DemoPassword);
    });
    int nextHash = 0;
    for (const DemoUnit &u : Units) {
        const QString region = QString::fromLatin1(u.region);
        auto inserted = m_db.exec(
            QStringLiteral("INSERT INTO units (unit_no, name, credit_code, legal_representative, unit_type,"
                           " economic_type, industry, risk_class, address, district, agency, contact_name,"
                           " contact_phone, postal_address, email, level) VALUES"
                           " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
            {QString::fromLatin1(u.unitNo), QString::fromUtf8(u.name),
             demo::creditCode(region, QString::fromLatin1(u.organisation)), QString::fromUtf8(u.legal),
             QStringLiteral("企业"), QStringLiteral("有限责任公司"), QString::fromUtf8(u.industry), u.riskClass,
             QString::fromUtf8(u.address), region, QStringLiteral("长沙市社会保险经办机构"), QStringLiteral("刘芳"),
             QStringLiteral("0731-8%1").arg(QString::fromLatin1(u.unitNo).right(6)), QString::fromUtf8(u.address),
             QStringLiteral("hr%1@example.cn").arg(QString::fromLatin1(u.unitNo).right(1)), QString::fromLatin1(u.level)});
        if (!inserted)
            return inserted.error();
        if (!inserted.value().next())
            return Database::sqlError(inserted.value(), QStringLiteral("insert unit"));
        const qint64 id = inserted.value().value(0).toLongLong();
        inserted.value().finish();
        auto account = m_db.exec(QStringLiteral("INSERT INTO unit_accounts (unit_id, password_hash) VALUES (?, ?)"),
                                 {id, hashes.at(nextHash++)});
        if (!account)
            return account.error();
    }
    for (const char *staff : {"clerk", "reviewer"}) {
        auto r = m_db.exec(QStringLiteral("INSERT INTO staff_accounts (username, role, password_hash) VALUES (?, ?, ?)"),
                           {QString::fromLatin1(staff), QString::fromLatin1(staff), hashes.at(nextHash++)});
        if (!r)
            return r.error();
    }
    return {};
}

Result<void> DemoSeeder::seedStream(int stream, int count, qint64 unitId, qint64 previousUnitId)
{
    const QString prefix = QStringLiteral("43%1").arg(stream);
    auto existing = m_db.exec(QStringLiteral("SELECT COUNT(*) FROM persons WHERE person_no LIKE ?"),
                              {prefix + u'%'});
    if (!existing)
        return existing.error();
    const int have = existing.value().next() ? existing.value().value(0).toInt() : 0;
    existing.value().finish();
    if (have >= count)
        return {};

    const demo::DemoDictionary &dict = demo::dictionary();
    const QString text = QStringLiteral("text");
    const QString bigint = QStringLiteral("bigint");
    BulkInsert persons(m_db, QStringLiteral("persons"),
                       {{QStringLiteral("id"), bigint}, {QStringLiteral("person_no"), text}, {QStringLiteral("name"), text},
                        {QStringLiteral("id_number"), text}, {QStringLiteral("gender"), text},
                        {QStringLiteral("birth_date"), text}, {QStringLiteral("ethnicity"), text},
                        {QStringLiteral("hukou"), text}, {QStringLiteral("employment_form"), text},
                        {QStringLiteral("identity"), text}, {QStringLiteral("work_start_date"), text},
                        {QStringLiteral("phone"), text}});
    BulkInsert enrolments(m_db, QStringLiteral("enrolments"),
                          {{QStringLiteral("person_id"), bigint}, {QStringLiteral("unit_id"), bigint},
                           {QStringLiteral("insurance"), text}, {QStringLiteral("start_month"), text},
                           {QStringLiteral("end_month"), text}, {QStringLiteral("status"), text},
                           {QStringLiteral("wage_base_fen"), bigint}},
                          10000);
    enrolments.dependsOn(&persons);
    const QDate firstBirth(1965, 1, 1);
    const int birthDays = int(firstBirth.daysTo(QDate(2005, 12, 31)));
    const QVariant nullText(QMetaType::fromType<QString>());

    for (int index = have; index < count; ++index) {
        Prng rng(quint64(stream) * 0x100000000ULL + quint64(index));
        const bool male = rng.chance(52);
        QDate birth;
        QString idNumber;
        do {   // the ID must be unique among all people; retry the rare collision
            birth = firstBirth.addDays(rng.range(0, birthDays));
            int order = rng.range(0, 998);
            if ((order % 2 == 1) != male)
                order += 1;
            const QString first17 = dict.regions.at(rng.range(0, int(dict.regions.size()) - 1))
                                    + birth.toString(QStringLiteral("yyyyMMdd"))
                                    + QStringLiteral("%1").arg(order, 3, 10, QLatin1Char('0'));
            idNumber = first17 + demo::idNumberCheck(first17);
        } while (m_idNumbers.contains(idNumber));
        m_idNumbers.insert(idNumber);

        const QString name = rng.pick(dict.surnames) + (male ? rng.pick(dict.maleGiven) : rng.pick(dict.femaleGiven));
        const int adultMonth = (birth.year() + 18 - 2000) * 12 + birth.month() - 1;
        int start = rng.range(qMax(FirstMonth, adultMonth), LastStartMonth);
        if (start < adultMonth)
            start = qMin(adultMonth, LastStartMonth);
        const int workStartMonth = qMin(start, adultMonth + rng.range(0, 72));
        const qint64 personId = m_nextPersonId++;
        const QString phone = QStringLiteral("1%1%2")
                                  .arg(QStringLiteral("35789").at(rng.range(0, 4)))
                                  .arg(rng.range(0, 999999999), 9, 10, QLatin1Char('0'));
        if (auto r = persons.add({personId, QStringLiteral("%1%2").arg(prefix).arg(index, 8, 10, QLatin1Char('0')), name,
                                  idNumber, male ? QStringLiteral("1") : QStringLiteral("2"),
                                  birth.toString(Qt::ISODate),
                                  rng.chance(92) ? QStringLiteral("01") : rng.pick(dict.minorEthnicities),
                                  rng.pick(dict.hukou), rng.pick(dict.employmentForms),
                                  rng.chance(85) ? dict.identities.at(0) : dict.identities.at(1),
                                  month(workStartMonth) + QStringLiteral("-01"), phone});
            !r)
            return r;

        // Periods: (unit, start, end or -1, status). All 险种 of a person share them.
        struct Period { qint64 unit; int start; int end; const char *status; };
        QList<Period> periods;
        const int pattern = rng.range(0, 99);
        if (previousUnitId > 0) {
            // Left the previous unit, joined this one after a gap of more than three months.
            const int first = qMin(start, LastStartMonth - 24);
            const int end = first + rng.range(6, 12);
            periods.append({previousUnitId, first, end, "terminated"});
            periods.append({unitId, end + rng.range(5, 12), -1, "active"});
        } else if (pattern < 65) {
            periods.append({unitId, start, -1, "active"});
        } else if (pattern < 80 && start + 16 <= LastStartMonth) {
            const int end = start + rng.range(6, qMin(48, LastStartMonth - start - 10));
            const int restart = qMin(end + rng.range(5, 24), LastStartMonth);   // a gap > 3 months
            periods.append({unitId, start, end, "suspended"});
            periods.append({unitId, restart, -1, "active"});
        } else if (pattern < 92) {
            periods.append({unitId, start, qMin(start + rng.range(3, 60), LastEndMonth), "suspended"});
        } else {
            periods.append({unitId, start, qMin(start + rng.range(3, 60), LastEndMonth), "terminated"});
        }
        const bool medical = rng.chance(40);
        const qint64 wageFen = qint64(rng.range(30, 250)) * 100 * 100;
        for (const Period &p : std::as_const(periods)) {
            for (const char *insurance : {"110", "210", "310", "410"}) {
                if (!medical && insurance[0] == '3')
                    continue;
                const QVariant end = p.end < 0 ? nullText : QVariant(month(p.end));
                if (auto r = enrolments.add({personId, p.unit, QString::fromLatin1(insurance), month(p.start), end,
                                             QString::fromLatin1(p.status), wageFen});
                    !r)
                    return r;
            }
        }
    }
    if (auto r = persons.flush(); !r)
        return r;
    return enrolments.flush();
}

Result<void> DemoSeeder::seed(int demoPersons, QDate today)
{
    if (auto r = m_db.begin(); !r)
        return r;
    auto fail = [this](const Error &e) -> Result<void> {
        m_db.rollback();
        return e;
    };
    if (auto r = seedAccounts(); !r)
        return fail(r.error());
    if (auto r = seedUnitDetails(); !r)
        return fail(r.error());
    qint64 ids[3] = {};
    for (int i = 0; i < 3; ++i) {
        auto id = unitId(QString::fromLatin1(Units[i].unitNo));
        if (!id)
            return fail(id.error());
        ids[i] = id.value();
    }
    auto known = m_db.exec(QStringLiteral("SELECT id_number FROM persons"));
    if (!known)
        return fail(known.error());
    while (known.value().next())
        m_idNumbers.insert(known.value().value(0).toString());
    known.value().finish();
    for (const QString &id : newcomerIdNumbers())
        m_idNumbers.insert(id);
    m_idNumbers.insert(legacyIdNumber());
    for (const QString &id : DemoBillPeople::idNumbers())
        m_idNumbers.insert(id);
    if (auto upgraded = IdNumber::parse(legacyIdNumber()); upgraded)
        m_idNumbers.insert(upgraded.value().number());
    auto maxId = m_db.exec(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM persons"));
    if (!maxId)
        return fail(maxId.error());
    m_nextPersonId = (maxId.value().next() ? maxId.value().value(0).toLongLong() : 0) + 1;
    maxId.value().finish();

    const int unit1 = demoPersons > 0 ? qMax(0, demoPersons - SharedPersons) : DefaultUnit1 - SharedPersons;
    if (auto r = seedStream(9, SharedPersons, ids[0], ids[1]); !r)
        return fail(r.error());
    if (auto r = seedStream(1, unit1, ids[0], 0); !r)
        return fail(r.error());
    if (auto r = seedStream(2, DefaultUnit2, ids[1], 0); !r)
        return fail(r.error());
    if (auto r = seedStream(3, DefaultUnit3, ids[2], 0); !r)
        return fail(r.error());
    if (auto r = m_db.syncIdSequence(QStringLiteral("persons")); !r)
        return fail(r.error());
    if (auto r = seedLegacyPerson(ids[0]); !r)
        return fail(r.error());
    if (auto r = DemoBillPeople::seed(m_db, today); !r)
        return fail(r.error());
    return m_db.commit();
}

} // namespace shebao::server
