#pragma once

#include <QWizardPage>

#include <optional>

#include "models/declaration/Declaration.h"

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace shebao {
class DeclarationService;
}

namespace shebao::ui {

class LookupView;
struct ReduceDeclarationData;

// 异动减少, steps 3–5 of the guide: 身份证号码 → 查询 → 选中 the person. Only a person
// contributing in this unit can be reduced; the unit's contributing people (from the local
// cache) are listed beside, so the clerk may pick one instead of typing, and can still select
// them when the server cannot be reached.
class ReducePersonPage : public QWizardPage
{
    Q_OBJECT

public:
    ReducePersonPage(DeclarationService &service, ReduceDeclarationData &data, QWidget *parent = nullptr);

    void initializePage() override;
    // Back keeps what the clerk typed: QWizard's default resets the page's fields, and the
    // draft would then be saved empty.
    void cleanupPage() override {}
    bool isComplete() const override;
    void restoreSelection();

private:
    void lookup();
    void select();
    void filterPersons(const QString &text);
    void setSelectable(const QString &idNumber, const QString &name, const QString &why);
    int localIndexOf(const QString &idNumber) const;

    DeclarationService &m_service;
    ReduceDeclarationData &m_data;
    QLineEdit *m_idNumber;
    QPushButton *m_lookupButton;
    QLabel *m_idError;
    QLabel *m_status;
    LookupView *m_view;
    QPushButton *m_selectButton;
    QLabel *m_selected;
    QLineEdit *m_filter;
    QListWidget *m_persons;
    QString m_selectableId;
    QString m_selectableName;
    bool m_busy = false;
    int m_request = 0;
};

} // namespace shebao::ui
