// EnrolmentCertificateService against a real shebao-server over HTTPS (issue 7): local checks
// that send nothing, a certificate of each kind issued with its signed content, the history rows
// without content and the record with it, the real record printed (QR code = URL), the refusals
// (an ordinary unit, an unknown person), and an issue whose answer was lost that, pressed again,
// issues once (a loopback proxy loses the answer for real).
#include <QDir>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "CuttingProxy.h"
#include "DeskClient.h"
#include "ServerProcess.h"
#include "app/ApiClient.h"
#include "app/EnrolmentCertificateForm.h"
#include "app/EnrolmentCertificateService.h"
#include "models/certificate/CertificateJson.h"

using namespace shebao;
using test::waitFor;

namespace {

const QString Password = QStringLiteral("Demo1234");
const QString Authorized = QStringLiteral("43010000001");
const QString Ordinary = QStringLiteral("43010000002");

CertificateRequest request(CertificateKind kind, const QString &purpose, const QString &personNo = {})
{
    CertificateRequest r;
    r.kind = kind;
    r.purpose = purpose;
    r.personNo = personNo;
    return r;
}

QString decodedQr(const QString &pdf)
{
    QTemporaryDir dir;
    QProcess::execute(QStringLiteral("pdftoppm"), {QStringLiteral("-r"), QStringLiteral("150"), QStringLiteral("-png"),
                                                   QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"),
                                                   QStringLiteral("1"), pdf, dir.filePath(QStringLiteral("p"))});
    const QStringList pngs = QDir(dir.path()).entryList({QStringLiteral("p-*.png")});
    if (pngs.isEmpty())
        return {};
    QProcess zbar;
    zbar.start(QStringLiteral("zbarimg"), {QStringLiteral("--raw"), QStringLiteral("-q"), dir.filePath(pngs.first())});
    zbar.waitForFinished(30000);
    return QString::fromUtf8(zbar.readAllStandardOutput()).trimmed();
}

} // namespace

class TestEnrolmentCertificateE2e : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void localChecksSendNothing();
    void issueEachKind_data();
    void issueEachKind();
    void historyRowsAndTheRecord();
    void refusals();
    void lostAnswerIssuesOnce();

private:
    std::unique_ptr<ApiClient> loggedIn(const QUrl &url, const QString &unitNo);
    QList<IssuedCertificate> history();

    test::ServerProcess m_server;
    test::CuttingProxy m_proxy;
    QTemporaryDir m_dir;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<EnrolmentCertificateService> m_service;
    QString m_personNo;
};

std::unique_ptr<ApiClient> TestEnrolmentCertificateE2e::loggedIn(const QUrl &url, const QString &unitNo)
{
    auto api = std::make_unique<ApiClient>();
    api->setBaseUrl(url);
    if (!api->addCaCertificatesFromFile(m_server.caFile()).ok())
        return nullptr;
    auto login = waitFor<LoginReply>([&](auto done) { api->login(unitNo, Password, this, done); });
    if (!login)
        return nullptr;
    api->setToken(login.value().token);
    return api;
}

QList<IssuedCertificate> TestEnrolmentCertificateE2e::history()
{
    auto rows = waitFor<QList<IssuedCertificate>>([&](auto done) { m_service->history(this, done); });
    return rows.ok() ? rows.value() : QList<IssuedCertificate>();
}

void TestEnrolmentCertificateE2e::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    QVERIFY(m_proxy.listen());
    m_proxy.setBackendPort(quint16(m_server.baseUrl().port()));
    m_api = loggedIn(m_server.baseUrl(), Authorized);
    QVERIFY(m_api);
    m_service = std::make_unique<EnrolmentCertificateService>(m_api.get(), nullptr);
    auto page = waitFor<PersonsPage>([&](auto done) { m_api->fetchPersonsPage(0, 20, this, done); });
    QVERIFY(page.ok() && !page.value().items.isEmpty());
    m_personNo = page.value().items.at(5).personNo;
}

void TestEnrolmentCertificateE2e::localChecksSendNothing()
{
    const struct
    {
        CertificateRequest request;
        const char *code;
        const char *field;
    } cases[] = {
        {request(CertificateKind::Unit, QStringLiteral("   ")), "certificate.purpose", "purpose"},
        {request(CertificateKind::Unit, QString(61, u'用')), "certificate.purpose", "purpose"},
        {request(CertificateKind::Unit, QStringLiteral("投标\n附件")), "certificate.purpose", "purpose"},
        {request(CertificateKind::Person, QStringLiteral("办理居住证")), "required.missing", "person_no"},
    };
    for (const auto &c : cases) {
        auto r = waitFor<IssuedCertificate>([&](auto done) { m_service->issue(c.request, this, done); });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QString::fromLatin1(c.code));
        QCOMPARE(r.error().field, QString::fromLatin1(c.field));
    }
    // Sixty characters are allowed, and surrounding blanks are not part of the purpose.
    const auto sixty = EnrolmentCertificateService::checked(request(CertificateKind::Unit, QStringLiteral("  ") + QString(60, u'用')));
    QVERIFY(sixty.ok());
    QCOMPARE(sixty.value().purpose.size(), 60);
    QVERIFY(history().isEmpty()); // nothing reached the server
}

void TestEnrolmentCertificateE2e::issueEachKind_data()
{
    QTest::addColumn<int>("kind");
    QTest::newRow("unit") << int(CertificateKind::Unit);
    QTest::newRow("roster") << int(CertificateKind::Roster);
    QTest::newRow("person") << int(CertificateKind::Person);
}

void TestEnrolmentCertificateE2e::issueEachKind()
{
    QFETCH(int, kind);
    const CertificateKind k = CertificateKind(kind);
    QSignalSpy issuedSpy(m_service.get(), &EnrolmentCertificateService::issued);
    const QString purpose = QStringLiteral("测试用途 %1").arg(certificateKindCode(k));
    auto issued = waitFor<IssuedCertificate>([&](auto done) {
        m_service->issue(request(k, purpose, k == CertificateKind::Person ? m_personNo : QString()), this, done);
    });
    QVERIFY2(issued.ok(), qPrintable(issued.ok() ? QString() : issued.error().message));
    QCOMPARE(issuedSpy.count(), 1);
    const IssuedCertificate &c = issued.value();
    QCOMPARE(c.content.kind, k);
    QCOMPARE(c.content.purpose, purpose);
    QCOMPARE(c.content.unitNo, Authorized);
    QVERIFY(CertificateCode::isWellFormed(c.content.code));
    QCOMPARE(c.state, CertificateState::Valid);
    QVERIFY(!c.signature.isEmpty());
    // The content the client decoded is the content the agency signed.
    const auto signedContent = json::decodeCanonical(c.canonical);
    QVERIFY(signedContent.ok());
    QVERIFY(signedContent.value() == c.content);
    if (k == CertificateKind::Person)
        QCOMPARE(c.content.personNo, m_personNo);
    if (k == CertificateKind::Roster)
        QCOMPARE(int(c.content.roster.size()), c.content.payingTotal);

    // The real record prints, and its QR code is its URL.
    const QString pdf = m_dir.filePath(certificateKindCode(k) + QStringLiteral(".pdf"));
    const auto printed = EnrolmentCertificateForm::writePdf(c, pdf);
    QVERIFY2(printed.ok(), qPrintable(printed.ok() ? QString() : printed.error().message));
    if (k != CertificateKind::Roster) // the roster's code is on its last page
        QCOMPARE(decodedQr(pdf), c.url);
}

void TestEnrolmentCertificateE2e::historyRowsAndTheRecord()
{
    const QList<IssuedCertificate> rows = history();
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows.first().content.kind, CertificateKind::Person); // newest first
    QCOMPARE(rows.last().content.kind, CertificateKind::Unit);
    const IssuedCertificate &row = rows.last();
    QVERIFY(row.content.unitName.isEmpty() && row.canonical.isEmpty()); // a row, without content
    QCOMPARE(EnrolmentCertificateForm::data(row).error().code, QStringLiteral("certificate.no_content"));

    auto record = waitFor<IssuedCertificate>([&](auto done) { m_service->certificate(row.content.number, this, done); });
    QVERIFY(record.ok());
    QCOMPARE(record.value().content.number, row.content.number);
    QCOMPARE(record.value().url, row.url);
    QVERIFY(!record.value().content.insurances.isEmpty());
    QVERIFY(EnrolmentCertificateForm::data(record.value()).ok());

    auto unknown = waitFor<IssuedCertificate>([&](auto done) {
        m_service->certificate(QStringLiteral("ZM20000101000001"), this, done);
    });
    QCOMPARE(unknown.error().code, QStringLiteral("certificate.unknown"));
}

void TestEnrolmentCertificateE2e::refusals()
{
    auto nobody = waitFor<IssuedCertificate>([&](auto done) {
        m_service->issue(request(CertificateKind::Person, QStringLiteral("办理居住证"), QStringLiteral("P404404404")), this, done);
    });
    QVERIFY(!nobody.ok());
    QCOMPARE(nobody.error().code, QStringLiteral("certificate.person"));
    QVERIFY(!nobody.error().message.isEmpty());

    auto ordinaryApi = loggedIn(m_server.baseUrl(), Ordinary);
    QVERIFY(ordinaryApi);
    EnrolmentCertificateService ordinary(ordinaryApi.get(), nullptr);
    auto refused = waitFor<IssuedCertificate>([&](auto done) {
        ordinary.issue(request(CertificateKind::Unit, QStringLiteral("投标")), this, done);
    });
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, QStringLiteral("auth.not_authorized"));
    QCOMPARE(history().size(), 3);
}

void TestEnrolmentCertificateE2e::lostAnswerIssuesOnce()
{
    auto viaProxy = loggedIn(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_proxy.port())), Authorized);
    QVERIFY(viaProxy);
    viaProxy->setTimeout(5000);
    EnrolmentCertificateService service(viaProxy.get(), nullptr);
    const CertificateRequest once = request(CertificateKind::Unit, QStringLiteral("答复丢失后重试"));

    m_proxy.setCutAnswers(true);
    auto lost = waitFor<IssuedCertificate>([&](auto done) { service.issue(once, this, done); });
    m_proxy.setCutAnswers(false);
    QVERIFY(!lost.ok());
    QVERIFY2(lost.error().code == u"net.unreachable" || lost.error().code == u"net.timeout",
             qPrintable(lost.error().code));
    QVERIFY(m_proxy.cuts() > 0);
    // The server issued it; the clerk presses 生成参保证明 again and gets that one, not a second.
    auto again = waitFor<IssuedCertificate>([&](auto done) { service.issue(once, this, done); });
    QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().message));
    int withPurpose = 0;
    for (const IssuedCertificate &row : history())
        withPurpose += row.content.purpose == once.purpose ? 1 : 0;
    QCOMPARE(withPurpose, 1);
    QCOMPARE(history().first().content.number, again.value().content.number);
}

QTEST_MAIN(TestEnrolmentCertificateE2e)
#include "tst_enrolmentcertificate_e2e.moc"
