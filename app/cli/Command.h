#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace shebao::cli {

class CliContext;

// Exit codes of DESIGN.md: 0 success, 1 the input has problems (listed), 2 the command could
// not run (bad usage, unreadable file, no server, login refused).
enum ExitCode { ExitOk = 0, ExitInputProblems = 1, ExitCannotRun = 2 };

// One subcommand. Connection options and --json are parsed before run() (CliContext); args
// holds what is left: the subcommand's own options and positional arguments.
class Command
{
public:
    virtual ~Command() = default;
    virtual QString name() const = 0;
    virtual QString usage() const = 0;   // e.g. "persons [--reveal]"
    virtual QString summary() const = 0; // one line for the help
    virtual int run(CliContext &context, const QStringList &args) = 0;
};

class CommandRegistry
{
public:
    static CommandRegistry &instance();
    void add(std::unique_ptr<Command> command);
    Command *find(const QString &name) const;
    QList<Command *> all() const; // sorted by name

private:
    std::vector<std::unique_ptr<Command>> m_commands;
};

// In a command's .cpp: `const RegisterCommand<MyCommand> registered;` (anonymous namespace).
// The files are compiled into the executable itself, so the registrations are always linked.
template <typename T>
struct RegisterCommand
{
    RegisterCommand() { CommandRegistry::instance().add(std::make_unique<T>()); }
};

} // namespace shebao::cli
