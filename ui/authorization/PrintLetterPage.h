#pragma once

#include <QWizardPage>

class QLabel;
class QPushButton;

namespace shebao {
class AuthorizationService;
}

namespace shebao::ui {

class FormPrinter;

// 授权申请, step 五 (second half): the 《用户承诺书》 — print preview, print, save as PDF. Every
// print is recorded in the unit's cache; the page is complete once the letter was printed or
// saved (the user stamps the paper and uploads its scan next).
class PrintLetterPage : public QWizardPage
{
    Q_OBJECT

public:
    PrintLetterPage(AuthorizationService &service, FormPrinter &printer, QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

private:
    enum class Action { Preview, Print, SavePdf };
    void run(Action action);
    QPushButton *addButton(const QString &text, const QString &objectName, Action action);

    AuthorizationService &m_service;
    FormPrinter &m_printer;
    QLabel *m_resultLabel;
};

} // namespace shebao::ui
