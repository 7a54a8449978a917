#pragma once

#include <QByteArray>
#include <QList>
#include <QMarginsF>
#include <QPageLayout>
#include <QPageSize>
#include <QString>
#include <QStringList>

#include "models/core/Result.h"

namespace shebao::printing {

// A printed form described as data (resources/forms/*.json, format "shebao-form/1"; see
// docs/forms.md). A template is a page setup plus a list of blocks laid out top to bottom;
// text may hold {placeholders} filled from FormData.
struct FormField
{
    QString label;
    QString value;
    bool stamp = false; // signatures: draw the 单位（盖章） box under the label
};

struct FormColumn
{
    QString title;
    QString value;        // placeholder text per row, e.g. "{name}"
    qreal width = 1;      // relative
    Qt::Alignment align = Qt::AlignLeft;
};

struct FormBlock
{
    enum class Kind { Title, Text, Fields, Table, Signatures, Qr, Seal, Spacer };
    Kind kind = Kind::Text;
    QString text;                 // Title, Text; Qr: the caption beside the code; Seal: the name along the arc
    QString value;                // Qr: the encoded text; Seal: the line under the star ("电子印章")
    QString serial;               // Seal: small text along the bottom arc (optional)
    QStringList lines;            // Seal: lines under the seal (issuer, date), the seal drawn over them
    qreal fontSize = 0;           // points; 0: the kind's default
    bool bold = false;
    Qt::Alignment align = Qt::AlignLeft;
    int columns = 2;              // Fields: label/value pairs per line
    qreal labelWidth = 0.36;      // Fields: the label's share of a pair's width
    bool oneLine = false;         // Fields: a long value is set smaller to stay on one line
    QList<FormField> fields;      // Fields, Signatures
    QString rows;                 // Table: the FormData table to repeat
    QList<FormColumn> tableColumns;
    qreal heightMm = 0;           // Spacer height; Qr: side of the code; Seal: diameter
    qreal rowHeightMm = 7;        // Table: the least height of a row (text that wraps makes it taller)
    qreal lastRowSpaceMm = 0;     // Table: room the last row needs below it, or it starts a new page
};

struct FormTemplate
{
    QString id;
    QString title;
    QPageSize::PageSizeId pageSize = QPageSize::A4;
    QPageLayout::Orientation orientation = QPageLayout::Portrait;
    QMarginsF marginsMm{18, 15, 18, 15};
    qreal fontSize = 10.5;
    QString header;                                  // small text at the top right of every page
    QString footer = QStringLiteral("第 {page} 页 共 {pages} 页");
    QList<FormBlock> blocks;

    // Parses and checks a template; a problem is reported with its JSON path.
    static Result<FormTemplate> fromJson(const QByteArray &json);
    // From a file or a Qt resource (":/forms/authorization-letter.json"), or by id from the
    // embedded forms ("authorization-letter").
    static Result<FormTemplate> load(const QString &pathOrId);
};

} // namespace shebao::printing
