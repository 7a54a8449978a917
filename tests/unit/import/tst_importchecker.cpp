#include "XlsxFixture.h"

#include "models/import/ImportChecker.h"
#include "models/import/ImportColumns.h"
#include "models/import/ImportReport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>

using namespace shebao;
using namespace shebao::test;

// Whole files as Excel, WPS and LibreOffice leave them, through ImportChecker::checkFile, and the
// JSON report of shebao-cli check-import --json. "Today" is 2025-06-15.
class TestImportChecker : public QObject
{
    Q_OBJECT

private slots:
    void excelHabits();
    void reportJson();
    void inlineStrings();
    void csvVariants_data();
    void csvVariants();
    void headerMissing();
    void unreadableFiles();
    void givenPolicyTable();
    void threadsGiveTheSameResult();

private:
    ImportResult checkExcelHabits();
    static ImportChecker checker();
    static QStringList codes(const ImportResult &result);
    QTemporaryDir m_dir;
};

namespace {

QString id1() { return validId(QStringLiteral("430102"), QStringLiteral("19900101"), QStringLiteral("123")); }
QString id2() { return validId(QStringLiteral("430105"), QStringLiteral("19920315"), QStringLiteral("246")); }

QString fullWidth(const QString &ascii)
{
    QString out;
    for (const QChar c : ascii)
        out += c.unicode() >= 0x21 && c.unicode() <= 0x7E ? QChar(c.unicode() - 0x21 + 0xFF01) : c;
    return out;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace

ImportChecker TestImportChecker::checker()
{
    ImportCheckOptions options;
    options.today = QDate(2025, 6, 15);
    return ImportChecker(options);
}

QStringList TestImportChecker::codes(const ImportResult &result)
{
    QStringList out;
    for (const ImportProblem &p : result.problems)
        out.append(QStringLiteral("%1 %2 %3").arg(p.row).arg(p.column, p.code));
    return out;
}

ImportResult TestImportChecker::checkExcelHabits()
{
    FixtureSheet sheet;
    sheet.mergedTitle = QStringLiteral("2025年6月参保人员增加名单");
    // Header in its own order, with stray and full-width blanks and required marks.
    sheet.rows.append({QStringLiteral(" 公民身份号码 "), QStringLiteral("＊姓名"), QStringLiteral("民 族"),
                       QStringLiteral("户口性质(必填)"), QStringLiteral("用工形式"), QStringLiteral("参加工作日期"),
                       QStringLiteral("参保开始年月　"), QStringLiteral("工资基数"), QStringLiteral("联系电话"),
                       QStringLiteral("备注")});
    // Row 3: typed by hand in General cells: numbers where text was meant, dates as serials.
    sheet.rows.append({id1(), QStringLiteral("张三"), 1, QStringLiteral("城镇"), QStringLiteral("合同制"), QDate(2015, 7, 1),
                       QDate(2025, 6, 1), 6000, 13812345678.0, QStringLiteral("新入职")});
    // Row 4: the ID typed into a General cell: Excel shows 4.30105E+17.
    sheet.rows.append({430105199203152460.0, QStringLiteral("李四"), QStringLiteral("汉族"), QStringLiteral("农业"),
                       QStringLiteral("劳务派遣"), QStringLiteral("2016/9/1"), QStringLiteral("2025-05"), 5000,
                       QStringLiteral("0731-88886666")});
    // Row 6 (row 5 empty): full-width digits from a Chinese IME.
    sheet.rows.append({fullWidth(id2()), QStringLiteral("王五"), QStringLiteral("０１"), QStringLiteral("城镇"),
                       QStringLiteral("临时工"), fullWidth(QStringLiteral("2018-03-01")), fullWidth(QStringLiteral("2025-04")),
                       fullWidth(QStringLiteral("4500.50")), fullWidth(QStringLiteral("13912345678"))});
    // Row 8 (row 7 empty): row 3 again.
    sheet.rows.append({id1(), QStringLiteral("张三"), QStringLiteral("汉族"), QStringLiteral("城镇"), QStringLiteral("合同制"),
                       QStringLiteral("2015-07-01"), QStringLiteral("2025-06"), QStringLiteral("6000"),
                       QStringLiteral("13812345678")});
    sheet.rowNumbers = {2, 3, 4, 6, 8};
    const QString file = m_dir.filePath(QStringLiteral("excel.xlsx"));
    if (!writeXlsx(file, {sheet}))
        qFatal("cannot write %s", qPrintable(file));
    const auto result = checker().checkFile(file);
    if (!result)
        qFatal("check failed: %s", qPrintable(result.error().message));
    return result.value();
}

void TestImportChecker::excelHabits()
{
    const ImportResult result = checkExcelHabits();
    QCOMPARE(result.kind, ImportKind::Add);
    QCOMPARE(result.headerRow, 2);
    QCOMPARE(result.rows, 4);
    QCOMPARE(result.valid, 2);
    QCOMPARE(codes(result), QStringList({QStringLiteral("4 公民身份号码 id.numeric_cell"),
                                         QStringLiteral("8 公民身份号码 id.duplicate")}));
    QVERIFY(result.problems.at(0).message.contains(QStringLiteral("4.30105E+17")));

    const AddImportItem &zhang = result.addItems.at(0);
    QCOMPARE(zhang.row, 3);
    QCOMPARE(zhang.idNumber, id1());
    QCOMPARE(zhang.ethnicityCode, QStringLiteral("01"));
    QCOMPARE(zhang.workStartDate, QDate(2015, 7, 1));
    QCOMPARE(zhang.startMonth.toString(), QStringLiteral("2025-06"));
    QCOMPARE(zhang.wage.fen(), 600000);
    QCOMPARE(zhang.phone, QStringLiteral("13812345678"));

    const AddImportItem &wang = result.addItems.at(2);
    QCOMPARE(wang.row, 6);
    QVERIFY(wang.valid);
    QCOMPARE(wang.idNumber, id2());
    QCOMPARE(wang.workStartDate, QDate(2018, 3, 1));
    QCOMPARE(wang.startMonth.toString(), QStringLiteral("2025-04"));
    QCOMPARE(wang.wage.fen(), 450050);
    QCOMPARE(wang.phone, QStringLiteral("13912345678"));
}

void TestImportChecker::reportJson()
{
    const ImportResult result = checkExcelHabits();
    const QByteArray json = importReportJson(result, QStringLiteral("excel.xlsx"));
    QVERIFY(json.endsWith('\n'));
    QCOMPARE(json.count('\n'), 1); // exactly one object on one line
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject o = doc.object();
    QCOMPARE(o.keys(), QStringList({QStringLiteral("file"), QStringLiteral("kind"), QStringLiteral("problems"),
                                    QStringLiteral("rows"), QStringLiteral("skipped_rules"), QStringLiteral("valid")}));
    QCOMPARE(o.value(QStringLiteral("file")).toString(), QStringLiteral("excel.xlsx"));
    QCOMPARE(o.value(QStringLiteral("kind")).toString(), QStringLiteral("add"));
    QCOMPARE(o.value(QStringLiteral("rows")).toInt(-1), 4);
    QCOMPARE(o.value(QStringLiteral("valid")).toInt(-1), 2);
    QCOMPARE(o.value(QStringLiteral("skipped_rules")).toArray(), QJsonArray({QStringLiteral("person.enrolled")}));
    const QJsonArray problems = o.value(QStringLiteral("problems")).toArray();
    QCOMPARE(problems.size(), 2);
    const QJsonObject p = problems.at(0).toObject();
    QCOMPARE(p.keys(), QStringList({QStringLiteral("code"), QStringLiteral("column"), QStringLiteral("message"),
                                    QStringLiteral("row"), QStringLiteral("severity")}));
    QVERIFY(p.value(QStringLiteral("row")).isDouble());
    QCOMPARE(p.value(QStringLiteral("row")).toInt(), 4);
    QCOMPARE(p.value(QStringLiteral("column")).toString(), QStringLiteral("公民身份号码"));
    QCOMPARE(p.value(QStringLiteral("code")).toString(), QStringLiteral("id.numeric_cell"));
    QCOMPARE(p.value(QStringLiteral("severity")).toString(), QStringLiteral("error"));
    QVERIFY(!p.value(QStringLiteral("message")).toString().isEmpty());
}

void TestImportChecker::inlineStrings()
{
    // A 减少 sheet as some exporters write it: inline strings only, no shared strings part,
    // no styles part.
    auto is = [](const char *ref, const QString &text) {
        return QByteArray("<c r=\"") + ref + "\" t=\"inlineStr\"><is><t>" + text.toUtf8() + "</t></is></c>";
    };
    const QByteArray sheet =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
        "<row r=\"1\">" + is("A1", QStringLiteral("姓名")) + is("B1", QStringLiteral("公民身份号码")) +
        is("C1", QStringLiteral("变更类型")) + is("D1", QStringLiteral("变更原因")) + is("E1", QStringLiteral("停保年月")) +
        "</row><row r=\"2\">" + is("A2", QStringLiteral("李四")) + is("B2", id2()) + is("C2", QStringLiteral("终止")) +
        is("D2", QStringLiteral("死亡")) + is("E2", QStringLiteral("2025-06")) +
        "</row><row r=\"3\">" + is("A3", QStringLiteral("赵六")) + is("B3", id1()) + is("C3", QStringLiteral("停保")) +
        is("D3", QStringLiteral("退休")) + is("E3", QStringLiteral("2025-01")) + "</row></sheetData></worksheet>";
    const QByteArray workbook =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
        "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
        "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
    const QByteArray rels =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
        "Target=\"worksheets/sheet1.xml\"/></Relationships>";
    const QString file = m_dir.filePath(QStringLiteral("inline.xlsx"));
    QVERIFY(writeZip(file, {{"[Content_Types].xml", "<Types/>"},
                            {"xl/workbook.xml", workbook},
                            {"xl/_rels/workbook.xml.rels", rels},
                            {"xl/worksheets/sheet1.xml", sheet}}));
    const auto result = checker().checkFile(file);
    QVERIFY2(result.ok(), qPrintable(result ? QString() : result.error().message));
    QCOMPARE(result.value().kind, ImportKind::Reduce);
    QCOMPARE(result.value().rows, 2);
    QCOMPARE(result.value().valid, 1);
    QCOMPARE(codes(result.value()), QStringList({QStringLiteral("3 变更原因 dict.unknown"),
                                                 QStringLiteral("3 停保年月 start.too_early")}));
}

void TestImportChecker::csvVariants_data()
{
    QTest::addColumn<QByteArray>("bytes");
    const QString text = QStringLiteral(
        "姓名,公民身份号码,民族,户口性质,用工形式,参加工作日期,参保开始年月,工资基数,联系电话,险种\r\n"
        "欧阳·娜娜,%1,维吾尔族,农村,非全日制,2020年1月2日,2025年6月,\"4,800.00\",0731-88886666,\"养老,工伤\"\r\n"
        ",,,,,,,,,\r\n"
        "张三,%2,汉族,城镇,合同制,2015-7-1,2025-07,6000,13812345678,\r\n")
                             .arg(id2(), id1());
    QString semicolon = text;
    semicolon.replace(QStringLiteral("\"4,800.00\""), QStringLiteral("4800.00"));
    semicolon.replace(u',', u';');
    semicolon.replace(QStringLiteral("\"养老;工伤\""), QStringLiteral("\"养老,工伤\""));
    QStringEncoder gbk("GB18030");
    QTest::newRow("UTF-8") << text.toUtf8();
    QTest::newRow("UTF-8 BOM") << QByteArray("\xEF\xBB\xBF") + text.toUtf8();
    QTest::newRow("GBK") << QByteArray(gbk.encode(text));
    QTest::newRow("semicolon, LF") << semicolon.toUtf8().replace("\r\n", "\n");
    QTest::newRow("tab") << QString(text).replace(QStringLiteral("\"4,800.00\""), QStringLiteral("4800"))
                                .replace(QStringLiteral("\"养老,工伤\""), QStringLiteral("养老、工伤"))
                                .replace(u',', u'\t')
                                .toUtf8();
}

void TestImportChecker::csvVariants()
{
    QFETCH(QByteArray, bytes);
    const QString file = m_dir.filePath(QStringLiteral("people.csv"));
    QVERIFY(writeFile(file, bytes));
    const auto result = checker().checkFile(file, ImportKind::Add);
    QVERIFY2(result.ok(), qPrintable(result ? QString() : result.error().message));
    const ImportResult &r = result.value();
    QCOMPARE(r.rows, 2);
    QCOMPARE(r.valid, 1);
    QCOMPARE(codes(r), QStringList({QStringLiteral("4 参保开始年月 start.future")}));
    const AddImportItem &item = r.addItems.at(0);
    QCOMPARE(item.name, QStringLiteral("欧阳·娜娜"));
    QCOMPARE(item.ethnicityCode, QStringLiteral("05"));
    QCOMPARE(item.hukouCode, QStringLiteral("2"));
    QCOMPARE(item.workStartDate, QDate(2020, 1, 2));
    QCOMPARE(item.wage.fen(), 480000);
    QCOMPARE(item.insurances, QStringList({QStringLiteral("110"), QStringLiteral("410")}));
}

void TestImportChecker::headerMissing()
{
    const QString file = m_dir.filePath(QStringLiteral("noheader.csv"));
    QVERIFY(writeFile(file, QStringLiteral("姓名,身份证,民族\n张三,1,汉族\n").toUtf8()));
    const auto add = checker().checkFile(file, ImportKind::Add);
    QVERIFY(!add.ok());
    QCOMPARE(add.error().code, QStringLiteral("import.header_missing"));
    QVERIFY(add.error().message.contains(QStringLiteral("公民身份号码")));
    QVERIFY(!add.error().message.contains(QStringLiteral("姓名、")));
    const auto any = checker().checkFile(file);
    QVERIFY(!any.ok());
    QCOMPARE(any.error().code, QStringLiteral("import.header_missing"));
}

void TestImportChecker::unreadableFiles()
{
    const auto missing = checker().checkFile(m_dir.filePath(QStringLiteral("none.xlsx")));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, QStringLiteral("import.unreadable"));
    const QString xls = m_dir.filePath(QStringLiteral("old.xlsx"));
    QVERIFY(writeFile(xls, QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") + QByteArray(512, '\0')));
    const auto encrypted = checker().checkFile(xls);
    QVERIFY(!encrypted.ok());
    QCOMPARE(encrypted.error().code, QStringLiteral("import.encrypted"));
}

void TestImportChecker::givenPolicyTable()
{
    const QString file = m_dir.filePath(QStringLiteral("low.csv"));
    QVERIFY(writeFile(file, QStringLiteral("姓名,公民身份号码,民族,户口性质,用工形式,参加工作日期,参保开始年月,工资基数,联系电话\n"
                                           "张三,%1,汉族,城镇,合同制,2015-07-01,2025-06,3000,13812345678\n")
                                .arg(id1())
                                .toUtf8()));
    const auto embedded = checker().checkFile(file);
    QVERIFY(embedded.ok());
    QCOMPARE(codes(embedded.value()), QStringList({QStringLiteral("2 工资基数 wage.out_of_range")}));
    QCOMPARE(embedded.value().addItems.at(0).base.fen(), 415000);

    // A table without periods has no limits for 2025-06: nothing to clamp, nothing to warn.
    ImportCheckOptions options;
    options.today = QDate(2025, 6, 15);
    options.policy = PolicyTable();
    const auto given = ImportChecker(options).checkFile(file);
    QVERIFY(given.ok());
    QVERIFY(given.value().problems.isEmpty());
    QCOMPARE(given.value().addItems.at(0).base.fen(), 300000);
}

void TestImportChecker::threadsGiveTheSameResult()
{
    // 6,000 rows in chunks of 1,000+ per thread; duplicates across chunk boundaries, blank rows,
    // problems spread over the file.
    ImportSheet sheet;
    ImportRow header;
    header.number = 1;
    for (const ImportColumn &c : ImportColumns::of(ImportKind::Add)) {
        ImportCell cell;
        cell.text = c.header;
        cell.kind = ImportCell::Kind::String;
        header.cells.append(cell);
    }
    sheet.rows.append(header);
    auto text = [](const QString &t) {
        ImportCell c;
        c.text = t;
        c.kind = t.isEmpty() ? ImportCell::Kind::Empty : ImportCell::Kind::String;
        return c;
    };
    for (int r = 0; r < 6000; ++r) {
        ImportRow row;
        row.number = r + 2;
        if (r % 997 == 5) { // blank rows
            sheet.rows.append(row);
            continue;
        }
        const int person = r % 4000; // rows 4000.. repeat earlier people
        const QString id = validId(QStringLiteral("430102"), QDate(1980, 1, 1).addDays(person).toString(QStringLiteral("yyyyMMdd")),
                                   QStringLiteral("123"));
        row.cells = {text(r % 500 == 1 ? QStringLiteral("张") : QStringLiteral("张三")), text(id), text(QStringLiteral("男")),
                     text(QStringLiteral("汉族")), text(QStringLiteral("城镇")), text(QStringLiteral("合同制")),
                     text(QStringLiteral("工人")), text(QStringLiteral("2015-07-01")), text(QStringLiteral("2025-06")),
                     text(r % 300 == 2 ? QStringLiteral("3000") : QStringLiteral("6000")), text(QStringLiteral("13812345678")),
                     text(r % 700 == 3 ? QStringLiteral("999") : QString())};
        sheet.rows.append(row);
    }
    ImportCheckOptions one;
    one.today = QDate(2025, 6, 15);
    one.threads = 1;
    ImportCheckOptions four = one;
    four.threads = 4;
    QList<qsizetype> reported;
    four.progress = [&reported](qsizetype done, qsizetype total) {
        if (total != 6000 - 7)
            return false;
        reported.append(done);
        return true;
    };
    const ImportResult a = ImportChecker(one).check(sheet).value();
    const ImportResult b = ImportChecker(four).check(sheet).value();
    QVERIFY(!reported.isEmpty());
    QCOMPARE(reported.constLast(), qsizetype(6000 - 7));
    QVERIFY(std::is_sorted(reported.cbegin(), reported.cend()));

    ImportCheckOptions cancelling = one;
    int calls = 0;
    cancelling.progress = [&calls](qsizetype, qsizetype) { return ++calls < 2; };
    const auto cancelled = ImportChecker(cancelling).check(sheet);
    QVERIFY(!cancelled.ok());
    QCOMPARE(cancelled.error().code, QStringLiteral("import.cancelled"));
    QCOMPARE(calls, 2);
    QCOMPARE(a.rows, 6000 - 7);
    QVERIFY(a.problems.size() > 2000);
    QCOMPARE(b.rows, a.rows);
    QCOMPARE(b.valid, a.valid);
    QCOMPARE(b.problems, a.problems);
    QCOMPARE(b.addItems.size(), a.addItems.size());
    for (qsizetype i = 0; i < a.addItems.size(); ++i) {
        QCOMPARE(b.addItems.at(i).row, a.addItems.at(i).row);
        QCOMPARE(b.addItems.at(i).valid, a.addItems.at(i).valid);
        QCOMPARE(b.addItems.at(i).idNumber, a.addItems.at(i).idNumber);
        QCOMPARE(b.addItems.at(i).base, a.addItems.at(i).base);
    }
    // Problems stay in row order, and a duplicate names the first row of its person.
    for (qsizetype i = 1; i < b.problems.size(); ++i)
        QVERIFY(b.problems.at(i - 1).row <= b.problems.at(i).row);
    const auto dup = std::find_if(b.problems.cbegin(), b.problems.cend(),
                                  [](const ImportProblem &p) { return p.code == QStringLiteral("id.duplicate"); });
    QVERIFY(dup != b.problems.cend());
    QCOMPARE(dup->row, 4002);
    QVERIFY(dup->message.contains(QStringLiteral("第 2 行")));
}

QTEST_GUILESS_MAIN(TestImportChecker)
#include "tst_importchecker.moc"
