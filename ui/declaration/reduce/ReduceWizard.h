#pragma once

#include <QWizard>

#include "ui/declaration/reduce/ReduceDeclarationData.h"

namespace shebao {
class DeclarationService;
class LocalCache;
class OutboxService;
struct Draft;
} // namespace shebao

namespace shebao::ui {

class DraftKeeper;
class ReducePersonPage;

// 异动申报 → 异动减少 (guide: (二) 异动减少): 变更类型 → 变更原因 → 身份证号码 → 查询 → 选中 →
// 停保年月 → 减少. Kept as a draft while the clerk works, like 异动新增.
class ReduceWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId { TypePageId, PersonPageId, MonthPageId, SavedPageId };
    static QString draftKind(); // "declaration.reduce"

    ReduceWizard(DeclarationService &declarations, OutboxService &outbox, LocalCache *cache,
                 QWidget *parent = nullptr);
    ~ReduceWizard() override;

    void resume(const Draft &draft);
    // A draft that corrects a refused 减少: its fields from the item, at the person page.
    static Draft draftFor(const OutboxEntry &refused);
    DraftKeeper &draftKeeper() const { return *m_keeper; }
    void done(int result) override;

private:
    QJsonObject state() const;

    OutboxService &m_outbox;
    qint64 m_replacesEntry = 0;
    ReduceDeclarationData m_data;
    ReducePersonPage *m_personPage;
    DraftKeeper *m_keeper;
};

} // namespace shebao::ui
