#include "HttpsClient.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QSslConfiguration>
#include <QTimer>

#include "crypto/Key.h"

namespace shebao::test {

QJsonObject HttpResult::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QByteArray HttpResult::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

HttpsClient::HttpsClient(const QUrl &baseUrl, const QString &caFile) : m_base(baseUrl)
{
    if (!caFile.isEmpty()) {
        m_cas = QSslCertificate::fromPath(caFile, QSsl::Pem);
        m_useCa = true;
    }
    m_nam.setAutoDeleteReplies(false);
}

QNetworkRequest HttpsClient::request(const QString &path) const
{
    QUrl url = m_base;
    const qsizetype q = path.indexOf(u'?');
    url.setPath(q < 0 ? path : path.left(q));
    if (q >= 0)
        url.setQuery(path.mid(q + 1));
    QNetworkRequest r(url);
    if (m_useCa) {
        QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
        conf.setCaCertificates(m_cas);   // only the sandbox CA, not the system's
        r.setSslConfiguration(conf);
    }
    if (!m_token.isEmpty())
        r.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
    r.setTransferTimeout(60000);
    return r;
}

HttpResult HttpsClient::run(QNetworkReply *reply)
{
    HttpResult result;
    QObject::connect(reply, &QNetworkReply::sslErrors, reply,
                     [&result](const QList<QSslError> &errors) { result.sslErrors += errors; });
    if (!reply->isFinished()) {
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.error = reply->error();
    result.errorString = reply->errorString();
    result.body = reply->readAll();
    result.contentType = reply->rawHeader("Content-Type");
    result.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return result;
}

HttpResult HttpsClient::get(const QString &path)
{
    return run(m_nam.get(request(path)));
}

HttpResult HttpsClient::post(const QString &path, const QByteArray &body, const QByteArray &idempotencyKey)
{
    QNetworkRequest r = request(path);
    r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!idempotencyKey.isEmpty())
        r.setRawHeader("Idempotency-Key", idempotencyKey);
    return run(m_nam.post(r, body));
}

HttpResult HttpsClient::postJson(const QString &path, const QJsonObject &body, const QByteArray &idempotencyKey)
{
    return post(path, QJsonDocument(body).toJson(QJsonDocument::Compact), idempotencyKey);
}

HttpResult HttpsClient::login(const QString &unitNo, const QString &password, const QByteArray &idempotencyKey)
{
    const HttpResult r = postJson(QStringLiteral("/api/v1/auth/login"),
                                  QJsonObject{{QStringLiteral("unit_no"), unitNo}, {QStringLiteral("password"), password}},
                                  idempotencyKey);
    if (r.status == 200)
        m_token = r.json().value(QLatin1String("token")).toString();
    return r;
}

} // namespace shebao::test

namespace shebao::test {

HttpResult HttpsClient::staffLogin(const QString &username, const QString &password)
{
    const HttpResult r = postJson(QStringLiteral("/api/v1/staff/login"),
                                  QJsonObject{{QStringLiteral("username"), username}, {QStringLiteral("password"), password}});
    if (r.status == 200)
        m_token = r.json().value(QLatin1String("token")).toString();
    return r;
}

HttpResult HttpsClient::certLogin(const QString &unitNo, const crypto::Key &key, const QByteArray &certificatePem,
                                  QString *challengeOut)
{
    const HttpResult c = postJson(QStringLiteral("/api/v1/auth/challenge"), QJsonObject{{QStringLiteral("unit_no"), unitNo}});
    if (c.status != 200)
        return c;
    const QString challenge = c.json().value(QLatin1String("challenge")).toString();
    if (challengeOut)
        *challengeOut = challenge;
    const auto signature = key.sign(QByteArray::fromBase64(challenge.toLatin1()));
    const auto algorithm = key.algorithm();
    const HttpResult r = postJson(
        QStringLiteral("/api/v1/auth/cert-login"),
        QJsonObject{{QStringLiteral("unit_no"), unitNo},
                    {QStringLiteral("challenge"), challenge},
                    {QStringLiteral("certificate_pem"), QString::fromLatin1(certificatePem)},
                    {QStringLiteral("signature"), signature ? QString::fromLatin1(signature.value().toBase64()) : QString()},
                    {QStringLiteral("algorithm"), algorithm ? crypto::algorithmName(algorithm.value()) : QString()}});
    if (r.status == 200)
        m_token = r.json().value(QLatin1String("token")).toString();
    return r;
}

HttpResult HttpsClient::send(const QByteArray &method, const QString &path, const QByteArray &body,
                             const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest r = request(path);
    if (!body.isEmpty())
        r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto &h : headers)
        r.setRawHeader(h.first, h.second);
    if (method == "GET")
        return run(m_nam.get(r));
    return run(m_nam.sendCustomRequest(r, method, body));
}

} // namespace shebao::test
