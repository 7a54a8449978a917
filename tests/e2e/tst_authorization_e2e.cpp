// Issue 3, end to end against a real shebao-server (--demo) and the real shebao-admin:
// ordinary login → 403 for business → application saved, confirmed → 《用户承诺书》 PDF (pdftotext)
// → refused uploads (client side) → scan upload → counter activates → the client notices the
// new level at its next request → the business action succeeds.
#include <QBuffer>
#include <QCryptographicHash>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "ProcessRun.h"
#include "ServerProcess.h"
#include "app/ApiClient.h"
#include "app/AppContext.h"
#include "app/AuthorizationService.h"
#include "app/ChangeService.h"
#include "app/LoginService.h"
#include "app/Session.h"
#include "app/Settings.h"
#include "models/cache/LocalCache.h"

using namespace shebao;

namespace {

const QString OrdinaryUnit = QStringLiteral("43010000002");
const QString NotAuthorizedDetail = QStringLiteral(
    "本单位尚未开通网上经办权限（普通用户），不能办理此业务。请在“系统管理 → 授权申请”中提交申请，打印《用户承诺书》"
    "加盖单位公章并上传，再到天心区人社局二楼社保征缴中心单位业务窗口开通权限。");

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

QByteArray pngBytes()
{
    QImage image(400, 300, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setPen(Qt::red);
    painter.drawEllipse(QPoint(200, 150), 80, 80);
    painter.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

bool hasCjk(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF; });
}

} // namespace

class TestAuthorizationE2e : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void ordinaryAccountIsRefusedBusiness();
    void saveAndConfirm();
    void letterPdf();
    void refusedUploadsNeverLeaveTheClient_data();
    void refusedUploadsNeverLeaveTheClient();
    void uploadScan();
    void counterActivatesAndClientNotices();
    void businessActionNowAllowed();

private:
    test::ProcessRun admin(const QStringList &arguments);
    Result<AuthorizationApplication> refresh();

    QString m_admin;
    test::ServerProcess m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<AppContext> m_app;
    std::unique_ptr<AuthorizationService> m_authorization;
    QByteArray m_png;
};

void TestAuthorizationE2e::initTestCase()
{
    m_admin = test::binaryFromEnv("SHEBAO_ADMIN_BIN");
    QVERIFY2(!m_admin.isEmpty(), "SHEBAO_ADMIN_BIN is not set (run the test through ctest)");
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));

    auto settings = std::make_unique<Settings>(
        std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat));
    settings->setServerUrl(m_server.baseUrl());
    settings->setCaFile(m_server.caFile());
    m_app = std::make_unique<AppContext>(std::move(settings));
    m_app->login().setCacheRoot(m_dir.filePath(QStringLiteral("cache")));
    m_authorization = std::make_unique<AuthorizationService>(&m_app->api(), &m_app->session());

    QSignalSpy loggedIn(&m_app->login(), &LoginService::loggedIn);
    QSignalSpy failed(&m_app->login(), &LoginService::failed);
    m_app->login().login(OrdinaryUnit, QStringLiteral("Demo1234"));
    QVERIFY(loggedIn.wait(30000));
    QCOMPARE(failed.count(), 0);
    QCOMPARE(m_app->session().level(), AccountLevel::Ordinary);
    QVERIFY(!m_app->session().canDoBusiness());
    m_png = pngBytes();
    QVERIFY(m_png.size() > 100);
}

void TestAuthorizationE2e::ordinaryAccountIsRefusedBusiness()
{
    ChangeSubmission change;
    change.after = {{QStringLiteral("contact_phone"), QStringLiteral("13900001111")}};
    const auto reply = waitFor<QList<ChangeRequest>>([&](auto done) { m_app->changes().submit(change, this, done); });
    QVERIFY(!reply.ok());
    QCOMPARE(reply.error().code, QStringLiteral("auth.not_authorized"));
    QCOMPARE(reply.error().message, NotAuthorizedDetail);

    // No application yet: the wizard starts at the beginning.
    const auto none = refresh();
    QVERIFY(!none.ok());
    QCOMPARE(none.error().code, QStringLiteral("authorization.none"));
    QVERIFY(m_authorization->isLoaded());
    QVERIFY(!m_authorization->application());
    QCOMPARE(m_authorization->resumeStep(), AuthorizationService::Step::Enter);
}

void TestAuthorizationE2e::saveAndConfirm()
{
    // Invalid input comes back per field, in Chinese.
    Applicant bad{QStringLiteral("张"), QStringLiteral("430102199001011230"), QStringLiteral("123"),
                  QStringLiteral("not-an-email")};
    const auto refused = waitFor<AuthorizationApplication>([&](auto done) { m_authorization->save(bad, done); });
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, QStringLiteral("request.invalid"));
    QVERIFY(hasCjk(refused.error().message));

    Applicant applicant{QStringLiteral("李经办"), QStringLiteral("430102199001011238"), QStringLiteral("13812345678"),
                        QStringLiteral("li.jingban@example.cn")};
    QSignalSpy changed(m_authorization.get(), &AuthorizationService::changed);
    const auto saved = waitFor<AuthorizationApplication>([&](auto done) { m_authorization->save(applicant, done); });
    QVERIFY2(saved.ok(), qPrintable(saved ? QString() : message(saved.error())));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(saved.value().state, AuthorizationState::Saved);
    QCOMPARE(saved.value().applicant, applicant);
    QVERIFY2(QRegularExpression(QStringLiteral("^SQ\\d{12}$")).match(saved.value().applicationNo).hasMatch(),
             qPrintable(saved.value().applicationNo));
    QCOMPARE(saved.value().unit.unitNo, OrdinaryUnit);
    QCOMPARE(m_authorization->resumeStep(), AuthorizationService::Step::Confirm);

    // Cannot upload before confirming.
    const auto early = waitFor<AuthorizationApplication>(
        [&](auto done) { m_authorization->uploadScanBytes(QStringLiteral("scan.png"), m_png, done); });
    QVERIFY(!early.ok());
    QCOMPARE(early.error().code, QStringLiteral("authorization.state"));

    const auto confirmed = waitFor<AuthorizationApplication>([&](auto done) { m_authorization->confirm(done); });
    QVERIFY2(confirmed.ok(), qPrintable(confirmed ? QString() : message(confirmed.error())));
    QCOMPARE(confirmed.value().state, AuthorizationState::Confirmed);
    QVERIFY(confirmed.value().confirmedAt.isValid());
    QCOMPARE(m_authorization->resumeStep(), AuthorizationService::Step::Print);

    // A fresh service (the next login) resumes at the same step.
    AuthorizationService again(&m_app->api(), &m_app->session());
    const auto loaded = waitFor<AuthorizationApplication>([&](auto done) { again.refresh(done); });
    QVERIFY(loaded.ok());
    QCOMPARE(again.resumeStep(), AuthorizationService::Step::Print);
}

void TestAuthorizationE2e::letterPdf()
{
    const QString pdf = m_dir.filePath(QStringLiteral("承诺书.pdf"));
    const auto record = m_authorization->writeLetterPdf(pdf);
    QVERIFY2(record.ok(), qPrintable(record ? QString() : message(record.error())));
    QCOMPARE(record.value().formId, QStringLiteral("authorization-letter"));
    QVERIFY(record.value().pages >= 1);
    QCOMPARE(record.value().dataSha256.size(), 64);
    QVERIFY(QFileInfo(pdf).size() > 1000);

    QProcess pdftotext;
    pdftotext.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    QVERIFY(pdftotext.waitForFinished(30000));
    QCOMPARE(pdftotext.exitCode(), 0);
    // pdftotext drops the narrow spaces between CJK characters: compare without blanks.
    const QString text = QString::fromUtf8(pdftotext.readAllStandardOutput()).remove(u' ');
    const AuthorizationApplication &a = *m_authorization->application();
    QVERIFY(!a.unit.name.isEmpty());
    QVERIFY2(text.contains(a.unit.name), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("李经办")));
    QVERIFY(text.contains(QStringLiteral("430102199001011238")));
    QVERIFY(text.contains(a.applicationNo));
    QVERIFY(text.contains(QStringLiteral("用户承诺书")));

    // Recorded in the unit's cache; the wizard now resumes at the upload.
    const auto printed = m_app->session().cache()->printedForms(QStringLiteral("authorization-letter"));
    QVERIFY(printed.ok());
    QCOMPARE(printed.value().size(), 1);
    QCOMPARE(printed.value().first().file, QFileInfo(pdf).absoluteFilePath());
    QCOMPARE(printed.value().first().dataSha256, record.value().dataSha256);
    QCOMPARE(m_authorization->resumeStep(), AuthorizationService::Step::Upload);
}

void TestAuthorizationE2e::refusedUploadsNeverLeaveTheClient_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("code");
    QByteArray exe("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xFF\xFF\x00\x00", 16);
    exe += QByteArray(2000, 'x');
    QTest::newRow("program renamed to .jpg") << QStringLiteral("承诺书.jpg") << exe << QStringLiteral("upload.type");
    QByteArray big = pngBytes();
    big.insert(8, QByteArray(6 * 1024 * 1024, '\0'));
    QTest::newRow("6 MB") << QStringLiteral("big.png") << big << QStringLiteral("upload.too_large");
    QTest::newRow("empty") << QStringLiteral("empty.pdf") << QByteArray() << QStringLiteral("upload.empty");
    const QByteArray png = pngBytes();
    QTest::newRow("truncated PNG") << QStringLiteral("half.png") << png.left(png.size() / 2)
                                   << QStringLiteral("upload.truncated");
}

void TestAuthorizationE2e::refusedUploadsNeverLeaveTheClient()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, code);
    const QString path = m_dir.filePath(fileName);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(bytes), bytes.size());
    }
    QSignalSpy failed(m_authorization.get(), &AuthorizationService::failed);
    const auto r = waitFor<AuthorizationApplication>([&](auto done) { m_authorization->uploadScan(path, done); });
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, code);
    QVERIFY2(hasCjk(r.error().message), qPrintable(r.error().message));
    QCOMPARE(failed.count(), 1);
    // Nothing reached the server: still confirmed, no scan.
    const auto now = refresh();
    QVERIFY(now.ok());
    QCOMPARE(now.value().state, AuthorizationState::Confirmed);
    QVERIFY(!now.value().scan);
}

void TestAuthorizationE2e::uploadScan()
{
    // A name that needs percent-encoding in X-File-Name.
    const QString name = QStringLiteral("承诺书 扫描件（盖章）.png");
    const QString path = m_dir.filePath(name);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(m_png);
    }
    const auto uploaded = waitFor<AuthorizationApplication>([&](auto done) { m_authorization->uploadScan(path, done); });
    QVERIFY2(uploaded.ok(), qPrintable(uploaded ? QString() : message(uploaded.error())));
    QCOMPARE(uploaded.value().state, AuthorizationState::Uploaded);
    QVERIFY(uploaded.value().scan);
    QCOMPARE(uploaded.value().scan->fileName, name);
    QCOMPARE(uploaded.value().scan->kind, QStringLiteral("PNG"));
    QCOMPARE(uploaded.value().scan->size, m_png.size());
    QCOMPARE(uploaded.value().scan->sha256,
             QString::fromLatin1(QCryptographicHash::hash(m_png, QCryptographicHash::Sha256).toHex()));
    QCOMPARE(uploaded.value().counterAddress, QStringLiteral("天心区人社局二楼社保征缴中心单位业务窗口"));
    QCOMPARE(m_authorization->resumeStep(), AuthorizationService::Step::Waiting);
}

void TestAuthorizationE2e::counterActivatesAndClientNotices()
{
    const test::ProcessRun listed = admin({QStringLiteral("--json"), QStringLiteral("authorizations"),
                                           QStringLiteral("list"), QStringLiteral("--state"), QStringLiteral("uploaded")});
    QVERIFY2(listed.exitCode == 0, listed.describe().constData());
    qint64 id = 0;
    for (const QJsonValue &v : QJsonDocument::fromJson(listed.out).object().value(QLatin1String("items")).toArray()) {
        if (v.toObject().value(QLatin1String("unit_no")).toString() == OrdinaryUnit)
            id = v.toObject().value(QLatin1String("id")).toInteger();
    }
    QCOMPARE(id, m_authorization->application()->id);

    // The clerk looks at the scan: the very bytes uploaded.
    const QString scanOut = m_dir.filePath(QStringLiteral("counter-scan.png"));
    const test::ProcessRun shown = admin({QStringLiteral("authorizations"), QStringLiteral("show"),
                                          QString::number(id), QStringLiteral("--scan-out"), scanOut});
    QVERIFY2(shown.exitCode == 0, shown.describe().constData());
    QVERIFY(QString::fromUtf8(shown.out).contains(QStringLiteral("李经办")));
    QFile scan(scanOut);
    QVERIFY(scan.open(QIODevice::ReadOnly));
    QCOMPARE(scan.readAll(), m_png);

    QSignalSpy levelChanged(&m_app->api(), &ApiClient::accountLevelChanged);
    QSignalSpy sessionChanged(&m_app->session(), &Session::changed);
    const test::ProcessRun activated = admin({QStringLiteral("authorizations"), QStringLiteral("activate"),
                                              QString::number(id)});
    QVERIFY2(activated.exitCode == 0, activated.describe().constData());
    QVERIFY(QString::fromUtf8(activated.out).contains(QStringLiteral("已开通")));
    // Activating twice is refused on its merits: exit 1.
    const test::ProcessRun twice = admin({QStringLiteral("authorizations"), QStringLiteral("activate"),
                                          QString::number(id)});
    QCOMPARE(twice.exitCode, 1);

    // Nothing happens in the client until it next talks to the server...
    QCOMPARE(levelChanged.count(), 0);
    QCOMPARE(m_app->session().level(), AccountLevel::Ordinary);
    // ...and then it knows at once.
    const auto now = refresh();
    QVERIFY(now.ok());
    QCOMPARE(now.value().state, AuthorizationState::Activated);
    QCOMPARE(levelChanged.count(), 1);
    QCOMPARE(levelChanged.first().first().value<AccountLevel>(), AccountLevel::Authorized);
    QCOMPARE(m_app->session().level(), AccountLevel::Authorized);
    QVERIFY(sessionChanged.count() >= 1);
    QVERIFY(m_app->session().canDoBusiness());
    QCOMPARE(m_authorization->resumeStep(), AuthorizationService::Step::Activated);
}

void TestAuthorizationE2e::businessActionNowAllowed()
{
    // 信息维护's non-key fields (issue 5's POST /changes) apply at once.
    ChangeSubmission change;
    change.after = {{QStringLiteral("contact_phone"), QStringLiteral("13900001111")},
                    {QStringLiteral("contact_name"), QStringLiteral("王联系")}};
    const auto reply = waitFor<QList<ChangeRequest>>([&](auto done) { m_app->changes().submit(change, this, done); });
    QVERIFY2(reply.ok(), qPrintable(reply ? QString() : message(reply.error())));
    QCOMPARE(reply.value().size(), 1);
    QCOMPARE(reply.value().first().state, ChangeState::Applied);
    QCOMPARE(reply.value().first().unitNo, OrdinaryUnit);
    QCOMPARE(reply.value().first().fields.size(), 2);

    // Key information needs its proof.
    ChangeSubmission key;
    key.after = {{QStringLiteral("name"), QStringLiteral("新名称")}};
    const auto refused = waitFor<QList<ChangeRequest>>([&](auto done) { m_app->changes().submit(key, this, done); });
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, QStringLiteral("attachment.missing"));
}

test::ProcessRun TestAuthorizationE2e::admin(const QStringList &arguments)
{
    const QStringList connection{QStringLiteral("--server"), m_server.baseUrl().toString(), QStringLiteral("--ca"),
                                 m_server.caFile(), QStringLiteral("--staff"), QStringLiteral("clerk"),
                                 QStringLiteral("--password-stdin")};
    return test::ProcessRun::run(m_admin, connection + arguments, "Demo1234\n");
}

Result<AuthorizationApplication> TestAuthorizationE2e::refresh()
{
    return waitFor<AuthorizationApplication>([&](auto done) { m_authorization->refresh(done); });
}

QTEST_MAIN(TestAuthorizationE2e)
#include "tst_authorization_e2e.moc"
