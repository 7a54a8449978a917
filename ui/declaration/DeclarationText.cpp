#include "ui/declaration/DeclarationText.h"

#include "models/dictionaries/Dictionaries.h"
#include "models/policy/YearMonth.h"
#include "models/validation/IdNumber.h"

namespace shebao::ui {

QString DeclarationText::kindName(DeclarationKind kind)
{
    switch (kind) {
    case DeclarationKind::Add: return tr("New enrolment", "declaration kind");
    case DeclarationKind::Renew: return tr("Renewal", "declaration kind");
    case DeclarationKind::Reduce: return tr("Reduction", "declaration kind");
    }
    return {};
}

QString DeclarationText::itemStateName(ItemState state)
{
    switch (state) {
    case ItemState::Pending: return tr("Pending", "item state");
    case ItemState::Declared: return tr("Declared", "item state");
    case ItemState::Effective: return tr("Effective", "item state");
    case ItemState::Withdrawn: return tr("Withdrawn", "item state");
    }
    return {};
}

QString DeclarationText::batchStateName(BatchState state)
{
    switch (state) {
    case BatchState::Declared: return tr("Declared", "batch state");
    case BatchState::AwaitingPaper: return tr("Awaiting the paper form", "batch state");
    case BatchState::Accepted: return tr("Accepted", "batch state");
    case BatchState::Effective: return tr("Effective", "batch state");
    case BatchState::Returned: return tr("Returned", "batch state");
    }
    return {};
}

QString DeclarationText::periodStatus(const QString &statusCode)
{
    if (statusCode == u"active")
        return tr("Contributing", "enrolment status");
    if (statusCode == u"suspended")
        return tr("Suspended", "enrolment status");
    if (statusCode == u"terminated")
        return tr("Terminated", "enrolment status");
    return statusCode;
}

QString DeclarationText::insuranceName(const QString &code)
{
    const std::optional<DictionaryEntry> entry = Dictionaries::insurance().byCode(code);
    if (!entry)
        return code;
    return entry->shortName.isEmpty() ? entry->name : entry->shortName;
}

QString DeclarationText::insuranceList(const QStringList &codes)
{
    QStringList names;
    for (const QString &code : codes)
        names.append(insuranceName(code));
    return names.join(QStringLiteral("、"));
}

QString DeclarationText::changeTypeName(const QString &code)
{
    return Dictionaries::changeType().nameOf(code);
}

QString DeclarationText::changeReasonName(const QString &code)
{
    return Dictionaries::changeReason().nameOf(code);
}

QString DeclarationText::month(const QString &yyyyMm)
{
    const std::optional<YearMonth> parsed = YearMonth::parse(yyyyMm);
    if (!parsed)
        return yyyyMm;
    return tr("%1-%2", "year and month").arg(parsed->year()).arg(parsed->month(), 2, 10, QLatin1Char('0'));
}

QString DeclarationText::outboxStateName(OutboxEntry::State state)
{
    switch (state) {
    case OutboxEntry::State::Queued: return tr("Waiting for the connection", "outbox state");
    case OutboxEntry::State::Sent: return tr("Sent", "outbox state");
    case OutboxEntry::State::Refused: return tr("Refused by the server", "outbox state");
    }
    return {};
}

QList<QPair<QString, QString>> DeclarationText::allowedMonths(QDate today)
{
    const YearMonth current = YearMonth::ofDate(today);
    QList<QPair<QString, QString>> months;
    for (int back = 0; back <= 2; ++back) {
        const YearMonth m = current.addMonths(-back);
        QString text = month(m.toString());
        if (back == 0)
            text = tr("%1 (this month)").arg(text);
        months.append({text, m.toString()});
    }
    return months;
}

QString DeclarationText::itemSummary(const DeclarationItem &item)
{
    const QString month = item.isReduce() ? item.stopMonth : item.startMonth;
    return QStringLiteral("%1 %2 %3 %4").arg(kindName(item.kind), item.name, IdNumber::mask(item.idNumber),
                                             DeclarationText::month(month));
}

} // namespace shebao::ui
