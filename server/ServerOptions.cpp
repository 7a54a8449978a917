#include "server/ServerOptions.h"

#include <QCommandLineParser>
#include <QDir>
#include <QRegularExpression>
#include <QUrl>

namespace shebao::server {

namespace {

Error usageError(const QString &message)
{
    return Error{QStringLiteral("cli.usage"), message, {}, {}};
}

} // namespace

QString ServerOptions::effectiveDbUrl() const
{
    if (!dbUrl.isEmpty())
        return dbUrl;
    return QStringLiteral("sqlite:") + QDir(dataDir).filePath(QStringLiteral("shebao.sqlite"));
}

Result<ServerOptions> ServerOptions::parse(const QStringList &arguments, QString *helpText,
                                           bool *helpRequested)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("shebao-server: reference backend of shebao-desk (HTTPS JSON API under /api/v1)."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption data(QStringLiteral("data"),
                                  QStringLiteral("Data directory (database, tls/)."), QStringLiteral("DIR"));
    const QCommandLineOption db(QStringLiteral("db"),
                                QStringLiteral("Database URL: sqlite:PATH or postgresql://user[:pw]@host:port/db."),
                                QStringLiteral("URL"));
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    QStringLiteral("Address to listen on (default 127.0.0.1:8443; port 0 = any)."),
                                    QStringLiteral("HOST:PORT"));
    const QCommandLineOption demo(QStringLiteral("demo"), QStringLiteral("Seed the demo units, people and staff."));
    const QCommandLineOption demoPersons(QStringLiteral("demo-persons"),
                                         QStringLiteral("With --demo: unit 43010000001 gets N persons."),
                                         QStringLiteral("N"));
    const QCommandLineOption ttl(QStringLiteral("token-ttl"),
                                 QStringLiteral("Session token lifetime in seconds (default 28800)."),
                                 QStringLiteral("SECONDS"));
    const QCommandLineOption publicUrl(QStringLiteral("public-url"),
                                       QStringLiteral("Public base address of the verification page in certificates' QR codes"
                                                      " (default https://localhost:PORT)."),
                                       QStringLiteral("URL"));
    const QCommandLineOption policy(QStringLiteral("policy"),
                                    QStringLiteral("Contribution policy table: a shebao-policy/1 file or the region code of an"
                                                   " embedded table (default 430100)."),
                                    QStringLiteral("FILE|REGION"));
    const QCommandLineOption bankSandbox(QStringLiteral("bank-sandbox"),
                                         QStringLiteral("Serve the sandbox bank's payment page (implied by --demo; never in production)."));
    const QCommandLineOption bankKey(QStringLiteral("bank-key"),
                                     QStringLiteral("A bank's HMAC key: bank id and a file of 64 hex characters, mode 0600 (repeatable)."),
                                     QStringLiteral("ID=FILE"));
    const QCommandLineOption bankPayUrl(QStringLiteral("bank-pay-url"),
                                        QStringLiteral("The bank's online payment page, {number} replaced by the bill number."),
                                        QStringLiteral("TEMPLATE"));
    parser.addOptions({data, db, listen, demo, demoPersons, ttl, publicUrl, policy, bankSandbox, bankKey, bankPayUrl});
    if (helpText)
        *helpText = parser.helpText();

    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (helpRequested)
        *helpRequested = parser.isSet(helpOption);
    if (parser.isSet(helpOption))
        return ServerOptions{};
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unexpected argument: %1").arg(parser.positionalArguments().constFirst()));

    ServerOptions o;
    o.dataDir = parser.value(data);
    if (o.dataDir.isEmpty())
        return usageError(QStringLiteral("--data DIR is required"));
    o.dbUrl = parser.value(db);
    if (!o.dbUrl.isEmpty() && !o.dbUrl.startsWith(QLatin1String("sqlite:"))
        && !o.dbUrl.startsWith(QLatin1String("postgresql://")))
        return usageError(QStringLiteral("--db must be sqlite:PATH or postgresql://..."));
    if (parser.isSet(listen)) {
        const QString value = parser.value(listen);
        const qsizetype colon = value.lastIndexOf(u':');
        bool portOk = false;
        const uint port = colon > 0 ? value.mid(colon + 1).toUInt(&portOk) : 0;
        QString host = colon > 0 ? value.left(colon) : QString();
        if (host.startsWith(u'[') && host.endsWith(u']'))
            host = host.mid(1, host.size() - 2);
        if (host == QLatin1String("localhost"))
            host = QStringLiteral("127.0.0.1");
        const QHostAddress address(host);
        if (!portOk || port > 65535 || address.isNull())
            return usageError(QStringLiteral("--listen expects HOST:PORT, got %1").arg(value));
        o.listenAddress = address;
        o.listenPort = quint16(port);
    }
    o.demo = parser.isSet(demo);
    if (parser.isSet(demoPersons)) {
        bool ok = false;
        o.demoPersons = parser.value(demoPersons).toInt(&ok);
        if (!ok || o.demoPersons < 0 || o.demoPersons > 2000000)
            return usageError(QStringLiteral("--demo-persons expects 0..2000000"));
    }
    if (parser.isSet(ttl)) {
        bool ok = false;
        o.tokenTtlSeconds = parser.value(ttl).toLongLong(&ok);
        if (!ok || o.tokenTtlSeconds < 1)
            return usageError(QStringLiteral("--token-ttl expects a positive number of seconds"));
    }
    if (parser.isSet(publicUrl)) {
        const QUrl url(parser.value(publicUrl), QUrl::StrictMode);
        if (!url.isValid() || url.scheme() != QLatin1String("https") || url.host().isEmpty() || url.hasQuery())
            return usageError(QStringLiteral("--public-url expects an https:// address without query"));
        o.publicUrl = url.toString(QUrl::StripTrailingSlash);
    }
    if (parser.isSet(policy)) {
        o.policy = parser.value(policy).trimmed();
        if (o.policy.isEmpty())
            return usageError(QStringLiteral("--policy expects a file or a region code"));
    }
    o.bankSandbox = o.demo || parser.isSet(bankSandbox);
    static const QRegularExpression bankId(QStringLiteral("^[A-Za-z0-9_-]{1,32}$"));
    for (const QString &value : parser.values(bankKey)) {
        const qsizetype equals = value.indexOf(u'=');
        const QString id = equals > 0 ? value.left(equals) : QString();
        const QString file = equals > 0 ? value.mid(equals + 1) : QString();
        if (!bankId.match(id).hasMatch() || file.isEmpty())
            return usageError(QStringLiteral("--bank-key expects ID=FILE (ID: 1-32 of A-Z a-z 0-9 - _), got %1").arg(value));
        if (id == QLatin1String("sandbox"))
            return usageError(QStringLiteral("--bank-key: the bank id \"sandbox\" belongs to --bank-sandbox"));
        for (const auto &known : std::as_const(o.bankKeys)) {
            if (known.first == id)
                return usageError(QStringLiteral("--bank-key: bank %1 given twice").arg(id));
        }
        o.bankKeys.append({id, file});
    }
    if (parser.isSet(bankPayUrl)) {
        o.bankPayUrl = parser.value(bankPayUrl).trimmed();
        const QUrl url(QString(o.bankPayUrl).replace(QLatin1String("{number}"), QLatin1String("0")), QUrl::StrictMode);
        if (!o.bankPayUrl.contains(QLatin1String("{number}")) || !url.isValid() || url.scheme() != QLatin1String("https")
            || url.host().isEmpty())
            return usageError(QStringLiteral("--bank-pay-url expects an https:// address containing {number}"));
    }
    return o;
}

} // namespace shebao::server
