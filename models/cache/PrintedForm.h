#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace shebao {

// A record of one printed form (issue 3: "a record of what was printed when"), kept in the
// unit's cache: which template, when, how many pages, the PDF file if it was saved as one,
// and the SHA-256 of the data it was filled with (the same data prints the same form).
struct PrintedForm
{
    qint64 id = 0;            // assigned by the cache
    QString formId;           // template id, e.g. "authorization-letter"
    QString title;            // "用户承诺书"
    QDateTime at;             // UTC
    int pages = 0;
    QString file;             // empty when printed on paper only
    QByteArray dataSha256;    // lower-case hex

    bool operator==(const PrintedForm &) const = default;
};

} // namespace shebao
