#include "models/import/CsvReader.h"

#include <QStringEncoder>
#include <QTemporaryDir>
#include <QtTest>

using shebao::CsvReader;
using shebao::ImportCell;
using shebao::ImportSheet;

class TestCsvReader : public QObject
{
    Q_OBJECT

private slots:
    void gb18030Available();
    void parse_data();
    void parse();
    void encodings_data();
    void encodings();
    void invalidEncoding();
    void readFile();
};

namespace {

// Rows of cell texts ("" for an empty cell), for comparison.
QList<QStringList> texts(const ImportSheet &sheet)
{
    QList<QStringList> out;
    for (const auto &row : sheet.rows) {
        QStringList cells;
        for (const ImportCell &c : row.cells)
            cells.append(c.text);
        out.append(cells);
    }
    return out;
}

} // namespace

void TestCsvReader::gb18030Available()
{
    // Debian's Qt 6.4 is built with ICU, which provides GB18030 (and with it GBK).
    QStringDecoder decoder("GB18030");
    QVERIFY(decoder.isValid());
    QCOMPARE(decoder.decode(QByteArray("\xD5\xC5\xC8\xFD")), QStringLiteral("张三"));
}

void TestCsvReader::parse_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QList<QStringList>>("expected");
    const QStringList header{QStringLiteral("姓名"), QStringLiteral("公民身份号码")};
    QTest::newRow("comma LF") << QByteArray("姓名,公民身份号码\n张三,43010219900101123X\n")
                              << QList<QStringList>{header, {QStringLiteral("张三"), QStringLiteral("43010219900101123X")}};
    QTest::newRow("CRLF, no final newline") << QByteArray("姓名,公民身份号码\r\n张三,1")
                                            << QList<QStringList>{header, {QStringLiteral("张三"), QStringLiteral("1")}};
    QTest::newRow("semicolon") << QByteArray("姓名;公民身份号码\r\n\"李,四\";2\r\n")
                               << QList<QStringList>{header, {QStringLiteral("李,四"), QStringLiteral("2")}};
    QTest::newRow("tab") << QByteArray("姓名\t公民身份号码\n王 五\t3\n")
                         << QList<QStringList>{header, {QStringLiteral("王 五"), QStringLiteral("3")}};
    QTest::newRow("quotes, doubled quotes, line break")
        << QByteArray("a,b,c\n\"x \"\"y\"\"\",\"line1\nline2\",\"\"\n")
        << QList<QStringList>{{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")},
                              {QStringLiteral("x \"y\""), QStringLiteral("line1\nline2")}};
    QTest::newRow("empty rows keep their numbers") << QByteArray("a\n\n,,\nb\n")
                                                   << QList<QStringList>{{QStringLiteral("a")}, {}, {}, {QStringLiteral("b")}};
    QTest::newRow("delimiter inside quotes not counted")
        << QByteArray("\"a;b;c\",d\n")
        << QList<QStringList>{{QStringLiteral("a;b;c"), QStringLiteral("d")}};
}

void TestCsvReader::parse()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QList<QStringList>, expected);
    const auto sheet = CsvReader::parse(bytes);
    QVERIFY(sheet.ok());
    QCOMPARE(texts(sheet.value()), expected);
    for (int i = 0; i < sheet.value().rows.size(); ++i)
        QCOMPARE(sheet.value().rows.at(i).number, i + 1);
}

void TestCsvReader::encodings_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("encoding");
    const QString text = QStringLiteral("姓名,民族\r\n欧阳·娜娜,维吾尔族\r\n");
    QStringEncoder gb("GB18030");
    QTest::newRow("UTF-8") << text.toUtf8() << int(CsvReader::Encoding::Utf8);
    QTest::newRow("UTF-8 BOM") << QByteArray("\xEF\xBB\xBF") + text.toUtf8() << int(CsvReader::Encoding::Utf8);
    QTest::newRow("GBK") << QByteArray(gb.encode(text)) << int(CsvReader::Encoding::Gb18030);
}

void TestCsvReader::encodings()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, encoding);
    CsvReader::Encoding detected{};
    const auto decoded = CsvReader::decode(bytes, &detected);
    QVERIFY(decoded.ok());
    QCOMPARE(int(detected), encoding);
    const auto sheet = CsvReader::parse(bytes);
    QVERIFY(sheet.ok());
    QCOMPARE(sheet.value().rows.size(), 2);
    QCOMPARE(sheet.value().rows.at(0).cell(0).text, QStringLiteral("姓名")); // no BOM left in the header
    QCOMPARE(sheet.value().rows.at(1).cell(0).text, QStringLiteral("欧阳·娜娜"));
    QCOMPARE(sheet.value().rows.at(1).cell(1).text, QStringLiteral("维吾尔族"));
}

void TestCsvReader::invalidEncoding()
{
    // Neither UTF-8 nor GB18030: 0xFF is never a lead byte.
    const auto sheet = CsvReader::parse(QByteArray("a,\xFF\xFF\n"));
    QVERIFY(!sheet.ok());
    QCOMPARE(sheet.error().code, QStringLiteral("import.encoding"));
}

void TestCsvReader::readFile()
{
    QTemporaryDir dir;
    const auto missing = CsvReader::read(dir.filePath(QStringLiteral("none.csv")));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, QStringLiteral("import.unreadable"));
    QFile f(dir.filePath(QStringLiteral("a.csv")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("x,y\n1,2\n");
    f.close();
    const auto sheet = CsvReader::read(f.fileName());
    QVERIFY(sheet.ok());
    QCOMPARE(sheet.value().name, QStringLiteral("a.csv"));
    QCOMPARE(sheet.value().rows.at(1).cell(1).text, QStringLiteral("2"));
    QCOMPARE(sheet.value().rows.at(1).cell(1).kind, ImportCell::Kind::String);
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
