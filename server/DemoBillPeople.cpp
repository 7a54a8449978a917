#include "server/DemoBillPeople.h"

#include <QSqlQuery>
#include <QVariant>

#include "models/policy/YearMonth.h"
#include "models/validation/IdNumber.h"
#include "server/Database.h"

namespace shebao::server::DemoBillPeople {

namespace {

struct Period
{
    const char *unitNo;
    int start;          // yyyymm, or months before the current month when <= 0
    int end;            // the same; 1 for an open (active) period
    const char *status;
};

struct DemoPerson
{
    const char *personNo;
    const char *name;
    const char *first17;
    const char *birthDate;
    qint64 wageFen;
    bool medical;
    QList<Period> periods;
};

constexpr int Open = 1;

// Sequence numbers 951-968 (odd: men) in Changsha's districts; person numbers 436xxxxxxxx.
const QList<DemoPerson> &people()
{
    static const QList<DemoPerson> list{
        // 43010000001
        {"43600000001", "罗建国", "43010219760308951", "1976-03-08", 650000, false,
         {{"43010000001", 201203, 201806, "suspended"}, {"43010000001", 201901, Open, "active"}}},
        {"43600000002", "龚秀英", "43010219680921962", "1968-09-21", 380000, false,
         {{"43010000001", 199207, 199409, "suspended"}, {"43010000001", 199604, 201812, "terminated"}}},
        {"43600000003", "邓晓峰", "43010419951102953", "1995-11-02", 720000, true,
         {{"43010000001", 201907, -3, "suspended"}, {"43010000001", -1, Open, "active"}}},
        {"43600000004", "蒋文静", "43010519920517964", "1992-05-17", 580000, false,
         {{"43010000001", 202106, Open, "active"}}},
        {"43600000005", "曾志强", "43010319850730955", "1985-07-30", 900000, false,
         {{"43010000001", 201401, 201612, "suspended"}, {"43010000002", 201704, 201709, "terminated"},
          {"43010000001", 201801, Open, "active"}}},
        // 43010000003
        {"43600000006", "谢春梅", "43010519791212966", "1979-12-12", 610000, true,
         {{"43010000003", 201305, 201708, "suspended"}, {"43010000003", 201803, Open, "active"}}},
        {"43600000007", "彭国华", "43011119660404957", "1966-04-04", 420000, false,
         {{"43010000003", 199303, 199408, "suspended"}, {"43010000003", 199507, 201603, "terminated"}}},
        {"43600000008", "黎小燕", "43010519980808968", "1998-08-08", 550000, false,
         {{"43010000003", 202003, -3, "suspended"}, {"43010000003", -1, Open, "active"}}},
    };
    return list;
}

QVariant month(int value, YearMonth current)
{
    if (value == Open)
        return QVariant(QMetaType::fromType<QString>());
    if (value <= 0)
        return current.addMonths(value).toString();
    return YearMonth::of(value / 100, value % 100)->toString();
}

QString idNumberOf(const DemoPerson &p)
{
    const QString first17 = QString::fromLatin1(p.first17);
    return first17 + IdNumber::checkCharacter(first17);
}

} // namespace

QStringList idNumbers()
{
    QStringList ids;
    for (const DemoPerson &p : people())
        ids << idNumberOf(p);
    return ids;
}

Result<void> seed(Database &db, QDate today)
{
    const YearMonth current = YearMonth::ofDate(today);
    for (const DemoPerson &p : people()) {
        auto exists = db.exec(QStringLiteral("SELECT COUNT(*) FROM persons WHERE person_no = ?"), {QString::fromLatin1(p.personNo)});
        if (!exists)
            return exists.error();
        if (exists.value().next() && exists.value().value(0).toInt() > 0)
            continue;
        exists.value().finish();
        const QString id = idNumberOf(p);
        auto person = db.exec(QStringLiteral("INSERT INTO persons (person_no, name, id_number, gender, birth_date, ethnicity, hukou,"
                                             " employment_form, identity, work_start_date, phone)"
                                             " VALUES (?, ?, ?, ?, ?, '01', '1', '1', '1', ?, ?) RETURNING id"),
                              {QString::fromLatin1(p.personNo), QString::fromUtf8(p.name), id,
                               id.at(16).digitValue() % 2 ? QStringLiteral("1") : QStringLiteral("2"), QString::fromLatin1(p.birthDate),
                               month(p.periods.constFirst().start, current).toString() + QStringLiteral("-01"),
                               QStringLiteral("1397310") + id.mid(14, 4)});
        if (!person)
            return person.error();
        if (!person.value().next())
            return Database::sqlError(person.value(), QStringLiteral("insert demo bill person"));
        const qint64 personId = person.value().value(0).toLongLong();
        person.value().finish();
        for (const Period &period : p.periods) {
            for (const char *insurance : {"110", "210", "310", "410"}) {
                if (!p.medical && insurance[0] == '3')
                    continue;
                auto r = db.exec(QStringLiteral("INSERT INTO enrolments (person_id, unit_id, insurance, start_month, end_month, status,"
                                                " wage_base_fen) SELECT ?, id, ?, ?, ?, ?, ? FROM units WHERE unit_no = ?"),
                                 {personId, QString::fromLatin1(insurance), month(period.start, current),
                                  month(period.end, current), QString::fromLatin1(period.status), p.wageFen,
                                  QString::fromLatin1(period.unitNo)});
                if (!r)
                    return r.error();
            }
        }
    }
    return {};
}

} // namespace shebao::server::DemoBillPeople
