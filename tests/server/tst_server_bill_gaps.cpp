// 断档补缴's gaps on the server (docs/bills.md, Gaps): the window of a person with the unit, months
// covered anywhere are no gaps, the 1995 floor, the three-month limit, employed_from, months held
// by an open bill, and a person the unit never employed looks exactly like an unknown one. The
// people are made here with histories relative to the server's current month.
#include <QJsonArray>
#include <QUrlQuery>
#include <QtTest>

#include "BillTestData.h"
#include "ServerFixture.h"
#include "ServerTestData.h"

using namespace shebao;
using namespace shebao::test;
using namespace shebao::test::bills;

namespace {

QJsonArray rangesOf(const QJsonObject &gaps, const char *kind)
{
    return gaps.value(QLatin1String("units")).toArray().at(0).toObject().value(QLatin1String(kind)).toArray();
}

QJsonObject range(YearMonth from, YearMonth to)
{
    return QJsonObject{{QStringLiteral("from"), from.toString()}, {QStringLiteral("to"), to.toString()},
                       {QStringLiteral("months"), from.monthsTo(to) + 1}};
}

} // namespace

class TestServerBillGaps : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void suspendedThenActiveIsAGap();
    void threeMonthLimit();
    void recentGapsOnlyMakeNoBill();
    void nothingBefore1995();
    void monthsPaidElsewhereAreNoGaps();
    void employedFromExtendsTheWindow();
    void employedFromRules_data();
    void employedFromRules();
    void billedMonthsAreHeld();
    void unknownAndForeignPeopleLookAlike();
    void badIdNumbers_data();
    void badIdNumbers();
    void thirtyYearHistory();
    void demoPeople_data();
    void demoPeople();

private:
    HttpResult gaps(const QString &idNumber, const QString &employedFrom = {});

    std::unique_ptr<TestBackend> m_backend;
    std::unique_ptr<ServerFixture> m_fixture;
    std::unique_ptr<HttpsClient> m_unit;
    int m_seq = 101;
};

void TestServerBillGaps::initTestCase()
{
    m_backend = std::make_unique<TestBackend>();
    QVERIFY2(m_backend->ok(), qPrintable(m_backend->error()));
    m_fixture = std::make_unique<ServerFixture>(*m_backend);
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->error()));
    m_unit = m_fixture->client();
    QCOMPARE(m_unit->login(data::Authorized, data::Password).status, 200);
}

void TestServerBillGaps::cleanupTestCase()
{
    m_unit.reset();
    m_fixture.reset();
    m_backend.reset();
}

HttpResult TestServerBillGaps::gaps(const QString &idNumber, const QString &employedFrom)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("id_number"), idNumber);
    if (!employedFrom.isEmpty())
        query.addQueryItem(QStringLiteral("employed_from"), employedFrom);
    return m_unit->get(Gaps + u'?' + query.toString(QUrl::FullyEncoded));
}

void TestServerBillGaps::suspendedThenActiveIsAGap()
{
    const QString id = addPerson(*m_fixture, QStringLiteral("郑断档"), QDate(1985, 4, 2), m_seq += 2,
                                 {{data::Authorized, ago(*m_fixture, 40), ago(*m_fixture, 30), Period().insurances, 500000},
                                  {data::Authorized, ago(*m_fixture, 20), {}, Period().insurances, 720000}});
    QVERIFY(!id.isEmpty());
    const HttpResult r = gaps(id);
    QCOMPARE(r.status, 200);
    const QJsonObject o = r.json();
    QCOMPARE(o.value(QLatin1String("person_name")).toString(), QStringLiteral("郑断档"));
    QCOMPARE(o.value(QLatin1String("id_number_masked")).toString(), IdNumber::mask(id));
    QCOMPARE(o.value(QLatin1String("current_month")).toString(), currentMonth(*m_fixture).toString());
    QCOMPARE(o.value(QLatin1String("latest_eligible")).toString(), ago(*m_fixture, 3).toString());
    const QJsonArray units = o.value(QLatin1String("units")).toArray();
    QCOMPARE(units.size(), 1);
    const QJsonObject unit = units.at(0).toObject();
    QCOMPARE(unit.value(QLatin1String("unit_no")).toString(), data::Authorized);
    QCOMPARE(unit.value(QLatin1String("risk_class")).toInt(),
             m_fixture->scalar(QStringLiteral("SELECT risk_class FROM units WHERE unit_no = ?"), {data::Authorized}).toInt());
    QCOMPARE(unit.value(QLatin1String("insurances")).toArray(),
             (QJsonArray{QStringLiteral("110"), QStringLiteral("210"), QStringLiteral("410")}));
    QCOMPARE(unit.value(QLatin1String("suggested_wage")).toString(), QStringLiteral("7200.00"));   // the latest period's
    QCOMPARE(unit.value(QLatin1String("window_from")).toString(), ago(*m_fixture, 40).toString());
    QCOMPARE(unit.value(QLatin1String("window_to")).toString(), currentMonth(*m_fixture).toString());
    QCOMPARE(rangesOf(o, "eligible"), QJsonArray{range(ago(*m_fixture, 29), ago(*m_fixture, 21))});
    QCOMPARE(unit.value(QLatin1String("eligible_months")).toInt(), 9);
    QVERIFY(rangesOf(o, "recent").isEmpty());
    QVERIFY(rangesOf(o, "billed").isEmpty());
}

void TestServerBillGaps::threeMonthLimit()
{
    // Gap from 5 to 2 months ago: 5..3 are 断档补缴's, 2 belongs to 异动申报.
    const QString id = addPerson(*m_fixture, QStringLiteral("钱近期"), QDate(1990, 1, 9), m_seq += 2,
                                 {{data::Authorized, ago(*m_fixture, 30), ago(*m_fixture, 6)},
                                  {data::Authorized, ago(*m_fixture, 1), {}}});
    const QJsonObject o = gaps(id).json();
    QCOMPARE(rangesOf(o, "eligible"), QJsonArray{range(ago(*m_fixture, 5), ago(*m_fixture, 3))});
    QCOMPARE(rangesOf(o, "recent"), QJsonArray{range(ago(*m_fixture, 2), ago(*m_fixture, 2))});
}

void TestServerBillGaps::recentGapsOnlyMakeNoBill()
{
    const QString id = addPerson(*m_fixture, QStringLiteral("孙新断"), QDate(1991, 2, 3), m_seq += 2,
                                 {{data::Authorized, ago(*m_fixture, 30), ago(*m_fixture, 3)},
                                  {data::Authorized, ago(*m_fixture, 1), {}}});
    const QJsonObject o = gaps(id).json();
    QVERIFY(rangesOf(o, "eligible").isEmpty());
    QCOMPARE(rangesOf(o, "recent"), QJsonArray{range(ago(*m_fixture, 2), ago(*m_fixture, 2))});
    for (const HttpResult &r : {m_unit->postJson(Bills, request(id), key().toLatin1()),
                                m_unit->get(Estimate + QStringLiteral("?wage=6000&id_number=") + id)}) {
        QCOMPARE(r.status, 422);
        QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("arrears.no_gaps"));
        QCOMPARE(r.json().value(QLatin1String("detail")).toString(), QStringLiteral("该人员在本单位没有可补缴的断档月份（三个月以前）"));
    }
}

void TestServerBillGaps::nothingBefore1995()
{
    // Uncovered 1994-07..1995-12: only 1995 may be paid.
    const QString id = addPerson(*m_fixture, QStringLiteral("李九四"), QDate(1970, 8, 8), m_seq += 2,
                                 {{data::Authorized, ym(1993, 1), ym(1994, 6)}, {data::Authorized, ym(1996, 1), ym(2000, 12)}});
    const QJsonObject o = gaps(id).json();
    QCOMPARE(o.value(QLatin1String("units")).toArray().at(0).toObject().value(QLatin1String("window_from")).toString(),
             QStringLiteral("1993-01"));
    QCOMPARE(rangesOf(o, "eligible"), QJsonArray{range(ym(1995, 1), ym(1995, 12))});
    QVERIFY(rangesOf(o, "recent").isEmpty());
}

void TestServerBillGaps::monthsPaidElsewhereAreNoGaps()
{
    const QString id = addPerson(*m_fixture, QStringLiteral("周两家"), QDate(1982, 3, 3), m_seq += 2,
                                 {{data::Authorized, ago(*m_fixture, 60), ago(*m_fixture, 48)},
                                  {data::Ordinary, ago(*m_fixture, 44), ago(*m_fixture, 40)},
                                  {data::Authorized, ago(*m_fixture, 36), {}}});
    const HttpResult r = gaps(id);
    QCOMPARE(rangesOf(r.json(), "eligible"),
             (QJsonArray{range(ago(*m_fixture, 47), ago(*m_fixture, 45)), range(ago(*m_fixture, 39), ago(*m_fixture, 37))}));
    // The other unit is never named.
    const QString otherName = m_fixture->scalar(QStringLiteral("SELECT name FROM units WHERE unit_no = ?"), {data::Ordinary}).toString();
    QVERIFY(!r.body.contains(data::Ordinary.toUtf8()));
    QVERIFY(!QString::fromUtf8(r.body).contains(otherName));
}

void TestServerBillGaps::employedFromExtendsTheWindow()
{
    const QString id = addPerson(*m_fixture, QStringLiteral("吴晚参"), QDate(1988, 5, 5), m_seq += 2,
                                 {{data::Authorized, ago(*m_fixture, 24), {}}});
    QVERIFY(rangesOf(gaps(id).json(), "eligible").isEmpty());
    const QJsonObject o = gaps(id, ago(*m_fixture, 30).toString()).json();
    QCOMPARE(o.value(QLatin1String("units")).toArray().at(0).toObject().value(QLatin1String("window_from")).toString(),
             ago(*m_fixture, 30).toString());
    QCOMPARE(rangesOf(o, "eligible"), QJsonArray{range(ago(*m_fixture, 30), ago(*m_fixture, 25))});
    // employed_from equal to the first start changes nothing.
    QVERIFY(rangesOf(gaps(id, ago(*m_fixture, 24).toString()).json(), "eligible").isEmpty());
}

void TestServerBillGaps::employedFromRules_data()
{
    QTest::addColumn<QString>("employedFrom");
    QTest::addColumn<bool>("accepted");
    // The person: born 1990-06-15 (16 in 2006-06), first enrolled here 2010-01.
    QTest::newRow("month of the 16th birthday") << QStringLiteral("2006-06") << true;
    QTest::newRow("before the 16th birthday") << QStringLiteral("2006-05") << false;
    QTest::newRow("the first start") << QStringLiteral("2010-01") << true;
    QTest::newRow("after the first start") << QStringLiteral("2010-02") << false;
    QTest::newRow("malformed") << QStringLiteral("2008-13") << false;
    QTest::newRow("not a month") << QStringLiteral("2008/01") << false;
}

void TestServerBillGaps::employedFromRules()
{
    QFETCH(QString, employedFrom);
    QFETCH(bool, accepted);
    static QString id;
    if (id.isEmpty())
        id = addPerson(*m_fixture, QStringLiteral("冯十六"), QDate(1990, 6, 15), m_seq += 2, {{data::Authorized, ym(2010, 1), {}}});
    const HttpResult r = gaps(id, employedFrom);
    if (accepted) {
        QCOMPARE(r.status, 200);
        return;
    }
    QCOMPARE(r.status, 422);
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("arrears.employed_from"));
    QCOMPARE(r.json().value(QLatin1String("errors")).toArray().at(0).toObject().value(QLatin1String("field")).toString(),
             QStringLiteral("employed_from"));
}

void TestServerBillGaps::billedMonthsAreHeld()
{
    const QString id = addPerson(*m_fixture, QStringLiteral("王有单"), QDate(1984, 9, 1), m_seq += 2,
                                 {{data::Authorized, ago(*m_fixture, 50), ago(*m_fixture, 40)},
                                  {data::Authorized, ago(*m_fixture, 30), {}}});
    const HttpResult created = m_unit->postJson(Bills, request(id), key().toLatin1());
    QCOMPARE(created.status, 201);
    const QString number = created.json().value(QLatin1String("number")).toString();
    QJsonObject o = gaps(id).json();
    QVERIFY(rangesOf(o, "eligible").isEmpty());
    QJsonObject held = range(ago(*m_fixture, 39), ago(*m_fixture, 31));
    held.insert(QStringLiteral("bill_number"), number);
    QCOMPARE(rangesOf(o, "billed"), QJsonArray{held});

    // A second bill for any of those months names the first.
    const HttpResult again = m_unit->postJson(Bills, request(id, QStringLiteral("6000.00"),
                                                            {{QStringLiteral("from"), ago(*m_fixture, 35).toString()}}),
                                              key().toLatin1());
    QCOMPARE(again.status, 409);
    QCOMPARE(again.json().value(QLatin1String("code")).toString(), QStringLiteral("bill.open"));
    QCOMPARE(again.json().value(QLatin1String("bill_number")).toString(), number);
    QVERIFY(again.json().value(QLatin1String("detail")).toString().contains(number));

    // 作废 gives the months back.
    QCOMPARE(m_unit->post(Bills + u'/' + number + QStringLiteral("/cancel"), "{}", key().toLatin1()).status, 200);
    o = gaps(id).json();
    QCOMPARE(rangesOf(o, "eligible"), QJsonArray{range(ago(*m_fixture, 39), ago(*m_fixture, 31))});
    QVERIFY(rangesOf(o, "billed").isEmpty());
}

void TestServerBillGaps::unknownAndForeignPeopleLookAlike()
{
    const QString foreign = addPerson(*m_fixture, QStringLiteral("别家人"), QDate(1987, 7, 7), m_seq += 2,
                                      {{data::Ordinary, ago(*m_fixture, 50), ago(*m_fixture, 40)},
                                       {data::Ordinary, ago(*m_fixture, 30), {}}});
    const QString unknown = IdNumber::parse(QStringLiteral("43010419870707001")
                                            + IdNumber::checkCharacter(QStringLiteral("43010419870707001")))
                                .value()
                                .number();
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM persons WHERE id_number = ?"), {unknown}).toInt(), 0);
    const HttpResult a = gaps(foreign);
    const HttpResult b = gaps(unknown);
    QCOMPARE(a.status, 404);
    QCOMPARE(b.status, 404);
    QCOMPARE(a.json().value(QLatin1String("code")).toString(), QStringLiteral("arrears.not_enrolled"));
    QCOMPARE(a.json().value(QLatin1String("detail")).toString(), QStringLiteral("该人员未在本单位参保，请先办理人员增加"));
    QCOMPARE(a.body, b.body);
    // The estimate and the bill say the same.
    const HttpResult c = m_unit->postJson(Bills, request(foreign), key().toLatin1());
    QCOMPARE(c.status, 404);
    QCOMPARE(c.json().value(QLatin1String("code")).toString(), QStringLiteral("arrears.not_enrolled"));
    QCOMPARE(m_unit->get(Estimate + QStringLiteral("?wage=5000&id_number=") + foreign).body,
             m_unit->get(Estimate + QStringLiteral("?wage=5000&id_number=") + unknown).body);
}

void TestServerBillGaps::badIdNumbers_data()
{
    QTest::addColumn<QString>("idNumber");
    QTest::addColumn<QString>("code");
    QTest::newRow("missing") << QString() << QStringLiteral("required.missing");
    QTest::newRow("check character") << QStringLiteral("430104198707070010") << QStringLiteral("id.checksum");
    QTest::newRow("format") << QStringLiteral("43010419870707") << QStringLiteral("id.format");
}

void TestServerBillGaps::badIdNumbers()
{
    QFETCH(QString, idNumber);
    QFETCH(QString, code);
    if (code == QLatin1String("id.checksum") && IdNumber::parse(idNumber))
        QFAIL("the test's number must have a wrong check character");
    const HttpResult r = gaps(idNumber);
    QCOMPARE(r.status, 422);
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), code);
    QCOMPARE(r.json().value(QLatin1String("errors")).toArray().at(0).toObject().value(QLatin1String("field")).toString(),
             QStringLiteral("id_number"));
}

void TestServerBillGaps::thirtyYearHistory()
{
    // 1995..2024: every year January to October covered (two 险种 in separate rows, one with the
    // other unit in odd years), November and December missing: 60 two-month gaps.
    QList<Period> periods;
    for (int year = 1995; year <= 2024; ++year) {
        periods.append({data::Authorized, ym(year, 1), ym(year, 6), {QStringLiteral("110"), QStringLiteral("210")}});
        periods.append({year % 2 ? data::Ordinary : data::Authorized, ym(year, 7), ym(year, 10), {QStringLiteral("110")}});
    }
    periods.append({data::Authorized, ym(2025, 1), {}, {QStringLiteral("110"), QStringLiteral("210")}});
    const QString id = addPerson(*m_fixture, QStringLiteral("陈三十"), QDate(1975, 1, 1), m_seq += 2, periods);
    QVERIFY(!id.isEmpty());
    const QJsonArray eligible = rangesOf(gaps(id).json(), "eligible");
    QCOMPARE(eligible.size(), 30);
    for (int year = 1995; year <= 2024; ++year)
        QCOMPARE(eligible.at(year - 1995).toObject(), range(ym(year, 11), ym(year, 12)));
}

void TestServerBillGaps::demoPeople_data()
{
    // docs/cli.md's table of sandbox people for 断档补缴 (DemoBillPeople).
    QTest::addColumn<QString>("unitNo");
    QTest::addColumn<QString>("idNumber");
    QTest::addColumn<QString>("employedFrom");
    QTest::addColumn<QStringList>("eligible");
    QTest::addColumn<int>("recent");
    QTest::newRow("罗建国") << data::Authorized << "430102197603089519" << QString() << QStringList{QStringLiteral("2018-07..2018-12")} << 0;
    QTest::newRow("龚秀英 (before 1995)") << data::Authorized << "430102196809219628" << QString() << QStringList{QStringLiteral("1995-01..1996-03")} << 0;
    QTest::newRow("邓晓峰 (recent only)") << data::Authorized << "430104199511029537" << QString() << QStringList{} << 1;
    QTest::newRow("蒋文静") << data::Authorized << "430105199205179648" << QString() << QStringList{} << 0;
    QTest::newRow("蒋文静 employed from 2021-01") << data::Authorized << "430105199205179648" << "2021-01"
                                                << QStringList{QStringLiteral("2021-01..2021-05")} << 0;
    QTest::newRow("曾志强 (paid elsewhere)") << data::Authorized << "430103198507309551" << QString()
                                          << QStringList{QStringLiteral("2017-01..2017-03"), QStringLiteral("2017-10..2017-12")} << 0;
    QTest::newRow("谢春梅") << data::CertificateUnit << "430105197912129667" << QString() << QStringList{QStringLiteral("2017-09..2018-02")} << 0;
    QTest::newRow("彭国华 (before 1995)") << data::CertificateUnit << "43011119660404957X" << QString() << QStringList{QStringLiteral("1995-01..1995-06")}
                                      << 0;
    QTest::newRow("黎小燕 (recent only)") << data::CertificateUnit << "430105199808089684" << QString() << QStringList{} << 1;
}

void TestServerBillGaps::demoPeople()
{
    QFETCH(QString, unitNo);
    QFETCH(QString, idNumber);
    QFETCH(QString, employedFrom);
    QFETCH(QStringList, eligible);
    QFETCH(int, recent);
    auto client = m_fixture->client();
    QCOMPARE(client->login(unitNo, data::Password).status, 200);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("id_number"), idNumber);
    if (!employedFrom.isEmpty())
        query.addQueryItem(QStringLiteral("employed_from"), employedFrom);
    const HttpResult r = client->get(Gaps + u'?' + query.toString(QUrl::FullyEncoded));
    QCOMPARE(r.status, 200);
    QStringList ranges;
    for (const QJsonValue &v : rangesOf(r.json(), "eligible"))
        ranges << v.toObject().value(QLatin1String("from")).toString() + QStringLiteral("..") + v.toObject().value(QLatin1String("to")).toString();
    QCOMPARE(ranges, eligible);
    int recentMonths = 0;
    for (const QJsonValue &v : rangesOf(r.json(), "recent"))
        recentMonths += v.toObject().value(QLatin1String("months")).toInt();
    QCOMPARE(recentMonths, recent);
}

QTEST_GUILESS_MAIN(TestServerBillGaps)
#include "tst_server_bill_gaps.moc"
