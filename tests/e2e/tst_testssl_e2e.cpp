// testssl.sh (the Debian package) against a real shebao-server process with its sandbox TLS
// set: protocols, cipher categories, forward secrecy, server preferences, the certificate and
// server defaults, HTTP security headers and every vulnerability check (-p -s -f -P -S -h -U).
// The sandbox CA is given with --add-ca, as clients are given ca.pem. No finding may be rated
// MEDIUM or worse, and no check may fail to run (WARN), but for cert_revocation (see
// AcceptedFindings). The figures are printed; docs/reliability.md records a run.
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "ServerProcess.h"

using namespace shebao;

namespace {

// Findings rated MEDIUM or worse that are accepted, and why.
// cert_revocation (HIGH, "Neither CRL nor OCSP URI provided"): the sandbox CA that the server
// makes for itself has exactly one certificate, which clients trust only because they were
// handed this CA's ca.pem; revoking it means replacing ca.pem. A production server serves the
// agency's own chain (docs/deploy.md), whose CA publishes CRL and OCSP addresses.
const QStringList AcceptedFindings{QStringLiteral("cert_revocation")};

// About the scanning machine, not the server: Debian's OpenSSL 3 has no GOST engine.
const QStringList ScannerNotes{QStringLiteral("engine_problem")};

bool atLeastMedium(const QString &severity)
{
    return severity == u"MEDIUM" || severity == u"HIGH" || severity == u"CRITICAL";
}

} // namespace

class TestTestssl : public QObject
{
    Q_OBJECT

private slots:
    void noFindingMediumOrWorse();
};

void TestTestssl::noFindingMediumOrWorse()
{
    const QString testssl = QStandardPaths::findExecutable(QStringLiteral("testssl"));
    QVERIFY2(!testssl.isEmpty(), "testssl not found: install the Debian package testssl.sh (scripts/lib/common.sh does)");
    test::ServerProcess server;
    test::ServerProcess::Options options;
    options.demo = false;
    QVERIFY2(server.start(options), qPrintable(server.error()));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString json = dir.filePath(QStringLiteral("testssl.json"));
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    QElapsedTimer timer;
    timer.start();
    p.start(testssl, {QStringLiteral("--quiet"), QStringLiteral("--warnings"), QStringLiteral("off"), QStringLiteral("--color"),
                      QStringLiteral("0"), QStringLiteral("--nodns"), QStringLiteral("none"), QStringLiteral("--add-ca"),
                      server.caFile(), QStringLiteral("-p"), QStringLiteral("-s"), QStringLiteral("-f"), QStringLiteral("-P"),
                      QStringLiteral("-S"), QStringLiteral("-h"), QStringLiteral("-U"), QStringLiteral("--jsonfile"), json,
                      QStringLiteral("https://127.0.0.1:%1").arg(server.baseUrl().port())});
    QVERIFY2(p.waitForFinished(540000), "testssl did not finish within 9 minutes");
    const QByteArray output = p.readAll();
    const qint64 seconds = timer.elapsed() / 1000;

    QFile file(json);
    QVERIFY2(file.open(QIODevice::ReadOnly), output.right(2000).constData());
    const QJsonArray findings = QJsonDocument::fromJson(file.readAll()).array();
    QVERIFY2(findings.size() > 50, output.right(2000).constData());
    QHash<QString, int> bySeverity;
    QHash<QString, QString> byId;
    QStringList reported, refused;
    for (const QJsonValue &v : findings) {
        const QJsonObject f = v.toObject();
        const QString id = f.value(QLatin1String("id")).toString();
        const QString severity = f.value(QLatin1String("severity")).toString();
        const QString finding = f.value(QLatin1String("finding")).toString();
        ++bySeverity[severity];
        byId.insert(id, finding);
        if (severity == u"OK" || severity == u"INFO" || ScannerNotes.contains(id))
            continue;
        reported << QStringLiteral("%1 %2: %3").arg(severity, id, finding);
        if ((atLeastMedium(severity) && !AcceptedFindings.contains(id)) || severity == u"WARN" || severity == u"FATAL")
            refused << QStringLiteral("%1 %2: %3").arg(severity, id, finding);
    }
    qInfo("testssl.sh -p -s -f -P -S -h -U: %lld s, %d findings: %d OK, %d INFO, %d LOW, %d MEDIUM, %d HIGH, %d CRITICAL, %d WARN",
          seconds, int(findings.size()), bySeverity.value(QStringLiteral("OK")), bySeverity.value(QStringLiteral("INFO")),
          bySeverity.value(QStringLiteral("LOW")), bySeverity.value(QStringLiteral("MEDIUM")), bySeverity.value(QStringLiteral("HIGH")),
          bySeverity.value(QStringLiteral("CRITICAL")), bySeverity.value(QStringLiteral("WARN")));
    for (const QString &line : std::as_const(reported))
        qInfo("  %s%s", qPrintable(line), refused.contains(line) ? "" : "  (accepted: see AcceptedFindings)");
    QVERIFY2(refused.isEmpty(), qPrintable(refused.join(u'\n')));

    // What was offered, in testssl's words.
    for (const char *old : {"SSLv2", "SSLv3", "TLS1", "TLS1_1"})
        QVERIFY2(byId.value(QLatin1String(old)).startsWith(QLatin1String("not offered")), old);
    QVERIFY2(byId.value(QStringLiteral("TLS1_2")).startsWith(QLatin1String("offered")), qPrintable(byId.value(QStringLiteral("TLS1_2"))));
    QVERIFY2(byId.value(QStringLiteral("TLS1_3")).startsWith(QLatin1String("offered")), qPrintable(byId.value(QStringLiteral("TLS1_3"))));
    QVERIFY2(byId.value(QStringLiteral("cert_chain_of_trust")).startsWith(QLatin1String("passed")),
             qPrintable(byId.value(QStringLiteral("cert_chain_of_trust"))));
    server.stop();
}

QTEST_GUILESS_MAIN(TestTestssl)
#include "tst_testssl_e2e.moc"
