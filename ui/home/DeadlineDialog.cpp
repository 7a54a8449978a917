#include "ui/home/DeadlineDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "app/Settings.h"

namespace shebao::ui {

DeadlineDialog::DeadlineDialog(Settings &settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_day(new QSpinBox(this))
    , m_reminder(new QSpinBox(this))
{
    setObjectName(QStringLiteral("deadlineDialog"));
    setWindowTitle(tr("Monthly deadline"));
    auto *intro = new QLabel(tr("The day of each month by which the month's staff changes must be declared, as the "
                                "agency announced it. In a shorter month its last day counts."),
                             this);
    intro->setObjectName(QStringLiteral("deadlineIntroLabel"));
    intro->setWordWrap(true);
    m_day->setObjectName(QStringLiteral("deadlineDaySpinBox"));
    m_day->setAccessibleName(tr("Deadline day of the month"));
    m_day->setRange(1, 31);
    m_day->setSuffix(tr(" (day of the month)"));
    m_day->setValue(settings.deadlineDay());
    m_reminder->setObjectName(QStringLiteral("reminderDaysSpinBox"));
    m_reminder->setAccessibleName(tr("Remind this many days before"));
    m_reminder->setRange(0, 15);
    m_reminder->setSuffix(tr(" day(s) before"));
    m_reminder->setValue(settings.reminderDays());

    auto *form = new QFormLayout;
    form->addRow(tr("Deadline"), m_day);
    form->addRow(tr("Remind"), m_reminder);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okPushButton"));
    buttons->button(QDialogButtonBox::Ok)->setAccessibleName(tr("OK"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelPushButton"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &DeadlineDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

void DeadlineDialog::accept()
{
    m_settings.setDeadlineDay(m_day->value());
    m_settings.setReminderDays(m_reminder->value());
    m_settings.sync();
    QDialog::accept();
}

} // namespace shebao::ui
