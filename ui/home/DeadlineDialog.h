#pragma once

#include <QDialog>

class QSpinBox;

namespace shebao {
class Settings;
}

namespace shebao::ui {

// 首页 → 设置截止日: the day of the month declarations are due and how many days before it 首页
// reminds the clerk (Settings::deadlineDay, reminderDays).
class DeadlineDialog : public QDialog
{
    Q_OBJECT

public:
    explicit DeadlineDialog(Settings &settings, QWidget *parent = nullptr);

    void accept() override;

private:
    Settings &m_settings;
    QSpinBox *m_day;
    QSpinBox *m_reminder;
};

} // namespace shebao::ui
