#include "SheetBuilder.h"
#include "XlsxFixture.h"

#include "models/import/ImportChecker.h"
#include "models/import/ImportColumns.h"

#include <QtTest>

using namespace shebao;
using namespace shebao::test;

// Every rule of the 新增/续保 sheet (shared/domain/import.md), one data row per case: a valid row
// with some cells replaced. "Today" is 2025-06-15, so 参保开始年月 may be 2025-04..2025-06 and the
// 2025 policy period (base 4150.00–20750.00) applies.
class TestAddRowChecker : public QObject
{
    Q_OBJECT

private slots:
    void rules_data();
    void rules();
    void normalizedItem();
    void duplicateIds();
    void badRowsDoNotStopOthers();
    void optionalColumnsAbsent();

private:
    static QStringList headers();
    static QVariantMap validRow();
    static ImportResult run(const QList<QVariantMap> &rows, const QStringList &hdrs = headers());
};

namespace {

const QDate kToday(2025, 6, 15);

QString man1990() { return validId(QStringLiteral("430102"), QStringLiteral("19900101"), QStringLiteral("123")); }

QString wrongCheck()
{
    QString id = man1990();
    id[17] = id.at(17) == u'0' ? u'1' : u'0';
    return id;
}

} // namespace

QStringList TestAddRowChecker::headers()
{
    QStringList out;
    for (const ImportColumn &c : ImportColumns::of(ImportKind::Add))
        out.append(c.header);
    return out;
}

QVariantMap TestAddRowChecker::validRow()
{
    return {
        {ImportColumns::name(), QStringLiteral("张三")},
        {ImportColumns::idNumber(), man1990()},
        {ImportColumns::gender(), QStringLiteral("男")},
        {ImportColumns::ethnicity(), QStringLiteral("汉族")},
        {ImportColumns::hukou(), QStringLiteral("城镇")},
        {ImportColumns::employmentForm(), QStringLiteral("合同制")},
        {ImportColumns::identity(), QStringLiteral("工人")},
        {ImportColumns::workStartDate(), QStringLiteral("2015-07-01")},
        {ImportColumns::startMonth(), QStringLiteral("2025-06")},
        {ImportColumns::wage(), QStringLiteral("6000")},
        {ImportColumns::phone(), QStringLiteral("13812345678")},
        {ImportColumns::insurances(), QStringLiteral("110,210,410")},
    };
}

ImportResult TestAddRowChecker::run(const QList<QVariantMap> &rows, const QStringList &hdrs)
{
    ImportCheckOptions options;
    options.today = kToday;
    const auto result = ImportChecker(options).check(buildSheet(hdrs, rows), ImportKind::Add);
    if (!result)
        qFatal("check failed: %s", qPrintable(result.error().message));
    return result.value();
}

void TestAddRowChecker::rules_data()
{
    QTest::addColumn<QVariantMap>("overrides");
    QTest::addColumn<QStringList>("codes");   // in report order
    QTest::addColumn<QString>("column");      // of the first problem
    QTest::addColumn<QString>("severity");    // of the first problem
    QTest::addColumn<QString>("messagePart"); // the first problem's message contains it

    const QString id = ImportColumns::idNumber();
    auto row = [](const char *tag, QVariantMap o, QStringList codes, QString column = QString(),
                  const char *severity = "error", QString part = QString()) {
        QTest::newRow(tag) << o << codes << column << QString::fromLatin1(severity) << part;
    };
    row("valid", {}, {});

    // required.missing, every required column
    for (const ImportColumn &c : ImportColumns::of(ImportKind::Add)) {
        if (c.required) {
            QTest::addRow("missing %s", qPrintable(c.header))
                << QVariantMap{{c.header, QString()}} << QStringList{QStringLiteral("required.missing")} << c.header
                << QStringLiteral("error") << c.header;
        } else {
            QTest::addRow("optional %s blank", qPrintable(c.header))
                << QVariantMap{{c.header, QStringLiteral("  ")}} << QStringList() << QString() << QString() << QString();
        }
    }

    // 姓名
    row("name one character", {{ImportColumns::name(), QStringLiteral("张")}}, {QStringLiteral("name.invalid")}, ImportColumns::name());
    row("name with digit", {{ImportColumns::name(), QStringLiteral("张3")}}, {QStringLiteral("name.invalid")});
    row("name with middle dot", {{ImportColumns::name(), QStringLiteral("阿依古丽·买买提")}}, {});
    row("name with stray spaces", {{ImportColumns::name(), QStringLiteral(" 张三　")}}, {});

    // 公民身份号码
    row("id too short", {{id, man1990().left(17)}}, {QStringLiteral("id.format")}, id);
    row("id letters", {{id, QStringLiteral("43010219900101ABCD")}}, {QStringLiteral("id.format")});
    row("id checksum", {{id, wrongCheck()}}, {QStringLiteral("id.checksum")}, id);
    row("id birth date impossible", {{id, validId(QStringLiteral("430102"), QStringLiteral("19901301"), QStringLiteral("123"))}},
        {QStringLiteral("id.birthdate")}, id);
    row("id birth date in the future", {{id, validId(QStringLiteral("430102"), QStringLiteral("20300101"), QStringLiteral("123"))}},
        {QStringLiteral("id.birthdate")});
    row("id as a number", {{id, 430102199001011234.0}}, {QStringLiteral("id.numeric_cell")}, id, "error",
        QStringLiteral("4.30102E+17"));
    row("id as Excel displayed it, from a CSV", {{id, QStringLiteral("4.30102E+17")}}, {QStringLiteral("id.numeric_cell")}, id,
        "error", QStringLiteral("文本"));
    row("id full-width", {{id, man1990().replace(u'0', QChar(0xFF10))}}, {});
    row("id with spaces", {{id, QStringLiteral("  ") + man1990() + QStringLiteral(" ")}}, {});
    // 11010519491231002X: a check character X, typed in lower case
    row("id lower-case x", {{id, QStringLiteral("11010519491231002x")}, {ImportColumns::gender(), QStringLiteral("女")}},
        {QStringLiteral("age.over_retirement")}, id, "warning");
    row("id 15 digits upgraded", {{id, QStringLiteral("430102900101123")}}, {QStringLiteral("id.upgraded15")}, id, "warning",
        QStringLiteral("430102199001011"));

    // 性别
    row("gender mismatch", {{ImportColumns::gender(), QStringLiteral("女")}}, {QStringLiteral("gender.mismatch")},
        ImportColumns::gender());
    row("gender unknown", {{ImportColumns::gender(), QStringLiteral("未知")}}, {QStringLiteral("dict.unknown")});
    row("gender code 1", {{ImportColumns::gender(), 1.0}}, {});

    // dictionaries
    row("ethnicity code", {{ImportColumns::ethnicity(), QStringLiteral("01")}}, {});
    row("ethnicity code as number", {{ImportColumns::ethnicity(), 1.0}}, {});
    row("ethnicity full-width code", {{ImportColumns::ethnicity(), QStringLiteral("０３")}}, {});
    row("ethnicity 97 其他", {{ImportColumns::ethnicity(), QStringLiteral("97")}}, {});
    row("ethnicity 外国血统", {{ImportColumns::ethnicity(), QStringLiteral("外国血统")}}, {});
    row("ethnicity unknown", {{ImportColumns::ethnicity(), QStringLiteral("火星族")}}, {QStringLiteral("dict.unknown")},
        ImportColumns::ethnicity(), "error", QStringLiteral("火星族"));
    row("hukou 非农业", {{ImportColumns::hukou(), QStringLiteral("非农业")}}, {});
    row("hukou 农业", {{ImportColumns::hukou(), QStringLiteral("农业")}}, {});
    row("hukou 农村", {{ImportColumns::hukou(), QStringLiteral("农村")}}, {});
    row("hukou unknown", {{ImportColumns::hukou(), QStringLiteral("城市")}}, {QStringLiteral("dict.unknown")},
        ImportColumns::hukou(), "error", QStringLiteral("城镇"));
    for (const char *form : {"合同制", "劳务派遣", "非全日制", "临时工"})
        QTest::addRow("employment %s", form) << QVariantMap{{ImportColumns::employmentForm(), QString::fromUtf8(form)}}
                                             << QStringList() << QString() << QString() << QString();
    row("employment unknown", {{ImportColumns::employmentForm(), QStringLiteral("全职")}}, {QStringLiteral("dict.unknown")});
    row("identity 干部", {{ImportColumns::identity(), QStringLiteral("干部")}}, {});
    row("identity unknown", {{ImportColumns::identity(), QStringLiteral("农民")}}, {QStringLiteral("dict.unknown")},
        ImportColumns::identity());

    // 参加工作日期
    row("work date slashes", {{ImportColumns::workStartDate(), QStringLiteral("2015/7/1")}}, {});
    row("work date chinese", {{ImportColumns::workStartDate(), QStringLiteral("2015年7月1日")}}, {});
    row("work date compact", {{ImportColumns::workStartDate(), QStringLiteral("20150701")}}, {});
    row("work date serial", {{ImportColumns::workStartDate(), QDate(2015, 7, 1)}}, {});
    row("work date impossible", {{ImportColumns::workStartDate(), QStringLiteral("2015-02-30")}}, {QStringLiteral("date.invalid")},
        ImportColumns::workStartDate());
    row("work date words", {{ImportColumns::workStartDate(), QStringLiteral("去年")}}, {QStringLiteral("date.invalid")});

    // 参保开始年月: 2025-04..2025-06
    row("start two months back", {{ImportColumns::startMonth(), QStringLiteral("2025-04")}}, {});
    row("start compact", {{ImportColumns::startMonth(), QStringLiteral("202505")}}, {});
    row("start chinese", {{ImportColumns::startMonth(), QStringLiteral("2025年5月")}}, {});
    row("start slash", {{ImportColumns::startMonth(), QStringLiteral("2025/5")}}, {});
    row("start as date cell", {{ImportColumns::startMonth(), QDate(2025, 6, 1)}}, {});
    row("start too early", {{ImportColumns::startMonth(), QStringLiteral("2025-03")}}, {QStringLiteral("start.too_early")},
        ImportColumns::startMonth(), "error", QStringLiteral("2025-04"));
    row("start future", {{ImportColumns::startMonth(), QStringLiteral("2025-07")}}, {QStringLiteral("start.future")},
        ImportColumns::startMonth());
    row("start invalid", {{ImportColumns::startMonth(), QStringLiteral("下月")}}, {QStringLiteral("date.invalid")},
        ImportColumns::startMonth());

    // 工资基数
    row("wage decimals", {{ImportColumns::wage(), QStringLiteral("6000.50")}}, {});
    row("wage number cell", {{ImportColumns::wage(), 6000.5}}, {});
    row("wage three decimals", {{ImportColumns::wage(), QStringLiteral("6000.505")}}, {QStringLiteral("wage.invalid")},
        ImportColumns::wage());
    row("wage zero", {{ImportColumns::wage(), QStringLiteral("0")}}, {QStringLiteral("wage.invalid")});
    row("wage negative", {{ImportColumns::wage(), -6000.0}}, {QStringLiteral("wage.invalid")});
    row("wage text", {{ImportColumns::wage(), QStringLiteral("六千")}}, {QStringLiteral("wage.invalid")});
    row("wage below lower limit", {{ImportColumns::wage(), QStringLiteral("3000")}}, {QStringLiteral("wage.out_of_range")},
        ImportColumns::wage(), "warning", QStringLiteral("将按 4150.00 元申报"));
    row("wage above upper limit", {{ImportColumns::wage(), QStringLiteral("30000")}}, {QStringLiteral("wage.out_of_range")},
        ImportColumns::wage(), "warning", QStringLiteral("2025-01..2025-12"));

    // 联系电话
    row("landline", {{ImportColumns::phone(), QStringLiteral("0731-88886666")}}, {});
    row("mobile as number", {{ImportColumns::phone(), 13812345678.0}}, {});
    row("phone invalid", {{ImportColumns::phone(), QStringLiteral("12345")}}, {QStringLiteral("phone.invalid")},
        ImportColumns::phone());

    // 险种
    row("insurance names", {{ImportColumns::insurances(), QStringLiteral("养老、医疗")}}, {});
    row("insurance full-width comma", {{ImportColumns::insurances(), QStringLiteral("110，310")}}, {});
    row("insurance number cell", {{ImportColumns::insurances(), 110.0}}, {});
    row("insurance unknown", {{ImportColumns::insurances(), QStringLiteral("110,120")}}, {QStringLiteral("dict.unknown")},
        ImportColumns::insurances(), "error", QStringLiteral("120"));

    // age
    row("under 16", {{id, validId(QStringLiteral("430102"), QStringLiteral("20100101"), QStringLiteral("123"))}},
        {QStringLiteral("age.under_16")}, id);
    row("turns 16 before the start month", {{id, validId(QStringLiteral("430102"), QStringLiteral("20090501"), QStringLiteral("123"))}},
        {});
    row("man over retirement (2025 schedule)",
        {{id, validId(QStringLiteral("430102"), QStringLiteral("19650101"), QStringLiteral("123"))}},
        {QStringLiteral("age.over_retirement")}, id, "warning", QStringLiteral("60岁1个月"));
    row("man not yet retired", {{id, validId(QStringLiteral("430102"), QStringLiteral("19650501"), QStringLiteral("123"))}}, {});
    const QString woman1975 = validId(QStringLiteral("430102"), QStringLiteral("19750301"), QStringLiteral("124"));
    row("woman worker over retirement",
        {{id, woman1975}, {ImportColumns::gender(), QStringLiteral("女")}, {ImportColumns::identity(), QStringLiteral("工人")}},
        {QStringLiteral("age.over_retirement")}, id, "warning", QStringLiteral("50岁2个月"));
    row("woman cadre not retired",
        {{id, woman1975}, {ImportColumns::gender(), QStringLiteral("女")}, {ImportColumns::identity(), QStringLiteral("干部")}}, {});
    row("woman without identity counts as worker",
        {{id, woman1975}, {ImportColumns::gender(), QStringLiteral("女")}, {ImportColumns::identity(), QString()}},
        {QStringLiteral("age.over_retirement")}, id, "warning");

    // several problems in one row, all reported
    row("several problems", {{ImportColumns::name(), QStringLiteral("张")}, {id, wrongCheck()}, {ImportColumns::phone(), QString()}},
        {QStringLiteral("name.invalid"), QStringLiteral("id.checksum"), QStringLiteral("required.missing")});
}

void TestAddRowChecker::rules()
{
    QFETCH(QVariantMap, overrides);
    QFETCH(QStringList, codes);
    QFETCH(QString, column);
    QFETCH(QString, severity);
    QFETCH(QString, messagePart);

    QVariantMap values = validRow();
    for (auto it = overrides.cbegin(); it != overrides.cend(); ++it)
        values.insert(it.key(), it.value());
    const ImportResult result = run({values});

    QStringList actual;
    for (const ImportProblem &p : result.problems)
        actual.append(p.code);
    QCOMPARE(actual, codes);
    QCOMPARE(result.rows, 1);
    bool hasError = false;
    for (const ImportProblem &p : result.problems) {
        QCOMPARE(p.row, 3); // title row 1, header row 2
        QVERIFY(!p.message.isEmpty());
        hasError = hasError || p.isError();
    }
    QCOMPARE(result.valid, hasError ? 0 : 1);
    QCOMPARE(result.addItems.size(), 1);
    QCOMPARE(result.addItems.at(0).valid, !hasError);
    if (codes.isEmpty())
        return;
    const ImportProblem &first = result.problems.at(0);
    if (!column.isEmpty())
        QCOMPARE(first.column, column);
    QCOMPARE(ImportProblem::severityCode(first.severity), severity);
    if (!messagePart.isEmpty())
        QVERIFY2(first.message.contains(messagePart), qPrintable(first.message));
}

void TestAddRowChecker::normalizedItem()
{
    QVariantMap values = validRow();
    values.insert(ImportColumns::idNumber(), QStringLiteral("４３０１０２９００１０１１２３")); // 15 digits, full-width
    values.insert(ImportColumns::ethnicity(), 3.0);
    values.insert(ImportColumns::hukou(), QStringLiteral("农业"));
    values.insert(ImportColumns::identity(), QStringLiteral("干部"));
    values.insert(ImportColumns::workStartDate(), QDate(2015, 7, 1));
    values.insert(ImportColumns::startMonth(), QStringLiteral("2025年5月"));
    values.insert(ImportColumns::wage(), QStringLiteral("3000.5"));
    values.insert(ImportColumns::phone(), QStringLiteral("0731 88886666"));
    values.insert(ImportColumns::insurances(), QStringLiteral("工伤、养老"));
    const ImportResult result = run({values});
    QCOMPARE(result.valid, 1);
    const AddImportItem &item = result.addItems.at(0);
    QCOMPARE(item.row, 3);
    QVERIFY(item.valid);
    QCOMPARE(item.name, QStringLiteral("张三"));
    QCOMPARE(item.idNumber.size(), 18);
    QVERIFY(item.idNumber.startsWith(QStringLiteral("430102199001011230").left(15)));
    QCOMPARE(item.birthDate, QDate(1990, 1, 1));
    QCOMPARE(item.genderCode, QStringLiteral("1"));
    QCOMPARE(item.ethnicityCode, QStringLiteral("03"));
    QCOMPARE(item.hukouCode, QStringLiteral("2"));
    QCOMPARE(item.identityCode, QStringLiteral("2"));
    QCOMPARE(item.workStartDate, QDate(2015, 7, 1));
    QCOMPARE(item.startMonth.toString(), QStringLiteral("2025-05"));
    QCOMPARE(item.wage.fen(), 300050);
    QCOMPARE(item.base.fen(), 415000);
    QCOMPARE(item.phone, QStringLiteral("0731-88886666"));
    QCOMPARE(item.insurances, QStringList({QStringLiteral("110"), QStringLiteral("410")}));
    QStringList codes;
    for (const auto &p : result.problems)
        codes.append(p.code);
    QCOMPARE(codes, QStringList({QStringLiteral("id.upgraded15"), QStringLiteral("wage.out_of_range")}));
}

void TestAddRowChecker::duplicateIds()
{
    QVariantMap second = validRow();
    second.insert(ImportColumns::idNumber(), man1990().toLower()); // same number, other spelling
    QVariantMap third = validRow();
    third.insert(ImportColumns::idNumber(), man1990());
    const ImportResult result = run({validRow(), second, third});
    QCOMPARE(result.rows, 3);
    QCOMPARE(result.valid, 1);
    QCOMPARE(result.problems.size(), 2);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(result.problems.at(i).code, QStringLiteral("id.duplicate"));
        QCOMPARE(result.problems.at(i).row, 4 + i);
        QVERIFY(result.problems.at(i).message.contains(QStringLiteral("第 3 行")));
    }
}

void TestAddRowChecker::badRowsDoNotStopOthers()
{
    QVariantMap bad;
    bad.insert(ImportColumns::name(), QStringLiteral("？"));
    QVariantMap good = validRow();
    good.insert(ImportColumns::idNumber(), validId(QStringLiteral("430103"), QStringLiteral("19851231"), QStringLiteral("222")));
    good.insert(ImportColumns::gender(), QStringLiteral("女"));
    const ImportResult result = run({bad, {}, good});
    QCOMPARE(result.rows, 2); // the empty row 4 is skipped
    QCOMPARE(result.valid, 1);
    QVERIFY(!result.addItems.at(0).valid);
    QCOMPARE(result.addItems.at(1).row, 5);
    QVERIFY(result.addItems.at(1).valid);
    QVERIFY(result.problems.size() >= 9); // name + every other required column of row 3
    for (const auto &p : result.problems)
        QCOMPARE(p.row, 3);
}

void TestAddRowChecker::optionalColumnsAbsent()
{
    QStringList hdrs = ImportColumns::requiredHeaders(ImportKind::Add);
    std::reverse(hdrs.begin(), hdrs.end()); // order is free
    const ImportResult result = run({validRow()}, hdrs);
    QCOMPARE(result.valid, 1);
    QCOMPARE(result.addItems.at(0).insurances,
             QStringList({QStringLiteral("110"), QStringLiteral("210"), QStringLiteral("410")}));
    QVERIFY(result.addItems.at(0).identityCode.isEmpty());
    QCOMPARE(result.skippedRules, QStringList({QStringLiteral("person.enrolled")}));
}

QTEST_GUILESS_MAIN(TestAddRowChecker)
#include "tst_addrowchecker.moc"
