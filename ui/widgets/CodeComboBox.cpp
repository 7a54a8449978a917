#include "ui/widgets/CodeComboBox.h"

#include "models/dictionaries/Dictionary.h"

namespace shebao::ui {

CodeComboBox::CodeComboBox(QWidget *parent)
    : QComboBox(parent)
{
    // Long names (民族, 变更原因) must be readable in the popup.
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(this, &QComboBox::currentIndexChanged, this, [this] { emit codeChanged(code()); });
}

void CodeComboBox::setEntries(const QList<QPair<QString, QString>> &entries, const QString &placeholder)
{
    const QString kept = code();
    QSignalBlocker blocker(this);
    clear();
    if (!placeholder.isEmpty())
        addItem(placeholder, QString());
    for (const auto &[text, value] : entries)
        addItem(text, value);
    const int index = findData(kept);
    setCurrentIndex(index >= 0 ? index : 0);
    blocker.unblock();
    emit codeChanged(code());
}

void CodeComboBox::setDictionary(const Dictionary &dictionary, const QString &placeholder)
{
    QList<QPair<QString, QString>> entries;
    for (const DictionaryEntry &entry : dictionary.entries()) {
        if (!entry.historic)
            entries.append({entry.name, entry.code});
    }
    setEntries(entries, placeholder);
}

QString CodeComboBox::code() const
{
    return currentData().toString();
}

void CodeComboBox::setCode(const QString &code)
{
    const int index = findData(code);
    setCurrentIndex(index >= 0 ? index : (itemData(0).toString().isEmpty() ? 0 : currentIndex()));
}

} // namespace shebao::ui
