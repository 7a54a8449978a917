#include <QDir>
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

// shebao-cli backup --out FILE.sbk --passphrase-stdin [--cache FILE]: the desktop's 数据备份 for
// scripts (a nightly copy of the clerk's drafts and unsent items). The cache is the desktop's
// cache of --unit on --server unless --cache names one. No login: the cache is local.
class BackupCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("backup"); }
    QString usage() const override
    {
        return QStringLiteral("backup --out FILE.sbk --passphrase-stdin [--unit NO | --cache FILE]");
    }
    QString summary() const override
    {
        return QStringLiteral("seal the drafts, outbox and printed-form record of a unit's local cache in a backup file");
    }

    int run(CliContext &context, const QStringList &args) override
    {
        ArgumentReader reader(args);
        const std::optional<QString> out = reader.value(QStringLiteral("--out"));
        const std::optional<QString> cacheArg = reader.value(QStringLiteral("--cache"));
        const bool passphraseStdin = reader.flag(QStringLiteral("--passphrase-stdin"));
        const QStringList positional = reader.positional();
        if (!reader.missingValue().isEmpty() || !reader.unknown().isEmpty() || !positional.isEmpty() || !out
            || !passphraseStdin)
            return context.usageError(QStringLiteral("用法：shebao-cli %1").arg(usage()));
        const QUrl server = context.options().server;
        const QString cachePath = cacheArg ? *cacheArg : deskcache::pathFor(server, context.options().unitNo);
        if (cachePath.isEmpty())
            return context.fail(usageError(QStringLiteral("请用 --unit 指明单位编号，或用 --cache 指明本地缓存文件"),
                                           QStringLiteral("--unit")));
        if (!QFileInfo::exists(cachePath))
            return context.fail(Error{QStringLiteral("backup.no_cache"),
                                      QStringLiteral("没有找到本地缓存 %1").arg(QDir::toNativeSeparators(cachePath)),
                                      {}, QStringLiteral("--cache")});
        LocalCache cache;
        if (Result<void> opened = cache.open(cachePath); !opened)
            return context.fail(opened.error());
        const QString passphrase = context.readStdinLine();
        Settings settings;
        BackupService service;
        Result<BackupHeader> written = deskcache::backup(service, cache, settings, server, *out, passphrase);
        if (!written) {
            context.fail(written.error());
            return deskcache::isInputProblem(written.error()) ? int(ExitInputProblems) : int(ExitCannotRun);
        }
        const BackupHeader &h = written.value();
        if (context.json()) {
            context.printJson({{QStringLiteral("file"), QFileInfo(*out).absoluteFilePath()},
                               {QStringLiteral("unit_no"), h.unitNo},
                               {QStringLiteral("server"), h.server},
                               {QStringLiteral("created_at"), h.createdAt.toString(Qt::ISODate)},
                               {QStringLiteral("format_version"), h.formatVersion}});
        } else {
            context.out() << "已将单位 " << h.unitNo << "（服务器 " << h.server << "）的本地数据备份到 "
                          << QDir::toNativeSeparators(QFileInfo(*out).absoluteFilePath()) << '\n';
        }
        return ExitOk;
    }
};

const RegisterCommand<BackupCommand> registered;

} // namespace

} // namespace shebao::cli
