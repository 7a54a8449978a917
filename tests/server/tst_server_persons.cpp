// GET /api/v1/persons: paging, parameter checks, the JSON equals the shared codec's, and the
// demo data is valid and idempotent. Ends with the 100,000-person figures (printed).
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QtTest>

#include "ServerFixture.h"
#include "server/DemoBillPeople.h"
#include "server/DemoSeeder.h"
#include "models/dictionaries/Dictionaries.h"
#include "models/domain/JsonCodec.h"

using namespace shebao::test;

namespace {
const QString Unit1 = QStringLiteral("43010000001");
const QString Password = QStringLiteral("Demo1234");

// GB 11643, written independently of the server's seeder.
bool validIdNumber(const QString &id)
{
    if (id.size() != 18)
        return false;
    const int w[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; ++i) {
        if (!id.at(i).isDigit())
            return false;
        sum += id.at(i).digitValue() * w[i];
    }
    return id.at(17) == QLatin1Char("10X98765432"[sum % 11]);
}

// GB 32100 check character.
bool validCreditCode(const QString &code)
{
    const QString charset = QStringLiteral("0123456789ABCDEFGHJKLMNPQRTUWXY");
    const int w[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    if (code.size() != 18)
        return false;
    int sum = 0;
    for (int i = 0; i < 17; ++i) {
        const qsizetype v = charset.indexOf(code.at(i));
        if (v < 0)
            return false;
        sum += int(v) * w[i];
    }
    return code.at(17) == charset.at((31 - sum % 31) % 31);
}

int monthIndex(const QString &yyyymm)
{
    return yyyymm.left(4).toInt() * 12 + yyyymm.mid(5, 2).toInt() - 1;
}
} // namespace

class TestServerPersons : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void pagingCoversAllOnce_data();
    void pagingCoversAllOnce();
    void rejectsBadParameters_data();
    void rejectsBadParameters();
    void jsonEqualsCodec();
    void demoDataIsValid();
    void demoUnitIsValid();
    void seedingIsIdempotent();
    void hundredThousandFigures();

private:
    QJsonArray fetchAll(HttpsClient &client, int limit, int *pages);

    std::unique_ptr<TestBackend> m_backend;
    std::unique_ptr<ServerFixture> m_fixture;
    std::unique_ptr<HttpsClient> m_client;
};

void TestServerPersons::initTestCase()
{
    m_backend = std::make_unique<TestBackend>();
    QVERIFY2(m_backend->ok(), qPrintable(m_backend->error()));
    m_fixture = std::make_unique<ServerFixture>(*m_backend);
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->error()));
    m_client = m_fixture->client();
    QCOMPARE(m_client->login(Unit1, Password).status, 200);
}

void TestServerPersons::cleanupTestCase()
{
    m_client.reset();
    m_fixture.reset();
    m_backend.reset();
}

QJsonArray TestServerPersons::fetchAll(HttpsClient &client, int limit, int *pages)
{
    QJsonArray all;
    QJsonValue after = 0;
    *pages = 0;
    while (!after.isNull() && *pages < 100000) {
        const HttpResult r = client.get(QStringLiteral("/api/v1/persons?limit=%1&after=%2").arg(limit).arg(after.toInteger()));
        if (r.status != 200)
            return {};
        ++*pages;
        const QJsonObject page = QJsonDocument::fromJson(r.body).object();
        const QJsonArray items = page.value(QLatin1String("items")).toArray();
        for (const QJsonValue &v : items)
            all.append(v);
        after = page.value(QLatin1String("next_after"));
        if (!after.isNull() && after.toInteger() != items.last().toObject().value(QLatin1String("id")).toInteger())
            return {};   // next_after must be the last id of the page
    }
    return all;
}

void TestServerPersons::pagingCoversAllOnce_data()
{
    QTest::addColumn<int>("limit");
    QTest::newRow("1") << 1;
    QTest::newRow("7") << 7;
    QTest::newRow("100") << 100;
    QTest::newRow("306 (exactly all)") << 306;
    QTest::newRow("10000") << 10000;
}

void TestServerPersons::pagingCoversAllOnce()
{
    QFETCH(int, limit);
    // DemoSeeder::DefaultUnit1, the legacy person (15-digit number, 信息维护) and five 断档补缴 people
    const int total = 306;
    int pages = 0;
    const QJsonArray all = fetchAll(*m_client, limit, &pages);
    QCOMPARE(all.size(), total);
    QCOMPARE(pages, (total + limit - 1) / limit);
    qint64 previous = 0;
    for (const QJsonValue &v : all) {
        const qint64 id = v.toObject().value(QLatin1String("id")).toInteger();
        QVERIFY2(id > previous, "ordered by id, no repeats");
        previous = id;
    }
    const HttpResult first = m_client->get(QStringLiteral("/api/v1/persons?limit=%1").arg(limit));
    QCOMPARE(first.json().value(QLatin1String("total")).toInt(), total);
    // Past the end: an empty page with next_after null.
    const HttpResult end = m_client->get(QStringLiteral("/api/v1/persons?after=%1").arg(previous));
    QCOMPARE(end.status, 200);
    QCOMPARE(end.json().value(QLatin1String("items")).toArray().size(), 0);
    QVERIFY(end.json().value(QLatin1String("next_after")).isNull());
}

void TestServerPersons::rejectsBadParameters_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("field");
    QTest::newRow("limit 0") << QStringLiteral("limit=0") << QStringLiteral("limit");
    QTest::newRow("limit 10001") << QStringLiteral("limit=10001") << QStringLiteral("limit");
    QTest::newRow("limit text") << QStringLiteral("limit=abc") << QStringLiteral("limit");
    QTest::newRow("after negative") << QStringLiteral("after=-1") << QStringLiteral("after");
    QTest::newRow("after text") << QStringLiteral("after=x") << QStringLiteral("after");
}

void TestServerPersons::rejectsBadParameters()
{
    QFETCH(QString, query);
    QFETCH(QString, field);
    const HttpResult r = m_client->get(QStringLiteral("/api/v1/persons?") + query);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.contentType, QByteArray("application/problem+json"));
    const QJsonObject o = r.json();
    QCOMPARE(o.value(QLatin1String("code")).toString(), QStringLiteral("request.invalid"));
    QCOMPARE(o.value(QLatin1String("errors")).toArray().at(0).toObject().value(QLatin1String("field")).toString(), field);
}

void TestServerPersons::jsonEqualsCodec()
{
    // The JSON the database writes must equal what the shared codec produces, person by person.
    int pages = 0;
    const QJsonArray all = fetchAll(*m_client, 1000, &pages);
    QVERIFY(!all.isEmpty());
    for (const QJsonValue &v : all) {
        const auto decoded = shebao::json::decodePerson(v.toObject());
        QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().detail));
        QCOMPARE(shebao::json::encode(decoded.value()), v.toObject());
    }
}

void TestServerPersons::demoDataIsValid()
{
    int pages = 0;
    const QJsonArray all = fetchAll(*m_client, 1000, &pages);
    int withGap = 0, suspended = 0, closedAll = 0, medical = 0, minority = 0;
    QSet<QString> ids;
    for (const QJsonValue &v : all) {
        const QJsonObject p = v.toObject();
        const QString id = p.value(QLatin1String("id_number")).toString();
        if (p.value(QLatin1String("person_no")).toString() == shebao::server::DemoSeeder::LegacyPersonNo) {
            // The one person still registered under a 15-digit number (信息维护's 15 -> 18 升位).
            QCOMPARE(id, shebao::server::DemoSeeder::legacyIdNumber());
            continue;
        }
        // The 断档补缴 people have hand-made histories (gaps before 1995 among them): tst_server_bill_gaps.
        if (shebao::server::DemoBillPeople::idNumbers().contains(id))
            continue;
        QVERIFY2(validIdNumber(id), qPrintable(id));
        QVERIFY2(id.startsWith(QLatin1String("4301")), qPrintable(id));
        QVERIFY(!ids.contains(id));
        ids.insert(id);
        const QString birth = p.value(QLatin1String("birth_date")).toString();
        QCOMPARE(QString(birth).remove(u'-'), id.mid(6, 8));
        const int year = birth.left(4).toInt();
        QVERIFY(year >= 1965 && year <= 2005);
        const QString gender = p.value(QLatin1String("gender")).toString();
        QCOMPARE(gender, id.at(16).digitValue() % 2 == 1 ? QStringLiteral("1") : QStringLiteral("2"));
        QVERIFY(!p.value(QLatin1String("name")).toString().isEmpty());
        QVERIFY(shebao::Dictionaries::hukou().byCode(p.value(QLatin1String("hukou")).toString()).has_value());
        QVERIFY(shebao::Dictionaries::employmentForm().byCode(p.value(QLatin1String("employment_form")).toString()).has_value());
        QVERIFY(shebao::Dictionaries::identity().byCode(p.value(QLatin1String("identity")).toString()).has_value());
        QCOMPARE(p.value(QLatin1String("phone")).toString().size(), 11);
        if (p.value(QLatin1String("ethnicity")).toString() != QLatin1String("01"))
            ++minority;

        QMap<QString, QList<QPair<int, int>>> periods;   // per 险种: (start, end or max)
        bool anyOpen = false;
        for (const QJsonValue &e : p.value(QLatin1String("enrolments")).toArray()) {
            const QJsonObject o = e.toObject();
            const int start = monthIndex(o.value(QLatin1String("start")).toString());
            const bool open = o.value(QLatin1String("end")).isNull();
            const int end = open ? 1 << 30 : monthIndex(o.value(QLatin1String("end")).toString());
            QVERIFY2(start >= 2010 * 12 && start <= 2026 * 12 + 11, qPrintable(o.value(QLatin1String("start")).toString()));
            QVERIFY(start <= end);
            QVERIFY(start >= (year + 16) * 12);
            anyOpen = anyOpen || open;
            if (o.value(QLatin1String("status")).toString() == QLatin1String("suspended"))
                ++suspended;
            if (o.value(QLatin1String("insurance")).toString() == QLatin1String("310"))
                ++medical;
            periods[o.value(QLatin1String("insurance")).toString()].append({start, end});
        }
        QVERIFY(periods.contains(QStringLiteral("110")));
        if (!anyOpen)
            ++closedAll;
        auto list = periods.value(QStringLiteral("110"));
        std::sort(list.begin(), list.end());
        for (qsizetype i = 1; i < list.size(); ++i) {
            QVERIFY(list.at(i).first > list.at(i - 1).second);   // periods never overlap
            if (list.at(i).first - list.at(i - 1).second - 1 > 3)
                ++withGap;
        }
    }
    QVERIFY2(withGap >= 10, "some people have gaps of more than three months");
    QVERIFY(suspended > 0);
    QVERIFY(closedAll > 0);
    QVERIFY(medical > 0);
    QVERIFY(minority > 0);
}

void TestServerPersons::demoUnitIsValid()
{
    const HttpResult r = m_client->get(QStringLiteral("/api/v1/unit"));
    QCOMPARE(r.status, 200);
    const auto unit = shebao::json::decodeUnit(r.json());
    QVERIFY(unit.ok());
    QVERIFY2(validCreditCode(unit.value().creditCode), qPrintable(unit.value().creditCode));
    QCOMPARE(unit.value().name, QStringLiteral("长沙湘江示范科技有限公司"));
    QCOMPARE(unit.value().level, shebao::AccountLevel::Authorized);
}

void TestServerPersons::seedingIsIdempotent()
{
    const int persons = m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM persons")).toInt();
    const int enrolments = m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM enrolments")).toInt();
    const int units = m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM units")).toInt();
    const int staff = m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM staff_accounts")).toInt();
    QCOMPARE(units, 3);
    QCOMPARE(staff, 2);
    QVERIFY(persons >= 700);
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->error()));   // --demo again
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM persons")).toInt(), persons);
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM enrolments")).toInt(), enrolments);
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM units")).toInt(), units);
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM staff_accounts")).toInt(), staff);
    m_client = m_fixture->client();
    QCOMPARE(m_client->login(Unit1, Password).status, 200);
}

void TestServerPersons::hundredThousandFigures()
{
    // Not a timed test: it checks the 100,000-person path works and prints the figures.
    const int target = 100000;
    ServerFixture big(*m_backend);
    QElapsedTimer seedTimer;
    seedTimer.start();
    QVERIFY2(big.start({true, target, 3600}), qPrintable(big.error()));
    const qint64 seedMs = seedTimer.elapsed();
    auto client = big.client();
    QCOMPARE(client->login(Unit1, Password).status, 200);

    QElapsedTimer serveTimer;
    serveTimer.start();
    qint64 bytes = 0, count = 0;
    QSet<qint64> seen;
    QJsonValue after = 0;
    int pages = 0;
    qint64 total = -1;
    while (!after.isNull()) {
        const HttpResult r = client->get(QStringLiteral("/api/v1/persons?limit=5000&after=%1").arg(after.toInteger()));
        QCOMPARE(r.status, 200);
        bytes += r.body.size();
        const QJsonObject page = QJsonDocument::fromJson(r.body).object();
        const QJsonArray items = page.value(QLatin1String("items")).toArray();
        count += items.size();
        for (const QJsonValue &v : items)
            seen.insert(v.toObject().value(QLatin1String("id")).toInteger());
        total = page.value(QLatin1String("total")).toInteger();
        after = page.value(QLatin1String("next_after"));
        ++pages;
    }
    const qint64 serveMs = serveTimer.elapsed();
    // --demo-persons counts the generated people; the legacy person (15-digit number) and unit
    // 43010000001's five 断档补缴 people come on top.
    QCOMPARE(count, qint64(target) + 6);
    QCOMPARE(qint64(seen.size()), qint64(target) + 6);
    QCOMPARE(total, qint64(target) + 6);
    qInfo("FIGURES backend=%s seed(%d persons, incl. migrations/TLS/demo units)=%lld ms; "
          "serve %lld persons in %d pages of 5000 (%lld bytes, incl. client JSON parse)=%lld ms",
          qPrintable(m_backend->name()), target, seedMs, count, pages, bytes, serveMs);
}

QTEST_GUILESS_MAIN(TestServerPersons)
#include "tst_server_persons.moc"
