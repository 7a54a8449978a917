#include "ui/maintain/ChangeOutcomePage.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "app/ChangeForm.h"
#include "ui/maintain/ChangeFormActions.h"
#include "ui/maintain/ChangeWizardData.h"

namespace shebao::ui {

namespace {
const ChangeRequest *pendingRequest(const ChangeWizardData &data)
{
    for (const ChangeRequest &request : data.submitted) {
        if (request.state == ChangeState::Pending)
            return &request;
    }
    return nullptr;
}
} // namespace

ChangeOutcomePage::ChangeOutcomePage(ChangeWizardData &data, FormPrinter &printer, LocalCache *cache, QWidget *parent)
    : QWizardPage(parent)
    , m_data(data)
    , m_printer(printer)
    , m_cache(cache)
    , m_summary(new QLabel(this))
    , m_paperNote(new QLabel(this))
    , m_printButtons(new QWidget(this))
    , m_printResult(new QLabel(this))
{
    setObjectName(QStringLiteral("changeOutcomePage"));
    setFinalPage(true);
    m_summary->setObjectName(QStringLiteral("changeSummaryLabel"));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_paperNote->setObjectName(QStringLiteral("paperNoteLabel"));
    m_paperNote->setWordWrap(true);
    m_printButtons->setObjectName(QStringLiteral("printButtonsWidget"));
    m_printResult->setObjectName(QStringLiteral("printResultLabel"));
    m_printResult->setAccessibleName(tr("Result of printing"));
    m_printResult->setWordWrap(true);
    m_printResult->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QHBoxLayout(m_printButtons);
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(addButton(tr("Print pre&view..."), QStringLiteral("previewFormPushButton"), Action::Preview));
    buttons->addWidget(addButton(tr("&Print the form..."), QStringLiteral("printFormPushButton"), Action::Print));
    buttons->addWidget(addButton(tr("&Save as PDF..."), QStringLiteral("saveFormPdfPushButton"), Action::SavePdf));
    buttons->addStretch();
    auto *requests = new QPushButton(tr("Change &records"), this);
    requests->setObjectName(QStringLiteral("showRequestsPushButton"));
    requests->setAccessibleName(tr("Change records"));
    connect(requests, &QPushButton::clicked, this, [this] {
        emit showRequestsRequested();
        if (wizard())
            wizard()->accept();
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_paperNote);
    layout->addWidget(m_printButtons);
    layout->addWidget(m_printResult);
    layout->addStretch();
    layout->addWidget(requests, 0, Qt::AlignLeft);
}

QPushButton *ChangeOutcomePage::addButton(const QString &text, const QString &objectName, Action action)
{
    auto *button = new QPushButton(text, m_printButtons);
    button->setObjectName(objectName);
    button->setAccessibleName(QString(text).remove(u'&').remove(QStringLiteral("...")));
    connect(button, &QPushButton::clicked, this, [this, action] { run(action); });
    return button;
}

void ChangeOutcomePage::initializePage()
{
    const ChangeRequest *pending = pendingRequest(m_data);
    setTitle(pending ? tr("Declared: waiting for review") : tr("Changed: in effect"));
    QString html;
    for (const ChangeRequest &request : std::as_const(m_data.submitted)) {
        html += QStringLiteral("<p><b>%1</b> %2 — <b>%3</b>")
                    .arg(tr("Request"), request.requestNo.toHtmlEscaped(), changeStateName(request.state));
        if (request.idUpgrade)
            html += QStringLiteral("<br>") + tr("The new ID number is the 18-digit upgrade of the old 15-digit one.");
        if (request.creditCodeOverridden)
            html += QStringLiteral("<br>") + tr("You confirmed a credit code that fails the national check.");
        html += QStringLiteral("</p><table cellspacing=\"0\" cellpadding=\"3\" border=\"1\"><tr><th>%1</th><th>%2</th>"
                               "<th>%3</th></tr>")
                    .arg(tr("Field"), tr("Before"), tr("After"));
        for (const FieldChange &change : request.fields) {
            const ChangeField *field = ChangeFields::find(request.target, change.member);
            auto shown = [field](const QString &value) {
                return value.isEmpty() ? tr("(none)")
                                       : (field ? ChangeFields::displayValue(*field, value) : value).toHtmlEscaped();
            };
            html += QStringLiteral("<tr><td%1>%2</td><td>%3</td><td>%4</td></tr>")
                        .arg(change.key ? QStringLiteral(" style=\"color:#0050b3\"") : QString(),
                             change.label.toHtmlEscaped(), shown(change.before), shown(change.after));
        }
        html += QStringLiteral("</table>");
    }
    m_summary->setText(html);
    m_summary->setAccessibleName(title());
    m_printResult->clear();
    if (!pending) {
        m_paperNote->setText(tr("The new information is in effect now and is shown under \"Unit information\" and "
                                "\"Staff\" after the next sync."));
        m_printButtons->setVisible(false);
    } else if (pending->signed_) {
        m_paperNote->setText(tr("The request was signed with the unit's certificate: no printed form is needed. The "
                                "agency reviews the key information and the proofs; the result is shown under "
                                "\"Change records\"."));
        m_printButtons->setVisible(false);
    } else {
        m_paperNote->setText(tr("Print %1, stamp it with the unit's seal and take it to the social insurance agency's "
                                "counter for review. The result is shown under \"Change records\".")
                                 .arg(ChangeForm::title(pending->target)));
        m_printButtons->setVisible(true);
    }
}

void ChangeOutcomePage::run(Action action)
{
    const ChangeRequest *pending = pendingRequest(m_data);
    if (!pending)
        return;
    QString line;
    if (action == Action::SavePdf)
        line = ChangeFormActions::savePdf(this, *pending, m_data.unit, m_cache);
    else if (action == Action::Preview)
        line = ChangeFormActions::preview(this, m_printer, *pending, m_data.unit, m_cache);
    else
        line = ChangeFormActions::print(this, m_printer, *pending, m_data.unit, m_cache);
    if (!line.isEmpty())
        m_printResult->setText(line);
}

} // namespace shebao::ui
