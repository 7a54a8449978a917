#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

#include "app/backup/BackupFile.h"
#include "models/cache/CacheSnapshot.h"
#include "models/core/Result.h"

namespace shebao {

class LocalCache;
class Settings;

// 数据备份 / 数据恢复 without a window (docs/backup.md), for the desktop and shebao-cli. The cache
// is read and written on its own thread (QtSql connections belong to one thread); the key
// derivation, the sealing and the file run on the thread pool. Every call answers its callback
// exactly once (unless `context` died).
class BackupService : public QObject
{
    Q_OBJECT

public:
    template <typename T>
    using Callback = std::function<void(Result<T>)>;

    explicit BackupService(QObject *parent = nullptr);

    // "host:port" of a server: the cache of one unit on one server is one file, and a backup
    // says which server it was taken from.
    static QString serverId(const QUrl &server);

    // Writes the backup of `cache` (its unit's drafts, outbox, printed forms, preferences) and
    // of `settings` to `path`: the file appears whole or not at all (QSaveFile). `server` is
    // the server the cache belongs to.
    void backup(LocalCache &cache, const Settings &settings, const QUrl &server, const QString &path,
                const QString &password, QObject *context, Callback<BackupHeader> done);

    // The header of a backup file, without the password (synchronous: a small read).
    static Result<BackupHeader> readHeader(const QString &path);

    // Whether `header` may be restored into the cache of `unitNo` on `server`: refused for
    // another unit ("backup.other_unit"); another server is "backup.other_server" unless
    // `otherServerConfirmed` (the user saw both addresses and agreed).
    static Result<void> checkTarget(const BackupHeader &header, const QString &unitNo, const QUrl &server,
                                    bool otherServerConfirmed);

    // Opens the backup with `password` and merges it into `cache` (mergeSnapshot: one
    // transaction, nothing removed or overwritten), then takes its preferences into
    // `settings`. A wrong password, a damaged file or a refused target change nothing.
    // `cache` and `settings` must outlive the call (the desktop's are the session's and the
    // program's; `context` is the dialog asking).
    void restore(const QString &path, const QString &password, LocalCache &cache, Settings &settings,
                 const QUrl &server, bool otherServerConfirmed, QObject *context, Callback<SnapshotMerge> done);

    // Iterations of new backups (tests use fewer); BackupFile::DefaultIterations otherwise.
    void setIterations(int iterations) { m_iterations = iterations; }

signals:
    // A restore added rows to a cache: views of drafts and the outbox should refresh.
    void restored();

private:
    int m_iterations = BackupFile::DefaultIterations;
};

} // namespace shebao
