#pragma once

#include "models/core/Result.h"
#include "models/dictionaries/DictionaryEntry.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace shebao {

// A code table loaded from a "shebao-dict/1" JSON file:
//   {"format": "shebao-dict/1", "id": "hukou", "title": "户口性质", "source": "...",
//    "entries": [{"code": "1", "name": "城镇", "short": "...", "aliases": ["非农业"],
//                 "parent": "...", "historic": false}, ...]}
// Lookups fold full-width forms and trim, so "０１" and " 汉族 " find 01 汉族. Codes are unique;
// names, short names and aliases are unique among entries with the same parent.
class Dictionary
{
public:
    Dictionary() = default;

    // A resource path (":/data/dictionaries/hukou.json") or a file. Errors: dict.unreadable,
    // dict.malformed (the message names the JSON path, e.g. "$.entries[3].code").
    static Result<Dictionary> load(const QString &path);
    static Result<Dictionary> fromJson(const QByteArray &json, const QString &origin = QString());

    QString id() const { return m_id; }
    QString title() const { return m_title; }
    QString source() const { return m_source; }
    QString origin() const { return m_origin; } // the path it was loaded from
    bool isEmpty() const { return m_entries.isEmpty(); }
    qsizetype size() const { return m_entries.size(); }
    const QList<DictionaryEntry> &entries() const { return m_entries; } // in file order

    std::optional<DictionaryEntry> byCode(QStringView code) const;
    std::optional<DictionaryEntry> byName(QStringView name) const;
    std::optional<DictionaryEntry> byShortName(QStringView shortName) const;
    std::optional<DictionaryEntry> byAlias(QStringView alias) const;
    // What a user typed: a code, name, short name or alias, tried in that order.
    std::optional<DictionaryEntry> find(QStringView text) const;
    // The same, restricted to the children of `parent` (变更原因 of 停保).
    std::optional<DictionaryEntry> find(QStringView text, QStringView parent) const;
    QList<DictionaryEntry> entriesWithParent(QStringView parent) const;
    // The display name of a code, or the code itself when it is unknown.
    QString nameOf(QStringView code) const;

private:
    std::optional<DictionaryEntry> lookup(const QHash<QString, qsizetype> &index, QStringView key) const;

    QString m_id;
    QString m_title;
    QString m_source;
    QString m_origin;
    QList<DictionaryEntry> m_entries;
    QHash<QString, qsizetype> m_byCode;
    QHash<QString, qsizetype> m_byName;
    QHash<QString, qsizetype> m_byShortName;
    QHash<QString, qsizetype> m_byAlias;
};

} // namespace shebao
