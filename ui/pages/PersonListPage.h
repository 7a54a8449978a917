#pragma once

#include <QList>
#include <QWidget>

#include <optional>

#include "models/domain/Person.h"
#include "models/domain/Unit.h"

class QAction;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace shebao {

class PersonFilterModel;
class PersonTableModel;

// 单位查询 → 人员名单: the unit's people from the cache, filtered as the clerk types (name,
// ID number or 个人编号). ID numbers are masked; the clerk reveals one person's on purpose.
class PersonListPage : public QWidget
{
    Q_OBJECT

public:
    explicit PersonListPage(QWidget *parent = nullptr);

    void setPersons(QList<Person> persons);
    // The unit the list belongs to, for 导出 Excel.
    void setUnit(const std::optional<Unit> &unit);
    void focusFilter();

    PersonTableModel *personModel() const { return m_model; }
    PersonFilterModel *filterModel() const { return m_filter; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void toggleRevealSelected();
    void updateRevealAction();
    void updateCount();
    void exportExcel();
    int selectedSourceRow() const;

    PersonTableModel *m_model;
    PersonFilterModel *m_filter;
    QLineEdit *m_filterLineEdit;
    QTableView *m_personTableView;
    QPushButton *m_revealIdButton;
    QPushButton *m_exportButton;
    QAction *m_revealIdAction;
    QLabel *m_countLabel;
    QLabel *m_emptyLabel;
    QLabel *m_exportLabel;
    std::optional<Unit> m_unit;
    int m_keptSourceRow = -1; // the selected person across a filter change
    qint64 m_keptPersonId = 0;
    bool m_columnsSized = false;
};

} // namespace shebao
