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

    void setPageSize(int persons);
    bool isRunning() const;

public slots:
    void start(shebao::LocalCache *cache);
    void cancel();

signals:
    void started();
    void progress(qint64 done, qint64 total);
    // Error code "sync.cancelled" after cancel().
    void finished(const shebao::Result<void> &result);

private:
    struct Run;
    ApiClient *m_api;
    int m_pageSize = 5000;
    Run *m_run = nullptr;
};

} // namespace shebao
