#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>

#include "ArgumentReader.h"
#include "CliContext.h"
#include "Command.h"
#include "DeskCache.h"
#include "app/Settings.h"
#include "app/backup/BackupService.h"
#include "models/cache/LocalCache.h"

namespace shebao::cli {

namespace {

// shebao-cli restore FILE.sbk --passphrase-stdin [--cache FILE] [--other-server]: 数据恢复 without
// the desktop, e.g. on a new computer before its first login. The target is the desktop's cache
// of the backup's unit on --server (created when missing) unless --cache names one; --unit, when
// given, must be the backup's unit. A backup of another server needs --other-server.
class RestoreCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("restore"); }
    QString usage() const override
    {
        return QStringLiteral("restore FILE.sbk --passphrase-stdin [--cache FILE] [--other-server]");
    }
    QString summary() const override
    {
        return QStringLiteral("add a backup's drafts, outbox and printed-form record to a unit's local cache");
    }

    int run(CliContext &context, const QStringList &args) override
    {
        ArgumentReader reader(args);
        const std::optional<QString> cacheArg = reader.value(QStringLiteral("--cache"));
        const bool passphraseStdin = reader.flag(QStringLiteral("--passphrase-stdin"));
        const bool otherServer = reader.flag(QStringLiteral("--other-server"));
        const QStringList positional = reader.positional();
        if (!reader.missingValue().isEmpty() || !reader.unknown().isEmpty() || positional.size() != 1
            || !passphraseStdin)
            return context.usageError(QStringLiteral("用法：shebao-cli %1").arg(usage()));
        const QString file = positional.first();
        const QUrl server = context.options().server;
        Result<BackupHeader> header = BackupService::readHeader(file);
        if (!header) {
            context.fail(header.error());
            return deskcache::isInputProblem(header.error()) ? int(ExitInputProblems) : int(ExitCannotRun);
        }
        // Checked before the cache is touched: a wrong unit never creates a cache file.
        const QString unitNo = context.options().unitNo.isEmpty() ? header.value().unitNo : context.options().unitNo;
        if (Result<void> target = BackupService::checkTarget(header.value(), unitNo, server, otherServer); !target) {
            context.fail(target.error());
            if (target.error().code == u"backup.other_server")
                context.err() << "如确需恢复到当前服务器，请加 --other-server\n";
            return ExitInputProblems;
        }
        const QString cachePath = cacheArg ? *cacheArg : deskcache::pathFor(server, unitNo);
        if (cachePath.isEmpty())
            return context.fail(usageError(QStringLiteral("备份中的单位编号无法用作文件名"), QStringLiteral("FILE")));
        const QString passphrase = context.readStdinLine();
        const bool existed = QFileInfo::exists(cachePath);
        LocalCache cache;
        if (Result<void> opened = cache.open(cachePath); !opened)
            return context.fail(opened.error());
        Settings settings;
        BackupService service;
        Result<SnapshotMerge> merged =
            deskcache::restore(service, file, passphrase, cache, settings, server, otherServer);
        if (!merged) {
            // A refused restore leaves no trace, not even the empty cache it opened.
            if (!existed) {
                cache.close();
                for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
                    QFile::remove(cachePath + suffix);
            }
            context.fail(merged.error());
            return deskcache::isInputProblem(merged.error()) ? int(ExitInputProblems) : int(ExitCannotRun);
        }
        const SnapshotMerge &m = merged.value();
        if (context.json()) {
            context.printJson({{QStringLiteral("cache"), QFileInfo(cachePath).absoluteFilePath()},
                               {QStringLiteral("unit_no"), header.value().unitNo},
                               {QStringLiteral("drafts_added"), m.draftsAdded},
                               {QStringLiteral("outbox_added"), m.outboxAdded},
                               {QStringLiteral("printed_forms_added"), m.printedFormsAdded},
                               {QStringLiteral("skipped"), m.skipped}});
        } else {
            context.out() << "已恢复到 " << QDir::toNativeSeparators(QFileInfo(cachePath).absoluteFilePath())
                          << "：草稿 " << m.draftsAdded << " 份，申报发送记录 " << m.outboxAdded << " 条，打印记录 "
                          << m.printedFormsAdded << " 条；已在本机而未重复导入 " << m.skipped << " 项\n";
        }
        return ExitOk;
    }
};

const RegisterCommand<RestoreCommand> registered;

} // namespace

} // namespace shebao::cli
