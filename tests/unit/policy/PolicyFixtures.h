#pragma once

#include "models/policy/PolicyTable.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace shebao::test {

// The policy table of shared/domain/arrears.md, verbatim (one period, 2024).
inline QByteArray arrearsExampleJson()
{
    return QByteArray(R"({
  "format": "shebao-policy/1",
  "region": "430100",
  "name": "长沙市社会保险缴费参数（示例参数，以当年正式通知为准）",
  "source": "where the figures come from",
  "insurances": {"110": "企业职工基本养老保险", "210": "失业保险", "310": "职工基本医疗保险",
                 "410": "工伤保险", "510": "生育保险"},
  "periods": [
    {
      "from": "2024-01", "to": "2024-12",
      "base": {"lower": "4000.00", "upper": "20000.00"},
      "rates": {
        "110": {"unit": "0.16",  "person": "0.08"},
        "210": {"unit": "0.007", "person": "0.003"},
        "310": {"unit": "0.087", "person": "0.02"},
        "410": {"unit": ["0.002", "0.004", "0.007", "0.009", "0.011", "0.013", "0.016", "0.019"],
                "person": "0"},
        "510": {"unit": "0", "person": "0"}
      },
      "late_fee": {"daily_rate": "0.0005", "due_day": 15, "cap_at_principal": false}
    }
  ]
}
)");
}

inline QJsonObject arrearsExampleObject()
{
    return QJsonDocument::fromJson(arrearsExampleJson()).object();
}

// Sets (or with an undefined value, removes) the member at `keys` below `root`; numeric keys
// index arrays. Used to derive each malformed or variant table from the example.
inline QJsonValue setAt(const QJsonValue &root, QStringList keys, const QJsonValue &value)
{
    if (keys.isEmpty())
        return value;
    const QString key = keys.takeFirst();
    bool isIndex = false;
    const int index = key.toInt(&isIndex);
    if (isIndex && root.isArray()) {
        QJsonArray a = root.toArray();
        if (keys.isEmpty() && value.isUndefined())
            a.removeAt(index);
        else if (index == a.size())
            a.append(setAt(QJsonValue(), keys, value));
        else
            a[index] = setAt(a.at(index), keys, value);
        return a;
    }
    QJsonObject o = root.toObject();
    if (keys.isEmpty() && value.isUndefined())
        o.remove(key);
    else
        o[key] = setAt(o.value(key), keys, value);
    return o;
}

inline QJsonObject setAt(const QJsonObject &root, const QString &slashPath, const QJsonValue &value)
{
    return setAt(QJsonValue(root), slashPath.split(u'/'), value).toObject();
}

inline QByteArray toJson(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

inline PolicyTable tableFrom(const QJsonObject &o)
{
    Result<PolicyTable> t = PolicyTable::fromJson(toJson(o), QStringLiteral("fixture"));
    return t ? std::move(t).value() : PolicyTable();
}

} // namespace shebao::test
