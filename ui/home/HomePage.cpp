#include "ui/home/HomePage.h"

#include <QDate>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include "app/AppContext.h"
#include "app/ChangeService.h"
#include "app/DeclarationService.h"
#include "app/OutboxService.h"
#include "app/Session.h"
#include "app/Settings.h"
#include "models/cache/LocalCache.h"
#include "models/home/MonthlyDeadline.h"
#include "models/home/StaffFigures.h"
#include "ui/home/DeadlineDialog.h"
#include "ui/home/PeopleListDialog.h"
#include "ui/home/EnrolledGroupBox.h"
#include "ui/home/FigureButton.h"
#include "ui/home/MovementGroupBox.h"

namespace shebao::ui {

namespace {

const QString Waiting = QStringLiteral("…");
const QString NotAsked = QStringLiteral("—");

} // namespace

HomePage::HomePage(AppContext &context, PendingFigures figures, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_figures(std::move(figures))
    , m_titleLabel(new QLabel(this))
    , m_deadlineLabel(new QLabel(this))
    , m_deadlineButton(new QPushButton(tr("Set the dead&line..."), this))
    , m_refreshButton(new QPushButton(tr("&Refresh"), this))
    , m_pendingNote(new QLabel(this))
    , m_sourceLabel(new QLabel(this))
    , m_refreshTimer(new QTimer(this))
    , m_enrolled(new EnrolledGroupBox(this))
    , m_movement(new MovementGroupBox(this))
{
    setObjectName(QStringLiteral("homePage"));
    setAccessibleName(tr("Home"));
    QFont titleFont = m_titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_titleLabel->setFont(titleFont);
    m_titleLabel->setObjectName(QStringLiteral("homeTitleLabel"));
    m_deadlineLabel->setObjectName(QStringLiteral("deadlineLabel"));
    m_deadlineLabel->setWordWrap(true);
    m_deadlineLabel->setMargin(8);
    m_deadlineButton->setObjectName(QStringLiteral("deadlineSettingsButton"));
    m_deadlineButton->setAccessibleName(tr("Set the monthly deadline"));
    m_refreshButton->setObjectName(QStringLiteral("refreshHomeButton"));
    m_refreshButton->setAccessibleName(tr("Refresh the figures"));
    m_pendingNote->setObjectName(QStringLiteral("pendingNoteLabel"));
    m_pendingNote->setWordWrap(true);
    m_pendingNote->setStyleSheet(QStringLiteral("color: #6b5600"));
    m_sourceLabel->setObjectName(QStringLiteral("staffSourceLabel"));
    m_sourceLabel->setWordWrap(true);
    m_sourceLabel->setStyleSheet(QStringLiteral("color: #555555"));

    auto *header = new QHBoxLayout;
    header->addWidget(m_titleLabel, 1);
    header->addWidget(m_refreshButton);
    auto *deadlineRow = new QHBoxLayout;
    deadlineRow->addWidget(m_deadlineLabel, 1);
    deadlineRow->addWidget(m_deadlineButton);

    auto *pendingBox = new QGroupBox(tr("Pending items"), this);
    pendingBox->setObjectName(QStringLiteral("pendingGroupBox"));
    auto *pendingGrid = new QGridLayout;
    for (const auto &figure : m_figures) {
        auto *label = new QLabel(figure->title(), pendingBox);
        auto *button = new FigureButton(figure->key() + QStringLiteral("FigureButton"), pendingBox);
        button->setText(NotAsked);
        label->setBuddy(button);
        const QString link = figure->link();
        connect(button, &QPushButton::clicked, this, [this, link] { emit linkActivated(link); });
        const int row = int(m_buttons.size());
        pendingGrid->addWidget(label, row, 0);
        pendingGrid->addWidget(button, row, 1);
        m_labels.append(label);
        m_buttons.append(button);
    }
    pendingGrid->setColumnStretch(2, 1);
    auto *pendingLayout = new QVBoxLayout(pendingBox);
    pendingLayout->addLayout(pendingGrid);
    pendingLayout->addWidget(m_pendingNote);
    pendingLayout->addStretch();

    auto *top = new QHBoxLayout;
    top->addWidget(pendingBox);
    top->addWidget(m_enrolled);
    top->addWidget(m_movement, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addLayout(deadlineRow);
    layout->addLayout(top, 1);
    layout->addWidget(m_sourceLabel);

    connect(m_refreshButton, &QPushButton::clicked, this, &HomePage::refresh);
    connect(m_deadlineButton, &QPushButton::clicked, this, &HomePage::editDeadline);
    connect(m_enrolled, &EnrolledGroupBox::peopleRequested, this, &HomePage::openPeople);
    connect(m_movement, &MovementGroupBox::peopleRequested, this, &HomePage::openPeople);
    // What changes a figure: saving, sending, declaring, a change request, the session.
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(300);
    connect(m_refreshTimer, &QTimer::timeout, this, [this] {
        if (isVisible())
            refresh();
    });
    auto refreshIfShown = [this] { m_refreshTimer->start(); };
    connect(&m_context.outbox(), &OutboxService::changed, this, refreshIfShown);
    connect(&m_context.declarations(), &DeclarationService::changed, this, refreshIfShown);
    connect(&m_context.changes(), &ChangeService::changed, this, refreshIfShown);
    connect(&m_context.session(), &Session::changed, this, refreshIfShown);
    showDeadline();
}

HomePage::~HomePage() = default;

QPushButton *HomePage::figureButton(const QString &key) const
{
    for (qsizetype i = 0; i < qsizetype(m_figures.size()); ++i) {
        if (m_figures.at(size_t(i))->key() == key)
            return m_buttons.at(i);
    }
    return nullptr;
}

void HomePage::showEvent(QShowEvent *event)
{
    refresh();
    QWidget::showEvent(event);
}

void HomePage::setPersons(QList<Person> persons)
{
    m_persons = std::move(persons);
    m_rowOfPerson.clear();
    m_rowOfPerson.reserve(m_persons.size());
    for (qsizetype i = 0; i < m_persons.size(); ++i)
        m_rowOfPerson.insert(m_persons.at(i).id, i);
    m_staffFigures = StaffFigures::compute(m_persons, YearMonth::ofDate(QDate::currentDate()));
    m_enrolled->setFigures(m_staffFigures);
    m_movement->setFigures(m_staffFigures);
    showSource();
}

void HomePage::refresh()
{
    const Session &session = m_context.session();
    const QString unit = session.unitName().isEmpty() ? session.unitNo() : session.unitName();
    m_titleLabel->setText(tr("Home - %1 (%2)").arg(unit, session.unitNo()));
    showDeadline();
    showSource();
    const int generation = ++m_generation;
    const bool online = session.isActive() && !session.isOffline();
    bool anyOffline = false;
    int shown = 0;
    m_waiting = 0;
    for (qsizetype i = 0; i < qsizetype(m_figures.size()); ++i) {
        PendingFigure &figure = *m_figures.at(size_t(i));
        QPushButton *button = m_buttons.at(i);
        const bool applies = session.isActive() && figure.appliesTo(session.level());
        button->setVisible(applies);
        m_labels.at(i)->setVisible(applies);
        if (!applies)
            continue;
        ++shown;
        if (figure.needsServer() && !online) {
            anyOffline = true;
            button->setText(NotAsked);
            button->setToolTip(tr("Offline: this figure is shown once the server can be reached."));
            button->setAccessibleName(tr("%1: not known offline").arg(figure.title()));
            continue;
        }
        ++m_waiting;
        button->setText(Waiting);
        button->setAccessibleName(tr("%1: being counted").arg(figure.title()));
        figure.count(this, [this, generation, button, title = figure.title()](Result<int> n) {
            if (generation != m_generation)
                return; // a newer refresh asks again
            --m_waiting;
            if (!n) {
                button->setText(QStringLiteral("?"));
                button->setToolTip(n.error().message);
                button->setAccessibleName(tr("%1: not known (%2)").arg(title, n.error().message));
                return;
            }
            button->setText(QString::number(n.value()));
            button->setToolTip(tr("Show the list"));
            button->setAccessibleName(tr("%1: %2").arg(title).arg(n.value()));
        });
    }
    if (!session.isActive())
        m_pendingNote->setText(QString());
    else if (shown == 0)
        m_pendingNote->setText(tr("This unit is not authorized for online business yet: there are no pending items."));
    else if (anyOffline)
        m_pendingNote->setText(tr("Offline: figures marked — need the server and are shown once it can be reached "
                                  "(log in again while online)."));
    else
        m_pendingNote->setText(QString());
    m_pendingNote->setVisible(!m_pendingNote->text().isEmpty());
}

void HomePage::showDeadline()
{
    const Settings &settings = m_context.settings();
    const QDate today = QDate::currentDate();
    const MonthlyDeadline deadline = MonthlyDeadline::next(today, settings.deadlineDay(), settings.reminderDays());
    const QString date = QLocale().toString(deadline.date, tr("MMMM d", "deadline date"));
    QString text;
    if (deadline.daysLeft == 0)
        text = tr("Today, %1, is this month's deadline for declarations.").arg(date);
    else
        text = tr("Next deadline for declarations: %1, in %n day(s).", nullptr, deadline.daysLeft).arg(date);
    if (deadline.near)
        text += QLatin1Char(' ') + tr("Declare this month's staff changes in time.");
    m_deadlineLabel->setText(text);
    m_deadlineLabel->setAccessibleName(text);
    m_deadlineLabel->setProperty("near", deadline.near);
    m_deadlineLabel->setStyleSheet(
        deadline.near ? QStringLiteral("QLabel { background: #fde2e1; border: 1px solid #d9534f; color: #7a1f1c;"
                                       " font-weight: bold; }")
                      : QStringLiteral("QLabel { background: #eef5fb; border: 1px solid #b5cde3; color: #1d3b56; }"));
}

void HomePage::showSource()
{
    LocalCache *cache = m_context.session().cache();
    const QDateTime synced = cache ? cache->lastSync() : QDateTime();
    QString text = synced.isValid()
                       ? tr("People figures: the local copy of the staff list, updated %1.")
                             .arg(synced.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                       : tr("People figures: no staff list fetched yet; sync while online (F5).");
    if (m_context.session().isOffline())
        text += QLatin1Char(' ') + tr("Offline: they may be out of date.");
    m_sourceLabel->setText(text);
}

void HomePage::openPeople(const QString &title, const QList<qint64> &ids)
{
    QList<Person> people;
    people.reserve(ids.size());
    for (qint64 id : ids) {
        if (const auto it = m_rowOfPerson.constFind(id); it != m_rowOfPerson.cend())
            people.append(m_persons.at(it.value()));
    }
    auto *dialog = new PeopleListDialog(title, std::move(people), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->open();
}

void HomePage::editDeadline()
{
    auto *dialog = new DeadlineDialog(m_context.settings(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QDialog::accepted, this, &HomePage::showDeadline);
    dialog->open();
}

} // namespace shebao::ui
