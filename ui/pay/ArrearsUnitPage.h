#pragma once

#include <QWizardPage>

class QLabel;
class QTreeWidget;

namespace shebao::ui {

struct ArrearsWizardData;

// 断档补缴, step 2 (guide: 选择一个单位): the units where the person has gaps, each with the ranges
// that can be paid back, the recent ones (近三个月: 异动申报) and those already in an unpaid bill
// (with its number). Only a unit with months to pay back can be chosen; one such unit is chosen
// for the clerk.
class ArrearsUnitPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit ArrearsUnitPage(ArrearsWizardData &data, QWidget *parent = nullptr);

    bool isComplete() const override;
    void initializePage() override;
    void cleanupPage() override {}

private:
    void choose();

    ArrearsWizardData &m_data;
    QLabel *m_person;
    QTreeWidget *m_units;
    QLabel *m_hint;
};

} // namespace shebao::ui
