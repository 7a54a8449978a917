#pragma once

#include <QFont>
#include <QList>
#include <QPageLayout>
#include <QRectF>
#include <QString>
#include <QStringList>

#include "models/core/Result.h"
#include "printing/FormData.h"
#include "printing/FormTemplate.h"

class QPaintDevice;
class QPagedPaintDevice;
class QPainter;

namespace shebao::printing {

// Lays a template out for one paint device and paints it page by page. Layout is done once
// into a display list (positioned text, boxes, QR codes), so the page count is known before
// the first page is painted and "第 x 页 共 y 页" is exact. Tables break between rows and repeat
// their header row at the top of every page they continue on.
class FormRenderer
{
public:
    FormRenderer(FormTemplate form, FormData data);

    // The page layout (size, orientation, no device margins: the template's margins are ours).
    QPageLayout pageLayout() const;

    // Lays out for the given device's resolution. Fails when the data lacks a placeholder.
    Result<int> layout(const QPaintDevice &device);
    int pageCount() const { return int(m_pages.size()); }
    void paintPage(QPainter &painter, int page) const;

    // Lays out and paints every page onto device (a QPdfWriter or a QPrinter already set up
    // with pageLayout()).
    Result<void> render(QPagedPaintDevice &device);

    // Lays out and writes the whole form as a PDF file (600 dpi, the form's title as document
    // title, `creator` as its producer); pageCount() holds the page count afterwards. Needs a
    // QGuiApplication (fonts). Errors: form.placeholder, print.device, print.write.
    Result<void> renderPdf(const QString &path, const QString &creator = QStringLiteral("shebao-desk"));

    // Convenience: renderPdf of a renderer made for the call.
    static Result<void> writePdf(const FormTemplate &form, const FormData &data, const QString &path);

    // All text on the laid-out pages, in order: the page header, the blocks' text, then the
    // footer with its page numbers filled in (tests, and the record of what was printed).
    QStringList pageTexts(int page) const;

private:
    struct Item
    {
        enum class Kind { Text, Box, Stamp, Qr, Seal };
        Kind kind = Kind::Text;
        QRectF rect;
        QString text;
        QFont font;
        int flags = 0;
        bool filled = false;
        QStringList seal; // Seal: name, text, serial
    };
    using Page = QList<Item>;
    class Layouter;

    FormTemplate m_form;
    FormData m_data;
    QList<Page> m_pages;
    QRectF m_footerRect;
    QRectF m_headerRect;
    QFont m_smallFont;
};

} // namespace shebao::printing
