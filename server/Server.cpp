#include "server/Server.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QElapsedTimer>
#include <QHttpServer>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QTcpServer>

#include "server/AuditLog.h"
#include "server/AuthRoutes.h"
#include "server/Authenticator.h"
#include "server/AuthorizationRoutes.h"
#include "server/AuthorizationService.h"
#include "server/BankKeys.h"
#include "server/BankPaymentService.h"
#include "server/BankRoutes.h"
#include "server/BillRoutes.h"
#include "server/BillService.h"
#include "server/BusinessGuard.h"
#include "server/CertLoginService.h"
#include "server/ChangeRoutes.h"
#include "server/ChangeService.h"
#include "server/CertificateAuthority.h"
#include "server/CertificateRoutes.h"
#include "server/CertificateService.h"
#include "server/CertificateSigningKey.h"
#include "server/CertificateStore.h"
#include "server/DemoCertificate.h"
#include "server/Clock.h"
#include "server/Database.h"
#include "server/DeclarationRoutes.h"
#include "server/DeclarationService.h"
#include "server/DemoSeeder.h"
#include "server/HealthRoutes.h"
#include "server/IdempotencyStore.h"
#include "server/LoginService.h"
#include "server/LoginThrottle.h"
#include "server/Migrations.h"
#include "server/PersonRoutes.h"
#include "models/policy/PolicyTable.h"
#include "server/Problem.h"
#include "server/SandboxBank.h"
#include "server/SandboxBankRoutes.h"
#include "server/StaffBatchRoutes.h"
#include "server/StaffBillRoutes.h"
#include "server/StaffCertificateRoutes.h"
#include "server/StaffChangeRoutes.h"
#include "server/StaffEnrolmentCertificateRoutes.h"
#include "server/StaffLoginService.h"
#include "server/StaffRoutes.h"
#include "server/TlsMaterial.h"
#include "server/TokenService.h"
#include "server/UnitRoutes.h"
#include "server/VerifyRoutes.h"

namespace shebao::server {

namespace {

// --policy: a file, or the region code of an embedded table; a file of that name wins (as in
// shebao-cli estimate-arrears).
Result<PolicyTable> loadPolicy(const QString &policy)
{
    static const QRegularExpression regionCode(QStringLiteral("^\\d{6}$"));
    if (regionCode.match(policy).hasMatch() && !QFileInfo::exists(policy))
        return PolicyTable::forRegion(policy);
    return PolicyTable::load(policy);
}

// One year: the server never speaks plain HTTP (docs/deploy.md).
constexpr char HstsValue[] = "max-age=31536000";
} // namespace

Server::Server(ServerOptions options, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_clock(std::make_unique<Clock>()),
      m_db(std::make_unique<Database>()), m_tls(std::make_unique<TlsMaterial>(m_options.dataDir))
{
}

Server::~Server()
{
    stop();
}

Database &Server::database() { return *m_db; }
Clock &Server::clock() { return *m_clock; }
QString Server::caFile() const { return m_tls->caFile(); }

Result<quint16> Server::start()
{
    stop();
    if (!QDir().mkpath(m_options.dataDir))
        return Error{QStringLiteral("server.data"), QStringLiteral("无法创建数据目录。"), m_options.dataDir, {}};
    if (!m_db->isOpen()) {
        if (auto r = m_db->open(m_options.effectiveDbUrl()); !r)
            return r.error();
    }
    if (auto r = Migrations::migrate(*m_db); !r)
        return r.error();
    if (m_options.demo) {
        QElapsedTimer timer;
        timer.start();
        DemoSeeder seeder(*m_db);
        if (auto r = seeder.seed(m_options.demoPersons, Clock::beijingDate(m_clock->now())); !r)
            return r.error();
        qInfo("shebao-server: demo data ready in %lld ms", qint64(timer.elapsed()));
    }
    if (auto r = m_tls->ensure(); !r)
        return r.error();
    m_authority = std::make_unique<CertificateAuthority>(m_options.dataDir);
    if (auto r = m_authority->load(); !r)
        return r.error();
    m_certificates = std::make_unique<CertificateStore>(*m_db, *m_clock);
    m_signingKey = std::make_unique<CertificateSigningKey>(m_options.dataDir);
    if (auto r = m_signingKey->ensure(); !r)
        return r.error();
    if (m_options.demo) {
        DemoCertificate demo(m_options.dataDir, *m_db, *m_authority, *m_certificates);
        if (auto r = demo.ensure(); !r)
            return r.error();
    }

    m_audit = std::make_unique<AuditLog>(*m_db, *m_clock);
    m_tokens = std::make_unique<TokenService>(*m_db, *m_clock, m_options.tokenTtlSeconds);
    m_auth = std::make_unique<Authenticator>(*m_tokens);
    m_login = std::make_unique<LoginService>(*m_db, *m_clock, *m_tokens, *m_audit);
    m_idempotency = std::make_unique<IdempotencyStore>(*m_db, *m_clock);
    // Housekeeping once per start: retries come within minutes, sessions end after their TTL.
    if (auto r = m_idempotency->purgeOlderThan(m_clock->now() - IdempotencyStore::RetentionSeconds); !r)
        return r.error();
    if (auto r = m_db->exec(QStringLiteral("DELETE FROM sessions WHERE expires_at < ?"), {m_clock->now() - 24 * 3600}); !r)
        return r.error();
    m_healthRoutes = std::make_unique<HealthRoutes>(*m_clock);
    m_guard = std::make_unique<BusinessGuard>(*m_db, *m_clock, *m_certificates);
    m_certLogin = std::make_unique<CertLoginService>(*m_db, *m_clock, *m_tokens, *m_audit, *m_authority, *m_certificates);
    m_staffLogin = std::make_unique<StaffLoginService>(*m_db, *m_clock, *m_tokens, *m_audit);
    m_authorizations = std::make_unique<AuthorizationService>(*m_db, *m_clock);
    m_loginThrottle = std::make_unique<LoginThrottle>(*m_clock, *m_audit);
    m_authRoutes = std::make_unique<AuthRoutes>(*m_login, *m_certLogin, *m_auth, *m_idempotency, *m_audit, *m_loginThrottle);
    m_unitRoutes = std::make_unique<UnitRoutes>(*m_auth, *m_db);
    m_personRoutes = std::make_unique<PersonRoutes>(*m_auth, *m_db);
    m_authorizationRoutes = std::make_unique<AuthorizationRoutes>(*m_auth, *m_authorizations, *m_idempotency, *m_audit);
    m_staffRoutes = std::make_unique<StaffRoutes>(*m_staffLogin, *m_auth, *m_authorizations, *m_idempotency, *m_audit,
                                                  *m_loginThrottle);
    m_staffCertificateRoutes = std::make_unique<StaffCertificateRoutes>(*m_auth, *m_db, *m_clock, *m_authority,
                                                                        *m_certificates, *m_idempotency, *m_audit);
    // One contribution table (--policy, the embedded Changsha table by default): the base limits
    // 确认工资 clamps to and the arithmetic of 断档补缴 bills.
    auto policy = loadPolicy(m_options.policy);
    if (!policy)
        return policy.error();
    m_declarations = std::make_unique<DeclarationService>(*m_db, *m_clock, policy.value());
    m_declarationRoutes = std::make_unique<DeclarationRoutes>(*m_auth, *m_declarations, *m_idempotency, *m_guard, *m_audit);
    m_staffBatchRoutes = std::make_unique<StaffBatchRoutes>(*m_auth, *m_declarations, *m_idempotency, *m_audit);
    m_changes = std::make_unique<ChangeService>(*m_db, *m_clock);
    // Proofs uploaded but never submitted are kept a day (a clerk may finish the form later).
    if (auto r = m_changes->store().purgeUnusedAttachments(m_clock->now() - 24 * 3600); !r)
        return r.error();
    m_changeRoutes = std::make_unique<ChangeRoutes>(*m_auth, *m_changes, *m_idempotency, *m_guard, *m_audit);
    m_staffChangeRoutes = std::make_unique<StaffChangeRoutes>(*m_auth, *m_changes, *m_idempotency, *m_audit);
    m_enrolmentCertificates = std::make_unique<CertificateService>(*m_db, *m_clock, *m_signingKey);
    m_certificateRoutes = std::make_unique<CertificateRoutes>(*m_auth, *m_enrolmentCertificates, *m_idempotency, *m_guard, *m_audit);
    m_staffEnrolmentCertificateRoutes =
        std::make_unique<StaffEnrolmentCertificateRoutes>(*m_auth, *m_enrolmentCertificates, *m_idempotency, *m_audit);
    m_verifyRoutes = std::make_unique<VerifyRoutes>(*m_enrolmentCertificates, *m_clock, *m_audit);
    m_bills = std::make_unique<BillService>(*m_db, *m_clock, std::move(policy).value());
    m_billRoutes = std::make_unique<BillRoutes>(*m_auth, *m_bills, *m_idempotency, *m_guard, *m_audit);
    m_staffBillRoutes = std::make_unique<StaffBillRoutes>(*m_auth, *m_bills, *m_audit);
    m_bankKeys = std::make_unique<BankKeys>();
    if (auto r = m_bankKeys->load(m_options.bankKeys); !r)
        return r.error();
    if (m_options.bankSandbox) {
        if (auto r = m_bankKeys->ensureSandbox(m_options.dataDir); !r)
            return r.error();
    }
    m_bankPayments = std::make_unique<BankPaymentService>(*m_db, m_bills->store());
    m_bankRoutes = std::make_unique<BankRoutes>(*m_bankKeys, *m_bankPayments, *m_clock, *m_audit);
    if (m_options.bankSandbox) {
        m_sandboxBank = std::make_unique<SandboxBank>(*m_db, *m_clock, *m_bankKeys->key(BankKeys::SandboxId));
        m_sandboxBankRoutes = std::make_unique<SandboxBankRoutes>(*m_sandboxBank, *m_bankPayments, *m_clock, *m_audit);
    }

    m_http = std::make_unique<QHttpServer>();
    m_healthRoutes->registerOn(*m_http);
    m_authRoutes->registerOn(*m_http);
    m_unitRoutes->registerOn(*m_http);
    m_personRoutes->registerOn(*m_http);
    m_authorizationRoutes->registerOn(*m_http);
    m_staffRoutes->registerOn(*m_http);
    m_staffCertificateRoutes->registerOn(*m_http);
    m_declarationRoutes->registerOn(*m_http);
    m_staffBatchRoutes->registerOn(*m_http);
    m_changeRoutes->registerOn(*m_http);
    m_staffChangeRoutes->registerOn(*m_http);
    m_certificateRoutes->registerOn(*m_http);
    m_staffEnrolmentCertificateRoutes->registerOn(*m_http);
    m_verifyRoutes->registerOn(*m_http);
    m_billRoutes->registerOn(*m_http);
    m_staffBillRoutes->registerOn(*m_http);
    m_bankRoutes->registerOn(*m_http);
    if (m_sandboxBankRoutes)
        m_sandboxBankRoutes->registerOn(*m_http);
    registerMethodNotAllowed();
    m_http->setMissingHandler([](const QHttpServerRequest &, QHttpServerResponder &&responder) {
        // Not a QHttpServerResponse, so afterRequest does not see it: the same headers here.
        const QJsonObject body = Problem::body(Problem::notFound());
        responder.write(QJsonDocument(body).toJson(QJsonDocument::Compact),
                        {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/problem+json")},
                         {QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")},
                         {QByteArrayLiteral("Strict-Transport-Security"), QByteArray(HstsValue)},
                         {QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff")},
                         {QByteArrayLiteral("X-Frame-Options"), QByteArrayLiteral("DENY")}},
                        QHttpServerResponder::StatusCode::NotFound);
    });
    m_http->afterRequest([](QHttpServerResponse &&response) {
        // API answers are per caller and often secret (tokens): never cached by intermediaries.
        response.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
        // HTTPS only, answers are never to be sniffed into another type or framed by another site.
        response.setHeader(QByteArrayLiteral("Strict-Transport-Security"), QByteArray(HstsValue));
        response.setHeader(QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff"));
        response.setHeader(QByteArrayLiteral("X-Frame-Options"), QByteArrayLiteral("DENY"));
        return std::move(response);
    });
    m_http->sslSetup(m_tls->serverConfiguration());
    m_port = m_http->listen(m_options.listenAddress, m_options.listenPort);
    if (m_port == 0) {
        m_http.reset();
        return Error{QStringLiteral("server.listen"), QStringLiteral("无法监听指定的地址和端口。"),
                     QStringLiteral("%1:%2").arg(m_options.listenAddress.toString()).arg(m_options.listenPort), {}};
    }
    // The QR code's address needs the port actually listened on (0 in tests); the TLS
    // certificate names localhost, so a loopback listener is announced as that.
    m_publicBase = m_options.publicUrl;
    if (m_publicBase.isEmpty()) {
        const QHostAddress &a = m_options.listenAddress;
        const QString host = a.isLoopback() || a == QHostAddress::Any || a == QHostAddress::AnyIPv4 || a == QHostAddress::AnyIPv6
            ? QStringLiteral("localhost")
            : (a.protocol() == QAbstractSocket::IPv6Protocol ? u'[' + a.toString() + u']' : a.toString());
        m_publicBase = QStringLiteral("https://%1:%2").arg(host).arg(m_port);
    }
    m_enrolmentCertificates->setPublicBase(m_publicBase);
    m_bills->setPaymentPage(m_publicBase, m_options.bankSandbox, m_options.bankPayUrl);
    if (m_sandboxBank) {
        // The sandbox notifies this server as a bank would: over HTTPS at the public address.
        if (auto r = m_sandboxBank->setTarget(m_publicBase, m_tls->caFile()); !r)
            return r.error();
        if (auto r = m_sandboxBank->resume(); !r)
            return r.error();
    }
    return m_port;
}

void Server::registerMethodNotAllowed()
{
    // Rules match in registration order: these come after every real route of the same path,
    // so they only see the methods that path does not serve.
    using Method = QHttpServerRequest::Method;
    const auto answer = [] {
        return Problem::response(Error{QStringLiteral("method.not_allowed"),
                                       QStringLiteral("该地址不支持此请求方法。"), {}, {}});
    };
    for (const char *path : {"/api/v1/health", "/api/v1/auth/login", "/api/v1/auth/logout", "/api/v1/auth/challenge",
                             "/api/v1/auth/cert-login", "/api/v1/auth/password", "/api/v1/unit",
                             "/api/v1/persons", "/api/v1/authorization", "/api/v1/authorization/confirm",
                             "/api/v1/authorization/scan", "/api/v1/staff/login", "/api/v1/staff/authorizations",
                             "/api/v1/staff/certificates", "/api/v1/staff/certificates/issue",
                             "/api/v1/staff/certificates/register", "/api/v1/declarations/lookup",
                             "/api/v1/declarations/items", "/api/v1/declarations/items/bulk",
                             "/api/v1/declarations/batches", "/api/v1/staff/batches", "/api/v1/changes",
                             "/api/v1/changes/attachments", "/api/v1/staff/changes",
                             "/api/v1/certificates", "/api/v1/staff/enrolment-certificates", "/verify",
                             "/api/v1/arrears/gaps", "/api/v1/arrears/estimate", "/api/v1/bills",
                             "/api/v1/bank/payments", "/api/v1/staff/bills", "/bank-sandbox/pay"})
        m_http->route(QLatin1String(path), Method::AnyKnown, [answer](const QHttpServerRequest &) { return answer(); });
    for (const char *path : {"/api/v1/staff/authorizations/<arg>", "/api/v1/staff/authorizations/<arg>/scan",
                             "/api/v1/staff/authorizations/<arg>/activate", "/api/v1/staff/authorizations/<arg>/reject",
                             "/api/v1/declarations/items/<arg>/withdraw", "/api/v1/changes/<arg>",
                             "/api/v1/changes/<arg>/withdraw", "/api/v1/staff/changes/<arg>",
                             "/api/v1/staff/changes/<arg>/approve", "/api/v1/staff/changes/<arg>/reject"})
        m_http->route(QLatin1String(path), Method::AnyKnown, [answer](qint64, const QHttpServerRequest &) { return answer(); });
    for (const char *path : {"/api/v1/staff/certificates/<arg>/revoke", "/api/v1/declarations/batches/<arg>",
                             "/api/v1/staff/batches/<arg>", "/api/v1/staff/batches/<arg>/receive",
                             "/api/v1/staff/batches/<arg>/return", "/api/v1/certificates/<arg>",
                             "/api/v1/staff/enrolment-certificates/<arg>", "/api/v1/staff/enrolment-certificates/<arg>/revoke",
                             "/api/v1/verify/<arg>", "/api/v1/bills/<arg>", "/api/v1/bills/<arg>/cancel",
                             "/api/v1/bank/bills/<arg>", "/api/v1/staff/bills/<arg>"})
        m_http->route(QLatin1String(path), Method::AnyKnown, [answer](const QString &, const QHttpServerRequest &) { return answer(); });
    m_http->route(QStringLiteral("/api/v1/staff/changes/<arg>/attachments/<arg>"), Method::AnyKnown,
                  [answer](qint64, qint64, const QHttpServerRequest &) { return answer(); });
}

void Server::stop()
{
    if (m_http) {
        for (QTcpServer *tcp : m_http->servers())
            tcp->close();
        m_http.reset();
    }
    m_port = 0;
}

} // namespace shebao::server
