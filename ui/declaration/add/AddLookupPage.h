#pragma once

#include <QWizardPage>

#include "models/declaration/Declaration.h"

class QLabel;
class QLineEdit;
class QPushButton;

namespace shebao {
class DeclarationService;
}

namespace shebao::ui {

class LookupView;
struct AddDeclarationData;

// 异动新增, steps 1–3 of the guide: 身份证号码 → 查询 → the person as the agency knows them →
// 选中 → 续保 or 新增. The server suggests the kind (续保 when any earlier enrolment exists);
// the other button stays disabled and says why. Blockers (already contributing, a pending
// key-information change, ...) keep 选中 disabled and are shown in red.
class AddLookupPage : public QWizardPage
{
    Q_OBJECT

public:
    AddLookupPage(DeclarationService &service, AddDeclarationData &data, QWidget *parent = nullptr);

    bool isComplete() const override;
    void initializePage() override;
    // A resumed draft: its lookup without asking the server again.
    void showLookup(const PersonLookup &lookup, bool selected);

private:
    void lookup();
    void select();
    void choose(DeclarationKind kind);
    void invalidate();
    void updateKindButtons();

    DeclarationService &m_service;
    AddDeclarationData &m_data;
    QLineEdit *m_idNumber;
    QPushButton *m_lookupButton;
    QLabel *m_idError;
    QLabel *m_status;
    LookupView *m_view;
    QPushButton *m_selectButton;
    QPushButton *m_renewButton;
    QPushButton *m_addButton;
    QLabel *m_kindHint;
    bool m_selected = false;
    bool m_offline = false; // the server could not be reached: the clerk chooses the kind
    bool m_busy = false;
    int m_request = 0;
};

} // namespace shebao::ui
