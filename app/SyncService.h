#pragma once

#include <QDateTime>
#include <QObject>

#include "models/core/Result.h"

namespace shebao {

class ApiClient;
class LocalCache;

// Pulls the unit and its people from the server into the local cache, page by page, with
// progress and cancel. The cache changes only when the whole pull succeeded (one transaction
// swaps the new data in), so a cancelled or failed sync leaves the previous copy intact.
class SyncService : public QObject
{
    Q_OBJECT

public:
    SyncService(ApiClient *api, QObject *parent = nullptr);
    ~SyncService() override;

    void setPageSize(int persons);
    bool isRunning() const;

public slots:
    // A start while a run is active cancels that run first. The cache must stay open until
    // finished() (AppContext cancels the sync when the session ends).
    void start(shebao::LocalCache *cache);
    void cancel();

signals:
    void started();
    void progress(qint64 done, qint64 total);
    // Error code "sync.cancelled" after cancel().
    void finished(const shebao::Result<void> &result);

private:
    struct Run;
    void requestPage(qint64 after);
    void writeArrivedPages();
    void finish(const Result<void> &result);

    ApiClient *m_api;
    int m_pageSize = 5000;
    Run *m_run = nullptr;
    quint64 m_generation = 0; // answers of an earlier (cancelled) run are recognised and dropped
};

} // namespace shebao
