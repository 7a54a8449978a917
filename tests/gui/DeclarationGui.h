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

// Every interactive widget under `root` (visible, taking focus) has an objectName and an
// accessible name; empty when so, else the offenders.
QString unnamedWidgets(QWidget *root);

} // namespace shebao::test
