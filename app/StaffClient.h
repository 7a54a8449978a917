#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include "app/ApiClient.h"
#include "app/AuthorizationApplication.h"

namespace shebao {

struct StaffLoginReply
{
    QByteArray token;
    QDateTime expiresAt;
    QString role; // "clerk" | "reviewer"
    QString username;
};

// A login certificate the server issued from its CA (certs issue); not a 参保证明
// (models/certificate IssuedCertificate).
struct IssuedLoginCertificate
{
    QString serial;
    QByteArray certificatePem;
    QByteArray caPem;
};

// One row of GET /staff/certificates.
struct CertificateRecord
{
    QString serial;
    QString unitNo;
    QString subject;
    QDateTime notBefore;
    QDateTime notAfter;
    QDateTime revokedAt; // invalid when not revoked

    QJsonObject toJson() const;
};

// The agency's side of the API (/api/v1/staff/..., issue 3) for shebao-admin, over an ApiClient
// (same TLS rules: verified, never ignored). login() puts the staff token on the ApiClient.
class StaffClient : public QObject
{
    Q_OBJECT

public:
    template <typename T>
    using Callback = ApiClient::Callback<T>;

    explicit StaffClient(ApiClient *api, QObject *parent = nullptr);
    ApiClient *api() const { return m_api; }

    void login(const QString &username, const QString &password, QObject *context, Callback<StaffLoginReply> done);

    // state empty: all.
    void listAuthorizations(const QString &state, QObject *context,
                            Callback<QList<AuthorizationApplication>> done);
    void authorization(qint64 id, QObject *context, Callback<AuthorizationApplication> done);
    void authorizationScan(qint64 id, QObject *context, Callback<RawReply> done);
    void activate(qint64 id, QObject *context, Callback<AuthorizationApplication> done);
    void reject(qint64 id, const QString &reason, QObject *context, Callback<AuthorizationApplication> done);

    // days <= 0: the server's default (365).
    void issueCertificate(const QString &unitNo, const QByteArray &publicKeyPem, int days, QObject *context,
                          Callback<IssuedLoginCertificate> done);
    void registerCertificate(const QString &unitNo, const QByteArray &certificatePem, QObject *context,
                             Callback<QString> done);
    // The answer: {"serial", "revoked_at"}.
    void revokeCertificate(const QString &serial, const QString &reason, QObject *context,
                           Callback<QJsonObject> done);
    // unitNo empty: all units.
    void listCertificates(const QString &unitNo, QObject *context, Callback<QList<CertificateRecord>> done);

private:
    void postApplication(const QString &path, const QJsonObject &body, QObject *context,
                         Callback<AuthorizationApplication> done);

    ApiClient *m_api;
};

} // namespace shebao
