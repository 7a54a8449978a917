#pragma once

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

#include "models/core/Result.h"
#include "models/declaration/Declaration.h"
#include "models/policy/PolicyTable.h"
#include "models/policy/YearMonth.h"

namespace shebao::server {

// The rules of docs/declarations.md that need no database, applied to a request body: every
// member is checked on its own so one answer lists all problems. Each failure is an Error whose
// code is the rule's (required.missing, id.checksum, start.too_early, ...), whose field is the
// JSON member ("person.ethnicity") and whose message is the Chinese rule naming the field.
// Warnings (id.upgraded15, age.over_retirement, wage.out_of_range) go into the item.
class DeclarationChecks
{
public:
    // today: the server clock's date in Beijing; policy: the contribution base limits.
    DeclarationChecks(QDate today, const PolicyTable &policy);

    QDate today() const { return m_today; }
    YearMonth currentMonth() const { return YearMonth::ofDate(m_today); }

    // A POST /declarations/items body as a normalized item (kind, name, 18-character ID
    // number, person form, sorted insurances, months, wage and the base that applies).
    DeclarationItem item(const QJsonObject &body, QList<Error> *errors) const;

    // 报送人 and 联系电话 of a batch; returns the normalized phone.
    void reporter(const QJsonObject &body, QString *reporter, QString *phone, QList<Error> *errors) const;

    // age.over_retirement when the person (gender, birth date, 个人身份) has reached the
    // statutory retirement age (2025 schedule) by `month`.
    static std::optional<DeclarationNotice> retirementWarning(const DeclarationPerson &person, YearMonth month);

    // "2026-12-04" -> the Beijing date of a server time.
    static QDate beijingDate(qint64 secsSinceEpoch);

private:
    void checkPerson(const QJsonObject &person, DeclarationItem *item, QList<Error> *errors) const;
    void checkAge(DeclarationItem *item, QList<Error> *errors) const;
    void checkWage(const QJsonObject &body, DeclarationItem *item, QList<Error> *errors) const;
    void checkInsurances(const QJsonObject &body, DeclarationItem *item, QList<Error> *errors) const;
    void checkReduce(const QJsonObject &body, DeclarationItem *item, QList<Error> *errors) const;
    // A "YYYY-MM" within [current month - 2, current month]; invalid on error.
    YearMonth recentMonth(const QJsonObject &object, const QString &member, const QString &label,
                          QList<Error> *errors) const;

    QDate m_today;
    const PolicyTable &m_policy;
};

} // namespace shebao::server
