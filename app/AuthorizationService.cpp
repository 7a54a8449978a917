#include "app/AuthorizationService.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

#include "app/ApiClient.h"
#include "app/Session.h"
#include "models/cache/LocalCache.h"
#include "models/files/UploadCheck.h"
#include "printing/FormRenderer.h"
#include "printing/FormTemplate.h"

namespace shebao {

namespace {

const QString NoneCode = QStringLiteral("authorization.none");

Error noApplication()
{
    return Error{NoneCode,
                 QCoreApplication::translate("shebao::AuthorizationService",
                                             "There is no authorization application yet."),
                 {}, {}};
}

Result<AuthorizationApplication> decode(const Result<QJsonDocument> &reply)
{
    if (!reply)
        return reply.error();
    return AuthorizationApplication::fromJson(reply.value().object());
}

QString letterDate(const AuthorizationApplication &a)
{
    const QDateTime at = a.confirmedAt.isValid() ? a.confirmedAt : a.createdAt;
    const QDate date = (at.isValid() ? at : QDateTime::currentDateTime()).toLocalTime().date();
    return QStringLiteral("%1年%2月%3日").arg(date.year()).arg(date.month()).arg(date.day());
}

} // namespace

AuthorizationService::AuthorizationService(ApiClient *api, Session *session, QObject *parent)
    : QObject(parent), m_api(api), m_session(session)
{
}

AuthorizationState AuthorizationService::state() const
{
    return m_application ? m_application->state : AuthorizationState::None;
}

AuthorizationService::Step AuthorizationService::resumeStep() const
{
    switch (state()) {
    case AuthorizationState::None:
    case AuthorizationState::Rejected: return Step::Enter;
    case AuthorizationState::Saved: return Step::Confirm;
    case AuthorizationState::Confirmed: return letterPrinted() ? Step::Upload : Step::Print;
    case AuthorizationState::Uploaded: return Step::Waiting;
    case AuthorizationState::Activated: return Step::Activated;
    }
    return Step::Enter;
}

void AuthorizationService::refresh(Done done)
{
    m_api->getJson(QStringLiteral("/authorization"), {}, this, [this, done](Result<QJsonDocument> reply) {
        if (!reply && reply.error().code == NoneCode) {
            m_application.reset();
            m_loaded = true;
            emit changed();
            if (done)
                done(noApplication());
            return;
        }
        finish(decode(reply), done);
    });
}

void AuthorizationService::save(const Applicant &applicant, Done done)
{
    post(QStringLiteral("/authorization"), QJsonObject{{QStringLiteral("applicant"), applicant.toJson()}},
         std::move(done));
}

void AuthorizationService::confirm(Done done)
{
    post(QStringLiteral("/authorization/confirm"), QJsonObject{}, std::move(done));
}

void AuthorizationService::uploadScan(const QString &filePath, Done done)
{
    QFile file(filePath);
    const QString name = QFileInfo(filePath).fileName();
    if (!file.open(QIODevice::ReadOnly)) {
        finish(Error{QStringLiteral("upload.unreadable"),
                     QCoreApplication::translate("shebao::AuthorizationService", "The file %1 cannot be read.")
                         .arg(name),
                     file.errorString(), QStringLiteral("file")},
               done);
        return;
    }
    // A huge file is not read whole: its first 5 MB + 1 byte are enough for checkUpload to
    // refuse it as too large.
    constexpr qint64 WholeFileLimit = 64 * 1024 * 1024;
    const QByteArray bytes = file.size() > WholeFileLimit ? file.read(5 * 1024 * 1024 + 1) : file.readAll();
    uploadScanBytes(name, bytes, std::move(done));
}

void AuthorizationService::uploadScanBytes(const QString &fileName, const QByteArray &bytes, Done done)
{
    Result<FileKind> kind = checkUpload(fileName, bytes);
    if (!kind) {
        finish(kind.error(), done);
        return;
    }
    const HeaderList headers{{QByteArrayLiteral("X-File-Name"), QUrl::toPercentEncoding(fileName)}};
    m_api->postBytes(QStringLiteral("/authorization/scan"), bytes, fileKindMimeType(kind.value()).toLatin1(), headers,
                     {}, this, [this, done](Result<QJsonDocument> reply) { finish(decode(reply), done); });
}

void AuthorizationService::post(const QString &path, const QJsonObject &body, Done done)
{
    m_api->postJson(path, body, {}, this,
                    [this, done = std::move(done)](Result<QJsonDocument> reply) { finish(decode(reply), done); });
}

void AuthorizationService::finish(Result<AuthorizationApplication> result, const Done &done)
{
    if (result) {
        m_application = result.value();
        m_loaded = true;
        emit changed();
    } else {
        emit failed(result.error());
    }
    if (done)
        done(std::move(result));
}

Result<printing::FormData> AuthorizationService::letterData() const
{
    if (!m_application)
        return noApplication();
    const AuthorizationApplication &a = *m_application;
    printing::FormData data;
    data.values = {
        {QStringLiteral("application.no"), a.applicationNo},
        {QStringLiteral("application.date"), letterDate(a)},
        {QStringLiteral("unit.name"), a.unit.name},
        {QStringLiteral("unit.no"), a.unit.unitNo.isEmpty() ? a.unitNo : a.unit.unitNo},
        {QStringLiteral("unit.credit_code"), a.unit.creditCode},
        {QStringLiteral("unit.legal_representative"), a.unit.legalRepresentative},
        {QStringLiteral("applicant.name"), a.applicant.name},
        {QStringLiteral("applicant.id_number"), a.applicant.idNumber},
        {QStringLiteral("applicant.mobile"), a.applicant.mobile},
        {QStringLiteral("applicant.email"), a.applicant.email},
        {QStringLiteral("counter.address"), a.counterAddress},
    };
    return data;
}

Result<PrintedForm> AuthorizationService::writeLetterPdf(const QString &path)
{
    Result<printing::FormData> data = letterData();
    if (!data)
        return data.error();
    Result<printing::FormTemplate> form = printing::FormTemplate::load(QString::fromLatin1(LetterFormId));
    if (!form)
        return form.error();
    printing::FormRenderer renderer(form.value(), data.value());
    if (Result<void> written = renderer.renderPdf(path); !written)
        return written.error();
    return recordLetterPrinted(renderer.pageCount(), QFileInfo(path).absoluteFilePath());
}

Result<PrintedForm> AuthorizationService::recordLetterPrinted(int pages, const QString &file)
{
    Result<printing::FormData> data = letterData();
    if (!data)
        return data.error();
    PrintedForm record;
    record.formId = QString::fromLatin1(LetterFormId);
    record.title = QStringLiteral("用户承诺书");
    record.at = QDateTime::currentDateTimeUtc();
    record.pages = pages;
    record.file = file;
    record.dataSha256 = data.value().sha256();
    // The record is a convenience (resume at "upload"); a session without a cache still prints.
    if (m_session && m_session->cache()) {
        Result<qint64> id = m_session->cache()->recordPrinted(record);
        if (!id)
            return id.error();
        record.id = id.value();
    }
    return record;
}

bool AuthorizationService::letterPrinted() const
{
    if (!m_session || !m_session->cache())
        return false;
    Result<printing::FormData> data = letterData();
    if (!data)
        return false;
    const QByteArray sha = data.value().sha256();
    Result<QList<PrintedForm>> printed = m_session->cache()->printedForms(QString::fromLatin1(LetterFormId));
    if (!printed)
        return false;
    for (const PrintedForm &form : printed.value()) {
        if (form.dataSha256 == sha)
            return true;
    }
    return false;
}

} // namespace shebao
