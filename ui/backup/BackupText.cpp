#include "ui/backup/BackupText.h"

#include <QFileInfo>

#include "app/backup/BackupFile.h"
#include "ui/help/GuideSections.h"
#include "ui/help/UserGuideWindow.h"

namespace shebao::ui {

QString BackupText::suggestedFileName(const QString &unitNo, QDate date)
{
    return tr("social-insurance-backup") + u'-' + unitNo + u'-' + date.toString(QStringLiteral("yyyyMMdd")) + suffix();
}

QString BackupText::fileFilter()
{
    return tr("Data backups (*.sbk);;All files (*)");
}

QString BackupText::withSuffix(const QString &fileName)
{
    return QFileInfo(fileName).suffix().isEmpty() ? fileName + suffix() : fileName;
}

QString BackupText::describe(const BackupHeader &header)
{
    return tr("Backup of unit %1, made %2 from server %3 (%4).")
        .arg(header.unitNo, header.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")), header.server,
             header.program);
}

QString BackupText::summary(const SnapshotMerge &merge)
{
    QString text = tr("Restored: %1 draft(s), %2 outbox record(s) of declarations, %3 record(s) of printed forms.")
                       .arg(merge.draftsAdded)
                       .arg(merge.outboxAdded)
                       .arg(merge.printedFormsAdded);
    if (merge.skipped > 0)
        text += QLatin1Char(' ') + tr("%1 item(s) were already on this computer and were left as they are.").arg(merge.skipped);
    return text;
}

void BackupText::openHelp(QWidget *)
{
    UserGuideWindow::showSection(guide::backup());
}

} // namespace shebao::ui
