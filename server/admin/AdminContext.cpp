#include "AdminContext.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>

#include "app/ApiErrors.h"

namespace shebao::admin {

namespace {

Error usage(const QString &message)
{
    return Error{QStringLiteral("cli.usage"), message, {}, {}};
}

// Refusals of the action itself (state, validation, not found, conflicts) as opposed to not
// getting to the action at all (transport, TLS, login, token, role).
bool isRefusal(const Error &error)
{
    const QJsonObject problem = api::problemOf(error);
    if (problem.isEmpty())
        return false;
    const int status = problem.value(QLatin1String("status")).toInt();
    return status == 404 || status == 409 || status == 413 || status == 422;
}

} // namespace

Result<AdminContext::Options> AdminContext::parse(const QStringList &arguments)
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
                return usage(QStringLiteral("--server 需要一个 https:// 地址"));
            options.server = QUrl(text, QUrl::StrictMode);
            if (!options.server.isValid() || options.server.scheme() != QLatin1String("https")
                || options.server.host().isEmpty())
                return usage(QStringLiteral("--server 须为 https:// 地址，例如 https://127.0.0.1:8443"));
        } else if (arg == QLatin1String("--ca")) {
            if (!value(&options.caFile))
                return usage(QStringLiteral("--ca 需要一个证书文件"));
        } else if (arg == QLatin1String("--staff")) {
            if (!value(&options.staff))
                return usage(QStringLiteral("--staff 需要柜员用户名"));
        } else if (arg == QLatin1String("--password-stdin") && !hasInlineValue) {
            options.passwordStdin = true;
        } else if (arg == QLatin1String("--json") && !hasInlineValue) {
            options.json = true;
        } else if ((arg == QLatin1String("--help") || arg == QLatin1String("-h")) && !hasInlineValue) {
            options.help = true;
        } else {
            options.words << arguments.at(i);
        }
    }
    return options;
}

AdminContext::AdminContext(Options options, QTextStream &out, QTextStream &err)
    : m_options(std::move(options)), m_out(out), m_err(err)
{
}

AdminContext::~AdminContext() = default;

QString AdminContext::readStdinLine()
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

Result<StaffClient *> AdminContext::login()
{
    if (m_staff)
        return m_staff.get();
    if (m_options.staff.isEmpty() || !m_options.passwordStdin)
        return usage(QStringLiteral("需要 --staff 用户名 和 --password-stdin（密码从标准输入读取）"));
    auto api = std::make_unique<ApiClient>();
    api->setBaseUrl(m_options.server);
    if (!m_options.caFile.isEmpty()) {
        if (auto added = api->addCaCertificatesFromFile(m_options.caFile); !added)
            return added.error();
    }
    const QString password = readStdinLine();
    if (password.isEmpty())
        return usage(QStringLiteral("标准输入中没有密码"));
    auto staff = std::make_unique<StaffClient>(api.get());
    StaffClient *client = staff.get();
    auto reply = wait<StaffLoginReply>([&](QObject *context, ApiClient::Callback<StaffLoginReply> done) {
        client->login(m_options.staff, password, context, std::move(done));
    });
    if (!reply)
        return reply.error();
    m_api = std::move(api);
    m_staff = std::move(staff);
    return m_staff.get();
}

int AdminContext::fail(const Error &error)
{
    if (m_options.json) {
        QJsonObject object{{QStringLiteral("code"), error.code}, {QStringLiteral("message"), error.message}};
        if (!error.field.isEmpty())
            object.insert(QStringLiteral("field"), error.field);
        printJson(QJsonObject{{QStringLiteral("error"), object}});
    } else {
        m_err << "错误：" << error.message << " [" << error.code << "]" << Qt::endl;
        if (error.code == QLatin1String("tls.untrusted"))
            m_err << "提示：用 --ca FILE 指定服务器的 CA 证书" << Qt::endl;
    }
    return isRefusal(error) ? ExitRefused : ExitCannotRun;
}

int AdminContext::usageError(const QString &message)
{
    return fail(usage(message));
}

void AdminContext::printJson(const QJsonObject &object)
{
    m_out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
    m_out.flush();
}

} // namespace shebao::admin
