#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace shebao::cli {

// A plain-text table for terminals: columns padded by display width, so Chinese names (two
// columns per character) line up with ASCII.
class TextTable
{
public:
    explicit TextTable(QStringList header);
    void addRow(QStringList cells);
    void print(QTextStream &out) const;

    static int displayWidth(const QString &text);

private:
    QList<QStringList> m_rows;
};

} // namespace shebao::cli
