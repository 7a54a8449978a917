// shebao-desk: log in (online, or offline from the local cache), then the unit's workspace.
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QSslCertificate>

#include <cstdio>

#include "app/AppContext.h"
#include "app/Session.h"
#include "app/Settings.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "ui/ServerSettingsDialog.h"
#include "ui/Translations.h"

namespace {

// Scripts and support staff point the client at a server without opening the dialog; the
// choice is stored, as if made in the server settings dialog.
bool applyCommandLine(const QCommandLineParser &parser, const QCommandLineOption &server,
                      const QCommandLineOption &ca, shebao::Settings &settings)
{
    // Both are checked before either is stored, so a typo leaves the previous settings intact.
    QUrl url;
    if (parser.isSet(server)) {
        const shebao::Result<QUrl> parsed = shebao::ServerSettingsDialog::parseServerUrl(parser.value(server));
        if (!parsed) {
            std::fprintf(stderr, "%s\n", qPrintable(parsed.error().message));
            return false;
        }
        url = parsed.value();
    }
    QString caFile;
    if (parser.isSet(ca)) {
        const QFileInfo file(parser.value(ca));
        if (QSslCertificate::fromPath(file.filePath(), QSsl::Pem).isEmpty()) {
            std::fprintf(stderr, "%s\n",
                         qPrintable(QCoreApplication::translate("main", "Cannot read the CA file %1.")
                                        .arg(QDir::toNativeSeparators(file.filePath()))));
            return false;
        }
        caFile = file.absoluteFilePath();
    }
    if (url.isValid())
        settings.setServerUrl(url);
    if (!caFile.isEmpty())
        settings.setCaFile(caFile);
    settings.sync();
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("shebao"));
    QApplication::setApplicationName(QStringLiteral("shebao-desk"));
    QApplication::setApplicationVersion(QStringLiteral(SHEBAO_VERSION));

    // The language is known before any translated text is built, so look for it first.
    QString language = QStringLiteral("zh_CN");
    const QStringList args = QApplication::arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args.at(i) == u"--lang" && i + 1 < args.size())
            language = args.at(i + 1);
        else if (args.at(i).startsWith(u"--lang="))
            language = args.at(i).mid(7);
    }
    if (!shebao::ui::installTranslations(language) && language != u"zh_CN")
        shebao::ui::installTranslations(QStringLiteral("zh_CN"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Social insurance business of employer units in Changsha."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption server(QStringLiteral("server"),
                                    QCoreApplication::translate("main", "Server address (https://HOST:PORT); stored."),
                                    QStringLiteral("URL"));
    const QCommandLineOption ca(QStringLiteral("ca"),
                                QCoreApplication::translate("main", "Extra CA certificate (PEM) to trust; stored."),
                                QStringLiteral("FILE"));
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  QCoreApplication::translate("main", "User interface language: zh_CN (default) or en."),
                                  QStringLiteral("LANG"), QStringLiteral("zh_CN"));
    parser.addOptions({server, ca, lang});
    parser.process(app);

    auto settings = std::make_unique<shebao::Settings>();
    settings->migrate();
    if (!applyCommandLine(parser, server, ca, *settings))
        return 2;

    shebao::AppContext context(std::move(settings));
    shebao::LoginDialog login(context);
    if (login.exec() != QDialog::Accepted)
        return 0;

    shebao::MainWindow window(context);
    window.show();
    if (!context.session().isOffline())
        window.startSync();
    return app.exec();
}
