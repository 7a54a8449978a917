#include "ui/declaration/import/ImportWizard.h"

#include <QFileInfo>
#include <QJsonObject>

#include "models/cache/DraftStore.h"
#include "ui/declaration/DraftKeeper.h"
#include "ui/declaration/WizardButtons.h"
#include "ui/help/GuideSections.h"
#include "ui/declaration/import/ImportCheckPage.h"
#include "ui/declaration/import/ImportFilePage.h"
#include "ui/declaration/import/ImportPreviewModel.h"
#include "ui/declaration/import/ImportSubmitPage.h"

namespace shebao::ui {

QString ImportWizard::draftKind()
{
    return QStringLiteral("declaration.import");
}

ImportWizard::ImportWizard(OutboxService &outbox, LocalCache *cache, QWidget *parent)
    : QWizard(parent)
{
    setObjectName(QStringLiteral("importWizard"));
    setWindowTitle(tr("Batch import"));
    setWizardStyle(QWizard::ClassicStyle);
    setMinimumSize(960, 640);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    m_data.preview = new ImportPreviewModel(this);

    setPage(FilePageId, new ImportFilePage(m_data, this));
    setPage(CheckPageId, new ImportCheckPage(m_data, this));
    auto *submit = new ImportSubmitPage(outbox, m_data, this);
    setPage(SubmitPageId, submit);
    nameWizardButtons(this);
    guide::addHelpButton(this, guide::declareImport());

    m_keeper = new DraftKeeper(
        cache, draftKind(),
        [this] {
            const QString file = field(QStringLiteral("importFile")).toString();
            return DraftKeeper::Snapshot{
                tr("Batch import: %1").arg(QFileInfo(file).fileName()),
                QJsonObject{{QStringLiteral("page"), FilePageId},
                            {QStringLiteral("file"), file},
                            {QStringLiteral("reduce"), field(QStringLiteral("importReduce")).toBool()}}};
        },
        this);
    m_keeper->watch(page(FilePageId));
    connect(submit, &ImportSubmitPage::submitted, m_keeper, &DraftKeeper::discard);
}

ImportWizard::~ImportWizard()
{
    m_keeper->flush();
}

void ImportWizard::resume(const Draft &draft)
{
    m_keeper->setDraftId(draft.id);
    setField(QStringLiteral("importFile"), draft.state.value(QLatin1String("file")).toString());
    setField(QStringLiteral("importReduce"), draft.state.value(QLatin1String("reduce")).toBool());
    setStartId(FilePageId);
}

void ImportWizard::done(int result)
{
    m_keeper->close();
    QWizard::done(result);
}

} // namespace shebao::ui
