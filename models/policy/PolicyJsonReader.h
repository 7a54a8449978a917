#pragma once

#include "models/core/Result.h"
#include "models/money/Money.h"
#include "models/policy/PolicyPeriod.h"
#include "models/policy/Rate.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QMap>
#include <QString>
#include <QStringList>

#include <initializer_list>
#include <utility>

namespace shebao {

// Reads the members of a "shebao-policy/1" file (used by PolicyTable). Every failure is a
// "policy.malformed" error whose field is the JSON path of the offending value, e.g.
// "$.periods[1].rates.410.unit[3]", so a person fixing the file knows exactly where to look.
class PolicyJsonReader
{
public:
    explicit PolicyJsonReader(QString origin) : m_origin(std::move(origin)) {}

    Error malformed(const QString &path, const QString &what) const;

    // Members other than `allowed` are refused: a misspelt "cap_at_principle" must not
    // silently fall back to a default.
    Result<void> onlyMembers(const QJsonObject &object, const QString &path,
                             std::initializer_list<const char *> allowed) const;
    Result<QJsonObject> object(const QJsonValue &value, const QString &path) const;
    Result<QString> string(const QJsonObject &object, const QString &name, const QString &path) const;
    Result<Rate> rate(const QJsonValue &value, const QString &path) const;
    Result<Money> amount(const QJsonValue &value, const QString &path) const;
    Result<YearMonth> month(const QJsonValue &value, const QString &path) const;

    // One element of "periods". `insurances` are the 险种 codes the table declares; the period
    // must give rates for exactly those.
    Result<PolicyPeriod> period(const QJsonValue &value, const QString &path,
                                const QStringList &insurances) const;

private:
    Result<InsuranceRates> insuranceRates(const QString &code, const QJsonValue &value,
                                          const QString &path) const;
    Result<LateFeeRule> lateFee(const QJsonValue &value, const QString &path) const;

    QString m_origin;
};

} // namespace shebao
