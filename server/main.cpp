// shebao-server: the reference backend (see server/Server.h and docs/openapi.yaml).
#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <cstdio>

#include "server/Server.h"

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

namespace {

#ifdef Q_OS_UNIX
int s_signalPipe[2] = {-1, -1};

// Only async-signal-safe work here: the event loop reads the pipe and quits cleanly.
void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(s_signalPipe[1], &byte, 1);
}

void installSignalHandlers(QCoreApplication &app)
{
    if (::pipe(s_signalPipe) != 0)
        return;
    ::fcntl(s_signalPipe[1], F_SETFL, O_NONBLOCK);
    auto *notifier = new QSocketNotifier(s_signalPipe[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [&app] {
        char byte = 0;
        [[maybe_unused]] const auto got = ::read(s_signalPipe[0], &byte, 1);
        app.quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
}
#else
void installSignalHandlers(QCoreApplication &) {}
#endif

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("shebao-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SHEBAO_SERVER_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    QString help;
    bool helpRequested = false;
    auto options = shebao::server::ServerOptions::parse(app.arguments(), &help, &helpRequested);
    if (helpRequested) {
        out << help;
        return 0;
    }
    if (!options) {
        err << "shebao-server: " << options.error().message << "\n\n" << help;
        return 2;
    }

    installSignalHandlers(app);
    shebao::server::Server server(options.value());
    auto port = server.start();
    if (!port) {
        err << "shebao-server: " << port.error().message << ' ' << port.error().detail << '\n';
        return 1;
    }
    QString host = options.value().listenAddress.toString();
    if (options.value().listenAddress.protocol() == QAbstractSocket::IPv6Protocol)
        host = u'[' + host + u']';
    out << "shebao-server listening on https://" << host << ':' << port.value() << Qt::endl;
    out.flush();
    const int rc = app.exec();
    server.stop();
    return rc;
}
