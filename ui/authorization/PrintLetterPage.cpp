#include "ui/authorization/PrintLetterPage.h"

#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

#include "app/AuthorizationService.h"
#include "printing/FormTemplate.h"
#include "ui/printing/FormPrinter.h"
#include "ui/widgets/FileDialog.h"

namespace shebao::ui {

PrintLetterPage::PrintLetterPage(AuthorizationService &service, FormPrinter &printer, QWidget *parent)
    : QWizardPage(parent)
    , m_service(service)
    , m_printer(printer)
    , m_resultLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("printLetterPage"));
    setTitle(tr("Print the user commitment letter"));
    setSubTitle(tr("Print the letter and have it stamped with the unit's official seal. You then upload a scan "
                   "of the stamped letter."));
    m_resultLabel->setObjectName(QStringLiteral("printResultLabel"));
    m_resultLabel->setWordWrap(true);
    m_resultLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(addButton(tr("Print pre&view..."), QStringLiteral("previewPushButton"), Action::Preview));
    buttons->addWidget(addButton(tr("&Print..."), QStringLiteral("printPushButton"), Action::Print));
    buttons->addWidget(addButton(tr("&Save as PDF..."), QStringLiteral("savePdfPushButton"), Action::SavePdf));
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_resultLabel);
    layout->addStretch();
}

QPushButton *PrintLetterPage::addButton(const QString &text, const QString &objectName, Action action)
{
    auto *button = new QPushButton(text, this);
    button->setObjectName(objectName);
    button->setAccessibleName(QString(text).remove(u'&').remove(QStringLiteral("...")));
    connect(button, &QPushButton::clicked, this, [this, action] { run(action); });
    return button;
}

void PrintLetterPage::initializePage()
{
    m_resultLabel->setText(m_service.letterPrinted() ? tr("The letter has already been printed.") : QString());
}

bool PrintLetterPage::isComplete() const
{
    return m_service.letterPrinted();
}

void PrintLetterPage::run(Action action)
{
    if (action == Action::SavePdf) {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        const QString suggested = QDir(dir).filePath(tr("User commitment letter") + QStringLiteral(".pdf"));
        QString path = FileDialog::getSaveFileName(this, tr("Save the letter as PDF"), suggested,
                                                   tr("PDF files (*.pdf)"));
        if (path.isEmpty())
            return;
        if (!path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
            path += QStringLiteral(".pdf");
        Result<PrintedForm> saved = m_service.writeLetterPdf(path);
        m_resultLabel->setText(saved ? tr("Saved as %1.").arg(QDir::toNativeSeparators(path)) : saved.error().message);
        emit completeChanged();
        return;
    }
    Result<printing::FormTemplate> form = printing::FormTemplate::load(QString::fromLatin1(AuthorizationService::LetterFormId));
    Result<printing::FormData> data = m_service.letterData();
    if (!form || !data) {
        m_resultLabel->setText(!form ? form.error().message : data.error().message);
        return;
    }
    Result<int> pages = action == Action::Preview ? m_printer.preview(this, form.value(), data.value())
                                                  : m_printer.print(this, form.value(), data.value());
    if (!pages) {
        m_resultLabel->setText(pages.error().message);
        return;
    }
    if (pages.value() == 0)
        return;
    Result<PrintedForm> recorded = m_service.recordLetterPrinted(pages.value());
    m_resultLabel->setText(recorded ? tr("Printed (%n page(s)).", nullptr, pages.value()) : recorded.error().message);
    emit completeChanged();
}

} // namespace shebao::ui
