#include "app/BillService.h"

#include <algorithm>

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>
#include <QUrlQuery>

#include "app/AnswerLater.h"
#include "app/ApiClient.h"
#include "app/ApiErrors.h"
#include "app/Session.h"
#include "models/bill/BillJson.h"
#include "models/bill/BillNumber.h"
#include "models/validation/IdNumber.h"

namespace shebao {

namespace {

using api::objectOf;

template <typename T>
Result<T> decodeWith(const Result<QJsonDocument> &reply, Result<T> (*decode)(const QJsonObject &, const QString &))
{
    Result<QJsonObject> object = objectOf(reply);
    if (!object)
        return object.error();
    return decode(object.value(), QStringLiteral("$"));
}

const YearMonth EarliestMonth = *YearMonth::of(1995, 1);

QString billPath(const QString &number)
{
    return QStringLiteral("/bills/") + QString::fromLatin1(QUrl::toPercentEncoding(number));
}

Error employedFromRefusal()
{
    return Error{QStringLiteral("arrears.employed_from"),
                 QCoreApplication::translate("shebao::BillService",
                                             "The employment start month must be 1995-01 or later, before the first "
                                             "enrolment, and not before the month the person turned 16."),
                 {}, QStringLiteral("employed_from")};
}

QUrlQuery requestQuery(const BillRequest &r)
{
    QUrlQuery query{{QStringLiteral("id_number"), r.idNumber},
                    {QStringLiteral("wage"), r.wage.toYuanString()},
                    {QStringLiteral("settlement"), r.settlement}};
    if (r.employedFrom)
        query.addQueryItem(QStringLiteral("employed_from"), r.employedFrom->toString());
    if (r.from)
        query.addQueryItem(QStringLiteral("from"), r.from->toString());
    if (r.to)
        query.addQueryItem(QStringLiteral("to"), r.to->toString());
    return query;
}

} // namespace

BillService::BillService(ApiClient *api, Session *session, QObject *parent)
    : QObject(parent), m_api(api), m_session(session)
{
    // A request left unanswered belongs to its session: after a logout the next one is new.
    if (m_session) {
        connect(m_session, &Session::changed, this, [this] {
            if (!m_session->isActive()) {
                m_createKey.clear();
                m_cancelKey.clear();
            }
        });
    }
}

Result<QString> BillService::checkedIdNumber(const QString &typed)
{
    Result<IdNumber> id = IdNumber::parse(typed);
    if (!id) {
        Error error = id.error();
        error.field = QStringLiteral("id_number"); // the API's name, as the server's refusals carry it
        return error;
    }
    return id.value().original();
}

Result<BillRequest> BillService::checked(const BillRequest &request)
{
    BillRequest r = request;
    Result<QString> id = checkedIdNumber(r.idNumber);
    if (!id)
        return id.error();
    r.idNumber = id.value();
    if (r.wage.fen() <= 0) {
        return Error{QStringLiteral("arrears.wage"),
                     tr("The contribution wage must be an amount greater than 0 with at most two decimals."), {},
                     QStringLiteral("wage")};
    }
    if (r.employedFrom && (!r.employedFrom->isValid() || *r.employedFrom < EarliestMonth))
        return employedFromRefusal();
    const auto badWindow = [](const QString &field) {
        return Error{QStringLiteral("arrears.window"),
                     tr("The back-payment months must be written YYYY-MM, and the first may not be after the last."),
                     {}, field};
    };
    if (r.from && !r.from->isValid())
        return badWindow(QStringLiteral("from"));
    if (r.to && !r.to->isValid())
        return badWindow(QStringLiteral("to"));
    if (r.from && r.to && *r.from > *r.to)
        return badWindow(QStringLiteral("to"));
    if (r.settlement != u"separate") {
        return Error{QStringLiteral("arrears.settlement"), settlementRefusal(), {}, QStringLiteral("settlement")};
    }
    return r;
}

QString BillService::settlementRefusal()
{
    return tr("Back payments that join the unit's settlement are collected with the unit's monthly contributions; "
              "this system can only issue arrears bills outside the unit's settlement.");
}

Result<QString> BillService::checkedNumber(const QString &typed)
{
    const QString folded = BillNumber::normalize(typed);
    if (folded.isEmpty() || !BillNumber::isValid(folded)) {
        return Error{QStringLiteral("bill.number"),
                     tr("The business document number must be 17 digits with a correct check digit."), typed,
                     QStringLiteral("number")};
    }
    return folded;
}

void BillService::gaps(const QString &idNumber, std::optional<YearMonth> employedFrom, QObject *context,
                       Callback<ArrearsGaps> done)
{
    Result<QString> id = checkedIdNumber(idNumber);
    if (!id) {
        answerLater<ArrearsGaps>(this, context, std::move(done), id.error());
        return;
    }
    QUrlQuery query{{QStringLiteral("id_number"), id.value()}};
    if (employedFrom) {
        if (!employedFrom->isValid() || *employedFrom < EarliestMonth) {
            answerLater<ArrearsGaps>(this, context, std::move(done), employedFromRefusal());
            return;
        }
        query.addQueryItem(QStringLiteral("employed_from"), employedFrom->toString());
    }
    m_api->getJson(QStringLiteral("/arrears/gaps"), query, context, [done = std::move(done)](Result<QJsonDocument> reply) {
        if (done)
            done(decodeWith<ArrearsGaps>(reply, &json::decodeArrearsGaps));
    });
}

void BillService::estimate(const BillRequest &request, QObject *context, Callback<ArrearsEstimate> done)
{
    Result<BillRequest> r = checked(request);
    if (!r) {
        answerLater<ArrearsEstimate>(this, context, std::move(done), r.error());
        return;
    }
    m_api->getJson(QStringLiteral("/arrears/estimate"), requestQuery(r.value()), context,
                   [done = std::move(done)](Result<QJsonDocument> reply) {
                       if (done)
                           done(decodeWith<ArrearsEstimate>(reply, &json::decodeArrearsEstimate));
                   });
}

void BillService::create(const BillRequest &request, QObject *context, Callback<Bill> done)
{
    Result<BillRequest> r = checked(request);
    if (!r) {
        answerLater<Bill>(this, context, std::move(done), r.error());
        return;
    }
    const QJsonObject body = json::encode(r.value());
    const QString key = m_createKey.keyFor(body);
    m_api->postJson(QStringLiteral("/bills"), body, key, context,
                    [this, key, done = std::move(done)](Result<QJsonDocument> reply) {
                        m_createKey.settle(key, reply); // any answer settles the key, no answer keeps it
                        Result<Bill> bill = decodeWith<Bill>(reply, &json::decodeBill);
                        if (bill)
                            emit changed();
                        if (done)
                            done(std::move(bill));
                    });
}

void BillService::list(const BillQuery &query, QObject *context, Callback<BillPage> done)
{
    QUrlQuery q;
    if (query.state)
        q.addQueryItem(QStringLiteral("state"), billStateCode(*query.state));
    if (query.from.isValid())
        q.addQueryItem(QStringLiteral("from"), query.from.toString(Qt::ISODate));
    if (query.to.isValid())
        q.addQueryItem(QStringLiteral("to"), query.to.toString(Qt::ISODate));
    if (!query.idNumber.trimmed().isEmpty()) {
        Result<QString> id = checkedIdNumber(query.idNumber);
        if (!id) {
            answerLater<BillPage>(this, context, std::move(done), id.error());
            return;
        }
        q.addQueryItem(QStringLiteral("id_number"), id.value());
    }
    if (query.from.isValid() && query.to.isValid() && query.from > query.to) {
        answerLater<BillPage>(this, context, std::move(done),
                              Error{QStringLiteral("bills.dates"), tr("The first issue date may not be after the last."),
                                    {}, QStringLiteral("to")});
        return;
    }
    q.addQueryItem(QStringLiteral("limit"), QString::number(std::clamp(query.limit, 1, 200)));
    if (!query.cursor.isEmpty())
        q.addQueryItem(QStringLiteral("cursor"), query.cursor);
    m_api->getJson(QStringLiteral("/bills"), q, context, [done = std::move(done)](Result<QJsonDocument> reply) {
        if (done)
            done(decodeWith<BillPage>(reply, &json::decodeBillPage));
    });
}

void BillService::bill(const QString &number, const QString &idNumber, QObject *context, Callback<Bill> done)
{
    Result<QString> folded = checkedNumber(number);
    if (!folded) {
        answerLater<Bill>(this, context, std::move(done), folded.error());
        return;
    }
    QUrlQuery query;
    if (!idNumber.trimmed().isEmpty()) {
        Result<QString> id = checkedIdNumber(idNumber);
        if (!id) {
            answerLater<Bill>(this, context, std::move(done), id.error());
            return;
        }
        query.addQueryItem(QStringLiteral("id_number"), id.value());
    }
    m_api->getJson(billPath(folded.value()), query, context, [done = std::move(done)](Result<QJsonDocument> reply) {
        if (done)
            done(decodeWith<Bill>(reply, &json::decodeBill));
    });
}

void BillService::cancel(const QString &number, QObject *context, Callback<Bill> done)
{
    Result<QString> folded = checkedNumber(number);
    if (!folded) {
        answerLater<Bill>(this, context, std::move(done), folded.error());
        return;
    }
    // The body is {} for every bill: the key follows the number, so 作废 of the same bill after a
    // lost answer replays the first one.
    const QString key = m_cancelKey.keyFor(QJsonObject{{QStringLiteral("number"), folded.value()}});
    m_api->postJson(billPath(folded.value()) + QStringLiteral("/cancel"), QJsonObject(), key, context,
                    [this, key, done = std::move(done)](Result<QJsonDocument> reply) {
                        m_cancelKey.settle(key, reply);
                        Result<Bill> bill = decodeWith<Bill>(reply, &json::decodeBill);
                        if (bill)
                            emit changed();
                        if (done)
                            done(std::move(bill));
                    });
}

// --- BillWatcher ---------------------------------------------------------------------------------

BillWatcher::BillWatcher(BillService *service, Bill bill, QObject *parent)
    : QObject(parent), m_service(service), m_bill(std::move(bill))
{
    m_timer.setInterval(DefaultIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &BillWatcher::poll);
}

void BillWatcher::setInterval(int milliseconds)
{
    m_timer.setInterval(std::max(milliseconds, 10));
}

void BillWatcher::start()
{
    // Only an unpaid bill can still change by itself (a payment, the end of 限缴日期).
    if (m_bill.state != BillState::Unpaid)
        return;
    m_failureReported = false;
    m_timer.start();
}

void BillWatcher::stop()
{
    m_timer.stop();
}

bool BillWatcher::isActive() const
{
    return m_timer.isActive();
}

void BillWatcher::poll()
{
    if (m_inFlight)
        return;
    m_inFlight = true;
    m_service->bill(m_bill.number, QString(), this, [this](Result<Bill> answer) {
        m_inFlight = false;
        if (!answer) {
            if (!std::exchange(m_failureReported, true))
                emit pollFailed(answer.error());
            return;
        }
        m_failureReported = false; // a later failure is news again
        Bill fresh = std::move(answer).value();
        if (!fresh.hasEstimate && m_bill.hasEstimate) {
            fresh.hasEstimate = true;
            fresh.estimate = m_bill.estimate;
        }
        const bool differs = !(fresh == m_bill);
        m_bill = std::move(fresh);
        if (differs)
            emit updated(m_bill);
        if (m_bill.state != BillState::Unpaid && m_timer.isActive()) {
            m_timer.stop();
            emit finished(m_bill);
        }
    });
}

} // namespace shebao
