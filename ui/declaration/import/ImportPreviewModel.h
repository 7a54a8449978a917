#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QStringList>

#include "models/import/ImportProblem.h"
#include "models/import/ImportSheet.h"

namespace shebao::ui {

// 批量导入's preview: the file's data rows as the clerk typed them (vertical header = the row
// number Excel shows), every problem on its cell — tooltip, colour (red error, yellow warning)
// and ProblemsRole — and problems that are about a row but no column of the file (a missing
// required column, a server refusal about the person) on the row's first cell.
class ImportPreviewModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role {
        ProblemsRole = Qt::UserRole + 1, // QStringList of the cell's messages
        SeverityRole,                    // "error", "warning" or empty
        RowNumberRole,                   // the Excel row number, on every cell
    };

    explicit ImportPreviewModel(QObject *parent = nullptr);

    // `headerRow`: the sheet row holding the header (ImportResult::headerRow).
    void setSheet(const ImportSheet &sheet, int headerRow, const QList<ImportProblem> &problems);
    // More problems (the server's refusals after 加入待申报), shown like the checker's.
    void addProblems(const QList<ImportProblem> &problems);
    void clear();

    // The cell a problem is shown on; invalid when its row is not in the preview.
    QModelIndex indexOf(const ImportProblem &problem) const;
    int rowOfNumber(int rowNumber) const;
    const QList<ImportProblem> &problems() const { return m_problems; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    static quint64 key(int row, int column) { return (quint64(quint32(row)) << 32) | quint32(column); }
    int columnOf(const QString &header) const;
    void attach(const ImportProblem &problem, int problemIndex);

    QStringList m_headers;
    QStringList m_normalizedHeaders;
    QList<ImportRow> m_rows;
    QHash<int, int> m_rowByNumber;
    QList<ImportProblem> m_problems;
    QHash<quint64, QList<int>> m_cellProblems; // (model row, column) -> indexes into m_problems
    QHash<int, bool> m_rowHasError;
};

} // namespace shebao::ui
