#include "app/BillSlip.h"

#include <QCoreApplication>
#include <QFileInfo>

#include "models/cache/LocalCache.h"
#include "models/export/DeclarationRows.h"
#include "models/money/ChineseCapitals.h"
#include "printing/FormRenderer.h"

namespace shebao {

namespace {

// Dates as the agency states them: Beijing time, "2026年12月4日".
QString chineseDate(QDate d)
{
    return d.isValid() ? QStringLiteral("%1年%2月%3日").arg(d.year()).arg(d.month()).arg(d.day()) : QString();
}

QDate beijingDate(const QDateTime &utc)
{
    return utc.isValid() ? utc.toOffsetFromUtc(8 * 3600).date() : QDate();
}

// The bill's months as runs: "2019-03 至 2019-05、2020-01（共 4 个月）".
QString monthRuns(const QList<ArrearsMonth> &months)
{
    QStringList runs;
    for (qsizetype i = 0; i < months.size();) {
        qsizetype j = i;
        while (j + 1 < months.size() && months[j].month.addMonths(1) == months[j + 1].month)
            ++j;
        runs << (i == j ? months[i].month.toString()
                        : QStringLiteral("%1 至 %2").arg(months[i].month.toString(), months[j].month.toString()));
        i = j + 1;
    }
    return QStringLiteral("%1（共 %2 个月）").arg(runs.join(QStringLiteral("、"))).arg(months.size());
}

// The 险种 the slip has columns for: the bill's, each of which must be the only ones its months
// carry (a month with another 险种 would print amounts under no heading).
Result<QStringList> insurancesOf(const Bill &bill)
{
    QStringList codes = bill.insurances;
    for (const ArrearsMonth &m : bill.estimate.months) {
        for (const ArrearsItem &item : m.items) {
            if (!codes.contains(item.insurance)) {
                return Error{QStringLiteral("bill.inconsistent"),
                             QCoreApplication::translate("shebao::BillSlip", "The bill %1 has amounts of an insurance it does not list (%2); it is not printed.")
                                 .arg(bill.number, item.insurance),
                             bill.number, {}};
            }
        }
    }
    return codes;
}

QString stateNote(const Bill &bill)
{
    if (bill.state != BillState::Paid)
        return QString();
    const QDate paid = bill.payment ? beijingDate(bill.payment->paidAt) : QDate();
    return QStringLiteral("本缴费单已于%1缴费，仅供留存，请勿重复缴费。").arg(chineseDate(paid));
}

// Cancelled and expired bills can no longer be paid: a slip of one would send the clerk to a
// counter that must refuse it.
std::optional<Error> unpayable(const Bill &bill)
{
    const bool expired = bill.state == BillState::Expired
                         || (bill.state == BillState::Unpaid && bill.expiresAt.isValid()
                             && QDateTime::currentDateTimeUtc() >= bill.expiresAt);
    if (expired) {
        return Error{QStringLiteral("bill.expired"),
                     QCoreApplication::translate("shebao::BillSlip", "The bill %1 has expired and can no longer be paid; generate a new one.").arg(bill.number),
                     bill.number, {}};
    }
    if (bill.state == BillState::Cancelled) {
        return Error{QStringLiteral("bill.cancelled"),
                     QCoreApplication::translate("shebao::BillSlip", "The bill %1 was cancelled and can no longer be paid.").arg(bill.number), bill.number, {}};
    }
    return std::nullopt;
}

Result<PrintedForm> record(const Bill &bill, const printing::FormData &data, int pages, const QString &file,
                           LocalCache *cache)
{
    PrintedForm printed;
    printed.formId = BillSlip::formId();
    printed.title = QStringLiteral("断档缴费单 %1").arg(bill.number);
    printed.at = QDateTime::currentDateTimeUtc();
    printed.pages = pages;
    printed.file = file;
    printed.dataSha256 = data.sha256();
    if (cache) {
        Result<qint64> id = cache->recordPrinted(printed);
        if (!id)
            return id.error();
        printed.id = id.value();
    }
    return printed;
}

} // namespace

Result<printing::FormData> BillSlip::data(const Bill &bill)
{
    if (!bill.hasEstimate || bill.estimate.months.isEmpty()) {
        return Error{QStringLiteral("bill.no_estimate"),
                     QCoreApplication::translate("shebao::BillSlip", "The bill %1 was loaded without its months; it cannot be printed.").arg(bill.number),
                     bill.number, {}};
    }
    if (std::optional<Error> refused = unpayable(bill))
        return *refused;
    const ArrearsEstimate &e = bill.estimate;
    // The slip states one total in figures and in words: it must be the bill's, to the fen.
    if (e.total != bill.total || e.principal != bill.principal || e.lateFee != bill.lateFee) {
        return Error{QStringLiteral("bill.inconsistent"),
                     QCoreApplication::translate("shebao::BillSlip", "The amounts of bill %1 do not add up; it is not printed.").arg(bill.number), bill.number,
                     {}};
    }
    Result<QStringList> codes = insurancesOf(bill);
    if (!codes)
        return codes.error();

    printing::FormData data;
    data.values = {
        {QStringLiteral("bill.number"), bill.number},
        {QStringLiteral("bill.state_note"), stateNote(bill)},
        {QStringLiteral("bill.risk_class"), QStringLiteral("%1 类").arg(bill.riskClass)},
        {QStringLiteral("bill.insurances"), DeclarationRows::insuranceNames(codes.value())},
        {QStringLiteral("bill.issue_date"), chineseDate(beijingDate(bill.createdAt).isValid() ? beijingDate(bill.createdAt)
                                                                                               : bill.calculationDate)},
        {QStringLiteral("bill.pay_by"), chineseDate(bill.payBy)},
        {QStringLiteral("bill.months"), monthRuns(e.months)},
        {QStringLiteral("bill.month_count"), QString::number(e.months.size())},
        {QStringLiteral("bill.wage"), bill.wage.toDisplayString()},
        {QStringLiteral("bill.total"), bill.total.toDisplayString()},
        {QStringLiteral("bill.principal"), bill.principal.toDisplayString()},
        {QStringLiteral("bill.late_fee"), bill.lateFee.toDisplayString()},
        {QStringLiteral("bill.total_capitals"), chineseCapitals(bill.total)},
        {QStringLiteral("bill.calculation_date"), chineseDate(e.calculationDate)},
        {QStringLiteral("unit.no"), bill.unitNo},
        {QStringLiteral("unit.name"), bill.unitName},
        {QStringLiteral("person.no"), bill.personNo},
        {QStringLiteral("person.name"), bill.personName},
        {QStringLiteral("person.id_number"), bill.idNumberMasked},
        {QStringLiteral("policy.name"), e.policyName.isEmpty() ? bill.policyName : e.policyName},
        {QStringLiteral("policy.periods"), e.periods.join(QStringLiteral("、"))},
    };
    QList<QVariantMap> rows;
    rows.reserve(e.months.size());
    for (const ArrearsMonth &m : e.months) {
        QVariantMap row{{QStringLiteral("month"), m.month.toString()},
                        {QStringLiteral("base"), m.base.base.toDisplayString()},
                        {QStringLiteral("principal"), m.principal.toDisplayString()},
                        {QStringLiteral("late_fee_days"), QString::number(m.lateFeeDays)},
                        {QStringLiteral("late_fee"), m.lateFee.toDisplayString()}};
        for (const QString &code : codes.value()) {
            row.insert(QStringLiteral("i%1.unit").arg(code), QString());
            row.insert(QStringLiteral("i%1.person").arg(code), QString());
        }
        for (const ArrearsItem &item : m.items) {
            row.insert(QStringLiteral("i%1.unit").arg(item.insurance), item.unit.toDisplayString());
            row.insert(QStringLiteral("i%1.person").arg(item.insurance), item.person.toDisplayString());
        }
        rows.append(row);
    }
    data.tables.insert(QStringLiteral("months"), rows);
    return data;
}

Result<printing::FormTemplate> BillSlip::form(const Bill &bill)
{
    Result<printing::FormTemplate> loaded = printing::FormTemplate::load(formId());
    if (!loaded)
        return loaded.error();
    printing::FormTemplate t = std::move(loaded).value();
    t.title = QStringLiteral("断档缴费单 %1").arg(bill.number);
    const QStringList codes = insurancesOf(bill).ok() ? insurancesOf(bill).value() : bill.insurances;
    const bool paid = bill.state == BillState::Paid;
    QList<printing::FormBlock> blocks;
    for (printing::FormBlock b : std::as_const(t.blocks)) {
        // The state line is there only when there is something to say (a paid bill's copy).
        if (b.kind == printing::FormBlock::Kind::Text && b.text.contains(QLatin1String("{bill.state_note}")) && !paid)
            continue;
        if (b.kind == printing::FormBlock::Kind::Table) {
            // One pair of 单位 / 个人 columns per 险种 of the bill, headed by its short name.
            // A run of consecutive {ins.…} columns is repeated as a group for each 险种.
            QList<printing::FormColumn> columns;
            const QList<printing::FormColumn> &source = b.tableColumns;
            for (qsizetype i = 0; i < source.size();) {
                if (!source[i].value.contains(QLatin1String("{ins."))) {
                    columns.append(source[i++]);
                    continue;
                }
                qsizetype end = i;
                while (end < source.size() && source[end].value.contains(QLatin1String("{ins.")))
                    ++end;
                for (const QString &code : codes) {
                    for (qsizetype j = i; j < end; ++j) {
                        printing::FormColumn copy = source[j];
                        copy.title.replace(QLatin1String("{ins.name}"), DeclarationRows::insuranceNames({code}));
                        copy.value.replace(QLatin1String("{ins."), QStringLiteral("{i%1.").arg(code));
                        columns.append(copy);
                    }
                }
                i = end;
            }
            b.tableColumns = columns;
        }
        blocks.append(b);
    }
    t.blocks = blocks;
    // Beyond three 险种 the amounts no longer fit across a portrait page.
    if (codes.size() > 3)
        t.orientation = QPageLayout::Landscape;
    return t;
}

Result<PrintedForm> BillSlip::writePdf(const Bill &bill, const QString &path, LocalCache *cache)
{
    Result<printing::FormData> filled = data(bill);
    if (!filled)
        return filled.error();
    Result<printing::FormTemplate> t = form(bill);
    if (!t)
        return t.error();
    printing::FormRenderer renderer(t.value(), filled.value());
    if (Result<void> written = renderer.renderPdf(path); !written)
        return written.error();
    return record(bill, filled.value(), renderer.pageCount(), QFileInfo(path).absoluteFilePath(), cache);
}

Result<PrintedForm> BillSlip::recordPrinted(const Bill &bill, int pages, LocalCache *cache)
{
    Result<printing::FormData> filled = data(bill);
    if (!filled)
        return filled.error();
    return record(bill, filled.value(), pages, QString(), cache);
}

} // namespace shebao
