#pragma once

#include <QWizard>

#include <functional>

#include "ui/maintain/ChangeWizardData.h"

namespace shebao {
class ChangeService;
class LocalCache;
class Session;
struct Draft;
} // namespace shebao

namespace shebao::ui {

class ChangeEditPage;
class ChangeProofsPage;
class DraftKeeper;
class FormPrinter;

// 信息维护 → 单位信息变更 (修改信息 → 上传证明材料 → 变更申报 → 打印) and 单位人员信息变更 (选择人员
// first). Non-key changes apply at once with 信息变更; key changes wait for the agency's review.
// The wizard's state is a draft while the clerk works, so nothing typed is lost.
class ChangeWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId { SelectPageId, EditPageId, ProofsPageId, OutcomePageId };
    static QString draftKind(ChangeTarget target); // "maintain.unit" | "maintain.person"

    ChangeWizard(ChangeTarget target, ChangeService &service, Session &session, FormPrinter &printer,
                 QWidget *parent = nullptr);
    ~ChangeWizard() override;

    void resume(const Draft &draft);
    ChangeService &service() const { return m_service; }
    DraftKeeper &draftKeeper() const { return *m_keeper; }
    ChangeWizardData &data() { return m_data; }

    // POST /changes of what the pages gathered. A refusal goes to the form (each error under its
    // field; the wizard returns to it) or, for proofs, stays on the proofs page; `done` says
    // whether the server accepted.
    void submit(std::function<void(bool accepted)> done);
    void done(int result) override;

signals:
    // The clerk asks for the list of requests (变更记录).
    void showRequestsRequested();

private:
    QJsonObject state() const;
    void updateButtons(int id);

    ChangeService &m_service;
    ChangeWizardData m_data;
    ChangeEditPage *m_editPage;
    ChangeProofsPage *m_proofsPage;
    DraftKeeper *m_keeper;
    bool m_submitting = false;
};

} // namespace shebao::ui
