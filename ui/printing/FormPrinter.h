#pragma once

#include <QObject>

#include <functional>
#include <memory>
#include <optional>

#include "models/cache/PrintedForm.h"
#include "models/core/Result.h"
#include "printing/FormData.h"
#include "printing/FormTemplate.h"

class QPrinter;
class QWidget;

namespace shebao {
class LocalCache;
}

namespace shebao::ui {

// Prints forms of the form engine (printing/) on paper. One FormPrinter lives as long as the
// session's main window, so the printer and its settings the user chose stick for the session
// (STYLE.md practice 10). The print and preview dialogs go through a seam tests pre-answer.
class FormPrinter : public QObject
{
    Q_OBJECT

public:
    explicit FormPrinter(QObject *parent = nullptr);
    ~FormPrinter() override;

    QPrinter &printer() const { return *m_printer; }

    // QPrintPreviewDialog painting the laid-out form page by page; the number of pages printed
    // from the preview, 0 when the user closed it without printing.
    Result<int> preview(QWidget *parent, const printing::FormTemplate &form, const printing::FormData &data);
    // QPrintDialog, then the form on the chosen printer; 0 when the user cancelled.
    Result<int> print(QWidget *parent, const printing::FormTemplate &form, const printing::FormData &data);

    // Preview (or print) `form` filled with `data`, either of which may be the error of loading
    // or filling it; when pages came out and there is a cache, `record(pages, cache)` keeps the
    // print there. The number of pages, 0 when the user cancelled.
    using Record = std::function<Result<PrintedForm>(int pages, LocalCache *cache)>;
    Result<int> onPaper(QWidget *parent, const Result<printing::FormTemplate> &form,
                        const Result<printing::FormData> &data, bool preview, LocalCache *cache, const Record &record);

    // The next preview or print dialog is not shown: true = accepted (the form goes to the
    // printer as set up), false = cancelled.
    static void setNextDialogAnswer(bool accepted);

private:
    static std::optional<bool> takeNextAnswer();

    std::unique_ptr<QPrinter> m_printer;
    static std::optional<bool> s_nextAnswer;
};

} // namespace shebao::ui
