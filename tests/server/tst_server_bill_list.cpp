// 银行缴费单查询 and 有单缴费 on the server (docs/bills.md): the unit's bills newest first, in pages
// that follow a cursor, filtered by state (expired by time), issue date and person; a bill found
// by its 业务单据号 only together with its person's 公民身份号码; and nothing of another unit's bills
// or people, which answer exactly like unknown ones.
#include <QJsonArray>
#include <QSet>
#include <QUrlQuery>
#include <QtTest>

#include "BillTestData.h"
#include "ServerFixture.h"
#include "ServerTestData.h"
#include "models/bill/BillNumber.h"
#include "server/BillService.h"

using namespace shebao;
using namespace shebao::test;
using namespace shebao::test::bills;

class TestServerBillList : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void pagesFollowTheCursor();
    void filters();
    void badQueries_data();
    void badQueries();
    void lookUpNeedsTheRightPerson();
    void typedNumbersAreFolded();
    void otherUnitsSeeNothing();

private:
    // A person of `unitNo` with a gap and an open bill for it; returns {id number, bill number}.
    QPair<QString, QString> billed(HttpsClient &client, const QString &unitNo, int seq);
    QStringList numbers(const QString &query, QString *nextCursor = nullptr);

    std::unique_ptr<TestBackend> m_backend;
    std::unique_ptr<ServerFixture> m_fixture;
    std::unique_ptr<HttpsClient> m_unit;
    QList<QPair<QString, QString>> m_bills;   // oldest first
};

void TestServerBillList::initTestCase()
{
    m_backend = std::make_unique<TestBackend>();
    QVERIFY2(m_backend->ok(), qPrintable(m_backend->error()));
    m_fixture = std::make_unique<ServerFixture>(*m_backend);
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->error()));
    m_unit = m_fixture->client();
    QCOMPARE(m_unit->login(data::Authorized, data::Password).status, 200);
    for (int i = 0; i < 5; ++i) {
        m_bills.append(billed(*m_unit, data::Authorized, 301 + 2 * i));
        QVERIFY(!m_bills.last().second.isEmpty());
    }
}

void TestServerBillList::cleanupTestCase()
{
    m_unit.reset();
    m_fixture.reset();
    m_backend.reset();
}

QPair<QString, QString> TestServerBillList::billed(HttpsClient &client, const QString &unitNo, int seq)
{
    const QString id = addPerson(*m_fixture, QStringLiteral("黄列表"), QDate(1980, 10, 10), seq,
                                 {{unitNo, ago(*m_fixture, 30), ago(*m_fixture, 20)}, {unitNo, ago(*m_fixture, 10), {}}});
    const HttpResult r = client.postJson(Bills, request(id), key().toLatin1());
    return {id, r.status == 201 ? r.json().value(QLatin1String("number")).toString() : QString()};
}

QStringList TestServerBillList::numbers(const QString &query, QString *nextCursor)
{
    const HttpResult r = m_unit->get(Bills + u'?' + query);
    QStringList list;
    if (r.status != 200) {
        qWarning("list %s: %d %s", qPrintable(query), r.status, r.body.constData());
        return list;
    }
    for (const QJsonValue &v : r.json().value(QLatin1String("bills")).toArray()) {
        list << v.toObject().value(QLatin1String("number")).toString();
        if (v.toObject().contains(QLatin1String("estimate")))
            return {QStringLiteral("a list row carries the estimate")};
    }
    if (nextCursor)
        *nextCursor = r.json().value(QLatin1String("next_cursor")).toString();
    return list;
}

void TestServerBillList::pagesFollowTheCursor()
{
    QStringList all;
    QString cursor;
    int pages = 0;
    do {
        const QString query = QStringLiteral("limit=2") + (cursor.isEmpty() ? QString() : QStringLiteral("&cursor=") + cursor);
        const QStringList page = numbers(query, &cursor);
        QVERIFY(!page.isEmpty());
        QVERIFY(page.size() <= 2);
        all += page;
        ++pages;
    } while (!cursor.isEmpty() && pages < 10);
    QCOMPARE(pages, 3);
    QCOMPARE(all.size(), 5);
    QCOMPARE(QSet<QString>(all.cbegin(), all.cend()).size(), 5);
    QStringList newestFirst;
    for (auto it = m_bills.crbegin(); it != m_bills.crend(); ++it)
        newestFirst << it->second;
    QCOMPARE(all, newestFirst);
    // The default page holds all of them, with no cursor after it.
    QString none = QStringLiteral("x");
    QCOMPARE(numbers(QString(), &none).size(), 5);
    QVERIFY(none.isEmpty());
}

void TestServerBillList::filters()
{
    const QString today = server::Clock::beijingDate(m_fixture->server().clock().now()).toString(Qt::ISODate);
    const QString yesterday = server::Clock::beijingDate(m_fixture->server().clock().now() - 86400).toString(Qt::ISODate);
    QCOMPARE(numbers(QStringLiteral("from=%1&to=%1").arg(today)).size(), 5);
    QVERIFY(numbers(QStringLiteral("to=%1").arg(yesterday)).isEmpty());
    QCOMPARE(numbers(QStringLiteral("id_number=") + m_bills.at(2).first), QStringList{m_bills.at(2).second});

    // 作废 one: it leaves unpaid and joins cancelled.
    QCOMPARE(m_unit->post(Bills + u'/' + m_bills.at(0).second + QStringLiteral("/cancel"), "{}", key().toLatin1()).status, 200);
    QCOMPARE(numbers(QStringLiteral("state=cancelled")), QStringList{m_bills.at(0).second});
    QCOMPARE(numbers(QStringLiteral("state=unpaid")).size(), 4);
    QVERIFY(numbers(QStringLiteral("state=expired")).isEmpty());
    QVERIFY(numbers(QStringLiteral("state=paid")).isEmpty());

    // A week later the unpaid ones are expired (matched by time, nothing stored changed).
    server::Clock &clock = m_fixture->server().clock();
    clock.advance(8 * 24 * 3600);
    const auto restore = qScopeGuard([&clock] { clock.advance(-8 * 24 * 3600); });
    auto later = m_fixture->client();
    QCOMPARE(later->login(data::Authorized, data::Password).status, 200);
    const HttpResult expired = later->get(Bills + QStringLiteral("?state=expired"));
    QCOMPARE(expired.json().value(QLatin1String("bills")).toArray().size(), 4);
    for (const QJsonValue &v : expired.json().value(QLatin1String("bills")).toArray())
        QCOMPARE(v.toObject().value(QLatin1String("state_name")).toString(), QStringLiteral("已过期"));
    QVERIFY(later->get(Bills + QStringLiteral("?state=unpaid")).json().value(QLatin1String("bills")).toArray().isEmpty());
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM bills WHERE state = 'unpaid'")).toInt(), 4);
}

void TestServerBillList::badQueries_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("field");
    QTest::newRow("state") << QStringLiteral("state=open") << QStringLiteral("state");
    QTest::newRow("from") << QStringLiteral("from=2026-1-1") << QStringLiteral("from");
    QTest::newRow("from after to") << QStringLiteral("from=2026-02-01&to=2026-01-01") << QStringLiteral("to");
    QTest::newRow("limit") << QStringLiteral("limit=201") << QStringLiteral("limit");
    QTest::newRow("cursor") << QStringLiteral("cursor=abc") << QStringLiteral("cursor");
    QTest::newRow("id_number") << QStringLiteral("id_number=123") << QStringLiteral("id_number");
}

void TestServerBillList::badQueries()
{
    QFETCH(QString, query);
    QFETCH(QString, field);
    const HttpResult r = m_unit->get(Bills + u'?' + query);
    QVERIFY2(r.status == 400 || r.status == 422, r.body.constData());
    QCOMPARE(r.json().value(QLatin1String("errors")).toArray().at(0).toObject().value(QLatin1String("field")).toString(), field);
}

void TestServerBillList::lookUpNeedsTheRightPerson()
{
    const auto &[id, number] = m_bills.at(3);
    const HttpResult right = m_unit->get(Bills + u'/' + number + QStringLiteral("?id_number=") + id);
    QCOMPARE(right.status, 200);
    QCOMPARE(right.json().value(QLatin1String("number")).toString(), number);
    QVERIFY(right.json().value(QLatin1String("estimate")).isObject());

    const HttpResult wrong = m_unit->get(Bills + u'/' + number + QStringLiteral("?id_number=") + m_bills.at(4).first);
    QCOMPARE(wrong.status, 404);
    QCOMPARE(wrong.json().value(QLatin1String("code")).toString(), QStringLiteral("bill.unknown"));
    QCOMPARE(wrong.json().value(QLatin1String("detail")).toString(), QStringLiteral("身份证号与业务单据号不匹配"));

    // A valid number that was never issued.
    const QString never = BillNumber::make(QDate(2020, 1, 1), 1);
    const HttpResult unknown = m_unit->get(Bills + u'/' + never);
    QCOMPARE(unknown.status, 404);
    QCOMPARE(unknown.json().value(QLatin1String("detail")).toString(), QStringLiteral("没有找到该业务单据号的缴费单"));
    // One wrong digit: the check digit says so before any look-up.
    QString typo = number;
    typo[5] = QChar(u'0' + (typo.at(5).digitValue() + 3) % 10);
    const HttpResult bad = m_unit->get(Bills + u'/' + typo);
    QCOMPARE(bad.status, 422);
    QCOMPARE(bad.json().value(QLatin1String("code")).toString(), QStringLiteral("bill.number"));
}

void TestServerBillList::typedNumbersAreFolded()
{
    const QString number = m_bills.at(4).second;
    // Full-width digits with dashes, as copied from a document.
    QString typed;
    for (int i = 0; i < number.size(); ++i) {
        if (i == 8 || i == 12)
            typed += u'-';
        typed += QChar(0xFF10 + number.at(i).digitValue());
    }
    const HttpResult r = m_unit->get(Bills + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(typed)));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QLatin1String("number")).toString(), number);
}

void TestServerBillList::otherUnitsSeeNothing()
{
    // Unit 1's bills as unit 3 sees them (a certificate unit's password session may read).
    auto other = m_fixture->client();
    QCOMPARE(other->login(data::CertificateUnit, data::Password).status, 200);
    const auto &[id, number] = m_bills.at(1);
    const QString never = BillNumber::make(QDate(2020, 1, 1), 1);
    const HttpResult unknown = other->get(Bills + u'/' + never);
    QCOMPARE(unknown.status, 404);
    QCOMPARE(other->get(Bills + u'/' + number).body, unknown.body);
    QCOMPARE(other->get(Bills + u'/' + number + QStringLiteral("?id_number=") + id).body, unknown.body);
    QVERIFY(other->get(Bills).json().value(QLatin1String("bills")).toArray().isEmpty());
    QVERIFY(other->get(Bills + QStringLiteral("?id_number=") + id).json().value(QLatin1String("bills")).toArray().isEmpty());
    const HttpResult gaps = other->get(Gaps + QStringLiteral("?id_number=") + id);
    QCOMPARE(gaps.status, 404);
    QCOMPARE(gaps.json().value(QLatin1String("code")).toString(), QStringLiteral("arrears.not_enrolled"));
    QCOMPARE(other->get(Estimate + QStringLiteral("?wage=5000&id_number=") + id).status, 404);

    // Unit 3's bill (made through the service, as its signed session would) as unit 1 sees it:
    // unit 1 may POST without a signature, so every write is tried too.
    const QString theirs = addPerson(*m_fixture, QStringLiteral("星城人"), QDate(1979, 9, 9), 351,
                                     {{data::CertificateUnit, ago(*m_fixture, 30), ago(*m_fixture, 20)},
                                      {data::CertificateUnit, ago(*m_fixture, 10), {}}});
    server::BillService &service = m_fixture->server().bills();
    QVERIFY(m_fixture->server().database().begin());
    QList<Error> errors;
    auto plan = service.plan(unitIdOf(*m_fixture, data::CertificateUnit), request(theirs), &errors);
    QVERIFY(plan);
    auto made = service.create(unitIdOf(*m_fixture, data::CertificateUnit), QStringLiteral("unit:43010000003"), 0, plan.value());
    QVERIFY(made);
    QVERIFY(m_fixture->server().database().commit());
    const QString foreign = made.value().number;

    const HttpResult unknownHere = m_unit->get(Bills + u'/' + never);
    QCOMPARE(m_unit->get(Bills + u'/' + foreign).body, unknownHere.body);
    const HttpResult cancelNever = m_unit->post(Bills + u'/' + never + QStringLiteral("/cancel"), "{}", key().toLatin1());
    const HttpResult cancelForeign = m_unit->post(Bills + u'/' + foreign + QStringLiteral("/cancel"), "{}", key().toLatin1());
    QCOMPARE(cancelForeign.status, 404);
    QCOMPARE(cancelForeign.body, cancelNever.body);
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT state FROM bills WHERE number = ?"), {foreign}).toString(), QStringLiteral("unpaid"));
    QVERIFY(m_unit->get(Bills + QStringLiteral("?id_number=") + theirs).json().value(QLatin1String("bills")).toArray().isEmpty());
    // Unit 3's person: not enrolled here, exactly as somebody unknown.
    const QString nobody = IdNumber::parse(QStringLiteral("43010419790909001") + IdNumber::checkCharacter(QStringLiteral("43010419790909001")))
                               .value()
                               .number();
    QCOMPARE(m_unit->get(Gaps + QStringLiteral("?id_number=") + theirs).body, m_unit->get(Gaps + QStringLiteral("?id_number=") + nobody).body);
    QCOMPARE(m_unit->get(Estimate + QStringLiteral("?wage=5000&id_number=") + theirs).body,
             m_unit->get(Estimate + QStringLiteral("?wage=5000&id_number=") + nobody).body);
    const HttpResult create = m_unit->postJson(Bills, request(theirs), key().toLatin1());
    QCOMPARE(create.status, 404);
    QCOMPARE(create.body, m_unit->postJson(Bills, request(nobody), key().toLatin1()).body);
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM bills b JOIN persons p ON p.id = b.person_id WHERE p.id_number = ?"),
                               {theirs})
                 .toInt(),
             1);
}

QTEST_GUILESS_MAIN(TestServerBillList)
#include "tst_server_bill_list.moc"
