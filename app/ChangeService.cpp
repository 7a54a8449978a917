#include "app/ChangeService.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSet>
#include <QUrl>

#include "app/ApiClient.h"
#include "app/AnswerLater.h"
#include "app/ApiErrors.h"
#include "app/RetryKey.h"
#include "app/Session.h"
#include "models/change/ChangeJson.h"
#include "models/files/UploadCheck.h"

namespace shebao {

namespace {

using api::unreadable;
using api::objectOf;

// {"requests": [...]} decoded element by element; the first bad element fails the whole.
Result<QList<ChangeRequest>> requestsOf(const Result<QJsonDocument> &reply)
{
    Result<QJsonObject> object = objectOf(reply);
    if (!object)
        return object.error();
    const QJsonValue value = object.value().value(QLatin1String("requests"));
    if (!value.isArray())
        return unreadable(QStringLiteral("answer without \"requests\""));
    const QJsonArray array = value.toArray();
    QList<ChangeRequest> list;
    list.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        Result<ChangeRequest> decoded =
            json::decodeChangeRequest(array.at(i).toObject(), QStringLiteral("$.requests[%1]").arg(i));
        if (!decoded)
            return decoded.error();
        list.append(std::move(decoded).value());
    }
    return list;
}

Result<ChangeRequest> requestOf(const Result<QJsonDocument> &reply)
{
    Result<QJsonObject> object = objectOf(reply);
    if (!object)
        return object.error();
    return json::decodeChangeRequest(object.value());
}

// What the server would refuse for the shape of the submission alone (no field, a member not in
// the catalogue, a person request without its person), with the server's codes and fields, so
// the clerk hears at once and nothing is sent. Values are the server's to judge: it knows the
// agency's current ones (change.unchanged) and who else holds a number.
std::optional<Error> shapeProblem(const ChangeSubmission &s)
{
    if (s.after.isEmpty())
        return Error{QStringLiteral("change.empty"),
                     QCoreApplication::translate("shebao::ChangeService", "No information to change was entered."), {},
                     QStringLiteral("changes")};
    QSet<QString> seen;
    for (const auto &change : s.after) {
        const QString &member = change.first;
        const QString field = QStringLiteral("changes.") + member;
        const ChangeField *known = ChangeFields::find(s.target, member);
        if (!known && s.target == ChangeTarget::Unit)
            return Error{QStringLiteral("change.field_unknown"),
                         QCoreApplication::translate("shebao::ChangeService",
                                                     "\"%1\" is not a changeable field of the unit.")
                             .arg(member),
                         {}, field};
        if (!known)
            return Error{QStringLiteral("change.field_unknown"),
                         QCoreApplication::translate("shebao::ChangeService",
                                                     "\"%1\" is not a changeable field of a person.")
                             .arg(member),
                         {}, field};
        if (seen.contains(member))
            return Error{QStringLiteral("request.invalid"),
                         QCoreApplication::translate("shebao::ChangeService", "%1 was entered more than once.")
                             .arg(known->label),
                         {}, field};
        seen.insert(member);
    }
    if (s.target == ChangeTarget::Person && s.personNo.trimmed().isEmpty())
        return Error{QStringLiteral("required.missing"),
                     QCoreApplication::translate("shebao::ChangeService", "Choose the person whose information changes."),
                     {}, QStringLiteral("person_no")};
    return std::nullopt;
}

} // namespace

ChangeService::ChangeService(ApiClient *api, Session *session, QObject *parent)
    : QObject(parent), m_api(api), m_session(session)
{
    // A submission left unanswered belongs to its session: after a logout the next one is new.
    if (m_session) {
        connect(m_session, &Session::changed, this, [this] {
            if (!m_session->isActive()) {
                m_submitKey.clear();
            }
        });
    }
}

void ChangeService::upload(AttachmentKind kind, const QString &fileName, const QByteArray &bytes, QObject *context,
                           Callback<ChangeAttachment> done)
{
    // By content, never by name: a renamed program or a cut-off scan fails here with the
    // message that names the file, and the agency never receives it.
    Result<FileKind> detected = checkUpload(fileName, bytes);
    if (!detected) {
        Error error = detected.error();
        error.field = QStringLiteral("attachments");
        answerLater<ChangeAttachment>(this, context, std::move(done), error);
        return;
    }
    const HeaderList headers{{QByteArrayLiteral("X-Attachment-Kind"), attachmentKindCode(kind).toLatin1()},
                             {QByteArrayLiteral("X-File-Name"), QUrl::toPercentEncoding(fileName)}};
    // Each upload is its own attachment: a fresh key (a retried upload at worst leaves an
    // unreferenced attachment, which the server purges after 24 hours).
    m_api->postBytes(QStringLiteral("/changes/attachments"), bytes, fileKindMimeType(detected.value()).toLatin1(),
                     headers, {}, context,
                     [done = std::move(done)](Result<QJsonDocument> reply) {
                         Result<QJsonObject> object = objectOf(reply);
                         if (!done)
                             return;
                         if (!object)
                             return done(object.error());
                         done(json::decodeAttachment(object.value()));
                     });
}

void ChangeService::submit(const ChangeSubmission &submission, QObject *context, Callback<QList<ChangeRequest>> done)
{
    if (std::optional<Error> problem = shapeProblem(submission)) {
        answerLater<QList<ChangeRequest>>(this, context, std::move(done), *problem);
        return;
    }
    const QJsonObject body = json::encode(submission);
    // The same submission (target, person, values, proofs, override) keeps its key until it was
    // answered: pressing 变更申报 again after a timeout replays the first one instead of making
    // a second request (which the server would refuse as change.pending anyway, confusingly).
    const QString key = m_submitKey.keyFor(body);
    m_api->postJson(QStringLiteral("/changes"), body, key, context,
                    [this, key, done = std::move(done)](Result<QJsonDocument> reply) {
                        m_submitKey.settle(key, reply); // any answer settles the key, no answer keeps it
                        Result<QList<ChangeRequest>> requests = requestsOf(reply);
                        if (requests)
                            emit changed();
                        if (done)
                            done(std::move(requests));
                    });
}

void ChangeService::requests(std::optional<ChangeTarget> target, std::optional<ChangeState> state, QObject *context,
                             Callback<QList<ChangeRequest>> done)
{
    QUrlQuery query;
    if (target)
        query.addQueryItem(QStringLiteral("target"), changeTargetCode(*target));
    if (state)
        query.addQueryItem(QStringLiteral("state"), changeStateCode(*state));
    m_api->getJson(QStringLiteral("/changes"), query, context, [done = std::move(done)](Result<QJsonDocument> reply) {
        if (done)
            done(requestsOf(reply));
    });
}

void ChangeService::request(qint64 id, QObject *context, Callback<ChangeRequest> done)
{
    m_api->getJson(QStringLiteral("/changes/%1").arg(id), {}, context,
                   [done = std::move(done)](Result<QJsonDocument> reply) {
                       if (done)
                           done(requestOf(reply));
                   });
}

void ChangeService::withdraw(qint64 id, QObject *context, Callback<ChangeRequest> done)
{
    // Naturally idempotent on the server (a second one answers change.state): the ApiClient's
    // fresh key is enough.
    m_api->postJson(QStringLiteral("/changes/%1/withdraw").arg(id), QJsonObject{}, {}, context,
                    [this, done = std::move(done)](Result<QJsonDocument> reply) {
                        Result<ChangeRequest> request = requestOf(reply);
                        if (request)
                            emit changed();
                        if (done)
                            done(std::move(request));
                    });
}

} // namespace shebao
