#include "DeclarationGui.h"

#include <QAbstractScrollArea>
#include <QLabel>
#include <QRandomGenerator>

#include "app/AppContext.h"
#include "app/DeclarationService.h"
#include "app/Session.h"
#include "models/cache/LocalCache.h"
#include "models/validation/IdNumber.h"

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

} // namespace shebao::test
