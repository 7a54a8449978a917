#pragma once

#include <QDate>
#include <QPointer>
#include <QString>
#include <QTest>
#include <QWidget>

#include <optional>

#include "models/domain/Person.h"

namespace shebao {
class AppContext;
class MainWindow;
namespace ui {
class AddWizard;
}
} // namespace shebao

// Helpers of the 异动申报 GUI tests.
namespace shebao::test {

// A valid ID number nobody has: region 430102, the birth date given, a random sequence number.
QString freshIdNumber(QDate birth, bool male);

// The first person of the cache matching `wanted` whose lookup the server answers with
// `canDeclare` (for 续保) or who is active here without an open item (for 减少).
enum class Wanted { InactiveKnown, ActiveHere };
std::optional<Person> pickPerson(AppContext &context, Wanted wanted, const QStringList &skip = {});

// The top-level widget of class T named `name` that `window` opened (a wizard is a child of
// the main window), waiting for it to be exposed.
template <typename T>
T *waitForChild(QWidget *window, const QString &name, int timeoutMs = 10000)
{
    T *found = nullptr;
    if (!QTest::qWaitFor([&] { return (found = window->findChild<T *>(name)) != nullptr; }, timeoutMs))
        return nullptr;
    if (found && found->isWindow() && !QTest::qWaitForWindowExposed(found))
        return nullptr;
    return found;
}

// The child of `root` named `name`, or null with a warning naming it.
template <typename T>
T *child(QWidget *root, const char *name)
{
    T *widget = root ? root->findChild<T *>(QString::fromLatin1(name)) : nullptr;
    if (!widget)
        qWarning("no child %s", name);
    return widget;
}

// 异动新增's steps as a clerk does them: 查询 an ID number and wait for the answer; fill the
// person form with valid values; type the wage, confirm it with Enter and 保存 (waits for the
// saved page). They fail the running test on the way when a step does not work.
void lookUp(QWidget *wizard, const QString &idNumber);
void fillPersonForm(ui::AddWizard *wizard, const QString &name);
void confirmAndSave(ui::AddWizard *wizard, const QString &wage);

// Every interactive widget under `root` (visible, taking focus) has an objectName and an
// accessible name; empty when so, else the offenders.
QString unnamedWidgets(QWidget *root);

} // namespace shebao::test
