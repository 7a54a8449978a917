#include "server/BulkInsert.h"

#include <QStringList>

#include "server/Database.h"

namespace shebao::server {

namespace {

bool isNullValue(const QVariant &v)
{
    return v.isNull() || (v.metaType() == QMetaType::fromType<QString>() && v.toString().isNull());
}

// One element of a PostgreSQL array literal: NULL, or a double-quoted, backslash-escaped string.
void appendElement(QString &out, const QVariant &v)
{
    if (isNullValue(v)) {
        out += QLatin1String("NULL");
        return;
    }
    QString s = v.toString();
    s.replace(u'\\', QLatin1String("\\\\"));
    s.replace(u'"', QLatin1String("\\\""));
    out += u'"';
    out += s;
    out += u'"';
}

} // namespace

BulkInsert::BulkInsert(Database &db, const QString &table, const QList<Column> &columns, int batchRows)
    : m_db(db), m_table(table), m_columns(columns), m_postgres(db.dialect() == Database::Dialect::Postgres)
{
    m_batch = m_postgres ? batchRows : SqliteBatch;
}

Result<void> BulkInsert::add(const QVariantList &row)
{
    m_rows += row;
    if (m_rows.size() >= qsizetype(m_batch) * m_columns.size())
        return flush();
    return {};
}

Result<void> BulkInsert::flush()
{
    if (m_rows.isEmpty())
        return {};
    if (m_parent) {
        if (auto r = m_parent->flush(); !r)
            return r;
    }
    auto r = m_postgres ? flushPostgres() : flushSqlite();
    m_rows.clear();
    return r;
}

Result<void> BulkInsert::flushSqlite()
{
    const qsizetype width = m_columns.size();
    const int rows = int(m_rows.size() / width);
    auto prepare = [&](std::optional<QSqlQuery> &query, int count) -> Result<void> {
        if (query)
            return {};
        QStringList names;
        for (const Column &c : std::as_const(m_columns))
            names << c.name;
        const QString one = u'(' + QStringList(width, QStringLiteral("?")).join(u',') + u')';
        const QString sql = QStringLiteral("INSERT INTO %1 (%2) VALUES %3")
                                .arg(m_table, names.join(u','), QStringList(count, one).join(u','));
        query.emplace(m_db.query());
        if (!query->prepare(sql))
            return Database::sqlError(*query, sql);
        return {};
    };
    std::optional<QSqlQuery> &query = rows == m_batch ? m_multi : m_single;
    if (auto r = prepare(query, rows == m_batch ? m_batch : 1); !r)
        return r;
    const int perStatement = rows == m_batch ? m_batch : 1;
    for (int first = 0; first < rows; first += perStatement) {
        for (qsizetype i = 0; i < perStatement * width; ++i)
            query->bindValue(int(i), m_rows.at(first * width + i));
        if (!query->exec())
            return Database::sqlError(*query, QStringLiteral("insert into ") + m_table);
    }
    return {};
}

Result<void> BulkInsert::flushPostgres()
{
    const qsizetype width = m_columns.size();
    const qsizetype rows = m_rows.size() / width;
    QStringList names, arrays;
    QVariantList values;
    for (qsizetype c = 0; c < width; ++c) {
        names << m_columns.at(c).name;
        arrays << QStringLiteral("?::%1[]").arg(m_columns.at(c).pgType);
        QString literal;
        literal.reserve(rows * 12);
        literal += u'{';
        for (qsizetype row = 0; row < rows; ++row) {
            if (row)
                literal += u',';
            appendElement(literal, m_rows.at(row * width + c));
        }
        literal += u'}';
        values << literal;
    }
    const QString sql = QStringLiteral("INSERT INTO %1 (%2) SELECT * FROM unnest(%3)")
                            .arg(m_table, names.join(u','), arrays.join(u','));
    auto r = m_db.exec(sql, values);
    if (!r)
        return r.error();
    return {};
}

} // namespace shebao::server
