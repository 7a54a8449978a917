#pragma once

// Builds in-memory sheets for the row checker tests: a title row, the header row (row 2) and data
// rows made from a valid base row with some columns overridden. A QVariant value becomes a
// String cell (QString), a Number cell (double), a Date cell (QDate) or an empty cell (invalid).

#include "models/import/ImportSheet.h"

#include <QDate>
#include <QList>
#include <QStringList>
#include <QVariantMap>

#include <cmath>

namespace shebao::test {

inline ImportCell cellOf(const QVariant &v)
{
    ImportCell c;
    switch (v.typeId()) {
    case QMetaType::QString:
        c.text = v.toString();
        c.kind = c.text.isEmpty() ? ImportCell::Kind::Empty : ImportCell::Kind::String;
        break;
    case QMetaType::Double:
    case QMetaType::Int:
        c.number = v.toDouble();
        c.text = QString::number(c.number, 'g', 15).toUpper();
        c.kind = ImportCell::Kind::Number;
        break;
    case QMetaType::QDate:
        c.date = v.toDate();
        c.number = double(QDate(1899, 12, 30).daysTo(c.date));
        c.text = c.date.toString(Qt::ISODate);
        c.kind = ImportCell::Kind::Date;
        break;
    default:
        break;
    }
    return c;
}

inline ImportSheet buildSheet(const QStringList &headers, const QList<QVariantMap> &rows)
{
    ImportSheet sheet;
    sheet.name = QStringLiteral("test");
    ImportRow title;
    title.number = 1;
    title.cells.append(cellOf(QStringLiteral("某某公司人员名单")));
    sheet.rows.append(title);
    ImportRow header;
    header.number = 2;
    for (const QString &h : headers)
        header.cells.append(cellOf(h));
    sheet.rows.append(header);
    int number = 3;
    for (const QVariantMap &values : rows) {
        ImportRow row;
        row.number = number++;
        for (const QString &h : headers)
            row.cells.append(cellOf(values.value(h)));
        sheet.rows.append(row);
    }
    return sheet;
}

} // namespace shebao::test
