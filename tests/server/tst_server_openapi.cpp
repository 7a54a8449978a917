// docs/openapi.yaml stays true: every documented path answers (is routed), every problem code
// the server can emit is documented, and the schemas the client relies on are there.
#include <QFile>
#include <QRegularExpression>
#include <QtTest>

#include "OpenApiOperations.h"
#include "ServerFixture.h"
#include "server/Problem.h"

using namespace shebao::test;

class TestServerOpenApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void documentedPathsAreRouted();
    void problemCodesDocumented_data();
    void problemCodesDocumented();
    void schemasPresent_data();
    void schemasPresent();
    void undocumentedPathIsProblem404();

private:
    QString m_yaml;
    std::unique_ptr<TestBackend> m_backend;
    std::unique_ptr<ServerFixture> m_fixture;
};

void TestServerOpenApi::initTestCase()
{
    QFile file(qEnvironmentVariable("SHEBAO_SOURCE_DIR") + QStringLiteral("/docs/openapi.yaml"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    m_yaml = QString::fromUtf8(file.readAll());
    QVERIFY(m_yaml.startsWith(QLatin1String("openapi: 3.0.3")));
    m_backend = std::make_unique<TestBackend>();
    QVERIFY2(m_backend->ok(), qPrintable(m_backend->error()));
    m_fixture = std::make_unique<ServerFixture>(*m_backend);
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->error()));
}

void TestServerOpenApi::cleanupTestCase()
{
    m_fixture.reset();
    m_backend.reset();
}

void TestServerOpenApi::documentedPathsAreRouted()
{
    QString error;
    const QList<ApiOperation> operations = readOpenApiOperations(openApiFile(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // Path parameters get a plausible value (ids are integers, serials hex).
    const QHash<QString, QString> values{{QStringLiteral("id"), QStringLiteral("1")},
                                         {QStringLiteral("serial"), QStringLiteral("0A1B")},
                                         {QStringLiteral("batch_no"), QStringLiteral("SB2026120400001")},
                                         {QStringLiteral("attachment_id"), QStringLiteral("1")},
                                         {QStringLiteral("number"), QStringLiteral("ZM20261204000001")},
                                         {QStringLiteral("code"), QStringLiteral("2222222222222222")}};
    for (const ApiOperation &op : operations) {
        QVERIFY2(!op.operationId.isEmpty(), qPrintable(op.key()));
        auto client = m_fixture->client();
        const QString full = QStringLiteral("/api/v1") + op.concrete(values);
        const HttpResult r = client->send(op.method.toLatin1(), full, op.method == u"GET" ? QByteArray() : QByteArray("{}"));
        // Unauthenticated: routed paths answer 401/400/200/204..., never the 404 of a missing
        // route (code not_found) nor the 405 of a route without this method. Public routes
        // may answer their own 404 (an unknown verification code).
        const bool missingRoute = r.status == 404 && r.json().value(QLatin1String("code")).toString() == QLatin1String("not_found");
        QVERIFY2(!missingRoute && r.status != 405 && r.status != 0, qPrintable(op.key() + u' ' + full));
    }
    QCOMPARE(operations.size(), 61);
}

void TestServerOpenApi::problemCodesDocumented_data()
{
    QTest::addColumn<QString>("code");
    for (const char *code : {"auth.invalid_credentials", "auth.locked", "auth.too_many", "auth.token_invalid", "auth.token_expired",
                             "request.invalid", "idempotency.conflict", "not_found", "internal", "method.not_allowed",
                             "auth.not_authorized", "auth.challenge_invalid", "staff.role",
                             "authorization.none", "authorization.state", "authorization.already", "upload.too_large",
                             "upload.empty", "upload.type", "upload.truncated", "cert.untrusted", "cert.expired",
                             "cert.revoked", "cert.not_bound", "cert.bad_signature", "certificate.conflict",
                             "signature.invalid", "password.weak", "required.missing", "name.invalid", "id.format",
                             "id.checksum", "id.birthdate", "gender.mismatch", "birthdate.mismatch", "dict.unknown",
                             "date.invalid", "start.too_early", "start.future", "age.under_16", "wage.invalid",
                             "phone.invalid", "batch.empty", "bulk.too_large", "kind.mismatch", "name.mismatch", "person.enrolled",
                             "person.pending_change", "person.not_enrolled", "item.duplicate", "item.not_pending",
                             "batch.state", "change.empty", "change.field_unknown", "change.unchanged",
                             "creditcode.format", "creditcode.checksum", "creditcode.orgcode", "creditcode.taken", "id.taken",
                             "attachment.missing", "attachment.unknown", "attachment.kind", "change.pending",
                             "person.unknown", "change.state",
                             "certificate.kind", "certificate.purpose", "certificate.person",
                             "certificate.empty", "certificate.unknown", "certificate.revoked", "verify.too_many",
                             "arrears.not_enrolled", "arrears.employed_from", "arrears.no_gaps", "arrears.wage",
                             "arrears.settlement", "arrears.window", "policy.month_not_covered", "policy.risk_class",
                             "bill.open", "bill.number", "bill.unknown", "bill.paid", "bill.expired", "bill.cancelled",
                             "bill.amount_mismatch", "bank.transaction", "bank.unknown", "bank.signature", "bank.stale"})
        QTest::newRow(code) << QString::fromLatin1(code);
}

void TestServerOpenApi::problemCodesDocumented()
{
    QFETCH(QString, code);
    QVERIFY2(m_yaml.contains(code), qPrintable(code));
    if (code != QLatin1String("internal")) {
        const int status = int(shebao::server::Problem::status(code));
        QVERIFY2(m_yaml.contains(QStringLiteral("%1 (%2)").arg(code).arg(status)), qPrintable(code));
    }
}

void TestServerOpenApi::schemasPresent_data()
{
    QTest::addColumn<QString>("schema");
    for (const char *s : {"Unit", "Person", "Enrolment", "Problem", "LoginRequest", "LoginResponse", "PersonsPage",
                          "Health", "Application", "Applicant", "StaffApplication", "StaffLoginResponse", "Challenge",
                          "CertLoginRequest", "ChangeSubmission", "ChangeRequest", "ChangeRequests", "FieldChange",
                          "ChangeAttachment", "ChangeState", "CertificateInfo", "PersonLookup",
                          "LookupPeriod", "DeclarationPerson", "DeclarationItemRequest", "DeclarationItem", "DeclarationNotice",
                          "BulkResults", "DeclareRequest", "DeclarationBatch", "BatchEvent", "BatchState", "StaffBatch",
                          "CertificateRequest", "CertificateRow", "Certificate", "CertificateContent", "VerificationAnswer",
                          "ArrearsGaps", "UnitGaps", "GapRange", "BillRequest", "ArrearsEstimate", "ArrearsMonth", "Bill",
                          "BillPage", "BillState", "BillPayment", "BankBill", "BankPayment", "BankPaymentAnswer"})
        QTest::newRow(s) << QString::fromLatin1(s);
}

void TestServerOpenApi::schemasPresent()
{
    QFETCH(QString, schema);
    QVERIFY(m_yaml.contains(QStringLiteral("\n    %1:\n").arg(schema)));
    QVERIFY(m_yaml.contains(QStringLiteral("Idempotency-Key")));
    QVERIFY(m_yaml.contains(QStringLiteral("scheme: bearer")));
}

void TestServerOpenApi::undocumentedPathIsProblem404()
{
    auto client = m_fixture->client();
    const HttpResult r = client->get(QStringLiteral("/api/v1/nothing-here"));
    QCOMPARE(r.status, 404);
    QCOMPARE(r.contentType, QByteArray("application/problem+json"));
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("not_found"));
}

QTEST_GUILESS_MAIN(TestServerOpenApi)
#include "tst_server_openapi.moc"
