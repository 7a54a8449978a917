#pragma once

#include "DeskClient.h"
#include "app/ApiClient.h"
#include "app/DeclarationService.h"

namespace shebao::test {

// What the e2e tests ask the server directly (their own logged-in ApiClient, not the client
// under test): the items of the unit with one ID number, and demo people in a given situation.

inline QList<DeclarationItem> serverItems(ApiClient &direct, const QString &idNumber,
                                          ItemState state = ItemState::Pending)
{
    DeclarationService service(&direct, nullptr);
    auto items = waitFor<QList<DeclarationItem>>([&](auto done) { service.items(state, nullptr, done); });
    if (!items) // the connection may have died with a restarted server: once more
        items = waitFor<QList<DeclarationItem>>([&](auto done) { service.items(state, nullptr, done); });
    QList<DeclarationItem> found;
    for (const DeclarationItem &item : items.ok() ? items.value() : QList<DeclarationItem>()) {
        if (item.idNumber == idNumber)
            found << item;
    }
    return found;
}

// A person of the unit who is active (110): 新增 / 续保 of them is person.enrolled.
inline Person activeDemoPerson(ApiClient &direct)
{
    auto page = waitFor<PersonsPage>([&](auto done) { direct.fetchPersonsPage(0, 200, nullptr, done); });
    for (const Person &p : page ? page.value().items : QList<Person>()) {
        EnrolmentStatus status;
        if (p.statusOf(QStringLiteral("110"), &status) && status == EnrolmentStatus::Active)
            return p;
    }
    return {};
}

// A person of the unit with earlier, no longer active enrolment who may be declared: 续保.
inline PersonLookup renewablePerson(ApiClient &direct)
{
    DeclarationService service(&direct, nullptr);
    auto page = waitFor<PersonsPage>([&](auto done) { direct.fetchPersonsPage(0, 500, nullptr, done); });
    for (const Person &p : page ? page.value().items : QList<Person>()) {
        EnrolmentStatus status;
        if (p.statusOf(QStringLiteral("110"), &status) && status == EnrolmentStatus::Active)
            continue;
        auto lookup = waitFor<PersonLookup>([&](auto done) { service.lookup(p.idNumber, nullptr, done); });
        if (lookup && lookup.value().canDeclare() && lookup.value().suggestedKind == DeclarationKind::Renew
            && !lookup.value().pendingItem)
            return lookup.value();
    }
    return {};
}

} // namespace shebao::test
