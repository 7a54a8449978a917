// 参保证明 on the server (docs/certificates.md): each kind is issued with the content the database
// holds (recomputed here independently from the raw enrolments), signed so that the published
// public key verifies the canonical bytes; codes are unguessable and unambiguous; other units,
// ordinary units and bad requests are refused. Revocation, expiry and the public answers are in
// tst_server_certificate_verify.
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QtTest>

#include "ServerFixture.h"
#include "ServerTestData.h"
#include "crypto/Key.h"
#include "models/certificate/CertificateJson.h"
#include "models/validation/IdNumber.h"
#include "server/Clock.h"
#include "server/Database.h"

using namespace shebao;
using namespace shebao::test;

namespace {

struct Enrolment
{
    qint64 person;
    QString personNo, name, idNumber, insurance, start, end, status;
    qint64 base;
};

QString thisMonth(qint64 now)
{
    return QDateTime::fromSecsSinceEpoch(now, Qt::OffsetFromUTC, 8 * 3600).toString(QStringLiteral("yyyy-MM"));
}

bool paysIn(const Enrolment &e, const QString &month)
{
    return e.status == QLatin1String("active") && e.start <= month && (e.end.isEmpty() || e.end >= month);
}

QJsonObject request(const char *kind, const QString &purpose, const QString &personNo = {})
{
    QJsonObject o{{QStringLiteral("kind"), QLatin1String(kind)}, {QStringLiteral("purpose"), purpose}};
    if (!personNo.isEmpty())
        o.insert(QStringLiteral("person_no"), personNo);
    return o;
}

} // namespace

class TestServerCertificates : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void unitCertificateMatchesTheDatabase();
    void signatureVerifiesWithThePublishedKey();
    void rosterListsPayingPersonsMasked();
    void personCertificateHasOnlyThisUnitsPeriods();
    void codesAreLongRandomAndUnambiguous();
    void badRequestsAreRefused_data();
    void badRequestsAreRefused();
    void ordinaryAndCertificateUnits();
    void certificateUserSignsTheIssue();
    void otherUnitsCannotRead();
    void historyListsNewestFirst();

private:
    QList<Enrolment> enrolments(const QString &unitNo);
    QJsonObject issue(const QJsonObject &body, int expectedStatus = 201);

    std::unique_ptr<TestBackend> m_backend;
    std::unique_ptr<ServerFixture> m_fixture;
    std::unique_ptr<HttpsClient> m_unit;
    std::unique_ptr<HttpsClient> m_clerk;
};

void TestServerCertificates::initTestCase()
{
    m_backend = std::make_unique<TestBackend>();
    QVERIFY2(m_backend->ok(), qPrintable(m_backend->error()));
    m_fixture = std::make_unique<ServerFixture>(*m_backend);
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->error()));
    m_unit = m_fixture->client();
    QCOMPARE(m_unit->login(data::Authorized, data::Password).status, 200);
    m_clerk = m_fixture->client();
    QCOMPARE(m_clerk->staffLogin(QStringLiteral("clerk"), data::Password).status, 200);
}

void TestServerCertificates::cleanupTestCase()
{
    m_clerk.reset();
    m_unit.reset();
    m_fixture.reset();
    m_backend.reset();
}

QList<Enrolment> TestServerCertificates::enrolments(const QString &unitNo)
{
    QList<Enrolment> list;
    auto q = m_fixture->server().database().exec(
        QStringLiteral("SELECT p.id, p.person_no, p.name, p.id_number, e.insurance, e.start_month, e.end_month, e.status,"
                       " e.wage_base_fen FROM enrolments e JOIN persons p ON p.id = e.person_id JOIN units u ON u.id = e.unit_id"
                       " WHERE u.unit_no = ?"),
        {unitNo});
    if (!q)
        return list;
    while (q.value().next()) {
        const QSqlQuery &r = q.value();
        list.append({r.value(0).toLongLong(), r.value(1).toString(), r.value(2).toString(), r.value(3).toString(),
                     r.value(4).toString(), r.value(5).toString(), r.value(6).toString(), r.value(7).toString(),
                     r.value(8).toLongLong()});
    }
    return list;
}

QJsonObject TestServerCertificates::issue(const QJsonObject &body, int expectedStatus)
{
    const HttpResult r = m_unit->postJson(QStringLiteral("/api/v1/certificates"), body, QUuid::createUuid().toByteArray());
    if (r.status != expectedStatus)
        qWarning("issue: %d %s", r.status, r.body.constData());
    return r.status == expectedStatus ? r.json() : QJsonObject();
}

void TestServerCertificates::unitCertificateMatchesTheDatabase()
{
    const QJsonObject record = issue(request("unit", QStringLiteral("投标")));
    QVERIFY(!record.isEmpty());
    auto decoded = json::decodeIssuedCertificate(record);
    QVERIFY2(decoded, qPrintable(decoded ? QString() : decoded.error().detail));
    const IssuedCertificate &ic = decoded.value();
    const CertificateContent &c = ic.content;
    QCOMPARE(ic.state, CertificateState::Valid);
    QCOMPARE(c.kind, CertificateKind::Unit);
    QCOMPARE(c.purpose, QStringLiteral("投标"));
    QVERIFY(QRegularExpression(QStringLiteral("^ZM\\d{8}\\d{6}$")).match(c.number).hasMatch());
    QCOMPARE(c.unitNo, data::Authorized);
    QCOMPARE(c.unitName, m_fixture->scalar(QStringLiteral("SELECT name FROM units WHERE unit_no = ?"), {data::Authorized}).toString());
    QCOMPARE(c.creditCode,
             m_fixture->scalar(QStringLiteral("SELECT credit_code FROM units WHERE unit_no = ?"), {data::Authorized}).toString());
    QCOMPARE(c.validUntil.toSecsSinceEpoch() - c.issuedAt.toSecsSinceEpoch(), qint64(90 * 24 * 3600));
    QVERIFY(qAbs(c.issuedAt.toSecsSinceEpoch() - m_fixture->server().clock().now()) < 60);
    const QString month = thisMonth(m_fixture->server().clock().now());
    QCOMPARE(c.asOfMonth, month);
    QCOMPARE(ic.url, QStringLiteral("https://localhost:%1/verify?code=%2").arg(m_fixture->server().port()).arg(c.code));

    // The same facts, computed here from the raw rows.
    const QList<Enrolment> rows = enrolments(data::Authorized);
    QVERIFY(rows.size() > 100);
    QMap<QString, QSet<qint64>> insured, paying;
    QMap<QString, QString> first, lastEnd;
    QSet<qint64> insuredAll, payingAll;
    QString periodFrom = QStringLiteral("9999-99");
    for (const Enrolment &e : rows) {
        if (e.status != QLatin1String("terminated")) {
            insured[e.insurance].insert(e.person);
            insuredAll.insert(e.person);
        }
        if (paysIn(e, month)) {
            paying[e.insurance].insert(e.person);
            payingAll.insert(e.person);
        }
        if (!first.contains(e.insurance) || e.start < first[e.insurance])
            first[e.insurance] = e.start;
        if (e.end > lastEnd.value(e.insurance))
            lastEnd[e.insurance] = e.end;
        periodFrom = qMin(periodFrom, e.start);
    }
    QCOMPARE(c.periodFrom, periodFrom);
    QCOMPARE(c.periodTo, month);
    QCOMPARE(c.insurances.size(), first.size());
    for (const InsuranceSummary &s : c.insurances) {
        QVERIFY2(first.contains(s.insurance), qPrintable(s.insurance));
        QCOMPARE(s.insuredCount, int(insured.value(s.insurance).size()));
        QCOMPARE(s.payingCount, int(paying.value(s.insurance).size()));
        QCOMPARE(s.firstMonth, first.value(s.insurance));
        QCOMPARE(s.paidToMonth, s.payingCount > 0 ? month : lastEnd.value(s.insurance));
        QVERIFY(!s.arrears);
    }
    QCOMPARE(c.insurances.first().insurance, QStringLiteral("110"));
    QCOMPARE(c.insurances.first().insuranceName, QStringLiteral("企业职工基本养老保险"));
    QVERIFY(c.insurances.first().payingCount > 0);
    QCOMPARE(c.insuredTotal, int(insuredAll.size()));
    QCOMPARE(c.payingTotal, int(payingAll.size()));
    QVERIFY(c.roster.isEmpty() && c.periods.isEmpty());

    // What was stored is what was answered.
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT content FROM enrolment_certificates WHERE number = ?"), {c.number})
                 .toString()
                 .toUtf8(),
             ic.canonical);
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'certificate.issue' AND target = ?"),
                               {c.number})
                 .toInt(),
             1);
}

void TestServerCertificates::signatureVerifiesWithThePublishedKey()
{
    const QJsonObject record = issue(request("unit", QStringLiteral("资质申报")));
    QVERIFY(!record.isEmpty());
    const QString code = record.value(QLatin1String("code")).toString();
    auto anonymous = m_fixture->client();
    const HttpResult r = anonymous->get(QStringLiteral("/api/v1/verify/") + code);
    QCOMPARE(r.status, 200);
    auto answer = json::decodeVerificationAnswer(r.json());
    QVERIFY2(answer, qPrintable(answer ? QString() : answer.error().detail));
    const VerificationAnswer &a = answer.value();
    QCOMPARE(a.state, CertificateState::Valid);
    QVERIFY(a.certificate.revokedBy.isEmpty());

    auto key = crypto::Key::fromPublicPem(a.publicKeyPem);
    QVERIFY(key);
    QCOMPARE(key.value().algorithm().value(), crypto::Algorithm::EcdsaP256Sha256);
    QCOMPARE(a.certificate.algorithm, QStringLiteral("ECDSA-SHA256"));
    QVERIFY(key.value().verify(a.certificate.canonical, a.certificate.signature));
    // The signed bytes are exactly the canonical form of the content shown.
    QCOMPARE(json::canonical(a.certificate.content), a.certificate.canonical);
    auto fromBytes = json::decodeCanonical(a.certificate.canonical);
    QVERIFY(fromBytes);
    QCOMPARE(fromBytes.value(), a.certificate.content);
    // One changed count, one changed character of the name: the signature no longer holds.
    CertificateContent edited = a.certificate.content;
    edited.insurances[0].payingCount += 1;
    QVERIFY(!key.value().verify(json::canonical(edited), a.certificate.signature));
    edited = a.certificate.content;
    edited.unitName.replace(0, 1, QStringLiteral("湘"));
    QVERIFY(!key.value().verify(json::canonical(edited), a.certificate.signature));
    // The key id is the SHA-256 of the SubjectPublicKeyInfo.
    QByteArray der;
    for (const QByteArray &line : a.publicKeyPem.split('\n'))
        if (!line.startsWith("-----"))
            der += QByteArray::fromBase64(line);
    QCOMPARE(a.certificate.keyId, QString::fromLatin1(QCryptographicHash::hash(der, QCryptographicHash::Sha256).toHex()));
}

void TestServerCertificates::rosterListsPayingPersonsMasked()
{
    const QJsonObject record = issue(request("roster", QStringLiteral("投标")));
    QVERIFY(!record.isEmpty());
    auto decoded = json::decodeIssuedCertificate(record);
    QVERIFY(decoded);
    const CertificateContent &c = decoded.value().content;
    QCOMPARE(c.kind, CertificateKind::Roster);
    const QString month = c.asOfMonth;
    QMap<QString, Enrolment> payers;
    QMap<QString, QStringList> insurances;
    for (const Enrolment &e : enrolments(data::Authorized)) {
        if (!paysIn(e, month))
            continue;
        if (!payers.contains(e.personNo) || e.start < payers[e.personNo].start)
            payers[e.personNo] = e;
        insurances[e.personNo].append(e.insurance);
    }
    QCOMPARE(c.roster.size(), payers.size());
    QCOMPARE(c.payingTotal, int(payers.size()));
    int index = 1;
    for (auto it = payers.cbegin(); it != payers.cend(); ++it, ++index) {   // QMap: ordered by 个人编号
        const RosterRow &row = c.roster.at(index - 1);
        QCOMPARE(row.index, index);
        QCOMPARE(row.personNo, it.key());
        QCOMPARE(row.name, it.value().name);
        QCOMPARE(row.idNumberMasked, IdNumber::mask(it.value().idNumber));
        // The birth date is hidden: 8 characters of an 18-digit number, 5 of a legacy 15-digit one.
        const int hidden = it.value().idNumber.size() - 10;
        QVERIFY(row.idNumberMasked.mid(6, hidden) == QString(hidden, u'*'));
        QStringList expected = insurances.value(it.key());
        expected.sort();
        QCOMPARE(row.insurances, expected);
        QCOMPARE(row.startMonth, it.value().start);
    }
    // Nowhere a full ID number: the content is public to whoever holds the code.
    for (const Enrolment &e : enrolments(data::Authorized))
        QVERIFY(!decoded.value().canonical.contains(e.idNumber.toLatin1()));
}

void TestServerCertificates::personCertificateHasOnlyThisUnitsPeriods()
{
    // A person who also had periods with another unit (the demo's 转入 persons).
    const QVariant personNo = m_fixture->scalar(QStringLiteral(
        "SELECT p.person_no FROM persons p JOIN enrolments a ON a.person_id = p.id JOIN units ua ON ua.id = a.unit_id"
        " JOIN enrolments b ON b.person_id = p.id AND b.unit_id <> a.unit_id WHERE ua.unit_no = '43010000001'"
        " ORDER BY p.person_no LIMIT 1"));
    QVERIFY2(personNo.isValid(), "the demo has persons who changed units");
    QList<Enrolment> mine;
    for (const Enrolment &e : enrolments(data::Authorized))
        if (e.personNo == personNo.toString())
            mine.append(e);
    QVERIFY(!mine.isEmpty());

    // By 公民身份号码, typed in lower case with spaces, works as well as by 个人编号.
    const QJsonObject record = issue(request("person", QStringLiteral("落户"), u' ' + mine.first().idNumber.toLower() + u' '));
    QVERIFY(!record.isEmpty());
    auto decoded = json::decodeIssuedCertificate(record);
    QVERIFY(decoded);
    const CertificateContent &c = decoded.value().content;
    QCOMPARE(c.personNo, personNo.toString());
    QCOMPARE(c.personName, mine.first().name);
    QCOMPARE(c.personIdNumberMasked, IdNumber::mask(mine.first().idNumber));
    QCOMPARE(c.periods.size(), mine.size());
    const int total = m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM enrolments e JOIN persons p ON p.id = e.person_id"
                                                       " WHERE p.person_no = ?"),
                                        {personNo})
                          .toInt();
    QVERIFY(total > c.periods.size());   // the other unit's periods stay out
    for (const PersonPeriod &p : c.periods) {
        const auto match = std::find_if(mine.cbegin(), mine.cend(), [&](const Enrolment &e) {
            return e.insurance == p.insurance && e.start == p.startMonth && e.end == p.endMonth && e.status == p.status;
        });
        QVERIFY(match != mine.cend());
        QCOMPARE(p.base.fen(), match->base);
        QVERIFY(p.months >= 1);
    }
    QCOMPARE(record.value(QLatin1String("person_no")).toString(), personNo.toString());

    // A person of another unit only, or nobody: the same 404.
    const QVariant stranger = m_fixture->scalar(QStringLiteral(
        "SELECT p.person_no FROM persons p WHERE NOT EXISTS (SELECT 1 FROM enrolments e JOIN units u ON u.id = e.unit_id"
        " WHERE e.person_id = p.id AND u.unit_no = '43010000001') ORDER BY p.person_no LIMIT 1"));
    QVERIFY(stranger.isValid());
    for (const QString &ref : {stranger.toString(), QStringLiteral("43999999999")}) {
        const HttpResult r = m_unit->postJson(QStringLiteral("/api/v1/certificates"), request("person", QStringLiteral("落户"), ref));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("certificate.person"));
        QVERIFY(r.json().value(QLatin1String("detail")).toString().contains(ref));
    }
}

void TestServerCertificates::codesAreLongRandomAndUnambiguous()
{
    QSet<QString> codes;
    for (int i = 0; i < 6; ++i) {
        const QJsonObject record = issue(request("unit", QStringLiteral("批量%1").arg(i)));
        QVERIFY(!record.isEmpty());
        const QString code = record.value(QLatin1String("code")).toString();
        QCOMPARE(code.size(), 16);
        QVERIFY2(QRegularExpression(QStringLiteral("^[2-9A-HJ-NP-Z]{16}$")).match(code).hasMatch(), qPrintable(code));
        codes.insert(code);
    }
    QCOMPARE(codes.size(), 6);
    // Numbers count up within the day.
    const QStringList numbers = [&] {
        QStringList list;
        auto q = m_fixture->server().database().exec(QStringLiteral("SELECT number FROM enrolment_certificates ORDER BY id"));
        while (q && q.value().next())
            list << q.value().value(0).toString();
        return list;
    }();
    QStringList sorted = numbers;
    sorted.sort();
    QCOMPARE(numbers, sorted);
}

void TestServerCertificates::badRequestsAreRefused_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");
    QTest::newRow("no purpose") << QJsonObject{{QStringLiteral("kind"), QStringLiteral("unit")}} << 422
                                << "certificate.purpose" << "purpose";
    QTest::newRow("blank purpose") << request("unit", QStringLiteral(" \u3000 ")) << 422 << "certificate.purpose" << "purpose";
    QTest::newRow("long purpose") << request("unit", QString(61, u'用')) << 422 << "certificate.purpose" << "purpose";
    QTest::newRow("control character") << request("unit", QStringLiteral("投标\n第二行")) << 422 << "certificate.purpose"
                                       << "purpose";
    QTest::newRow("unknown kind") << request("company", QStringLiteral("投标")) << 422 << "certificate.kind" << "kind";
    QTest::newRow("no kind") << QJsonObject{{QStringLiteral("purpose"), QStringLiteral("投标")}} << 422 << "certificate.kind"
                             << "kind";
    QTest::newRow("person without person_no") << request("person", QStringLiteral("投标")) << 422 << "required.missing"
                                              << "person_no";
}

void TestServerCertificates::badRequestsAreRefused()
{
    QFETCH(QJsonObject, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, field);
    const int before = m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM enrolment_certificates")).toInt();
    const HttpResult r = m_unit->postJson(QStringLiteral("/api/v1/certificates"), body);
    QCOMPARE(r.status, status);
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), code);
    const QJsonArray errors = r.json().value(QLatin1String("errors")).toArray();
    QVERIFY(!errors.isEmpty());
    QCOMPARE(errors.first().toObject().value(QLatin1String("field")).toString(), field);
    const QString detail = r.json().value(QLatin1String("detail")).toString();
    QVERIFY2(detail.contains(QStringLiteral("打印用途")) || detail.contains(QStringLiteral("证明"))
                 || detail.contains(QStringLiteral("个人编号")),
             qPrintable(detail));
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM enrolment_certificates")).toInt(), before);
}

void TestServerCertificates::ordinaryAndCertificateUnits()
{
    auto ordinary = m_fixture->client();
    QCOMPARE(ordinary->login(data::Ordinary, data::Password).status, 200);
    HttpResult r = ordinary->postJson(QStringLiteral("/api/v1/certificates"), request("unit", QStringLiteral("投标")));
    QCOMPARE(r.status, 403);
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("auth.not_authorized"));
    QCOMPARE(r.json().value(QLatin1String("detail")).toString(), data::NotAuthorizedDetail);
    r = ordinary->get(QStringLiteral("/api/v1/certificates"));
    QCOMPARE(r.status, 403);
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("auth.not_authorized"));

    // A certificate unit's issue is business like any other: it must be signed.
    auto certUnit = m_fixture->client();
    QCOMPARE(certUnit->login(data::CertificateUnit, data::Password).status, 200);
    r = certUnit->postJson(QStringLiteral("/api/v1/certificates"), request("unit", QStringLiteral("投标")));
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("signature.invalid"));
    QCOMPARE(certUnit->get(QStringLiteral("/api/v1/certificates")).status, 200);

    auto anonymous = m_fixture->client();
    QCOMPARE(anonymous->get(QStringLiteral("/api/v1/certificates")).status, 401);
}

void TestServerCertificates::certificateUserSignsTheIssue()
{
    // A certificate user of 43010000003 (its key made here, the certificate from the counter).
    auto key = crypto::Key::generate(crypto::Algorithm::Sm2Sm3);
    QVERIFY(key);
    const HttpResult cert = m_clerk->postJson(QStringLiteral("/api/v1/staff/certificates/issue"),
                                              QJsonObject{{QStringLiteral("unit_no"), data::CertificateUnit},
                                                          {QStringLiteral("public_key_pem"), QString::fromLatin1(key.value().publicPem())}});
    QCOMPARE(cert.status, 200);
    const QString serial = cert.json().value(QLatin1String("serial")).toString();
    auto holder = m_fixture->client();
    QCOMPARE(holder->certLogin(data::CertificateUnit, key.value(),
                               cert.json().value(QLatin1String("certificate_pem")).toString().toLatin1())
                 .status,
             200);
    const QByteArray body = QJsonDocument(request("roster", QStringLiteral("资质年检"))).toJson(QJsonDocument::Compact);
    const int signaturesBefore = m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM signatures")).toInt();
    HttpResult r = holder->send("POST", QStringLiteral("/api/v1/certificates"), body,
                                {{"X-Signature", key.value().sign(body).value().toBase64()}, {"X-Signature-Serial", serial.toLatin1()},
                                 {"Content-Type", "application/json"}});
    QCOMPARE(r.status, 201);
    QCOMPARE(r.json().value(QLatin1String("content")).toObject().value(QLatin1String("unit_no")).toString(), data::CertificateUnit);
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM signatures")).toInt(), signaturesBefore + 1);
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT s.body_sha256 FROM enrolment_certificates c JOIN signatures s"
                                              " ON s.id = c.request_signature_id WHERE c.number = ?"),
                               {r.json().value(QLatin1String("number")).toString()})
                 .toString(),
             QString::fromLatin1(QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex()));
    // A signature over another body is refused and issues nothing.
    const int before = m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM enrolment_certificates")).toInt();
    r = holder->send("POST", QStringLiteral("/api/v1/certificates"), body,
                     {{"X-Signature", key.value().sign("{}").value().toBase64()}, {"X-Signature-Serial", serial.toLatin1()},
                      {"Content-Type", "application/json"}});
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("signature.invalid"));
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM enrolment_certificates")).toInt(), before);
}

void TestServerCertificates::otherUnitsCannotRead()
{
    const QJsonObject record = issue(request("unit", QStringLiteral("投标")));
    QVERIFY(!record.isEmpty());
    const QString number = record.value(QLatin1String("number")).toString();
    QCOMPARE(m_unit->get(QStringLiteral("/api/v1/certificates/") + number).status, 200);

    auto other = m_fixture->client();
    QCOMPARE(other->login(data::CertificateUnit, data::Password).status, 200);
    const HttpResult r = other->get(QStringLiteral("/api/v1/certificates/") + number);
    QCOMPARE(r.status, 404);
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("certificate.unknown"));
    const QJsonArray list = other->get(QStringLiteral("/api/v1/certificates")).json().value(QLatin1String("certificates")).toArray();
    for (const QJsonValue &row : list)
        QVERIFY(row.toObject().value(QLatin1String("number")).toString() != number);
    // A staff token is not a unit token.
    QCOMPARE(m_clerk->get(QStringLiteral("/api/v1/certificates/") + number).status, 401);
}

void TestServerCertificates::historyListsNewestFirst()
{
    const QJsonObject first = issue(request("unit", QStringLiteral("历史一")));
    const QJsonObject second = issue(request("roster", QStringLiteral("历史二")));
    QVERIFY(!first.isEmpty() && !second.isEmpty());
    const HttpResult r = m_unit->get(QStringLiteral("/api/v1/certificates"));
    QCOMPARE(r.status, 200);
    const QJsonArray rows = r.json().value(QLatin1String("certificates")).toArray();
    QVERIFY(rows.size() >= 2);
    QCOMPARE(rows.at(0).toObject().value(QLatin1String("number")), second.value(QLatin1String("number")));
    QCOMPARE(rows.at(1).toObject().value(QLatin1String("number")), first.value(QLatin1String("number")));
    const QJsonObject row = rows.at(0).toObject();
    QVERIFY(!row.contains(QLatin1String("content")) && !row.contains(QLatin1String("signature")));
    QCOMPARE(row.value(QLatin1String("kind")).toString(), QStringLiteral("roster"));
    QCOMPARE(row.value(QLatin1String("purpose")).toString(), QStringLiteral("历史二"));
    QCOMPARE(row.value(QLatin1String("state")).toString(), QStringLiteral("valid"));
    QVERIFY(row.value(QLatin1String("url")).toString().endsWith(row.value(QLatin1String("code")).toString()));
    // Reprinting: the record by number is the one issued, byte for byte.
    const HttpResult again = m_unit->get(QStringLiteral("/api/v1/certificates/") + second.value(QLatin1String("number")).toString());
    QCOMPARE(again.json().value(QLatin1String("canonical")), second.value(QLatin1String("canonical")));
    QCOMPARE(again.json().value(QLatin1String("signature")), second.value(QLatin1String("signature")));
}

QTEST_MAIN(TestServerCertificates)
#include "tst_server_certificates.moc"
