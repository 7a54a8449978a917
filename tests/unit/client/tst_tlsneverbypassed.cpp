// "TLS always verified": no source file of the project calls the ignore-TLS-errors function of
// QSslSocket or QNetworkReply, and certificate checks are switched off (peer verify mode none) in one place
// only, the server's own configuration, where it means "ask clients for no certificate".
#include <QDirIterator>
#include <QFile>
#include <QtTest>

class TestTlsNeverBypassed : public QObject
{
    Q_OBJECT

private slots:
    void sourcesNeverSkipCertificateChecks();
};

void TestTlsNeverBypassed::sourcesNeverSkipCertificateChecks()
{
    const QString root = qEnvironmentVariable("SHEBAO_SOURCE_DIR");
    QVERIFY2(QFile::exists(root + QStringLiteral("/CMakeLists.txt")), "SHEBAO_SOURCE_DIR not set (run through ctest)");
    // Spelt in two pieces, so that this file does not match itself.
    const QByteArray ignore = QByteArray("ignoreSsl") + "Errors";
    const QByteArray verifyNone = QByteArray("Verify") + "None";
    const QStringList allowedUnverified{QStringLiteral("server/TlsMaterial.cpp")};
    int files = 0;
    QStringList offending;
    for (const char *dir : {"app", "ui", "models", "printing", "server", "crypto", "tests", "bench"}) {
        QDirIterator it(root + u'/' + QLatin1String(dir), {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            const QString relative = path.mid(root.size() + 1);
            QFile f(path);
            QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(path));
            const QByteArray text = f.readAll();
            ++files;
            if (text.contains(ignore))
                offending << relative + QStringLiteral(": ") + QString::fromLatin1(ignore);
            if (text.contains(verifyNone) && !allowedUnverified.contains(relative))
                offending << relative + QStringLiteral(": ") + QString::fromLatin1(verifyNone);
        }
    }
    qInfo("%d source files read", files);
    QVERIFY(files > 300);
    QVERIFY2(offending.isEmpty(), qPrintable(offending.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestTlsNeverBypassed)
#include "tst_tlsneverbypassed.moc"
