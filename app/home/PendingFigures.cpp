#include <QCoreApplication>

#include "app/AppContext.h"
#include "app/BillService.h"
#include "app/ChangeService.h"
#include "app/DeclarationService.h"
#include "app/Session.h"
#include "app/home/PendingFigure.h"
#include "models/cache/DraftStore.h"
#include "models/cache/LocalCache.h"
#include "models/cache/OutboxStore.h"

namespace shebao {

namespace {

Error noCache()
{
    return Error{QStringLiteral("cache.closed"), QCoreApplication::translate("shebao::PendingFigure", "The local cache is not open."), {}, {}};
}

bool isBusinessLevel(AccountLevel level)
{
    return level != AccountLevel::Ordinary;
}

// Drafts of the wizards whose kind starts with `prefix` (DraftStore).
class DraftsFigure : public PendingFigure
{
public:
    DraftsFigure(Session &session, QString key, QString title, QString prefix, QString link)
        : m_session(session), m_key(std::move(key)), m_title(std::move(title)), m_prefix(std::move(prefix)),
          m_link(std::move(link))
    {
    }
    QString key() const override { return m_key; }
    QString title() const override { return m_title; }
    QString link() const override { return m_link; }
    bool needsServer() const override { return false; }
    bool appliesTo(AccountLevel level) const override { return isBusinessLevel(level); }
    void count(QObject *, Done done) override
    {
        LocalCache *cache = m_session.cache();
        if (!cache)
            return done(noCache());
        Result<QList<Draft>> drafts = DraftStore(*cache).list();
        if (!drafts)
            return done(drafts.error());
        int n = 0;
        for (const Draft &d : drafts.value())
            n += d.kind.startsWith(m_prefix) ? 1 : 0;
        done(n);
    }

private:
    Session &m_session;
    QString m_key, m_title, m_prefix, m_link;
};

// Outbox entries still queued or refused: saved on this computer, not (yet) with the agency.
class UnsentFigure : public PendingFigure
{
public:
    explicit UnsentFigure(Session &session) : m_session(session) {}
    QString key() const override { return QStringLiteral("unsent"); }
    QString title() const override { return QCoreApplication::translate("shebao::PendingFigure", "Items not yet sent"); }
    QString link() const override { return QStringLiteral("declare.submit#drafts"); }
    bool needsServer() const override { return false; }
    bool appliesTo(AccountLevel level) const override { return isBusinessLevel(level); }
    void count(QObject *, Done done) override
    {
        LocalCache *cache = m_session.cache();
        if (!cache)
            return done(noCache());
        OutboxStore store(*cache);
        Result<QList<OutboxEntry>> queued = store.entries(OutboxEntry::State::Queued);
        Result<QList<OutboxEntry>> refused = store.entries(OutboxEntry::State::Refused);
        if (!queued)
            return done(queued.error());
        if (!refused)
            return done(refused.error());
        done(int(queued.value().size() + refused.value().size()));
    }

private:
    Session &m_session;
};

// 待申报: items the server holds, waiting to be declared in a batch.
class PendingItemsFigure : public PendingFigure
{
public:
    explicit PendingItemsFigure(DeclarationService &service) : m_service(service) {}
    QString key() const override { return QStringLiteral("pendingItems"); }
    QString title() const override { return QCoreApplication::translate("shebao::PendingFigure", "Items waiting to be declared"); }
    QString link() const override { return QStringLiteral("declare.submit#pending"); }
    bool needsServer() const override { return true; }
    bool appliesTo(AccountLevel level) const override { return isBusinessLevel(level); }
    void count(QObject *context, Done done) override
    {
        m_service.items(ItemState::Pending, context, [done](Result<QList<DeclarationItem>> items) {
            done(items ? Result<int>(int(items.value().size())) : Result<int>(items.error()));
        });
    }

private:
    DeclarationService &m_service;
};

// 待交纸质表: declared batches whose stamped 申报表 the counter has not received.
class AwaitingPaperFigure : public PendingFigure
{
public:
    explicit AwaitingPaperFigure(DeclarationService &service) : m_service(service) {}
    QString key() const override { return QStringLiteral("awaitingPaper"); }
    QString title() const override { return QCoreApplication::translate("shebao::PendingFigure", "Batches waiting for the paper form"); }
    QString link() const override { return QStringLiteral("declare.submit#batches:awaiting_paper"); }
    bool needsServer() const override { return true; }
    bool appliesTo(AccountLevel level) const override { return level == AccountLevel::Authorized; }
    void count(QObject *context, Done done) override
    {
        m_service.batches(BatchState::AwaitingPaper, context, [done](Result<QList<DeclarationBatch>> batches) {
            done(batches ? Result<int>(int(batches.value().size())) : Result<int>(batches.error()));
        });
    }

private:
    DeclarationService &m_service;
};

// 待审核: key-information changes the reviewer has not decided.
class ReviewFigure : public PendingFigure
{
public:
    ReviewFigure(ChangeService &service, ChangeTarget target) : m_service(service), m_target(target) {}
    QString key() const override
    {
        return m_target == ChangeTarget::Unit ? QStringLiteral("unitReview") : QStringLiteral("personReview");
    }
    QString title() const override
    {
        return m_target == ChangeTarget::Unit ? QCoreApplication::translate("shebao::PendingFigure", "Unit changes under review") : QCoreApplication::translate("shebao::PendingFigure", "Personal changes under review");
    }
    QString link() const override
    {
        return m_target == ChangeTarget::Unit ? QStringLiteral("maintain.unit#requests:pending")
                                              : QStringLiteral("maintain.person#requests:pending");
    }
    bool needsServer() const override { return true; }
    bool appliesTo(AccountLevel level) const override { return isBusinessLevel(level); }
    void count(QObject *context, Done done) override
    {
        m_service.requests(m_target, ChangeState::Pending, context, [done](Result<QList<ChangeRequest>> requests) {
            done(requests ? Result<int>(int(requests.value().size())) : Result<int>(requests.error()));
        });
    }

private:
    ChangeService &m_service;
    ChangeTarget m_target;
};

// 未缴费: 断档缴费单 issued and not yet paid, cancelled or expired (all pages of the list).
class UnpaidBillsFigure : public PendingFigure
{
public:
    explicit UnpaidBillsFigure(BillService &service) : m_service(service) {}
    QString key() const override { return QStringLiteral("unpaidBills"); }
    QString title() const override { return QCoreApplication::translate("shebao::PendingFigure", "Unpaid arrears bills"); }
    QString link() const override { return QStringLiteral("pay.slips#unpaid"); }
    bool needsServer() const override { return true; }
    bool appliesTo(AccountLevel level) const override { return isBusinessLevel(level); }
    void count(QObject *context, Done done) override { countFrom(QString(), 0, context, std::move(done)); }

private:
    void countFrom(const QString &cursor, int counted, QObject *context, Done done)
    {
        BillQuery query;
        query.state = BillState::Unpaid;
        query.limit = 200;
        query.cursor = cursor;
        m_service.list(query, context, [this, counted, context, done](Result<BillPage> page) {
            if (!page)
                return done(page.error());
            const int total = counted + int(page.value().bills.size());
            if (page.value().nextCursor.isEmpty())
                return done(total);
            countFrom(page.value().nextCursor, total, context, done);
        });
    }

    BillService &m_service;
};

} // namespace

PendingFigures standardPendingFigures(AppContext &context)
{
    PendingFigures figures;
    figures.push_back(std::make_unique<DraftsFigure>(context.session(), QStringLiteral("declarationDrafts"),
                                                     QCoreApplication::translate("shebao::PendingFigure", "Drafts of staff changes"), QStringLiteral("declaration."),
                                                     QStringLiteral("declare.submit#drafts")));
    figures.push_back(std::make_unique<DraftsFigure>(context.session(), QStringLiteral("changeDrafts"),
                                                     QCoreApplication::translate("shebao::PendingFigure", "Drafts of information changes"), QStringLiteral("maintain."),
                                                     QStringLiteral("draft:maintain.")));
    figures.push_back(std::make_unique<UnsentFigure>(context.session()));
    figures.push_back(std::make_unique<PendingItemsFigure>(context.declarations()));
    figures.push_back(std::make_unique<AwaitingPaperFigure>(context.declarations()));
    figures.push_back(std::make_unique<ReviewFigure>(context.changes(), ChangeTarget::Unit));
    figures.push_back(std::make_unique<ReviewFigure>(context.changes(), ChangeTarget::Person));
    figures.push_back(std::make_unique<UnpaidBillsFigure>(context.bills()));
    return figures;
}

} // namespace shebao
