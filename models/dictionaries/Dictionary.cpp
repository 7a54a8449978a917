#include "models/dictionaries/Dictionary.h"

#include "models/validation/TextFold.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace shebao {

namespace {

const QLatin1String kFormat("shebao-dict/1");

Error malformed(const QString &origin, const QString &jsonPath, const QString &what)
{
    return Error{QStringLiteral("dict.malformed"),
                 QStringLiteral("字典文件格式错误：%1 %2").arg(jsonPath, what),
                 origin + u':' + u' ' + jsonPath, QString()};
}

QString key(QStringView text)
{
    return TextFold::foldTrimmed(text);
}

// A required non-empty string member.
Result<QString> requiredString(const QJsonObject &object, const QString &name, const QString &path,
                               const QString &origin)
{
    const QJsonValue v = object.value(name);
    if (!v.isString() || key(v.toString()).isEmpty())
        return malformed(origin, path + u'.' + name, QStringLiteral("应为非空字符串"));
    return key(v.toString());
}

Result<QString> optionalString(const QJsonObject &object, const QString &name, const QString &path,
                               const QString &origin)
{
    const QJsonValue v = object.value(name);
    if (v.isUndefined() || v.isNull())
        return QString();
    if (!v.isString())
        return malformed(origin, path + u'.' + name, QStringLiteral("应为字符串"));
    return key(v.toString());
}

Result<DictionaryEntry> parseEntry(const QJsonValue &value, const QString &path, const QString &origin)
{
    if (!value.isObject())
        return malformed(origin, path, QStringLiteral("应为对象"));
    const QJsonObject o = value.toObject();
    DictionaryEntry e;
    const Result<QString> code = requiredString(o, QStringLiteral("code"), path, origin);
    if (!code)
        return code.error();
    e.code = code.value();
    const Result<QString> name = requiredString(o, QStringLiteral("name"), path, origin);
    if (!name)
        return name.error();
    e.name = name.value();
    const Result<QString> shortName = optionalString(o, QStringLiteral("short"), path, origin);
    if (!shortName)
        return shortName.error();
    e.shortName = shortName.value();
    const Result<QString> parent = optionalString(o, QStringLiteral("parent"), path, origin);
    if (!parent)
        return parent.error();
    e.parent = parent.value();

    const QJsonValue aliases = o.value(QStringLiteral("aliases"));
    if (!aliases.isUndefined()) {
        if (!aliases.isArray())
            return malformed(origin, path + QStringLiteral(".aliases"), QStringLiteral("应为字符串数组"));
        const QJsonArray list = aliases.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString alias = list.at(i).isString() ? key(list.at(i).toString()) : QString();
            if (alias.isEmpty()) {
                return malformed(origin, path + QStringLiteral(".aliases[%1]").arg(i),
                                 QStringLiteral("应为非空字符串"));
            }
            e.aliases.append(alias);
        }
    }
    const QJsonValue historic = o.value(QStringLiteral("historic"));
    if (!historic.isUndefined() && !historic.isBool())
        return malformed(origin, path + QStringLiteral(".historic"), QStringLiteral("应为 true 或 false"));
    e.historic = historic.toBool(false);
    return e;
}

} // namespace

Result<Dictionary> Dictionary::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{QStringLiteral("dict.unreadable"), QStringLiteral("无法读取字典文件 %1").arg(path),
                     file.errorString(), QString()};
    }
    return fromJson(file.readAll(), path);
}

Result<Dictionary> Dictionary::fromJson(const QByteArray &json, const QString &origin)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return malformed(origin, QStringLiteral("$"),
                         QStringLiteral("不是有效的 JSON（第 %1 字节：%2）").arg(parseError.offset).arg(parseError.errorString()));
    }
    if (!doc.isObject())
        return malformed(origin, QStringLiteral("$"), QStringLiteral("应为对象"));
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toString() != kFormat)
        return malformed(origin, QStringLiteral("$.format"), QStringLiteral("应为 \"shebao-dict/1\""));

    Dictionary d;
    d.m_origin = origin;
    const QString rootPath = QStringLiteral("$");
    for (auto [member, target] : {std::pair{QStringLiteral("id"), &d.m_id},
                                  std::pair{QStringLiteral("title"), &d.m_title},
                                  std::pair{QStringLiteral("source"), &d.m_source}}) {
        const Result<QString> v = requiredString(root, member, rootPath, origin);
        if (!v)
            return v.error();
        *target = v.value();
    }

    const QJsonValue entries = root.value(QStringLiteral("entries"));
    if (!entries.isArray() || entries.toArray().isEmpty())
        return malformed(origin, QStringLiteral("$.entries"), QStringLiteral("应为非空数组"));
    const QJsonArray list = entries.toArray();
    d.m_entries.reserve(list.size());

    // Keys must be unambiguous among siblings, or a lookup could silently pick the wrong entry.
    QHash<QString, qsizetype> siblingKeys; // parent + '\n' + key -> entry index
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString path = QStringLiteral("$.entries[%1]").arg(i);
        Result<DictionaryEntry> parsed = parseEntry(list.at(i), path, origin);
        if (!parsed)
            return parsed.error();
        DictionaryEntry e = std::move(parsed).value();
        if (d.m_byCode.contains(e.code))
            return malformed(origin, path + QStringLiteral(".code"), QStringLiteral("代码 %1 重复").arg(e.code));

        QStringList keys{e.name};
        if (!e.shortName.isEmpty())
            keys.append(e.shortName);
        keys += e.aliases;
        for (const QString &k : std::as_const(keys)) {
            const QString sibling = e.parent + u'\n' + k;
            const auto it = siblingKeys.constFind(sibling);
            if (it != siblingKeys.cend() && it.value() != i) {
                return malformed(origin, path,
                                 QStringLiteral("名称或别名“%1”与 $.entries[%2] 重复").arg(k).arg(it.value()));
            }
            siblingKeys.insert(sibling, i);
        }

        d.m_byCode.insert(e.code, i);
        // Same names under different parents: a lookup without a parent finds the first in file order.
        if (!d.m_byName.contains(e.name))
            d.m_byName.insert(e.name, i);
        if (!e.shortName.isEmpty() && !d.m_byShortName.contains(e.shortName))
            d.m_byShortName.insert(e.shortName, i);
        for (const QString &alias : std::as_const(e.aliases)) {
            if (!d.m_byAlias.contains(alias))
                d.m_byAlias.insert(alias, i);
        }
        d.m_entries.append(std::move(e));
    }
    return d;
}

std::optional<DictionaryEntry> Dictionary::lookup(const QHash<QString, qsizetype> &index, QStringView text) const
{
    const auto it = index.constFind(key(text));
    if (it == index.cend())
        return std::nullopt;
    return m_entries.at(it.value());
}

std::optional<DictionaryEntry> Dictionary::byCode(QStringView code) const
{
    return lookup(m_byCode, code);
}

std::optional<DictionaryEntry> Dictionary::byName(QStringView name) const
{
    return lookup(m_byName, name);
}

std::optional<DictionaryEntry> Dictionary::byShortName(QStringView shortName) const
{
    return lookup(m_byShortName, shortName);
}

std::optional<DictionaryEntry> Dictionary::byAlias(QStringView alias) const
{
    return lookup(m_byAlias, alias);
}

std::optional<DictionaryEntry> Dictionary::find(QStringView text) const
{
    for (const auto *index : {&m_byCode, &m_byName, &m_byShortName, &m_byAlias}) {
        if (auto e = lookup(*index, text))
            return e;
    }
    return std::nullopt;
}

std::optional<DictionaryEntry> Dictionary::find(QStringView text, QStringView parent) const
{
    const QString k = key(text);
    const QString p = key(parent);
    if (k.isEmpty())
        return std::nullopt;
    for (const DictionaryEntry &e : m_entries) {
        if (e.parent == p && e.code == k)
            return e;
    }
    for (const DictionaryEntry &e : m_entries) {
        if (e.parent == p && (e.name == k || e.shortName == k || e.aliases.contains(k)))
            return e;
    }
    return std::nullopt;
}

QList<DictionaryEntry> Dictionary::entriesWithParent(QStringView parent) const
{
    const QString p = key(parent);
    QList<DictionaryEntry> out;
    for (const DictionaryEntry &e : m_entries) {
        if (e.parent == p)
            out.append(e);
    }
    return out;
}

QString Dictionary::nameOf(QStringView code) const
{
    const auto e = byCode(code);
    return e ? e->name : code.toString();
}

} // namespace shebao
