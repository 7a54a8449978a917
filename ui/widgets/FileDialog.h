#pragma once

#include <QString>

class QWidget;

namespace shebao::ui {

// The seam in front of QFileDialog: tests pre-answer the next question instead of driving a
// native dialog (as KeePassXC's FileDialog::setNextFileName does).
class FileDialog
{
public:
    static QString getOpenFileName(QWidget *parent, const QString &caption, const QString &dir,
                                   const QString &filter);
    static QString getSaveFileName(QWidget *parent, const QString &caption, const QString &dir,
                                   const QString &filter);
    // The next getOpenFileName or getSaveFileName returns this without showing anything
    // ("" = the user cancelled).
    static void setNextFileName(const QString &fileName);

private:
    static bool takeNext(QString *fileName);

    static QString s_nextFileName;
    static bool s_hasNext;
};

} // namespace shebao::ui
