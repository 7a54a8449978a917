#pragma once

#include <QComboBox>
#include <QList>
#include <QPair>

namespace shebao {
class Dictionary;
}

namespace shebao::ui {

// A combo box whose value is a code (a dictionary code, a month "YYYY-MM"), exposed as the
// `code` property so wizards can registerField() it and drafts can store and restore it. An
// empty code is "nothing chosen yet" (the placeholder item), so a required choice is never
// made silently for the clerk.
class CodeComboBox : public QComboBox
{
    Q_OBJECT
    Q_PROPERTY(QString code READ code WRITE setCode NOTIFY codeChanged USER true)

public:
    explicit CodeComboBox(QWidget *parent = nullptr);

    // (text, code) pairs; `placeholder` empty: no empty entry, the first entry is chosen.
    void setEntries(const QList<QPair<QString, QString>> &entries, const QString &placeholder = QString());
    // Every entry of a dictionary (historic ones left out), shown as "code name".
    void setDictionary(const Dictionary &dictionary, const QString &placeholder);

    QString code() const;
    void setCode(const QString &code);

signals:
    void codeChanged(const QString &code);
};

} // namespace shebao::ui
