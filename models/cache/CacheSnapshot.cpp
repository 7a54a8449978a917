#include "models/cache/CacheSnapshot.h"

#include <QCoreApplication>
#include <QSqlRecord>

#include <cmath>

#include "models/cache/CacheTransaction.h"
#include "models/cache/LocalCache.h"

namespace shebao {

namespace {

const QString UnitNoKey = QStringLiteral("unit_no");

// One carried table: its name, the snapshot member it travels in, and the columns that say
// "this row is already here" (the merge skips such a row).
struct Table
{
    QString name;
    QJsonArray CacheSnapshot::*rows;
    QStringList identity;
};

const QList<Table> &tables()
{
    static const QList<Table> list{
        {QStringLiteral("drafts"), &CacheSnapshot::drafts,
         {QStringLiteral("kind"), QStringLiteral("title"), QStringLiteral("state"), QStringLiteral("updated_at")}},
        // The key is the submission's identity on the server too.
        {QStringLiteral("outbox"), &CacheSnapshot::outbox, {QStringLiteral("idempotency_key")}},
        {QStringLiteral("printed_forms"), &CacheSnapshot::printedForms,
         {QStringLiteral("form_id"), QStringLiteral("title"), QStringLiteral("at"), QStringLiteral("data_sha256")}},
    };
    return list;
}

Error contentError(const QString &detail)
{
    return Error{QStringLiteral("backup.content"),
                 QCoreApplication::translate("shebao::CacheSnapshot",
                                             "The backup's content is not readable: it was not written by this program "
                                             "or it is damaged."),
                 detail, {}};
}

QJsonValue toJson(const QVariant &value)
{
    if (value.isNull())
        return QJsonValue::Null;
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        return QJsonValue(value.toLongLong());
    case QMetaType::Double:
        return QJsonValue(value.toDouble());
    case QMetaType::QByteArray:
        return QJsonValue(QString::fromUtf8(value.toByteArray()));
    default:
        return QJsonValue(value.toString());
    }
}

// Strings, whole numbers and null: what the carried columns hold.
Result<QVariant> toSql(const QJsonValue &value, const QString &where)
{
    if (value.isString())
        return QVariant(value.toString());
    if (value.isNull())
        return QVariant(QMetaType(QMetaType::QString));
    if (value.isBool())
        return QVariant(value.toBool() ? 1 : 0);
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (std::isfinite(d) && std::floor(d) == d && std::abs(d) <= 9007199254740992.0)
            return QVariant(qint64(d));
    }
    return contentError(where + QStringLiteral(": not a string, whole number or null"));
}

} // namespace

QStringList CacheSnapshot::carriedMetaKeys()
{
    // The offline verifier ("offline_verifier") is deliberately absent: see the header.
    return {QStringLiteral("unit_name"), QStringLiteral("declaration.reporter"), QStringLiteral("declaration.phone")};
}

QJsonObject CacheSnapshot::toJson() const
{
    QJsonObject object{{QStringLiteral("schema_version"), schemaVersion},
                       {QStringLiteral("unit_no"), unitNo},
                       {QStringLiteral("meta"), meta}};
    for (const Table &table : tables())
        object.insert(table.name, this->*table.rows);
    return object;
}

Result<CacheSnapshot> CacheSnapshot::fromJson(const QJsonObject &object)
{
    CacheSnapshot snapshot;
    const QJsonValue version = object.value(QStringLiteral("schema_version"));
    const QJsonValue unitNo = object.value(QStringLiteral("unit_no"));
    const QJsonValue meta = object.value(QStringLiteral("meta"));
    if (!version.isDouble() || version.toDouble() < 1 || version.toDouble() > 1000000
        || version.toDouble() != std::floor(version.toDouble()))
        return contentError(QStringLiteral("schema_version"));
    if (!unitNo.isString() || unitNo.toString().isEmpty())
        return contentError(QStringLiteral("unit_no"));
    if (!meta.isObject())
        return contentError(QStringLiteral("meta"));
    snapshot.schemaVersion = version.toInt();
    snapshot.unitNo = unitNo.toString();
    const QJsonObject metaObject = meta.toObject();
    for (auto it = metaObject.begin(); it != metaObject.end(); ++it) {
        // Only the carried keys are ever taken: a crafted backup cannot plant a verifier.
        if (!it.value().isString() || !carriedMetaKeys().contains(it.key()))
            return contentError(QStringLiteral("meta.") + it.key());
    }
    snapshot.meta = metaObject;
    for (const Table &table : tables()) {
        const QJsonValue rows = object.value(table.name);
        if (!rows.isArray())
            return contentError(table.name);
        for (const QJsonValue &row : rows.toArray()) {
            if (!row.isObject())
                return contentError(table.name + QStringLiteral(": a row is not an object"));
        }
        snapshot.*table.rows = rows.toArray();
    }
    return snapshot;
}

Result<CacheSnapshot> takeSnapshot(LocalCache &cache)
{
    cache::Transaction t(cache);
    if (!t.begun())
        return t.begun().error();
    CacheSnapshot snapshot;
    snapshot.schemaVersion = cache.schemaVersion();
    snapshot.unitNo = cache.meta(UnitNoKey);
    for (const QString &key : CacheSnapshot::carriedMetaKeys()) {
        if (const QString value = cache.meta(key); !value.isEmpty())
            snapshot.meta.insert(key, value);
    }
    QSqlQuery q = t.query();
    q.setForwardOnly(true);
    for (const Table &table : tables()) {
        if (!q.exec(QStringLiteral("SELECT * FROM %1 ORDER BY id").arg(table.name)))
            return cache::readError(q.lastError());
        QJsonArray rows;
        while (q.next()) {
            const QSqlRecord record = q.record();
            QJsonObject row;
            for (int i = 0; i < record.count(); ++i) {
                if (record.fieldName(i) != u"id")
                    row.insert(record.fieldName(i), toJson(record.value(i)));
            }
            rows.append(row);
        }
        snapshot.*table.rows = rows;
    }
    return snapshot;
}

Result<SnapshotMerge> mergeSnapshot(LocalCache &cache, const CacheSnapshot &snapshot)
{
    if (snapshot.schemaVersion > LocalCache::CurrentVersion) {
        return Error{QStringLiteral("backup.too_new"),
                     QCoreApplication::translate("shebao::CacheSnapshot",
                                                 "The backup was made by a newer version of this program. Update the "
                                                 "program on this computer, then restore again."),
                     QStringLiteral("cache version %1, supported %2")
                         .arg(snapshot.schemaVersion)
                         .arg(LocalCache::CurrentVersion),
                     {}};
    }
    const QString cacheUnit = cache.meta(UnitNoKey);
    if (!cacheUnit.isEmpty() && cacheUnit != snapshot.unitNo) {
        return Error{QStringLiteral("backup.other_unit"),
                     QCoreApplication::translate("shebao::CacheSnapshot",
                                                 "The backup belongs to unit %1, this local cache to unit %2: one "
                                                 "unit's data is never restored into another's.")
                         .arg(snapshot.unitNo, cacheUnit),
                     {}, {}};
    }
    cache::Transaction t(cache);
    if (!t.begun())
        return t.begun().error();
    SnapshotMerge merge;
    QSqlQuery q = t.query();
    for (const Table &table : tables()) {
        QStringList columns;
        const QSqlRecord local = t.db().record(table.name);
        for (int i = 0; i < local.count(); ++i)
            columns << local.fieldName(i);
        int row = 0;
        for (const QJsonValue &value : snapshot.*table.rows) {
            ++row;
            const QJsonObject object = value.toObject();
            const QString where = QStringLiteral("%1 row %2").arg(table.name).arg(row);
            QVariantList identity;
            QStringList conditions;
            for (const QString &column : table.identity) {
                if (!object.value(column).isString())
                    return contentError(where + QStringLiteral(": ") + column);
                identity << object.value(column).toString();
                conditions << column + QStringLiteral(" = ?");
            }
            q.prepare(QStringLiteral("SELECT 1 FROM %1 WHERE %2").arg(table.name, conditions.join(QStringLiteral(" AND "))));
            for (const QVariant &v : std::as_const(identity))
                q.addBindValue(v);
            if (!q.exec())
                return cache::readError(q.lastError());
            if (q.next()) {
                ++merge.skipped;
                continue;
            }
            QStringList names;
            QVariantList values;
            for (auto it = object.begin(); it != object.end(); ++it) {
                if (it.key() == u"id" || !columns.contains(it.key()))
                    return contentError(where + QStringLiteral(": unknown column ") + it.key());
                Result<QVariant> sql = toSql(it.value(), where + QStringLiteral(": ") + it.key());
                if (!sql)
                    return sql.error();
                names << it.key();
                values << sql.value();
            }
            q.prepare(QStringLiteral("INSERT INTO %1(%2) VALUES(%3)")
                          .arg(table.name, names.join(QStringLiteral(", ")),
                               QStringList(names.size(), QStringLiteral("?")).join(QStringLiteral(", "))));
            for (const QVariant &v : std::as_const(values))
                q.addBindValue(v);
            // NOT NULL and CHECK constraints refuse what the shape check let through.
            if (!q.exec())
                return contentError(where + QStringLiteral(": ") + q.lastError().text());
            if (table.name == u"drafts")
                ++merge.draftsAdded;
            else if (table.name == u"outbox")
                ++merge.outboxAdded;
            else
                ++merge.printedFormsAdded;
        }
    }
    QJsonObject meta = snapshot.meta;
    meta.insert(UnitNoKey, snapshot.unitNo);
    for (auto it = meta.begin(); it != meta.end(); ++it) {
        q.prepare(QStringLiteral("INSERT OR IGNORE INTO meta(key, value) VALUES(?, ?)"));
        q.addBindValue(it.key());
        q.addBindValue(it.value().toString());
        if (!q.exec())
            return cache::writeError(q.lastError());
    }
    if (Result<void> committed = t.commit(); !committed)
        return committed.error();
    return merge;
}

} // namespace shebao
