// shebao-cli: `shebao-cli [connection options] SUBCOMMAND [options]` (DESIGN.md).
#include <QCoreApplication>
#include <QGuiApplication>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <memory>

#include "CliContext.h"
#include "Command.h"

using namespace shebao::cli;

namespace {

void printHelp(QTextStream &out)
{
    out << "usage: shebao-cli [--server URL] [--ca FILE] [--unit NO --password-stdin | --cert FILE.p12 --pin-stdin]\n"
           "                  [--json] SUBCOMMAND [options]\n"
           "Connection options and --json are also accepted after the subcommand.\n"
           "Exit codes: 0 success, 1 the input has problems (listed), 2 the command could not run.\n\n"
           "Subcommands:\n";
    for (Command *command : CommandRegistry::instance().all()) {
        const QString usage = command->usage();
        if (usage.size() <= 34)
            out << "  " << usage.leftJustified(34) << ' ' << command->summary() << '\n';
        else
            out << "  " << usage << "\n  " << QString(35, u' ') << command->summary() << '\n';
    }
    out.flush();
}

// Rendering a form to PDF needs fonts, that is a QGuiApplication; every other subcommand runs
// without one so it works on a server with no Qt platform plugin at all.
bool needsGui(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    auto options = CliContext::parse(arguments);
    if (!options || options.value().help)
        return false;
    const QString command = options.value().command;
    const QStringList &rest = options.value().rest;
    const auto gives = [&rest](const char *option) {
        const QString name = QLatin1String(option);
        return std::any_of(rest.cbegin(), rest.cend(), [&name](const QString &arg) {
            return arg == name || arg.startsWith(name + u'=');
        });
    };
    return command == QLatin1String("render-form") || command == QLatin1String("certificate")
        || ((command == QLatin1String("declare") || command == QLatin1String("change")) && gives("--form"))
        || ((command == QLatin1String("arrears") || command == QLatin1String("bills")) && gives("--slip"));
}

} // namespace

int main(int argc, char **argv)
{
    std::unique_ptr<QCoreApplication> application;
    if (needsGui(argc, argv)) {
        // A command-line program never shows a window: without a platform chosen, use offscreen
        // (works with no display at all).
        if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        application = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        application = std::make_unique<QCoreApplication>(argc, argv);
    }
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
