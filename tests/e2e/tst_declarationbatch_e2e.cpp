// 申报 through the client's DeclarationService against a real shebao-server over HTTPS: a
// batch of pending items with 报送人 and 联系电话 (local checks first, the server's refusals with
// its message), 申报查询, a retried 申报 after a lost answer is one batch (through the loopback
// proxy that loses answers), and a certificate user's signed batch through the desktop's
// AppContext takes effect at once.
#include <QFile>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "CuttingProxy.h"
#include "DeclarationFixtures.h"
#include "DeskClient.h"
#include "ServerProcess.h"
#include "ServerQueries.h"
#include "app/AppContext.h"
#include "app/LoginService.h"
#include "app/Settings.h"
#include "app/SoftwareSigner.h"

using namespace shebao;
using test::waitFor;

namespace {

const QString Password = QStringLiteral("Demo1234");
const QString Authorized = QStringLiteral("43010000001");
const QString CertificateUnit = QStringLiteral("43010000003");

bool hasChinese(const QString &text)
{
    static const QRegularExpression han(QStringLiteral("[\\x{4e00}-\\x{9fff}]"));
    return han.match(text).hasMatch();
}

} // namespace

class TestDeclarationBatchE2e : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void declareMakesABatch();
    void lostDeclareAnswerDeclaresOnce();
    void certificateUsersSignedBatchTakesEffect();

private:
    std::unique_ptr<test::DeskClient> desk();
    QList<DeclarationItem> serverItems(const QString &idNumber, ItemState state = ItemState::Pending)
    {
        return test::serverItems(*m_direct, idNumber, state);
    }

    test::ServerProcess m_server;
    test::CuttingProxy m_proxy;
    QTemporaryDir m_dir;
    std::unique_ptr<ApiClient> m_direct;
};

void TestDeclarationBatchE2e::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    QVERIFY(m_proxy.listen());
    m_proxy.setBackendPort(quint16(m_server.baseUrl().port()));
    m_direct = std::make_unique<ApiClient>();
    m_direct->setBaseUrl(m_server.baseUrl());
    QVERIFY(m_direct->addCaCertificatesFromFile(m_server.caFile()).ok());
    auto login = waitFor<LoginReply>([&](auto done) { m_direct->login(Authorized, Password, this, done); });
    QVERIFY(login.ok());
    m_direct->setToken(login.value().token);
}

std::unique_ptr<test::DeskClient> TestDeclarationBatchE2e::desk()
{
    auto client = std::make_unique<test::DeskClient>(
        QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_proxy.port())), m_server.caFile());
    auto login = client->login(Authorized, Password, m_dir.filePath(QStringLiteral("desk.sqlite")));
    if (!login)
        qWarning() << "login failed:" << login.error().code << login.error().detail;
    client->flush();
    return client;
}

void TestDeclarationBatchE2e::declareMakesABatch()
{
    auto client = desk();
    const DeclarationItem a = test::newPersonItem(QStringLiteral("冯一"));
    const DeclarationItem b = test::newPersonItem(QStringLiteral("褚二"));
    const qint64 idA = client->submit(a).value().item.id;
    const qint64 idB = client->submit(b).value().item.id;
    QVERIFY(idA > 0 && idB > 0);

    // Local checks first: nothing is sent for a bad phone number.
    auto badPhone = waitFor<DeclarationBatch>([&](auto done) {
        client->declarations->declare({idA, idB}, QStringLiteral("张三"), QStringLiteral("12345"), this, done);
    });
    QCOMPARE(badPhone.error().code, QStringLiteral("phone.invalid"));
    QCOMPARE(badPhone.error().field, QStringLiteral("phone"));
    auto badReporter = waitFor<DeclarationBatch>([&](auto done) {
        client->declarations->declare({idA, idB}, QStringLiteral("张"), QStringLiteral("13812345678"), this, done);
    });
    QCOMPARE(badReporter.error().code, QStringLiteral("name.invalid"));
    QCOMPARE(badReporter.error().field, QStringLiteral("reporter"));
    QVERIFY2(badReporter.error().message.startsWith(QStringLiteral("报送人")), qPrintable(badReporter.error().message));
    auto none = waitFor<DeclarationBatch>([&](auto done) {
        client->declarations->declare({}, QStringLiteral("张三"), QStringLiteral("13812345678"), this, done);
    });
    QCOMPARE(none.error().code, QStringLiteral("batch.empty"));
    QVERIFY(serverItems(a.idNumber).size() == 1); // nothing was sent

    QSignalSpy changed(client->declarations.get(), &DeclarationService::changed);
    auto batch = waitFor<DeclarationBatch>([&](auto done) {
        client->declarations->declare({idA, idB}, QStringLiteral("张三"), QStringLiteral("0731-88886666"), this, done);
    });
    QVERIFY2(batch.ok(), qPrintable(batch.ok() ? QString() : batch.error().message));
    QVERIFY(!batch.value().batchNo.isEmpty());
    QCOMPARE(batch.value().state, BatchState::AwaitingPaper); // an authorized unit: the stamped form is due
    QCOMPARE(batch.value().itemCount, 2);
    QCOMPARE(batch.value().items.size(), 2);
    QCOMPARE(batch.value().reporter, QStringLiteral("张三"));
    QVERIFY(!batch.value().isSigned);
    QCOMPARE(changed.count(), 1);
    QVERIFY(serverItems(a.idNumber).isEmpty()); // no longer pending
    QCOMPARE(serverItems(a.idNumber, ItemState::Declared).size(), 1);

    auto listed = waitFor<QList<DeclarationBatch>>([&](auto done) {
        client->declarations->batches(BatchState::AwaitingPaper, this, done);
    });
    QVERIFY(listed.ok());
    QVERIFY(std::any_of(listed.value().cbegin(), listed.value().cend(),
                        [&](const DeclarationBatch &x) { return x.batchNo == batch.value().batchNo; }));
    auto detail = waitFor<DeclarationBatch>([&](auto done) {
        client->declarations->batch(batch.value().batchNo, this, done);
    });
    QVERIFY(detail.ok());
    QCOMPARE(detail.value().items.size(), 2);
    QVERIFY(!detail.value().history.isEmpty());

    // Declaring the same items again is the server's refusal, with its message.
    auto again = waitFor<DeclarationBatch>([&](auto done) {
        client->declarations->declare({idA}, QStringLiteral("张三"), QStringLiteral("0731-88886666"), this, done);
    });
    QCOMPARE(again.error().code, QStringLiteral("item.not_pending"));
    QVERIFY(hasChinese(again.error().message));
}

void TestDeclarationBatchE2e::lostDeclareAnswerDeclaresOnce()
{
    auto client = desk();
    const DeclarationItem a = test::newPersonItem(QStringLiteral("卫三"));
    const qint64 id = client->submit(a).value().item.id;
    m_proxy.setCutAnswers(true);
    auto lost = waitFor<DeclarationBatch>([&](auto done) {
        client->declarations->declare({id}, QStringLiteral("李四"), QStringLiteral("13812345678"), this, done);
    });
    m_proxy.setCutAnswers(false);
    QVERIFY(!lost.ok());
    QVERIFY(lost.error().code.startsWith(QLatin1String("net.")));
    QCOMPARE(serverItems(a.idNumber, ItemState::Declared).size(), 1); // the server declared it
    // 申报 pressed again: the same key, the first answer.
    auto replay = waitFor<DeclarationBatch>([&](auto done) {
        client->declarations->declare({id}, QStringLiteral("李四"), QStringLiteral("13812345678"), this, done);
    });
    QVERIFY2(replay.ok(), qPrintable(replay.ok() ? QString() : replay.error().code));
    QCOMPARE(replay.value().items.size(), 1);
    QCOMPARE(replay.value().batchNo, serverItems(a.idNumber, ItemState::Declared).first().batchNo);
}

void TestDeclarationBatchE2e::certificateUsersSignedBatchTakesEffect()
{
    // The desktop's composition root, logged in with the demo certificate (SM2).
    auto settings = std::make_unique<Settings>(
        std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat));
    settings->setServerUrl(m_server.baseUrl());
    settings->setCaFile(m_server.caFile());
    AppContext app(std::move(settings));
    app.login().setCacheRoot(m_dir.filePath(QStringLiteral("cache")));
    QFile pinFile(m_server.dataDir() + QStringLiteral("/demo/43010000003.pin.txt"));
    QVERIFY(pinFile.open(QIODevice::ReadOnly));
    auto signer = SoftwareSigner::fromPkcs12File(m_server.dataDir() + QStringLiteral("/demo/43010000003.p12"),
                                                 pinFile.readAll().trimmed());
    QVERIFY(signer.ok());
    QSignalSpy loggedIn(&app.login(), &LoginService::loggedIn);
    app.login().loginWithCertificate(CertificateUnit, signer.value());
    QVERIFY(loggedIn.wait(20000));
    QCOMPARE(app.session().level(), AccountLevel::Certificate);

    const DeclarationItem item = test::newPersonItem(QStringLiteral("蒋四"));
    auto entry = waitFor<OutboxEntry>([&](auto done) { app.outbox().submit(item, done); });
    QVERIFY(entry.ok());
    QVERIFY2(entry.value().state == OutboxEntry::State::Sent, qPrintable(entry.value().error.message));
    auto batch = waitFor<DeclarationBatch>([&](auto done) {
        app.declarations().declare({entry.value().item.id}, QStringLiteral("王五"), QStringLiteral("0731-84445555"),
                                   this, done);
    });
    QVERIFY2(batch.ok(), qPrintable(batch.ok() ? QString() : batch.error().message));
    QVERIFY(batch.value().isSigned);
    QCOMPARE(batch.value().state, BatchState::Effective); // no paper: accepted and effective at once
    QVERIFY(std::any_of(batch.value().history.cbegin(), batch.value().history.cend(),
                        [](const BatchEvent &e) { return e.state == BatchState::Accepted; }));
    auto looked = waitFor<PersonLookup>([&](auto done) { app.declarations().lookup(item.idNumber, this, done); });
    QVERIFY(looked.ok());
    QVERIFY(looked.value().known);
    QVERIFY(looked.value().activeHere);
}

QTEST_MAIN(TestDeclarationBatchE2e)
#include "tst_declarationbatch_e2e.moc"
