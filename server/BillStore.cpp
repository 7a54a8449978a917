#include "server/BillStore.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

#include "models/bill/BillJson.h"
#include "models/bill/BillNumber.h"
#include "models/validation/IdNumber.h"
#include "server/BulkInsert.h"
#include "server/Clock.h"
#include "server/Database.h"
#include "server/NumberSequence.h"

namespace shebao::server {

namespace {

const QVariant NullId(QMetaType::fromType<qint64>());

// Columns 0..30 of every bill read; 31 is the estimate when asked for.
const QString Columns = QStringLiteral(
    "b.id, b.number, b.state, u.unit_no, u.name, p.person_no, p.name, p.id_number, b.insurances, b.risk_class,"
    " b.wage_fen, b.first_month, b.last_month, b.month_count, b.principal_fen, b.late_fee_fen, b.total_fen,"
    " b.policy_name, b.calculation_date, b.pay_by, b.created_at, b.expires_at, b.created_by, b.cancelled_at,"
    " bp.bank_id, bp.transaction_id, bp.channel, bp.amount_fen, bp.paid_at, b.unit_id, b.person_id");
const QString From = QStringLiteral(" FROM bills b JOIN units u ON u.id = b.unit_id JOIN persons p ON p.id = b.person_id"
                                    " LEFT JOIN bill_payments bp ON bp.bill_id = b.id");

QDateTime utc(const QVariant &secs)
{
    return secs.isNull() ? QDateTime() : QDateTime::fromSecsSinceEpoch(secs.toLongLong(), Qt::UTC);
}

YearMonth month(const QVariant &text)
{
    return YearMonth::parse(text.toString()).value_or(YearMonth());
}

BillState stateOf(const QString &stored, qint64 expiresAt, qint64 now)
{
    if (stored == QLatin1String("paid"))
        return BillState::Paid;
    if (stored == QLatin1String("cancelled"))
        return BillState::Cancelled;
    return now >= expiresAt ? BillState::Expired : BillState::Unpaid;
}

// The SQL condition of a state filter (expired is a time, not a stored value).
QString stateCondition(BillState state)
{
    switch (state) {
    case BillState::Paid: return QStringLiteral(" AND b.state = 'paid'");
    case BillState::Cancelled: return QStringLiteral(" AND b.state = 'cancelled'");
    case BillState::Expired: return QStringLiteral(" AND b.state = 'unpaid' AND b.expires_at <= ?");
    case BillState::Unpaid: break;
    }
    return QStringLiteral(" AND b.state = 'unpaid' AND b.expires_at > ?");
}

} // namespace

Result<QList<BillRecord>> BillStore::read(const QString &where, const QVariantList &values, bool withEstimate,
                                          const QString &tail)
{
    auto q = m_db.exec(QStringLiteral("SELECT ") + Columns + (withEstimate ? QStringLiteral(", b.estimate") : QString()) + From
                           + QStringLiteral(" WHERE ") + where + tail,
                       values);
    if (!q)
        return q.error();
    const qint64 now = m_clock.now();
    QList<BillRecord> records;
    QSqlQuery &r = q.value();
    while (r.next()) {
        BillRecord rec;
        Bill &b = rec.bill;
        rec.id = r.value(0).toLongLong();
        b.number = r.value(1).toString();
        const qint64 expiresAt = r.value(21).toLongLong();
        b.state = stateOf(r.value(2).toString(), expiresAt, now);
        b.unitNo = r.value(3).toString();
        b.unitName = r.value(4).toString();
        b.personNo = r.value(5).toString();
        b.personName = r.value(6).toString();
        rec.personIdNumber = r.value(7).toString();
        b.idNumberMasked = IdNumber::mask(rec.personIdNumber);
        b.insurances = r.value(8).toString().split(u',', Qt::SkipEmptyParts);
        b.riskClass = r.value(9).toInt();
        b.wage = Money::fromFen(r.value(10).toLongLong());
        b.firstMonth = month(r.value(11));
        b.lastMonth = month(r.value(12));
        b.monthCount = r.value(13).toInt();
        b.principal = Money::fromFen(r.value(14).toLongLong());
        b.lateFee = Money::fromFen(r.value(15).toLongLong());
        b.total = Money::fromFen(r.value(16).toLongLong());
        b.policyName = r.value(17).toString();
        b.calculationDate = QDate::fromString(r.value(18).toString(), Qt::ISODate);
        b.payBy = QDate::fromString(r.value(19).toString(), Qt::ISODate);
        b.createdAt = utc(r.value(20));
        b.expiresAt = utc(expiresAt);
        b.createdBy = r.value(22).toString();
        b.cancelledAt = utc(r.value(23));
        if (!r.value(24).isNull()) {
            b.payment = BillPayment{r.value(24).toString(), r.value(25).toString(), r.value(26).toString(),
                                    Money::fromFen(r.value(27).toLongLong()), utc(r.value(28))};
        }
        rec.unitId = r.value(29).toLongLong();
        rec.personId = r.value(30).toLongLong();
        if (withEstimate) {
            auto estimate = json::decodeArrearsEstimate(QJsonDocument::fromJson(r.value(31).toString().toUtf8()).object());
            if (!estimate)
                return Error{QStringLiteral("db.error"), QStringLiteral("数据库操作失败。"),
                             QStringLiteral("bill %1 estimate: %2").arg(b.number, estimate.error().detail), {}};
            b.estimate = std::move(estimate).value();
            b.hasEstimate = true;
        }
        records.append(std::move(rec));
    }
    return records;
}

Result<BillRecord> BillStore::insert(const NewBill &n)
{
    const qint64 now = m_clock.now();
    const QDate issued = Clock::beijingDate(now);
    auto sequence = NumberSequence::next(m_db, QStringLiteral("bill"));
    if (!sequence)
        return sequence.error();
    const QString number = BillNumber::make(issued, sequence.value());
    if (number.isEmpty())
        return Error{QStringLiteral("db.error"), QStringLiteral("数据库操作失败。"), QStringLiteral("bill sequence exhausted"), {}};
    // 限缴日期: the issue date + 6; the bill expires when that Beijing day ends.
    const QDate payBy = issued.addDays(6);
    const qint64 expiresAt = Clock::beijingDayStart(payBy.addDays(1));
    const QByteArray estimate = QJsonDocument(json::encode(n.estimate)).toJson(QJsonDocument::Compact);
    auto q = m_db.exec(
        QStringLiteral("INSERT INTO bills (number, unit_id, person_id, state, wage_fen, risk_class, insurances, first_month,"
                       " last_month, month_count, principal_fen, late_fee_fen, total_fen, policy_name, calculation_date,"
                       " pay_by, estimate, created_at, expires_at, created_by, request_signature_id)"
                       " VALUES (?, ?, ?, 'unpaid', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        {number, n.unitId, n.personId, n.wage.fen(), n.riskClass, n.insurances.join(u','), n.months.constFirst().toString(),
         n.months.constLast().toString(), int(n.months.size()), n.estimate.principal.fen(), n.estimate.lateFee.fen(),
         n.estimate.total.fen(), n.estimate.policyName, n.estimate.calculationDate.toString(Qt::ISODate),
         payBy.toString(Qt::ISODate), QString::fromUtf8(estimate), now, expiresAt, n.actor,
         n.signatureId ? QVariant(n.signatureId) : NullId});
    if (!q)
        return q.error();
    if (!q.value().next())
        return Database::sqlError(q.value(), QStringLiteral("insert bill"));
    const qint64 id = q.value().value(0).toLongLong();
    q.value().finish();
    BulkInsert months(m_db, QStringLiteral("bill_months"),
                      {{QStringLiteral("bill_id"), QStringLiteral("bigint")}, {QStringLiteral("month"), QStringLiteral("text")}});
    for (const YearMonth m : n.months) {
        if (auto r = months.add({id, m.toString()}); !r)
            return r.error();
    }
    if (auto r = months.flush(); !r)
        return r.error();
    auto read = find(number, n.unitId, true);
    if (!read)
        return read.error();
    if (!read.value())
        return Error{QStringLiteral("db.error"), QStringLiteral("数据库操作失败。"), QStringLiteral("bill not read back"), {}};
    return *read.value();
}

Result<std::optional<BillRecord>> BillStore::find(const QString &number, qint64 unitId, bool withEstimate, bool lock)
{
    QString where = QStringLiteral("b.number = ?");
    QVariantList values{number};
    if (unitId) {
        where += QStringLiteral(" AND b.unit_id = ?");
        values << unitId;
    }
    if (lock && m_db.dialect() == Database::Dialect::Postgres) {
        // Before the read: the joined columns cannot be locked with FOR UPDATE of an outer join.
        auto locked = m_db.exec(QStringLiteral("SELECT id FROM bills WHERE number = ? FOR UPDATE"), {number});
        if (!locked)
            return locked.error();
    }
    auto rows = read(where, values, withEstimate);
    if (!rows)
        return rows.error();
    if (rows.value().isEmpty())
        return std::optional<BillRecord>();
    return std::optional<BillRecord>(rows.value().constFirst());
}

Result<BillPage> BillStore::list(qint64 unitId, const QString &unitNo, const BillQuery &query)
{
    QString where = QStringLiteral("1 = 1");
    QVariantList values;
    if (unitId) {
        where += QStringLiteral(" AND b.unit_id = ?");
        values << unitId;
    } else if (!unitNo.isEmpty()) {
        where += QStringLiteral(" AND u.unit_no = ?");
        values << unitNo;
    }
    if (query.state) {
        where += stateCondition(*query.state);
        if (*query.state == BillState::Unpaid || *query.state == BillState::Expired)
            values << m_clock.now();
    }
    if (query.from.isValid()) {
        where += QStringLiteral(" AND b.created_at >= ?");
        values << Clock::beijingDayStart(query.from);
    }
    if (query.to.isValid()) {
        where += QStringLiteral(" AND b.created_at < ?");
        values << Clock::beijingDayStart(query.to.addDays(1));
    }
    if (!query.idNumber.isEmpty()) {
        // As typed (a legacy 15-digit number) or its 18-character form.
        auto id = IdNumber::parse(query.idNumber);
        where += QStringLiteral(" AND p.id_number IN (?, ?)");
        values << query.idNumber << (id ? id.value().number() : query.idNumber);
    }
    if (!query.cursor.isEmpty()) {
        where += QStringLiteral(" AND b.id < ?");
        values << query.cursor.toLongLong();
    }
    // One row more than the page: whether there is a next page, without a COUNT.
    auto rows = read(where, values, false, QStringLiteral(" ORDER BY b.id DESC LIMIT %1").arg(query.limit + 1));
    if (!rows)
        return rows.error();
    BillPage page;
    QList<BillRecord> &records = rows.value();
    if (records.size() > query.limit) {
        records.resize(query.limit);
        page.nextCursor = QString::number(records.constLast().id);
    }
    for (BillRecord &r : records)
        page.bills.append(std::move(r.bill));
    return page;
}

Result<QMap<YearMonth, QString>> BillStore::openMonths(qint64 personId, qint64 unitId)
{
    auto q = m_db.exec(QStringLiteral("SELECT b.number, m.month FROM bills b JOIN bill_months m ON m.bill_id = b.id"
                                      " WHERE b.person_id = ? AND b.unit_id = ? AND b.state = 'unpaid' AND b.expires_at > ?"),
                       {personId, unitId, m_clock.now()});
    if (!q)
        return q.error();
    QMap<YearMonth, QString> months;
    while (q.value().next())
        months.insert(month(q.value().value(1)), q.value().value(0).toString());
    return months;
}

Result<QList<YearMonth>> BillStore::months(qint64 billId)
{
    auto q = m_db.exec(QStringLiteral("SELECT month FROM bill_months WHERE bill_id = ? ORDER BY month"), {billId});
    if (!q)
        return q.error();
    QList<YearMonth> list;
    while (q.value().next())
        list.append(month(q.value().value(0)));
    return list;
}

Result<QSet<QString>> BillStore::unpaidInsurances(Database &db, qint64 unitId)
{
    auto q = db.exec(QStringLiteral("SELECT DISTINCT insurances FROM bills WHERE unit_id = ? AND state = 'unpaid'"), {unitId});
    if (!q)
        return q.error();
    QSet<QString> codes;
    while (q.value().next()) {
        for (const QString &code : q.value().value(0).toString().split(u',', Qt::SkipEmptyParts))
            codes.insert(code);
    }
    return codes;
}

Result<void> BillStore::cancel(qint64 billId, const QString &actor)
{
    auto r = m_db.exec(QStringLiteral("UPDATE bills SET state = 'cancelled', cancelled_at = ?, cancelled_by = ?"
                                      " WHERE id = ? AND state = 'unpaid'"),
                       {m_clock.now(), actor, billId});
    if (!r)
        return r.error();
    return {};
}

Result<std::optional<QString>> BillStore::billOfTransaction(const QString &bankId, const QString &transactionId)
{
    auto q = m_db.exec(QStringLiteral("SELECT b.number FROM bill_payments bp JOIN bills b ON b.id = bp.bill_id"
                                      " WHERE bp.bank_id = ? AND bp.transaction_id = ?"),
                       {bankId, transactionId});
    if (!q)
        return q.error();
    if (!q.value().next())
        return std::optional<QString>();
    return std::optional<QString>(q.value().value(0).toString());
}

Result<void> BillStore::recordPayment(qint64 billId, const QString &bankId, const BankPayment &payment)
{
    const qint64 now = m_clock.now();
    auto r = m_db.exec(QStringLiteral("INSERT INTO bill_payments (bill_id, bank_id, transaction_id, channel, amount_fen, paid_at,"
                                      " received_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                       {billId, bankId, payment.transactionId, payment.channel, payment.amount.fen(),
                        payment.paidAt.toSecsSinceEpoch(), now});
    if (!r)
        return r.error();
    auto updated = m_db.exec(QStringLiteral("UPDATE bills SET state = 'paid', paid_at = ? WHERE id = ?"), {now, billId});
    if (!updated)
        return updated.error();
    return {};
}

} // namespace shebao::server
