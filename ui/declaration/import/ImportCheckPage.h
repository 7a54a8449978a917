#pragma once

#include <QFutureWatcher>
#include <QTimer>
#include <QWizardPage>

#include <atomic>
#include <memory>

#include "models/core/Result.h"
#include "models/import/ImportResult.h"
#include "models/import/ImportSheet.h"

class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableView;

namespace shebao::ui {

struct ImportData;

// 批量导入, step 2: the file is checked on a worker thread (ImportChecker, the rules of
// shared/domain/import.md) with a progress bar and 取消; then the preview shows every row with
// each problem on its cell and all problems listed below (Enter on one goes to its cell).
class ImportCheckPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit ImportCheckPage(ImportData &data, QWidget *parent = nullptr);
    ~ImportCheckPage() override;

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    bool isChecking() const { return m_watcher.isRunning(); }

private:
    struct Progress
    {
        std::atomic<qsizetype> done{0};
        std::atomic<qsizetype> total{0};
        std::atomic<bool> cancel{false};
    };
    struct Outcome
    {
        Result<ImportSheet> sheet = Error{};
        Result<ImportResult> result = Error{};
    };

    void start();
    void cancel();
    void finished();
    void showProblems();
    void goToProblem(int listRow);

    ImportData &m_data;
    QProgressBar *m_progressBar;
    QPushButton *m_cancelButton;
    QLabel *m_summary;
    QTableView *m_table;
    QListWidget *m_problems;
    QFutureWatcher<Outcome> m_watcher;
    std::shared_ptr<Progress> m_progress;
    QTimer m_progressTimer;
};

} // namespace shebao::ui
