#include "models/bill/Bill.h"

namespace shebao {

QString billStateCode(BillState state)
{
    switch (state) {
    case BillState::Paid: return QStringLiteral("paid");
    case BillState::Expired: return QStringLiteral("expired");
    case BillState::Cancelled: return QStringLiteral("cancelled");
    case BillState::Unpaid: break;
    }
    return QStringLiteral("unpaid");
}

bool parseBillState(const QString &code, BillState *state)
{
    for (BillState s : {BillState::Unpaid, BillState::Paid, BillState::Expired, BillState::Cancelled}) {
        if (billStateCode(s) == code) {
            *state = s;
            return true;
        }
    }
    return false;
}

QString billStateName(BillState state)
{
    switch (state) {
    case BillState::Paid: return QStringLiteral("已缴费");
    case BillState::Expired: return QStringLiteral("已过期");
    case BillState::Cancelled: return QStringLiteral("已作废");
    case BillState::Unpaid: break;
    }
    return QStringLiteral("未缴费");
}

int UnitGaps::eligibleMonths() const
{
    int total = 0;
    for (const GapRange &range : eligible)
        total += range.months;
    return total;
}

QString maskPersonName(const QString &name)
{
    const QList<uint> characters = name.trimmed().toUcs4();
    if (characters.isEmpty())
        return {};
    QList<uint> masked{characters.first()};
    for (qsizetype i = 1; i < characters.size(); ++i) {
        const bool keepLast = characters.size() >= 3 && i == characters.size() - 1;
        masked.append(keepLast ? characters[i] : uint(u'*'));
    }
    return QString::fromUcs4(reinterpret_cast<const char32_t *>(masked.constData()), masked.size());
}

} // namespace shebao
