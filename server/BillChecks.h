#pragma once

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrlQuery>

#include "models/bill/Bill.h"
#include "models/core/Result.h"

namespace shebao::server {

// The request checks of 网上缴费 (docs/bills.md, Errors) that need no data: the body of POST
// /bills and the query of GET /arrears/estimate (the same members), the bill number, the list's
// query and the bank's payment. Field problems are collected so the clerk sees all of them at
// once; nothing here reads the database.
class BillChecks
{
public:
    explicit BillChecks(QDate today) : m_today(today) {}

    // The members of a BillRequest from a query (GET /arrears/estimate, /arrears/gaps) as the
    // JSON object POST /bills carries, so both are checked by request().
    static QJsonObject fromQuery(const QUrlQuery &query);

    // id_number (required, GB 11643; kept as typed, folded), wage (> 0, at most two decimals),
    // employed_from, from, to (YYYY-MM, from <= to, employed_from >= 1995-01) and settlement.
    // withWage false: GET /arrears/gaps, which takes id_number and employed_from only.
    BillRequest request(const QJsonObject &body, QList<Error> *errors, bool withWage = true) const;

    // A typed 业务单据号, folded (BillNumber::normalize) and with its check digit verified:
    // bill.number (field number) otherwise.
    static Result<QString> number(const QString &typed);
    // The 身份证号 a 有单缴费 look-up pairs with the number (any valid form, or empty).
    Result<QString> optionalIdNumber(const QString &typed) const;

    // GET /bills and /staff/bills: state, from, to (YYYY-MM-DD), id_number, limit 1..200,
    // cursor. request.invalid naming the parameter otherwise.
    Result<BillQuery> query(const QUrlQuery &query) const;

    // POST /bank/payments: request.invalid naming the member.
    static Result<BankPayment> payment(const QJsonObject &body);

    static Error wageError();
    static Error numberError();

private:
    QDate m_today;
};

} // namespace shebao::server
