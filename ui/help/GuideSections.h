#pragma once

#include <QString>
#include <QStringList>

#include <functional>

class QAction;
class QWidget;
class QWizard;

namespace shebao::ui::guide {

// The sections of docs/user-guide.zh.md that the program opens: Help → 使用指南 and F1 open the
// guide, each wizard's help button and F1 its own section. An anchor is the heading's slug as
// GitHub makes it (slugOf), so the same `#异动新增` works on the web and in the program; the
// screenshot test fails when a heading named here is missing from the guide.
QString home();
QString login();
QString authorization();
QString password();
QString certificate();
QString backup();
QString declareAdd();
QString declareReduce();
QString declareSubmit();
QString declareImport();
QString maintainUnit();
QString maintainPerson();
QString payment();
QString queryUnit();
QString queryPersons();
QString queryCertificate();
// All of the above.
QStringList anchors();
// The section of a module-tree entry ("declare.add", "home", ...); empty when it has none.
QString anchorOfEntry(const QString &entryKey);

// GitHub's heading anchor: lower case, punctuation dropped (letters of any script, digits, '-'
// and '_' kept), spaces become '-'.
QString slugOf(const QString &heading);

// Help → 使用指南 (F1): opens the guide at `currentSection()` (empty: where it was last).
QAction *createGuideAction(QWidget *window, std::function<QString()> currentSection);

// Gives `wizard` its help button (and F1), both opening the guide at `anchor`; names the button.
void addHelpButton(QWizard *wizard, const QString &anchor);

} // namespace shebao::ui::guide
