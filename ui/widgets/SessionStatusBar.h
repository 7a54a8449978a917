#pragma once

#include <QObject>

#include "models/core/Result.h"
#include "models/domain/Unit.h"

class QLabel;
class QProgressBar;
class QStatusBar;
class QToolButton;
class QAction;

namespace shebao {

class ApiClient;
class LocalCache;
class Session;
class SyncService;

// The status bar's permanent part: account level, online/offline, time of the last sync, and
// while SyncService runs a progress bar with a cancel button; plus the 同步 button. An online
// session whose server stopped answering says so until a request succeeds again.
class SessionStatusBar : public QObject
{
    Q_OBJECT

public:
    SessionStatusBar(QStatusBar *bar, Session &session, SyncService &sync, ApiClient &api, QAction *syncAction);

    void refresh(); // from the session and its cache

    static QString levelText(AccountLevel level);
    static QString offlineText();

private:
    void showSyncProgress(qint64 done, qint64 total);
    void syncFinished(const Result<void> &result);

    QStatusBar *m_bar;
    Session &m_session;
    SyncService &m_sync;
    QLabel *m_levelLabel;
    QLabel *m_connectionLabel;
    QLabel *m_lastSyncLabel;
    QProgressBar *m_syncProgressBar;
    QToolButton *m_cancelSyncButton;
    QToolButton *m_syncButton;
    bool m_reachable = true; // as the last request found the server
};

} // namespace shebao
