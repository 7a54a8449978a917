#include "PeopleFixture.h"

#include <QDate>

namespace shebao::test {

QList<Person> makePeople(int count)
{
    static const QStringList surnames{QStringLiteral("张"), QStringLiteral("王"), QStringLiteral("李"),
                                      QStringLiteral("赵"), QStringLiteral("刘"), QStringLiteral("陈"),
                                      QStringLiteral("杨"), QStringLiteral("黄"), QStringLiteral("周"),
                                      QStringLiteral("吴"), QStringLiteral("欧阳")};
    static const QStringList given{QStringLiteral("伟"), QStringLiteral("芳"), QStringLiteral("娜"),
                                   QStringLiteral("秀英"), QStringLiteral("敏"), QStringLiteral("静"),
                                   QStringLiteral("丽"), QStringLiteral("强"), QStringLiteral("磊"),
                                   QStringLiteral("军"), QStringLiteral("洋"), QStringLiteral("勇"),
                                   QStringLiteral("艳"), QStringLiteral("杰"), QStringLiteral("建华")};
    QList<Person> people;
    people.reserve(count);
    const QDate firstBirth(1960, 1, 1);
    for (int i = 0; i < count; ++i) {
        Person p;
        p.id = i + 1;
        p.personNo = QStringLiteral("43%1").arg(i + 1, 8, 10, QLatin1Char('0'));
        p.name = surnames.at(i % surnames.size()) + given.at((i / surnames.size()) % given.size());
        if (i >= surnames.size() * given.size())
            p.name += given.at((i / 7) % given.size());
        const QDate birth = firstBirth.addDays((i * 37) % 14000);
        p.birthDate = birth.toString(Qt::ISODate);
        // Not a valid check character on purpose for some: the table must not care.
        p.idNumber = QStringLiteral("430102") + birth.toString(QStringLiteral("yyyyMMdd"))
                     + QStringLiteral("%1").arg(i / 14000 * 2 + i % 2, 3, 10, QLatin1Char('0'))
                     + (i % 10 == 9 ? QStringLiteral("X") : QString::number(i % 10));
        p.gender = i % 2 == 1 ? QStringLiteral("1") : QStringLiteral("2");
        p.phone = QStringLiteral("139%1").arg(i, 8, 10, QLatin1Char('0'));
        const EnrolmentStatus status = i % 5 == 4 ? EnrolmentStatus::Suspended : EnrolmentStatus::Active;
        for (const char *insurance : {"110", "210", "410"})
            p.enrolments.append(Enrolment{QString::fromLatin1(insurance), QStringLiteral("2020-01"), {}, status, {}});
        if (i % 3 == 0)
            p.enrolments.append(Enrolment{QStringLiteral("310"), QStringLiteral("2019-01"), QStringLiteral("2019-12"),
                                          EnrolmentStatus::Terminated, {}});
        people.append(p);
    }
    return people;
}

} // namespace shebao::test
