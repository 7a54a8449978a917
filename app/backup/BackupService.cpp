#include "app/backup/BackupService.h"

#include <QCoreApplication>
#include <QFile>
#include <QFutureWatcher>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentRun>

#include "app/Settings.h"
#include "models/cache/LocalCache.h"

namespace shebao {

namespace {

// The continuation runs in `context`'s thread, and not at all if `context` is gone.
template <typename T, typename Work, typename Then>
void offThread(QObject *context, Work work, Then then)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcher<T>::finished, context, [watcher, then] {
        watcher->deleteLater();
        then(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

Error fileError(const QString &code, const QString &message, const QString &detail)
{
    return Error{code, message, detail, QStringLiteral("file")};
}

Result<QByteArray> readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return fileError(QStringLiteral("backup.read"),
                         QCoreApplication::translate("shebao::BackupService", "The file %1 cannot be read.").arg(path),
                         file.errorString());
    }
    // A backup of a unit's drafts and outbox is small; a file far larger is not one.
    constexpr qint64 MaxBytes = 512LL * 1024 * 1024;
    if (file.size() > MaxBytes) {
        return Error{QStringLiteral("backup.not_backup"),
                     QCoreApplication::translate("shebao::BackupService",
                                                 "The file is too large to be a data backup of this program."),
                     {}, QStringLiteral("file")};
    }
    return file.readAll();
}

} // namespace

BackupService::BackupService(QObject *parent) : QObject(parent) {}

QString BackupService::serverId(const QUrl &server)
{
    return server.host().toLower() + u':' + QString::number(server.port(443));
}

void BackupService::backup(LocalCache &cache, const Settings &settings, const QUrl &server, const QString &path,
                           const QString &password, QObject *context, Callback<BackupHeader> done)
{
    if (Result<void> ok = BackupFile::checkPassword(password); !ok) {
        done(ok.error());
        return;
    }
    Result<CacheSnapshot> snapshot = takeSnapshot(cache);
    if (!snapshot) {
        done(snapshot.error());
        return;
    }
    BackupHeader header;
    header.server = serverId(server);
    header.unitNo = snapshot.value().unitNo;
    header.createdAt = QDateTime::currentDateTimeUtc();
    header.program = QCoreApplication::applicationName() + u' ' + QCoreApplication::applicationVersion();
    if (header.unitNo.isEmpty()) {
        done(Error{QStringLiteral("backup.no_unit"),
                   QCoreApplication::translate("shebao::BackupService",
                                               "The local cache does not say which unit it belongs to: log in online "
                                               "once, then back it up."),
                   {}, {}});
        return;
    }
    BackupContents contents{std::move(snapshot).value(), settings.toBackup()};
    const int iterations = m_iterations;
    offThread<Result<BackupHeader>>(
        context,
        [header, contents, password, path, iterations]() -> Result<BackupHeader> {
            Result<QByteArray> bytes = BackupFile::write(header, contents, password, iterations);
            if (!bytes)
                return bytes.error();
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(bytes.value()) != bytes.value().size()
                || !file.commit()) {
                return fileError(QStringLiteral("backup.write"),
                                 QCoreApplication::translate("shebao::BackupService",
                                                             "The backup cannot be written to %1.")
                                     .arg(path),
                                 file.errorString());
            }
            // Drafts and the outbox hold ID numbers: the file is for its owner only.
            QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
            Result<BackupHeader> written = BackupFile::readHeader(bytes.value());
            return written;
        },
        std::move(done));
}

Result<BackupHeader> BackupService::readHeader(const QString &path)
{
    Result<QByteArray> bytes = readAll(path);
    if (!bytes)
        return bytes.error();
    return BackupFile::readHeader(bytes.value());
}

Result<void> BackupService::checkTarget(const BackupHeader &header, const QString &unitNo, const QUrl &server,
                                        bool otherServerConfirmed)
{
    if (header.unitNo != unitNo) {
        return Error{QStringLiteral("backup.other_unit"),
                     QCoreApplication::translate("shebao::BackupService",
                                                 "This backup belongs to unit %1; the unit logged in is %2. Log in as "
                                                 "unit %1 to restore it: one unit's data is never restored into "
                                                 "another's.")
                         .arg(header.unitNo, unitNo),
                     {}, QStringLiteral("file")};
    }
    if (header.server != serverId(server) && !otherServerConfirmed) {
        return Error{QStringLiteral("backup.other_server"),
                     QCoreApplication::translate("shebao::BackupService",
                                                 "This backup was taken from server %1; the current server is %2. "
                                                 "Items in it that were not sent yet will be sent to the current "
                                                 "server.")
                         .arg(header.server, serverId(server)),
                     {}, QStringLiteral("file")};
    }
    return {};
}

void BackupService::restore(const QString &path, const QString &password, LocalCache &cache, Settings &settings,
                            const QUrl &server, bool otherServerConfirmed, QObject *context,
                            Callback<SnapshotMerge> done)
{
    using Opened = Result<std::pair<BackupHeader, BackupContents>>;
    offThread<Opened>(
        context,
        [path, password]() -> Opened {
            Result<QByteArray> bytes = readAll(path);
            if (!bytes)
                return bytes.error();
            Result<BackupHeader> header = BackupFile::readHeader(bytes.value());
            if (!header)
                return header.error();
            Result<BackupContents> contents = BackupFile::read(bytes.value(), password);
            if (!contents)
                return contents.error();
            return std::pair{header.value(), std::move(contents).value()};
        },
        [this, &cache, &settings, server, otherServerConfirmed, done = std::move(done)](Opened opened) {
            if (!opened) {
                done(opened.error());
                return;
            }
            const auto &[header, contents] = opened.value();
            const QString cacheUnit = cache.meta(QStringLiteral("unit_no"));
            if (Result<void> ok = checkTarget(header, cacheUnit.isEmpty() ? header.unitNo : cacheUnit, server,
                                              otherServerConfirmed);
                !ok) {
                done(ok.error());
                return;
            }
            Result<SnapshotMerge> merged = mergeSnapshot(cache, contents.cache);
            if (!merged) {
                done(merged.error());
                return;
            }
            settings.restorePreferences(contents.settings);
            settings.sync();
            emit restored();
            done(merged.value());
        });
}

} // namespace shebao
