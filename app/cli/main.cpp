// shebao-cli: `shebao-cli [connection options] SUBCOMMAND [options]` (DESIGN.md).
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

#include "CliContext.h"
#include "Command.h"

using namespace shebao::cli;

namespace {

void printHelp(QTextStream &out)
{
    out << "usage: shebao-cli [--server URL] [--ca FILE] [--unit NO --password-stdin] [--json] SUBCOMMAND [options]\n"
           "Connection options and --json are also accepted after the subcommand.\n"
           "Exit codes: 0 success, 1 the input has problems (listed), 2 the command could not run.\n\n"
           "Subcommands:\n";
    for (Command *command : CommandRegistry::instance().all())
        out << "  " << command->usage().leftJustified(34) << ' ' << command->summary() << '\n';
    out.flush();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("shebao-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SHEBAO_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);

    auto options = CliContext::parse(QCoreApplication::arguments());
    if (!options) {
        err << "error: " << options.error().message << '\n';
        printHelp(err);
        return ExitCannotRun;
    }
    if (options.value().command.isEmpty() || options.value().command == QLatin1String("help")) {
        printHelp(options.value().help || options.value().command == QLatin1String("help") ? out : err);
        return options.value().help || !options.value().command.isEmpty() ? ExitOk : ExitCannotRun;
    }
    Command *command = CommandRegistry::instance().find(options.value().command);
    if (!command) {
        err << "error: unknown subcommand " << options.value().command << '\n';
        printHelp(err);
        return ExitCannotRun;
    }
    if (options.value().help) {
        out << "usage: shebao-cli [connection options] " << command->usage() << '\n'
            << command->summary() << '\n';
        return ExitOk;
    }
    CliContext context(std::move(options).value(), out, err);
    const QStringList rest = context.options().rest;
    const int code = command->run(context, rest);
    context.logout();
    out.flush();
    err.flush();
    return code;
}
