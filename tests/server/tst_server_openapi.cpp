// docs/openapi.yaml stays true: every documented path answers (is routed), every problem code
// the server can emit is documented, and the schemas the client relies on are there.
#include <QFile>
#include <QRegularExpression>
#include <QtTest>

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
    // "  /path:" then "    get:" / "    post:" lines.
    static const QRegularExpression pathLine(QStringLiteral("^  (/[^:]*):\\s*$"));
    static const QRegularExpression methodLine(QStringLiteral("^    (get|post):\\s*$"));
    QString path;
    int operations = 0;
    const QStringList lines = m_yaml.split(u'\n');
    bool inPaths = false;
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1String("paths:"))) {
            inPaths = true;
            continue;
        }
        if (inPaths && !line.isEmpty() && !line.startsWith(u' '))
            break;
        if (!inPaths)
            continue;
        if (const auto m = pathLine.match(line); m.hasMatch())
            path = m.captured(1);
        else if (const auto m2 = methodLine.match(line); m2.hasMatch() && !path.isEmpty()) {
            auto client = m_fixture->client();
            QString full = QStringLiteral("/api/v1") + path;
            // Path parameters get a plausible value (ids are integers, serials hex).
            full.replace(QLatin1String("{id}"), QLatin1String("1"))
                .replace(QLatin1String("{serial}"), QLatin1String("0A1B"))
                .replace(QLatin1String("{batch_no}"), QLatin1String("SB2026120400001"))
                .replace(QLatin1String("{attachment_id}"), QLatin1String("1"))

                .replace(QLatin1String("{number}"), QLatin1String("ZM20261204000001"))
                .replace(QLatin1String("{code}"), QLatin1String("2222222222222222"));
            const HttpResult r = m2.captured(1) == QLatin1String("get") ? client->get(full) : client->post(full, "{}");
            // Unauthenticated: routed paths answer 401/400/200/204..., never the 404 of a missing
            // route (code not_found) nor the 405 of a route without this method. Public routes
            // may answer their own 404 (an unknown verification code).
            const bool missingRoute = r.status == 404 && r.json().value(QLatin1String("code")).toString() == QLatin1String("not_found");
            QVERIFY2(!missingRoute && r.status != 405 && r.status != 0, qPrintable(m2.captured(1) + u' ' + full));
            ++operations;
        }
    }
QCOMPARE(operations, 51);
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
                             "certificate.empty", "certificate.unknown", "certificate.revoked", "verify.too_many"})
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
                          "CertificateRequest", "CertificateRow", "Certificate", "CertificateContent", "VerificationAnswer"})
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
