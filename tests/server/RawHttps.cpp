#include "RawHttps.h"

#include <QEventLoop>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>

namespace shebao::test {

namespace {

// Parses a complete answer out of `buffer` into `result`; false while it is incomplete.
bool parseAnswer(const QByteArray &buffer, HttpResult *result)
{
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    HttpResult r;
    const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
    r.status = statusLine.value(1).toInt();
    qsizetype length = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed();
        const QByteArray value = line.mid(colon + 1).trimmed();
        r.headers.append({name, value});
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0)
            length = value.toLongLong();
        if (name.compare("Content-Type", Qt::CaseInsensitive) == 0)
            r.contentType = value;
    }
    if (buffer.size() < end + 4 + length)
        return false;
    r.body = buffer.mid(end + 4, length);
    *result = r;
    return true;
}

} // namespace

RawHttps::RawHttps(const QUrl &baseUrl, const QString &caFile, const QHostAddress &source)
    : m_base(baseUrl), m_caFile(caFile), m_source(source)
{
}

QByteArray RawHttps::request(const QByteArray &method, const QString &path, const QByteArray &body,
                             const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QByteArray out = method + ' ' + path.toUtf8() + " HTTP/1.1\r\nHost: localhost\r\n";
    bool hasLength = false;
    for (const auto &h : headers) {
        out += h.first + ": " + h.second + "\r\n";
        hasLength = hasLength || h.first.compare("Content-Length", Qt::CaseInsensitive) == 0;
    }
    if (!hasLength && (!body.isEmpty() || method == "POST"))
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    return out + "\r\n" + body;
}

HttpResult RawHttps::exchange(const QByteArray &bytes, bool closeAfterWrite, int timeoutMs)
{
    QSslSocket socket;
    QSslConfiguration conf = socket.sslConfiguration();
    conf.setCaCertificates(QSslCertificate::fromPath(m_caFile, QSsl::Pem)); // verified, never ignored
    socket.setSslConfiguration(conf);
    if (!m_source.isNull() && !socket.bind(m_source)) {
        HttpResult failed;
        failed.errorString = QStringLiteral("bind %1: %2").arg(m_source.toString(), socket.errorString());
        return failed;
    }
    HttpResult result;
    QByteArray buffer;
    QEventLoop loop;
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QSslSocket::encrypted, &loop, [&] {
        socket.write(bytes);
        if (closeAfterWrite) {
            socket.flush();
            socket.disconnectFromHost();
        }
    });
    QObject::connect(&socket, &QSslSocket::readyRead, &loop, [&] {
        buffer += socket.readAll();
        if (parseAnswer(buffer, &result))
            loop.quit();
    });
    QObject::connect(&socket, &QSslSocket::sslErrors, &loop, [&](const QList<QSslError> &errors) {
        result.sslErrors += errors;
    });
    QObject::connect(&socket, &QSslSocket::disconnected, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QSslSocket::errorOccurred, &loop, [&](QAbstractSocket::SocketError) {
        result.errorString = socket.errorString();
        loop.quit();
    });
    socket.connectToHostEncrypted(m_base.host(), quint16(m_base.port()), QStringLiteral("localhost"));
    loop.exec();
    socket.abort();
    return result;
}

} // namespace shebao::test
