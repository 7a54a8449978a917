#pragma once

#include <QDate>
#include <QRandomGenerator>
#include <QString>

#include "models/declaration/Declaration.h"
#include "models/policy/YearMonth.h"
#include "models/validation/IdNumber.h"

namespace shebao::test {

// An 18-character ID number with a valid check character, born on `birth`, that no demo person
// has: the sequence numbers are random per test run.
inline QString freshIdNumber(QDate birth = QDate(1990, 5, 17))
{
    static int counter = int(QRandomGenerator::global()->bounded(100, 800));
    const QString first17 = QStringLiteral("430124") + birth.toString(QStringLiteral("yyyyMMdd"))
        + QStringLiteral("%1").arg(++counter % 1000, 3, 10, QLatin1Char('0'));
    return first17 + IdNumber::checkCharacter(first17);
}

inline QString currentMonth()
{
    return YearMonth::ofDate(QDate::currentDate()).toString();
}

// A 新增 of a new person as the wizard would save it.
inline DeclarationItem newPersonItem(const QString &name, const QString &idNumber = freshIdNumber())
{
    DeclarationItem item;
    item.kind = DeclarationKind::Add;
    item.name = name;
    item.idNumber = idNumber;
    const auto id = IdNumber::parse(idNumber);
    item.person.gender = id ? id.value().genderCode() : QStringLiteral("1");
    item.person.birthDate = id ? id.value().birthDate().toString(Qt::ISODate) : QString();
    item.person.ethnicity = QStringLiteral("01");
    item.person.hukou = QStringLiteral("1");
    item.person.employmentForm = QStringLiteral("1");
    item.person.identity = QStringLiteral("1");
    item.person.workStartDate = QStringLiteral("2012-07-01");
    item.person.phone = QStringLiteral("13812345678");
    item.insurances = {QStringLiteral("110"), QStringLiteral("210"), QStringLiteral("410")};
    item.startMonth = currentMonth();
    item.wage = Money::fromFen(500000);
    return item;
}

} // namespace shebao::test
