#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QVariantMap>

#include "models/core/Result.h"

namespace shebao::printing {

// What fills a form template: named scalar values ("unit.name", "today") and named tables of
// rows for repeating blocks. Placeholders in templates are written {key}; inside a table row
// {key} looks in the row first, then in the scalars, and {#} is the 1-based row number.
struct FormData
{
    QVariantMap values;
    QHash<QString, QList<QVariantMap>> tables;

    // Replaces every {key} in text. A key that is neither in row nor in values is an error that
    // names it (a template and its caller disagree: fail loudly rather than print a blank).
    // "{{" and "}}" stand for literal braces.
    Result<QString> expand(const QString &text, const QVariantMap *row = nullptr, int rowNumber = 0) const;

    // Lower-case hex SHA-256 of the values and tables as compact JSON with ordered keys: the
    // same data always hashes the same (PrintedForm::dataSha256, "was this already printed?").
    QByteArray sha256() const;
};

} // namespace shebao::printing
