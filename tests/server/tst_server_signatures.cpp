// Signed submissions: every business POST of a certificate session carries X-Signature (DER,
// base64, over the exact body) and X-Signature-Serial; the server verifies and stores it.
// Authorized (password) sessions need none.
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include "ServerFixture.h"
#include "ServerTestData.h"
#include "crypto/Certificate.h"
#include "crypto/Key.h"

using namespace shebao;
using namespace shebao::test;
using namespace shebao::test::data;

Q_DECLARE_METATYPE(shebao::crypto::Algorithm)

namespace {
const QString ChangesPath = QStringLiteral("/api/v1/changes");

// A 信息维护 submission of one non-key field: applied at once.
QByteArray changeBody(const QString &contactName)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("target"), QStringLiteral("unit")},
                                     {QStringLiteral("changes"), QJsonObject{{QStringLiteral("contact_name"), contactName}}}})
        .toJson(QJsonDocument::Compact);
}
} // namespace

class TestServerSignatures : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void certificateSessionMustSign_data();
    void certificateSessionMustSign();
    void passwordSessionOfCertificateUnitCannotSign();
    void revokedAfterLoginRefused();
    void authorizedSessionNeedsNoSignature();

private:
    struct Holder
    {
        crypto::Key key;
        QByteArray pem;
        QString serial;
    };
    bool issue(crypto::Algorithm algorithm, Holder *holder);
    QString contactName();
    int signatures();

    std::unique_ptr<TestBackend> m_backend;
    std::unique_ptr<ServerFixture> m_fixture;
    std::unique_ptr<HttpsClient> m_clerk;
};

void TestServerSignatures::initTestCase()
{
    m_backend = std::make_unique<TestBackend>();
    QVERIFY2(m_backend->ok(), qPrintable(m_backend->error()));
    m_fixture = std::make_unique<ServerFixture>(*m_backend);
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->error()));
    m_clerk = m_fixture->client();
    QCOMPARE(m_clerk->staffLogin(QStringLiteral("clerk"), Password).status, 200);
}

void TestServerSignatures::cleanupTestCase()
{
    m_clerk.reset();
    m_fixture.reset();
    m_backend.reset();
}

bool TestServerSignatures::issue(crypto::Algorithm algorithm, Holder *holder)
{
    auto key = crypto::Key::generate(algorithm);
    if (!key)
        return false;
    const HttpResult r = m_clerk->postJson(QStringLiteral("/api/v1/staff/certificates/issue"),
                                           QJsonObject{{QStringLiteral("unit_no"), CertificateUnit},
                                                       {QStringLiteral("public_key_pem"), QString::fromLatin1(key.value().publicPem())}});
    if (r.status != 200)
        return false;
    holder->key = std::move(key.value());
    holder->pem = r.json().value(QLatin1String("certificate_pem")).toString().toLatin1();
    holder->serial = r.json().value(QLatin1String("serial")).toString();
    return true;
}

QString TestServerSignatures::contactName()
{
    return m_fixture->scalar(QStringLiteral("SELECT contact_name FROM units WHERE unit_no = ?"), {CertificateUnit}).toString();
}

int TestServerSignatures::signatures()
{
    return m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM signatures")).toInt();
}

void TestServerSignatures::certificateSessionMustSign_data()
{
    QTest::addColumn<crypto::Algorithm>("algorithm");
    QTest::newRow("SM2") << crypto::Algorithm::Sm2Sm3;
    QTest::newRow("ECDSA") << crypto::Algorithm::EcdsaP256Sha256;
}

void TestServerSignatures::certificateSessionMustSign()
{
    QFETCH(crypto::Algorithm, algorithm);
    Holder holder, other;
    QVERIFY(issue(algorithm, &holder));
    QVERIFY(issue(algorithm, &other));
    auto client = m_fixture->client();
    QCOMPARE(client->certLogin(CertificateUnit, holder.key, holder.pem).status, 200);
    const QString name = QStringLiteral("周%1").arg(algorithm == crypto::Algorithm::Sm2Sm3 ? QStringLiteral("甲") : QStringLiteral("乙"));
    const QByteArray body = changeBody(name);
    const QString before = contactName();
    const int stored = signatures();
    const QByteArray goodSignature = holder.key.sign(body).value().toBase64();

    // Unsigned.
    HttpResult r = client->send("POST", ChangesPath, body);
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("signature.invalid"));
    QCOMPARE(r.header("X-Account-Level"), QByteArray("certificate"));
    // Signature over other bytes.
    r = client->send("POST", ChangesPath, body,
                     {{"X-Signature", holder.key.sign(changeBody(QStringLiteral("别人"))).value().toBase64()},
                      {"X-Signature-Serial", holder.serial.toLatin1()}});
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("signature.invalid"));
    // Signed by another (valid, registered) certificate than the session's.
    r = client->send("POST", ChangesPath, body,
                     {{"X-Signature", other.key.sign(body).value().toBase64()}, {"X-Signature-Serial", other.serial.toLatin1()}});
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("signature.invalid"));
    // Not base64.
    r = client->send("POST", ChangesPath, body, {{"X-Signature", "!!!"}, {"X-Signature-Serial", holder.serial.toLatin1()}});
    QCOMPARE(r.status, 401);
    QCOMPARE(contactName(), before);
    QCOMPARE(signatures(), stored);

    // Valid: applied, and the signature is stored.
    const QByteArray key = "sig-" + holder.serial.toLatin1();
    r = client->send("POST", ChangesPath, body,
                     {{"X-Signature", goodSignature}, {"X-Signature-Serial", holder.serial.toLatin1()}, {"Idempotency-Key", key}});
    QCOMPARE(r.status, 201);
    QCOMPARE(contactName(), name);
    QCOMPARE(signatures(), stored + 1);
    const QJsonObject request = r.json().value(QLatin1String("requests")).toArray().at(0).toObject();
    QCOMPARE(request.value(QLatin1String("state")).toString(), QStringLiteral("applied"));
    QCOMPARE(request.value(QLatin1String("signed")).toBool(), true);
    const qint64 changeId = request.value(QLatin1String("id")).toInteger();
    const QString sha = QString::fromLatin1(QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex());
    QCOMPARE(m_fixture
                 ->scalar(QStringLiteral("SELECT COUNT(*) FROM signatures s JOIN change_requests c ON c.signature_id = s.id"
                                         " WHERE c.id = ? AND s.serial = ? AND s.method = 'POST' AND s.path = ?"
                                         " AND s.body_sha256 = ? AND s.signature = ?"),
                          {changeId, holder.serial, ChangesPath, sha, QString::fromLatin1(goodSignature)})
                 .toInt(),
             1);
    // A retry with the identical body is answered from the record (no second signature row);
    // the same key with another body is a conflict.
    r = client->send("POST", ChangesPath, body, {{"Idempotency-Key", key}});
    QCOMPARE(r.status, 201);
    QCOMPARE(r.header("Idempotent-Replay"), QByteArray("true"));
    QCOMPARE(signatures(), stored + 1);
    r = client->send("POST", ChangesPath, changeBody(QStringLiteral("别人")), {{"Idempotency-Key", key}});
    QCOMPARE(r.status, 422);
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("idempotency.conflict"));
}

void TestServerSignatures::passwordSessionOfCertificateUnitCannotSign()
{
    Holder holder;
    QVERIFY(issue(crypto::Algorithm::Sm2Sm3, &holder));
    auto client = m_fixture->client();
    QCOMPARE(client->login(CertificateUnit, Password).status, 200);
    const QByteArray body = changeBody(QStringLiteral("吴九"));
    const HttpResult r = client->send("POST", ChangesPath, body,
                                      {{"X-Signature", holder.key.sign(body).value().toBase64()},
                                       {"X-Signature-Serial", holder.serial.toLatin1()}});
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("signature.invalid"));
    QVERIFY(contactName() != QStringLiteral("吴九"));
}

void TestServerSignatures::revokedAfterLoginRefused()
{
    Holder holder;
    QVERIFY(issue(crypto::Algorithm::EcdsaP256Sha256, &holder));
    auto client = m_fixture->client();
    QCOMPARE(client->certLogin(CertificateUnit, holder.key, holder.pem).status, 200);
    QCOMPARE(m_clerk->post(QStringLiteral("/api/v1/staff/certificates/%1/revoke").arg(holder.serial), {}).status, 200);
    const QByteArray body = changeBody(QStringLiteral("郑十"));
    const HttpResult r = client->send("POST", ChangesPath, body,
                                      {{"X-Signature", holder.key.sign(body).value().toBase64()},
                                       {"X-Signature-Serial", holder.serial.toLatin1()}});
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("cert.revoked"));
    QVERIFY(contactName() != QStringLiteral("郑十"));
}

void TestServerSignatures::authorizedSessionNeedsNoSignature()
{
    auto client = m_fixture->client();
    QCOMPARE(client->login(Authorized, Password).status, 200);
    const int stored = signatures();
    const HttpResult r = client->send("POST", ChangesPath, changeBody(QStringLiteral("冯十一")));
    QCOMPARE(r.status, 201);
    QCOMPARE(r.json().value(QLatin1String("requests")).toArray().at(0).toObject().value(QLatin1String("signed")).toBool(), false);
    QCOMPARE(r.header("X-Account-Level"), QByteArray("authorized"));
    QCOMPARE(signatures(), stored);
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT contact_name FROM units WHERE unit_no = ?"), {Authorized}).toString(),
             QStringLiteral("冯十一"));
}

QTEST_GUILESS_MAIN(TestServerSignatures)
#include "tst_server_signatures.moc"
