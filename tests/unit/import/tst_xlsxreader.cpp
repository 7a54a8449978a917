#include "XlsxFixture.h"

#include "models/import/XlsxReader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <xlsxwriter.h>

using shebao::ImportCell;
using shebao::ImportSheet;
using shebao::XlsxReader;
using namespace shebao::test;

Q_DECLARE_METATYPE(ImportCell::Kind)

class TestXlsxReader : public QObject
{
    Q_OBJECT

private slots:
    void serialToDate_data();
    void serialToDate();
    void isDateFormat_data();
    void isDateFormat();
    void libxlsxwriterWorkbook();
    void richTextSharedString();
    void namedSheet();
    void handMadeInlineStrings();
    void errors_data();
    void errors();
    void outsideTheGrid_data();
    void outsideTheGrid();
    void countsAreNotTrusted();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

void TestXlsxReader::serialToDate_data()
{
    QTest::addColumn<double>("serial");
    QTest::addColumn<bool>("date1904");
    QTest::addColumn<QDate>("expected");
    QTest::newRow("1 = 1900-01-01") << 1.0 << false << QDate(1900, 1, 1);
    QTest::newRow("59 = 1900-02-28") << 59.0 << false << QDate(1900, 2, 28);
    QTest::newRow("60 = fictitious 1900-02-29") << 60.0 << false << QDate();
    QTest::newRow("61 = 1900-03-01") << 61.0 << false << QDate(1900, 3, 1);
    QTest::newRow("45356 = 2024-03-05") << 45356.0 << false << QDate(2024, 3, 5);
    QTest::newRow("time of day dropped") << 45356.75 << false << QDate(2024, 3, 5);
    QTest::newRow("0 invalid in 1900") << 0.0 << false << QDate();
    QTest::newRow("negative") << -5.0 << false << QDate();
    QTest::newRow("1904: 0 = 1904-01-01") << 0.0 << true << QDate(1904, 1, 1);
    QTest::newRow("1904: 43894 = 2024-03-05") << 43894.0 << true << QDate(2024, 3, 5);
}

void TestXlsxReader::serialToDate()
{
    QFETCH(double, serial);
    QFETCH(bool, date1904);
    QFETCH(QDate, expected);
    QCOMPARE(XlsxReader::serialToDate(serial, date1904), expected);
}

void TestXlsxReader::isDateFormat_data()
{
    QTest::addColumn<int>("id");
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("expected");
    QTest::newRow("14 m/d/yyyy") << 14 << QString() << true;
    QTest::newRow("22 m/d/yy h:mm") << 22 << QString() << true;
    QTest::newRow("31 zh-CN yyyy年m月d日") << 31 << QString() << true;
    QTest::newRow("45 mm:ss") << 45 << QString() << true;
    QTest::newRow("0 General") << 0 << QString() << false;
    QTest::newRow("49 text") << 49 << QString() << false;
    QTest::newRow("2 0.00") << 2 << QString() << false;
    QTest::newRow("custom yyyy-mm-dd") << 164 << QStringLiteral("yyyy-mm-dd") << true;
    QTest::newRow("custom chinese") << 176 << QStringLiteral("[$-804]yyyy\"年\"m\"月\"d\"日\"") << true;
    QTest::newRow("custom yyyy年m月") << 177 << QStringLiteral("yyyy年m月") << true;
    QTest::newRow("custom number") << 165 << QStringLiteral("#,##0.00") << false;
    QTest::newRow("quoted d is text") << 166 << QStringLiteral("0.00\" d\"") << false;
    QTest::newRow("colour bracket") << 167 << QStringLiteral("[Red]0.00") << false;
    QTest::newRow("time only") << 168 << QStringLiteral("h:mm:ss") << false;
    QTest::newRow("text @") << 169 << QStringLiteral("@") << false;
}

void TestXlsxReader::isDateFormat()
{
    QFETCH(int, id);
    QFETCH(QString, code);
    QFETCH(bool, expected);
    QCOMPARE(XlsxReader::isDateFormat(id, code), expected);
}

void TestXlsxReader::libxlsxwriterWorkbook()
{
    FixtureSheet sheet;
    sheet.mergedTitle = QStringLiteral("长沙某公司 2025 年 6 月新增人员");
    sheet.rows = {
        {QStringLiteral("姓名"), QStringLiteral("公民身份号码"), QStringLiteral("参加工作日期"), QStringLiteral("工资"),
         QStringLiteral("在职")},
        {QStringLiteral("张三"), 430102199001011234.0, QDate(2024, 3, 5), 5000.5, true},
        {},
        {QStringLiteral("李四"), QVariant(), QStringLiteral("2024/3/5"), 4800, false},
    };
    const QString file = path(QStringLiteral("plain.xlsx"));
    QVERIFY(writeXlsx(file, {sheet}));

    const auto result = XlsxReader::read(file);
    QVERIFY2(result.ok(), qPrintable(result ? QString() : result.error().message));
    const ImportSheet &s = result.value();
    QCOMPARE(s.name, QStringLiteral("Sheet1"));
    // Title row 1, header row 2, data rows 3 and 5; the empty row 4 has no <row> element.
    QCOMPARE(s.rows.size(), 4);
    QCOMPARE(s.rows.at(0).number, 1);
    QCOMPARE(s.rows.at(0).cell(0).text, QStringLiteral("长沙某公司 2025 年 6 月新增人员"));
    QCOMPARE(s.rows.at(1).number, 2);
    QCOMPARE(s.rows.at(1).cell(1).text, QStringLiteral("公民身份号码"));

    const auto &zhang = s.rows.at(2);
    QCOMPARE(zhang.number, 3);
    QCOMPARE(zhang.cell(0).kind, ImportCell::Kind::String);
    QCOMPARE(zhang.cell(1).kind, ImportCell::Kind::Number);
    QVERIFY(zhang.cell(1).number > 4.3e17);
    QVERIFY(zhang.cell(1).text.contains(u'E') || zhang.cell(1).text.contains(u'e'));
    QCOMPARE(zhang.cell(2).kind, ImportCell::Kind::Date);
    QCOMPARE(zhang.cell(2).date, QDate(2024, 3, 5));
    QCOMPARE(zhang.cell(2).text, QStringLiteral("2024-03-05"));
    QCOMPARE(zhang.cell(3).kind, ImportCell::Kind::Number);
    QCOMPARE(zhang.cell(3).number, 5000.5);
    QCOMPARE(zhang.cell(3).text, QStringLiteral("5000.5"));
    QCOMPARE(zhang.cell(4).kind, ImportCell::Kind::Bool);
    QCOMPARE(zhang.cell(4).text, QStringLiteral("TRUE"));

    const auto &li = s.rows.at(3);
    QCOMPARE(li.number, 5);
    QCOMPARE(li.cell(1).kind, ImportCell::Kind::Empty); // a gap: B5 was never written
    QCOMPARE(li.cell(2).kind, ImportCell::Kind::String);
    QCOMPARE(li.cell(3).text, QStringLiteral("4800"));
    QCOMPARE(li.cell(4).text, QStringLiteral("FALSE"));
    QCOMPARE(li.cell(40).kind, ImportCell::Kind::Empty); // beyond the row
}

void TestXlsxReader::richTextSharedString()
{
    const QString file = path(QStringLiteral("rich.xlsx"));
    lxw_workbook *wb = workbook_new(QFile::encodeName(file).constData());
    lxw_worksheet *ws = workbook_add_worksheet(wb, nullptr);
    lxw_format *red = workbook_add_format(wb);
    format_set_font_color(red, LXW_COLOR_RED);
    lxw_rich_string_tuple a{nullptr, const_cast<char *>("公民")};
    lxw_rich_string_tuple b{red, const_cast<char *>("身份号码")};
    lxw_rich_string_tuple *runs[] = {&a, &b, nullptr};
    QCOMPARE(worksheet_write_rich_string(ws, 0, 0, runs, nullptr), LXW_NO_ERROR);
    QCOMPARE(workbook_close(wb), LXW_NO_ERROR);

    const auto result = XlsxReader::read(file);
    QVERIFY(result.ok());
    QCOMPARE(result.value().rows.at(0).cell(0).text, QStringLiteral("公民身份号码"));
}

void TestXlsxReader::namedSheet()
{
    FixtureSheet first;
    first.name = QStringLiteral("说明");
    first.rows = {{QStringLiteral("请在第二页填写")}};
    FixtureSheet second;
    second.name = QStringLiteral("减少");
    second.rows = {{QStringLiteral("姓名")}, {QStringLiteral("王五")}};
    const QString file = path(QStringLiteral("two.xlsx"));
    QVERIFY(writeXlsx(file, {first, second}));

    QCOMPARE(XlsxReader::sheetNames(file).value(), QStringList({QStringLiteral("说明"), QStringLiteral("减少")}));
    QCOMPARE(XlsxReader::read(file).value().rows.at(0).cell(0).text, QStringLiteral("请在第二页填写"));
    const auto named = XlsxReader::read(file, QStringLiteral("减少"));
    QVERIFY(named.ok());
    QCOMPARE(named.value().name, QStringLiteral("减少"));
    QCOMPARE(named.value().rows.at(1).cell(0).text, QStringLiteral("王五"));
    const auto missing = XlsxReader::read(file, QStringLiteral("新增"));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, QStringLiteral("import.no_sheet"));
}

void TestXlsxReader::handMadeInlineStrings()
{
    // What some exporters write: a chart sheet first, prefixed SpreadsheetML, inline strings
    // (with a rich run and entities), a formula string result, cells without a reference, a row
    // without a number, a custom date format, an error value and the 1904 date system.
    const QByteArray workbook =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        "<x:workbook xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
        "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
        "<x:workbookPr date1904=\"1\"/><x:sheets><x:sheet name=\"图表\" sheetId=\"2\" r:id=\"rId9\"/>"
        "<x:sheet name=\"数据\" sheetId=\"1\" r:id=\"rId7\"/></x:sheets>"
        "</x:workbook>";
    const QByteArray rels =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId7\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
        "Target=\"/xl/worksheets/data.xml\"/>"
        "<Relationship Id=\"rId8\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
        "Target=\"styles.xml\"/>"
        "<Relationship Id=\"rId9\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet\" "
        "Target=\"chartsheets/sheet1.xml\"/></Relationships>";
    const QByteArray styles =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        "<numFmts count=\"1\"><numFmt numFmtId=\"176\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/></numFmts>"
        "<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"176\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>";
    const QByteArray sheet =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><x:sheetData>"
        "<x:row r=\"2\"><x:c r=\"A2\" t=\"inlineStr\"><x:is><x:t> 姓名 </x:t></x:is></x:c>"
        "<x:c r=\"C2\" t=\"inlineStr\"><x:is><x:r><x:t>公民</x:t></x:r><x:r><x:t>身份号码</x:t></x:r>"
        "<x:rPh><x:t>ガイド</x:t></x:rPh></x:is></x:c></x:row>"
        "<x:row><x:c t=\"inlineStr\"><x:is><x:t>A&amp;B</x:t></x:is></x:c><x:c t=\"str\"><x:f>A3</x:f><x:v>公式</x:v></x:c>"
        "<x:c s=\"1\"><x:v>43894</x:v></x:c><x:c t=\"e\"><x:v>#N/A</x:v></x:c></x:row>"
        "</x:sheetData></x:worksheet>";
    const QString file = path(QStringLiteral("inline.xlsx"));
    QVERIFY(writeZip(file, {{"xl/workbook.xml", workbook},
                            {"xl/_rels/workbook.xml.rels", rels},
                            {"xl/styles.xml", styles},
                            {"xl/worksheets/data.xml", sheet}}));

    const auto result = XlsxReader::read(file);
    QVERIFY2(result.ok(), qPrintable(result ? QString() : result.error().message + result.error().detail));
    const ImportSheet &s = result.value();
    QCOMPARE(s.name, QStringLiteral("数据"));
    QCOMPARE(s.rows.size(), 2);
    QCOMPARE(s.rows.at(0).number, 2);
    QCOMPARE(s.rows.at(0).cell(0).text, QStringLiteral(" 姓名 "));
    QCOMPARE(s.rows.at(0).cell(1).kind, ImportCell::Kind::Empty);
    QCOMPARE(s.rows.at(0).cell(2).text, QStringLiteral("公民身份号码"));
    const auto &r = s.rows.at(1);
    QCOMPARE(r.number, 3);
    QCOMPARE(r.cell(0).text, QStringLiteral("A&B"));
    QCOMPARE(r.cell(1).text, QStringLiteral("公式"));
    QCOMPARE(r.cell(2).kind, ImportCell::Kind::Date);
    QCOMPARE(r.cell(2).date, QDate(2024, 3, 5));
    QCOMPARE(r.cell(3).text, QStringLiteral("#N/A"));
}

void TestXlsxReader::errors_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<bool>("zip");
    QTest::addColumn<QString>("code");
    QTest::newRow("missing file") << QByteArray() << false << QStringLiteral("import.unreadable");
    QTest::newRow("text file") << QByteArray("姓名,公民身份号码\n") << false << QStringLiteral("import.not_xlsx");
    QTest::newRow("OLE: encrypted or .xls")
        << QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 and more bytes") << false << QStringLiteral("import.encrypted");
    QTest::newRow("zip without workbook") << QByteArray("hello") << true << QStringLiteral("import.not_xlsx");
    QTest::newRow("truncated zip") << QByteArray("PK\x03\x04 broken") << false << QStringLiteral("import.not_xlsx");
}

void TestXlsxReader::errors()
{
    QFETCH(QByteArray, content);
    QFETCH(bool, zip);
    QFETCH(QString, code);
    const QString file = path(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'_') + QStringLiteral(".xlsx"));
    if (zip) {
        QVERIFY(writeZip(file, {{"readme.txt", content}}));
    } else if (!content.isEmpty()) {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
    const auto result = XlsxReader::read(file);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, code);
    QVERIFY(!result.error().message.isEmpty());
    QVERIFY(result.error().message.at(0).unicode() > 0x2E80); // Chinese, for the user
}

// Found by fuzz_xlsx_xml (docs/reliability.md): a reference of many letters overflowed the column
// number (undefined behaviour), and a far column or row made the reader allocate for it. A
// reference outside Excel's grid (A..XFD, 1..1048576) now makes the sheet malformed.
void TestXlsxReader::outsideTheGrid_data()
{
    QTest::addColumn<QByteArray>("rows");
    QTest::addColumn<QString>("where"); // empty: the sheet reads
    auto cell = [](const QByteArray &ref) { return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>x</t></is></c>"; };
    QTest::newRow("last column and row") << "<row r=\"1048576\">" + cell("XFD1048576") + "</row>" << QString();
    QTest::newRow("column XFE") << "<row r=\"1\">" + cell("XFE1") + "</row>" << QStringLiteral("单元格 XFE1");
    QTest::newRow("many letters") << "<row r=\"2\">" + cell("inlineStrB2") + "</row>" << QStringLiteral("单元格 inlineStrB2");
    QTest::newRow("row 1048577") << "<row r=\"1048577\">" + cell("A1048577") + "</row>" << QStringLiteral("第 1048577 行");
    QTest::newRow("row 0") << QByteArray("<row r=\"0\"/>") << QStringLiteral("第 0 行");
    QTest::newRow("unnumbered row after the last")
        << "<row r=\"1048576\"/><row>" + cell("A1") + "</row>" << QStringLiteral("第 1048577 行");
    QByteArray unreferenced = "<row r=\"3\">";
    for (int i = 0; i <= 16384; ++i)
        unreferenced += "<c><v>1</v></c>";
    QTest::newRow("16385 cells without references") << unreferenced + "</row>" << QStringLiteral("第 3 行第 16385 个单元格");
}

void TestXlsxReader::outsideTheGrid()
{
    QFETCH(QByteArray, rows);
    QFETCH(QString, where);
    const QByteArray workbook =
        "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
        "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
        "<sheets><sheet name=\"名单\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
    const QByteArray rels =
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
        "Target=\"worksheets/sheet1.xml\"/></Relationships>";
    const QByteArray sheet = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                             + rows + "</sheetData></worksheet>";
    const QString file = path(QStringLiteral("grid.xlsx"));
    QVERIFY(writeZip(file, {{"xl/workbook.xml", workbook},
                            {"xl/_rels/workbook.xml.rels", rels},
                            {"xl/worksheets/sheet1.xml", sheet}}));
    const auto result = XlsxReader::read(file);
    if (where.isEmpty()) {
        QVERIFY2(result.ok(), qPrintable(result ? QString() : result.error().message));
        QCOMPARE(result.value().rows.constLast().number, 1048576);
        QCOMPARE(result.value().rows.constLast().cells.size(), 16384);
        return;
    }
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, QStringLiteral("import.malformed"));
    QVERIFY2(result.error().message.contains(QStringLiteral("工作表“名单”")), qPrintable(result.error().message));
    QVERIFY2(result.error().message.contains(where), qPrintable(result.error().message));
}

// A shared strings part announcing two billion strings made the reader reserve room for all of
// them (tens of GB: std::bad_alloc) before reading the one it holds.
void TestXlsxReader::countsAreNotTrusted()
{
    const QByteArray workbook =
        "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
        "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
        "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
    const QByteArray rels =
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
        "Target=\"worksheets/sheet1.xml\"/></Relationships>";
    const QByteArray strings = "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                               "count=\"2147483647\" uniqueCount=\"2147483647\"><si><t>姓名</t></si></sst>";
    const QByteArray sheet = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                             "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>"
                             "</sheetData></worksheet>";
    const QString file = path(QStringLiteral("counts.xlsx"));
    QVERIFY(writeZip(file, {{"xl/workbook.xml", workbook},
                            {"xl/_rels/workbook.xml.rels", rels},
                            {"xl/sharedStrings.xml", strings},
                            {"xl/worksheets/sheet1.xml", sheet}}));
    const auto result = XlsxReader::read(file);
    QVERIFY2(result.ok(), qPrintable(result ? QString() : result.error().message));
    QCOMPARE(result.value().rows.at(0).cell(0).text, QStringLiteral("姓名"));
    QCOMPARE(result.value().rows.at(0).cell(1).kind, ImportCell::Kind::Empty); // no string 1
}

QTEST_GUILESS_MAIN(TestXlsxReader)
#include "tst_xlsxreader.moc"
