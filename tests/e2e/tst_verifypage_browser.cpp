// The public verification page in a real browser (Debian's chromium, headless, TOOLCHAIN.md):
// the server's CA is trusted through an NSS database in a fresh HOME (certutil), never with
// --ignore-certificate-errors; the page shows the unit name and 有效, a revoked certificate
// shows 已撤销, and without the CA trusted the browser shows nothing of the page.
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "ProcessRun.h"
#include "ServerProcess.h"

using namespace shebao;

namespace {

const QByteArray Password = "Demo1234\n";

} // namespace

class TestVerifyPageBrowser : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void validCertificateShowsUnitAndState();
    void revokedCertificateShowsRevoked();
    void untrustedServerShowsNothing();

private:
    // chromium --dump-dom of `url` with HOME = `home`: the DOM after load, "" on a TLS failure.
    QString dumpDom(const QString &home, const QString &url);
    QJsonObject issue(const QString &purpose);

    test::ServerProcess m_server;
    QTemporaryDir m_dir;
    QString m_chromium;
    QString m_trustingHome;
};

void TestVerifyPageBrowser::initTestCase()
{
    m_chromium = QStandardPaths::findExecutable(QStringLiteral("chromium"));
    QVERIFY2(!m_chromium.isEmpty(), "Debian's chromium is needed (scripts/lib/common.sh installs it)");
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("certutil")).isEmpty(), "certutil (libnss3-tools) is needed");
    QVERIFY(m_dir.isValid());
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("xdg"))));
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));

    // A HOME whose NSS database trusts exactly the server's CA, as a user who installed it.
    m_trustingHome = m_dir.filePath(QStringLiteral("home"));
    const QString nss = QStringLiteral("sql:") + m_trustingHome + QStringLiteral("/.pki/nssdb");
    QVERIFY(QDir().mkpath(m_trustingHome + QStringLiteral("/.pki/nssdb")));
    test::ProcessRun r = test::ProcessRun::run(QStringLiteral("certutil"), {QStringLiteral("-d"), nss, QStringLiteral("-N"),
                                                                          QStringLiteral("--empty-password")});
    QVERIFY2(r.exitCode == 0, r.describe());
    r = test::ProcessRun::run(QStringLiteral("certutil"), {QStringLiteral("-d"), nss, QStringLiteral("-A"), QStringLiteral("-t"),
                                                         QStringLiteral("C,,"), QStringLiteral("-n"), QStringLiteral("shebao sandbox CA"),
                                                         QStringLiteral("-i"), m_server.caFile()});
    QVERIFY2(r.exitCode == 0, r.describe());
}

QString TestVerifyPageBrowser::dumpDom(const QString &home, const QString &url)
{
    static int profile = 0;
    QProcess chromium;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home);
    chromium.setProcessEnvironment(env);
    chromium.start(m_chromium, {QStringLiteral("--headless"), QStringLiteral("--no-sandbox"), QStringLiteral("--disable-gpu"),
                                QStringLiteral("--disable-background-networking"), QStringLiteral("--disable-component-update"),
                                QStringLiteral("--disable-sync"), QStringLiteral("--no-first-run"),
                                QStringLiteral("--user-data-dir=") + m_dir.filePath(QStringLiteral("profile%1").arg(++profile)),
                                QStringLiteral("--dump-dom"), url});
    if (!chromium.waitForFinished(90000)) {
        chromium.kill();
        chromium.waitForFinished(5000);
        return {};
    }
    return QString::fromUtf8(chromium.readAllStandardOutput());
}

QJsonObject TestVerifyPageBrowser::issue(const QString &purpose)
{
    const test::ProcessRun r = test::ProcessRun::run(
        test::binaryFromEnv("SHEBAO_CLI_BIN"),
        {QStringLiteral("--server"), m_server.baseUrl().toString(), QStringLiteral("--ca"), m_server.caFile(), QStringLiteral("--unit"),
         QStringLiteral("43010000001"), QStringLiteral("--password-stdin"), QStringLiteral("--json"), QStringLiteral("certificate"),
         QStringLiteral("--kind"), QStringLiteral("unit"), QStringLiteral("--purpose"), purpose, QStringLiteral("--out"),
         m_dir.filePath(purpose + QStringLiteral(".pdf"))},
        Password);
    if (r.exitCode != 0)
        qWarning("%s", r.describe().constData());
    return QJsonDocument::fromJson(r.out).object();
}

void TestVerifyPageBrowser::validCertificateShowsUnitAndState()
{
    const QJsonObject issued = issue(QStringLiteral("投标"));
    const QString url = issued.value(QLatin1String("url")).toString();
    QVERIFY(url.startsWith(QLatin1String("https://localhost:")));   // the QR code's text, as a phone opens it
    const QString dom = dumpDom(m_trustingHome, url);
    QVERIFY2(dom.contains(QStringLiteral("长沙湘江示范科技有限公司")), qPrintable(dom.left(500)));
    QVERIFY(dom.contains(QStringLiteral("<span class=\"state valid\">有效</span>")));
    QVERIFY(dom.contains(issued.value(QLatin1String("number")).toString()));
    QVERIFY(dom.contains(QStringLiteral("企业职工基本养老保险")));

    // The form: the page a person types the code into.
    const QString form = dumpDom(m_trustingHome, url.left(url.indexOf(u'?')));
    QVERIFY2(form.contains(QStringLiteral("请输入参保证明上的验证码")), qPrintable(form.left(500)));
}

void TestVerifyPageBrowser::revokedCertificateShowsRevoked()
{
    const QJsonObject issued = issue(QStringLiteral("撤销"));
    const test::ProcessRun r = test::ProcessRun::run(
        test::binaryFromEnv("SHEBAO_ADMIN_BIN"),
        {QStringLiteral("--server"), m_server.baseUrl().toString(), QStringLiteral("--ca"), m_server.caFile(), QStringLiteral("--staff"),
         QStringLiteral("clerk"), QStringLiteral("--password-stdin"), QStringLiteral("enrolment-certificates"), QStringLiteral("revoke"),
         issued.value(QLatin1String("number")).toString(), QStringLiteral("--reason"), QStringLiteral("单位申请作废")},
        Password);
    QVERIFY2(r.exitCode == 0, r.describe());
    const QString dom = dumpDom(m_trustingHome, issued.value(QLatin1String("url")).toString());
    QVERIFY2(dom.contains(QStringLiteral("<span class=\"state revoked\">已撤销</span>")), qPrintable(dom.left(500)));
    QVERIFY(dom.contains(QStringLiteral("单位申请作废")));
    QVERIFY(dom.contains(QStringLiteral("长沙湘江示范科技有限公司")));
    QVERIFY(!dom.contains(QStringLiteral(">有效<")));
}

void TestVerifyPageBrowser::untrustedServerShowsNothing()
{
    const QString home = m_dir.filePath(QStringLiteral("stranger"));
    QVERIFY(QDir().mkpath(home));
    const QString dom = dumpDom(home, m_server.baseUrl().toString() + QStringLiteral("/verify"));
    QVERIFY2(!dom.contains(QStringLiteral("参保证明核验")), qPrintable(dom.left(500)));
}

QTEST_GUILESS_MAIN(TestVerifyPageBrowser)
#include "tst_verifypage_browser.moc"
