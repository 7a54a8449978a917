#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>

#include "models/certificate/Certificate.h"
#include "app/RetryKey.h"
#include "models/core/Result.h"

namespace shebao {

class ApiClient;
class Session;

// 单位查询 → 参保证明 without a window (docs/certificates.md): ask the server to issue a
// certificate, list the unit's issued ones, fetch one with its signed content for a reprint.
// Online only: the server computes and signs the content. Every call answers its callback
// exactly once (unless `context` died); refusals arrive as the server's Error.
class EnrolmentCertificateService : public QObject
{
    Q_OBJECT

public:
    template <typename T>
    using Callback = std::function<void(Result<T>)>;

    static constexpr int PurposeMaxLength = 60;

    EnrolmentCertificateService(ApiClient *api, Session *session, QObject *parent = nullptr);

    // The checks the server makes on 打印用途 and the person, made first so that a wrong entry is
    // named at once without a round trip: purpose required, at most 60 characters, no control
    // characters (certificate.purpose, field "purpose"); kind person needs the person
    // (required.missing, field "person_no"). The purpose is trimmed.
    static Result<CertificateRequest> checked(const CertificateRequest &request);

    // POST /certificates. The idempotency key is kept for the same request until an answer
    // arrives, so pressing 生成参保证明 again after a timeout never issues twice.
    void issue(const CertificateRequest &request, QObject *context, Callback<IssuedCertificate> done);
    // GET /certificates: newest first, rows without content (reprint fetches the record).
    void history(QObject *context, Callback<QList<IssuedCertificate>> done);
    // GET /certificates/{number}: the record with content, canonical bytes and signature.
    void certificate(const QString &number, QObject *context, Callback<IssuedCertificate> done);

signals:
    // A certificate was issued: the history should refresh.
    void issued(const shebao::IssuedCertificate &certificate);

private:
    ApiClient *m_api;
    Session *m_session;
    RetryKey m_issueKey;
};

} // namespace shebao
