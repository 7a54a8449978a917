// BillService's checks that need no server (docs/bills.md): the ID number, the wage, the window,
// 用工起始年月, the settlement and the 业务单据号's check digit are refused locally with the server's
// codes and fields, in Chinese; every call with such input answers later, on the event loop,
// without sending anything (the ApiClient points at a port where nothing listens, so a request
// that left would answer net.unreachable instead). BillWatcher does not follow a bill that can
// no longer change.
#include <QSignalSpy>
#include <QTest>

#include "app/ApiClient.h"
#include "app/BillService.h"
#include "models/bill/BillNumber.h"
#include "ui/Translations.h"

using namespace shebao;

namespace {

const QString Id = QStringLiteral("430102199005128812");

BillRequest valid()
{
    BillRequest r;
    r.idNumber = Id;
    r.wage = Money::fromFen(500000);
    return r;
}

// A number with a right check digit, and one digit changed or two neighbours swapped.
QString goodNumber()
{
    return BillNumber::make(QDate(2026, 12, 4), 17);
}

} // namespace

class TestBillService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // The messages the clerk reads are the shipped Chinese ones.
        QVERIFY(ui::installTranslations(QStringLiteral("zh_CN")));
    }

    void validRequestIsFolded()
    {
        BillRequest r = valid();
        r.idNumber = QStringLiteral(" 430102199005128812 ");
        r.employedFrom = YearMonth::of(1995, 1);
        r.from = YearMonth::of(2019, 1);
        r.to = YearMonth::of(2019, 1);
        const auto checked = BillService::checked(r);
        QVERIFY2(checked.ok(), qPrintable(checked.ok() ? QString() : checked.error().message));
        QCOMPARE(checked.value().idNumber, Id);
        // A lower-case x is folded to the X the server keeps.
        BillRequest x = valid();
        x.idNumber = QStringLiteral("43010319650522888x");
        QCOMPARE(BillService::checked(x).value().idNumber, QStringLiteral("43010319650522888X"));
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        QTest::newRow("no ID number") << QStringLiteral("id-empty") << QStringLiteral("id.format")
                                      << QStringLiteral("id_number") << QString();
        QTest::newRow("ID check character") << QStringLiteral("id-check") << QStringLiteral("id.checksum")
                                            << QStringLiteral("id_number") << QString();
        QTest::newRow("wage zero") << QStringLiteral("wage-zero") << QStringLiteral("arrears.wage") << QStringLiteral("wage")
                                   << QStringLiteral("缴费工资须为大于0的金额，最多两位小数");
        QTest::newRow("wage negative") << QStringLiteral("wage-negative") << QStringLiteral("arrears.wage")
                                       << QStringLiteral("wage") << QStringLiteral("缴费工资须为大于0的金额，最多两位小数");
        QTest::newRow("employed before 1995") << QStringLiteral("employed") << QStringLiteral("arrears.employed_from")
                                              << QStringLiteral("employed_from")
                                              << QStringLiteral("用工起始年月须在1995年1月之后、首次参保之前，且不早于年满16周岁当月");
        QTest::newRow("window reversed") << QStringLiteral("window") << QStringLiteral("arrears.window")
                                         << QStringLiteral("to")
                                         << QStringLiteral("补缴起止年月格式应为YYYY-MM，且起始不晚于终止");
        QTest::newRow("unit settlement") << QStringLiteral("settlement") << QStringLiteral("arrears.settlement")
                                         << QStringLiteral("settlement")
                                         << QStringLiteral("参与单位结算的补缴随单位月度缴费征收，本系统只能生成不参与单位结算的断档缴费单");
    }

    void refusals()
    {
        QFETCH(QString, what);
        QFETCH(QString, code);
        QFETCH(QString, field);
        QFETCH(QString, message);
        BillRequest r = valid();
        if (what == u"id-empty")
            r.idNumber = QStringLiteral("  ");
        else if (what == u"id-check")
            r.idNumber = QStringLiteral("430102199005128813");
        else if (what == u"wage-zero")
            r.wage = Money();
        else if (what == u"wage-negative")
            r.wage = Money::fromFen(-1);
        else if (what == u"employed")
            r.employedFrom = YearMonth::of(1994, 12);
        else if (what == u"window") {
            r.from = YearMonth::of(2020, 2);
            r.to = YearMonth::of(2020, 1);
        } else if (what == u"settlement")
            r.settlement = QStringLiteral("unit");
        const auto checked = BillService::checked(r);
        QVERIFY(!checked.ok());
        QCOMPARE(checked.error().code, code);
        QCOMPARE(checked.error().field, field);
        QVERIFY(!checked.error().message.isEmpty());
        // The shipped messages are docs/bills.md's Chinese, word for word.
        if (!message.isEmpty())
            QCOMPARE(checked.error().message, message);
    }

    void settlementSentenceIsTheContracts()
    {
        // The tooltip of the disabled 参与单位结算 and the server's arrears.settlement agree.
        QCOMPARE(BillService::settlementRefusal(),
                 QStringLiteral("参与单位结算的补缴随单位月度缴费征收，本系统只能生成不参与单位结算的断档缴费单"));
    }

    void checkedNumber()
    {
        const QString number = goodNumber();
        QCOMPARE(number.size(), 17);
        QCOMPARE(BillService::checkedNumber(number).value(), number);
        // As a clerk copies it from paper: grouped, full-width, dashes.
        QString spaced = number.left(8) + u' ' + number.mid(8, 8) + u'-' + number.right(1);
        QCOMPARE(BillService::checkedNumber(spaced).value(), number);
        QString wide;
        for (const QChar c : number)
            wide += QChar(c.unicode() - u'0' + 0xFF10);
        QCOMPARE(BillService::checkedNumber(wide).value(), number);

        QStringList wrong{QString(), number.left(16), number + u'0', number.left(16) + u'A'};
        // Every single wrong digit and every swap of two different neighbours is caught.
        for (int i = 0; i < 17; ++i) {
            QString changed = number;
            changed[i] = QChar(u'0' + (changed[i].digitValue() + 1) % 10);
            wrong << changed;
            if (i < 16 && number[i] != number[i + 1]) {
                QString swapped = number;
                std::swap(swapped[i], swapped[i + 1]);
                wrong << swapped;
            }
        }
        for (const QString &w : std::as_const(wrong)) {
            const auto r = BillService::checkedNumber(w);
            QVERIFY2(!r.ok(), qPrintable(w));
            QCOMPARE(r.error().code, QStringLiteral("bill.number"));
            QCOMPARE(r.error().field, QStringLiteral("number"));
        }
        QCOMPARE(BillService::checkedIdNumber(QStringLiteral("4301021990")).error().field, QStringLiteral("id_number"));
    }

    void badInputAnswersLaterAndSendsNothing()
    {
        ApiClient api;
        api.setBaseUrl(QUrl(QStringLiteral("https://127.0.0.1:9"))); // nothing listens: a sent request fails otherwise
        BillService service(&api, nullptr);
        QList<Error> answers;
        bool inside = true;
        const auto collect = [&](auto result) {
            QVERIFY(!inside); // never inside the call that started it
            QVERIFY(!result.ok());
            answers << result.error();
        };
        BillRequest bad = valid();
        bad.wage = Money();
        service.gaps(QStringLiteral("123"), std::nullopt, this, collect);
        service.gaps(Id, YearMonth::of(1990, 1), this, collect);
        service.estimate(bad, this, collect);
        service.create(bad, this, collect);
        service.bill(goodNumber().left(16) + u'0' + QString(), Id, this, collect);
        service.bill(goodNumber(), QStringLiteral("43010219900512881"), this, collect);
        service.cancel(QStringLiteral("2026"), this, collect);
        BillQuery query;
        query.idNumber = QStringLiteral("abc");
        service.list(query, this, collect);
        query.idNumber.clear();
        query.from = QDate(2026, 12, 5);
        query.to = QDate(2026, 12, 4);
        service.list(query, this, collect);
        inside = false;
        QTRY_COMPARE(answers.size(), 9);
        const QStringList codes{QStringLiteral("id.format"), QStringLiteral("arrears.employed_from"),
                                QStringLiteral("arrears.wage"), QStringLiteral("arrears.wage"),
                                QStringLiteral("bill.number"), QStringLiteral("id.format"),
                                QStringLiteral("bill.number"), QStringLiteral("id.format"),
                                QStringLiteral("bills.dates")};
        for (int i = 0; i < answers.size(); ++i) {
            // A number that is one check digit off may be id.checksum rather than id.format.
            if (codes[i] == u"id.format")
                QVERIFY2(answers[i].code.startsWith(u"id."), qPrintable(answers[i].code));
            else
                QCOMPARE(answers[i].code, codes[i]);
        }
        QVERIFY(api.isOnline()); // nothing was sent: no connection failure was ever seen
    }

    void watcherLeavesFinishedBillsAlone()
    {
        ApiClient api;
        BillService service(&api, nullptr);
        for (BillState state : {BillState::Paid, BillState::Cancelled, BillState::Expired}) {
            Bill bill;
            bill.number = goodNumber();
            bill.state = state;
            BillWatcher watcher(&service, bill);
            watcher.start();
            QVERIFY(!watcher.isActive());
        }
        Bill unpaid;
        unpaid.number = goodNumber();
        BillWatcher watcher(&service, unpaid);
        watcher.setInterval(50);
        watcher.start();
        QVERIFY(watcher.isActive());
        watcher.stop();
        QVERIFY(!watcher.isActive());
    }
};

QTEST_GUILESS_MAIN(TestBillService)
#include "tst_billservice.moc"
