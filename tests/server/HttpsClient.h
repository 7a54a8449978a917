#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslError>
#include <QUrl>

namespace shebao::crypto {
class Key;
}

namespace shebao::test {

// What one request got back.
struct HttpResult
{
    int status = 0;                     // 0 when there was no HTTP answer (TLS refused, ...)
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;
    QList<QSslError> sslErrors;
    QByteArray body;
    QByteArray contentType;
    QList<QNetworkReply::RawHeaderPair> headers;

    QJsonObject json() const;
    QByteArray header(const QByteArray &name) const;
};

// A synchronous HTTPS client for tests: trusts exactly the given CA (never ignores TLS errors),
// or the system's CAs when caFile is empty.
class HttpsClient
{
public:
    explicit HttpsClient(const QUrl &baseUrl, const QString &caFile = {});

    void setToken(const QString &token) { m_token = token; }
    QString token() const { return m_token; }

    HttpResult get(const QString &path);
    HttpResult post(const QString &path, const QByteArray &body, const QByteArray &idempotencyKey = {});
    HttpResult postJson(const QString &path, const QJsonObject &body, const QByteArray &idempotencyKey = {});
    // Logs in to a unit and keeps the token; returns the login result.
    HttpResult login(const QString &unitNo, const QString &password, const QByteArray &idempotencyKey = {});
    // Logs in as staff (shebao-admin) and keeps the token.
    HttpResult staffLogin(const QString &username, const QString &password);
    // Certificate login: fetches a challenge, signs it with key and logs in; keeps the token.
    // With challengeOut the challenge used (base64) is returned for replay tests.
    HttpResult certLogin(const QString &unitNo, const crypto::Key &key, const QByteArray &certificatePem,
                         QString *challengeOut = nullptr);
    // Any method with extra headers (raw uploads, signatures, 405 checks).
    HttpResult send(const QByteArray &method, const QString &path, const QByteArray &body = {},
                    const QList<QPair<QByteArray, QByteArray>> &headers = {});

    QUrl baseUrl() const { return m_base; }

private:
    HttpResult run(QNetworkReply *reply);
    QNetworkRequest request(const QString &path) const;

    QNetworkAccessManager m_nam;
    QUrl m_base;
    QList<QSslCertificate> m_cas;
    bool m_useCa = false;
    QString m_token;
};

} // namespace shebao::test
