// The 《长沙市社会保险参保人员异动申报表》 (app/DeclarationForm, resources/forms/declaration-form.json):
// one item and 60 items, pages and their repeated header row, exact page numbers, 增 before 减,
// dictionary names rather than codes, the PDF read back with pdftotext, the print record in the
// real cache, and the errors (no items, a missing placeholder).
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPdfWriter>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "app/DeclarationForm.h"
#include "models/cache/LocalCache.h"
#include "printing/FormRenderer.h"
#include "printing/FormTemplate.h"
#include "tests/unit/export/DeclarationSamples.h"

using namespace shebao;
using namespace shebao::printing;

namespace {

QString run(const QString &program, const QStringList &args, int *exitCode = nullptr)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(120000))
        return QStringLiteral("<%1 did not finish>").arg(program);
    if (exitCode)
        *exitCode = p.exitCode();
    return QString::fromUtf8(p.readAllStandardOutput());
}

// Lays the batch's form out for a 600 dpi PDF device, as writePdf does.
struct Laid
{
    QTemporaryDir dir;
    std::unique_ptr<FormRenderer> renderer;
    QList<QStringList> pages;
};

std::unique_ptr<Laid> layOut(const DeclarationBatch &batch)
{
    auto laid = std::make_unique<Laid>();
    const auto data = DeclarationForm::data(batch, samples::unit());
    if (!data)
        qFatal("data: %s", qPrintable(data.error().message));
    const auto form = FormTemplate::load(QString::fromLatin1(DeclarationForm::FormId));
    if (!form)
        qFatal("template: %s", qPrintable(form.error().message));
    laid->renderer = std::make_unique<FormRenderer>(form.value(), data.value());
    QPdfWriter device(laid->dir.filePath(QStringLiteral("layout.pdf")));
    device.setPageLayout(laid->renderer->pageLayout());
    device.setResolution(600);
    const auto pages = laid->renderer->layout(device);
    if (!pages)
        qFatal("layout: %s", qPrintable(pages.error().message));
    for (int i = 0; i < laid->renderer->pageCount(); ++i)
        laid->pages << laid->renderer->pageTexts(i);
    return laid;
}

const QStringList kKinds{QStringLiteral("新增"), QStringLiteral("续保"), QStringLiteral("减少")};

} // namespace

class TestDeclarationForm : public QObject
{
    Q_OBJECT

private slots:
    void templateLoadsAsA4Landscape()
    {
        const auto form = FormTemplate::load(QString::fromLatin1(DeclarationForm::FormId));
        QVERIFY2(form.ok(), qPrintable(form.ok() ? QString() : form.error().message));
        QCOMPARE(form.value().title, QStringLiteral("长沙市社会保险参保人员异动申报表"));
        QCOMPARE(form.value().pageSize, QPageSize::A4);
        QCOMPARE(form.value().orientation, QPageLayout::Landscape);
    }

    void oneItem()
    {
        const DeclarationBatch batch = samples::batch(1);
        const auto laid = layOut(batch);
        QCOMPARE(laid->pages.size(), 1);
        const QStringList &texts = laid->pages.first();
        QCOMPARE(texts.first(), QStringLiteral("长沙湘江示范科技有限公司　申报批次号：SB2026120400003"));
        QCOMPARE(texts.last(), QStringLiteral("第 1 页 共 1 页"));
        for (const char *expected : {"长沙市社会保险参保人员异动申报表", "长沙湘江示范科技有限公司", "43010000001",
                                     "91430100MA4L0XXX1A", "SB2026120400003", "2026年12月4日",
                                     "新增 1 人，续保 0 人，减少 0 人", "1 人", "0 人", "其中新增", "周晓燕",
                                     "0731-88886666", "单位经办人签字：", "单位（盖章）", "经办机构受理人："})
            QVERIFY2(texts.contains(QString::fromUtf8(expected)), expected);
        // The row, cell by cell: item 0 is a 新增 of a man, 土家族, 城镇, 合同制, 养老+工伤.
        const QStringList row{QStringLiteral("1"),          samples::name(0),        samples::idNumber(0),
                              QStringLiteral("男"),         samples::birthDate(0),   QStringLiteral("土家族"),
                              QStringLiteral("城镇"),       QStringLiteral("合同制"), QStringLiteral("2015-07-01"),
                              QStringLiteral("新增"),       QStringLiteral("2026-12"), QString(),
                              QString(),                    QStringLiteral("4,500.00"), QStringLiteral("养老、工伤"),
                              QStringLiteral("13810000000")};
        const qsizetype at = texts.indexOf(samples::idNumber(0)) - 2;
        QVERIFY(at > 0);
        QCOMPARE(texts.mid(at, row.size()), row);
        // The header row over it.
        QCOMPARE(texts.mid(at - 16, 3), (QStringList{QStringLiteral("序号"), QStringLiteral("姓名"), QStringLiteral("公民身份号码")}));
    }

    void sixtyItemsPaginate()
    {
        const DeclarationBatch batch = samples::batch(60);
        const auto laid = layOut(batch);
        const int pages = int(laid->pages.size());
        QVERIFY2(pages > 1, qPrintable(QString::number(pages)));

        QStringList all;
        for (int p = 0; p < pages; ++p) {
            const QStringList &texts = laid->pages[p];
            // The table header row on every page, the batch in the page header, exact numbers.
            QVERIFY2(texts.contains(QStringLiteral("公民身份号码")) && texts.contains(QStringLiteral("参保(停保)年月")),
                     qPrintable(QStringLiteral("header row missing on page %1").arg(p + 1)));
            QCOMPARE(texts.first(), QStringLiteral("长沙湘江示范科技有限公司　申报批次号：SB2026120400003"));
            QCOMPARE(texts.last(), QStringLiteral("第 %1 页 共 %2 页").arg(p + 1).arg(pages));
            all << texts;
        }
        // The title and header fields once, the footer once, at the end.
        QCOMPARE(all.count(QStringLiteral("长沙市社会保险参保人员异动申报表")), 1);
        QVERIFY(laid->pages.last().contains(QStringLiteral("周晓燕")));
        QVERIFY(laid->pages.last().contains(QStringLiteral("单位（盖章）")));
        QVERIFY(laid->pages.last().contains(QStringLiteral("60 人")));
        QVERIFY(laid->pages.last().contains(QStringLiteral("30 人")));
        QVERIFY(laid->pages.last().contains(QStringLiteral("20 人")));

        // Every person exactly once, the name beside the number.
        for (int i = 0; i < 60; ++i) {
            QCOMPARE(all.count(samples::idNumber(i)), 1);
            QCOMPARE(all.at(all.indexOf(samples::idNumber(i)) - 1), samples::name(i));
        }
    }

    void sixtyItemsOrderAndNames()
    {
        const DeclarationBatch batch = samples::batch(60);
        const auto laid = layOut(batch);
        QStringList all;
        for (const QStringList &texts : laid->pages)
            all << texts;
        // Rows as printed: the ID number cell and the kind cell 7 cells after it.
        QStringList kinds;
        int number = 0;
        for (qsizetype i = 0; i < all.size(); ++i) {
            if (!QRegularExpression(QStringLiteral("^\\d{17}[\\dX]$")).match(all[i]).hasMatch())
                continue;
            ++number;
            QCOMPARE(all.at(i - 2), QString::number(number));
            kinds << all.at(i + 7);
        }
        QCOMPARE(number, 60);
        const qsizetype firstReduce = kinds.indexOf(QStringLiteral("减少"));
        QCOMPARE(firstReduce, 40);
        QCOMPARE(kinds.mid(firstReduce).count(QStringLiteral("减少")), 20);
        QVERIFY(!kinds.mid(0, firstReduce).contains(QStringLiteral("减少")));
        // 增 in the batch's order: 新增 0, 续保 1, 新增 3, ...
        QCOMPARE(kinds.mid(0, 3), (QStringList{QStringLiteral("新增"), QStringLiteral("续保"), QStringLiteral("新增")}));

        // Names, not codes, in every dictionary column of every row (empty where the kind has none).
        const QList<std::pair<int, QStringList>> allowed{
            {3, {QStringLiteral("汉族"), QStringLiteral("土家族"), QString()}},
            {4, {QStringLiteral("城镇"), QStringLiteral("农村"), QString()}},
            {5, {QStringLiteral("合同制"), QStringLiteral("劳务派遣"), QString()}},
            {9, {QStringLiteral("停保"), QStringLiteral("终止"), QString()}},
            {10, {QStringLiteral("辞职"), QStringLiteral("解除劳动合同"), QStringLiteral("退休"), QString()}},
            {12, {QStringLiteral("养老、失业、工伤"), QStringLiteral("养老、工伤"), QString()}}};
        for (qsizetype i = 0; i < all.size(); ++i) {
            if (!QRegularExpression(QStringLiteral("^\\d{17}[\\dX]$")).match(all[i]).hasMatch())
                continue;
            for (const auto &[offset, names] : allowed)
                QVERIFY2(names.contains(all.at(i + offset)), qPrintable(all.at(i + offset)));
        }
        QVERIFY(!all.contains(QStringLiteral("01")));
        QVERIFY(!all.contains(QStringLiteral("110")));
        for (const char *name : {"汉族", "土家族", "城镇", "农村", "合同制", "劳务派遣", "停保", "终止", "辞职", "解除劳动合同", "退休",
                                 "养老、失业、工伤", "21,000.00"})
            QVERIFY2(all.contains(QString::fromUtf8(name)), name);
        // A 减少 row: 性别 and 出生日期 from the number, no base, no 险种.
        const qsizetype reduce = all.indexOf(samples::idNumber(2)); // item 2 is a 减少 (停保, 辞职)
        QCOMPARE(all.mid(reduce - 1, 15),
                 (QStringList{samples::name(2), samples::idNumber(2), QStringLiteral("男"), samples::birthDate(2),
                              QString(), QString(), QString(), QString(), QStringLiteral("减少"),
                              QStringLiteral("2026-12"), QStringLiteral("停保"), QStringLiteral("辞职"), QString(),
                              QString(), QString()}));
    }

    void footerNeverStandsAlone()
    {
        // Whatever the number of rows, the last page has the last row with 合计人数, the
        // signatures and the stamp: a stamped page always shows part of the list it belongs to.
        const QRegularExpression id(QStringLiteral("^\\d{17}[\\dX]$"));
        for (int items = 1; items <= 90; ++items) {
            const auto laid = layOut(samples::batch(items));
            const QStringList &last = laid->pages.last();
            int lastNumber = 0;
            for (qsizetype i = 2; i < last.size(); ++i) {
                if (id.match(last[i]).hasMatch())
                    lastNumber = qMax(lastNumber, last[i - 2].toInt());
            }
            QVERIFY2(lastNumber == items, qPrintable(QStringLiteral("%1 items: last row not on the last page").arg(items)));
            QVERIFY(last.contains(QStringLiteral("合计人数")));
            QVERIFY(last.contains(QStringLiteral("单位（盖章）")));
            QVERIFY(last.contains(QStringLiteral("受理日期：　　　年　　月　　日")));
            // No page but the last is without rows, and the footer is only on the last.
            for (qsizetype p = 0; p + 1 < laid->pages.size(); ++p) {
                QVERIFY(!laid->pages[p].filter(id).isEmpty());
                QVERIFY(!laid->pages[p].contains(QStringLiteral("合计人数")));
            }
        }
    }

    void pdfReadsBack()
    {
        QTemporaryDir dir;
        const QString pdf = qEnvironmentVariableIsSet("SHEBAO_KEEP_PDF") ? qEnvironmentVariable("SHEBAO_KEEP_PDF")
                                                                         : dir.filePath(QStringLiteral("form.pdf"));
        const DeclarationBatch batch = samples::batch(60);
        const auto printed = DeclarationForm::writePdf(batch, samples::unit(), pdf);
        QVERIFY2(printed.ok(), qPrintable(printed.ok() ? QString() : printed.error().message));
        QCOMPARE(printed.value().id, 0);
        QVERIFY(printed.value().pages > 1);

        int code = -1;
        const QString text = run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}, &code);
        QCOMPARE(code, 0);
        const QStringList pages = text.split(u'\f', Qt::SkipEmptyParts);
        QCOMPARE(pages.size(), printed.value().pages);
        // pdftotext puts narrow spaces between some CJK characters: compare without blanks.
        const QString compact = QString(text).remove(u' ');
        for (int i = 0; i < 60; ++i) {
            QVERIFY2(compact.contains(samples::name(i)), qPrintable(samples::name(i)));
            QVERIFY2(text.contains(samples::idNumber(i)), qPrintable(samples::idNumber(i)));
        }
        QVERIFY(compact.contains(QStringLiteral("报送人")));
        QVERIFY(compact.contains(QStringLiteral("周晓燕")));
        for (int p = 0; p < pages.size(); ++p) {
            QVERIFY(QString(pages[p]).remove(u' ').contains(QStringLiteral("公民身份号码")));
            QVERIFY(QString(pages[p]).remove(u' ').contains(QStringLiteral("第%1页共%2页").arg(p + 1).arg(pages.size())));
        }
    }

    void cliRendersFromADataFile()
    {
        // The data as `shebao-cli render-form --data` reads it: {"values": {...}, "tables": {...}}.
        const auto data = DeclarationForm::data(samples::batch(30), samples::unit());
        QVERIFY(data.ok());
        QJsonObject tables;
        QJsonArray rows;
        for (const QVariantMap &row : data.value().tables.value(QStringLiteral("items")))
            rows.append(QJsonObject::fromVariantMap(row));
        tables.insert(QStringLiteral("items"), rows);
        const QJsonObject file{{QStringLiteral("values"), QJsonObject::fromVariantMap(data.value().values)},
                               {QStringLiteral("tables"), tables}};
        QTemporaryDir dir;
        QFile json(dir.filePath(QStringLiteral("data.json")));
        QVERIFY(json.open(QIODevice::WriteOnly));
        json.write(QJsonDocument(file).toJson());
        json.close();

        const QString pdf = dir.filePath(QStringLiteral("cli.pdf"));
        QVERIFY2(qEnvironmentVariableIsSet("SHEBAO_CLI_BIN"), "SHEBAO_CLI_BIN is not set: run the test through ctest");
        int code = -1;
        const QString out = run(qEnvironmentVariable("SHEBAO_CLI_BIN"),
                                {QStringLiteral("--json"), QStringLiteral("render-form"), QStringLiteral("--template"),
                                 QString::fromLatin1(DeclarationForm::FormId), QStringLiteral("--data"), json.fileName(),
                                 QStringLiteral("--out"), pdf},
                                &code);
        QCOMPARE(code, 0);
        const QJsonObject answer = QJsonDocument::fromJson(out.toUtf8()).object();
        QCOMPARE(answer.value(QStringLiteral("template")).toString(), QStringLiteral("declaration-form"));
        // The same pages as the library lays out.
        QCOMPARE(answer.value(QStringLiteral("pages")).toInt(), int(layOut(samples::batch(30))->pages.size()));
        const QString text = run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
        for (int i = 0; i < 30; ++i)
            QVERIFY2(text.contains(samples::idNumber(i)), qPrintable(samples::idNumber(i)));

        // A data file without 报送人: exit 1 (input problems), the key named, no PDF left.
        QJsonObject values = file.value(QStringLiteral("values")).toObject();
        values.remove(QStringLiteral("batch.reporter"));
        QVERIFY(json.open(QIODevice::WriteOnly | QIODevice::Truncate));
        json.write(QJsonDocument(QJsonObject{{QStringLiteral("values"), values}, {QStringLiteral("tables"), tables}}).toJson());
        json.close();
        QFile::remove(pdf);
        QProcess p;
        p.start(qEnvironmentVariable("SHEBAO_CLI_BIN"),
                {QStringLiteral("render-form"), QStringLiteral("--template"), QString::fromLatin1(DeclarationForm::FormId),
                 QStringLiteral("--data"), json.fileName(), QStringLiteral("--out"), pdf});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 1);
        QVERIFY(QString::fromUtf8(p.readAllStandardError() + p.readAllStandardOutput()).contains(QStringLiteral("batch.reporter")));
        QVERIFY(!QFileInfo::exists(pdf));
    }

    void printsAreRecordedInTheCache()
    {
        QTemporaryDir dir;
        LocalCache cache;
        QVERIFY(cache.open(dir.filePath(QStringLiteral("cache.sqlite"))).ok());
        const DeclarationBatch batch = samples::batch(5);
        const QString pdf = dir.filePath(QStringLiteral("form.pdf"));
        const auto written = DeclarationForm::writePdf(batch, samples::unit(), pdf, &cache);
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message));
        QVERIFY(written.value().id > 0);
        const auto paper = DeclarationForm::recordPrinted(batch, samples::unit(), 1, &cache);
        QVERIFY(paper.ok());
        QVERIFY(paper.value().id > written.value().id);

        const auto records = cache.printedForms(QStringLiteral("declaration-form"));
        QVERIFY(records.ok());
        QCOMPARE(records.value().size(), 2);
        const PrintedForm &fromPdf = records.value().at(1); // newest first
        QCOMPARE(fromPdf.title, QStringLiteral("长沙市社会保险参保人员异动申报表"));
        QCOMPARE(fromPdf.pages, 1);
        QCOMPARE(fromPdf.file, QFileInfo(pdf).absoluteFilePath());
        QCOMPARE(fromPdf.dataSha256, DeclarationForm::data(batch, samples::unit()).value().sha256());
        QCOMPARE(records.value().at(0).file, QString());
        QCOMPARE(records.value().at(0).dataSha256, fromPdf.dataSha256);
        // Other data, other hash.
        DeclarationBatch other = batch;
        other.reporter = QStringLiteral("李四");
        QVERIFY(DeclarationForm::data(other, samples::unit()).value().sha256() != fromPdf.dataSha256);
    }

    void batchWithoutItemsIsRefused()
    {
        DeclarationBatch listed = samples::batch(3);
        listed.items.clear(); // as batch lists carry them
        const auto data = DeclarationForm::data(listed, samples::unit());
        QVERIFY(!data.ok());
        QCOMPARE(data.error().code, QStringLiteral("declaration.no_items"));
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("none.pdf"));
        QVERIFY(!DeclarationForm::writePdf(listed, samples::unit(), pdf).ok());
        QVERIFY(!QFileInfo::exists(pdf));
    }

    void missingPlaceholderIsAnError()
    {
        const auto form = FormTemplate::load(QString::fromLatin1(DeclarationForm::FormId));
        QVERIFY(form.ok());
        auto data = DeclarationForm::data(samples::batch(2), samples::unit());
        QVERIFY(data.ok());
        FormData broken = data.value();
        broken.values.remove(QStringLiteral("batch.reporter"));
        QTemporaryDir dir;
        auto r = FormRenderer::writePdf(form.value(), broken, dir.filePath(QStringLiteral("a.pdf")));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("form.placeholder"));
        QCOMPARE(r.error().detail, QStringLiteral("batch.reporter"));
        // In a table row too: a row without its 联系电话 member.
        broken = data.value();
        broken.tables[QStringLiteral("items")][1].remove(QStringLiteral("phone"));
        r = FormRenderer::writePdf(form.value(), broken, dir.filePath(QStringLiteral("b.pdf")));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().detail, QStringLiteral("phone"));
    }

    void unwritablePathIsAnError()
    {
        const auto r = DeclarationForm::writePdf(samples::batch(1), samples::unit(),
                                                 QStringLiteral("/nonexistent-dir/x/form.pdf"));
        QVERIFY(!r.ok());
        QVERIFY(r.error().code.startsWith(QStringLiteral("print.")));
    }
};

QTEST_MAIN(TestDeclarationForm)
#include "tst_declarationform.moc"
