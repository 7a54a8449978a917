// Keyboard use (DESIGN.md: every screen is usable by keyboard alone): on every page the main
// window shows, and on every page of every wizard it opens, no two controls share an Alt
// mnemonic — in the shipped Chinese UI, the menu bar included. Two controls with the same
// letter make Alt+letter cycle between them instead of acting.
#include <QAbstractButton>
#include <QApplication>
#include <QGroupBox>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QStackedWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>
#include <QWizard>
#include <QWizardPage>

#include "DeskFixture.h"
#include "ServerProcess.h"
#include "app/AppContext.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "ui/ModuleTreeWidget.h"

using namespace shebao;

namespace {

// Mnemonic → the texts that claim it, of the visible controls under `root` (as seen from `top`).
void collect(QWidget *root, QWidget *top, QMultiMap<QKeySequence, QString> *claims)
{
    for (QWidget *w : root->findChildren<QWidget *>()) {
        // Disabled controls count too: they clash as soon as they are enabled.
        if (!w->isVisibleTo(top))
            continue;
        if (auto *tabs = qobject_cast<QTabBar *>(w)) {
            for (int i = 0; i < tabs->count(); ++i) {
                const QKeySequence key = QKeySequence::mnemonic(tabs->tabText(i));
                if (tabs->isTabEnabled(i) && !key.isEmpty())
                    claims->insert(key, tabs->tabText(i));
            }
            continue;
        }
        QString text;
        if (auto *button = qobject_cast<QAbstractButton *>(w))
            text = button->text();
        else if (auto *label = qobject_cast<QLabel *>(w); label && label->buddy())
            text = label->text();
        else if (auto *box = qobject_cast<QGroupBox *>(w); box && box->isCheckable())
            text = box->title();
        const QKeySequence key = QKeySequence::mnemonic(text);
        if (!key.isEmpty())
            claims->insert(key, text);
    }
}

void collectMenuBar(QMenuBar *bar, QMultiMap<QKeySequence, QString> *claims)
{
    for (QAction *action : bar->actions()) {
        const QKeySequence key = QKeySequence::mnemonic(action->text());
        if (action->isVisible() && !key.isEmpty())
            claims->insert(key, action->text());
    }
}

QString clashes(const QMultiMap<QKeySequence, QString> &claims)
{
    QStringList found;
    for (const QKeySequence &key : claims.uniqueKeys()) {
        const QStringList texts = claims.values(key);
        if (texts.size() > 1)
            found << key.toString() + QStringLiteral(": ") + texts.join(QStringLiteral(" | "));
    }
    return found.join(QStringLiteral("; "));
}

} // namespace

class TestMnemonicsGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void pagesHaveUniqueMnemonics();
    void wizardsHaveUniqueMnemonics();

private:
    QStringList enabledEntries() const;

    test::ServerProcess m_server;
    test::DeskFixture m_fixture;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<MainWindow> m_window;
    ModuleTreeWidget *m_tree = nullptr;
    QStackedWidget *m_pages = nullptr;
};

void TestMnemonicsGui::initTestCase()
{
    test::installChinese();
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    m_context = m_fixture.makeContext(m_server.baseUrl(), m_server.caFile());
    LoginDialog login(*m_context);
    // The authorized unit: every business entry is enabled.
    QVERIFY2(test::submitLogin(login, QStringLiteral("43010000001"), QStringLiteral("Demo1234")),
             qPrintable(login.errorText()));
    const QString syncError = test::syncNow(*m_context);
    QVERIFY2(syncError.isEmpty(), qPrintable(syncError));
    m_window = std::make_unique<MainWindow>(*m_context);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_tree = m_window->findChild<ModuleTreeWidget *>(QStringLiteral("moduleTreeWidget"));
    m_pages = m_window->findChild<QStackedWidget *>(QStringLiteral("pagesStackedWidget"));
    QVERIFY(m_tree && m_pages);
    QVERIFY(enabledEntries().size() >= 8);
}

void TestMnemonicsGui::cleanupTestCase()
{
    m_window.reset();
    m_context.reset();
}

QStringList TestMnemonicsGui::enabledEntries() const
{
    QStringList keys;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *module = m_tree->topLevelItem(i);
        for (int j = 0; j < module->childCount(); ++j) {
            const QString key = module->child(j)->data(0, ModuleTreeWidget::EntryKeyRole).toString();
            if (m_tree->isEnabledEntry(key))
                keys << key;
        }
    }
    return keys;
}

void TestMnemonicsGui::pagesHaveUniqueMnemonics()
{
    int pagesChecked = 0;
    QStringList problems;
    for (const QString &key : enabledEntries()) {
        QWidget *before = m_pages->currentWidget();
        if (!m_window->showEntry(key))
            continue;
        // Entries that open a wizard leave the page as it was; those are checked below.
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (qobject_cast<QWizard *>(w))
                w->close();
        }
        if (m_pages->currentWidget() == before && pagesChecked > 0)
            continue;
        // Each tab of the page's tab widgets in turn: a hidden tab's controls do not compete.
        QWidget *page = m_pages->currentWidget();
        QList<std::pair<QTabWidget *, int>> views{{nullptr, 0}};
        for (QTabWidget *tabs : page->findChildren<QTabWidget *>()) {
            for (int i = 0; i < tabs->count(); ++i)
                views.append({tabs, i});
        }
        for (const auto &[tabs, index] : views) {
            if (tabs) {
                if (!tabs->isVisibleTo(m_window.get()) || !tabs->isTabEnabled(index))
                    continue;
                tabs->setCurrentIndex(index);
            }
            QMultiMap<QKeySequence, QString> claims;
            collect(page, m_window.get(), &claims);
            collectMenuBar(m_window->menuBar(), &claims);
            if (const QString found = clashes(claims); !found.isEmpty())
                problems << key + (tabs ? u'/' + tabs->tabText(index) : QString()) + QStringLiteral(" → ") + found;
        }
        ++pagesChecked;
    }
    qInfo("pages checked: %d", pagesChecked);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QVERIFY(pagesChecked >= 4);
}

void TestMnemonicsGui::wizardsHaveUniqueMnemonics()
{
    int wizardsChecked = 0;
    QStringList problems;
    for (const QString &key : enabledEntries()) {
        if (!m_window->showEntry(key))
            continue;
        for (QWidget *w : QApplication::topLevelWidgets()) {
            auto *wizard = qobject_cast<QWizard *>(w);
            if (!wizard || !wizard->isVisible())
                continue;
            // Every page, also those the test cannot reach without typing: a page's controls
            // (as the page shows them) with the wizard's own buttons, which stay on every page.
            for (int id : wizard->pageIds()) {
                QWizardPage *page = wizard->page(id);
                QMultiMap<QKeySequence, QString> claims;
                collect(page, page, &claims);
                const bool last = page->isFinalPage() || wizard->pageIds().constLast() == id;
                const bool finishShown = last || wizard->testOption(QWizard::HaveFinishButtonOnEarlyPages);
                QList<QWizard::WizardButton> shown{QWizard::BackButton};
                if (page->isCommitPage())
                    shown << QWizard::CommitButton;
                else if (!last)
                    shown << QWizard::NextButton;
                if (finishShown)
                    shown << QWizard::FinishButton;
                if (wizard->testOption(QWizard::HaveHelpButton))
                    shown << QWizard::HelpButton;
                for (QWizard::WizardButton which : shown) {
                    const QString text = page->buttonText(which); // the page's own text, else the wizard's
                    if (const QKeySequence k = QKeySequence::mnemonic(text); !k.isEmpty() && !claims.contains(k, text))
                        claims.insert(k, text);
                }
                if (const QString found = clashes(claims); !found.isEmpty())
                    problems << key + u'/' + (page->title().isEmpty() ? page->objectName() : page->title())
                                    + QStringLiteral(" → ") + found;
            }
            ++wizardsChecked;
            wizard->close();
        }
    }
    qInfo("wizards checked: %d", wizardsChecked);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QVERIFY(wizardsChecked >= 3);
}

QTEST_MAIN(TestMnemonicsGui)
#include "tst_mnemonics_gui.moc"
