#include "ui/widgets/FileDialog.h"

#include <QFileDialog>

#include <utility>

namespace shebao::ui {

QString FileDialog::s_nextFileName;
bool FileDialog::s_hasNext = false;

QString FileDialog::getOpenFileName(QWidget *parent, const QString &caption, const QString &dir,
                                    const QString &filter)
{
    if (s_hasNext) {
        s_hasNext = false;
        return std::exchange(s_nextFileName, QString());
    }
    return QFileDialog::getOpenFileName(parent, caption, dir, filter);
}

void FileDialog::setNextFileName(const QString &fileName)
{
    s_nextFileName = fileName;
    s_hasNext = true;
}

} // namespace shebao::ui
