#include "ui/printing/FormPrinter.h"

#include <QPrintDialog>
#include <QPrintPreviewDialog>
#include <QPrinter>

#include <utility>

#include "printing/FormRenderer.h"

namespace shebao::ui {

std::optional<bool> FormPrinter::s_nextAnswer;

FormPrinter::FormPrinter(QObject *parent)
    : QObject(parent)
    , m_printer(std::make_unique<QPrinter>(QPrinter::HighResolution))
{
}

FormPrinter::~FormPrinter() = default;

void FormPrinter::setNextDialogAnswer(bool accepted)
{
    s_nextAnswer = accepted;
}

std::optional<bool> FormPrinter::takeNextAnswer()
{
    return std::exchange(s_nextAnswer, std::nullopt);
}

Result<int> FormPrinter::preview(QWidget *parent, const printing::FormTemplate &form, const printing::FormData &data)
{
    printing::FormRenderer renderer(form, data);
    // The template decides paper and orientation; the rest of the printer's setup is the user's.
    m_printer->setPageLayout(renderer.pageLayout());
    Result<int> pages = renderer.layout(*m_printer);
    if (!pages)
        return pages.error();
    if (const std::optional<bool> answer = takeNextAnswer()) {
        if (!*answer)
            return 0;
        Result<void> rendered = renderer.render(*m_printer);
        if (!rendered)
            return rendered.error();
        return renderer.pageCount();
    }

    QPrintPreviewDialog dialog(m_printer.get(), parent);
    dialog.setObjectName(QStringLiteral("printPreviewDialog"));
    dialog.setWindowTitle(tr("Print preview: %1").arg(form.title));
    std::optional<Error> failure;
    connect(&dialog, &QPrintPreviewDialog::paintRequested, &dialog, [&](QPrinter *printer) {
        Result<void> rendered = renderer.render(*printer);
        if (!rendered)
            failure = rendered.error();
    });
    // QPrintPreviewDialog accepts only after it printed.
    const bool printed = dialog.exec() == QDialog::Accepted;
    if (failure)
        return *failure;
    return printed ? renderer.pageCount() : 0;
}

Result<int> FormPrinter::print(QWidget *parent, const printing::FormTemplate &form, const printing::FormData &data)
{
    printing::FormRenderer renderer(form, data);
    m_printer->setPageLayout(renderer.pageLayout());
    std::optional<bool> answer = takeNextAnswer();
    if (!answer) {
        QPrintDialog dialog(m_printer.get(), parent);
        dialog.setObjectName(QStringLiteral("printDialog"));
        dialog.setWindowTitle(tr("Print: %1").arg(form.title));
        answer = dialog.exec() == QDialog::Accepted;
    }
    if (!*answer)
        return 0;
    Result<void> rendered = renderer.render(*m_printer);
    if (!rendered)
        return rendered.error();
    return renderer.pageCount();
}

Result<int> FormPrinter::onPaper(QWidget *parent, const Result<printing::FormTemplate> &form,
                                 const Result<printing::FormData> &data, bool preview, LocalCache *cache,
                                 const Record &record)
{
    if (!form)
        return form.error();
    if (!data)
        return data.error();
    Result<int> pages = preview ? this->preview(parent, form.value(), data.value()) : print(parent, form.value(), data.value());
    if (!pages || pages.value() == 0 || !cache)
        return pages;
    if (Result<PrintedForm> recorded = record(pages.value(), cache); !recorded)
        return recorded.error();
    return pages;
}

} // namespace shebao::ui
