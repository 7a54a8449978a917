#pragma once

#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include "models/core/Result.h"

namespace shebao::server {

// What the command line configures. Defaults are the documented ones (DESIGN.md, README).
struct ServerOptions
{
    QString dataDir;                  // --data DIR (required)
    QString dbUrl;                    // --db sqlite:PATH | postgresql://...; empty: DIR/shebao.sqlite
    QHostAddress listenAddress = QHostAddress::LocalHost;
    quint16 listenPort = 8443;        // 0: any free port
    bool demo = false;                // --demo
    int demoPersons = 0;              // --demo-persons N (0: the default few hundred)
    qint64 tokenTtlSeconds = 8 * 3600;
    // --public-url: how the public reaches this server, for the QR code of 参保证明
    // (`<public url>/verify?code=…`). Empty: https://localhost:<port> (a loopback listen address)
    // or https://<listen address>:<port>.
    QString publicUrl;
    // --policy FILE|REGION: the contribution table 断档补缴 bills and 确认工资 use (docs/policy.md);
    // a 6-digit region code names an embedded table unless a file of that name exists.
    QString policy = QStringLiteral("430100");
    // --bank-sandbox (implied by --demo): the sandbox bank's payment page and its signed
    // callbacks (docs/bills.md); its key is DATA/bank-sandbox.key, bank id "sandbox".
    bool bankSandbox = false;
    // --bank-key ID=FILE (repeatable): the HMAC key shared with bank ID, 64 hex characters in a
    // file readable by its owner only.
    QList<QPair<QString, QString>> bankKeys;
    // --bank-pay-url TEMPLATE: the bank's online payment page, "{number}" replaced by the bill's
    // 业务单据号. Empty: the sandbox's page with --bank-sandbox, else no online payment.
    QString bankPayUrl;

    // The effective database URL (the default SQLite file when --db is absent).
    QString effectiveDbUrl() const;

    // Parses argv (arguments()[0] is the program). --help/--version print and exit inside
    // QCommandLineParser::process-like handling is left to main(); here errors are values.
    static Result<ServerOptions> parse(const QStringList &arguments, QString *helpText = nullptr,
                                       bool *helpRequested = nullptr);
};

} // namespace shebao::server
