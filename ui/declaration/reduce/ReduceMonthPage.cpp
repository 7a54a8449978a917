#include "ui/declaration/reduce/ReduceMonthPage.h"

#include <QFormLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QVBoxLayout>

#include "app/ApiErrors.h"
#include "app/OutboxService.h"
#include "models/validation/IdNumber.h"
#include "ui/declaration/DeclarationText.h"
#include "ui/declaration/FieldCaption.h"
#include "ui/declaration/reduce/ReduceDeclarationData.h"
#include "ui/widgets/CodeComboBox.h"

namespace shebao::ui {

ReduceMonthPage::ReduceMonthPage(OutboxService &outbox, ReduceDeclarationData &data, QWidget *parent)
    : QWizardPage(parent)
    , m_outbox(outbox)
    , m_data(data)
    , m_summary(new QLabel(this))
    , m_stopMonth(new CodeComboBox(this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("reduceMonthPage"));
    setTitle(tr("Month of the change"));
    setSubTitle(tr("Choose the month from which contributions stop, then press Reduce."));
    setButtonText(QWizard::NextButton, tr("&Reduce"));
    m_summary->setObjectName(QStringLiteral("reduceSummaryLabel"));
    m_summary->setWordWrap(true);
    m_stopMonth->setObjectName(QStringLiteral("stopMonthComboBox"));
    m_stopMonth->setEntries(DeclarationText::allowedMonths());
    registerField(QStringLiteral("stopMonth"), m_stopMonth, "code");
    m_error->setObjectName(QStringLiteral("saveErrorLabel"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c00000"));
    m_error->setVisible(false);

    auto *note = new QLabel(tr("The month can be at most two months back."), this);
    note->setObjectName(QStringLiteral("backdatingNoteLabel"));
    auto *form = new QFormLayout;
    auto *column = new QVBoxLayout;
    column->addWidget(m_stopMonth);
    column->addWidget(note);
    form->addRow(requiredCaption(tr("&Stop month"), m_stopMonth, this), column);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch();
}

void ReduceMonthPage::initializePage()
{
    m_summary->setText(tr("%1 (%2), reason %3: %4, ID number %5")
                           .arg(DeclarationText::kindName(DeclarationKind::Reduce),
                                DeclarationText::changeTypeName(field(QStringLiteral("changeType")).toString()),
                                DeclarationText::changeReasonName(field(QStringLiteral("changeReason")).toString()),
                                m_data.selectedName, IdNumber::mask(m_data.selectedIdNumber)));
    m_error->setVisible(false);
    m_stopMonth->setFocus();
}

bool ReduceMonthPage::isComplete() const
{
    return !m_busy && !m_stopMonth->code().isEmpty();
}

bool ReduceMonthPage::validatePage()
{
    if (std::exchange(m_saved, false))
        return true;
    if (!m_busy)
        save();
    return false;
}

void ReduceMonthPage::save()
{
    DeclarationItem item;
    item.kind = DeclarationKind::Reduce;
    item.name = m_data.selectedName;
    item.idNumber = m_data.selectedIdNumber;
    item.changeType = field(QStringLiteral("changeType")).toString();
    item.changeReason = field(QStringLiteral("changeReason")).toString();
    item.stopMonth = m_stopMonth->code();
    m_busy = true;
    m_error->setVisible(false);
    emit completeChanged();
    m_outbox.submit(item, [this](Result<OutboxEntry> result) {
        m_busy = false;
        emit completeChanged();
        if (const std::optional<Error> refusal = OutboxService::refusalOf(result))
            return showRefusal(*refusal);
        m_data.saved = result.value();
        m_saved = true;
        if (wizard())
            wizard()->next();
    });
}

void ReduceMonthPage::showRefusal(const Error &error)
{
    QStringList lines{error.message};
    for (const QJsonValue &value : api::problemOf(error).value(QLatin1String("errors")).toArray()) {
        const QString detail = value.toObject().value(QLatin1String("detail")).toString();
        if (!detail.isEmpty() && detail != error.message)
            lines.append(detail);
    }
    m_error->setText(lines.join(QLatin1Char('\n')));
    m_error->setAccessibleName(m_error->text());
    m_error->setVisible(true);
}

} // namespace shebao::ui
