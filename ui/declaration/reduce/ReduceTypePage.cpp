#include "ui/declaration/reduce/ReduceTypePage.h"

#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

#include "models/dictionaries/Dictionaries.h"
#include "ui/declaration/FieldCaption.h"
#include "ui/widgets/CodeComboBox.h"

namespace shebao::ui {

ReduceTypePage::ReduceTypePage(QWidget *parent)
    : QWizardPage(parent)
    , m_type(new CodeComboBox(this))
    , m_reason(new CodeComboBox(this))
{
    setObjectName(QStringLiteral("reduceTypePage"));
    setTitle(tr("Type and reason of the change"));
    setSubTitle(tr("Choose the type of change and its reason."));

    m_type->setObjectName(QStringLiteral("changeTypeComboBox"));
    m_type->setDictionary(Dictionaries::changeType(), tr("(choose)"));
    m_reason->setObjectName(QStringLiteral("changeReasonComboBox"));
    registerField(QStringLiteral("changeType"), m_type, "code");
    registerField(QStringLiteral("changeReason"), m_reason, "code");

    auto *counterNote = new QLabel(tr("Surrender of insurance and retirement from employment are best done directly "
                                      "at the counter."),
                                   this);
    counterNote->setObjectName(QStringLiteral("counterNoteLabel"));
    counterNote->setWordWrap(true);
    counterNote->setStyleSheet(QStringLiteral("color: #5a4500"));

    auto *form = new QFormLayout;
    form->addRow(requiredCaption(tr("Change &type"), m_type, this), m_type);
    form->addRow(QString(), counterNote);
    form->addRow(requiredCaption(tr("Change &reason"), m_reason, this), m_reason);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch();

    connect(m_type, &CodeComboBox::codeChanged, this, &ReduceTypePage::fillReasons);
    connect(m_reason, &CodeComboBox::codeChanged, this, &ReduceTypePage::completeChanged);
    fillReasons();
}

void ReduceTypePage::fillReasons()
{
    QList<QPair<QString, QString>> reasons;
    for (const DictionaryEntry &entry : Dictionaries::changeReason().entriesWithParent(m_type->code()))
        reasons.append({entry.name, entry.code});
    m_reason->setEntries(reasons, m_type->code().isEmpty() ? tr("(choose the type first)") : tr("(choose)"));
    m_reason->setEnabled(!reasons.isEmpty());
    emit completeChanged();
}

void ReduceTypePage::initializePage()
{
    m_type->setFocus();
}

bool ReduceTypePage::isComplete() const
{
    return !m_type->code().isEmpty() && !m_reason->code().isEmpty();
}

} // namespace shebao::ui
