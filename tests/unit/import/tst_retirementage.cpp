#include "models/rules/RetirementAge.h"

#include <QtTest>

using shebao::RetirementAge;
using shebao::YearMonth;
using Category = RetirementAge::Category;

Q_DECLARE_METATYPE(RetirementAge::Category)

class TestRetirementAge : public QObject
{
    Q_OBJECT

private slots:
    void schedule_data();
    void schedule();
    void category();
    void ageText();
};

// The cohorts of the official table of the 2024 decision (附件 1–3): first and last month of
// each step, the first affected cohort and the last step.
void TestRetirementAge::schedule_data()
{
    QTest::addColumn<QString>("birth");
    QTest::addColumn<Category>("category");
    QTest::addColumn<int>("ageMonths");
    QTest::addColumn<QString>("retirement");
    QTest::newRow("man 1964-12: old age") << QStringLiteral("1964-12") << Category::Man << 720 << QStringLiteral("2024-12");
    QTest::newRow("man 1965-01: +1") << QStringLiteral("1965-01") << Category::Man << 721 << QStringLiteral("2025-02");
    QTest::newRow("man 1965-04: +1") << QStringLiteral("1965-04") << Category::Man << 721 << QStringLiteral("2025-05");
    QTest::newRow("man 1965-05: +2") << QStringLiteral("1965-05") << Category::Man << 722 << QStringLiteral("2025-07");
    QTest::newRow("man 1976-08: +35") << QStringLiteral("1976-08") << Category::Man << 755 << QStringLiteral("2039-07");
    QTest::newRow("man 1976-09: 63") << QStringLiteral("1976-09") << Category::Man << 756 << QStringLiteral("2039-09");
    QTest::newRow("man 1990-01: 63") << QStringLiteral("1990-01") << Category::Man << 756 << QStringLiteral("2053-01");
    QTest::newRow("woman cadre 1969-12") << QStringLiteral("1969-12") << Category::WomanCadre << 660 << QStringLiteral("2024-12");
    QTest::newRow("woman cadre 1970-01: +1") << QStringLiteral("1970-01") << Category::WomanCadre << 661 << QStringLiteral("2025-02");
    QTest::newRow("woman cadre 1981-09: 58") << QStringLiteral("1981-09") << Category::WomanCadre << 696 << QStringLiteral("2039-09");
    QTest::newRow("woman worker 1974-12") << QStringLiteral("1974-12") << Category::WomanWorker << 600 << QStringLiteral("2024-12");
    QTest::newRow("woman worker 1975-01: +1") << QStringLiteral("1975-01") << Category::WomanWorker << 601 << QStringLiteral("2025-02");
    QTest::newRow("woman worker 1975-02: +1") << QStringLiteral("1975-02") << Category::WomanWorker << 601 << QStringLiteral("2025-03");
    QTest::newRow("woman worker 1975-03: +2") << QStringLiteral("1975-03") << Category::WomanWorker << 602 << QStringLiteral("2025-05");
    QTest::newRow("woman worker 1984-10: +59") << QStringLiteral("1984-10") << Category::WomanWorker << 659 << QStringLiteral("2039-09");
    QTest::newRow("woman worker 1984-11: 55") << QStringLiteral("1984-11") << Category::WomanWorker << 660 << QStringLiteral("2039-11");
}

void TestRetirementAge::schedule()
{
    QFETCH(QString, birth);
    QFETCH(Category, category);
    QFETCH(int, ageMonths);
    QFETCH(QString, retirement);
    const YearMonth month = *YearMonth::parse(birth);
    QCOMPARE(RetirementAge::ageInMonths(month, category), ageMonths);
    QCOMPARE(RetirementAge::retirementMonth(month, category).toString(), retirement);
    QCOMPARE(RetirementAge::retirementMonth(month.day(17), category).toString(), retirement);
}

void TestRetirementAge::category()
{
    QCOMPARE(RetirementAge::categoryOf(true, QStringLiteral("2")), Category::Man);
    QCOMPARE(RetirementAge::categoryOf(false, QStringLiteral("2")), Category::WomanCadre);
    QCOMPARE(RetirementAge::categoryOf(false, QStringLiteral("1")), Category::WomanWorker);
    QCOMPARE(RetirementAge::categoryOf(false, QString()), Category::WomanWorker);
}

void TestRetirementAge::ageText()
{
    QCOMPARE(RetirementAge::ageText(721), QStringLiteral("60岁1个月"));
    QCOMPARE(RetirementAge::ageText(756), QStringLiteral("63岁"));
}

QTEST_GUILESS_MAIN(TestRetirementAge)
#include "tst_retirementage.moc"
