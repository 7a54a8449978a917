#pragma once

#include <QString>
#include <QUrl>

#include <optional>

#include "models/core/Result.h"

namespace shebao {
class BackupService;
struct BackupHeader;
struct SnapshotMerge;
class LocalCache;
class Settings;
} // namespace shebao

namespace shebao::cli {

// What backup and restore share: where the desktop keeps a unit's cache, and the service's
// asynchronous calls run to their end.
namespace deskcache {

// <GenericDataLocation>/shebao/shebao-desk/cache: shebao-desk's cache root (AppLocalDataLocation
// of organisation "shebao", application "shebao-desk"), whichever program asks.
QString root();
// The desktop's cache file of `unitNo` on `server`; empty when the unit number is not a code.
QString pathFor(const QUrl &server, const QString &unitNo);

Result<BackupHeader> backup(BackupService &service, LocalCache &cache, const Settings &settings, const QUrl &server,
                            const QString &file, const QString &passphrase);
Result<SnapshotMerge> restore(BackupService &service, const QString &file, const QString &passphrase,
                              LocalCache &cache, Settings &settings, const QUrl &server, bool otherServer);

// Refusals that are about the file or the passphrase given (exit 1) rather than the command
// being unable to run (exit 2).
bool isInputProblem(const Error &error);

} // namespace deskcache

} // namespace shebao::cli
