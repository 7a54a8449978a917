#include "ui/home/FigureButton.h"

namespace shebao::ui {

FigureButton::FigureButton(const QString &objectName, QWidget *parent) : QPushButton(parent)
{
    setObjectName(objectName);
    setFlat(true);
    setAutoDefault(false);
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Show the list"));
    setStyleSheet(QStringLiteral("QPushButton { font-size: 13pt; font-weight: bold; color: #1a5fb4; text-align: left;"
                                 " padding: 0 6px; } QPushButton:focus { border: 1px dotted #1a5fb4; }"));
}

} // namespace shebao::ui
