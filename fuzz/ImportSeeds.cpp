// Seeds of fuzz_csv, fuzz_xlsx and fuzz_xlsx_xml: the workbooks and CSV files of the import tests
// (tst_importchecker, tst_xlsxreader, tst_csvreader), written with the same fixture.
#include "fuzz/FuzzCheck.h"
#include "fuzz/SeedFiles.h"
#include "fuzz/XlsxParts.h"
#include "models/import/TemplateWriter.h"

#include "XlsxFixture.h"

#include <QFile>
#include <QStringEncoder>

#include <unzip.h>

namespace shebao::fuzz {

namespace {

using test::FixtureSheet;

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString id1() { return test::validId(QStringLiteral("430102"), QStringLiteral("19900101"), QStringLiteral("123")); }
QString id2() { return test::validId(QStringLiteral("430105"), QStringLiteral("19920315"), QStringLiteral("246")); }

// tst_importchecker's "Excel habits" sheet: a merged title, a header in its own order, numbers
// where text was meant, date serials, full-width digits, gaps between rows.
FixtureSheet excelHabits()
{
    FixtureSheet sheet;
    sheet.mergedTitle = QStringLiteral("2026年12月参保人员增加名单");
    sheet.rows.append({QStringLiteral(" 公民身份号码 "), QStringLiteral("＊姓名"), QStringLiteral("民 族"),
                       QStringLiteral("户口性质(必填)"), QStringLiteral("用工形式"), QStringLiteral("参加工作日期"),
                       QStringLiteral("参保开始年月　"), QStringLiteral("工资基数"), QStringLiteral("联系电话"),
                       QStringLiteral("备注")});
    sheet.rows.append({id1(), QStringLiteral("张三"), 1, QStringLiteral("城镇"), QStringLiteral("合同制"), QDate(2015, 7, 1),
                       QDate(2026, 12, 1), 6000, 13812345678.0, QStringLiteral("新入职")});
    sheet.rows.append({430105199203152460.0, QStringLiteral("李四"), QStringLiteral("汉族"), QStringLiteral("农业"),
                       QStringLiteral("劳务派遣"), QStringLiteral("2016/9/1"), QStringLiteral("2026-11"), 5000,
                       QStringLiteral("0731-88886666")});
    sheet.rows.append({id2(), QStringLiteral("王五"), QStringLiteral("０１"), QStringLiteral("城镇"), QStringLiteral("临时工"),
                       QStringLiteral("２０１８-０３-０１"), QStringLiteral("2026-10"), QStringLiteral("4500.50"), true});
    sheet.rowNumbers = {2, 3, 4, 6};
    return sheet;
}

FixtureSheet reduceSheet()
{
    FixtureSheet sheet;
    sheet.name = QStringLiteral("减少");
    sheet.rows.append({QStringLiteral("姓名"), QStringLiteral("公民身份号码"), QStringLiteral("变更类型"),
                       QStringLiteral("变更原因"), QStringLiteral("停保年月")});
    sheet.rows.append({QStringLiteral("李四"), id2(), QStringLiteral("终止"), QStringLiteral("死亡"), QStringLiteral("2026-12")});
    sheet.rows.append({QStringLiteral("赵六"), id1(), QStringLiteral("停保"), QStringLiteral("退休"), QDate(2026, 11, 1)});
    return sheet;
}

QByteArray inlineStringSheet()
{
    auto is = [](const char *ref, const QString &text) {
        return QByteArray("<c r=\"") + ref + "\" t=\"inlineStr\"><is><t>" + text.toUtf8() + "</t></is></c>";
    };
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
           "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><x:sheetData>"
           "<x:row r=\"1\">" + is("A1", QStringLiteral("姓名")) + is("B1", QStringLiteral("公民身份号码")) +
           is("C1", QStringLiteral("变更类型")) + "<c t=\"str\"><f>A1</f><v>停保年月</v></c></x:row>"
           "<x:row>" + is("A2", QStringLiteral("李四")) + is("B2", id2()) + is("C2", QStringLiteral("终止")) +
           "<c r=\"D2\" t=\"d\"><v>2026-12-01T00:00:00</v></c><c r=\"E2\" t=\"e\"><v>#N/A</v></c>"
           "<c r=\"F2\" s=\"1\"><v>46357</v></c></x:row></x:sheetData></x:worksheet>";
}

// The entries of a workbook in XlsxParts' order; a missing entry is left empty.
QList<QByteArray> partsOf(const QString &path)
{
    QList<QByteArray> parts;
    unzFile zip = unzOpen64(QFile::encodeName(path).constData());
    for (const QByteArray &name : xlsxparts::names()) {
        QByteArray data;
        if (zip && unzLocateFile(zip, name.constData(), 2) == UNZ_OK && unzOpenCurrentFile(zip) == UNZ_OK) {
            char buffer[65536];
            int n = 0;
            while ((n = unzReadCurrentFile(zip, buffer, sizeof buffer)) > 0)
                data.append(buffer, n);
            unzCloseCurrentFile(zip);
        }
        parts.append(data.isEmpty() ? xlsxparts::defaults().at(parts.size()) : data);
    }
    if (zip)
        unzClose(zip);
    return parts;
}

void workbook(SeedWriter &out, const QString &name, const QString &path)
{
    out.write(QStringLiteral("xlsx"), name, readAll(path));
    out.write(QStringLiteral("xlsx_xml"), name, xlsxparts::join(partsOf(path)));
}

} // namespace

void writeImportSeeds(SeedWriter &out)
{
    const QString habits = out.scratch(QStringLiteral("habits.xlsx"));
    SHEBAO_FUZZ_CHECK(test::writeXlsx(habits, {excelHabits(), reduceSheet()}), "habits.xlsx");
    workbook(out, QStringLiteral("habits"), habits);
    const QString reduce = out.scratch(QStringLiteral("reduce.xlsx"));
    SHEBAO_FUZZ_CHECK(test::writeXlsx(reduce, {reduceSheet()}), "reduce.xlsx");
    workbook(out, QStringLiteral("reduce"), reduce);
    for (const ImportKind kind : {ImportKind::Add, ImportKind::Reduce}) {
        const QString path = out.scratch(QStringLiteral("template%1.xlsx").arg(int(kind)));
        SHEBAO_FUZZ_CHECK(TemplateWriter::write(path, kind).ok(), "template");
        workbook(out, QStringLiteral("template%1").arg(int(kind)), path);
    }
    const QString inlined = out.scratch(QStringLiteral("inline.xlsx"));
    QList<QByteArray> defaults = xlsxparts::defaults();
    defaults[0] = inlineStringSheet();
    defaults[2] = QByteArrayLiteral("<styleSheet><numFmts><numFmt numFmtId=\"164\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;\"/>"
                                    "</numFmts><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/></cellXfs></styleSheet>");
    defaults[3].replace("<sheets>", "<workbookPr date1904=\"1\"/><sheets>");
    SHEBAO_FUZZ_CHECK(test::writeZip(inlined, {{"[Content_Types].xml", "<Types/>"},
                                               {xlsxparts::names().at(0), defaults.at(0)},
                                               {xlsxparts::names().at(2), defaults.at(2)},
                                               {xlsxparts::names().at(3), defaults.at(3)},
                                               {xlsxparts::names().at(4), defaults.at(4)}}),
                      "inline.xlsx");
    workbook(out, QStringLiteral("inline"), inlined);

    // tst_importchecker's CSV variants and tst_csvreader's quoting.
    const QString text = QStringLiteral(
        "姓名,公民身份号码,民族,户口性质,用工形式,参加工作日期,参保开始年月,工资基数,联系电话,险种\r\n"
        "欧阳·娜娜,%1,维吾尔族,农村,非全日制,2020年1月2日,2026年12月,\"4,800.00\",0731-88886666,\"养老,工伤\"\r\n"
        ",,,,,,,,,\r\n"
        "张三,%2,汉族,城镇,合同制,2015-7-1,2026-11,6000,13812345678,\r\n")
                             .arg(id2(), id1());
    QStringEncoder gbk("GB18030");
    out.write(QStringLiteral("csv"), QStringLiteral("utf8"), text.toUtf8());
    out.write(QStringLiteral("csv"), QStringLiteral("bom"), QByteArray("\xEF\xBB\xBF") + text.toUtf8());
    out.write(QStringLiteral("csv"), QStringLiteral("gbk"), QByteArray(gbk.encode(text)));
    out.write(QStringLiteral("csv"), QStringLiteral("tab"), QString(text).replace(u',', u'\t').toUtf8());
    out.write(QStringLiteral("csv"), QStringLiteral("reduce"),
              QStringLiteral("姓名;公民身份号码;变更类型;变更原因;停保年月\n\"李;四\";%1;终止;死亡;2026-12\n\"赵\"\"六\";%2;停保;退休;2026-11")
                  .arg(id2(), id1())
                  .toUtf8());
}

} // namespace shebao::fuzz
