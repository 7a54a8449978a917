#include "models/cache/LocalCache.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>

#include "models/cache/CacheSchema.h"
#include "models/cache/PersonRecord.h"
#include "models/domain/JsonCodec.h"

namespace shebao {

static_assert(LocalCache::CurrentVersion == cache::SchemaVersion);

namespace {

// One function per message keeps each translate() call literal for lupdate.
QString cannotOpen()
{
    return QCoreApplication::translate("shebao::LocalCache", "The local cache cannot be opened.");
}

QString cannotRead()
{
    return QCoreApplication::translate("shebao::LocalCache", "The local cache cannot be read.");
}

QString cannotWrite()
{
    return QCoreApplication::translate("shebao::LocalCache", "The local cache cannot be written.");
}

QString notOpenText()
{
    return QCoreApplication::translate("shebao::LocalCache", "The local cache is not open.");
}

QString damaged()
{
    return QCoreApplication::translate("shebao::LocalCache", "The local cache is damaged; sync again.");
}

Error dbError(const QString &code, const QString &message, const QSqlError &error)
{
    return Error{code, message, error.text(), {}};
}

Error writeError(const QSqlError &error)
{
    return dbError(QStringLiteral("cache.write"), cannotWrite(), error);
}

Error notOpen()
{
    return Error{QStringLiteral("cache.closed"), notOpenText(), {}, {}};
}

const QString LastSyncKey = QStringLiteral("last_sync");

// QtSql binds a null QString as SQL NULL; the columns are NOT NULL and an absent value is "".
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

} // namespace

LocalCache::LocalCache()
{
    // QtSql connections are named per process; one per instance keeps caches independent.
    static std::atomic<quint64> counter{0};
    m_connection = QStringLiteral("shebao-cache-%1").arg(++counter);
}

LocalCache::~LocalCache()
{
    close();
}

Result<void> LocalCache::open(const QString &path)
{
    close();
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath())) {
        return Error{QStringLiteral("cache.open"), cannotOpen(),
                     QStringLiteral("cannot create %1").arg(info.absolutePath()), {}};
    }
    const bool existed = info.exists();
    QString failure;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
        db.setDatabaseName(path);
        if (!db.open()) {
            failure = db.lastError().text();
        } else {
            QSqlQuery q(db);
            // WAL: readers never block the writer; NORMAL is durable in WAL mode except for the
            // last transactions on power loss, which a re-sync restores.
            if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !q.next()
                || q.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
                failure = QStringLiteral("journal_mode=WAL refused: ") + q.lastError().text();
            else if (!q.exec(QStringLiteral("PRAGMA synchronous=NORMAL"))
                     || !q.exec(QStringLiteral("PRAGMA foreign_keys=ON")))
                failure = q.lastError().text();
        }
    }
    if (!failure.isEmpty()) {
        QSqlDatabase::removeDatabase(m_connection);
        return Error{QStringLiteral("cache.open"), cannotOpen(), failure, {}};
    }
    if (!existed) {
        // ID numbers and names are personal data: the file is for its owner only.
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    }
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (auto migrated = cache::migrate(db); !migrated) {
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connection);
        return migrated;
    }
    m_path = path;
    return {};
}

void LocalCache::close()
{
    if (!QSqlDatabase::contains(m_connection))
        return;
    if (m_syncing)
        abortPersonsSync();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
    m_path.clear();
}

bool LocalCache::isOpen() const
{
    return QSqlDatabase::contains(m_connection) && QSqlDatabase::database(m_connection, false).isOpen();
}

QString LocalCache::path() const
{
    return m_path;
}

QString LocalCache::connectionName() const
{
    return m_connection;
}

int LocalCache::schemaVersion() const
{
    if (!isOpen())
        return 0;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    return cache::storedVersion(db);
}

Result<void> LocalCache::replaceUnit(const Unit &unit)
{
    if (!isOpen())
        return notOpen();
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO unit(id, unit_no, json, updated_at) VALUES(1, ?, ?, ?)"));
    q.addBindValue(text(unit.unitNo));
    q.addBindValue(QString::fromUtf8(QJsonDocument(json::encode(unit)).toJson(QJsonDocument::Compact)));
    q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    if (!q.exec())
        return writeError(q.lastError());
    return {};
}

std::optional<Unit> LocalCache::unit() const
{
    if (!isOpen())
        return std::nullopt;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("SELECT json FROM unit WHERE id = 1")) || !q.next())
        return std::nullopt;
    const QJsonDocument doc = QJsonDocument::fromJson(q.value(0).toString().toUtf8());
    auto decoded = json::decodeUnit(doc.object());
    if (!decoded)
        return std::nullopt;
    return std::move(decoded).value();
}

Result<qint64> LocalCache::recordPrinted(const PrintedForm &form)
{
    if (!isOpen())
        return notOpen();
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("INSERT INTO printed_forms(form_id, title, at, pages, file, data_sha256)"
                             " VALUES(?, ?, ?, ?, ?, ?)"));
    q.addBindValue(text(form.formId));
    q.addBindValue(text(form.title));
    const QDateTime at = form.at.isValid() ? form.at : QDateTime::currentDateTimeUtc();
    q.addBindValue(at.toUTC().toString(Qt::ISODateWithMs));
    q.addBindValue(form.pages);
    q.addBindValue(form.file.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(form.file));
    q.addBindValue(QString::fromLatin1(form.dataSha256));
    if (!q.exec())
        return writeError(q.lastError());
    return q.lastInsertId().toLongLong();
}

Result<QList<PrintedForm>> LocalCache::printedForms(const QString &formId) const
{
    if (!isOpen())
        return notOpen();
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT id, form_id, title, at, pages, file, data_sha256 FROM printed_forms")
              + (formId.isEmpty() ? QString() : QStringLiteral(" WHERE form_id = ?"))
              + QStringLiteral(" ORDER BY at DESC, id DESC"));
    if (!formId.isEmpty())
        q.addBindValue(formId);
    if (!q.exec())
        return dbError(QStringLiteral("cache.read"), cannotRead(), q.lastError());
    QList<PrintedForm> list;
    while (q.next()) {
        PrintedForm form;
        form.id = q.value(0).toLongLong();
        form.formId = q.value(1).toString();
        form.title = q.value(2).toString();
        form.at = QDateTime::fromString(q.value(3).toString(), Qt::ISODateWithMs);
        form.pages = q.value(4).toInt();
        form.file = q.value(5).toString();
        form.dataSha256 = q.value(6).toString().toLatin1();
        list.append(form);
    }
    return list;
}

Result<void> LocalCache::beginPersonsSync()
{
    if (!isOpen())
        return notOpen();
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    // Leftovers of an interrupted sync (crash, kill) are dropped here.
    if (!q.exec(QStringLiteral("DELETE FROM persons_staging")))
        return writeError(q.lastError());
    m_syncing = true;
    return {};
}

Result<void> LocalCache::appendPersons(const QList<Person> &persons)
{
    if (!isOpen())
        return notOpen();
    if (!m_syncing) {
        return Error{QStringLiteral("cache.no_sync"), cannotWrite(),
                     QStringLiteral("appendPersons() without beginPersonsSync()"), {}};
    }
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    // One transaction per page: the staging table grows page by page, and drafts written by
    // other parts of the program in between are never tied to the fate of the sync.
    if (!db.transaction())
        return writeError(db.lastError());
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO persons_staging(id, id_number, record)"
                             " VALUES(:id, :id_number, :record)"));
    // Named placeholders: QtSql builds a string per positional bind, measurably slower at 100k rows.
    const QString id = QStringLiteral(":id");
    const QString idNumber = QStringLiteral(":id_number");
    const QString record = QStringLiteral(":record");
    for (const Person &p : persons) {
        q.bindValue(id, p.id);
        q.bindValue(idNumber, text(p.idNumber));
        q.bindValue(record, cache::packPerson(p));
        if (!q.exec()) {
            const QSqlError error = q.lastError();
            db.rollback();
            return writeError(error);
        }
    }
    if (!db.commit()) {
        const QSqlError error = db.lastError();
        db.rollback();
        return writeError(error);
    }
    return {};
}

Result<void> LocalCache::commitPersonsSync(const QDateTime &syncedAt)
{
    if (!isOpen())
        return notOpen();
    if (!m_syncing) {
        return Error{QStringLiteral("cache.no_sync"), cannotWrite(),
                     QStringLiteral("commitPersonsSync() without beginPersonsSync()"), {}};
    }
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.transaction())
        return writeError(db.lastError());
    // Swapping the tables is O(1) where copying 100,000 rows is not; DDL is transactional in
    // SQLite, so readers see either the old set or the new one.
    QSqlQuery q(db);
    const QStringList steps{
        QStringLiteral("DROP TABLE persons"),
        QStringLiteral("ALTER TABLE persons_staging RENAME TO persons"),
        cache::personsTableSql(QStringLiteral("persons_staging")),
    };
    for (const QString &step : steps) {
        if (!q.exec(step)) {
            const QSqlError error = q.lastError();
            db.rollback();
            return writeError(error);
        }
    }
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)"));
    q.addBindValue(LastSyncKey);
    q.addBindValue(syncedAt.toUTC().toString(Qt::ISODateWithMs));
    if (!q.exec() || !db.commit()) {
        const QSqlError error = q.lastError().isValid() ? q.lastError() : db.lastError();
        db.rollback();
        return writeError(error);
    }
    m_syncing = false;
    return {};
}

void LocalCache::abortPersonsSync()
{
    m_syncing = false;
    if (!isOpen())
        return;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.exec(QStringLiteral("DELETE FROM persons_staging"));
}

Result<QList<Person>> LocalCache::persons() const
{
    if (!isOpen())
        return notOpen();
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    QList<Person> result;
    result.reserve(qsizetype(personCount()));
    if (!q.exec(QStringLiteral("SELECT id, record FROM persons ORDER BY id")))
        return dbError(QStringLiteral("cache.read"), cannotRead(), q.lastError());
    cache::StringPool pool;
    while (q.next()) {
        Person p;
        p.id = q.value(0).toLongLong();
        const QByteArray record = q.value(1).toByteArray();
        if (!cache::unpackPerson(record, &p, &pool)) {
            return Error{QStringLiteral("cache.corrupt"), damaged(),
                         QStringLiteral("person %1: unreadable record").arg(p.id), {}};
        }
        result.append(std::move(p));
    }
    return result;
}

qint64 LocalCache::personCount() const
{
    if (!isOpen())
        return 0;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("SELECT count(*) FROM persons")) || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

QDateTime LocalCache::lastSync() const
{
    const QString text = meta(LastSyncKey);
    return text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::ISODateWithMs);
}

Result<void> LocalCache::setMeta(const QString &key, const QString &value)
{
    if (!isOpen())
        return notOpen();
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)"));
    q.addBindValue(key);
    q.addBindValue(text(value));
    if (!q.exec())
        return writeError(q.lastError());
    return {};
}

QString LocalCache::meta(const QString &key) const
{
    if (!isOpen())
        return {};
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    q.addBindValue(key);
    if (!q.exec() || !q.next())
        return {};
    return q.value(0).toString();
}

Result<void> LocalCache::checkIntegrity() const
{
    if (!isOpen())
        return notOpen();
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("PRAGMA integrity_check")))
        return dbError(QStringLiteral("cache.read"), cannotRead(), q.lastError());
    QStringList findings;
    while (q.next())
        findings << q.value(0).toString();
    if (findings == QStringList{QStringLiteral("ok")})
        return {};
    return Error{QStringLiteral("cache.corrupt"), damaged(),
                 findings.join(u'\n'), {}};
}

} // namespace shebao
