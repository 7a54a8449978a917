#pragma once

// Synthetic people for the benchmarks: valid ID numbers (GB 11643 check character), Changsha
// region codes, three open enrolments each. Deterministic, so runs compare.
#include <QDate>
#include <QList>
#include <QStringList>

#include "models/domain/Person.h"
#include "models/validation/IdNumber.h"

namespace shebao::bench {

inline QList<Person> makePeople(int n)
{
    static const QStringList surnames{QStringLiteral("王"), QStringLiteral("李"), QStringLiteral("张"), QStringLiteral("刘"),
                                      QStringLiteral("陈"), QStringLiteral("杨"), QStringLiteral("黄"), QStringLiteral("赵"),
                                      QStringLiteral("周"), QStringLiteral("吴"), QStringLiteral("徐"), QStringLiteral("孙")};
    static const QStringList given{QStringLiteral("伟"), QStringLiteral("芳"), QStringLiteral("娜"), QStringLiteral("敏"),
                                   QStringLiteral("静"), QStringLiteral("丽"), QStringLiteral("强"), QStringLiteral("磊"),
                                   QStringLiteral("军"), QStringLiteral("洋"), QStringLiteral("勇"), QStringLiteral("艳"),
                                   QStringLiteral("杰"), QStringLiteral("涛"), QStringLiteral("明"), QStringLiteral("超")};
    static const QStringList regions{QStringLiteral("430102"), QStringLiteral("430103"), QStringLiteral("430104"),
                                     QStringLiteral("430105"), QStringLiteral("430111"), QStringLiteral("430121")};
    QList<Person> people;
    people.reserve(n);
    quint32 seed = 12345;
    auto next = [&seed] { return seed = seed * 1103515245u + 12345u; };
    for (int i = 0; i < n; ++i) {
        Person p;
        p.id = i + 1;
        p.personNo = QStringLiteral("43%1").arg(i + 1, 8, 10, QLatin1Char('0'));
        p.name = surnames[next() % surnames.size()] + given[next() % given.size()] + given[next() % given.size()];
        const QDate birth = QDate(1965, 1, 1).addDays(next() % 14000);
        const QString first17 = regions[next() % regions.size()] + birth.toString(QStringLiteral("yyyyMMdd"))
                              + QStringLiteral("%1").arg(next() % 1000, 3, 10, QLatin1Char('0'));
        p.idNumber = first17 + IdNumber::checkCharacter(first17);
        p.gender = (first17.at(16).unicode() - u'0') % 2 ? QStringLiteral("1") : QStringLiteral("2");
        p.birthDate = birth.toString(Qt::ISODate);
        p.phone = QStringLiteral("138%1").arg(next() % 100000000, 8, 10, QLatin1Char('0'));
        for (const char *ins : {"110", "210", "410"})
            p.enrolments.append(Enrolment{QString::fromLatin1(ins), QStringLiteral("2020-01"), {}, EnrolmentStatus::Active,
                                          Money::fromFen(500000)});
        people.append(std::move(p));
    }
    return people;
}

} // namespace shebao::bench
