#pragma once

// The input format of fuzz_xlsx_xml: the XML parts of a workbook one after another, separated by
// the line "\n@@part@@\n", in the order of names() (the sheet first, since most of the reader's
// work is there). A missing part gets the plain one a one-sheet workbook has (defaults()), so a
// seed of just a sheet is a whole workbook.

#include <QByteArray>
#include <QList>

namespace shebao::fuzz::xlsxparts {

inline const QByteArray &separator()
{
    static const QByteArray s = QByteArrayLiteral("\n@@part@@\n");
    return s;
}

inline const QList<QByteArray> &names()
{
    static const QList<QByteArray> n{"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml",
                                     "xl/workbook.xml", "xl/_rels/workbook.xml.rels"};
    return n;
}

inline const QList<QByteArray> &defaults()
{
    static const QList<QByteArray> d{
        QByteArrayLiteral("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData/></worksheet>"),
        QByteArrayLiteral("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>"),
        QByteArrayLiteral("<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>"),
        QByteArrayLiteral("<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                          "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                          "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
        QByteArrayLiteral("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                          "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                          "relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>")};
    return d;
}

// The parts of an input, defaults filled in.
inline QList<QByteArray> split(const QByteArray &input)
{
    QList<QByteArray> parts;
    qsizetype from = 0;
    while (parts.size() < names().size()) {
        const qsizetype at = input.indexOf(separator(), from);
        if (at < 0) {
            parts.append(input.mid(from));
            break;
        }
        parts.append(input.mid(from, at - from));
        from = at + separator().size();
    }
    while (parts.size() < names().size())
        parts.append(defaults().at(parts.size()));
    return parts;
}

inline QByteArray join(const QList<QByteArray> &parts)
{
    return parts.join(separator());
}

} // namespace shebao::fuzz::xlsxparts
