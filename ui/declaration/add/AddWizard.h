#pragma once

#include <QWizard>

#include "ui/declaration/add/AddDeclarationData.h"

namespace shebao {
class DeclarationService;
class LocalCache;
class OutboxService;
struct Draft;
} // namespace shebao

namespace shebao::ui {

class AddLookupPage;
class DraftKeeper;

// 异动申报 → 异动新增 (guide: 单位异动增加（减少）, (一) 异动新增). Thin: one page per step, the
// services do the work. What the clerk types is kept as a draft (DraftKeeper) until 保存
// succeeded; a draft resumes at the page it was on.
class AddWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId { LookupPageId, PersonPageId, WagePageId, SavedPageId };
    static QString draftKind(); // "declaration.add"

    AddWizard(DeclarationService &declarations, OutboxService &outbox, LocalCache *cache, QWidget *parent = nullptr);
    ~AddWizard() override;

    // Before show(): the fields, the lookup and the page of a saved draft.
    void resume(const Draft &draft);
    // A draft that corrects an item the server refused: its fields filled in from the item, at
    // 查询 (the person is looked up again); the refused entry goes once the correction is saved.
    static Draft draftFor(const OutboxEntry &refused);
    DraftKeeper &draftKeeper() const { return *m_keeper; }

    void done(int result) override;

private:
    QJsonObject state() const;
    static QStringList fieldNames();

    OutboxService &m_outbox;
    qint64 m_replacesEntry = 0;
    AddDeclarationData m_data;
    AddLookupPage *m_lookupPage;
    DraftKeeper *m_keeper;
};

} // namespace shebao::ui
