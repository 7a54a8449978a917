// .xlsx exports (models/export/XlsxExport) read back with the project's own XlsxReader: the
// title row with unit and export time, Chinese headers, every cell as written, ID numbers and
// codes as text cells (never numbers), 100 people and a batch, and a clear error for a path
// that cannot be written.
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "models/export/XlsxExport.h"
#include "models/import/XlsxReader.h"
#include "tests/unit/export/DeclarationSamples.h"

using namespace shebao;

namespace {

QStringList texts(const ImportRow &row)
{
    QStringList out;
    for (const ImportCell &cell : row.cells)
        out << cell.text;
    while (!out.isEmpty() && out.last().isEmpty())
        out.removeLast();
    return out;
}

// SHEBAO_KEEP_XLSX=DIR keeps the files there, to open them in Excel / WPS / LibreOffice by hand.
QString outPath(const QTemporaryDir &dir, const QString &name)
{
    const QString keep = qEnvironmentVariable("SHEBAO_KEEP_XLSX");
    return keep.isEmpty() ? dir.filePath(name) : keep + u'/' + name;
}

const QRegularExpression kExportTime(QStringLiteral("导出时间：\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"));

} // namespace

class TestXlsxExport : public QObject
{
    Q_OBJECT

private slots:
    void hundredPersons()
    {
        QList<Person> persons;
        for (int i = 0; i < 100; ++i)
            persons << samples::person(i);
        QTemporaryDir dir;
        const QString path = outPath(dir, QStringLiteral("人员名单.xlsx"));
        const auto written = XlsxExport::persons(samples::unit(), persons, path);
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message));

        QCOMPARE(XlsxReader::sheetNames(path).value(), QStringList{QStringLiteral("人员名单")});
        const auto sheet = XlsxReader::read(path);
        QVERIFY2(sheet.ok(), qPrintable(sheet.ok() ? QString() : sheet.error().message));
        const QList<ImportRow> &rows = sheet.value().rows;
        QCOMPARE(rows.size(), 3 + 100);
        QCOMPARE(rows[0].number, 1);
        QCOMPARE(rows[0].cell(0).text, QStringLiteral("长沙湘江示范科技有限公司（单位编号 43010000001） 人员名单"));
        QVERIFY2(kExportTime.match(rows[1].cell(0).text).hasMatch(), qPrintable(rows[1].cell(0).text));
        QVERIFY(rows[1].cell(0).text.endsWith(QStringLiteral("共 100 人")));
        // 医疗 (310) appears for some people only, and comes after 工伤 as in the portal.
        QCOMPARE(texts(rows[2]),
                 (QStringList{QStringLiteral("个人编号"), QStringLiteral("姓名"), QStringLiteral("公民身份号码"),
                              QStringLiteral("性别"), QStringLiteral("出生日期"), QStringLiteral("民族"),
                              QStringLiteral("户口性质"), QStringLiteral("用工形式"), QStringLiteral("联系电话"),
                              QStringLiteral("养老状态"), QStringLiteral("养老状态起始年月"), QStringLiteral("失业状态"),
                              QStringLiteral("失业状态起始年月"), QStringLiteral("工伤状态"),
                              QStringLiteral("工伤状态起始年月"), QStringLiteral("医疗状态"),
                              QStringLiteral("医疗状态起始年月")}));
        for (int i = 0; i < 100; ++i) {
            const ImportRow &row = rows[3 + i];
            QCOMPARE(row.number, 4 + i);
            const bool open = i % 6 != 5;
            const QString status = open ? QStringLiteral("参保缴费")
                                        : (i % 2 ? QStringLiteral("终止缴费") : QStringLiteral("暂停缴费"));
            const QString since = open ? QStringLiteral("2021-0%1").arg(1 + i % 9) : QStringLiteral("2020-07");
            const QStringList expected{QStringLiteral("4301%1").arg(i + 1, 8, 10, QLatin1Char('0')),
                                       samples::name(i),
                                       samples::idNumber(i),
                                       i % 2 == 0 ? QStringLiteral("男") : QStringLiteral("女"),
                                       samples::birthDate(i),
                                       i % 5 == 0 ? QStringLiteral("土家族") : QStringLiteral("汉族"),
                                       i % 2 ? QStringLiteral("农村") : QStringLiteral("城镇"),
                                       i % 4 == 3 ? QStringLiteral("劳务派遣") : QStringLiteral("合同制"),
                                       QStringLiteral("139%1").arg(20000000 + i, 8, 10, QLatin1Char('0')),
                                       status, since, status, since, status, since,
                                       i % 8 == 0 ? QStringLiteral("参保缴费") : QStringLiteral("未参保"),
                                       i % 8 == 0 ? QStringLiteral("2022-01") : QString()};
            // texts() drops the trailing empty cells (a blank 医疗 起始年月).
            QCOMPARE(texts(row), i % 8 == 0 ? expected : expected.mid(0, expected.size() - 1));
            // Numbers that look like numbers are text cells: nothing lost, nothing in E notation.
            for (int c : {0, 2, 4, 8})
                QCOMPARE(row.cell(c).kind, ImportCell::Kind::String);
        }
    }

    void batchWithItems()
    {
        const DeclarationBatch batch = samples::batch(30);
        QTemporaryDir dir;
        const QString path = outPath(dir, QStringLiteral("batch.xlsx"));
        const auto written = XlsxExport::batch(samples::unit(), batch, path);
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message));

        const auto sheet = XlsxReader::read(path);
        QVERIFY2(sheet.ok(), qPrintable(sheet.ok() ? QString() : sheet.error().message));
        const QList<ImportRow> &rows = sheet.value().rows;
        QCOMPARE(rows.size(), 3 + 30);
        QCOMPARE(rows[0].cell(0).text,
                 QStringLiteral("长沙湘江示范科技有限公司（单位编号 43010000001） 人员异动申报 批次 SB2026120400003"));
        const QString info = rows[1].cell(0).text;
        QVERIFY2(info.startsWith(QStringLiteral("状态：待交纸质表　申报时间：")), qPrintable(info));
        QVERIFY(info.contains(QStringLiteral("报送人：周晓燕　联系电话：0731-88886666　新增 15 人，续保 5 人，减少 10 人")));
        QVERIFY(kExportTime.match(info).hasMatch());
        QCOMPARE(texts(rows[2]).size(), 18);
        QCOMPARE(rows[2].cell(2).text, QStringLiteral("公民身份号码"));
        QCOMPARE(rows[2].cell(13).text, QStringLiteral("工资基数"));

        // 20 增 rows in the batch's order, then 10 减.
        QList<int> order;
        for (int i = 0; i < 30; ++i) {
            if (samples::kindOf(i) != DeclarationKind::Reduce)
                order << i;
        }
        for (int i = 0; i < 30; ++i) {
            if (samples::kindOf(i) == DeclarationKind::Reduce)
                order << i;
        }
        for (int n = 0; n < 30; ++n) {
            const int i = order[n];
            const ImportRow &row = rows[3 + n];
            const DeclarationItem item = samples::item(i);
            QCOMPARE(row.cell(0).kind, ImportCell::Kind::Number);
            QCOMPARE(row.cell(0).number, double(n + 1));
            QCOMPARE(row.cell(1).text, samples::name(i));
            QCOMPARE(row.cell(2).text, samples::idNumber(i));
            QCOMPARE(row.cell(2).kind, ImportCell::Kind::String);
            if (item.isReduce()) {
                const bool terminated = i % 2;
                QCOMPARE(texts(row).mid(9, 4), (QStringList{QStringLiteral("减少"), QStringLiteral("2026-12"),
                                                            terminated ? QStringLiteral("终止") : QStringLiteral("停保"),
                                                            terminated ? QStringLiteral("退休")
                                                                       : (i % 4 == 0 ? QStringLiteral("解除劳动合同")
                                                                                     : QStringLiteral("辞职"))}));
                QCOMPARE(row.cell(13).kind, ImportCell::Kind::Empty);
                QCOMPARE(row.cell(14).text, QString());
            } else {
                QCOMPARE(row.cell(3).text, i % 2 == 0 ? QStringLiteral("男") : QStringLiteral("女"));
                QCOMPARE(row.cell(5).text, i % 5 == 0 ? QStringLiteral("土家族") : QStringLiteral("汉族"));
                QCOMPARE(row.cell(8).text, QStringLiteral("2015-07-01"));
                QCOMPARE(row.cell(8).kind, ImportCell::Kind::String);
                QCOMPARE(row.cell(9).text, i % 4 == 1 ? QStringLiteral("续保") : QStringLiteral("新增"));
                QCOMPARE(row.cell(10).text, i % 2 ? QStringLiteral("2026-11") : QStringLiteral("2026-12"));
                // The base that applies, as a number the clerk can sum.
                QCOMPARE(row.cell(13).kind, ImportCell::Kind::Number);
                QCOMPARE(qRound64(row.cell(13).number * 100), item.base.fen());
                QCOMPARE(row.cell(14).text, i % 7 == 0 ? QStringLiteral("养老、工伤") : QStringLiteral("养老、失业、工伤"));
                QCOMPARE(row.cell(15).text, item.person.phone);
                QCOMPARE(row.cell(15).kind, ImportCell::Kind::String);
                QCOMPARE(row.cell(17).text, i % 10 == 4 ? QStringLiteral("工资基数高于上限，按 21,000.00 元核定。") : QString());
            }
            QCOMPARE(row.cell(16).text, QStringLiteral("已申报"));
        }
    }

    void returnedBatchSaysWhy()
    {
        DeclarationBatch batch = samples::batch(2);
        batch.state = BatchState::Returned;
        batch.returnReason = QStringLiteral("申报表未盖章");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("returned.xlsx"));
        QVERIFY(XlsxExport::batch(samples::unit(), batch, path).ok());
        const auto sheet = XlsxReader::read(path);
        QVERIFY(sheet.ok());
        QVERIFY(sheet.value().rows[1].cell(0).text.contains(QStringLiteral("状态：退回")));
        QVERIFY(sheet.value().rows[1].cell(0).text.contains(QStringLiteral("退回原因：申报表未盖章")));
    }

    void emptyListStillOpens()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("empty.xlsx"));
        QVERIFY(XlsxExport::persons(samples::unit(), {}, path).ok());
        const auto sheet = XlsxReader::read(path);
        QVERIFY(sheet.ok());
        QCOMPARE(sheet.value().rows.size(), 3);
        QCOMPARE(texts(sheet.value().rows[2]).size(), 9);
    }

    void unwritablePathIsAnError()
    {
        const QString path = QStringLiteral("/nonexistent-dir/x/people.xlsx");
        const auto r = XlsxExport::persons(samples::unit(), {samples::person(0)}, path);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("export.write"));
        QVERIFY(r.error().message.contains(path));
        const auto b = XlsxExport::batch(samples::unit(), samples::batch(1), path);
        QVERIFY(!b.ok());
        QCOMPARE(b.error().code, QStringLiteral("export.write"));
    }
};

QTEST_GUILESS_MAIN(TestXlsxExport)
#include "tst_xlsxexport.moc"
