// The printed 缴费单 (app/BillSlip, resources/forms/bill-slip.json; docs/bills.md "The slip"):
// what it is filled with, one pair of 单位 / 个人 columns per 险种, the bills it refuses (no months,
// cancelled, expired, amounts that do not add up), the PDF read back with pdftotext (the 17-digit
// 业务单据号, 合计 in figures and in capitals, the policy table and its periods), the QR code decoded
// by zbarimg to exactly the 17 digits, and a 360-month bill over many pages with the header and
// the table's header on each.
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "app/BillSlip.h"
#include "models/cache/LocalCache.h"
#include "models/money/ChineseCapitals.h"
#include "printing/FormRenderer.h"
#include "tests/unit/printing/BillSamples.h"

using namespace shebao;
using namespace shebao::printing;

namespace {

QString run(const QString &program, const QStringList &args, int *exitCode = nullptr)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(180000))
        return QStringLiteral("<%1 did not finish>").arg(program);
    if (exitCode)
        *exitCode = p.exitCode();
    return QString::fromUtf8(p.readAllStandardOutput());
}

QString pdfText(const QString &pdf, int page = 0, bool layout = true)
{
    QStringList args;
    if (layout)
        args << QStringLiteral("-layout");
    if (page > 0)
        args << QStringLiteral("-f") << QString::number(page) << QStringLiteral("-l") << QString::number(page);
    return run(QStringLiteral("pdftotext"), args << pdf << QStringLiteral("-"));
}

QStringList rasterize(const QString &pdf, const QString &prefix, int dpi, int first = 0, int last = 0)
{
    QStringList args{QStringLiteral("-r"), QString::number(dpi), QStringLiteral("-png")};
    if (first > 0)
        args << QStringLiteral("-f") << QString::number(first) << QStringLiteral("-l") << QString::number(last);
    int code = -1;
    run(QStringLiteral("pdftoppm"), args << pdf << prefix, &code);
    if (code != 0)
        return {};
    const QFileInfo info(prefix);
    QStringList files = QDir(info.absolutePath())
                            .entryList({info.fileName() + QStringLiteral("-*.png")}, QDir::Files, QDir::Name);
    for (QString &f : files)
        f = info.absolutePath() + u'/' + f;
    return files;
}

QStringList decodeAll(const QStringList &pngs)
{
    QStringList codes;
    for (const QString &png : pngs) {
        const QString out = run(QStringLiteral("zbarimg"), {QStringLiteral("--raw"), QStringLiteral("-q"), png});
        for (const QString &line : out.split(u'\n', Qt::SkipEmptyParts))
            codes << line.trimmed();
    }
    return codes;
}

void keepShot(const QString &png, const QString &name)
{
    const QString dir = qEnvironmentVariable("SHEBAO_SHOT_DIR");
    if (dir.isEmpty() || png.isEmpty())
        return;
    QFile::remove(dir + u'/' + name);
    QFile::copy(png, dir + u'/' + name);
}

bool hasLine(const QString &text, const QString &pattern)
{
    return QRegularExpression(pattern, QRegularExpression::MultilineOption).match(text).hasMatch();
}

const FormBlock *tableOf(const FormTemplate &t)
{
    for (const FormBlock &b : t.blocks) {
        if (b.kind == FormBlock::Kind::Table)
            return &b;
    }
    return nullptr;
}

} // namespace

class TestBillSlip : public QObject
{
    Q_OBJECT

private slots:
    void dataOfABill()
    {
        const Bill bill = samples::bill(*YearMonth::of(2019, 3), 6, {QStringLiteral("110"), QStringLiteral("210"),
                                                                      QStringLiteral("410")}, true);
        const auto data = BillSlip::data(bill);
        QVERIFY2(data.ok(), qPrintable(data.ok() ? QString() : data.error().message));
        const QVariantMap &v = data.value().values;
        QCOMPARE(v.value(QStringLiteral("bill.number")).toString(), bill.number);
        QCOMPARE(bill.number.size(), 17);
        QCOMPARE(v.value(QStringLiteral("bill.total")).toString(), bill.total.toDisplayString());
        QCOMPARE(v.value(QStringLiteral("bill.total_capitals")).toString(), chineseCapitals(bill.total));
        QCOMPARE(v.value(QStringLiteral("bill.insurances")).toString(), QStringLiteral("养老、失业、工伤"));
        QCOMPARE(v.value(QStringLiteral("bill.pay_by")).toString(), QStringLiteral("2026年12月10日"));
        QCOMPARE(v.value(QStringLiteral("bill.issue_date")).toString(), QStringLiteral("2026年12月4日"));
        // The hole after the third month shows as two runs.
        QCOMPARE(v.value(QStringLiteral("bill.months")).toString(),
                 QStringLiteral("2019-03 至 2019-05、2019-08 至 2019-10（共 6 个月）"));
        QCOMPARE(v.value(QStringLiteral("policy.periods")).toString(), bill.estimate.periods.join(QStringLiteral("、")));
        QCOMPARE(v.value(QStringLiteral("bill.state_note")).toString(), QString());
        const QList<QVariantMap> rows = data.value().tables.value(QStringLiteral("months"));
        QCOMPARE(rows.size(), 6);
        const ArrearsMonth &first = bill.estimate.months.first();
        QCOMPARE(rows.first().value(QStringLiteral("month")).toString(), QStringLiteral("2019-03"));
        QCOMPARE(rows.first().value(QStringLiteral("base")).toString(), first.base.base.toDisplayString());
        QCOMPARE(rows.first().value(QStringLiteral("i110.unit")).toString(), first.items.at(0).unit.toDisplayString());
        QCOMPARE(rows.first().value(QStringLiteral("i210.person")).toString(), first.items.at(1).person.toDisplayString());
        QCOMPARE(rows.first().value(QStringLiteral("late_fee")).toString(), first.lateFee.toDisplayString());
        QCOMPARE(rows.first().value(QStringLiteral("late_fee_days")).toString(), QString::number(first.lateFeeDays));
        QVERIFY(first.lateFeeDays > 2000); // 2019 to the end of 2026: the late fee is real
    }

    void paidBillSaysSo()
    {
        Bill bill = samples::bill(*YearMonth::of(2020, 1), 2);
        bill.state = BillState::Paid;
        bill.payment = BillPayment{QStringLiteral("sandbox"), QStringLiteral("T1"), QStringLiteral("online"), bill.total,
                                   QDateTime(QDate(2026, 12, 5), QTime(2, 0), Qt::UTC)};
        const auto data = BillSlip::data(bill);
        QVERIFY(data.ok());
        QCOMPARE(data.value().values.value(QStringLiteral("bill.state_note")).toString(),
                 QStringLiteral("本缴费单已于2026年12月5日缴费，仅供留存，请勿重复缴费。"));
        // The form is kept in a variable: a range-for over a member of a temporary's value()
        // would iterate a destroyed list.
        const auto paidForm = BillSlip::form(bill);
        QVERIFY(paidForm.ok());
        bool note = false;
        for (const FormBlock &b : paidForm.value().blocks)
            note = note || b.text.contains(QStringLiteral("{bill.state_note}"));
        QVERIFY(note);
        // An unpaid bill's slip has no empty line where the note would be.
        const auto unpaidForm = BillSlip::form(samples::bill(*YearMonth::of(2020, 1), 2));
        QVERIFY(unpaidForm.ok());
        note = false;
        for (const FormBlock &b : unpaidForm.value().blocks)
            note = note || b.text.contains(QStringLiteral("{bill.state_note}"));
        QVERIFY(!note);
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("code");
        QTest::newRow("list row without months") << QStringLiteral("row") << QStringLiteral("bill.no_estimate");
        QTest::newRow("cancelled") << QStringLiteral("cancelled") << QStringLiteral("bill.cancelled");
        QTest::newRow("expired by state") << QStringLiteral("expired") << QStringLiteral("bill.expired");
        QTest::newRow("unpaid past its time") << QStringLiteral("late") << QStringLiteral("bill.expired");
        QTest::newRow("total not the months'") << QStringLiteral("total") << QStringLiteral("bill.inconsistent");
        QTest::newRow("an unlisted insurance") << QStringLiteral("insurance") << QStringLiteral("bill.inconsistent");
    }

    void refusals()
    {
        QFETCH(QString, what);
        QFETCH(QString, code);
        Bill bill = samples::bill(*YearMonth::of(2020, 1), 3);
        if (what == u"row") {
            bill.hasEstimate = false;
            bill.estimate = {};
        } else if (what == u"cancelled") {
            bill.state = BillState::Cancelled;
        } else if (what == u"expired") {
            bill.state = BillState::Expired;
        } else if (what == u"late") {
            bill.expiresAt = QDateTime::currentDateTimeUtc().addSecs(-1);
        } else if (what == u"total") {
            bill.total = bill.total + Money::fromFen(1);
        } else if (what == u"insurance") {
            bill.insurances.removeAll(QStringLiteral("210"));
        }
        const auto data = BillSlip::data(bill);
        QVERIFY(!data.ok());
        QCOMPARE(data.error().code, code);
        QVERIFY(data.error().message.contains(bill.number));
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("x.pdf"));
        QVERIFY(!BillSlip::writePdf(bill, pdf).ok());
        QVERIFY(!QFile::exists(pdf));
    }

    void columnsPerInsurance()
    {
        const auto three = BillSlip::form(samples::bill(*YearMonth::of(2020, 1), 2));
        QVERIFY(three.ok());
        QCOMPARE(three.value().title, QStringLiteral("断档缴费单 %1").arg(samples::bill(*YearMonth::of(2020, 1), 2).number));
        QCOMPARE(three.value().orientation, QPageLayout::Portrait);
        const FormBlock *table = tableOf(three.value());
        QVERIFY(table);
        QStringList titles;
        for (const FormColumn &c : table->tableColumns)
            titles << c.title;
        QCOMPARE(titles, (QStringList{QStringLiteral("所属期"), QStringLiteral("缴费基数"), QStringLiteral("养老\n单位"),
                                      QStringLiteral("养老\n个人"), QStringLiteral("失业\n单位"), QStringLiteral("失业\n个人"),
                                      QStringLiteral("工伤\n单位"), QStringLiteral("工伤\n个人"), QStringLiteral("本金"),
                                      QStringLiteral("滞纳\n天数"), QStringLiteral("滞纳金")}));
        QCOMPARE(table->tableColumns.at(6).value, QStringLiteral("{i410.unit}"));

        const QStringList all{QStringLiteral("110"), QStringLiteral("210"), QStringLiteral("310"), QStringLiteral("410"),
                              QStringLiteral("510")};
        const auto five = BillSlip::form(samples::bill(*YearMonth::of(2010, 1), 2, all));
        QVERIFY(five.ok());
        QCOMPARE(tableOf(five.value())->tableColumns.size(), 15);
        QCOMPARE(five.value().orientation, QPageLayout::Landscape); // ten amount columns need the width
    }

    void pdfReadsBack_data()
    {
        QTest::addColumn<QStringList>("insurances");
        QTest::addColumn<int>("pages");
        QTest::newRow("三合一") << QStringList{QStringLiteral("110"), QStringLiteral("210"), QStringLiteral("410")} << 1;
        // Landscape is shorter: eight months run onto a second page.
        QTest::newRow("five insurances") << QStringList{QStringLiteral("110"), QStringLiteral("210"), QStringLiteral("310"),
                                                        QStringLiteral("410"), QStringLiteral("510")}
                                         << 2;
    }

    void pdfReadsBack()
    {
        QFETCH(QStringList, insurances);
        QFETCH(int, pages);
        const Bill bill = samples::bill(*YearMonth::of(2016, 4), 8, insurances);
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("slip.pdf"));
        const auto written = BillSlip::writePdf(bill, pdf);
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message));
        QCOMPARE(written.value().pages, pages);
        const QString text = pdfText(pdf);
        QVERIFY2(text.contains(QStringLiteral("长沙市社会保险费断档补缴缴费单")), qPrintable(text));
        QVERIFY(hasLine(text, QStringLiteral("业务单据号：%1").arg(bill.number)));
        QVERIFY(text.contains(QStringLiteral("¥%1 元").arg(bill.total.toDisplayString())));
        // The capitals on one line after their label, as a cashier reads them.
        QVERIFY2(hasLine(text, QStringLiteral("合计（大写）：\\s+人民币%1").arg(chineseCapitals(bill.total))), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("430102********8829")));
        QVERIFY(text.contains(QStringLiteral("欧阳明娜")));
        QVERIFY(text.contains(QStringLiteral("2026年12月10日")));
        // Which table and which periods (issue 6: every bill says so).
        const QString flat = pdfText(pdf, 0, false).remove(u' ').remove(u'\n');
        QVERIFY2(flat.contains(bill.estimate.policyName), qPrintable(flat));
        for (const QString &period : bill.estimate.periods)
            QVERIFY2(flat.contains(period), qPrintable(period));
        QVERIFY(flat.contains(QStringLiteral("请于限缴日期前持本单到任一长沙银行网点缴费，或在网上缴费")));
        // Every month's row with its amounts in order.
        for (const ArrearsMonth &m : bill.estimate.months) {
            QString pattern = m.month.toString() + QStringLiteral("\\s+") + QRegularExpression::escape(m.base.base.toDisplayString());
            for (const ArrearsItem &item : m.items)
                pattern += QStringLiteral("\\s+%1\\s+%2").arg(QRegularExpression::escape(item.unit.toDisplayString()),
                                                              QRegularExpression::escape(item.person.toDisplayString()));
            pattern += QStringLiteral("\\s+%1\\s+%2\\s+%3").arg(QRegularExpression::escape(m.principal.toDisplayString()))
                           .arg(m.lateFeeDays)
                           .arg(QRegularExpression::escape(m.lateFee.toDisplayString()));
            QVERIFY2(hasLine(text, pattern), qPrintable(pattern + QStringLiteral("\n") + text));
        }
        // The QR code is exactly the 17 digits, for the counter's scanner.
        const QStringList pngs = rasterize(pdf, dir.filePath(QStringLiteral("page")), 150);
        QCOMPARE(pngs.size(), pages);
        QCOMPARE(decodeAll(pngs), QStringList{bill.number});
        for (int i = 0; i < pngs.size(); ++i)
            keepShot(pngs[i], QStringLiteral("bill-slip-%1-%2.png").arg(insurances.size()).arg(i + 1));
        const QString info = run(QStringLiteral("pdfinfo"), {pdf});
        QVERIFY2(info.contains(QStringLiteral("断档缴费单 %1").arg(bill.number)), qPrintable(info));
    }

    void thirtyYearsOverManyPages()
    {
        // 360 months (1996-01 to 2025-12): the table breaks between rows and repeats its header;
        // every page names the bill; the totals stand with the last rows.
        const Bill bill = samples::bill(*YearMonth::of(1996, 1), 360);
        QCOMPARE(bill.estimate.months.size(), 360);
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("long.pdf"));
        QElapsedTimer timer;
        timer.start();
        const auto written = BillSlip::writePdf(bill, pdf);
        const qint64 ms = timer.elapsed();
        QVERIFY(written.ok());
        keepShot(pdf, QStringLiteral("bill-slip-360.pdf"));
        const int pages = written.value().pages;
        qInfo("360-month slip: %d pages, %lld ms", pages, ms);
        QVERIFY2(pages >= 8, qPrintable(QString::number(pages)));
        int rows = 0;
        for (int page = 1; page <= pages; ++page) {
            const QString text = pdfText(pdf, page);
            QVERIFY2(text.contains(QStringLiteral("业务单据号：%1").arg(bill.number)), qPrintable(text));
            QVERIFY2(text.contains(QStringLiteral("第 %1 页 共 %2 页").arg(page).arg(pages)), qPrintable(text));
            QVERIFY2(hasLine(text, QStringLiteral("^\\s*所属期\\s+缴费基数")), qPrintable(text));
            // (QString::count would count overlapping matches: every blank line before a row too.)
            auto it = QRegularExpression(QStringLiteral("(?m)^ *\\d{4}-\\d{2} +\\d")).globalMatch(text);
            while (it.hasNext()) {
                it.next();
                ++rows;
            }
        }
        QCOMPARE(rows, 360);
        const QString last = pdfText(pdf, pages);
        QVERIFY(last.contains(QStringLiteral("2025-12")));
        QVERIFY2(last.contains(QStringLiteral("合计：360 个月")), qPrintable(last));
        // One QR code, on the first page.
        const QStringList pngs = rasterize(pdf, dir.filePath(QStringLiteral("p")), 150, 1, 2);
        QCOMPARE(decodeAll(pngs), QStringList{bill.number});
        keepShot(pngs.value(1), QStringLiteral("bill-slip-page2.png"));
    }

    void printsAreRecorded()
    {
        const Bill bill = samples::bill(*YearMonth::of(2020, 1), 2);
        QCOMPARE(BillSlip::data(bill).value().sha256(), BillSlip::data(samples::bill(*YearMonth::of(2020, 1), 2)).value().sha256());
        QTemporaryDir dir;
        LocalCache cache;
        QVERIFY(cache.open(dir.filePath(QStringLiteral("cache.sqlite"))).ok());
        const auto printed = BillSlip::writePdf(bill, dir.filePath(QStringLiteral("a.pdf")), &cache);
        QVERIFY(printed.ok());
        QVERIFY(printed.value().id > 0);
        QCOMPARE(printed.value().formId, QStringLiteral("bill-slip"));
        QCOMPARE(printed.value().title, QStringLiteral("断档缴费单 %1").arg(bill.number));
        const auto paper = BillSlip::recordPrinted(bill, 1, &cache);
        QVERIFY(paper.ok());
        QCOMPARE(paper.value().dataSha256, printed.value().dataSha256);
        QCOMPARE(cache.printedForms(QStringLiteral("bill-slip")).value().size(), 2);
    }
};

QTEST_MAIN(TestBillSlip)
#include "tst_billslip.moc"
