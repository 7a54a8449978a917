#include "ui/declaration/import/ImportPreviewModel.h"

#include <QBrush>
#include <QColor>

#include "models/import/ImportColumns.h"
#include "models/import/ImportValues.h"

namespace shebao::ui {

namespace {
const QColor ErrorColour(0xff, 0xd6, 0xd6);
const QColor WarningColour(0xff, 0xf0, 0xc0);
} // namespace

ImportPreviewModel::ImportPreviewModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ImportPreviewModel::clear()
{
    beginResetModel();
    m_headers.clear();
    m_normalizedHeaders.clear();
    m_rows.clear();
    m_rowByNumber.clear();
    m_problems.clear();
    m_cellProblems.clear();
    m_rowHasError.clear();
    endResetModel();
}

void ImportPreviewModel::setSheet(const ImportSheet &sheet, int headerRow, const QList<ImportProblem> &problems)
{
    beginResetModel();
    m_headers.clear();
    m_normalizedHeaders.clear();
    m_rows.clear();
    m_rowByNumber.clear();
    m_problems.clear();
    m_cellProblems.clear();
    m_rowHasError.clear();
    for (const ImportRow &row : sheet.rows) {
        if (row.number == headerRow) {
            for (const ImportCell &cell : row.cells) {
                m_headers.append(ImportValues::text(cell));
                m_normalizedHeaders.append(ImportColumns::normalizeHeader(m_headers.last()));
            }
        } else if (row.number > headerRow && !row.isBlank()) {
            m_rowByNumber.insert(row.number, int(m_rows.size()));
            m_rows.append(row);
        }
    }
    // Trailing empty header cells carry nothing.
    while (!m_headers.isEmpty() && m_headers.last().isEmpty()) {
        m_headers.removeLast();
        m_normalizedHeaders.removeLast();
    }
    for (const ImportProblem &problem : problems) {
        m_problems.append(problem);
        attach(problem, int(m_problems.size()) - 1);
    }
    endResetModel();
}

void ImportPreviewModel::addProblems(const QList<ImportProblem> &problems)
{
    for (const ImportProblem &problem : problems) {
        m_problems.append(problem);
        attach(problem, int(m_problems.size()) - 1);
        const QModelIndex cell = indexOf(problem);
        if (cell.isValid())
            emit dataChanged(cell, cell);
    }
    if (!problems.isEmpty() && rowCount() > 0)
        emit headerDataChanged(Qt::Vertical, 0, rowCount() - 1);
}

int ImportPreviewModel::columnOf(const QString &header) const
{
    return int(m_normalizedHeaders.indexOf(ImportColumns::normalizeHeader(header)));
}

int ImportPreviewModel::rowOfNumber(int rowNumber) const
{
    return m_rowByNumber.value(rowNumber, -1);
}

QModelIndex ImportPreviewModel::indexOf(const ImportProblem &problem) const
{
    const int row = rowOfNumber(problem.row);
    if (row < 0 || m_headers.isEmpty())
        return {};
    const int column = columnOf(problem.column);
    return createIndex(row, column >= 0 ? column : 0);
}

void ImportPreviewModel::attach(const ImportProblem &problem, int problemIndex)
{
    const QModelIndex cell = indexOf(problem);
    if (!cell.isValid())
        return;
    m_cellProblems[key(cell.row(), cell.column())].append(problemIndex);
    if (problem.isError())
        m_rowHasError[cell.row()] = true;
}

int ImportPreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ImportPreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_headers.size());
}

QVariant ImportPreviewModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ImportRow &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole: {
        const ImportCell &cell = row.cell(index.column());
        // What the file holds, as the clerk would see it in Excel (a numeric ID number shows
        // as the number it became).
        return cell.kind == ImportCell::Kind::Number && cell.text.contains(u'E') ? cell.text : ImportValues::text(cell);
    }
    case RowNumberRole: return row.number;
    default: break;
    }
    const auto it = m_cellProblems.constFind(key(index.row(), index.column()));
    if (it == m_cellProblems.constEnd())
        return {};
    bool error = false;
    QStringList messages;
    for (int i : *it) {
        error = error || m_problems.at(i).isError();
        messages.append(m_problems.at(i).message);
    }
    switch (role) {
    case Qt::ToolTipRole:
    case Qt::AccessibleDescriptionRole: return messages.join(QLatin1Char('\n'));
    case Qt::BackgroundRole: return QBrush(error ? ErrorColour : WarningColour);
    case Qt::ForegroundRole: return QBrush(Qt::black);
    case ProblemsRole: return messages;
    case SeverityRole: return error ? QStringLiteral("error") : QStringLiteral("warning");
    default: break;
    }
    return {};
}

QVariant ImportPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal) {
        if (role == Qt::DisplayRole && section >= 0 && section < m_headers.size())
            return m_headers.at(section);
        return {};
    }
    if (section < 0 || section >= m_rows.size())
        return {};
    if (role == Qt::DisplayRole)
        return m_rows.at(section).number;
    if (role == Qt::ForegroundRole && m_rowHasError.value(section))
        return QBrush(QColor(0xc0, 0x00, 0x00));
    return {};
}

} // namespace shebao::ui
