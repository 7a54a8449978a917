#include "ui/declaration/SavedPage.h"

#include <QLabel>
#include <QVBoxLayout>

#include "ui/declaration/DeclarationText.h"

namespace shebao::ui {

SavedPage::SavedPage(const std::optional<OutboxEntry> &saved, QWidget *parent)
    : QWizardPage(parent)
    , m_saved(saved)
    , m_outcome(new QLabel(this))
    , m_warnings(new QLabel(this))
{
    setObjectName(QStringLiteral("savedPage"));
    setTitle(tr("Saved"));
    m_outcome->setObjectName(QStringLiteral("outcomeLabel"));
    m_outcome->setWordWrap(true);
    m_warnings->setObjectName(QStringLiteral("warningsLabel"));
    m_warnings->setWordWrap(true);
    m_warnings->setStyleSheet(QStringLiteral("color: #8a5a00"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_outcome);
    layout->addWidget(m_warnings);
    layout->addStretch();
}

void SavedPage::initializePage()
{
    if (!m_saved)
        return;
    const DeclarationItem &item = m_saved->item;
    if (m_saved->state == OutboxEntry::State::Sent) {
        setTitle(tr("Added to the pending items"));
        m_outcome->setText(tr("%1 was saved as item %2 and is now among the pending items. Declare the pending items "
                              "under \"Declare and query\".")
                               .arg(DeclarationText::itemSummary(item), item.itemNo));
    } else {
        setTitle(tr("Saved on this computer"));
        m_outcome->setText(tr("%1 is saved on this computer but not yet sent: %2 It will be sent when the connection "
                              "to the server is back; until then it is listed under \"Declare and query\" > Drafts.")
                               .arg(DeclarationText::itemSummary(item), m_saved->error.message));
    }
    QStringList warnings;
    for (const DeclarationNotice &notice : item.warnings)
        warnings.append(notice.message);
    m_warnings->setText(warnings.join(QLatin1Char('\n')));
    m_warnings->setVisible(!warnings.isEmpty());
}

} // namespace shebao::ui
