#pragma once

#include <QHash>
#include <QList>
#include <QWidget>

#include "app/home/PendingFigure.h"
#include "models/domain/Person.h"
#include "models/home/StaffFigures.h"

class QLabel;
class QPushButton;
class QTimer;

namespace shebao {
class AppContext;
}

namespace shebao::ui {

class EnrolledGroupBox;
class MovementGroupBox;

// 首页, the screen after login: the monthly deadline (with a reminder when it is near), the
// pending items (PendingFigure: drafts, unsent items, 待申报, 待交纸质表, 待审核, and what later
// modules add), and the unit's people from the cache (EnrolledGroupBox: 参保人数 per 险种;
// MovementGroupBox: added and removed in the last twelve months). Every figure is a
// button that leads to the list behind it: pending items through linkActivated (the main
// window opens the page), people in a PeopleListDialog. Figures that need the server are asked
// only online; offline they say so.
class HomePage : public QWidget
{
    Q_OBJECT

public:
    HomePage(AppContext &context, PendingFigures figures, QWidget *parent = nullptr);
    ~HomePage() override;

    // The cached people (MainWindow::reloadFromCache): the people figures are recomputed.
    void setPersons(QList<Person> persons);
    // Asks every pending figure again and redraws the deadline.
    void refresh();

    const StaffFigures &staffFigures() const { return m_staffFigures; }
    MovementGroupBox *movementBox() const { return m_movement; }
    // The button of a pending figure ("drafts" → draftsFigureButton), for tests.
    QPushButton *figureButton(const QString &key) const;
    // Whether every figure asked by the last refresh has answered.
    bool isLoaded() const { return m_waiting == 0; }

signals:
    // A pending figure's list (PendingFigure::link).
    void linkActivated(const QString &link);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void buildFigures();
    void showDeadline();
    void showSource();
    void openPeople(const QString &title, const QList<qint64> &ids);
    void editDeadline();

    AppContext &m_context;
    PendingFigures m_figures;
    QList<QPushButton *> m_buttons;      // one per figure, same order
    QList<QLabel *> m_labels;
    QLabel *m_titleLabel;
    QLabel *m_deadlineLabel;
    QPushButton *m_deadlineButton;
    QPushButton *m_refreshButton;
    QLabel *m_pendingNote;
    QLabel *m_sourceLabel;
    QTimer *m_refreshTimer; // many changes in a row (an import) ask the server once
    EnrolledGroupBox *m_enrolled;
    MovementGroupBox *m_movement;
    StaffFigures m_staffFigures;
    QList<Person> m_persons;
    QHash<qint64, qsizetype> m_rowOfPerson;
    int m_generation = 0;
    int m_waiting = 0;
};

} // namespace shebao::ui
