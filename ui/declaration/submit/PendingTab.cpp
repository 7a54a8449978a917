#include "ui/declaration/submit/PendingTab.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include "app/DeclarationService.h"
#include "app/Session.h"
#include "models/cache/LocalCache.h"
#include "models/validation/IdNumber.h"
#include "models/validation/PersonName.h"
#include "models/validation/Phone.h"
#include "ui/declaration/DeclarationText.h"
#include "ui/declaration/FieldCaption.h"
#include "ui/declaration/submit/BatchFormActions.h"
#include "ui/declaration/submit/PendingItemModel.h"
#include "ui/widgets/MessageBox.h"
#include "ui/widgets/TableSetup.h"

namespace shebao::ui {

namespace {
const QString ReporterKey = QStringLiteral("declaration.reporter");
const QString PhoneKey = QStringLiteral("declaration.phone");
enum FormAction { Preview, Print, SavePdf };
} // namespace

PendingTab::PendingTab(DeclarationService &service, Session &session, FormPrinter &printer, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_session(session)
    , m_printer(printer)
    , m_model(new PendingItemModel(this))
    , m_table(new QTableView(this))
    , m_declareButton(new QPushButton(tr("De&clare"), this))
    , m_selectAllButton(new QPushButton(tr("Select &all"), this))
    , m_withdrawButton(new QPushButton(tr("&Withdraw item"), this))
    , m_refreshButton(new QPushButton(tr("Re&load"), this))
    , m_count(new QLabel(this))
    , m_details(new QLabel(this))
    , m_reporter(new QLineEdit(this))
    , m_phone(new QLineEdit(this))
    , m_reporterError(fieldErrorLabel(QStringLiteral("reporterErrorLabel"), this))
    , m_phoneError(fieldErrorLabel(QStringLiteral("phoneErrorLabel"), this))
    , m_result(new QLabel(this))
    , m_formButtons(new QWidget(this))
{
    setObjectName(QStringLiteral("pendingTab"));
    const std::pair<QPushButton *, const char *> buttons[] = {{m_declareButton, "declareButton"},
                                                              {m_selectAllButton, "selectAllButton"},
                                                              {m_withdrawButton, "withdrawButton"},
                                                              {m_refreshButton, "refreshPendingButton"}};
    for (const auto &[button, name] : buttons) {
        button->setObjectName(QString::fromLatin1(name));
        button->setAccessibleName(button->text().remove(u'&'));
    }
    m_declareButton->setDefault(true);
    m_declareButton->setToolTip(tr("Declare the checked items as one batch (Ctrl+Return)"));
    m_declareButton->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));

    m_table->setObjectName(QStringLiteral("pendingTableView"));
    m_table->setAccessibleName(tr("Pending items"));
    m_table->setModel(m_model);
    setUpTable(m_table);
    m_table->setAlternatingRowColors(true);
    fitColumns(m_table);
    m_count->setObjectName(QStringLiteral("pendingCountLabel"));
    m_details->setObjectName(QStringLiteral("itemDetailsLabel"));
    m_details->setWordWrap(true);
    m_details->setMinimumHeight(m_details->fontMetrics().height() * 3);
    m_reporter->setObjectName(QStringLiteral("reporterLineEdit"));
    m_phone->setObjectName(QStringLiteral("phoneLineEdit"));
    m_phone->setPlaceholderText(tr("Mobile or 0731-xxxxxxxx"));
    m_result->setObjectName(QStringLiteral("declareResultLabel"));
    m_result->setWordWrap(true);
    m_result->setVisible(false);

    auto *formRow = new QHBoxLayout(m_formButtons);
    formRow->setContentsMargins(0, 0, 0, 0);
    // The portal's button, word for word (guide step 五).
    auto *printForm = new QPushButton(tr("Print the staff change declaration form (authorized units only)"), m_formButtons);
    printForm->setObjectName(QStringLiteral("printFormButton"));
    auto *print = new QPushButton(tr("&Print..."), m_formButtons);
    print->setObjectName(QStringLiteral("printButton"));
    auto *pdf = new QPushButton(tr("&Save as PDF..."), m_formButtons);
    pdf->setObjectName(QStringLiteral("savePdfButton"));
    for (QPushButton *b : {printForm, print, pdf}) {
        b->setAccessibleName(b->text().remove(u'&').remove(QStringLiteral("...")));
        formRow->addWidget(b);
    }
    formRow->addStretch();
    connect(printForm, &QPushButton::clicked, this, [this] { runForm(Preview); });
    connect(print, &QPushButton::clicked, this, [this] { runForm(Print); });
    connect(pdf, &QPushButton::clicked, this, [this] { runForm(SavePdf); });
    m_formButtons->setVisible(false);

    auto *top = new QHBoxLayout;
    top->addWidget(m_declareButton);
    top->addWidget(m_selectAllButton);
    top->addWidget(m_withdrawButton);
    top->addWidget(m_refreshButton);
    top->addStretch();
    top->addWidget(m_count);

    auto *bottom = new QFormLayout;
    auto *reporterColumn = new QVBoxLayout;
    reporterColumn->setSpacing(2);
    reporterColumn->addWidget(m_reporter);
    reporterColumn->addWidget(m_reporterError);
    auto *phoneColumn = new QVBoxLayout;
    phoneColumn->setSpacing(2);
    phoneColumn->addWidget(m_phone);
    phoneColumn->addWidget(m_phoneError);
    auto *fields = new QHBoxLayout;
    fields->addWidget(requiredCaption(tr("&Reporter"), m_reporter, this));
    fields->addLayout(reporterColumn, 1);
    fields->addSpacing(16);
    fields->addWidget(requiredCaption(tr("Ph&one"), m_phone, this));
    fields->addLayout(phoneColumn, 1);
    bottom->addRow(fields);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_details);
    layout->addLayout(bottom);
    layout->addWidget(m_result);
    layout->addWidget(m_formButtons);

    setTabOrder(m_declareButton, m_selectAllButton);
    setTabOrder(m_selectAllButton, m_withdrawButton);
    setTabOrder(m_withdrawButton, m_refreshButton);
    setTabOrder(m_refreshButton, m_table);
    setTabOrder(m_table, m_reporter);
    setTabOrder(m_reporter, m_phone);

    connect(m_declareButton, &QPushButton::clicked, this, &PendingTab::declare);
    connect(m_selectAllButton, &QPushButton::clicked, this, [this] {
        m_model->setAllChecked(m_model->checkedCount() < m_model->rowCount());
    });
    connect(m_withdrawButton, &QPushButton::clicked, this, &PendingTab::withdrawCurrent);
    connect(m_refreshButton, &QPushButton::clicked, this, &PendingTab::refresh);
    connect(m_model, &PendingItemModel::checkedChanged, this, &PendingTab::updateButtons);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &PendingTab::showDetails);
    connect(m_reporter, &QLineEdit::textChanged, this, [this] { showFieldError(m_reporterError, m_reporter, {}); });
    connect(m_phone, &QLineEdit::textChanged, this, [this] { showFieldError(m_phoneError, m_phone, {}); });
    loadRemembered();
    updateButtons();
}

void PendingTab::loadRemembered()
{
    LocalCache *cache = m_session.cache();
    if (!cache)
        return;
    if (m_reporter->text().isEmpty())
        m_reporter->setText(cache->meta(ReporterKey));
    if (m_phone->text().isEmpty())
        m_phone->setText(cache->meta(PhoneKey));
}

void PendingTab::refresh()
{
    loadRemembered();
    m_refreshButton->setEnabled(false);
    m_service.items(ItemState::Pending, this, [this](Result<QList<DeclarationItem>> result) {
        m_refreshButton->setEnabled(true);
        if (!result) {
            showResult(result.error().message, true);
            return;
        }
        m_model->setItems(std::move(result).value());
        fitColumns(m_table);
        showDetails();
        updateButtons();
    });
}

void PendingTab::updateButtons()
{
    const int checked = m_model->checkedCount();
    m_count->setText(tr("%1 pending, %2 checked").arg(m_model->rowCount()).arg(checked));
    m_declareButton->setEnabled(checked > 0 && !m_busy);
    m_selectAllButton->setText(checked < m_model->rowCount() || checked == 0 ? tr("Select &all") : tr("Select &none"));
    m_selectAllButton->setEnabled(m_model->rowCount() > 0);
    m_withdrawButton->setEnabled(m_table->selectionModel()->currentIndex().isValid() && !m_busy);
}

void PendingTab::showDetails()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    updateButtons();
    if (!current.isValid() || current.row() >= m_model->rowCount()) {
        m_details->setText(tr("Select an item to see its details."));
        return;
    }
    const DeclarationItem &item = m_model->itemAt(current.row());
    QStringList lines{DeclarationText::itemSummary(item) + QStringLiteral(" · ") + item.itemNo};
    if (item.isReduce()) {
        lines.append(tr("Change: %1, reason %2, from %3")
                         .arg(DeclarationText::changeTypeName(item.changeType),
                              DeclarationText::changeReasonName(item.changeReason), DeclarationText::month(item.stopMonth)));
    } else {
        lines.append(tr("Insurances %1 from %2; declared wage %3 yuan, contribution base %4 yuan")
                         .arg(DeclarationText::insuranceList(item.insurances), DeclarationText::month(item.startMonth),
                              item.wage.toDisplayString(), item.base.toDisplayString()));
    }
    if (!item.returnedReason.isEmpty())
        lines.append(tr("Returned by the counter: %1").arg(item.returnedReason));
    for (const DeclarationNotice &notice : item.warnings)
        lines.append(notice.message);
    m_details->setText(lines.join(QLatin1Char('\n')));
}

void PendingTab::showResult(const QString &text, bool error)
{
    m_result->setText(text);
    m_result->setStyleSheet(error ? QStringLiteral("color: #c00000") : QString());
    m_result->setVisible(!text.isEmpty());
    m_result->setAccessibleName(text);
}

void PendingTab::declare()
{
    if (m_busy)
        return;
    const QList<qint64> ids = m_model->checkedIds();
    if (ids.isEmpty())
        return;
    bool ok = true;
    if (Result<QString> name = PersonName::normalize(m_reporter->text()); !name) {
        showFieldError(m_reporterError, m_reporter, name.error().message);
        m_reporter->setFocus();
        ok = false;
    }
    if (Result<Phone> phone = Phone::parse(m_phone->text()); !phone) {
        showFieldError(m_phoneError, m_phone, phone.error().message);
        if (ok)
            m_phone->setFocus();
        ok = false;
    }
    if (!ok)
        return;
    m_busy = true;
    m_formButtons->setVisible(false);
    showResult(tr("Declaring %n item(s) ...", nullptr, int(ids.size())), false);
    updateButtons();
    const QString reporter = m_reporter->text().trimmed();
    const QString phone = Phone::parse(m_phone->text()).value().number();
    m_service.declare(ids, reporter, phone, this, [this, reporter, phone](Result<DeclarationBatch> result) {
        m_busy = false;
        updateButtons();
        if (!result) {
            const Error &e = result.error();
            if (e.field.endsWith(QLatin1String("reporter")))
                showFieldError(m_reporterError, m_reporter, e.message);
            else if (e.field.endsWith(QLatin1String("phone")))
                showFieldError(m_phoneError, m_phone, e.message);
            showResult(e.message, true);
            return;
        }
        if (LocalCache *cache = m_session.cache()) {
            cache->setMeta(ReporterKey, reporter);
            cache->setMeta(PhoneKey, phone);
        }
        m_lastBatch = result.value();
        showBatchResult(result.value());
        emit declared(result.value());
        refresh();
    });
}

void PendingTab::showBatchResult(const DeclarationBatch &batch)
{
    const bool paper = !batch.isSigned && batch.state != BatchState::Accepted && batch.state != BatchState::Effective;
    if (paper) {
        showResult(tr("Declared as batch %1 (%2 people): %3. Print the staff change declaration form, stamp it with "
                      "the unit's official seal and hand it in at the counter.")
                       .arg(batch.batchNo)
                       .arg(batch.itemCount)
                       .arg(DeclarationText::batchStateName(batch.state)),
                   false);
    } else {
        showResult(tr("Batch %1 (%2 people) was signed with the unit's certificate and accepted at once: %3. No paper "
                      "form is needed.")
                       .arg(batch.batchNo)
                       .arg(batch.itemCount)
                       .arg(DeclarationText::batchStateName(batch.state)),
                   false);
    }
    m_formButtons->setVisible(paper);
    if (paper)
        m_formButtons->findChild<QPushButton *>(QStringLiteral("printFormButton"))->setFocus();
}

void PendingTab::runForm(int action)
{
    if (!m_lastBatch)
        return;
    LocalCache *cache = m_session.cache();
    const Unit unit = cache && cache->unit() ? *cache->unit() : Unit{};
    QString text;
    if (action == Preview)
        text = BatchFormActions::preview(this, m_printer, *m_lastBatch, unit, cache);
    else if (action == Print)
        text = BatchFormActions::print(this, m_printer, *m_lastBatch, unit, cache);
    else
        text = BatchFormActions::savePdf(this, *m_lastBatch, unit, cache);
    if (!text.isEmpty())
        showResult(m_result->text().section(QLatin1Char('\n'), 0, 0) + QLatin1Char('\n') + text, false);
}

void PendingTab::withdrawCurrent()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid() || m_busy)
        return;
    const DeclarationItem item = m_model->itemAt(current.row());
    if (!MessageBox::confirm(this, tr("Withdraw item"),
                             tr("Withdraw %1? It disappears from the pending items.").arg(DeclarationText::itemSummary(item))))
        return;
    m_busy = true;
    updateButtons();
    m_service.withdraw(item.id, this, [this, item](Result<DeclarationItem> result) {
        m_busy = false;
        showResult(result ? tr("Withdrawn: %1").arg(DeclarationText::itemSummary(item)) : result.error().message, !result);
        refresh();
    });
}

} // namespace shebao::ui
