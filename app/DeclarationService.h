#pragma once

#include <QObject>
#include <QString>

#include <functional>

#include "app/RetryKey.h"
#include "models/core/Result.h"
#include "models/declaration/Declaration.h"

namespace shebao {

class ApiClient;
class Session;

// 异动申报 without a window (docs/declarations.md): 查询 a person, the pending list, withdraw,
// 申报 a batch, 申报查询. Saving items goes through OutboxService, so nothing typed is lost
// when the network is. Every call answers its callback exactly once (unless `context` died);
// server refusals arrive as the server's Error (code, Chinese message, problem in detail).
class DeclarationService : public QObject
{
    Q_OBJECT

public:
    template <typename T>
    using Callback = std::function<void(Result<T>)>;

    DeclarationService(ApiClient *api, Session *session, QObject *parent = nullptr);

    // GET /declarations/lookup. The ID number is checked locally first (IdNumber::parse): a
    // malformed one fails at once with that error and nothing is sent.
    void lookup(const QString &idNumber, QObject *context, Callback<PersonLookup> done);
    // GET /declarations/items?state=…
    void items(ItemState state, QObject *context, Callback<QList<DeclarationItem>> done);
    void withdraw(qint64 itemId, QObject *context, Callback<DeclarationItem> done);
    // POST /declarations/batches. Reporter and phone are checked locally first (PersonName,
    // Phone). The idempotency key is kept for the same (items, reporter, phone) until an answer
    // arrives, so pressing 申报 again after a timeout never declares twice.
    void declare(const QList<qint64> &itemIds, const QString &reporter, const QString &phone, QObject *context,
                 Callback<DeclarationBatch> done);
    // GET /declarations/batches (state nullopt: all), newest first, without items.
    void batches(std::optional<BatchState> state, QObject *context, Callback<QList<DeclarationBatch>> done);
    // GET /declarations/batches/{no}: with items and history.
    void batch(const QString &batchNo, QObject *context, Callback<DeclarationBatch> done);

signals:
    // A batch was declared or an item withdrawn: lists showing them should refresh.
    void changed();

private:
    ApiClient *m_api;
    Session *m_session;
    RetryKey m_declareKey;
};

} // namespace shebao
