#pragma once

#include <QEventLoop>
#include <QJsonObject>
#include <QStringList>
#include <QTextStream>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

#include "app/ApiClient.h"
#include "app/StaffClient.h"
#include "models/core/Result.h"

class QFile;

namespace shebao::admin {

// Exit codes as in shebao-cli: 0 done, 1 the server refused the action on its merits (wrong
// state, invalid input: listed), 2 it could not run (usage, no server, untrusted TLS, login).
enum ExitCode { ExitOk = 0, ExitRefused = 1, ExitCannotRun = 2 };

// The options every command shares, the streams, the logged-in StaffClient and the blocking
// helpers a command-line tool wants.
class AdminContext
{
public:
    struct Options
    {
        QUrl server{QStringLiteral("https://127.0.0.1:8443")};
        QString caFile;
        QString staff;
        bool passwordStdin = false;
        bool json = false;
        bool help = false;
        QStringList words; // the command and its own arguments
    };

    static Result<Options> parse(const QStringList &arguments);

    AdminContext(Options options, QTextStream &out, QTextStream &err);
    ~AdminContext();

    const Options &options() const { return m_options; }
    bool json() const { return m_options.json; }
    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }

    // The next line of standard input (password first, then a PIN where asked); empty at EOF.
    QString readStdinLine();
    // Logs in as --staff with the password from stdin. The StaffClient of the session.
    Result<StaffClient *> login();

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

    // Prints the error (stderr, or {"error": {...}} on stdout with --json) and returns the exit
    // code: ExitRefused for the server's refusal of the action, ExitCannotRun otherwise.
    int fail(const Error &error);
    int usageError(const QString &message);
    void printJson(const QJsonObject &object);

private:
    Options m_options;
    QTextStream &m_out;
    QTextStream &m_err;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<StaffClient> m_staff;
    std::unique_ptr<QFile> m_stdin;
};

} // namespace shebao::admin
