#pragma once

#include <QPushButton>

namespace shebao::ui {

// A figure of 首页: a large number that is a button (mouse, Tab + Space), leading to its list.
class FigureButton : public QPushButton
{
    Q_OBJECT

public:
    FigureButton(const QString &objectName, QWidget *parent);
};

} // namespace shebao::ui
