#include "DeclarationGui.h"

#include <QAbstractScrollArea>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QWizard>
#include <QRandomGenerator>

#include "app/AppContext.h"
#include "app/DeclarationService.h"
#include "app/Session.h"
#include "models/cache/LocalCache.h"
#include "models/validation/IdNumber.h"
#include "ui/declaration/add/AddWizard.h"
#include "ui/widgets/CodeComboBox.h"

namespace shebao::test {

QString freshIdNumber(QDate birth, bool male)
{
    const int sequence = int(QRandomGenerator::global()->bounded(100, 499)) * 2 + (male ? 1 : 0);
    const QString first17 = QStringLiteral("430102") + birth.toString(QStringLiteral("yyyyMMdd"))
                            + QStringLiteral("%1").arg(sequence, 3, 10, QLatin1Char('0'));
    return first17 + IdNumber::checkCharacter(first17);
}

std::optional<Person> pickPerson(AppContext &context, Wanted wanted, const QStringList &skip)
{
    LocalCache *cache = context.session().cache();
    if (!cache)
        return std::nullopt;
    Result<QList<Person>> persons = cache->persons();
    if (!persons)
        return std::nullopt;
    int asked = 0;
    for (const Person &person : persons.value()) {
        if (skip.contains(person.idNumber) || person.enrolments.isEmpty())
            continue;
        bool active = false;
        for (const Enrolment &e : person.enrolments)
            active = active || (e.status == EnrolmentStatus::Active && e.endMonth.isEmpty());
        if (active != (wanted == Wanted::ActiveHere))
            continue;
        const QDate birth = QDate::fromString(person.birthDate, Qt::ISODate);
        // Well inside working age, so no retirement or age rule gets in the way of the test.
        if (!birth.isValid() || birth.year() < 1975 || birth.year() > 2000)
            continue;
        if (++asked > 40)
            break;
        std::optional<Result<PersonLookup>> answer;
        QObject guard;
        context.declarations().lookup(person.idNumber, &guard,
                                      [&answer](Result<PersonLookup> result) { answer = std::move(result); });
        if (!QTest::qWaitFor([&] { return answer.has_value(); }, 30000) || !answer->ok())
            continue;
        const PersonLookup &l = answer->value();
        if (wanted == Wanted::InactiveKnown && l.canDeclare() && l.suggestedKind == DeclarationKind::Renew
            && !l.pendingItem)
            return person;
        if (wanted == Wanted::ActiveHere && l.activeHere && !l.pendingItem)
            return person;
    }
    return std::nullopt;
}

QString unnamedWidgets(QWidget *root)
{
    QStringList offenders;
    for (QWidget *w : root->findChildren<QWidget *>()) {
        if (w->focusPolicy() == Qt::NoFocus || !w->isVisibleTo(root))
            continue;
        if (w->objectName().startsWith(u"qt_") || qobject_cast<QAbstractScrollArea *>(w->parentWidget()))
            continue;
        if (w->objectName().isEmpty() || w->accessibleName().isEmpty())
            offenders.append(QStringLiteral("%1 '%2'").arg(QString::fromLatin1(w->metaObject()->className()),
                                                         w->objectName()));
    }
    return offenders.join(QStringLiteral(", "));
}

void lookUp(QWidget *wizard, const QString &idNumber)
{
    auto *id = child<QLineEdit>(wizard, "idNumberLineEdit");
    QVERIFY(id);
    id->clear();
    QTest::keyClicks(id, idNumber);
    QTest::mouseClick(child<QPushButton>(wizard, "lookupButton"), Qt::LeftButton);
    // Done when the button is back and the page says something other than "正在查询".
    auto *status = child<QLabel>(wizard, "lookupStatusLabel");
    QTRY_VERIFY_WITH_TIMEOUT(child<QPushButton>(wizard, "lookupButton")->isEnabled() && !status->text().isEmpty()
                                 && !status->text().startsWith(QStringLiteral("正在查询")),
                             30000);
}

void fillPersonForm(ui::AddWizard *wizard, const QString &name)
{
    child<QLineEdit>(wizard, "nameLineEdit")->setText(name);
    child<ui::CodeComboBox>(wizard, "ethnicityComboBox")->setCode(QStringLiteral("01"));
    child<ui::CodeComboBox>(wizard, "hukouComboBox")->setCode(QStringLiteral("1"));
    child<ui::CodeComboBox>(wizard, "employmentFormComboBox")->setCode(QStringLiteral("1"));
    auto *work = child<QLineEdit>(wizard, "workStartDateLineEdit");
    work->clear();
    QTest::keyClicks(work, QStringLiteral("2018/7/1"));
    auto *phone = child<QLineEdit>(wizard, "phoneLineEdit");
    phone->clear();
    QTest::keyClicks(phone, QStringLiteral("13907310001"));
}

void confirmAndSave(ui::AddWizard *wizard, const QString &wage)
{
    auto *wageEdit = child<QLineEdit>(wizard, "wageLineEdit");
    wageEdit->clear();
    QTest::keyClicks(wageEdit, wage);
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled()); // 确认工资 first
    QTest::keyClick(wageEdit, Qt::Key_Return);                  // Enter confirms
    QVERIFY2(wizard->button(QWizard::NextButton)->isEnabled(),
             qPrintable(child<QLabel>(wizard, "confirmedBaseLabel")->text() + u'|'
                        + child<QLabel>(wizard, "wageErrorLabel")->text() + u'|' + wageEdit->text()));
    QCOMPARE(wizard->button(QWizard::NextButton)->text(), QStringLiteral("保存(&S)"));
    wizard->button(QWizard::NextButton)->click();
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ui::AddWizard::SavedPageId), 30000);
}

} // namespace shebao::test
