#include "ui/home/EnrolledGroupBox.h"

#include <QGridLayout>
#include <QLabel>

#include "models/dictionaries/Dictionaries.h"
#include "ui/home/FigureButton.h"

namespace shebao::ui {

EnrolledGroupBox::EnrolledGroupBox(QWidget *parent)
    : QGroupBox(tr("Enrolled and paying now"), parent)
    , m_grid(new QGridLayout(this))
{
    setObjectName(QStringLiteral("enrolledGroupBox"));
}

void EnrolledGroupBox::setFigures(const StaffFigures &figures)
{
    while (QLayoutItem *item = m_grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    int row = 0;
    auto addRow = [this, &row](const QString &key, const QString &label, const QList<qint64> &ids) {
        auto *name = new QLabel(label, this);
        auto *button = new FigureButton(key + QStringLiteral("FigureButton"), this);
        button->setText(QString::number(ids.size()));
        button->setAccessibleName(tr("%1: %2 people").arg(label).arg(ids.size()));
        name->setBuddy(button);
        connect(button, &QPushButton::clicked, this, [this, label, ids] { emit peopleRequested(label, ids); });
        m_grid->addWidget(name, row, 0);
        m_grid->addWidget(button, row, 1);
        ++row;
    };
    addRow(QStringLiteral("enrolledPeople"), tr("People enrolled"), figures.enrolledPeople);
    for (const StaffFigures::Insurance &insurance : figures.insurances) {
        const QString name = Dictionaries::insurance().nameOf(insurance.code);
        addRow(QStringLiteral("insurance") + insurance.code, name.isEmpty() ? insurance.code : name, insurance.enrolled);
    }
    m_grid->setRowStretch(row, 1);
}

} // namespace shebao::ui
