#include "CliContext.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>

#include "Command.h"
#include "app/SoftwareSigner.h"

namespace shebao::cli {

namespace {

Error usage(const QString &message)
{
    return Error{QStringLiteral("cli.usage"), message, {}, {}};
}

} // namespace

Result<CliContext::Options> CliContext::parse(const QStringList &arguments)
{
    Options options;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        QString arg = arguments.at(i);
        QString inlineValue;
        bool hasInlineValue = false;
        if (arg.startsWith(QLatin1String("--")) && arg.contains(u'=')) {
            inlineValue = arg.section(u'=', 1);
            arg = arg.section(u'=', 0, 0);
            hasInlineValue = true;
        }
        const auto value = [&](QString *out) -> bool {
            if (hasInlineValue) {
                *out = inlineValue;
                return true;
            }
            if (i + 1 >= arguments.size())
                return false;
            *out = arguments.at(++i);
            return true;
        };
        if (arg == QLatin1String("--server")) {
            QString text;
            if (!value(&text))
                return usage(QCoreApplication::translate("shebao::cli", "--server needs a URL"));
            options.server = QUrl(text, QUrl::StrictMode);
            if (!options.server.isValid() || options.server.scheme() != QLatin1String("https")
                || options.server.host().isEmpty())
                return usage(QCoreApplication::translate("shebao::cli",
                                                         "--server must be an https:// URL, e.g. https://127.0.0.1:8443"));
        } else if (arg == QLatin1String("--ca")) {
            if (!value(&options.caFile))
                return usage(QCoreApplication::translate("shebao::cli", "--ca needs a file"));
        } else if (arg == QLatin1String("--unit")) {
            if (!value(&options.unitNo))
                return usage(QCoreApplication::translate("shebao::cli", "--unit needs a unit number"));
        } else if (arg == QLatin1String("--cert")) {
            if (!value(&options.certFile))
                return usage(QCoreApplication::translate("shebao::cli", "--cert needs a .p12 file"));
        } else if (arg == QLatin1String("--password-stdin") && !hasInlineValue) {
            options.passwordStdin = true;
        } else if (arg == QLatin1String("--pin-stdin") && !hasInlineValue) {
            options.pinStdin = true;
        } else if (arg == QLatin1String("--json") && !hasInlineValue) {
            options.json = true;
        } else if ((arg == QLatin1String("--help") || arg == QLatin1String("-h")) && !hasInlineValue) {
            options.help = true;
        } else if (options.command.isEmpty() && !arg.startsWith(u'-')) {
            options.command = arg;
        } else {
            options.rest << arguments.at(i);
        }
    }
    return options;
}

CliContext::CliContext(Options options, QTextStream &out, QTextStream &err)
    : m_options(std::move(options)), m_out(out), m_err(err)
{
}

Result<ApiClient *> CliContext::api()
{
    if (!m_api) {
        auto api = std::make_unique<ApiClient>();
        api->setBaseUrl(m_options.server);
        if (!m_options.caFile.isEmpty()) {
            if (auto added = api->addCaCertificatesFromFile(m_options.caFile); !added)
                return added.error();
        }
        m_api = std::move(api);
    }
    return m_api.get();
}

Result<LoginReply> CliContext::login()
{
    if (!m_options.certFile.isEmpty())
        return certificateLogin();
    if (m_options.unitNo.isEmpty() || !m_options.passwordStdin)
        return usage(QCoreApplication::translate(
            "shebao::cli", "This command needs --unit NO and --password-stdin (the password on standard input), "
                           "or --cert FILE.p12 --pin-stdin."));
    auto client = api();
    if (!client)
        return client.error();
    const QString password = readStdinLine();
    if (password.isEmpty())
        return usage(QCoreApplication::translate("shebao::cli", "No password on standard input."));
    ApiClient *api = client.value();
    auto reply = wait<LoginReply>([&](QObject *context, ApiClient::Callback<LoginReply> done) {
        api->login(m_options.unitNo, password, context, std::move(done));
    });
    if (reply) {
        api->setToken(reply.value().token);
        m_loggedIn = true;
    }
    return reply;
}

Result<LoginReply> CliContext::certificateLogin()
{
    if (!m_options.pinStdin)
        return usage(QCoreApplication::translate("shebao::cli",
                                                 "--cert needs --pin-stdin (the certificate's PIN on standard input)."));
    auto client = api();
    if (!client)
        return client.error();
    const QString pin = readStdinLine();
    if (pin.isEmpty())
        return usage(QCoreApplication::translate("shebao::cli", "No PIN on standard input."));
    Result<std::shared_ptr<SoftwareSigner>> signer = SoftwareSigner::fromPkcs12File(m_options.certFile, pin.toUtf8());
    if (!signer)
        return signer.error();
    const QString unitNo =
        m_options.unitNo.isEmpty() ? signer.value()->certificate().subjectSerialNumber() : m_options.unitNo;
    if (unitNo.isEmpty())
        return usage(QCoreApplication::translate("shebao::cli",
                                                 "The certificate names no unit: give the unit number with --unit NO."));
    ApiClient *api = client.value();
    std::shared_ptr<Signer> shared = signer.value();
    auto reply = wait<LoginReply>([&](QObject *context, ApiClient::Callback<LoginReply> done) {
        api->certificateLogin(unitNo, shared, context, std::move(done));
    });
    if (reply) {
        api->setToken(reply.value().token);
        // Every POST of this run is signed (business submissions of certificate users).
        api->setSigner(shared);
        m_loggedIn = true;
    }
    return reply;
}

QString CliContext::readStdinLine()
{
    if (!m_stdin) {
        m_stdin = std::make_unique<QFile>();
        if (!m_stdin->open(stdin, QIODevice::ReadOnly))
            return {};
    }
    QString line = QString::fromUtf8(m_stdin->readLine());
    while (line.endsWith(u'\n') || line.endsWith(u'\r'))
        line.chop(1);
    return line;
}

CliContext::~CliContext() = default;

void CliContext::logout()
{
    if (!m_loggedIn || !m_api)
        return;
    m_loggedIn = false;
    ApiClient *api = m_api.get();
    wait<void>([&](QObject *context, ApiClient::Callback<void> done) { api->logout(context, std::move(done)); });
}

int CliContext::fail(const Error &error)
{
    if (m_options.json) {
        QJsonObject object{{QStringLiteral("code"), error.code}, {QStringLiteral("message"), error.message}};
        if (!error.field.isEmpty())
            object.insert(QStringLiteral("field"), error.field);
        printJson(QJsonObject{{QStringLiteral("error"), object}});
    } else {
        m_err << QCoreApplication::translate("shebao::cli", "error: %1 [%2]").arg(error.message, error.code)
              << Qt::endl;
        if (error.code == QLatin1String("tls.untrusted"))
            m_err << QCoreApplication::translate("shebao::cli", "hint: pass the server's CA certificate with --ca FILE")
                  << Qt::endl;
    }
    return ExitCannotRun;
}

int CliContext::usageError(const QString &message)
{
    return fail(usage(message));
}

void CliContext::printJson(const QJsonObject &object)
{
    m_out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
    m_out.flush();
}

} // namespace shebao::cli
