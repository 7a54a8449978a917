#include "printing/FormRenderer.h"

#include <QFileInfo>
#include <QFontMetricsF>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>

#include "printing/ElectronicSeal.h"
#include "printing/FormFonts.h"
#include "printing/QrCode.h"

namespace shebao::printing {

// Walks the blocks with a cursor, opening pages as they fill. Device units throughout.
class FormRenderer::Layouter
{
public:
    Layouter(FormRenderer &r, const QPaintDevice &device)
        : m_r(r), m_device(device), m_dpi(device.logicalDpiY())
    {
        const QRectF paper = r.pageLayout().fullRectPoints();
        const qreal toDevice = m_dpi / 72.0;
        const QMarginsF m = r.m_form.marginsMm;
        m_body = QRectF(mm(m.left()), mm(m.top()) + mm(6), paper.width() * toDevice - mm(m.left() + m.right()),
                        paper.height() * toDevice - mm(m.top() + m.bottom()) - mm(12));
        r.m_headerRect = QRectF(m_body.left(), mm(m.top()), m_body.width(), mm(5));
        r.m_footerRect = QRectF(m_body.left(), m_body.bottom() + mm(2), m_body.width(), mm(6));
        r.m_smallFont = font(r.m_form.fontSize * 0.85);
        r.m_pages.clear();
        newPage();
    }

    Result<void> add(const FormBlock &b)
    {
        switch (b.kind) {
        case FormBlock::Kind::Title:
        case FormBlock::Kind::Text: return text(b);
        case FormBlock::Kind::Fields: return fields(b);
        case FormBlock::Kind::Table: return table(b);
        case FormBlock::Kind::Signatures: return signatures(b);
        case FormBlock::Kind::Qr: return qr(b);
        case FormBlock::Kind::Seal: return seal(b);
        case FormBlock::Kind::Spacer: m_y += mm(b.heightMm); return {};
        }
        return {};
    }

private:
    qreal mm(qreal v) const { return v * m_dpi / 25.4; }
    QFont font(qreal pt, bool bold = false) const { return formFont(pt, bold); }
    qreal textHeight(const QString &s, const QFont &f, qreal width, int flags) const
    {
        const QFontMetricsF fm(f, &m_device);
        return fm.boundingRect(QRectF(0, 0, width, 1e7), flags, s.isEmpty() ? QStringLiteral(" ") : s).height();
    }
    void newPage()
    {
        m_r.m_pages.append(Page{});
        m_y = m_body.top();
    }
    // Opens a new page when h does not fit below the cursor (unless the page is still empty).
    void ensure(qreal h)
    {
        if (m_y + h > m_body.bottom() && m_y > m_body.top())
            newPage();
    }
    void push(Item item) { m_r.m_pages.last().append(std::move(item)); }
    void pushText(const QRectF &rect, const QString &s, const QFont &f, int flags)
    {
        push(Item{Item::Kind::Text, rect, s, f, flags, false, {}});
    }
    void pushBox(const QRectF &rect, bool filled = false) { push(Item{Item::Kind::Box, rect, {}, {}, 0, filled, {}}); }
    Result<QString> expand(const QString &s, const QVariantMap *row = nullptr, int n = 0) const
    {
        return m_r.m_data.expand(s, row, n);
    }

    Result<void> text(const FormBlock &b)
    {
        auto s = expand(b.text);
        if (!s)
            return s.error();
        const qreal pt = b.fontSize > 0 ? b.fontSize : (b.kind == FormBlock::Kind::Title ? m_r.m_form.fontSize * 1.7 : m_r.m_form.fontSize);
        const QFont f = font(pt, b.bold);
        const int flags = int(b.align) | Qt::AlignTop | Qt::TextWordWrap;
        const qreal h = textHeight(s.value(), f, m_body.width(), flags);
        ensure(h);
        pushText(QRectF(m_body.left(), m_y, m_body.width(), h), s.value(), f, flags);
        m_y += h + mm(b.kind == FormBlock::Kind::Title ? 5 : 2.5);
        return {};
    }

    // `f`, smaller as needed (down to 60 %) for `text` to fit `width` on one line; a text that is
    // longer still wraps at that size.
    QFont fittingFont(const QFont &f, const QString &text, qreal width) const
    {
        const qreal natural = QFontMetricsF(f, &m_device).horizontalAdvance(text);
        if (natural <= width)
            return f;
        QFont smaller = f;
        smaller.setPointSizeF(qMax(f.pointSizeF() * 0.6, f.pointSizeF() * width / natural * 0.98));
        return smaller;
    }

    Result<void> fields(const FormBlock &b)
    {
        const QFont f = font(b.fontSize > 0 ? b.fontSize : m_r.m_form.fontSize);
        const qreal pairWidth = m_body.width() / b.columns;
        const qreal labelWidth = pairWidth * b.labelWidth;
        const qreal pad = mm(1.5);
        const int flags = Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap;
        const qreal valueRoom = pairWidth - labelWidth - 2 * pad;
        for (qsizetype i = 0; i < b.fields.size(); i += b.columns) {
            QStringList labels, values;
            QList<QFont> valueFonts;
            qreal h = mm(8);
            for (qsizetype j = i; j < qMin(i + b.columns, b.fields.size()); ++j) {
                auto v = expand(b.fields[j].value);
                if (!v)
                    return v.error();
                labels << b.fields[j].label;
                values << v.value();
                valueFonts << (b.oneLine ? fittingFont(f, values.last(), valueRoom) : f);
                h = qMax(h, textHeight(labels.last(), f, labelWidth - 2 * pad, flags) + 2 * pad);
                h = qMax(h, textHeight(values.last(), valueFonts.last(), valueRoom, flags) + 2 * pad);
            }
            ensure(h);
            for (qsizetype j = 0; j < labels.size(); ++j) {
                const qreal x = m_body.left() + j * pairWidth;
                const QRectF labelCell(x, m_y, labelWidth, h);
                const QRectF valueCell(x + labelWidth, m_y, pairWidth - labelWidth, h);
                pushBox(labelCell, true);
                pushBox(valueCell);
                pushText(labelCell.adjusted(pad, pad, -pad, -pad), labels[j], f, flags);
                pushText(valueCell.adjusted(pad, pad, -pad, -pad), values[j], valueFonts[j], flags);
            }
            m_y += h;
        }
        m_y += mm(3);
        return {};
    }

    Result<void> table(const FormBlock &b)
    {
        const QFont f = font(b.fontSize > 0 ? b.fontSize : m_r.m_form.fontSize * 0.9);
        const QFont headerFont = font(f.pointSizeF(), true);
        qreal totalWeight = 0;
        for (const FormColumn &c : b.tableColumns)
            totalWeight += c.width;
        QList<qreal> widths;
        for (const FormColumn &c : b.tableColumns)
            widths << m_body.width() * c.width / totalWeight;
        const qreal pad = mm(1.2);
        auto rowHeight = [&](const QStringList &cells, const QFont &rf) {
            qreal h = mm(b.rowHeightMm);
            for (qsizetype i = 0; i < cells.size(); ++i)
                h = qMax(h, textHeight(cells[i], rf, widths[i] - 2 * pad, Qt::TextWordWrap) + 2 * pad);
            return h;
        };
        auto paintRow = [&](const QStringList &cells, const QFont &rf, qreal h, bool header) {
            qreal x = m_body.left();
            for (qsizetype i = 0; i < cells.size(); ++i) {
                const QRectF cell(x, m_y, widths[i], h);
                pushBox(cell, header);
                const int align = header ? int(Qt::AlignHCenter) : int(b.tableColumns[i].align);
                pushText(cell.adjusted(pad, pad, -pad, -pad), cells[i], rf, align | Qt::AlignVCenter | Qt::TextWordWrap);
                x += widths[i];
            }
            m_y += h;
        };
        QStringList titles;
        for (const FormColumn &c : b.tableColumns)
            titles << c.title;
        const qreal headerHeight = rowHeight(titles, headerFont);

        const QList<QVariantMap> rows = m_r.m_data.tables.value(b.rows);
        QList<QStringList> cellsOfRows;
        cellsOfRows.reserve(rows.size());
        for (qsizetype n = 0; n < rows.size(); ++n) {
            QStringList cells;
            for (const FormColumn &c : b.tableColumns) {
                auto v = expand(c.value, &rows[n], int(n + 1));
                if (!v)
                    return v.error();
                cells << v.value();
            }
            cellsOfRows << cells;
        }
        if (cellsOfRows.isEmpty()) {
            QStringList empty(b.tableColumns.size(), QString());
            empty[0] = QStringLiteral("（无）");
            cellsOfRows << empty;
        }
        // The header must sit with at least one row (and a single row with the room it needs below).
        const qreal firstBelow = cellsOfRows.size() == 1 ? mm(b.lastRowSpaceMm) : 0;
        const qreal firstRow = headerHeight + rowHeight(cellsOfRows.first(), f);
        ensure(firstRow + (firstRow + firstBelow <= m_body.height() ? firstBelow : 0));
        paintRow(titles, headerFont, headerHeight, true);
        for (qsizetype n = 0; n < cellsOfRows.size(); ++n) {
            const QStringList &cells = cellsOfRows[n];
            const qreal h = rowHeight(cells, f);
            const bool last = n == cellsOfRows.size() - 1;
            const qreal below = last ? mm(b.lastRowSpaceMm) : 0;
            // The room below the last row is asked for only while it could exist on a fresh page.
            const bool roomOnAnyPage = headerHeight + h + below <= m_body.height();
            if (m_y + h > m_body.bottom() || (last && roomOnAnyPage && m_y + h + below > m_body.bottom())) {
                newPage();
                paintRow(titles, headerFont, headerHeight, true);
            }
            paintRow(cells, f, h, false);
        }
        m_y += mm(3);
        return {};
    }

    Result<void> signatures(const FormBlock &b)
    {
        const QFont f = font(b.fontSize > 0 ? b.fontSize : m_r.m_form.fontSize);
        const qreal width = m_body.width() / qMax<qsizetype>(1, b.fields.size());
        const qreal lineHeight = textHeight(QStringLiteral("单"), f, width, 0);
        const qreal stampSide = mm(36);
        bool anyStamp = false;
        for (const FormField &field : b.fields)
            anyStamp = anyStamp || field.stamp;
        const qreal h = lineHeight + mm(2) + (anyStamp ? stampSide : lineHeight * 2);
        ensure(h + mm(4));
        m_y += mm(4);
        for (qsizetype i = 0; i < b.fields.size(); ++i) {
            const FormField &field = b.fields[i];
            auto v = expand(field.value);
            if (!v)
                return v.error();
            const qreal x = m_body.left() + i * width;
            const QString label = v.value().isEmpty() ? field.label : field.label + v.value();
            pushText(QRectF(x, m_y, width - mm(2), lineHeight * 2), label, f, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap);
            if (field.stamp)
                push(Item{Item::Kind::Stamp, QRectF(x + mm(4), m_y + lineHeight + mm(2), stampSide, stampSide), {}, {}, 0, false, {}});
        }
        m_y += h + mm(2);
        return {};
    }

    Result<void> qr(const FormBlock &b)
    {
        auto value = expand(b.value);
        if (!value)
            return value.error();
        auto caption = expand(b.text);
        if (!caption)
            return caption.error();
        const qreal side = mm(b.heightMm);
        ensure(side);
        push(Item{Item::Kind::Qr, QRectF(m_body.left(), m_y, side, side), value.value(), {}, 0, false, {}});
        if (!caption.value().isEmpty()) {
            const QFont f = font(m_r.m_form.fontSize * 0.9);
            pushText(QRectF(m_body.left() + side + mm(4), m_y, m_body.width() - side - mm(4), side), caption.value(), f,
                     Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap);
        }
        m_y += side + mm(3);
        return {};
    }

    // The seal over the lines it authenticates (issuer, date), as a stamp sits over them on paper.
    Result<void> seal(const FormBlock &b)
    {
        QStringList parts;
        for (const QString &s : {b.text, b.value, b.serial}) {
            auto expanded = expand(s);
            if (!expanded)
                return expanded.error();
            parts << expanded.value();
        }
        const QFont f = font(b.fontSize > 0 ? b.fontSize : m_r.m_form.fontSize);
        const QFontMetricsF fm(f, &m_device);
        QStringList lines;
        qreal linesWidth = 0;
        for (const QString &line : b.lines) {
            auto expanded = expand(line);
            if (!expanded)
                return expanded.error();
            lines << expanded.value();
            linesWidth = qMax(linesWidth, fm.horizontalAdvance(lines.last()));
        }
        const qreal lineHeight = fm.lineSpacing() * 1.4;
        const qreal d = mm(b.heightMm);
        const qreal h = qMax(d, lineHeight * lines.size());
        ensure(h);
        const qreal inset = mm(10);
        qreal centreX = m_body.center().x();
        if (b.align & Qt::AlignRight)
            centreX = m_body.right() - inset - qMax(d, linesWidth) / 2;
        else if (b.align & Qt::AlignLeft)
            centreX = m_body.left() + inset + qMax(d, linesWidth) / 2;
        const qreal centreY = m_y + h / 2;
        const qreal boxWidth = qMin(m_body.width(), qMax(d, linesWidth) + mm(4));
        qreal y = centreY - lineHeight * lines.size() / 2;
        for (const QString &line : lines) {
            pushText(QRectF(centreX - boxWidth / 2, y, boxWidth, lineHeight), line, f, Qt::AlignHCenter | Qt::AlignVCenter);
            y += lineHeight;
        }
        Item item{Item::Kind::Seal, QRectF(centreX - d / 2, centreY - d / 2, d, d), {}, {}, 0, false, parts};
        push(std::move(item));
        m_y += h + mm(3);
        return {};
    }

    FormRenderer &m_r;
    const QPaintDevice &m_device;
    qreal m_dpi;
    QRectF m_body;
    qreal m_y = 0;
};

FormRenderer::FormRenderer(FormTemplate form, FormData data) : m_form(std::move(form)), m_data(std::move(data)) {}

QPageLayout FormRenderer::pageLayout() const
{
    return QPageLayout(QPageSize(m_form.pageSize), m_form.orientation, QMarginsF(0, 0, 0, 0));
}

Result<int> FormRenderer::layout(const QPaintDevice &device)
{
    Layouter layouter(*this, device);
    for (const FormBlock &block : m_form.blocks) {
        if (auto r = layouter.add(block); !r) {
            m_pages.clear();
            return r.error();
        }
    }
    // The footer and header are checked now so painting cannot fail later.
    for (const QString &text : {m_form.footer, m_form.header}) {
        FormData probe = m_data;
        probe.values.insert(QStringLiteral("page"), 1);
        probe.values.insert(QStringLiteral("pages"), 1);
        if (auto r = probe.expand(text); !r) {
            m_pages.clear();
            return r.error();
        }
    }
    return pageCount();
}

void FormRenderer::paintPage(QPainter &painter, int page) const
{
    if (page < 0 || page >= m_pages.size())
        return;
    painter.save();
    const qreal hairline = painter.device()->logicalDpiY() / 25.4 * 0.25; // 0.25 mm rules
    QPen pen(Qt::black, hairline);
    for (const Item &item : m_pages[page]) {
        switch (item.kind) {
        case Item::Kind::Text:
            painter.setFont(item.font);
            painter.setPen(Qt::black);
            painter.drawText(item.rect, item.flags, item.text);
            break;
        case Item::Kind::Box:
            if (item.filled)
                painter.fillRect(item.rect, QColor(0xEE, 0xEE, 0xEE));
            painter.setPen(pen);
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(item.rect);
            break;
        case Item::Kind::Stamp: {
            QPen dashed = pen;
            dashed.setStyle(Qt::DashLine);
            painter.setPen(dashed);
            painter.setBrush(Qt::NoBrush);
            painter.drawEllipse(item.rect);
            break;
        }
        case Item::Kind::Qr:
            if (auto qr = QrCode::encode(item.text.toUtf8()))
                qr.value().paint(painter, item.rect);
            break;
        case Item::Kind::Seal: {
            ElectronicSeal seal;
            seal.name = item.seal.value(0);
            seal.text = item.seal.value(1);
            seal.serial = item.seal.value(2);
            seal.paint(painter, item.rect);
            break;
        }
        }
    }
    FormData numbers = m_data;
    numbers.values.insert(QStringLiteral("page"), page + 1);
    numbers.values.insert(QStringLiteral("pages"), pageCount());
    painter.setFont(m_smallFont);
    painter.setPen(Qt::black);
    if (!m_form.footer.isEmpty())
        painter.drawText(m_footerRect, Qt::AlignHCenter | Qt::AlignTop, numbers.expand(m_form.footer).value());
    if (!m_form.header.isEmpty())
        painter.drawText(m_headerRect, Qt::AlignRight | Qt::AlignTop, numbers.expand(m_form.header).value());
    painter.restore();
}

Result<void> FormRenderer::render(QPagedPaintDevice &device)
{
    auto pages = layout(device);
    if (!pages)
        return pages.error();
    QPainter painter;
    if (!painter.begin(&device))
        return Error{QStringLiteral("print.device"), QStringLiteral("无法开始打印（打印机或文件不可用）。"), {}, {}};
    for (int i = 0; i < pageCount(); ++i) {
        if (i > 0)
            device.newPage();
        paintPage(painter, i);
    }
    painter.end();
    return {};
}

Result<void> FormRenderer::renderPdf(const QString &path, const QString &creator)
{
    {
        QPdfWriter writer(path);
        writer.setPageLayout(pageLayout());
        writer.setResolution(600);
        writer.setTitle(m_form.title);
        writer.setCreator(creator);
        if (Result<void> rendered = render(writer); !rendered)
            return rendered;
    } // the writer closes the file here
    if (!QFileInfo::exists(path))
        return Error{QStringLiteral("print.write"), QStringLiteral("无法写入 PDF 文件 %1。").arg(path), {}, {}};
    return {};
}

Result<void> FormRenderer::writePdf(const FormTemplate &form, const FormData &data, const QString &path)
{
    FormRenderer renderer(form, data);
    return renderer.renderPdf(path);
}

QStringList FormRenderer::pageTexts(int page) const
{
    QStringList texts;
    if (page < 0 || page >= m_pages.size())
        return texts;
    FormData numbers = m_data;
    numbers.values.insert(QStringLiteral("page"), page + 1);
    numbers.values.insert(QStringLiteral("pages"), pageCount());
    // layout() checked header and footer, so expand cannot fail here.
    if (!m_form.header.isEmpty())
        texts << numbers.expand(m_form.header).value();
    for (const Item &item : m_pages[page]) {
        if (item.kind == Item::Kind::Text)
            texts << item.text;
    }
    if (!m_form.footer.isEmpty())
        texts << numbers.expand(m_form.footer).value();
    return texts;
}

} // namespace shebao::printing
