#include "ui/widgets/MessageBox.h"

#include <QMessageBox>

#include <utility>

namespace shebao::ui {

std::optional<bool> MessageBox::s_nextAnswer;

bool MessageBox::confirm(QWidget *parent, const QString &title, const QString &text)
{
    if (const std::optional<bool> answer = std::exchange(s_nextAnswer, std::nullopt))
        return *answer;
    return QMessageBox::question(parent, title, text, QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
           == QMessageBox::Yes;
}

void MessageBox::setNextAnswer(bool yes)
{
    s_nextAnswer = yes;
}

} // namespace shebao::ui
