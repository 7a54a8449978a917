#pragma once

#include <QWizardPage>

#include <optional>

#include "models/cache/OutboxStore.h"

class QLabel;

namespace shebao::ui {

// The last page of 异动新增 and 异动减少: how 保存 / 减少 ended. Sent: the item is in 待申报 with
// its number and any warnings of the server. Queued: no connection, it is kept on this computer
// and sent by itself when the server is back.
class SavedPage : public QWizardPage
{
    Q_OBJECT

public:
    SavedPage(const std::optional<OutboxEntry> &saved, QWidget *parent = nullptr);

    void initializePage() override;

private:
    const std::optional<OutboxEntry> &m_saved;
    QLabel *m_outcome;
    QLabel *m_warnings;
};

} // namespace shebao::ui
