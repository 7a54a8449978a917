// 参保证明's shared types: the verification code's alphabet and folding, the content survives the
// JSON round trip, the canonical bytes are stable (sorted, compact) and bad input names its path.
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

#include "models/certificate/Certificate.h"
#include "models/certificate/CertificateJson.h"

using namespace shebao;

namespace {

CertificateContent unitContent()
{
    CertificateContent c;
    c.number = QStringLiteral("ZM20261204000001");
    c.code = QStringLiteral("7KQM3XRT9WCDHJ4P");
    c.kind = CertificateKind::Unit;
    c.purpose = QStringLiteral("投标 \"长沙\\东\"");
    c.issuedAt = QDateTime(QDate(2026, 12, 4), QTime(3, 15, 0), Qt::UTC);
    c.validUntil = c.issuedAt.addDays(90);
    c.asOfMonth = QStringLiteral("2026-12");
    c.unitNo = QStringLiteral("43010000001");
    c.unitName = QStringLiteral("长沙示例科技有限公司");
    c.creditCode = QStringLiteral("91430100MA4L000000");
    c.agency = QStringLiteral("长沙市社会保险服务中心");
    c.periodFrom = QStringLiteral("2012-03");
    c.periodTo = QStringLiteral("2026-12");
    c.insurances = {{QStringLiteral("110"), QStringLiteral("企业职工基本养老保险"), 12, 10, QStringLiteral("2012-03"),
                     QStringLiteral("2026-12"), false},
                    {QStringLiteral("210"), QStringLiteral("失业保险"), 12, 9, QStringLiteral("2012-05"),
                     QStringLiteral("2026-12"), true}};
    c.insuredTotal = 12;
    c.payingTotal = 10;
    return c;
}

} // namespace

class TestCertificateJson : public QObject
{
    Q_OBJECT

private slots:
    void kindsAndStatesHaveCodesAndNames()
    {
        CertificateKind kind{};
        QVERIFY(parseCertificateKind(QStringLiteral("roster"), &kind));
        QCOMPARE(kind, CertificateKind::Roster);
        QVERIFY(!parseCertificateKind(QStringLiteral("Roster"), &kind));
        QCOMPARE(certificateKindName(CertificateKind::Person), QStringLiteral("个人参保缴费证明"));
        CertificateState state{};
        QVERIFY(parseCertificateState(QStringLiteral("revoked"), &state));
        QCOMPARE(certificateStateName(state), QStringLiteral("已撤销"));
        QCOMPARE(certificateStateName(CertificateState::Expired), QStringLiteral("已过期"));
    }

    void alphabetHasNoLookAlikes()
    {
        const QString alphabet = QString::fromLatin1(CertificateCode::Alphabet);
        QCOMPARE(alphabet.size(), 32);
        for (QChar c : {u'0', u'O', u'1', u'I'})
            QVERIFY2(!alphabet.contains(c), qPrintable(QString(c)));
        QCOMPARE(QSet<QChar>(alphabet.begin(), alphabet.end()).size(), 32);
    }

    void typedCodesAreFolded_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("normalized");
        QTest::newRow("grouped") << "7KQM-3XRT-9WCD-HJ4P" << "7KQM3XRT9WCDHJ4P";
        QTest::newRow("lower, spaces") << " 7kqm 3xrt 9wcd hj4p " << "7KQM3XRT9WCDHJ4P";
        QTest::newRow("full-width") << QStringLiteral("７ＫＱＭ－３ＸＲＴ９ＷＣＤＨＪ４Ｐ") << "7KQM3XRT9WCDHJ4P";
        QTest::newRow("too short") << "7KQM3XRT9WCDHJ4" << "";
        QTest::newRow("too long") << "7KQM3XRT9WCDHJ4PP" << "";
        QTest::newRow("look-alike O") << "7KQM3XRT9WCDHJ4O" << "";
        QTest::newRow("look-alike 1") << "1KQM3XRT9WCDHJ4P" << "";
        QTest::newRow("empty") << "" << "";
    }
    void typedCodesAreFolded()
    {
        QFETCH(QString, typed);
        QFETCH(QString, normalized);
        QCOMPARE(CertificateCode::normalize(typed), normalized);
    }

    void codesAreGroupedInFours()
    {
        QCOMPARE(CertificateCode::grouped(u"7KQM3XRT9WCDHJ4P"), QStringLiteral("7KQM-3XRT-9WCD-HJ4P"));
    }

    void contentSurvivesTheRoundTrip()
    {
        CertificateContent c = unitContent();
        auto back = json::decodeCertificateContent(json::encode(c));
        QVERIFY2(back, qPrintable(back ? QString() : back.error().detail));
        QCOMPARE(back.value(), c);

        c.kind = CertificateKind::Roster;
        c.insurances.clear();
        c.roster = {{1, QStringLiteral("P0000001"), QStringLiteral("张三"), QStringLiteral("430102********123X"),
                     {QStringLiteral("110"), QStringLiteral("210")}, QStringLiteral("2015-01")}};
        back = json::decodeCertificateContent(json::encode(c));
        QVERIFY(back);
        QCOMPARE(back.value(), c);

        c.kind = CertificateKind::Person;
        c.roster.clear();
        c.personNo = QStringLiteral("P0000001");
        c.personName = QStringLiteral("张三");
        c.personIdNumberMasked = QStringLiteral("430102********123X");
        c.periods = {{QStringLiteral("110"), QStringLiteral("企业职工基本养老保险"), QStringLiteral("2015-01"),
                      QStringLiteral("2019-06"), QStringLiteral("terminated"), 54, Money::fromFen(512300)},
                     {QStringLiteral("110"), QStringLiteral("企业职工基本养老保险"), QStringLiteral("2020-01"), QString(),
                      QStringLiteral("active"), 84, Money::fromFen(600000)}};
        back = json::decodeCertificateContent(json::encode(c));
        QVERIFY(back);
        QCOMPARE(back.value(), c);
        QCOMPARE(json::encode(c).value(QLatin1String("periods")).toArray().at(1).toObject().value(QLatin1String("base")).toString(),
                 QStringLiteral("6000.00"));
    }

    void canonicalBytesAreSortedCompactUtf8()
    {
        const QByteArray bytes = json::canonical(unitContent());
        QVERIFY(bytes.startsWith("{\"agency\":\"长沙市社会保险服务中心\",\"as_of_month\":\"2026-12\","));
        QVERIFY(!bytes.contains('\n'));
        QVERIFY(!bytes.contains("\": "));
        // Chinese is written as UTF-8, not \u escapes; quotes and backslashes are escaped.
        QVERIFY(bytes.contains(QStringLiteral("\"purpose\":\"投标 \\\"长沙\\\\东\\\"\"").toUtf8()));
        QVERIFY(bytes.contains("\"insured_count\":12,"));
        QVERIFY(bytes.contains("\"issued_at\":\"2026-12-04T03:15:00Z\""));
        QVERIFY(bytes.contains("\"valid_until\":\"2027-03-04T03:15:00Z\""));
        QVERIFY(bytes.contains("\"person_no\":null"));
        QVERIFY(bytes.contains("\"roster\":[]"));
        // Members appear in ascending order of their names, at every level.
        const QJsonObject o = QJsonDocument::fromJson(bytes).object();
        QStringList keys = o.keys();
        QStringList sorted = keys;
        sorted.sort();
        QCOMPARE(keys, sorted);
        qsizetype last = -1;
        for (const QString &key : keys) {
            const qsizetype at = bytes.indexOf("\"" + key.toUtf8() + "\":");
            QVERIFY(at > last);
            last = at;
        }
        // Stable: decoding and encoding again gives the same bytes.
        auto decoded = json::decodeCanonical(bytes);
        QVERIFY(decoded);
        QCOMPARE(json::canonical(decoded.value()), bytes);
    }

    void editedContentChangesTheBytes()
    {
        CertificateContent c = unitContent();
        const QByteArray before = json::canonical(c);
        c.insurances[0].payingCount = 11;
        QVERIFY(json::canonical(c) != before);
    }

    void issuedCertificateSurvivesTheRoundTrip()
    {
        IssuedCertificate i;
        i.content = unitContent();
        i.state = CertificateState::Revoked;
        i.url = QStringLiteral("https://localhost:8443/verify?code=7KQM3XRT9WCDHJ4P");
        i.canonical = json::canonical(i.content);
        i.signature = QByteArray("\x30\x45\x02\x20\x01\xff", 6);
        i.algorithm = QStringLiteral("ECDSA-SHA256");
        i.keyId = QStringLiteral("ab12");
        i.revokedAt = i.content.issuedAt.addDays(1);
        i.revokedBy = QStringLiteral("clerk1");
        i.revokeReason = QStringLiteral("单位申请作废");
        auto back = json::decodeIssuedCertificate(json::encode(i));
        QVERIFY(back);
        QCOMPARE(back.value(), i);

        // The history row: no content, but the top-level members.
        const QJsonObject row = json::encode(i, false);
        QVERIFY(!row.contains(QLatin1String("content")));
        QVERIFY(!row.contains(QLatin1String("signature")));
        auto summary = json::decodeIssuedCertificate(row);
        QVERIFY(summary);
        QCOMPARE(summary.value().content.number, i.content.number);
        QCOMPARE(summary.value().content.purpose, i.content.purpose);
        QCOMPARE(summary.value().state, CertificateState::Revoked);
        QVERIFY(summary.value().signature.isEmpty());

        VerificationAnswer a{CertificateState::Revoked, i.revokedAt, i, "-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----\n"};
        auto answer = json::decodeVerificationAnswer(json::encode(a));
        QVERIFY(answer);
        QCOMPARE(answer.value(), a);
    }

    void requestBody()
    {
        CertificateRequest q{CertificateKind::Person, QStringLiteral("P0000001"), QStringLiteral("落户")};
        const QJsonObject o = json::encode(q);
        QCOMPARE(o.value(QLatin1String("person_no")).toString(), QStringLiteral("P0000001"));
        auto back = json::decodeCertificateRequest(o);
        QVERIFY(back);
        QCOMPARE(back.value().personNo, q.personNo);
        QVERIFY(!json::encode(CertificateRequest{CertificateKind::Unit, {}, QStringLiteral("x")}).contains(QLatin1String("person_no")));
    }

    void badInputNamesItsPath()
    {
        QJsonObject o = json::encode(unitContent());
        QJsonArray insurances = o.value(QLatin1String("insurances")).toArray();
        QJsonObject first = insurances.at(1).toObject();
        first.insert(QStringLiteral("paying_count"), QStringLiteral("nine"));
        insurances.replace(1, first);
        o.insert(QStringLiteral("insurances"), insurances);
        auto bad = json::decodeCertificateContent(o);
        QVERIFY(!bad);
        QCOMPARE(bad.error().field, QStringLiteral("$.insurances[1].paying_count"));

        o = json::encode(unitContent());
        o.insert(QStringLiteral("kind"), QStringLiteral("company"));
        bad = json::decodeCertificateContent(o);
        QVERIFY(!bad);
        QCOMPARE(bad.error().field, QStringLiteral("$.kind"));

        IssuedCertificate plain;
        plain.content = unitContent();
        QJsonObject issued = json::encode(plain);
        issued.insert(QStringLiteral("signature"), QStringLiteral("***"));
        auto badIssued = json::decodeIssuedCertificate(issued);
        QVERIFY(!badIssued);
        QCOMPARE(badIssued.error().field, QStringLiteral("$.signature"));

        QVERIFY(!json::decodeCanonical("[1,2]"));
        QVERIFY(!json::decodeCanonical("{\"number\":"));
    }
};

QTEST_APPLESS_MAIN(TestCertificateJson)
#include "tst_certificatejson.moc"
