#include "models/import/ImportChecker.h"
#include "models/import/ImportColumns.h"
#include "models/import/TemplateWriter.h"
#include "models/import/XlsxReader.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <unzip.h>

#include <algorithm>

using namespace shebao;

Q_DECLARE_METATYPE(shebao::ImportKind)

using DropDowns = QMap<QString, QString>; // column letter -> list formula

// The 下载模板 workbooks, read back with XlsxReader and by looking into their XML: text format
// (built-in 49) on every column, bold headers, required ones red, the 字典 sheet.
class TestTemplateWriter : public QObject
{
    Q_OBJECT

private slots:
    void write_data();
    void write();
    void unwritablePath();
};

namespace {

QByteArray entry(const QString &path, const char *name)
{
    QByteArray data;
    unzFile zip = unzOpen64(QFile::encodeName(path).constData());
    if (!zip)
        return data;
    if (unzLocateFile(zip, name, 0) == UNZ_OK && unzOpenCurrentFile(zip) == UNZ_OK) {
        char buffer[65536];
        int n = 0;
        while ((n = unzReadCurrentFile(zip, buffer, sizeof buffer)) > 0)
            data.append(buffer, n);
        unzCloseCurrentFile(zip);
    }
    unzClose(zip);
    return data;
}

// The <xf> elements of <cellXfs>, in order.
QList<QByteArray> cellXfs(const QByteArray &styles)
{
    QList<QByteArray> out;
    const qsizetype begin = styles.indexOf("<cellXfs");
    const qsizetype end = styles.indexOf("</cellXfs>");
    static const QRegularExpression xf(QStringLiteral("<xf [^>]*>"));
    auto it = xf.globalMatch(QString::fromUtf8(styles.mid(begin, end - begin)));
    while (it.hasNext())
        out.append(it.next().captured().toUtf8());
    return out;
}

int attribute(const QByteArray &element, const char *name)
{
    const QRegularExpression re(QStringLiteral("\\b%1=\"(\\d+)\"").arg(QLatin1String(name)));
    const auto m = re.match(QString::fromUtf8(element));
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

} // namespace

void TestTemplateWriter::write_data()
{
    QTest::addColumn<ImportKind>("kind");
    QTest::addColumn<QStringList>("dictionaryValues");
    QTest::addColumn<DropDowns>("dropDowns"); // column -> formula
    QTest::newRow("add") << ImportKind::Add
                         << QStringList{QStringLiteral("汉族"), QStringLiteral("98"), QStringLiteral("城镇"), QStringLiteral("非农业"),
                                        QStringLiteral("劳务派遣"), QStringLiteral("干部"), QStringLiteral("510"),
                                        QStringLiteral("养老"), QStringLiteral("女")}
                         << DropDowns{{QStringLiteral("C"), QStringLiteral("\"男,女\"")},
                                                   {QStringLiteral("D"), QStringLiteral("'字典'!$B$3:$B$60")},
                                                   {QStringLiteral("E"), QStringLiteral("'字典'!$F$3:$F$4")},
                                                   {QStringLiteral("F"), QStringLiteral("'字典'!$J$3:$J$6")},
                                                   {QStringLiteral("G"), QStringLiteral("'字典'!$N$3:$N$4")}};
    QTest::newRow("reduce") << ImportKind::Reduce
                            << QStringList{QStringLiteral("停保"), QStringLiteral("终止"), QStringLiteral("辞退"),
                                           QStringLiteral("被辞退"), QStringLiteral("出国定居")}
                            << DropDowns{{QStringLiteral("C"), QStringLiteral("'字典'!$B$3:$B$4")},
                                                      {QStringLiteral("D"), QStringLiteral("'字典'!$F$3:$F$12")}};
}

void TestTemplateWriter::write()
{
    QFETCH(ImportKind, kind);
    QFETCH(QStringList, dictionaryValues);
    QFETCH(DropDowns, dropDowns);
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("模板.xlsx"));
    const auto written = TemplateWriter::write(file, kind);
    QVERIFY2(written.ok(), qPrintable(written ? QString() : written.error().message));

    QCOMPARE(XlsxReader::sheetNames(file).value(),
             QStringList({TemplateWriter::dataSheetName(kind), TemplateWriter::dictionarySheetName()}));
    const auto data = XlsxReader::read(file);
    QVERIFY(data.ok());
    QCOMPARE(data.value().rows.size(), 1);
    QStringList headers;
    for (const ImportCell &c : data.value().rows.at(0).cells)
        headers.append(c.text);
    QStringList expected;
    for (const ImportColumn &c : ImportColumns::of(kind))
        expected.append(c.header);
    QCOMPARE(headers, expected);

    // The empty template is a valid import file with no rows.
    const auto checked = ImportChecker().check(data.value());
    QVERIFY(checked.ok());
    QCOMPARE(checked.value().kind, kind);
    QCOMPARE(checked.value().rows, 0);

    const auto dict = XlsxReader::read(file, TemplateWriter::dictionarySheetName());
    QVERIFY(dict.ok());
    QStringList values;
    for (const ImportRow &row : dict.value().rows) {
        for (const ImportCell &c : row.cells)
            values.append(c.text);
    }
    for (const QString &v : dictionaryValues) {
        const bool found = std::any_of(values.cbegin(), values.cend(), [&](const QString &s) { return s.startsWith(v); });
        QVERIFY2(found, qPrintable(v));
    }

    // Every column of the data sheet defaults to a style with the text format 49; the header
    // cells are bold, and red exactly when required.
    const QByteArray styles = entry(file, "xl/styles.xml");
    const QByteArray sheet = entry(file, "xl/worksheets/sheet1.xml");
    QVERIFY(!styles.isEmpty() && !sheet.isEmpty());
    const QList<QByteArray> xfs = cellXfs(styles);
    static const QRegularExpression colRe(QStringLiteral("<col [^>]*>"));
    auto cols = colRe.globalMatch(QString::fromUtf8(sheet));
    int covered = 0;
    while (cols.hasNext()) {
        const QByteArray col = cols.next().captured().toUtf8();
        const int style = attribute(col, "style");
        QVERIFY(style > 0 && style < xfs.size());
        QCOMPARE(attribute(xfs.at(style), "numFmtId"), 49);
        covered += attribute(col, "max") - attribute(col, "min") + 1;
    }
    QCOMPARE(covered, int(ImportColumns::of(kind).size()));

    static const QRegularExpression fontsRe(QStringLiteral("<font>.*?</font>|<font [^/]*?>.*?</font>"),
                                            QRegularExpression::DotMatchesEverythingOption);
    QList<QByteArray> fonts;
    const qsizetype fb = styles.indexOf("<fonts");
    auto fontIt = fontsRe.globalMatch(QString::fromUtf8(styles.mid(fb, styles.indexOf("</fonts>") - fb)));
    while (fontIt.hasNext())
        fonts.append(fontIt.next().captured().toUtf8());
    static const QRegularExpression cellRe(QStringLiteral("<c r=\"([A-Z]+)1\" s=\"(\\d+)\""));
    auto cells = cellRe.globalMatch(QString::fromUtf8(sheet));
    int index = 0;
    while (cells.hasNext()) {
        const auto m = cells.next();
        const QByteArray xf = xfs.at(m.captured(2).toInt());
        QCOMPARE(attribute(xf, "numFmtId"), 49);
        const QByteArray font = fonts.value(attribute(xf, "fontId"));
        QVERIFY2(font.contains("<b/>"), font.constData());
        const bool red = font.contains("FFFF0000");
        QCOMPARE(red, ImportColumns::of(kind).at(index).required);
        ++index;
    }
    QCOMPARE(index, int(ImportColumns::of(kind).size()));

    // Drop-down lists from the 字典 sheet on the coded columns (险种 excepted: several values per
    // cell), with errors off, since codes and aliases are valid too.
    static const QRegularExpression dvRe(QStringLiteral("<dataValidation [^>]*sqref=\"([A-Z]+)2:[A-Z]+1048576\"[^>]*>"
                                                        "<formula1>([^<]*)</formula1>"));
    DropDowns lists;
    auto dvs = dvRe.globalMatch(QString::fromUtf8(sheet));
    while (dvs.hasNext()) {
        const auto m = dvs.next();
        QVERIFY(m.captured(0).contains(QStringLiteral("type=\"list\"")));
        QVERIFY(!m.captured(0).contains(QStringLiteral("showErrorMessage=\"1\""))); // OOXML default: no error box
        lists.insert(m.captured(1), m.captured(2));
    }
    QCOMPARE(lists.size(), dropDowns.size());
    for (auto it = dropDowns.cbegin(); it != dropDowns.cend(); ++it)
        QCOMPARE(lists.value(it.key()), it.value());
}

void TestTemplateWriter::unwritablePath()
{
    const auto written = TemplateWriter::write(QStringLiteral("/nonexistent-dir/模板.xlsx"), ImportKind::Add);
    QVERIFY(!written.ok());
    QCOMPARE(written.error().code, QStringLiteral("import.template_write"));
}

QTEST_GUILESS_MAIN(TestTemplateWriter)
#include "tst_templatewriter.moc"
