#pragma once

#include <QHash>
#include <QWizardPage>

class QCheckBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace shebao::ui {

class CodeComboBox;
struct AddDeclarationData;

// 异动新增, the person form (guide: 填报相关信息，其中红字项为必填项). Fields and rules are those
// of shared/domain/import.md; 性别 and 出生日期 come from the ID number and cannot be edited. For
// 续保 the agency's data is filled in. 下一步 checks every field with the domain validators and
// names what is wrong under the field.
class AddPersonPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit AddPersonPage(AddDeclarationData &data, QWidget *parent = nullptr);

    void initializePage() override;
    // Back keeps what the clerk typed: QWizard's default resets the page's fields, and the
    // draft would then be saved empty.
    void cleanupPage() override {}
    bool isComplete() const override;
    bool validatePage() override;

    static QStringList insuranceCodes(); // the 险种 offered, 110 … 510
    // Shows a server refusal's per-field error; false when the field is not on this page.
    bool showServerFieldError(const QString &field, const QString &message);

private:
    QLineEdit *addLine(const QString &field, const QString &caption, const QString &objectName, bool required);
    CodeComboBox *addCombo(const QString &field, const QString &caption, const QString &objectName, bool required);
    void addRow(const QString &field, QLabel *caption, QWidget *widget);
    void setError(const QString &field, const QString &message);

    AddDeclarationData &m_data;
    QFormLayout *m_form;
    QLineEdit *m_gender;
    QLineEdit *m_birthDate;
    QHash<QString, QWidget *> m_fields;
    QHash<QString, QLabel *> m_errors;
    QHash<QString, QCheckBox *> m_insurances;
    QString m_prefilledFor;
    QString m_filledFor; // the ID number the fields were filled for
};

} // namespace shebao::ui
