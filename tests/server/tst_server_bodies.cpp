// Hostile request bodies, generated from docs/openapi.yaml: every documented POST gets, with a
// valid token of the right kind, a body over the 5 MB limit (sent, and only announced), a body
// cut short with the connection closed, 4.5 MB of well-formed JSON with every list and text the
// API knows grown huge, JSON nested 100,000 deep and 1,000 deep, the right members with the
// wrong JSON types, a Windows program and a truncated multipart form. Every answer is a 4xx
// problem (never a 5xx), the server keeps answering, and nothing changes (a digest of every
// business table). The two uploads also get disguised programs and other file types.
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <functional>
#include <tuple>

#include "DatabaseDigest.h"
#include "OpenApiOperations.h"
#include "RawHttps.h"
#include "ServerFixture.h"
#include "ServerTestData.h"

using namespace shebao::test;

namespace {

// Every list and text member the API's POST bodies have, each far beyond any rule.
QByteArray hugeJson()
{
    QJsonArray numbers;
    for (int i = 0; i < 90000; ++i)
        numbers.append(i + 1);
    QJsonArray objects;
    const QJsonObject one{{QStringLiteral("kind"), QStringLiteral("add")}, {QStringLiteral("name"), QString(20, u'张')},
                          {QStringLiteral("id_number"), QStringLiteral("430103199001011234")}};
    for (int i = 0; i < 15000; ++i)
        objects.append(one);
    const QString longText(10000, u'长');
    QJsonObject changes;
    for (int i = 0; i < 2000; ++i)
        changes.insert(QStringLiteral("field_%1").arg(i), longText.left(100));
    QJsonObject o{{QStringLiteral("items"), objects},
                  {QStringLiteral("item_ids"), numbers},
                  {QStringLiteral("attachments"), numbers},
                  {QStringLiteral("insurances"), numbers},
                  {QStringLiteral("changes"), changes}};
    for (const char *text : {"unit_no", "password", "username", "name", "purpose", "reason", "reporter", "phone",
                             "kind", "person_no", "id_number", "current_password", "new_password", "challenge",
                             "signature", "certificate_pem", "target", "note"})
        o.insert(QLatin1String(text), longText);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// The same members with every JSON type but the right one.
QByteArray wrongTypes()
{
    QJsonObject o;
    for (const char *member : {"items", "item_ids", "attachments", "insurances", "changes", "applicant"})
        o.insert(QLatin1String(member), QStringLiteral("x"));
    for (const char *member : {"unit_no", "password", "username", "name", "purpose", "reason", "reporter", "phone",
                               "kind", "person_no", "id_number", "current_password", "new_password", "target"})
        o.insert(QLatin1String(member), QJsonArray{QJsonObject{{QStringLiteral("a"), 1}}});
    o.insert(QStringLiteral("wage"), QJsonObject());
    o.insert(QStringLiteral("start_month"), 202612);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray nested(int depth, bool closed)
{
    QByteArray b;
    for (int i = 0; i < depth; ++i)
        b += "{\"a\":";
    b += "1";
    if (closed)
        b += QByteArray(depth, '}');
    return b;
}

QByteArray windowsProgram()
{
    QByteArray pe("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xFF\xFF\x00\x00", 16);
    pe += QByteArray(0x3C - pe.size(), '\0');
    pe += QByteArray("\x80\x00\x00\x00", 4); // e_lfanew
    pe += QByteArray(0x80 - pe.size(), '\0');
    pe += QByteArray("PE\x00\x00\x4C\x01", 6);
    pe += QByteArray(4000, 'x');
    return pe;
}

QByteArray truncatedMultipart()
{
    return "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scan.png\"\r\n"
           "Content-Type: image/png\r\n\r\n" + data::png().left(30);
}

} // namespace

class TestServerBodies : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void hostileBodiesRefused_data();
    void hostileBodiesRefused();
    void bodiesCutShortLeaveNothing_data();
    void bodiesCutShortLeaveNothing();
    void uploadsRefuseWhatIsNoScan_data();
    void uploadsRefuseWhatIsNoScan();

private:
    // A client logged in as whoever may use the operation (none for public ones).
    std::unique_ptr<HttpsClient> clientFor(const ApiOperation &op);
    // One request's answer must be a 4xx problem; the slowest is remembered.
    void expectRefused(const ApiOperation &op, const QString &what, const std::function<HttpResult()> &send);

    std::unique_ptr<TestBackend> m_backend;
    std::unique_ptr<ServerFixture> m_fixture;
    QList<ApiOperation> m_operations;
    QByteArray m_huge;
    int m_requests = 0;
    qint64 m_slowestMs = 0;
    QString m_slowest;
};

void TestServerBodies::initTestCase()
{
    QString error;
    m_operations = readOpenApiOperations(openApiFile(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_backend = std::make_unique<TestBackend>();
    QVERIFY2(m_backend->ok(), qPrintable(m_backend->error()));
    m_fixture = std::make_unique<ServerFixture>(*m_backend);
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->error()));
    m_huge = hugeJson();
    QVERIFY2(m_huge.size() > 4 * 1024 * 1024 && m_huge.size() < 5 * 1024 * 1024, QByteArray::number(m_huge.size()).constData());
    // The ordinary unit's application confirmed: its scan upload is past the state check and
    // its bytes are really looked at.
    auto ordinary = m_fixture->client();
    QCOMPARE(ordinary->login(data::Ordinary, data::Password).status, 200);
    QCOMPARE(ordinary->postJson(QStringLiteral("/api/v1/authorization"), data::applicant()).status, 200);
    QCOMPARE(ordinary->post(QStringLiteral("/api/v1/authorization/confirm"), {}).status, 200);
}

void TestServerBodies::cleanupTestCase()
{
    qInfo("hostile bodies: %d requests on every documented POST, all refused; slowest answer %lld ms (%s)", m_requests,
          m_slowestMs, qPrintable(m_slowest));
    m_fixture.reset();
    m_backend.reset();
}

void TestServerBodies::hostileBodiesRefused_data()
{
    QTest::addColumn<int>("index");
    for (int i = 0; i < m_operations.size(); ++i) {
        if (m_operations.at(i).method == u"POST")
            QTest::newRow(qPrintable(m_operations.at(i).key())) << i;
    }
}

std::unique_ptr<HttpsClient> TestServerBodies::clientFor(const ApiOperation &op)
{
    auto client = m_fixture->client();
    if (op.isPublic || op.path == u"/auth/logout")
        return client; // logout: a hostile body must not even reach the token check's effect
    const HttpResult login = op.isStaff()
        ? client->staffLogin(op.path.startsWith(QLatin1String("/staff/changes")) ? QStringLiteral("reviewer") : QStringLiteral("clerk"),
                             data::Password)
        // The scan belongs to the unit whose application waits for it; the rest to the authorized one.
        : client->login(op.path == u"/authorization/scan" ? data::Ordinary : data::Authorized, data::Password);
    if (login.status != 200)
        qWarning("login for %s: %d", qPrintable(op.key()), login.status);
    return client;
}

void TestServerBodies::expectRefused(const ApiOperation &op, const QString &what, const std::function<HttpResult()> &send)
{
    QElapsedTimer timer;
    timer.start();
    const HttpResult r = send();
    if (timer.elapsed() > m_slowestMs) {
        m_slowestMs = timer.elapsed();
        m_slowest = op.key() + QStringLiteral(", ") + what;
    }
    ++m_requests;
    const QString code = r.json().value(QLatin1String("code")).toString();
    QVERIFY2(r.status >= 400 && r.status < 500 && r.contentType == "application/problem+json" && !code.isEmpty(),
             qPrintable(QStringLiteral("%1, %2: %3 %4").arg(op.key(), what).arg(r.status).arg(QString::fromUtf8(r.body.left(300)))));
    if (what == u"6 MB")
        QCOMPARE(code, QStringLiteral("upload.too_large"));
}

void TestServerBodies::hostileBodiesRefused()
{
    QFETCH(int, index);
    const ApiOperation &op = m_operations.at(index);
    const QString path = QStringLiteral("/api/v1") + op.concrete({});
    auto client = clientFor(op);
    const QList<QPair<QString, QByteArray>> bodies{
        {QStringLiteral("6 MB"), QByteArray(6 * 1024 * 1024, '[')},
        {QStringLiteral("4.5 MB of JSON"), m_huge},
        {QStringLiteral("nested 100000 deep"), nested(100000, false)},
        {QStringLiteral("nested 1000 deep"), nested(1000, true)},
        {QStringLiteral("wrong JSON types"), wrongTypes()},
        {QStringLiteral("a Windows program"), windowsProgram()},
        {QStringLiteral("a truncated multipart form"), truncatedMultipart()},
    };
    // A well-formed body with a wrong password is a failed guess on a credential route: it counts
    // toward that account's lockout, as it must. Nothing else may change.
    QStringList excluded = BookkeepingTables;
    if (op.path == u"/auth/login" || op.path == u"/auth/password" || op.path == u"/staff/login")
        excluded << QStringLiteral("unit_accounts") << QStringLiteral("staff_accounts");
    auto &db = m_fixture->server().database();
    const Digest before = databaseDigest(db, excluded);
    for (const auto &[what, body] : bodies) {
        QList<QPair<QByteArray, QByteArray>> headers{{"X-Attachment-Kind", "business_licence"}};
        if (what.contains(QLatin1String("multipart")))
            headers.append(QPair<QByteArray, QByteArray>("Content-Type", "multipart/form-data; boundary=XyZ"));
        expectRefused(op, what, [&] { return client->send("POST", path, body, headers); });
        if (QTest::currentTestFailed())
            return;
    }
    const QStringList changed = changedTables(before, databaseDigest(db, excluded));
    QVERIFY2(changed.isEmpty(), qPrintable(op.key() + QStringLiteral(" changed ") + changed.join(u',')));
    QCOMPARE(m_fixture->client()->get(QStringLiteral("/api/v1/health")).status, 200);
}

void TestServerBodies::bodiesCutShortLeaveNothing_data()
{
    hostileBodiesRefused_data();
}

void TestServerBodies::bodiesCutShortLeaveNothing()
{
    // Bytes as a broken client or an attacker sends them: QNetworkAccessManager would not.
    QFETCH(int, index);
    const ApiOperation &op = m_operations.at(index);
    const QString path = QStringLiteral("/api/v1") + op.concrete({});
    auto client = clientFor(op);
    QList<QPair<QByteArray, QByteArray>> headers{{"Content-Type", "application/json"}, {"X-Attachment-Kind", "business_licence"}};
    if (!client->token().isEmpty())
        headers.append(QPair<QByteArray, QByteArray>("Authorization", "Bearer " + client->token().toLatin1()));
    auto &db = m_fixture->server().database();
    const Digest before = databaseDigest(db, BookkeepingTables);
    RawHttps raw(m_fixture->baseUrl(), m_fixture->caFile());
    const QByteArray json = QJsonDocument(data::applicant()).toJson(QJsonDocument::Compact);
    // 6 MB announced, a little sent, the connection closed.
    auto announced = headers;
    announced.append(QPair<QByteArray, QByteArray>("Content-Length", QByteArray::number(6 * 1024 * 1024)));
    HttpResult r = raw.exchange(RawHttps::request("POST", path, json, announced), true);
    QVERIFY2(r.status == 0 || r.status == 413, qPrintable(QStringLiteral("announced 6 MB: %1").arg(r.status)));
    // Half of a real body, then the connection closed: nothing may act on the half.
    auto cut = headers;
    cut.append(QPair<QByteArray, QByteArray>("Content-Length", QByteArray::number(json.size() * 2)));
    r = raw.exchange(RawHttps::request("POST", path, json, cut), true);
    QVERIFY2(r.status == 0 || (r.status >= 400 && r.status < 500), qPrintable(QStringLiteral("cut short: %1").arg(r.status)));
    m_requests += 2;
    const QStringList changed = changedTables(before, databaseDigest(db, BookkeepingTables));
    QVERIFY2(changed.isEmpty(), qPrintable(op.key() + QStringLiteral(" changed ") + changed.join(u',')));
    QCOMPARE(m_fixture->client()->get(QStringLiteral("/api/v1/health")).status, 200);
}

void TestServerBodies::uploadsRefuseWhatIsNoScan_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("fileName");
    QTest::addColumn<QByteArray>("declaredType");
    const QByteArray png = data::png();
    const QByteArray pe = windowsProgram();
    const QByteArray iend = png.right(12);
    const QList<std::tuple<const char *, QByteArray, QByteArray, QByteArray>> files{
        {"program named .png", pe, "scan.png", "image/png"},
        {"Linux program named .jpg", QByteArray("\x7F" "ELF\x02\x01\x01\x00", 8) + QByteArray(2000, '\1'), "scan.jpg", "image/jpeg"},
        {"program inside a PNG", png.left(33) + pe + iend, "scan.png", "image/png"},
        {"program inside a JPEG", QByteArray("\xFF\xD8\xFF\xE0", 4) + pe + QByteArray("\xFF\xD9", 2), "scan.jpg", "image/jpeg"},
        {"program inside a PDF", QByteArray("%PDF-1.4\n") + pe + QByteArray("\n%%EOF\n"), "scan.pdf", "application/pdf"},
        {"HTML page", QByteArray("<!DOCTYPE html><script>alert(1)</script>"), "scan.png", "image/png"},
        {"SVG with a script", QByteArray("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"), "scan.svg",
         "image/svg+xml"},
        {"Word document", QByteArray("PK\x03\x04\x14\x00\x06\x00", 8) + QByteArray(3000, 'w'), "scan.docx",
         "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
        {"GIF", QByteArray("GIF89a\x01\x00\x01\x00\x00\x00\x00;", 14), "scan.gif", "image/gif"},
        {"empty", QByteArray(), "scan.png", "image/png"},
        {"truncated PNG", png.left(png.size() - 12), "scan.png", "image/png"},
        {"truncated multipart", truncatedMultipart(), "scan.png", "multipart/form-data; boundary=XyZ"},
    };
    for (int i = 0; i < m_operations.size(); ++i) {
        if (!m_operations.at(i).isUpload())
            continue;
        for (const auto &[name, bytes, fileName, type] : files)
            QTest::newRow(qPrintable(m_operations.at(i).key() + QStringLiteral(": ") + QLatin1String(name)))
                << i << bytes << fileName << type;
    }
}

void TestServerBodies::uploadsRefuseWhatIsNoScan()
{
    QFETCH(int, index);
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, fileName);
    QFETCH(QByteArray, declaredType);
    const ApiOperation &op = m_operations.at(index);
    auto client = clientFor(op);
    auto &db = m_fixture->server().database();
    const Digest before = databaseDigest(db, BookkeepingTables);
    expectRefused(op, QString::fromLatin1(fileName), [&] {
        return client->send("POST", QStringLiteral("/api/v1") + op.path, bytes,
                            {{"Content-Type", declaredType}, {"X-File-Name", fileName}, {"X-Attachment-Kind", "business_licence"}});
    });
    const QStringList changed = changedTables(before, databaseDigest(db, BookkeepingTables));
    QVERIFY2(changed.isEmpty(), qPrintable(op.key() + QStringLiteral(" changed ") + changed.join(u',')));
}

QTEST_GUILESS_MAIN(TestServerBodies)
#include "tst_server_bodies.moc"
