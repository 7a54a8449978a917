#include "ui/widgets/SessionStatusBar.h"

#include <QAction>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QStatusBar>
#include <QToolButton>

#include "app/ApiClient.h"
#include "app/Session.h"
#include "app/SyncService.h"
#include "models/cache/LocalCache.h"

namespace shebao {

namespace {

QLabel *makeLabel(QStatusBar *bar, const char *name, const QString &accessibleName)
{
    auto *label = new QLabel(bar);
    label->setObjectName(QString::fromLatin1(name));
    label->setAccessibleName(accessibleName);
    label->setContentsMargins(6, 0, 6, 0);
    return label;
}

} // namespace

SessionStatusBar::SessionStatusBar(QStatusBar *bar, Session &session, SyncService &sync, ApiClient &api,
                                   QAction *syncAction)
    : QObject(bar)
    , m_bar(bar)
    , m_session(session)
    , m_sync(sync)
    , m_levelLabel(makeLabel(bar, "levelLabel", tr("Account level")))
    , m_connectionLabel(makeLabel(bar, "connectionLabel", tr("Connection")))
    , m_lastSyncLabel(makeLabel(bar, "lastSyncLabel", tr("Last sync")))
    , m_syncProgressBar(new QProgressBar(bar))
    , m_cancelSyncButton(new QToolButton(bar))
    , m_syncButton(new QToolButton(bar))
{
    m_syncProgressBar->setObjectName(QStringLiteral("syncProgressBar"));
    m_syncProgressBar->setAccessibleName(tr("Sync progress"));
    m_syncProgressBar->setMaximumWidth(180);
    m_syncProgressBar->setFormat(tr("Syncing %p%"));
    m_syncProgressBar->hide();

    m_cancelSyncButton->setObjectName(QStringLiteral("cancelSyncButton"));
    m_cancelSyncButton->setText(tr("Cancel sync"));
    m_cancelSyncButton->setAccessibleName(tr("Cancel sync"));
    m_cancelSyncButton->hide();
    connect(m_cancelSyncButton, &QToolButton::clicked, &m_sync, &SyncService::cancel);

    m_syncButton->setObjectName(QStringLiteral("syncButton"));
    m_syncButton->setDefaultAction(syncAction);
    m_syncButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_syncButton->setAccessibleName(syncAction->text().remove(QLatin1Char('&')));

    bar->addPermanentWidget(m_syncProgressBar);
    bar->addPermanentWidget(m_cancelSyncButton);
    bar->addPermanentWidget(m_lastSyncLabel);
    bar->addPermanentWidget(m_connectionLabel);
    bar->addPermanentWidget(m_levelLabel);
    bar->addPermanentWidget(m_syncButton);

    connect(&m_sync, &SyncService::started, this, [this] {
        m_syncProgressBar->setRange(0, 0); // busy until the first page says how many
        m_syncProgressBar->show();
        m_cancelSyncButton->show();
        m_bar->showMessage(tr("Syncing the unit's data..."));
    });
    connect(&m_sync, &SyncService::progress, this, &SessionStatusBar::showSyncProgress);
    connect(&m_sync, &SyncService::finished, this, &SessionStatusBar::syncFinished);
    connect(&m_session, &Session::changed, this, &SessionStatusBar::refresh);
    connect(&api, &ApiClient::reachabilityChanged, this, [this](bool online) {
        m_reachable = online;
        refresh();
    });
    refresh();
}

QString SessionStatusBar::levelText(AccountLevel level)
{
    switch (level) {
    case AccountLevel::Ordinary: return tr("Ordinary user (not authorized)");
    case AccountLevel::Authorized: return tr("Authorized user");
    case AccountLevel::Certificate: return tr("Certificate user");
    }
    return {};
}

QString SessionStatusBar::offlineText()
{
    return tr("Offline (read-only, data from the local cache)");
}

void SessionStatusBar::refresh()
{
    m_levelLabel->setText(levelText(m_session.level()));
    if (m_session.isOffline()) {
        m_connectionLabel->setText(offlineText());
        m_connectionLabel->setStyleSheet(QStringLiteral("color: #b05000; font-weight: bold;"));
    } else if (!m_reachable) {
        m_connectionLabel->setText(tr("Server unreachable (showing the last synced data)"));
        m_connectionLabel->setStyleSheet(QStringLiteral("color: #b05000; font-weight: bold;"));
    } else {
        m_connectionLabel->setText(tr("Online"));
        m_connectionLabel->setStyleSheet(QString());
    }
    const LocalCache *cache = m_session.cache();
    const QDateTime last = cache ? cache->lastSync() : QDateTime();
    m_lastSyncLabel->setText(last.isValid()
                                 ? tr("Last sync: %1").arg(QLocale().toString(last.toLocalTime(), QLocale::ShortFormat))
                                 : tr("Last sync: never"));
}

void SessionStatusBar::showSyncProgress(qint64 done, qint64 total)
{
    if (total <= 0)
        return;
    // QProgressBar is int-based; permille keeps it exact enough for any count.
    m_syncProgressBar->setRange(0, 1000);
    m_syncProgressBar->setValue(int(qBound(qint64(0), done * 1000 / total, qint64(1000))));
    m_bar->showMessage(tr("Syncing: %1 of %2 people").arg(done).arg(total));
}

void SessionStatusBar::syncFinished(const Result<void> &result)
{
    m_syncProgressBar->hide();
    m_cancelSyncButton->hide();
    if (result.ok())
        m_bar->showMessage(tr("Sync finished."), 10000);
    else if (result.error().code == u"sync.cancelled")
        m_bar->showMessage(tr("Sync cancelled; the previous data is kept."), 10000);
    else
        m_bar->showMessage(tr("Sync failed: %1").arg(result.error().message));
    refresh();
}

} // namespace shebao
