#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QStringList>

#include <functional>
#include <optional>

#include "models/core/Result.h"
#include "models/core/JsonNumber.h"
#include "models/money/Money.h"

// Helpers shared by the JSON codecs of the business types (models/declaration,
// models/change): null for empty text, ISO 8601 UTC times, and a Reader that keeps the first
// problem of a decoder as an Error naming the JSON path.
namespace shebao::json {

inline QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

inline QJsonValue timeValue(const QDateTime &at)
{
    return at.isValid() ? QJsonValue(at.toUTC().toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

// Each element through the codec's encode(); that overload must be declared before this header
// is included (include the codec's own header first).
template <typename T>
QJsonArray arrayOf(const QList<T> &list)
{
    QJsonArray array;
    for (const T &value : list)
        array.append(encode(value));
    return array;
}

// Reads members of one object; the first problem is kept and every later read is skipped, so a
// decoder is a plain sequence of reads followed by one check.
class Reader
{
public:
    Reader(const QJsonObject &object, QString path) : m_object(object), m_path(std::move(path)) {}

    bool ok() const { return !m_error.has_value(); }
    Error error() const { return *m_error; }
    QString path(const char *key) const { return m_path + u'.' + QLatin1String(key); }

    void text(const char *key, QString *out, bool required = false)
    {
        if (!ok())
            return;
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (v.isString())
            *out = v.toString();
        else if (!required && (v.isUndefined() || v.isNull()))
            out->clear();
        else
            fail(key, QStringLiteral("expected a string"));
    }
    void flag(const char *key, bool *out)
    {
        if (!ok())
            return;
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (v.isBool())
            *out = v.toBool();
        else if (v.isUndefined() || v.isNull())
            *out = false;
        else
            fail(key, QStringLiteral("expected a boolean"));
    }
    void integer(const char *key, qint64 *out)
    {
        if (!ok())
            return;
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (const auto n = wholeNumber(v))
            *out = *n;
        else if (v.isUndefined() || v.isNull())
            *out = 0;
        else
            fail(key, QStringLiteral("expected a whole number"));
    }
    void integer(const char *key, int *out)
    {
        qint64 value = 0;
        integer(key, &value);
        *out = int(value);
    }
    void money(const char *key, Money *out)
    {
        QString text;
        this->text(key, &text);
        if (!ok() || text.isEmpty())
            return;
        if (const auto m = Money::parseYuan(text))
            *out = *m;
        else
            fail(key, QStringLiteral("not an amount"));
    }
    void time(const char *key, QDateTime *out)
    {
        QString text;
        this->text(key, &text);
        if (!ok() || text.isEmpty())
            return;
        *out = QDateTime::fromString(text, Qt::ISODate);
        if (!out->isValid())
            fail(key, QStringLiteral("not an ISO 8601 time"));
    }
    void strings(const char *key, QStringList *out)
    {
        if (!ok())
            return;
        const QJsonValue v = m_object.value(QLatin1String(key));
        out->clear();
        if (v.isUndefined() || v.isNull())
            return;
        if (!v.isArray())
            return fail(key, QStringLiteral("expected an array of strings"));
        for (const QJsonValue &item : v.toArray()) {
            if (!item.isString())
                return fail(key, QStringLiteral("expected an array of strings"));
            out->append(item.toString());
        }
    }
    // A text member turned into a value by `parse`, which returns an optional or a Result
    // (YearMonth::parse, Rate::parse, a date): absent, null or "" leaves *out as it is.
    template <typename T, typename Parse>
    void parsed(const char *key, T *out, Parse parse, bool required = false)
    {
        QString text;
        this->text(key, &text, required);
        if (!ok() || (text.isEmpty() && !required))
            return;
        if (auto value = parse(QStringView(text)))
            *out = *value;
        else
            fail(key, QStringLiteral("malformed value \"%1\"").arg(text));
    }
    template <typename E>
    void code(const char *key, E *out, bool (*parse)(const QString &, E *))
    {
        QString text;
        this->text(key, &text, true);
        if (ok() && !parse(text, out))
            fail(key, QStringLiteral("unknown value \"%1\"").arg(text));
    }
    // Each element of an array of objects through `decode`.
    template <typename T>
    void objects(const char *key, QList<T> *out, const std::function<Result<T>(const QJsonObject &, const QString &)> &decode)
    {
        if (!ok())
            return;
        const QJsonValue v = m_object.value(QLatin1String(key));
        out->clear();
        if (v.isUndefined() || v.isNull())
            return;
        if (!v.isArray())
            return fail(key, QStringLiteral("expected an array"));
        const QJsonArray array = v.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString itemPath = path(key) + QStringLiteral("[%1]").arg(i);
            if (!array.at(i).isObject()) {
                m_error = fieldError(itemPath, QStringLiteral("expected an object"));
                return;
            }
            auto decoded = decode(array.at(i).toObject(), itemPath);
            if (!decoded) {
                m_error = decoded.error();
                return;
            }
            out->append(std::move(decoded).value());
        }
    }
    // A nested object through `decode`; absent or null leaves *out as it is.
    template <typename T>
    void object(const char *key, T *out, const std::function<Result<T>(const QJsonObject &, const QString &)> &decode)
    {
        if (!ok())
            return;
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return;
        if (!v.isObject())
            return fail(key, QStringLiteral("expected an object"));
        auto decoded = decode(v.toObject(), path(key));
        if (decoded)
            *out = std::move(decoded).value();
        else
            m_error = decoded.error();
    }

    static Error fieldError(const QString &path, const QString &what)
    {
        return Error{QStringLiteral("json.field"),
                     QObject::tr("The server sent data this client cannot read (%1).").arg(path), what, path};
    }

private:
    void fail(const char *key, const QString &what) { m_error = fieldError(path(key), what); }

    const QJsonObject &m_object;
    QString m_path;
    std::optional<Error> m_error;
};

template <typename T>
Result<T> finish(const Reader &reader, T value)
{
    if (!reader.ok())
        return reader.error();
    return value;
}

} // namespace shebao::json
