#pragma once

#include <QWizardPage>

class QLabel;
class QPushButton;


namespace shebao {
class LocalCache;
}

namespace shebao::ui {

class FormPrinter;
struct ChangeWizardData;

// The end of 信息变更 / 变更申报: what the server made of the change. Non-key changes are 已生效;
// key changes are 待审核 and their form is printed here (打印《长沙市社会保险单位信息变更登记表》 /
// 打印个人信息修改表) to be stamped and taken to the counter; a certificate user's signed request
// needs no paper, and the page says so.
class ChangeOutcomePage : public QWizardPage
{
    Q_OBJECT

public:
    ChangeOutcomePage(ChangeWizardData &data, FormPrinter &printer, LocalCache *cache, QWidget *parent = nullptr);

    void initializePage() override;

signals:
    void showRequestsRequested();

private:
    enum class Action { Preview, Print, SavePdf };
    QPushButton *addButton(const QString &text, const QString &objectName, Action action);
    void run(Action action);

    ChangeWizardData &m_data;
    FormPrinter &m_printer;
    LocalCache *m_cache;
    QLabel *m_summary;
    QLabel *m_paperNote;
    QWidget *m_printButtons;
    QLabel *m_printResult;
};

} // namespace shebao::ui
