#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include "models/cache/CacheSnapshot.h"
#include "models/core/Result.h"

namespace shebao {

// What the readable header of a backup says (docs/backup.md). It is authenticated with the
// content, so a changed header fails the check like a changed byte of the content.
struct BackupHeader
{
    int formatVersion = 0;
    QString server;      // "host:port" of the server the cache belongs to
    QString unitNo;
    QDateTime createdAt; // UTC
    QString program;     // "shebao-desk 0.1.0"
    int iterations = 0;  // PBKDF2 rounds
};

// What a backup holds once opened.
struct BackupContents
{
    CacheSnapshot cache;
    QJsonObject settings; // Settings::toBackup()
};

// The backup file of one unit's local cache (docs/backup.md): a magic, a format version, a JSON
// header, then the content compressed and sealed with AES-256-GCM under a key derived from the
// user's password with PBKDF2-HMAC-SHA256 and a random salt; everything before the sealed part
// is the associated data. Pure functions: no files, no threads (PBKDF2 takes a noticeable
// fraction of a second: callers run them off the UI thread).
class BackupFile
{
public:
    static constexpr int FormatVersion = 1;
    static constexpr int DefaultIterations = 600000;
    // What a file may ask for: fewer rounds would make guessing cheap, more would hang the
    // program (a crafted file); both are refused as damaged.
    static constexpr int MinIterations = 10000;
    static constexpr int MaxIterations = 10000000;
    static constexpr int MinPasswordLength = 8;
    static QByteArray magic(); // "SHEBAOBK"

    // The password rule of a new backup ("backup.password", in Chinese): at least
    // MinPasswordLength characters.
    static Result<void> checkPassword(const QString &password);

    // The file's bytes. header.formatVersion and iterations are set here (iterations from the
    // argument: tests use fewer).
    static Result<QByteArray> write(BackupHeader header, const BackupContents &contents, const QString &password,
                                    int iterations = DefaultIterations);
    // The header only, without the password (for "unit X's backup of <date>"); refuses what is
    // not a backup, another format version, or a damaged header.
    static Result<BackupHeader> readHeader(const QByteArray &file);
    // Opens the file: "backup.password" for a wrong password, "backup.damaged" for a file that
    // was cut or changed anywhere, and the errors of readHeader.
    static Result<BackupContents> read(const QByteArray &file, const QString &password);
};

} // namespace shebao
