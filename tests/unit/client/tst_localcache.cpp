#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include "models/cache/LocalCache.h"

using namespace shebao;

namespace {

Person makePerson(qint64 id, int enrolments = 5)
{
    Person p;
    p.id = id;
    p.personNo = QStringLiteral("P%1").arg(id, 9, 10, QLatin1Char('0'));
    p.name = QStringLiteral("张三%1").arg(id % 97);
    p.idNumber = QStringLiteral("43010419900101%1").arg(id % 10000, 4, 10, QLatin1Char('0'));
    p.gender = id % 2 ? QStringLiteral("1") : QStringLiteral("2");
    p.birthDate = QStringLiteral("1990-01-01");
    p.ethnicity = QStringLiteral("01");
    p.hukou = QStringLiteral("10");
    p.employmentForm = QStringLiteral("1");
    p.identity = QStringLiteral("11");
    p.workStartDate = QStringLiteral("2012-07-01");
    p.phone = QStringLiteral("13800138000");
    static const QStringList insurances{QStringLiteral("110"), QStringLiteral("210"), QStringLiteral("310"),
                                        QStringLiteral("410"), QStringLiteral("510")};
    for (int i = 0; i < enrolments; ++i) {
        Enrolment e;
        e.insurance = insurances.at(i % insurances.size());
        e.startMonth = QStringLiteral("2019-0%1").arg(1 + i % 9);
        e.endMonth = i % 3 == 2 ? QStringLiteral("2022-12") : QString();
        e.status = i % 3 == 2 ? EnrolmentStatus::Terminated : (i % 4 == 1 ? EnrolmentStatus::Suspended
                                                                           : EnrolmentStatus::Active);
        e.wageBase = Money::fromFen(500000 + id);
        p.enrolments.append(e);
    }
    return p;
}

QList<Person> makePersons(qint64 from, qint64 count)
{
    QList<Person> list;
    for (qint64 id = from; id < from + count; ++id)
        list.append(makePerson(id));
    return list;
}

Unit makeUnit()
{
    Unit u;
    u.unitNo = QStringLiteral("43010000001");
    u.name = QStringLiteral("长沙示例科技有限公司");
    u.creditCode = QStringLiteral("91430100MA4L0000X1");
    u.riskClass = 2;
    u.level = AccountLevel::Authorized;
    return u;
}

void syncIn(LocalCache &cache, const QList<Person> &persons)
{
    QVERIFY(cache.beginPersonsSync().ok());
    QVERIFY(cache.appendPersons(persons).ok());
    QVERIFY(cache.commitPersonsSync(QDateTime::currentDateTimeUtc()).ok());
}

} // namespace

class TestLocalCache : public QObject
{
    Q_OBJECT

private slots:
    void init() { QVERIFY(m_dir.isValid()); m_path = m_dir.filePath(QStringLiteral("sub/dir/43010000001.sqlite")); }
    void cleanup()
    {
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(m_path + suffix);
    }

    void openCreatesFoldersAndSchema()
    {
        LocalCache cache;
        QVERIFY(!cache.isOpen());
        QCOMPARE(cache.persons().error().code, QStringLiteral("cache.closed"));
        const auto opened = cache.open(m_path);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().detail));
        QVERIFY(cache.isOpen());
        QCOMPARE(cache.path(), m_path);
        QCOMPARE(cache.schemaVersion(), LocalCache::CurrentVersion);
        QCOMPARE(cache.meta(QStringLiteral("version")), QString::number(LocalCache::CurrentVersion));
        QCOMPARE(cache.personCount(), 0);
        QVERIFY(!cache.lastSync().isValid());
        QVERIFY(!cache.unit().has_value());
        QVERIFY(QFile::permissions(m_path).testFlag(QFile::ReadOwner));
        QVERIFY(!QFile::permissions(m_path).testFlag(QFile::ReadOther));
    }

    void walModeIsOn()
    {
        LocalCache cache;
        QVERIFY(cache.open(m_path).ok());
        // journal_mode=WAL is a property of the file: an independent connection sees it.
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("probe"));
            db.setDatabaseName(m_path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("probe"));
        QSqlDatabase own = QSqlDatabase::database(cache.connectionName(), false);
        QSqlQuery q(own);
        QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QVERIFY(q.exec(QStringLiteral("PRAGMA synchronous")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1); // NORMAL
    }

    void twoInstancesAreIndependent()
    {
        LocalCache a;
        LocalCache b;
        QVERIFY(a.open(m_path).ok());
        QVERIFY(b.open(m_dir.filePath(QStringLiteral("other.sqlite"))).ok());
        QVERIFY(a.connectionName() != b.connectionName());
        syncIn(a, makePersons(1, 3));
        QCOMPARE(a.personCount(), 3);
        QCOMPARE(b.personCount(), 0);
    }

    void reopenKeepsData()
    {
        const QList<Person> persons = makePersons(10, 25);
        {
            LocalCache cache;
            QVERIFY(cache.open(m_path).ok());
            QVERIFY(cache.replaceUnit(makeUnit()).ok());
            syncIn(cache, persons);
            QVERIFY(cache.setMeta(QStringLiteral("offline_verifier"), QStringLiteral("v")).ok());
        }
        LocalCache cache;
        QVERIFY(cache.open(m_path).ok());
        QCOMPARE(cache.unit().value(), makeUnit());
        const auto loaded = cache.persons();
        QVERIFY(loaded.ok());
        QCOMPARE(loaded.value(), persons);
        QVERIFY(cache.lastSync().isValid());
        QCOMPARE(cache.meta(QStringLiteral("offline_verifier")), QStringLiteral("v"));
    }

    void replaceUnitOverwrites()
    {
        LocalCache cache;
        QVERIFY(cache.open(m_path).ok());
        Unit unit = makeUnit();
        QVERIFY(cache.replaceUnit(unit).ok());
        unit.name = QStringLiteral("新名称");
        unit.level = AccountLevel::Certificate;
        QVERIFY(cache.replaceUnit(unit).ok());
        QCOMPARE(cache.unit().value(), unit);
    }

    void migratesAnOldFile()
    {
        // A version-0 file: a meta table but no version row and no tables yet.
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
            db.setDatabaseName(m_dir.filePath(QStringLiteral("old.sqlite")));
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO meta VALUES('offline_verifier', 'kept')")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("old"));
        LocalCache cache;
        QVERIFY(cache.open(m_dir.filePath(QStringLiteral("old.sqlite"))).ok());
        QCOMPARE(cache.schemaVersion(), LocalCache::CurrentVersion);
        QCOMPARE(cache.meta(QStringLiteral("offline_verifier")), QStringLiteral("kept"));
        syncIn(cache, makePersons(1, 2));
        QCOMPARE(cache.personCount(), 2);
    }

    void refusesANewerFile()
    {
        {
            LocalCache cache;
            QVERIFY(cache.open(m_path).ok());
            QVERIFY(cache.setMeta(QStringLiteral("version"), QStringLiteral("99")).ok());
        }
        LocalCache cache;
        const auto opened = cache.open(m_path);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, QStringLiteral("cache.too_new"));
        QVERIFY(!cache.isOpen());
    }

    void refusesAFileThatIsNoDatabase()
    {
        QDir().mkpath(QFileInfo(m_path).absolutePath());
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
        file.close();
        LocalCache cache;
        const auto opened = cache.open(m_path);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, QStringLiteral("cache.open"));
        QVERIFY(!cache.isOpen());
    }

    void syncCommitSwapsTheSet()
    {
        LocalCache cache;
        QVERIFY(cache.open(m_path).ok());
        syncIn(cache, makePersons(1, 5));
        const QDateTime first = cache.lastSync();

        QVERIFY(cache.beginPersonsSync().ok());
        QVERIFY(cache.appendPersons(makePersons(100, 3)).ok());
        QVERIFY(cache.appendPersons(makePersons(200, 4)).ok());
        // Until the commit, readers see the previous set.
        QCOMPARE(cache.personCount(), 5);
        QCOMPARE(cache.persons().value().first().id, 1);
        const QDateTime at = QDateTime::currentDateTimeUtc().addSecs(5);
        QVERIFY(cache.commitPersonsSync(at).ok());
        QCOMPARE(cache.personCount(), 7);
        const auto persons = cache.persons().value();
        QCOMPARE(persons.first().id, 100);
        QCOMPARE(persons.last().id, 203);
        QCOMPARE(cache.lastSync().toMSecsSinceEpoch(), at.toMSecsSinceEpoch());
        QVERIFY(cache.lastSync() != first);
        QVERIFY(cache.checkIntegrity().ok());
    }

    void abortKeepsThePreviousSet()
    {
        LocalCache cache;
        QVERIFY(cache.open(m_path).ok());
        syncIn(cache, makePersons(1, 5));
        QVERIFY(cache.beginPersonsSync().ok());
        QVERIFY(cache.appendPersons(makePersons(50, 9)).ok());
        cache.abortPersonsSync();
        QCOMPARE(cache.personCount(), 5);
        QCOMPARE(cache.appendPersons(makePersons(60, 1)).error().code, QStringLiteral("cache.no_sync"));
        QCOMPARE(cache.commitPersonsSync(QDateTime::currentDateTimeUtc()).error().code,
                 QStringLiteral("cache.no_sync"));
        QCOMPARE(cache.persons().value(), makePersons(1, 5));
    }

    void closingMidSyncKeepsThePreviousSet()
    {
        {
            LocalCache cache;
            QVERIFY(cache.open(m_path).ok());
            syncIn(cache, makePersons(1, 4));
            QVERIFY(cache.beginPersonsSync().ok());
            QVERIFY(cache.appendPersons(makePersons(70, 6)).ok());
        } // destroyed without commit
        LocalCache cache;
        QVERIFY(cache.open(m_path).ok());
        QCOMPARE(cache.persons().value(), makePersons(1, 4));
        // A new sync starts from an empty staging table, whatever an interrupted one left.
        syncIn(cache, makePersons(500, 2));
        QCOMPARE(cache.persons().value(), makePersons(500, 2));
    }

    void personsAreOrderedById()
    {
        LocalCache cache;
        QVERIFY(cache.open(m_path).ok());
        QList<Person> persons{makePerson(30), makePerson(4), makePerson(1000), makePerson(7)};
        syncIn(cache, persons);
        const auto loaded = cache.persons();
        QVERIFY(loaded.ok());
        QList<qint64> ids;
        for (const Person &p : loaded.value())
            ids << p.id;
        QCOMPARE(ids, (QList<qint64>{4, 7, 30, 1000}));
    }

    void personRoundTrip_data()
    {
        QTest::addColumn<Person>("person");
        QTest::newRow("typical") << makePerson(1);
        QTest::newRow("no enrolments") << makePerson(2, 0);
        QTest::newRow("many enrolments") << makePerson(3, 40);
        Person odd = makePerson(4, 2);
        odd.name = QStringLiteral("阿依古丽·买买提\U0001F600");
        odd.phone.clear();
        odd.enrolments[0].wageBase = Money::fromFen(-123);
        odd.enrolments[1].wageBase = Money::fromFen(std::numeric_limits<qint64>::max());
        odd.idNumber = QString(300, u'x'); // long strings need multi-byte lengths
        QTest::newRow("odd values") << odd;
        Person sparse; // what a minimal server answer decodes to: null strings
        sparse.id = 5;
        sparse.enrolments.append(Enrolment{});
        QTest::newRow("null fields") << sparse;
    }

    void personRoundTrip()
    {
        QFETCH(Person, person);
        LocalCache cache;
        QVERIFY(cache.open(m_path).ok());
        syncIn(cache, {person});
        const auto loaded = cache.persons();
        QVERIFY(loaded.ok());
        QCOMPARE(loaded.value().size(), 1);
        QCOMPARE(loaded.value().first(), person);
    }

    void damagedRecordIsReported()
    {
        LocalCache cache;
        QVERIFY(cache.open(m_path).ok());
        syncIn(cache, makePersons(1, 2));
        QSqlQuery q(QSqlDatabase::database(cache.connectionName(), false));
        QVERIFY(q.exec(QStringLiteral("UPDATE persons SET record = x'0105' WHERE id = 2")));
        const auto loaded = cache.persons();
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code, QStringLiteral("cache.corrupt"));
    }

    void metaValues()
    {
        LocalCache cache;
        QVERIFY(cache.meta(QStringLiteral("x")).isEmpty());
        QVERIFY(!cache.setMeta(QStringLiteral("x"), QStringLiteral("1")).ok());
        QVERIFY(cache.open(m_path).ok());
        QVERIFY(cache.meta(QStringLiteral("x")).isEmpty());
        QVERIFY(cache.setMeta(QStringLiteral("x"), QStringLiteral("1")).ok());
        QVERIFY(cache.setMeta(QStringLiteral("x"), QStringLiteral("二")).ok());
        QCOMPARE(cache.meta(QStringLiteral("x")), QStringLiteral("二"));
        QVERIFY(cache.setMeta(QStringLiteral("x"), QString()).ok());
        QVERIFY(cache.meta(QStringLiteral("x")).isEmpty());
    }

    // 100,000 people with 5 periods each: the figures of the first-sync budget (printed).
    void hundredThousandPeople()
    {
        const qint64 count = 100000;
        const QList<Person> persons = makePersons(1, count);
        LocalCache cache;
        QVERIFY(cache.open(m_path).ok());
        QElapsedTimer timer;
        timer.start();
        QVERIFY(cache.beginPersonsSync().ok());
        for (qint64 at = 0; at < count; at += 5000)
            QVERIFY(cache.appendPersons(persons.mid(at, 5000)).ok());
        QVERIFY(cache.commitPersonsSync(QDateTime::currentDateTimeUtc()).ok());
        const qint64 writeMs = timer.restart();
        const auto loaded = cache.persons();
        const qint64 readMs = timer.elapsed();
        QVERIFY(loaded.ok());
        QCOMPARE(loaded.value().size(), count);
        QCOMPARE(loaded.value().at(54321), persons.at(54321));
        QCOMPARE(loaded.value().last(), persons.last());
        qInfo("cache: write of %lld people in pages of 5000: %lld ms; persons(): %lld ms", count, writeMs, readMs);
        QVERIFY(cache.checkIntegrity().ok());
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
};

QTEST_GUILESS_MAIN(TestLocalCache)
#include "tst_localcache.moc"
