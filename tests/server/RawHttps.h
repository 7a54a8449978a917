#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

#include "HttpsClient.h"

namespace shebao::test {

// One HTTP/1.1 exchange over a verified TLS connection with bytes exactly as given: what
// QNetworkAccessManager will not send (a body shorter than its Content-Length, a connection
// closed mid-upload) and connections from another loopback source address (127.0.0.2), which
// the server sees as another peer. Event-driven, so an in-process server answers meanwhile.
class RawHttps
{
public:
    RawHttps(const QUrl &baseUrl, const QString &caFile, const QHostAddress &source = {});

    // Sends `bytes`; with closeAfterWrite the connection is closed as soon as they are written
    // (status 0 then, unless the server answered first). Waits for a complete answer.
    HttpResult exchange(const QByteArray &bytes, bool closeAfterWrite = false, int timeoutMs = 30000);

    // "METHOD path HTTP/1.1" with Host, the given headers, Content-Length of `body` (unless a
    // header sets it) and the body.
    static QByteArray request(const QByteArray &method, const QString &path, const QByteArray &body = {},
                              const QList<QPair<QByteArray, QByteArray>> &headers = {});

private:
    QUrl m_base;
    QString m_caFile;
    QHostAddress m_source;
};

} // namespace shebao::test
