#pragma once

#include "models/core/Result.h"
#include "models/policy/PolicyPeriod.h"
#include "models/policy/YearMonth.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace shebao {

// A region's contribution parameters: a "shebao-policy/1" JSON file (docs/policy.md), either
// embedded (resources/data/policy/<region>.json under :/data/policy/) or supplied by the user
// or the agency. A table that loads is valid as a whole: periods sorted and not overlapping,
// every period complete. The name, source and region travel with every estimate so bills and
// the UI can say which table and which periods were used.
class PolicyTable
{
public:
    PolicyTable() = default; // empty: no periods, every month uncovered

    static QString formatId(); // "shebao-policy/1"

    // A file path or a resource path. Errors: policy.unreadable, policy.malformed (field = the
    // JSON path of the first problem, e.g. "$.periods[1].rates.410.unit[3]").
    static Result<PolicyTable> load(const QString &path);
    static Result<PolicyTable> fromJson(const QByteArray &json, const QString &origin = QString());
    // The embedded table of a region code ("430100"); policy.unknown_region when none ships.
    static Result<PolicyTable> forRegion(const QString &region);
    static QString resourcePath(const QString &region); // ":/data/policy/<region>.json"
    static QStringList embeddedRegions();               // sorted region codes

    QString region() const { return m_region; }
    QString name() const { return m_name; }
    QString source() const { return m_source; }
    QString origin() const { return m_origin; } // the path it was loaded from
    // 险种 code -> name as the table declares them ("110" -> "企业职工基本养老保险").
    const QMap<QString, QString> &insurances() const { return m_insurances; }
    bool hasInsurance(const QString &code) const { return m_insurances.contains(code); }

    bool isEmpty() const { return m_periods.isEmpty(); }
    const QList<PolicyPeriod> &periods() const { return m_periods; } // sorted by month
    YearMonth firstMonth() const;
    YearMonth lastMonth() const;
    // The index into periods() of the period covering `month`, or -1.
    qsizetype indexOf(YearMonth month) const;
    // policy.month_not_covered (the message names the month) when no period covers it.
    Result<PolicyPeriod> periodFor(YearMonth month) const;
    // Months between firstMonth() and lastMonth() that no period covers, in order.
    QList<YearMonth> gaps() const;

private:
    QString m_region;
    QString m_name;
    QString m_source;
    QString m_origin;
    QMap<QString, QString> m_insurances;
    QList<PolicyPeriod> m_periods;
};

} // namespace shebao
