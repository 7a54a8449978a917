#pragma once

#include <QString>

#include <optional>

class QWidget;

namespace shebao::ui {

// The seam in front of QMessageBox::question (as KeePassXC's MessageBox::setNextAnswer): tests
// pre-answer the next question instead of driving a modal box.
class MessageBox
{
public:
    // Yes/No, No the default; true for Yes.
    static bool confirm(QWidget *parent, const QString &title, const QString &text);
    static void setNextAnswer(bool yes);

private:
    static std::optional<bool> s_nextAnswer;
};

} // namespace shebao::ui
