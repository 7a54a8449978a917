#pragma once

#include <QWizardPage>

class QLabel;
class QLineEdit;
class QListWidget;

namespace shebao::ui {

struct ChangeWizardData;

// 单位人员信息变更, 选择人员: the unit's staff from the local cache, searched by name, ID number or
// person number as in the people list; the chosen person's registration is then changed.
class ChangeSelectPersonPage : public QWizardPage
{
    Q_OBJECT

public:
    ChangeSelectPersonPage(ChangeWizardData &data, QWidget *parent = nullptr);

    void initializePage() override;
    void cleanupPage() override {}
    bool isComplete() const override;

private:
    void filter(const QString &text);
    void choose();

    ChangeWizardData &m_data;
    QLineEdit *m_filter;
    QListWidget *m_persons;
    QLabel *m_selected;
};

} // namespace shebao::ui
