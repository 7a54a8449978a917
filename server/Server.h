#pragma once

#include <QObject>

#include <memory>

#include "models/core/Result.h"
#include "server/ServerOptions.h"

class QHttpServer;

namespace shebao::server {

class AuditLog;
class AuthRoutes;
class Authenticator;
class AuthorizationRoutes;
class AuthorizationService;
class BankKeys;
class BankPaymentService;
class BankRoutes;
class BillRoutes;
class BillService;
class BusinessGuard;
class CertLoginService;
class CertificateAuthority;
class CertificateRoutes;
class CertificateService;
class CertificateSigningKey;
class CertificateStore;
class Clock;
class Database;
class DeclarationRoutes;
class DeclarationService;
class HealthRoutes;
class IdempotencyStore;
class LoginService;
class LoginThrottle;
class PersonRoutes;
class SandboxBank;
class SandboxBankRoutes;
class StaffBatchRoutes;
class StaffBillRoutes;
class StaffCertificateRoutes;
class StaffEnrolmentCertificateRoutes;
class StaffLoginService;
class StaffRoutes;
class TlsMaterial;
class TokenService;
class ChangeRoutes;
class ChangeService;
class StaffChangeRoutes;
class UnitRoutes;
class VerifyRoutes;

// The whole server in one object: opens and migrates the database, seeds the demo, prepares
// TLS, registers the routes and listens. main() and the in-process tests both use it. All
// handlers run on the thread that owns this object, the only user of its database connection.
class Server : public QObject
{
    Q_OBJECT
public:
    explicit Server(ServerOptions options, QObject *parent = nullptr);
    ~Server() override;

    // Returns the port actually listened on (useful with port 0).
    Result<quint16> start();
    void stop();

    quint16 port() const { return m_port; }
    QString caFile() const;
    Database &database();
    Clock &clock();
    // The agency's 参保证明 signing key (valid after start()).
    const CertificateSigningKey &signingKey() const { return *m_signingKey; }
    const ServerOptions &options() const { return m_options; }
    // How the public reaches this server (--public-url, or https://localhost:<port>).
    QString publicBase() const { return m_publicBase; }
    // 网上缴费's rules (valid after start()).
    BillService &bills() { return *m_bills; }
    // The sandbox bank (nullptr without --bank-sandbox).
    SandboxBank *sandboxBank() { return m_sandboxBank.get(); }

private:
    // Known paths answer 405 (not 404) for a method they do not serve.
    void registerMethodNotAllowed();

    ServerOptions m_options;
    std::unique_ptr<Clock> m_clock;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<TlsMaterial> m_tls;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<TokenService> m_tokens;
    std::unique_ptr<Authenticator> m_auth;
    std::unique_ptr<LoginService> m_login;
    std::unique_ptr<LoginThrottle> m_loginThrottle;
    std::unique_ptr<IdempotencyStore> m_idempotency;
    std::unique_ptr<HealthRoutes> m_healthRoutes;
    std::unique_ptr<AuthRoutes> m_authRoutes;
    std::unique_ptr<UnitRoutes> m_unitRoutes;
    std::unique_ptr<PersonRoutes> m_personRoutes;
    std::unique_ptr<CertificateAuthority> m_authority;
    std::unique_ptr<CertificateStore> m_certificates;
    std::unique_ptr<BusinessGuard> m_guard;
    std::unique_ptr<CertLoginService> m_certLogin;
    std::unique_ptr<StaffLoginService> m_staffLogin;
    std::unique_ptr<AuthorizationService> m_authorizations;
    std::unique_ptr<AuthorizationRoutes> m_authorizationRoutes;
    std::unique_ptr<StaffRoutes> m_staffRoutes;
    std::unique_ptr<StaffCertificateRoutes> m_staffCertificateRoutes;
    std::unique_ptr<DeclarationService> m_declarations;
    std::unique_ptr<DeclarationRoutes> m_declarationRoutes;
    std::unique_ptr<StaffBatchRoutes> m_staffBatchRoutes;
    std::unique_ptr<ChangeService> m_changes;
    std::unique_ptr<ChangeRoutes> m_changeRoutes;
    std::unique_ptr<StaffChangeRoutes> m_staffChangeRoutes;
    std::unique_ptr<CertificateSigningKey> m_signingKey;
    std::unique_ptr<CertificateService> m_enrolmentCertificates;
    std::unique_ptr<CertificateRoutes> m_certificateRoutes;
    std::unique_ptr<StaffEnrolmentCertificateRoutes> m_staffEnrolmentCertificateRoutes;
    std::unique_ptr<VerifyRoutes> m_verifyRoutes;
    std::unique_ptr<BillService> m_bills;
    std::unique_ptr<BillRoutes> m_billRoutes;
    std::unique_ptr<StaffBillRoutes> m_staffBillRoutes;
    std::unique_ptr<BankKeys> m_bankKeys;
    std::unique_ptr<BankPaymentService> m_bankPayments;
    std::unique_ptr<BankRoutes> m_bankRoutes;
    std::unique_ptr<SandboxBank> m_sandboxBank;
    std::unique_ptr<SandboxBankRoutes> m_sandboxBankRoutes;
    std::unique_ptr<QHttpServer> m_http;
    quint16 m_port = 0;
    QString m_publicBase;
};

} // namespace shebao::server
