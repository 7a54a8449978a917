#pragma once

#include <QWizard>

#include "ui/declaration/import/ImportData.h"

namespace shebao {
class LocalCache;
class OutboxService;
struct Draft;
} // namespace shebao

namespace shebao::ui {

class DraftKeeper;

// 异动申报 → 批量导入 (shared/domain/import.md): 下载模板, choose a file, check it (progress,
// 取消), the preview with every problem on its cell, then the valid rows to 待申报 in one step.
// The chosen sheet kind and file are kept as a draft until the rows were added.
class ImportWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId { FilePageId, CheckPageId, SubmitPageId };
    static QString draftKind(); // "declaration.import"

    ImportWizard(OutboxService &outbox, LocalCache *cache, QWidget *parent = nullptr);
    ~ImportWizard() override;

    void resume(const Draft &draft);
    const ImportData &data() const { return m_data; }
    void done(int result) override;

private:
    ImportData m_data;
    DraftKeeper *m_keeper;
};

} // namespace shebao::ui
