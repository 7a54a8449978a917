#pragma once

#include <QHash>
#include <QList>
#include <QWidget>

#include "models/core/Result.h"
#include "ui/maintain/ChangeValues.h"

class QLabel;
class QScrollArea;

namespace shebao::ui {

// The 信息变更 form of the guide: one row per field of ChangeFields::of(target), in its order,
// with the agency's value (当前) beside the editor of the new one (变更后). Key fields' captions
// are blue and non-key ones black (蓝色的字样为关键信息), with a legend; each editor's accessible
// description says the same in words, so the distinction does not rest on colour. Dictionaries
// are combo boxes; everything else is typed.
class ChangeFormWidget : public QWidget
{
    Q_OBJECT

public:
    ChangeFormWidget(ChangeTarget target, QWidget *parent = nullptr);

    static QString keyDescription();    // 关键信息：需上传证明材料并经社保经办机构审核
    static QString nonKeyDescription(); // 非关键信息：直接生效
    static QString keyColor() { return QStringLiteral("#0050b3"); }

    ChangeTarget target() const { return m_target; }
    // The 当前 column; every 变更后 editor starts from the current value.
    void setCurrent(const ChangeValueMap &current);
    const ChangeValueMap &current() const { return m_current; }
    // Every member's 变更后 value, as the editors hold it (codes for combo boxes).
    ChangeValueMap after() const;
    // Puts the given members' values into their editors (a resumed draft).
    void setAfter(const ChangeValueMap &after);
    QStringList changedMembers() const;

    // Shows each error whose `field` is "changes.<member>" under that member's editor (and in its
    // accessible description) and answers the errors that belong to no field.
    QList<Error> showErrors(const QList<Error> &errors);
    void clearErrors();
    QWidget *editor(const QString &member) const { return m_rows.value(member).editor; }
    void focusFirstError();

signals:
    void edited();

private:
    struct Row
    {
        QWidget *editor = nullptr;
        QLabel *current = nullptr;
        QLabel *error = nullptr;
    };

    QWidget *makeEditor(const ChangeField &field);
    QString editorValue(const QString &member) const;
    void setEditorValue(const QString &member, const QString &value);

    ChangeTarget m_target;
    ChangeValueMap m_current;
    QHash<QString, Row> m_rows;
    QScrollArea *m_scroll = nullptr;
    QString m_firstError;
};

} // namespace shebao::ui
