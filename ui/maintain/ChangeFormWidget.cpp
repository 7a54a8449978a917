#include "ui/maintain/ChangeFormWidget.h"

#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QVBoxLayout>

#include "models/dictionaries/Dictionaries.h"
#include "ui/declaration/FieldCaption.h"
#include "ui/maintain/ChangeChecks.h"
#include "ui/widgets/CodeComboBox.h"

namespace shebao::ui {

QString ChangeFormWidget::keyDescription()
{
    return tr("Key information: proofs must be uploaded and the social insurance agency reviews the change");
}

QString ChangeFormWidget::nonKeyDescription()
{
    return tr("Non-key information: the change takes effect at once");
}

ChangeFormWidget::ChangeFormWidget(ChangeTarget target, QWidget *parent)
    : QWidget(parent)
    , m_target(target)
{
    setObjectName(target == ChangeTarget::Unit ? QStringLiteral("unitChangeForm") : QStringLiteral("personChangeForm"));
    auto *legend = new QLabel(this);
    legend->setObjectName(QStringLiteral("keyLegendLabel"));
    legend->setWordWrap(true);
    legend->setTextFormat(Qt::RichText);
    legend->setText(QStringLiteral("<span style=\"color:%1\">%2</span>　%3")
                        .arg(keyColor(), tr("Blue: key information, which needs proofs and the agency's review."),
                             tr("Black: non-key information, which takes effect at once.")));
    legend->setAccessibleName(tr("Blue: key information, which needs proofs and the agency's review.") + QLatin1Char(' ')
                              + tr("Black: non-key information, which takes effect at once."));

    auto *inner = new QWidget;
    inner->setObjectName(QStringLiteral("changeFieldsWidget"));
    auto *grid = new QGridLayout(inner);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(2, 1);
    auto *currentHeader = new QLabel(tr("Current"), inner);
    auto *afterHeader = new QLabel(tr("After the change"), inner);
    for (QLabel *header : {currentHeader, afterHeader})
        header->setStyleSheet(QStringLiteral("font-weight: bold"));
    grid->addWidget(currentHeader, 0, 1);
    grid->addWidget(afterHeader, 0, 2);
    int line = 1;
    QWidget *previous = nullptr;
    for (const ChangeField &field : ChangeFields::of(target)) {
        const QString stem = memberObjectStem(field.member);
        Row row;
        row.editor = makeEditor(field);
        row.current = new QLabel(inner);
        row.current->setObjectName(stem + QStringLiteral("CurrentLabel"));
        row.current->setTextInteractionFlags(Qt::TextSelectableByMouse);
        row.current->setWordWrap(true);
        row.error = fieldErrorLabel(stem + QStringLiteral("ErrorLabel"), inner);
        QLabel *caption = describedCaption(field.label, field.key ? keyColor() : QStringLiteral("#000000"),
                                           field.key ? keyDescription() : nonKeyDescription(), row.editor, inner);
        caption->setObjectName(stem + QStringLiteral("CaptionLabel"));
        caption->setAccessibleDescription(row.editor->accessibleDescription());
        grid->addWidget(caption, line, 0);
        grid->addWidget(row.current, line, 1);
        grid->addWidget(row.editor, line, 2);
        grid->addWidget(row.error, line + 1, 1, 1, 2);
        line += 2;
        if (previous)
            setTabOrder(previous, row.editor);
        previous = row.editor;
        m_rows.insert(field.member, row);
    }
    grid->setRowStretch(line, 1);

    auto *scroll = m_scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("changeFieldsScrollArea"));
    scroll->setAccessibleName(tr("Current and new values"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(inner);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(legend);
    layout->addWidget(scroll, 1);
}

QWidget *ChangeFormWidget::makeEditor(const ChangeField &field)
{
    const QString stem = memberObjectStem(field.member);
    if (field.type == ChangeValueType::Code || field.type == ChangeValueType::Gender
        || field.type == ChangeValueType::RiskClass) {
        auto *combo = new CodeComboBox(this);
        combo->setObjectName(stem + QStringLiteral("ComboBox"));
        if (field.type == ChangeValueType::Code) {
            combo->setDictionary(Dictionaries::byId(field.dictionary), tr("(choose)"));
        } else if (field.type == ChangeValueType::Gender) {
            combo->setEntries({{tr("Male"), QStringLiteral("1")}, {tr("Female"), QStringLiteral("2")}}, tr("(choose)"));
        } else {
            QList<QPair<QString, QString>> classes;
            for (int risk = 1; risk <= 8; ++risk)
                classes.append({tr("Class %1").arg(risk), QString::number(risk)});
            combo->setEntries(classes, tr("(choose)"));
        }
        connect(combo, &CodeComboBox::codeChanged, this, [this, member = field.member] {
            showFieldError(m_rows.value(member).error, m_rows.value(member).editor, QString());
            emit edited();
        });
        return combo;
    }
    auto *edit = new QLineEdit(this);
    edit->setObjectName(stem + QStringLiteral("LineEdit"));
    edit->setMaxLength(field.maxLength);
    if (field.type == ChangeValueType::Date)
        edit->setPlaceholderText(tr("YYYY-MM-DD"));
    connect(edit, &QLineEdit::textChanged, this, [this, member = field.member] {
        showFieldError(m_rows.value(member).error, m_rows.value(member).editor, QString());
        emit edited();
    });
    return edit;
}

QString ChangeFormWidget::editorValue(const QString &member) const
{
    QWidget *editor = m_rows.value(member).editor;
    if (auto *combo = qobject_cast<CodeComboBox *>(editor))
        return combo->code();
    if (auto *edit = qobject_cast<QLineEdit *>(editor))
        return edit->text().trimmed();
    return {};
}

void ChangeFormWidget::setEditorValue(const QString &member, const QString &value)
{
    QWidget *editor = m_rows.value(member).editor;
    if (auto *combo = qobject_cast<CodeComboBox *>(editor)) {
        // A code the dictionary no longer offers (a historic one) stays what it is: without an
        // entry of its own the combo box would show the placeholder, and the form would report
        // a change the clerk never made.
        if (!value.isEmpty() && combo->findData(value) < 0) {
            const ChangeField *field = ChangeFields::find(m_target, member);
            combo->addItem(field ? ChangeFields::displayValue(*field, value) : value, value);
        }
        combo->setCode(value);
    }
    else if (auto *edit = qobject_cast<QLineEdit *>(editor))
        edit->setText(value);
}

void ChangeFormWidget::setCurrent(const ChangeValueMap &current)
{
    m_current = current;
    for (const ChangeField &field : ChangeFields::of(m_target)) {
        const QString value = current.value(field.member);
        const Row row = m_rows.value(field.member);
        const QString shown = field.type == ChangeValueType::RiskClass && !value.isEmpty()
                                  ? tr("Class %1").arg(value)
                                  : ChangeFields::displayValue(field, value);
        row.current->setText(shown.isEmpty() ? tr("(none)") : shown);
        row.current->setAccessibleName(tr("Current %1: %2").arg(field.label, shown));
        setEditorValue(field.member, value);
    }
    clearErrors();
}

ChangeValueMap ChangeFormWidget::after() const
{
    ChangeValueMap values;
    for (const ChangeField &field : ChangeFields::of(m_target))
        values.insert(field.member, editorValue(field.member));
    return values;
}

void ChangeFormWidget::setAfter(const ChangeValueMap &after)
{
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        if (m_rows.contains(it.key()))
            setEditorValue(it.key(), it.value());
    }
}

QStringList ChangeFormWidget::changedMembers() const
{
    return ChangeChecks::changedMembers(m_target, m_current, after());
}

QList<Error> ChangeFormWidget::showErrors(const QList<Error> &errors)
{
    QList<Error> unplaced;
    m_firstError.clear();
    for (const Error &error : errors) {
        const QString member = error.field.startsWith(u"changes.") ? error.field.mid(8) : QString();
        if (!m_rows.contains(member)) {
            unplaced.append(error);
            continue;
        }
        const Row row = m_rows.value(member);
        showFieldError(row.error, row.editor, error.message);
        if (m_firstError.isEmpty())
            m_firstError = member;
    }
    return unplaced;
}

void ChangeFormWidget::clearErrors()
{
    for (const Row &row : std::as_const(m_rows))
        showFieldError(row.error, row.editor, QString());
    m_firstError.clear();
}

void ChangeFormWidget::focusFirstError()
{
    const Row row = m_rows.value(m_firstError);
    if (!row.editor)
        return;
    // The form is longer than the window: bring the field and its message into view.
    m_scroll->ensureWidgetVisible(row.error);
    m_scroll->ensureWidgetVisible(row.editor);
    row.editor->setFocus();
}

} // namespace shebao::ui
