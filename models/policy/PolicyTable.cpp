#include "models/policy/PolicyTable.h"

#include "models/dictionaries/Dictionaries.h"
#include "models/policy/PolicyJsonReader.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>

namespace shebao {

namespace {

bool isRegionCode(const QString &s)
{
    return s.size() == 6 && std::all_of(s.begin(), s.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

} // namespace

QString PolicyTable::formatId()
{
    return QStringLiteral("shebao-policy/1");
}

QString PolicyTable::resourcePath(const QString &region)
{
    return QStringLiteral(":/data/policy/") + region + QStringLiteral(".json");
}

QStringList PolicyTable::embeddedRegions()
{
    QStringList out;
    const QStringList files = QDir(QStringLiteral(":/data/policy")).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &f : files)
        out.append(f.chopped(5));
    return out;
}

Result<PolicyTable> PolicyTable::forRegion(const QString &region)
{
    if (!isRegionCode(region) || !QFile::exists(resourcePath(region)))
        return Error{QStringLiteral("policy.unknown_region"),
                     QStringLiteral("没有行政区划 %1 的内置政策参数表").arg(region), region, QString()};
    return load(resourcePath(region));
}

Result<PolicyTable> PolicyTable::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("policy.unreadable"), QStringLiteral("无法读取政策参数表 %1").arg(path),
                     file.errorString(), QString()};
    return fromJson(file.readAll(), path);
}

Result<PolicyTable> PolicyTable::fromJson(const QByteArray &json, const QString &origin)
{
    const PolicyJsonReader reader(origin);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return reader.malformed(QStringLiteral("$"), QStringLiteral("不是有效的 JSON（第 %1 个字节：%2）")
                                                         .arg(parseError.offset).arg(parseError.errorString()));
    const QString root = QStringLiteral("$");
    const Result<QJsonObject> top = reader.object(doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(QJsonArray()), root);
    if (!top)
        return top.error();
    const QJsonObject &o = top.value();

    const QJsonValue format = o.value(QLatin1String("format"));
    if (format.toString() != formatId())
        return reader.malformed(QStringLiteral("$.format"), QStringLiteral("应为 \"%1\"").arg(formatId()));

    PolicyTable table;
    table.m_origin = origin;
    const Result<QString> region = reader.string(o, QStringLiteral("region"), root);
    if (!region)
        return region.error();
    if (!isRegionCode(region.value()))
        return reader.malformed(QStringLiteral("$.region"), QStringLiteral("应为 6 位行政区划代码"));
    table.m_region = region.value();
    const Result<QString> name = reader.string(o, QStringLiteral("name"), root);
    if (!name)
        return name.error();
    table.m_name = name.value();
    const Result<QString> source = reader.string(o, QStringLiteral("source"), root);
    if (!source)
        return source.error();
    table.m_source = source.value();

    const Result<QJsonObject> insurances = reader.object(o.value(QLatin1String("insurances")), QStringLiteral("$.insurances"));
    if (!insurances)
        return insurances.error();
    if (insurances.value().isEmpty())
        return reader.malformed(QStringLiteral("$.insurances"), QStringLiteral("不能为空"));
    for (auto it = insurances.value().begin(); it != insurances.value().end(); ++it) {
        const QString path = QStringLiteral("$.insurances.") + it.key();
        if (!Dictionaries::insurance().byCode(it.key()))
            return reader.malformed(path, QStringLiteral("不是已知的险种代码"));
        if (!it.value().isString() || it.value().toString().trimmed().isEmpty())
            return reader.malformed(path, QStringLiteral("应为险种名称"));
        table.m_insurances.insert(it.key(), it.value().toString().trimmed());
    }
    const QStringList codes = table.m_insurances.keys();

    const QJsonValue periodsValue = o.value(QLatin1String("periods"));
    if (!periodsValue.isArray() || periodsValue.toArray().isEmpty())
        return reader.malformed(QStringLiteral("$.periods"), QStringLiteral("应为非空的期间列表"));
    const QJsonArray periods = periodsValue.toArray();
    QList<std::pair<PolicyPeriod, qsizetype>> read; // with the index in the file, for messages
    for (qsizetype i = 0; i < periods.size(); ++i) {
        Result<PolicyPeriod> p = reader.period(periods.at(i), QStringLiteral("$.periods[%1]").arg(i), codes);
        if (!p)
            return p.error();
        read.append({std::move(p).value(), i});
    }
    std::stable_sort(read.begin(), read.end(), [](const auto &a, const auto &b) { return a.first.from < b.first.from; });
    for (qsizetype i = 1; i < read.size(); ++i) {
        const auto &prev = read.at(i - 1);
        const auto &cur = read.at(i);
        if (cur.first.from <= prev.first.to) {
            const bool curIsLater = cur.second > prev.second; // report at the one further down the file
            const auto &later = curIsLater ? cur : prev;
            const auto &earlier = curIsLater ? prev : cur;
            return reader.malformed(QStringLiteral("$.periods[%1]").arg(later.second),
                                    QStringLiteral("（%1）与 $.periods[%2]（%3）重叠")
                                        .arg(later.first.label()).arg(earlier.second).arg(earlier.first.label()));
        }
    }
    for (auto &[period, index] : read)
        table.m_periods.append(std::move(period));

    if (Result<void> r = reader.onlyMembers(o, root, {"format", "region", "name", "source", "insurances", "periods"}); !r)
        return r.error();
    return table;
}

YearMonth PolicyTable::firstMonth() const
{
    return m_periods.isEmpty() ? YearMonth() : m_periods.constFirst().from;
}

YearMonth PolicyTable::lastMonth() const
{
    return m_periods.isEmpty() ? YearMonth() : m_periods.constLast().to;
}

qsizetype PolicyTable::indexOf(YearMonth month) const
{
    // Periods are sorted and disjoint: the candidate is the last one starting at or before month.
    const auto it = std::upper_bound(m_periods.cbegin(), m_periods.cend(), month,
                                     [](YearMonth m, const PolicyPeriod &p) { return m < p.from; });
    if (it == m_periods.cbegin())
        return -1;
    const qsizetype i = std::distance(m_periods.cbegin(), it) - 1;
    return m_periods.at(i).covers(month) ? i : -1;
}

Result<PolicyPeriod> PolicyTable::periodFor(YearMonth month) const
{
    const qsizetype i = indexOf(month);
    if (i < 0)
        return Error{QStringLiteral("policy.month_not_covered"),
                     QStringLiteral("政策参数表“%1”不含 %2 的缴费参数（表内期间 %3..%4）")
                         .arg(m_name, month.toString(), firstMonth().toString(), lastMonth().toString()),
                     m_origin, QStringLiteral("month")};
    return m_periods.at(i);
}

QList<YearMonth> PolicyTable::gaps() const
{
    QList<YearMonth> out;
    for (qsizetype i = 1; i < m_periods.size(); ++i) {
        const QList<YearMonth> missing = YearMonth::range(m_periods.at(i - 1).to.addMonths(1), m_periods.at(i).from.addMonths(-1));
        out.append(missing);
    }
    return out;
}

} // namespace shebao
