#include "DeskCache.h"

#include <QDir>
#include <QEventLoop>
#include <QStandardPaths>

#include "app/LoginService.h"
#include "app/backup/BackupService.h"

namespace shebao::cli::deskcache {

namespace {

template <typename T, typename Call>
Result<T> runToEnd(Call call)
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

} // namespace

QString root()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("shebao/shebao-desk/cache"));
}

QString pathFor(const QUrl &server, const QString &unitNo)
{
    return LoginService::cachePath(root(), server, unitNo);
}

Result<BackupHeader> backup(BackupService &service, LocalCache &cache, const Settings &settings, const QUrl &server,
                            const QString &file, const QString &passphrase)
{
    return runToEnd<BackupHeader>([&](QObject *context, auto done) {
        service.backup(cache, settings, server, file, passphrase, context, done);
    });
}

Result<SnapshotMerge> restore(BackupService &service, const QString &file, const QString &passphrase,
                              LocalCache &cache, Settings &settings, const QUrl &server, bool otherServer)
{
    return runToEnd<SnapshotMerge>([&](QObject *context, auto done) {
        service.restore(file, passphrase, cache, settings, server, otherServer, context, done);
    });
}

bool isInputProblem(const Error &error)
{
    static const QStringList codes{QStringLiteral("backup.password"),      QStringLiteral("backup.password_short"),
                                   QStringLiteral("backup.damaged"),       QStringLiteral("backup.not_backup"),
                                   QStringLiteral("backup.version"),       QStringLiteral("backup.content"),
                                   QStringLiteral("backup.too_new"),       QStringLiteral("backup.other_unit"),
                                   QStringLiteral("backup.other_server")};
    return codes.contains(error.code);
}

} // namespace shebao::cli::deskcache
