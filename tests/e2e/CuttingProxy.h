#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

#include <functional>

namespace shebao::test {

// A loopback TCP proxy between the client and a real shebao-server, forwarding raw bytes both
// ways: TLS passes through untouched (the client still verifies the server's certificate).
// It can lose answers the way a real network does: while setCutAnswers(true), every request goes
// through to the server, and the server's first large record coming back (the HTTP answer; TLS
// 1.3 session tickets are small and pass) is dropped and the client's connection closed. The
// server has committed the request (it answers only afterwards) while the client sees its
// connection closed before the answer: net.unreachable. Qt's HTTP stack re-sends a request whose
// connection closed before any answer (the same bytes, so the same Idempotency-Key; the server
// replays), so a lost answer must stay lost for all of its attempts: hence a mode, not a one-shot.
// It can also be slow: while setAnswerDelay(ms) is on, what the server sends after a request
// went through is held back `ms` before the client gets it (the handshake is not delayed, so
// the request really reaches the server; only its answer comes late).
// With no backend listening (the server stopped), connections are closed at once.
class CuttingProxy : public QObject
{
    Q_OBJECT

public:
    explicit CuttingProxy(QObject *parent = nullptr);
    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    void setBackendPort(quint16 port) { m_backendPort = port; }

    void setCutAnswers(bool on) { m_armed = on; }
    bool cutsAnswers() const { return m_armed; }
    // The same from the request after the next `requests` ones on (a program that logs in first:
    // its login passes, what it sends next loses its answers).
    void setCutAnswersAfter(int requests)
    {
        m_passBeforeCut = requests;
        m_armed = true;
    }
    void setAnswerDelay(int milliseconds) { m_answerDelayMs = milliseconds; }
    int cuts() const { return m_cuts; }
    int connections() const { return m_connections; }
    // Requests (large TLS application records) passed on to the server so far: a test waits for
    // it to grow to know that a request is in the server's hands.
    int forwardedRequests() const { return m_forwarded; }
    // Called once, right after the next request was written to the server (a test kills the
    // server there, before or after it commits).
    void onNextForwarded(std::function<void()> action) { m_onForwarded = std::move(action); }

private:
    struct Pipe;
    void accept();
    // Whole TLS records of `buffer` (type, version, 16-bit length), consumed from it.
    static QList<QByteArray> takeRecords(QByteArray *buffer);

    QTcpServer m_server;
    quint16 m_backendPort = 0;
    bool m_armed = false;
    int m_passBeforeCut = 0;
    int m_cuts = 0;
    int m_connections = 0;
    int m_forwarded = 0;
    int m_answerDelayMs = 0;
    std::function<void()> m_onForwarded;
};

} // namespace shebao::test
