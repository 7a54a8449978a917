#include "app/EnrolmentCertificateService.h"

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
#include "models/certificate/CertificateJson.h"

namespace shebao {

namespace {

using api::unreadable;

Result<IssuedCertificate> recordOf(const Result<QJsonDocument> &reply)
{
    Result<QJsonObject> object = api::objectOf(reply);
    if (!object)
        return object.error();
    return json::decodeIssuedCertificate(object.value());
}

Result<QList<IssuedCertificate>> historyOf(const Result<QJsonDocument> &reply)
{
    if (!reply)
        return reply.error();
    const QJsonValue list = reply.value().object().value(QLatin1String("certificates"));
    if (!list.isArray())
        return unreadable(QStringLiteral("answer without \"certificates\""));
    QList<IssuedCertificate> rows;
    const QJsonArray array = list.toArray();
    rows.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        Result<IssuedCertificate> row =
            json::decodeIssuedCertificate(array.at(i).toObject(), QStringLiteral("$.certificates[%1]").arg(i));
        if (!row)
            return row.error();
        rows.append(std::move(row).value());
    }
    return rows;
}

} // namespace

EnrolmentCertificateService::EnrolmentCertificateService(ApiClient *api, Session *session, QObject *parent)
    : QObject(parent), m_api(api), m_session(session)
{
    // A request left unanswered belongs to its session: after a logout the next one is new.
    if (m_session) {
        connect(m_session, &Session::changed, this, [this] {
            if (!m_session->isActive()) {
                m_issueKey.clear();
            }
        });
    }
}

Result<CertificateRequest> EnrolmentCertificateService::checked(const CertificateRequest &request)
{
    CertificateRequest r = request;
    r.purpose = r.purpose.trimmed();
    r.personNo = r.personNo.trimmed();
    if (r.purpose.isEmpty()) {
        return Error{QStringLiteral("certificate.purpose"),
                     tr("Enter the purpose of the certificate (打印用途)."), {}, QStringLiteral("purpose")};
    }
    if (r.purpose.size() > PurposeMaxLength) {
        return Error{QStringLiteral("certificate.purpose"),
                     tr("The purpose may have at most %1 characters; it has %2.")
                         .arg(PurposeMaxLength)
                         .arg(r.purpose.size()),
                     {}, QStringLiteral("purpose")};
    }
    for (const QChar c : r.purpose) {
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator || c == QChar::ParagraphSeparator) {
            return Error{QStringLiteral("certificate.purpose"),
                         tr("The purpose must be one line of text without control characters."), {},
                         QStringLiteral("purpose")};
        }
    }
    if (r.kind == CertificateKind::Person && r.personNo.isEmpty()) {
        return Error{QStringLiteral("required.missing"), tr("Choose the person the certificate is about."), {},
                     QStringLiteral("person_no")};
    }
    if (r.kind != CertificateKind::Person)
        r.personNo.clear();
    return r;
}

void EnrolmentCertificateService::issue(const CertificateRequest &request, QObject *context,
                                        Callback<IssuedCertificate> done)
{
    Result<CertificateRequest> checkedRequest = checked(request);
    if (!checkedRequest) {
        answerLater<IssuedCertificate>(this, context, std::move(done), checkedRequest.error());
        return;
    }
    const QJsonObject body = json::encode(checkedRequest.value());
    const QString key = m_issueKey.keyFor(body);
    m_api->postJson(QStringLiteral("/certificates"), body, key, context,
                    [this, key, done = std::move(done)](Result<QJsonDocument> reply) {
                        m_issueKey.settle(key, reply); // any answer settles the key, no answer keeps it
                        Result<IssuedCertificate> record = recordOf(reply);
                        if (record)
                            emit issued(record.value());
                        if (done)
                            done(std::move(record));
                    });
}

void EnrolmentCertificateService::history(QObject *context, Callback<QList<IssuedCertificate>> done)
{
    m_api->getJson(QStringLiteral("/certificates"), {}, context, [done = std::move(done)](Result<QJsonDocument> reply) {
        if (done)
            done(historyOf(reply));
    });
}

void EnrolmentCertificateService::certificate(const QString &number, QObject *context, Callback<IssuedCertificate> done)
{
    m_api->getJson(QStringLiteral("/certificates/") + QString::fromLatin1(QUrl::toPercentEncoding(number)), {}, context,
                   [done = std::move(done)](Result<QJsonDocument> reply) {
                       if (done)
                           done(recordOf(reply));
                   });
}

} // namespace shebao
