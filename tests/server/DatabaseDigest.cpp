#include "DatabaseDigest.h"

#include <QCryptographicHash>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

#include <algorithm>

#include "server/Database.h"

namespace shebao::test {

namespace {

QStringList tables(server::Database &db)
{
    const QString sql = db.dialect() == server::Database::Dialect::Postgres
        ? QStringLiteral("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename")
        : QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
    QStringList names;
    auto q = db.exec(sql);
    while (q && q.value().next())
        names << q.value().value(0).toString();
    return names;
}

QByteArray rowsDigest(server::Database &db, const QString &sql, const QVariantList &values)
{
    auto q = db.exec(sql, values);
    if (!q)
        return QByteArrayLiteral("error: ") + q.error().detail.toUtf8();
    QList<QByteArray> rows;
    while (q.value().next()) {
        QByteArray row;
        const QSqlRecord record = q.value().record();
        for (int i = 0; i < record.count(); ++i)
            row += record.fieldName(i).toUtf8() + '=' + q.value().value(i).toByteArray().toHex() + ';';
        rows << row;
    }
    std::sort(rows.begin(), rows.end());
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QByteArray &row : std::as_const(rows))
        hash.addData(row + '\n');
    return hash.result().toHex();
}

bool hasUnitId(server::Database &db, const QString &table)
{
    auto q = db.exec(QStringLiteral("SELECT * FROM %1 WHERE 1 = 0").arg(table));
    return q && q.value().record().contains(QStringLiteral("unit_id"));
}

} // namespace

Digest databaseDigest(server::Database &db, const QStringList &excluded)
{
    Digest digest;
    for (const QString &table : tables(db)) {
        if (!excluded.contains(table))
            digest.insert(table, rowsDigest(db, QStringLiteral("SELECT * FROM %1").arg(table), {}));
    }
    return digest;
}

Digest unitDigest(server::Database &db, qint64 unitId, const QStringList &excluded)
{
    Digest digest;
    digest.insert(QStringLiteral("units"), rowsDigest(db, QStringLiteral("SELECT * FROM units WHERE id = ?"), {unitId}));
    for (const QString &table : tables(db)) {
        if (!excluded.contains(table) && hasUnitId(db, table))
            digest.insert(table, rowsDigest(db, QStringLiteral("SELECT * FROM %1 WHERE unit_id = ?").arg(table), {unitId}));
    }
    return digest;
}

QStringList changedTables(const Digest &before, const Digest &after)
{
    QStringList changed;
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        if (before.value(it.key()) != it.value())
            changed << it.key();
    }
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (!after.contains(it.key()))
            changed << it.key();
    }
    changed.sort();
    return changed;
}

} // namespace shebao::test
