#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace shebao {
class OutboxService;
class Session;
struct Draft;
} // namespace shebao

namespace shebao::ui {

// 申报及查询 → 草稿: what is not yet on the server. The wizards' drafts (resumed into their
// wizard at the page they were on) and the outbox's queued and refused items (sent again, or
// discarded on purpose). Nothing leaves this list silently.
class DraftsTab : public QWidget
{
    Q_OBJECT

public:
    DraftsTab(OutboxService &outbox, Session &session, QWidget *parent = nullptr);

    void refresh();
    int rowCount() const;

signals:
    void resumeRequested(const shebao::Draft &draft);
    void countChanged(int count);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void resumeCurrent();
    void sendNow();
    void correctCurrent();
    void discardCurrent();
    void updateButtons();

    OutboxService &m_outbox;
    Session &m_session;
    QTableWidget *m_table;
    QPushButton *m_resume;
    QPushButton *m_send;
    QPushButton *m_correct;
    QPushButton *m_discard;
    QLabel *m_status;
};

} // namespace shebao::ui
