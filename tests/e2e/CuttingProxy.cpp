#include "CuttingProxy.h"

#include <QHostAddress>
#include <QTimer>

namespace shebao::test {

namespace {

// TLS record types (RFC 8446 §5.1). In TLS 1.3 everything after the handshake's first flight
// travels as application_data.
constexpr char ApplicationData = 0x17;
// The client's Finished record is ~58 bytes; a request with a bearer token and a JSON body is
// hundreds. Server tickets are ~250 bytes; an item answer is more than 350.
constexpr int RequestRecordMin = 150;
constexpr int AnswerRecordMin = 350;

} // namespace

// One client connection and its connection to the backend. QAbstractSocket, not QTcpSocket: the
// client socket emits disconnected from ~QAbstractSocket, when it is no QTcpSocket any more, and
// a QPointer<QTcpSocket> read then is a bad downcast (UBSan, docs/reliability.md).
struct CuttingProxy::Pipe : QObject
{
    QPointer<QAbstractSocket> client;
    QPointer<QAbstractSocket> backend;
    QByteArray fromClient;   // partial records
    QByteArray fromBackend;
    bool cutting = false;     // a request went through while cutting: its answer is lost
    bool requested = false;   // a request went through: what comes back may be delayed
    int delayMs = 0;          // this connection's delay, fixed at its first held record
};

CuttingProxy::CuttingProxy(QObject *parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &CuttingProxy::accept);
}

bool CuttingProxy::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QList<QByteArray> CuttingProxy::takeRecords(QByteArray *buffer)
{
    QList<QByteArray> records;
    while (buffer->size() >= 5) {
        const int length = (quint8(buffer->at(3)) << 8) | quint8(buffer->at(4));
        if (buffer->size() < 5 + length)
            break;
        records.append(buffer->left(5 + length));
        buffer->remove(0, 5 + length);
    }
    return records;
}

void CuttingProxy::accept()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        ++m_connections;
        auto *pipe = new Pipe;
        pipe->setParent(client);
        pipe->client = client;
        auto *backend = new QTcpSocket(client);
        pipe->backend = backend;
        const auto closeBoth = [pipe] {
            if (pipe->client)
                pipe->client->disconnectFromHost();
            if (pipe->backend)
                pipe->backend->disconnectFromHost();
        };
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        connect(backend, &QTcpSocket::disconnected, pipe, closeBoth);
        connect(client, &QTcpSocket::disconnected, pipe, [pipe] {
            if (pipe->backend)
                pipe->backend->disconnectFromHost();
        });
        connect(backend, &QTcpSocket::errorOccurred, pipe, [pipe, closeBoth](QAbstractSocket::SocketError) {
            // No server behind the proxy: the client sees its connection closed.
            closeBoth();
            if (pipe->client)
                pipe->client->abort();
        });
        const auto forward = [this, pipe] {
            pipe->fromClient += pipe->client->readAll();
            if (!pipe->backend || pipe->backend->state() != QAbstractSocket::ConnectedState)
                return; // sent once connected
            for (const QByteArray &record : takeRecords(&pipe->fromClient)) {
                const bool request = record.at(0) == ApplicationData && record.size() - 5 >= RequestRecordMin;
                if (request) {
                    ++m_forwarded;
                    pipe->requested = true;
                }
                if (m_armed && !pipe->cutting && request) {
                    if (m_passBeforeCut > 0)
                        --m_passBeforeCut;
                    else
                        pipe->cutting = true;
                }
                pipe->backend->write(record);
                if (request && m_onForwarded) {
                    pipe->backend->flush();
                    std::exchange(m_onForwarded, {})();
                    return; // the action may have ended this connection
                }
            }
        };
        connect(client, &QTcpSocket::readyRead, pipe, forward);
        connect(backend, &QTcpSocket::connected, pipe, forward); // what the client sent meanwhile
        connect(backend, &QTcpSocket::readyRead, pipe, [this, pipe] {
            pipe->fromBackend += pipe->backend->readAll();
            for (const QByteArray &record : takeRecords(&pipe->fromBackend)) {
                if (pipe->cutting && record.at(0) == ApplicationData && record.size() - 5 >= AnswerRecordMin) {
                    // The answer is lost: the client's connection goes, the backend's too.
                    pipe->cutting = false;
                    ++m_cuts;
                    pipe->fromBackend.clear();
                    if (pipe->client)
                        pipe->client->abort();
                    return;
                }
                if (pipe->delayMs == 0 && m_answerDelayMs > 0 && pipe->requested)
                    pipe->delayMs = m_answerDelayMs;
                if (pipe->delayMs > 0) {
                    // Late, but in order: the same delay for everything after on this connection.
                    QTimer::singleShot(pipe->delayMs, pipe, [pipe, record] {
                        if (pipe->client)
                            pipe->client->write(record);
                    });
                    continue;
                }
                if (pipe->client)
                    pipe->client->write(record);
            }
        });
        backend->connectToHost(QHostAddress::LocalHost, m_backendPort);
    }
}

} // namespace shebao::test
