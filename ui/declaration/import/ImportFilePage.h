#pragma once

#include <QWizardPage>

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace shebao::ui {

struct ImportData;

// 批量导入, step 1: which sheet (新增/续保 or 减少), 下载模板 (an .xlsx whose columns are text, with
// a sheet of valid values), and the file to import (.xlsx or .csv in UTF-8 or GBK).
class ImportFilePage : public QWizardPage
{
    Q_OBJECT

public:
    ImportFilePage(ImportData &data, QWidget *parent = nullptr);

    bool isComplete() const override;
    bool validatePage() override;
    void initializePage() override;

private:
    void downloadTemplate();
    void chooseFile();

    ImportData &m_data;
    QRadioButton *m_add;
    QRadioButton *m_reduce;
    QLineEdit *m_file;
    QLabel *m_status;
};

} // namespace shebao::ui
