#include "models/import/ImportSheet.h"

#include "models/validation/TextFold.h"

namespace shebao {

bool ImportCell::isBlank() const
{
    if (kind == Kind::Empty)
        return true;
    if (kind != Kind::String)
        return false;
    for (const QChar c : text) {
        if (!TextFold::isBlank(c) && c != QChar(0x3000))
            return false;
    }
    return true;
}

const ImportCell &ImportRow::cell(qsizetype column) const
{
    static const ImportCell empty;
    return column >= 0 && column < cells.size() ? cells.at(column) : empty;
}

bool ImportRow::isBlank() const
{
    for (const ImportCell &c : cells) {
        if (!c.isBlank())
            return false;
    }
    return true;
}

} // namespace shebao
