#pragma once

#include <QWizardPage>

class QLabel;

namespace shebao::ui {

class CodeComboBox;

// 异动减少, steps 1–2 of the guide: 变更类型 (停保 or 终止; 退保 and 在职转退休 are done at the
// counter, as the guide advises) and 变更原因, whose choices are the children of the type.
class ReduceTypePage : public QWizardPage
{
    Q_OBJECT

public:
    explicit ReduceTypePage(QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

private:
    void fillReasons();

    CodeComboBox *m_type;
    CodeComboBox *m_reason;
};

} // namespace shebao::ui
