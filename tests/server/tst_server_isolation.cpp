// Isolation: a token of one unit can never read another unit's unit record, people or
// enrolments — whatever the request asks for.
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QtTest>

#include "ServerFixture.h"

using namespace shebao::test;

namespace {
const QString Password = QStringLiteral("Demo1234");
const QStringList Units{QStringLiteral("43010000001"), QStringLiteral("43010000002"), QStringLiteral("43010000003")};
} // namespace

class TestServerIsolation : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void unitIsAlwaysTheCallers_data();
    void unitIsAlwaysTheCallers();
    void personsOnlyOfTheCallersUnit_data();
    void personsOnlyOfTheCallersUnit();
    void sharedPersonShowsOnlyOwnEnrolments();

private:
    // All pages of GET /api/v1/persons for a logged-in client.
    QJsonArray allPersons(HttpsClient &client, const QString &extraQuery = {});
    qint64 unitId(const QString &unitNo);

    std::unique_ptr<TestBackend> m_backend;
    std::unique_ptr<ServerFixture> m_fixture;
};

void TestServerIsolation::initTestCase()
{
    m_backend = std::make_unique<TestBackend>();
    QVERIFY2(m_backend->ok(), qPrintable(m_backend->error()));
    m_fixture = std::make_unique<ServerFixture>(*m_backend);
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->error()));
    // The demo data must make this test meaningful: people enrolled in two units.
    QVERIFY(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM (SELECT person_id FROM enrolments"
                                             " GROUP BY person_id HAVING COUNT(DISTINCT unit_id) > 1) t"))
                .toInt() > 0);
}

void TestServerIsolation::cleanupTestCase()
{
    m_fixture.reset();
    m_backend.reset();
}

qint64 TestServerIsolation::unitId(const QString &unitNo)
{
    return m_fixture->scalar(QStringLiteral("SELECT id FROM units WHERE unit_no = ?"), {unitNo}).toLongLong();
}

QJsonArray TestServerIsolation::allPersons(HttpsClient &client, const QString &extraQuery)
{
    QJsonArray all;
    QJsonValue after = 0;
    for (int guard = 0; guard < 1000 && !after.isNull(); ++guard) {
        const HttpResult r = client.get(QStringLiteral("/api/v1/persons?limit=97&after=%1%2")
                                            .arg(after.toInteger())
                                            .arg(extraQuery));
        if (r.status != 200)
            return {};
        const QJsonObject page = r.json();
        for (const QJsonValue &v : page.value(QLatin1String("items")).toArray())
            all.append(v);
        after = page.value(QLatin1String("next_after"));
    }
    return all;
}

void TestServerIsolation::unitIsAlwaysTheCallers_data()
{
    QTest::addColumn<QString>("caller");
    QTest::addColumn<QString>("query");
    for (const QString &caller : Units) {
        for (const QString &other : Units) {
            const QByteArray row = (caller.right(1) + QStringLiteral(" asks for ") + other.right(1)).toLatin1();
            QTest::newRow(row.constData()) << caller << QStringLiteral("?unit_no=%1&unit_id=%2").arg(other).arg(other.right(1));
        }
    }
}

void TestServerIsolation::unitIsAlwaysTheCallers()
{
    QFETCH(QString, caller);
    QFETCH(QString, query);
    auto client = m_fixture->client();
    QCOMPARE(client->login(caller, Password).status, 200);
    const HttpResult r = client->get(QStringLiteral("/api/v1/unit") + query);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QLatin1String("unit_no")).toString(), caller);
}

void TestServerIsolation::personsOnlyOfTheCallersUnit_data()
{
    QTest::addColumn<QString>("caller");
    for (const QString &unit : Units)
        QTest::newRow(unit.toLatin1().constData()) << unit;
}

void TestServerIsolation::personsOnlyOfTheCallersUnit()
{
    QFETCH(QString, caller);
    auto client = m_fixture->client();
    QCOMPARE(client->login(caller, Password).status, 200);
    const qint64 mine = unitId(caller);
    QVERIFY(mine > 0);

    // Query parameters naming other units change nothing.
    const QJsonArray persons = allPersons(*client, QStringLiteral("&unit_no=43010000002&unit_id=2"));
    QVERIFY(!persons.isEmpty());
    const int expected = m_fixture->scalar(QStringLiteral("SELECT COUNT(DISTINCT person_id) FROM enrolments WHERE unit_id = ?"),
                                           {mine}).toInt();
    QCOMPARE(persons.size(), expected);
    const HttpResult first = client->get(QStringLiteral("/api/v1/persons?limit=1"));
    QCOMPARE(first.json().value(QLatin1String("total")).toInt(), expected);

    QSet<qint64> seen;
    for (const QJsonValue &v : persons) {
        const QJsonObject p = v.toObject();
        const qint64 id = p.value(QLatin1String("id")).toInteger();
        QVERIFY2(!seen.contains(id), "a person appears twice");
        seen.insert(id);
        const QJsonArray enrolments = p.value(QLatin1String("enrolments")).toArray();
        // Exactly this person's enrolments in the caller's unit: none of another unit.
        const int inMine = m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM enrolments WHERE person_id = ? AND unit_id = ?"),
                                             {id, mine}).toInt();
        QVERIFY(inMine > 0);
        QCOMPARE(enrolments.size(), inMine);
    }
}

void TestServerIsolation::sharedPersonShowsOnlyOwnEnrolments()
{
    const qint64 u1 = unitId(Units.at(0));
    const qint64 u2 = unitId(Units.at(1));
    const qint64 shared = m_fixture->scalar(QStringLiteral("SELECT MIN(a.person_id) FROM enrolments a JOIN enrolments b"
                                                           " ON a.person_id = b.person_id WHERE a.unit_id = ? AND b.unit_id = ?"),
                                            {u1, u2}).toLongLong();
    QVERIFY(shared > 0);

    QHash<QString, QJsonArray> seenBy;
    for (const QString &unit : Units) {
        auto client = m_fixture->client();
        QCOMPARE(client->login(unit, Password).status, 200);
        for (const QJsonValue &v : allPersons(*client)) {
            if (v.toObject().value(QLatin1String("id")).toInteger() == shared)
                seenBy.insert(unit, v.toObject().value(QLatin1String("enrolments")).toArray());
        }
    }
    QVERIFY(seenBy.contains(Units.at(0)));
    QVERIFY(seenBy.contains(Units.at(1)));
    QVERIFY2(!seenBy.contains(Units.at(2)), "unit 3 sees a person it never employed");
    // Unit 1 sees the open period, unit 2 the closed one: no enrolment is shown to both.
    for (const QJsonValue &e : seenBy.value(Units.at(0)))
        QVERIFY(!seenBy.value(Units.at(1)).contains(e));
    for (const QJsonValue &e : seenBy.value(Units.at(1)))
        QCOMPARE(e.toObject().value(QLatin1String("status")).toString(), QStringLiteral("terminated"));
    bool open = false;
    for (const QJsonValue &e : seenBy.value(Units.at(0)))
        open = open || e.toObject().value(QLatin1String("end")).isNull();
    QVERIFY(open);
}

QTEST_GUILESS_MAIN(TestServerIsolation)
#include "tst_server_isolation.moc"
