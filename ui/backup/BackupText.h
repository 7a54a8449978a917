#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QString>

class QWidget;

namespace shebao {
struct BackupHeader;
struct SnapshotMerge;
} // namespace shebao

namespace shebao::ui {

// The words and file conventions 数据备份 and 数据恢复 share.
class BackupText
{
    Q_DECLARE_TR_FUNCTIONS(shebao::ui::BackupText)

public:
    static QString suffix() { return QStringLiteral(".sbk"); }
    // "社保数据备份-43010000001-20260301.sbk"
    static QString suggestedFileName(const QString &unitNo, QDate date);
    static QString fileFilter();
    // The file name with ".sbk" added when it has no suffix of its own.
    static QString withSuffix(const QString &fileName);
    // "单位 43010000001 的备份，备份于 2026-03-01 16:30，来自服务器 …"
    static QString describe(const BackupHeader &header);
    // What a restore added and left alone.
    static QString summary(const SnapshotMerge &merge);
    // The guide's section of both dialogs.
    static void openHelp(QWidget *parent);
};

} // namespace shebao::ui
