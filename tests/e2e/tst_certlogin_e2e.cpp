// Certificate users end to end (issue 3) against a real shebao-server (--demo): the demo SM2
// .p12, an ECDSA certificate issued by the real shebao-admin and imported into the
// CertificateStore, certificate login, signed business POSTs, revocation, and shebao-cli --cert.
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "ProcessRun.h"
#include "ServerProcess.h"
#include "app/ApiClient.h"
#include "app/AppContext.h"
#include "app/CertificateStore.h"
#include "app/ChangeService.h"
#include "app/LoginService.h"
#include "app/Session.h"
#include "app/Settings.h"
#include "app/SoftwareSigner.h"
#include "app/StaffClient.h"
#include "crypto/Certificate.h"
#include "crypto/Key.h"

using namespace shebao;

namespace {

const QString DemoCertUnit = QStringLiteral("43010000003");
const QString EcdsaUnit = QStringLiteral("43010000001");
const QByteArray EcdsaPin("ecdsa-pin-2468");

template <typename T>
Result<T> waitFor(const std::function<void(std::function<void(Result<T>)>)> &call)
{
    std::optional<Result<T>> result;
    QEventLoop loop;
    call([&](Result<T> r) {
        result.emplace(std::move(r));
        loop.quit();
    });
    if (!result)
        loop.exec();
    return std::move(*result);
}

QString message(const Error &e)
{
    return e.code + QStringLiteral(": ") + e.message;
}

// Signs with the real key and then spoils the signature: what an attacker without the key sends.
class TamperingSigner : public Signer
{
public:
    explicit TamperingSigner(std::shared_ptr<Signer> inner) : m_inner(std::move(inner)) {}
    QString algorithm() const override { return m_inner->algorithm(); }
    crypto::Certificate certificate() const override { return m_inner->certificate(); }
    Result<QByteArray> sign(const QByteArray &bytes) const override
    {
        Result<QByteArray> signature = m_inner->sign(bytes);
        if (!signature)
            return signature;
        QByteArray spoiled = signature.value();
        spoiled[spoiled.size() - 3] = char(spoiled[spoiled.size() - 3] ^ 0x5A);
        return spoiled;
    }

private:
    std::shared_ptr<Signer> m_inner;
};

} // namespace

class TestCertLoginE2e : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void wrongPin();
    void demoSm2Login();
    void signedBusinessPostAccepted();
    void unsignedPostRefused();
    void issueEcdsaAndImport();
    void ecdsaLoginAndSignedPost();
    void pemPairImport();
    void cliWithCertificate();
    void revokedCertificateRefused();
    void tamperedSignatureRefused();
    void replayedChallengeRefused();
    void unknownCaRefused();
    void expiredCertificateRefused();

private:
    test::ProcessRun admin(const QStringList &arguments, const QByteArray &input = "Demo1234\n");
    std::unique_ptr<ApiClient> newApi() const;
    Result<LoginReply> certificateLogin(ApiClient &api, const QString &unit, std::shared_ptr<Signer> signer);
    // A non-key 信息维护 change (applied at once): the business POST these tests sign.
    Result<QList<ChangeRequest>> changePhone(ApiClient &api, const QString &phone);

    QString m_admin;
    QString m_cli;
    test::ServerProcess m_server;
    QTemporaryDir m_dir;
    QString m_demoP12;
    QByteArray m_demoPin;
    std::unique_ptr<AppContext> m_app;
    QString m_ecdsaP12;
    QString m_ecdsaSerial;
};

void TestCertLoginE2e::initTestCase()
{
    m_admin = test::binaryFromEnv("SHEBAO_ADMIN_BIN");
    m_cli = test::binaryFromEnv("SHEBAO_CLI_BIN");
    QVERIFY2(!m_admin.isEmpty() && !m_cli.isEmpty(), "SHEBAO_ADMIN_BIN / SHEBAO_CLI_BIN not set (run through ctest)");
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    m_demoP12 = m_server.dataDir() + QStringLiteral("/demo/43010000003.p12");
    QFile pin(m_server.dataDir() + QStringLiteral("/demo/43010000003.pin.txt"));
    QVERIFY2(pin.open(QIODevice::ReadOnly), "the demo PIN file is missing");
    m_demoPin = pin.readAll().trimmed();
    QVERIFY(!m_demoPin.isEmpty());

    auto settings = std::make_unique<Settings>(
        std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat));
    settings->setServerUrl(m_server.baseUrl());
    settings->setCaFile(m_server.caFile());
    m_app = std::make_unique<AppContext>(std::move(settings));
    m_app->login().setCacheRoot(m_dir.filePath(QStringLiteral("cache")));
}

void TestCertLoginE2e::wrongPin()
{
    const auto signer = SoftwareSigner::fromPkcs12File(m_demoP12, "wrong-pin");
    QVERIFY(!signer.ok());
    QCOMPARE(signer.error().code, QStringLiteral("cert.pin"));
}

void TestCertLoginE2e::demoSm2Login()
{
    auto signer = SoftwareSigner::fromPkcs12File(m_demoP12, m_demoPin);
    QVERIFY2(signer.ok(), qPrintable(signer ? QString() : message(signer.error())));
    QCOMPARE(signer.value()->algorithm(), QStringLiteral("SM2-SM3"));
    QCOMPARE(signer.value()->certificate().subjectSerialNumber(), DemoCertUnit);

    QSignalSpy loggedIn(&m_app->login(), &LoginService::loggedIn);
    QSignalSpy failed(&m_app->login(), &LoginService::failed);
    m_app->login().loginWithCertificate(DemoCertUnit, signer.value());
    QVERIFY(loggedIn.wait(30000));
    QCOMPARE(failed.count(), 0);
    QCOMPARE(m_app->session().level(), AccountLevel::Certificate);
    QCOMPARE(m_app->session().certificateSerial(), signer.value()->certificate().serialHex());
    QVERIFY(m_app->api().signer());
}

void TestCertLoginE2e::signedBusinessPostAccepted()
{
    const auto reply = changePhone(m_app->api(), QStringLiteral("13700002222"));
    QVERIFY2(reply.ok(), qPrintable(reply ? QString() : message(reply.error())));
    QCOMPARE(reply.value().size(), 1);
    QCOMPARE(reply.value().first().state, ChangeState::Applied);
    QVERIFY(reply.value().first().signed_);
}

void TestCertLoginE2e::unsignedPostRefused()
{
    const std::shared_ptr<Signer> signer = m_app->api().signer();
    m_app->api().setSigner({});
    const auto reply = changePhone(m_app->api(), QStringLiteral("13700003333"));
    m_app->api().setSigner(signer);
    QVERIFY(!reply.ok());
    QCOMPARE(reply.error().code, QStringLiteral("signature.invalid"));
}

void TestCertLoginE2e::issueEcdsaAndImport()
{
    const QString out = m_dir.filePath(QStringLiteral("issued.p12"));
    const test::ProcessRun issued =
        admin({QStringLiteral("--json"), QStringLiteral("certs"), QStringLiteral("issue"), EcdsaUnit,
               QStringLiteral("--algo"), QStringLiteral("ecdsa"), QStringLiteral("--out"), out,
               QStringLiteral("--pin-stdin"), QStringLiteral("--days"), QStringLiteral("20")},
              "Demo1234\n" + EcdsaPin + '\n');
    QVERIFY2(issued.exitCode == 0, issued.describe().constData());
    const QJsonObject o = QJsonDocument::fromJson(issued.out).object();
    m_ecdsaSerial = o.value(QLatin1String("serial")).toString();
    QVERIFY(!m_ecdsaSerial.isEmpty());
    QCOMPARE(o.value(QLatin1String("algorithm")).toString(), QStringLiteral("ECDSA-SHA256"));
    QVERIFY(QFileInfo(out).size() > 0);
    QCOMPARE(QFileInfo(out).permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup), QFileDevice::Permissions());

    CertificateStore store(m_dir.filePath(QStringLiteral("store")));
    const auto imported = store.importPkcs12(out, EcdsaPin);
    QVERIFY2(imported.ok(), qPrintable(imported ? QString() : message(imported.error())));
    QCOMPARE(imported.value().unitNo, EcdsaUnit);
    QCOMPARE(imported.value().serial, m_ecdsaSerial);
    QCOMPARE(QFileInfo(imported.value().p12Path).fileName(), EcdsaUnit + u'-' + m_ecdsaSerial + QStringLiteral(".p12"));
    QVERIFY(imported.value().p12Path.startsWith(store.folder()));
    const QList<StoredCertificate> listed = store.list();
    QCOMPARE(listed.size(), 1);
    QVERIFY(listed.first().subject.contains(EcdsaUnit));
    QVERIFY(!listed.first().issuer.isEmpty());
    // Issued for 20 days: inside the 30-day warning, not inside a 10-day one.
    QCOMPARE(store.expiringWithin(30).size(), 1);
    QCOMPARE(store.expiringWithin(10).size(), 0);
    QVERIFY(listed.first().daysLeft() >= 19 && listed.first().daysLeft() <= 20);
    // Wrong PIN on import: refused, nothing stored.
    CertificateStore other(m_dir.filePath(QStringLiteral("store2")));
    const auto wrong = other.importPkcs12(out, "nope");
    QVERIFY(!wrong.ok());
    QCOMPARE(wrong.error().code, QStringLiteral("cert.pin"));
    QVERIFY(other.list().isEmpty());
    m_ecdsaP12 = imported.value().p12Path;
}

void TestCertLoginE2e::ecdsaLoginAndSignedPost()
{
    QVERIFY(!m_ecdsaP12.isEmpty());
    CertificateStore store(m_dir.filePath(QStringLiteral("store")));
    const auto signer = store.open(store.forUnit(EcdsaUnit).first(), EcdsaPin);
    QVERIFY2(signer.ok(), qPrintable(signer ? QString() : message(signer.error())));
    QCOMPARE(signer.value()->algorithm(), QStringLiteral("ECDSA-SHA256"));

    auto api = newApi();
    const auto login = certificateLogin(*api, EcdsaUnit, signer.value());
    QVERIFY2(login.ok(), qPrintable(login ? QString() : message(login.error())));
    QCOMPARE(login.value().level, AccountLevel::Certificate);
    const auto reply = changePhone(*api, QStringLiteral("13600004444"));
    QVERIFY2(reply.ok(), qPrintable(reply ? QString() : message(reply.error())));

    // The demo SM2 certificate belongs to another unit.
    const auto other = SoftwareSigner::fromPkcs12File(m_demoP12, m_demoPin);
    QVERIFY(other.ok());
    auto api2 = newApi();
    const auto notBound = certificateLogin(*api2, EcdsaUnit, other.value());
    QVERIFY(!notBound.ok());
    QCOMPARE(notBound.error().code, QStringLiteral("cert.not_bound"));
}

void TestCertLoginE2e::pemPairImport()
{
    // A PEM key (PIN-encrypted) + certificate is re-wrapped into a PIN-protected .p12.
    const auto signer = SoftwareSigner::fromPkcs12File(m_ecdsaP12, EcdsaPin);
    QVERIFY(signer.ok());
    const auto keyPem = signer.value()->credential().key.privatePem("pem-pin-1357");
    QVERIFY(keyPem.ok());
    const QString keyPath = m_dir.filePath(QStringLiteral("key.pem"));
    const QString certPath = m_dir.filePath(QStringLiteral("cert.pem"));
    for (const auto &[path, bytes] : {std::pair{keyPath, keyPem.value()},
                                      std::pair{certPath, signer.value()->certificate().toPem()}}) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    }
    CertificateStore store(m_dir.filePath(QStringLiteral("store-pem")));
    const auto imported = store.importPemPair(keyPath, certPath, "pem-pin-1357");
    QVERIFY2(imported.ok(), qPrintable(imported ? QString() : message(imported.error())));
    QVERIFY(imported.value().p12Path.endsWith(QStringLiteral(".p12")));
    QVERIFY(store.open(imported.value(), "pem-pin-1357").ok());
    QCOMPARE(store.open(imported.value(), "other").error().code, QStringLiteral("cert.pin"));
}

void TestCertLoginE2e::cliWithCertificate()
{
    const QStringList connection{QStringLiteral("--server"), m_server.baseUrl().toString(), QStringLiteral("--ca"),
                                 m_server.caFile()};
    const test::ProcessRun persons = test::ProcessRun::run(
        m_cli, connection + QStringList{QStringLiteral("persons"), QStringLiteral("--json"), QStringLiteral("--cert"),
                                        m_demoP12, QStringLiteral("--pin-stdin")},
        m_demoPin + '\n');
    QVERIFY2(persons.exitCode == 0, persons.describe().constData());
    QCOMPARE(QJsonDocument::fromJson(persons.out).object().value(QLatin1String("unit_no")).toString(), DemoCertUnit);

    const test::ProcessRun wrongPin = test::ProcessRun::run(
        m_cli, connection + QStringList{QStringLiteral("persons"), QStringLiteral("--json"), QStringLiteral("--cert"),
                                        m_demoP12, QStringLiteral("--pin-stdin")},
        "wrong\n");
    QCOMPARE(wrongPin.exitCode, 2);
    QCOMPARE(QJsonDocument::fromJson(wrongPin.out).object()[QLatin1String("error")][QLatin1String("code")].toString(),
             QStringLiteral("cert.pin"));
}

void TestCertLoginE2e::revokedCertificateRefused()
{
    QVERIFY(!m_ecdsaSerial.isEmpty());
    const test::ProcessRun revoked = admin({QStringLiteral("certs"), QStringLiteral("revoke"), m_ecdsaSerial,
                                            QStringLiteral("--reason"), QStringLiteral("密钥遗失")});
    QVERIFY2(revoked.exitCode == 0, revoked.describe().constData());
    const test::ProcessRun listed = admin({QStringLiteral("--json"), QStringLiteral("certs"), QStringLiteral("list"),
                                           QStringLiteral("--unit"), EcdsaUnit});
    QVERIFY2(listed.exitCode == 0, listed.describe().constData());
    QVERIFY(listed.out.contains(m_ecdsaSerial.toLatin1()));

    const auto signer = SoftwareSigner::fromPkcs12File(m_ecdsaP12, EcdsaPin);
    QVERIFY(signer.ok());
    auto api = newApi();
    const auto login = certificateLogin(*api, EcdsaUnit, signer.value());
    QVERIFY(!login.ok());
    QCOMPARE(login.error().code, QStringLiteral("cert.revoked"));
}

void TestCertLoginE2e::tamperedSignatureRefused()
{
    const auto signer = SoftwareSigner::fromPkcs12File(m_demoP12, m_demoPin);
    QVERIFY(signer.ok());
    auto api = newApi();
    const auto login = certificateLogin(*api, DemoCertUnit, std::make_shared<TamperingSigner>(signer.value()));
    QVERIFY(!login.ok());
    QCOMPARE(login.error().code, QStringLiteral("cert.bad_signature"));

    // A good login, then a business POST whose body signature was spoiled.
    auto api2 = newApi();
    QVERIFY(certificateLogin(*api2, DemoCertUnit, signer.value()).ok());
    api2->setSigner(std::make_shared<TamperingSigner>(signer.value()));
    const auto reply = changePhone(*api2, QStringLiteral("13700005555"));
    QVERIFY(!reply.ok());
    QCOMPARE(reply.error().code, QStringLiteral("signature.invalid"));
}

void TestCertLoginE2e::replayedChallengeRefused()
{
    const auto signer = SoftwareSigner::fromPkcs12File(m_demoP12, m_demoPin);
    QVERIFY(signer.ok());
    auto api = newApi();
    const auto challenge = waitFor<QJsonDocument>([&](auto done) {
        api->postJson(QStringLiteral("/auth/challenge"), QJsonObject{{QStringLiteral("unit_no"), DemoCertUnit}}, {},
                      this, done);
    });
    QVERIFY(challenge.ok());
    const QString text = challenge.value().object().value(QLatin1String("challenge")).toString();
    const auto signature = signer.value()->sign(QByteArray::fromBase64(text.toLatin1()));
    QVERIFY(signature.ok());
    const QJsonObject body{{QStringLiteral("unit_no"), DemoCertUnit},
                           {QStringLiteral("challenge"), text},
                           {QStringLiteral("certificate_pem"), QString::fromLatin1(signer.value()->certificate().toPem())},
                           {QStringLiteral("signature"), QString::fromLatin1(signature.value().toBase64())},
                           {QStringLiteral("algorithm"), signer.value()->algorithm()}};
    const auto first = waitFor<QJsonDocument>(
        [&](auto done) { api->postJson(QStringLiteral("/auth/cert-login"), body, {}, this, done); });
    QVERIFY2(first.ok(), qPrintable(first ? QString() : message(first.error())));
    // The same challenge again (a new request, not an idempotent retry): used up.
    const auto second = waitFor<QJsonDocument>(
        [&](auto done) { api->postJson(QStringLiteral("/auth/cert-login"), body, {}, this, done); });
    QVERIFY(!second.ok());
    QCOMPARE(second.error().code, QStringLiteral("auth.challenge_invalid"));
}

void TestCertLoginE2e::unknownCaRefused()
{
    // A certificate naming the unit, from a CA the server does not trust.
    auto caKey = crypto::Key::generate(crypto::Algorithm::Sm2Sm3);
    QVERIFY(caKey.ok());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto ca = crypto::makeCaCertificate(caKey.value(), QStringLiteral("冒充的 CA"), now.addDays(-1), now.addYears(1));
    QVERIFY(ca.ok());
    auto key = crypto::Key::generate(crypto::Algorithm::Sm2Sm3);
    QVERIFY(key.ok());
    auto publicKey = crypto::Key::fromPublicPem(key.value().publicPem());
    QVERIFY(publicKey.ok());
    auto certificate = crypto::issueCertificate(ca.value(), caKey.value(), publicKey.value(),
                                                {QStringLiteral("长沙星城示范建设工程有限公司"), DemoCertUnit,
                                                 now.addSecs(-60), now.addDays(30)});
    QVERIFY(certificate.ok());
    crypto::Credential credential;
    credential.key = std::move(key).value();
    credential.certificate = certificate.value();
    auto api = newApi();
    const auto login = certificateLogin(*api, DemoCertUnit, std::make_shared<SoftwareSigner>(std::move(credential)));
    QVERIFY(!login.ok());
    QCOMPARE(login.error().code, QStringLiteral("cert.untrusted"));
}

void TestCertLoginE2e::expiredCertificateRefused()
{
    // Issued by the server's CA with a validity that has already ended (allowed for tests).
    auto staffApi = newApi();
    StaffClient staff(staffApi.get());
    QVERIFY(waitFor<StaffLoginReply>([&](auto done) {
                staff.login(QStringLiteral("clerk"), QStringLiteral("Demo1234"), this, done);
            }).ok());
    auto key = crypto::Key::generate(crypto::Algorithm::EcdsaP256Sha256);
    QVERIFY(key.ok());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QJsonObject body{{QStringLiteral("unit_no"), DemoCertUnit},
                           {QStringLiteral("public_key_pem"), QString::fromLatin1(key.value().publicPem())},
                           {QStringLiteral("not_before"), now.addDays(-30).toString(Qt::ISODate)},
                           {QStringLiteral("not_after"), now.addDays(-1).toString(Qt::ISODate)}};
    const auto issued = waitFor<QJsonDocument>(
        [&](auto done) { staffApi->postJson(QStringLiteral("/staff/certificates/issue"), body, {}, this, done); });
    QVERIFY2(issued.ok(), qPrintable(issued ? QString() : message(issued.error())));
    auto certificate = crypto::Certificate::fromPem(
        issued.value().object().value(QLatin1String("certificate_pem")).toString().toLatin1());
    QVERIFY(certificate.ok());
    crypto::Credential credential;
    credential.key = std::move(key).value();
    credential.certificate = certificate.value();
    auto api = newApi();
    const auto login = certificateLogin(*api, DemoCertUnit, std::make_shared<SoftwareSigner>(std::move(credential)));
    QVERIFY(!login.ok());
    QCOMPARE(login.error().code, QStringLiteral("cert.expired"));
}

test::ProcessRun TestCertLoginE2e::admin(const QStringList &arguments, const QByteArray &input)
{
    const QStringList connection{QStringLiteral("--server"), m_server.baseUrl().toString(), QStringLiteral("--ca"),
                                 m_server.caFile(), QStringLiteral("--staff"), QStringLiteral("clerk"),
                                 QStringLiteral("--password-stdin")};
    return test::ProcessRun::run(m_admin, connection + arguments, input);
}

std::unique_ptr<ApiClient> TestCertLoginE2e::newApi() const
{
    auto api = std::make_unique<ApiClient>();
    api->setBaseUrl(m_server.baseUrl());
    if (!api->addCaCertificatesFromFile(m_server.caFile()))
        return nullptr;
    return api;
}

Result<LoginReply> TestCertLoginE2e::certificateLogin(ApiClient &api, const QString &unit, std::shared_ptr<Signer> signer)
{
    auto reply = waitFor<LoginReply>([&](auto done) { api.certificateLogin(unit, signer, this, done); });
    if (reply) {
        api.setToken(reply.value().token);
        api.setSigner(signer);
    }
    return reply;
}

Result<QList<ChangeRequest>> TestCertLoginE2e::changePhone(ApiClient &api, const QString &phone)
{
    ChangeService changes(&api, nullptr);
    ChangeSubmission change;
    change.after = {{QStringLiteral("contact_phone"), phone}};
    return waitFor<QList<ChangeRequest>>([&](auto done) { changes.submit(change, this, done); });
}

QTEST_MAIN(TestCertLoginE2e)
#include "tst_certlogin_e2e.moc"
