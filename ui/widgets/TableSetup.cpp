#include "ui/widgets/TableSetup.h"

#include <QHeaderView>
#include <QTableView>

namespace shebao::ui {

void setUpTable(QTableView *table, bool rowNumbers)
{
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setWordWrap(false);
    table->verticalHeader()->setVisible(rowNumbers);
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    QHeaderView *header = table->horizontalHeader();
    header->setStretchLastSection(true);
    header->setMinimumSectionSize(table->fontMetrics().horizontalAdvance(QStringLiteral("0000")));
    header->setResizeContentsPrecision(200);
}

void fitColumns(QTableView *table)
{
    QHeaderView *header = table->horizontalHeader();
    header->setStretchLastSection(false);
    table->resizeColumnsToContents();
    const int minimum = table->fontMetrics().horizontalAdvance(QStringLiteral("000000000"));
    // A long message must not push the other columns out of sight; its tooltip has it whole.
    const int maximum = table->fontMetrics().horizontalAdvance(QLatin1Char('0')) * 60;
    for (int column = 0; column < header->count(); ++column) {
        if (header->sectionSize(column) < minimum && (!table->model() || table->model()->rowCount() == 0))
            header->resizeSection(column, minimum);
        else if (header->sectionSize(column) > maximum)
            header->resizeSection(column, maximum);
    }
    header->setStretchLastSection(true);
}

} // namespace shebao::ui
