#include "app/DeclarationService.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QUrl>

#include "app/ApiClient.h"
#include "app/AnswerLater.h"
#include "app/ApiErrors.h"
#include "app/RetryKey.h"
#include "app/Session.h"
#include "models/declaration/DeclarationJson.h"
#include "models/validation/IdNumber.h"
#include "models/validation/PersonName.h"
#include "models/validation/Phone.h"

namespace shebao {

namespace {

using api::unreadable;
using api::objectOf;

// The answer's list member decoded element by element; the first bad element fails the whole.
template <typename T>
Result<QList<T>> listOf(const Result<QJsonDocument> &reply, const char *member,
                        Result<T> (*decode)(const QJsonObject &, const QString &))
{
    Result<QJsonObject> object = objectOf(reply);
    if (!object)
        return object.error();
    const QJsonValue value = object.value().value(QLatin1String(member));
    if (!value.isArray())
        return unreadable(QStringLiteral("answer without \"%1\"").arg(QLatin1String(member)));
    const QJsonArray array = value.toArray();
    QList<T> list;
    list.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        Result<T> decoded = decode(array.at(i).toObject(), QStringLiteral("$.%1[%2]").arg(QLatin1String(member)).arg(i));
        if (!decoded)
            return decoded.error();
        list.append(std::move(decoded).value());
    }
    return list;
}

template <typename T>
Result<T> decodeWith(const Result<QJsonDocument> &reply, Result<T> (*decode)(const QJsonObject &, const QString &))
{
    Result<QJsonObject> object = objectOf(reply);
    if (!object)
        return object.error();
    return decode(object.value(), QStringLiteral("$"));
}

} // namespace

DeclarationService::DeclarationService(ApiClient *api, Session *session, QObject *parent)
    : QObject(parent), m_api(api), m_session(session)
{
    // A declaration left unanswered belongs to its session: after a logout the next 申报 is new.
    if (m_session) {
        connect(m_session, &Session::changed, this, [this] {
            if (!m_session->isActive()) {
                m_declareKey.clear();
            }
        });
    }
}

void DeclarationService::lookup(const QString &idNumber, QObject *context, Callback<PersonLookup> done)
{
    Result<IdNumber> parsed = IdNumber::parse(idNumber);
    if (!parsed) {
        answerLater<PersonLookup>(this, context, std::move(done), parsed.error());
        return;
    }
    const QUrlQuery query{{QStringLiteral("id_number"), parsed.value().number()}};
    m_api->getJson(QStringLiteral("/declarations/lookup"), query, context,
                   [done = std::move(done)](Result<QJsonDocument> reply) {
                       if (done)
                           done(decodeWith<PersonLookup>(reply, &json::decodeLookup));
                   });
}

void DeclarationService::items(ItemState state, QObject *context, Callback<QList<DeclarationItem>> done)
{
    const QUrlQuery query{{QStringLiteral("state"), itemStateCode(state)}};
    m_api->getJson(QStringLiteral("/declarations/items"), query, context,
                   [done = std::move(done)](Result<QJsonDocument> reply) {
                       if (done)
                           done(listOf<DeclarationItem>(reply, "items", &json::decodeItem));
                   });
}

void DeclarationService::withdraw(qint64 itemId, QObject *context, Callback<DeclarationItem> done)
{
    // A withdrawal is naturally idempotent on the server's side (a second one answers
    // item.not_pending), but a key still makes a retried one answer like the first.
    m_api->postJson(QStringLiteral("/declarations/items/%1/withdraw").arg(itemId), QJsonObject{}, {}, context,
                    [this, done = std::move(done)](Result<QJsonDocument> reply) {
                        Result<DeclarationItem> item = decodeWith<DeclarationItem>(reply, &json::decodeItem);
                        if (item)
                            emit changed();
                        if (done)
                            done(std::move(item));
                    });
}

void DeclarationService::declare(const QList<qint64> &itemIds, const QString &reporter, const QString &phone,
                                 QObject *context, Callback<DeclarationBatch> done)
{
    if (itemIds.isEmpty()) {
        answerLater<DeclarationBatch>(this, context, std::move(done),
                                      Error{QStringLiteral("batch.empty"), tr("Select at least one item to declare."),
                                            {}, QStringLiteral("item_ids")});
        return;
    }
    Result<QString> name = PersonName::normalize(reporter);
    if (reporter.trimmed().isEmpty()) {
        answerLater<DeclarationBatch>(this, context, std::move(done),
                                      Error{QStringLiteral("required.missing"), tr("Enter the name of the reporter."), {},
                                            QStringLiteral("reporter")});
        return;
    }
    if (!name) {
        Error error = name.error();
        // The rule is that of a person's name; the message names the field it is about.
        if (error.message.startsWith(PersonName::fieldName()))
            error.message = QStringLiteral("报送人") + error.message.mid(PersonName::fieldName().size());
        error.field = QStringLiteral("reporter");
        answerLater<DeclarationBatch>(this, context, std::move(done), error);
        return;
    }
    Result<Phone> tel = Phone::parse(phone);
    if (!tel) {
        Error error = tel.error();
        error.field = QStringLiteral("phone");
        answerLater<DeclarationBatch>(this, context, std::move(done), error);
        return;
    }
    QJsonArray ids;
    for (qint64 id : itemIds)
        ids.append(id);
    const QJsonObject body{{QStringLiteral("item_ids"), ids},
                           {QStringLiteral("reporter"), name.value()},
                           {QStringLiteral("phone"), tel.value().number()}};
    // The same request (same items, reporter and phone) keeps its key until it was answered:
    // pressing 申报 again after a timeout replays the first declaration instead of a second.
    const QString key = m_declareKey.keyFor(body);
    m_api->postJson(QStringLiteral("/declarations/batches"), body, key, context,
                    [this, key, done = std::move(done)](Result<QJsonDocument> reply) {
                        m_declareKey.settle(key, reply); // any answer settles the key, no answer keeps it
                        Result<DeclarationBatch> batch = decodeWith<DeclarationBatch>(reply, &json::decodeBatch);
                        if (batch)
                            emit changed();
                        if (done)
                            done(std::move(batch));
                    });
}

void DeclarationService::batches(std::optional<BatchState> state, QObject *context,
                                 Callback<QList<DeclarationBatch>> done)
{
    QUrlQuery query;
    if (state)
        query.addQueryItem(QStringLiteral("state"), batchStateCode(*state));
    m_api->getJson(QStringLiteral("/declarations/batches"), query, context,
                   [done = std::move(done)](Result<QJsonDocument> reply) {
                       if (done)
                           done(listOf<DeclarationBatch>(reply, "batches", &json::decodeBatch));
                   });
}

void DeclarationService::batch(const QString &batchNo, QObject *context, Callback<DeclarationBatch> done)
{
    m_api->getJson(QStringLiteral("/declarations/batches/") + QString::fromLatin1(QUrl::toPercentEncoding(batchNo)), {},
                   context, [done = std::move(done)](Result<QJsonDocument> reply) {
                       if (done)
                           done(decodeWith<DeclarationBatch>(reply, &json::decodeBatch));
                   });
}

} // namespace shebao
