#pragma once

#include <QEventLoop>
#include <QJsonObject>
#include <QStringList>
#include <QTextStream>
#include <QUrl>

#include <functional>
#include <optional>

#include "app/ApiClient.h"
#include "models/core/Result.h"

class QFile;

namespace shebao::cli {

// What every subcommand may rely on: the parsed connection options, the output streams and a
// configured ApiClient with blocking helpers (a command-line program has nothing else to do
// while it waits).
class CliContext
{
public:
    struct Options
    {
        QUrl server{QStringLiteral("https://127.0.0.1:8443")};
        QString caFile;
        QString unitNo;
        bool passwordStdin = false;
        QString certFile;
        bool pinStdin = false;
        bool json = false;
        bool help = false;
        QString command;
        QStringList rest; // the subcommand's own options and arguments
    };

    // Connection options and --json are accepted before and after the subcommand.
    static Result<Options> parse(const QStringList &arguments);

    CliContext(Options options, QTextStream &out, QTextStream &err);
    ~CliContext();

    const Options &options() const { return m_options; }
    bool json() const { return m_options.json; }
    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }

    // The ApiClient for --server/--ca. Fails when the CA file is unreadable.
    Result<ApiClient *> api();
    // Logs in with --unit and the password read from stdin (--password-stdin), or with --cert
    // FILE.p12 and its PIN from stdin (--pin-stdin; the unit is the certificate's unless --unit
    // says otherwise); the token (and for a certificate the signer) is set on the ApiClient.
    Result<LoginReply> login();
    // The next line of standard input without its line end; empty at EOF.
    QString readStdinLine();
    void logout();

    // Runs an asynchronous ApiClient call to its end.
    template <typename T>
    Result<T> wait(const std::function<void(QObject *, ApiClient::Callback<T>)> &call)
    {
        std::optional<Result<T>> result;
        QEventLoop loop;
        call(&loop, [&](Result<T> r) {
            result.emplace(std::move(r));
            loop.quit();
        });
        if (!result)
            loop.exec();
        return std::move(*result);
    }

    // Prints an error (human text on stderr, or {"error": {...}} on stdout with --json) and
    // returns ExitCannotRun.
    int fail(const Error &error);
    int usageError(const QString &message);
    void printJson(const QJsonObject &object);

private:
    Options m_options;
    QTextStream &m_out;
    QTextStream &m_err;
    Result<LoginReply> certificateLogin();

    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<QFile> m_stdin;
    bool m_loggedIn = false;
};

} // namespace shebao::cli
