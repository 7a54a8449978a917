#include "ui/widgets/FileDialog.h"

#include <QFileDialog>

#include <utility>

namespace shebao::ui {

QString FileDialog::s_nextFileName;
bool FileDialog::s_hasNext = false;

bool FileDialog::takeNext(QString *fileName)
{
    if (!s_hasNext)
        return false;
    s_hasNext = false;
    *fileName = std::exchange(s_nextFileName, QString());
    return true;
}

QString FileDialog::getOpenFileName(QWidget *parent, const QString &caption, const QString &dir,
                                    const QString &filter)
{
    if (QString next; takeNext(&next))
        return next;
    return QFileDialog::getOpenFileName(parent, caption, dir, filter);
}

QString FileDialog::getSaveFileName(QWidget *parent, const QString &caption, const QString &dir,
                                    const QString &filter)
{
    if (QString next; takeNext(&next))
        return next;
    return QFileDialog::getSaveFileName(parent, caption, dir, filter);
}

void FileDialog::setNextFileName(const QString &fileName)
{
    s_nextFileName = fileName;
    s_hasNext = true;
}

} // namespace shebao::ui
