#pragma once

// Realistic 异动 batches and people for the 申报表 and export tests: valid ID numbers
// (GB 11643 check characters), distinct Chinese names, every kind mixed so that 增 and 减 come
// interleaved and the form has to order them, dictionary codes whose names differ from them.
#include <QDateTime>
#include <QStringList>

#include "models/declaration/Declaration.h"
#include "models/domain/Person.h"
#include "models/domain/Unit.h"
#include "models/validation/IdNumber.h"

namespace shebao::samples {

inline Unit unit()
{
    Unit u;
    u.unitNo = QStringLiteral("43010000001");
    u.name = QStringLiteral("长沙湘江示范科技有限公司");
    u.creditCode = QStringLiteral("91430100MA4L0XXX1A");
    return u;
}

// 20 × 20 distinct names of two or three characters.
inline QString name(int i)
{
    static const QStringList surnames = QStringLiteral("王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 欧阳")
                                            .split(u' ');
    static const QStringList given = QStringLiteral("伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀英 霞 平")
                                         .split(u' ');
    return surnames.at(i % 20) + given.at((i / 20) % 20) + (i >= 400 ? QString::number(i / 400) : QString());
}

// A valid 18-character number, born 1970-01-01 + i × 37 days, odd sequence (male) for even i.
inline QString idNumber(int i)
{
    const QDate birth = QDate(1970, 1, 1).addDays(qint64(i) * 37 % 12000);
    const int sequence = (i % 500) * 2 + (i % 2 == 0 ? 1 : 2);
    const QString first17 = QStringLiteral("430102") + birth.toString(QStringLiteral("yyyyMMdd"))
                            + QStringLiteral("%1").arg(sequence, 3, 10, QLatin1Char('0'));
    return first17 + IdNumber::checkCharacter(first17);
}

inline QString birthDate(int i)
{
    return QDate(1970, 1, 1).addDays(qint64(i) * 37 % 12000).toString(QStringLiteral("yyyy-MM-dd"));
}

// Kind of the i-th item: every 3rd a 减少, every 4th of the others a 续保.
inline DeclarationKind kindOf(int i)
{
    if (i % 3 == 2)
        return DeclarationKind::Reduce;
    return i % 4 == 1 ? DeclarationKind::Renew : DeclarationKind::Add;
}

inline DeclarationItem item(int i)
{
    DeclarationItem it;
    it.id = 1000 + i;
    it.itemNo = QStringLiteral("YD20261204%1").arg(i + 1, 5, 10, QLatin1Char('0'));
    it.kind = kindOf(i);
    it.state = ItemState::Declared;
    it.name = name(i);
    it.idNumber = idNumber(i);
    it.batchNo = QStringLiteral("SB2026120400003");
    it.createdAt = QDateTime(QDate(2026, 12, 4), QTime(1, 0), Qt::UTC);
    if (it.kind == DeclarationKind::Reduce) {
        it.changeType = i % 2 ? QStringLiteral("3") : QStringLiteral("2");
        // 退休 / 解除劳动合同 / 辞职
        it.changeReason = i % 2 ? QStringLiteral("31") : (i % 4 == 0 ? QStringLiteral("21") : QStringLiteral("22"));
        it.stopMonth = QStringLiteral("2026-12");
        return it;
    }
    it.person.gender = i % 2 == 0 ? QStringLiteral("1") : QStringLiteral("2");
    it.person.birthDate = birthDate(i);
    it.person.ethnicity = i % 5 == 0 ? QStringLiteral("15") : QStringLiteral("01"); // 土家族 / 汉族
    it.person.hukou = i % 2 ? QStringLiteral("2") : QStringLiteral("1");
    it.person.employmentForm = i % 4 == 3 ? QStringLiteral("2") : QStringLiteral("1");
    it.person.workStartDate = QStringLiteral("2015-07-01");
    // Mostly mobiles, some landlines with the area code (the longest phone numbers).
    it.person.phone = i % 9 == 4 ? QStringLiteral("0731-8%1").arg(i, 7, 10, QLatin1Char('0'))
                                 : QStringLiteral("138%1").arg(10000000 + i, 8, 10, QLatin1Char('0'));
    it.insurances = i % 7 == 0 ? QStringList{QStringLiteral("110"), QStringLiteral("410")}
                               : QStringList{QStringLiteral("110"), QStringLiteral("210"), QStringLiteral("410")};
    it.startMonth = i % 2 ? QStringLiteral("2026-11") : QStringLiteral("2026-12");
    it.wage = Money::fromFen(450000 + qint64(i) * 1234);
    // Every 10th above the ceiling: the server clamped it, the form prints what applies.
    it.base = i % 10 == 4 ? Money::fromFen(2100000) : it.wage;
    if (i % 10 == 4)
        it.wage = Money::fromFen(3000000);
    if (i % 10 == 4)
        it.warnings.append(DeclarationNotice{QStringLiteral("wage.out_of_range"),
                                             QStringLiteral("工资基数高于上限，按 21,000.00 元核定。"),
                                             QStringLiteral("wage")});
    return it;
}

inline DeclarationBatch batch(int items)
{
    DeclarationBatch b;
    b.id = 3;
    b.batchNo = QStringLiteral("SB2026120400003");
    b.state = BatchState::AwaitingPaper;
    b.reporter = QStringLiteral("周晓燕");
    b.phone = QStringLiteral("0731-88886666");
    b.declaredAt = QDateTime(QDate(2026, 12, 4), QTime(2, 30), Qt::UTC);
    for (int i = 0; i < items; ++i) {
        b.items.append(item(i));
        if (b.items.last().isReduce())
            ++b.reduceCount;
        else
            ++b.addCount;
    }
    b.itemCount = items;
    return b;
}

inline Person person(int i)
{
    Person p;
    p.id = 5000 + i;
    p.personNo = QStringLiteral("4301%1").arg(i + 1, 8, 10, QLatin1Char('0'));
    p.name = name(i);
    p.idNumber = idNumber(i);
    p.gender = i % 2 == 0 ? QStringLiteral("1") : QStringLiteral("2");
    p.birthDate = birthDate(i);
    p.ethnicity = i % 5 == 0 ? QStringLiteral("15") : QStringLiteral("01");
    p.hukou = i % 2 ? QStringLiteral("2") : QStringLiteral("1");
    p.employmentForm = i % 4 == 3 ? QStringLiteral("2") : QStringLiteral("1");
    p.identity = QStringLiteral("1");
    p.workStartDate = QStringLiteral("2015-07-01");
    p.phone = QStringLiteral("139%1").arg(20000000 + i, 8, 10, QLatin1Char('0'));
    const EnrolmentStatus stopped = i % 2 ? EnrolmentStatus::Terminated : EnrolmentStatus::Suspended;
    for (const char *insurance : {"110", "210", "410"}) {
        // An old closed period, then (for most) an open one.
        p.enrolments.append(Enrolment{QString::fromLatin1(insurance), QStringLiteral("2018-03"),
                                      QStringLiteral("2020-06"), stopped, Money::fromFen(350000)});
        if (i % 6 != 5)
            p.enrolments.append(Enrolment{QString::fromLatin1(insurance), QStringLiteral("2021-0%1").arg(1 + i % 9),
                                          QString(), EnrolmentStatus::Active, Money::fromFen(500000)});
    }
    if (i % 8 == 0) // a few with 医疗 too
        p.enrolments.append(Enrolment{QStringLiteral("310"), QStringLiteral("2022-01"), QString(),
                                      EnrolmentStatus::Active, Money::fromFen(500000)});
    return p;
}

} // namespace shebao::samples
