#include <QElapsedTimer>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

#include "models/cache/LocalCache.h"
#include "models/cache/OutboxStore.h"
#include "models/declaration/DeclarationJson.h"

using namespace shebao;

namespace {

DeclarationItem addItem(int n)
{
    DeclarationItem item;
    item.kind = DeclarationKind::Add;
    item.name = QStringLiteral("张三%1").arg(n);
    item.idNumber = QStringLiteral("43010219900101%1").arg(n, 4, 10, QLatin1Char('0'));
    item.person.gender = QStringLiteral("1");
    item.person.birthDate = QStringLiteral("1990-01-01");
    item.person.ethnicity = QStringLiteral("01");
    item.person.hukou = QStringLiteral("10");
    item.person.employmentForm = QStringLiteral("1");
    item.person.workStartDate = QStringLiteral("2012-07-01");
    item.person.phone = QStringLiteral("13800138000");
    item.insurances = {QStringLiteral("110"), QStringLiteral("210"), QStringLiteral("410")};
    item.startMonth = QStringLiteral("2026-12");
    item.wage = Money::fromFen(512345);
    return item;
}

DeclarationItem reduceItem()
{
    DeclarationItem item;
    item.kind = DeclarationKind::Reduce;
    item.name = QStringLiteral("阿依古丽·买买提");
    item.idNumber = QStringLiteral("65010219850505123X");
    item.changeType = QStringLiteral("2");
    item.changeReason = QStringLiteral("21");
    item.stopMonth = QStringLiteral("2026-11");
    return item;
}

Error refusal()
{
    return Error{QStringLiteral("person.enrolled"), QStringLiteral("该人员已在其他单位参保，不能新增。"),
                 QStringLiteral("{\"code\":\"person.enrolled\",\"status\":409}"), QStringLiteral("id_number")};
}

Error offline()
{
    return Error{QStringLiteral("net.unreachable"), QStringLiteral("Cannot connect to the server."),
                 QStringLiteral("Connection refused"), {}};
}

Person makePerson(qint64 id)
{
    Person p;
    p.id = id;
    p.personNo = QStringLiteral("P%1").arg(id);
    p.name = QStringLiteral("王五");
    p.idNumber = QStringLiteral("430104199001011234");
    Enrolment e;
    e.insurance = QStringLiteral("110");
    e.startMonth = QStringLiteral("2020-01");
    e.wageBase = Money::fromFen(400000);
    p.enrolments.append(e);
    return p;
}

} // namespace

// The outbox in a real SQLite cache file: entries keep their idempotency key through every
// attempt, settle as Sent (with the server's item) or Refused (with the server's error), and
// survive closing and reopening the file. Also the v2 -> v3 migration that adds the table.
class TestOutboxStore : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("outbox-%1.sqlite").arg(++m_n));
    }

    void enqueueRoundTrip()
    {
        LocalCache cache;
        QVERIFY(cache.open(m_path).ok());
        OutboxStore store(cache);
        const auto entry = store.enqueue(addItem(1));
        QVERIFY2(entry.ok(), qPrintable(entry.ok() ? QString() : entry.error().detail));
        const OutboxEntry &e = entry.value();
        QVERIFY(e.id > 0);
        QVERIFY(!QUuid::fromString(e.idempotencyKey).isNull());
        QCOMPARE(e.state, OutboxEntry::State::Queued);
        QCOMPARE(e.attempts, 0);
        QVERIFY(e.error.code.isEmpty());
        QCOMPARE(e.item, addItem(1));
        QVERIFY(e.chunkKey.isEmpty());
        // The request is exactly what the API takes, and nothing the server sets.
        QCOMPARE(e.request, QJsonDocument(json::encodeItemRequest(addItem(1))).toJson(QJsonDocument::Compact));
        const auto read = store.entry(e.id);
        QVERIFY(read.ok() && read.value().has_value());
        QCOMPARE(*read.value(), e);

        const auto reduce = store.enqueue(reduceItem());
        QVERIFY(reduce.ok());
        QCOMPARE(store.entry(reduce.value().id).value()->item, reduceItem());
        QVERIFY(reduce.value().idempotencyKey != e.idempotencyKey);
    }

    void attemptsKeepTheKey()
    {
        LocalCache cache;
        QVERIFY(cache.open(m_path).ok());
        OutboxStore store(cache);
        const OutboxEntry e = store.enqueue(addItem(1)).value();
        for (int i = 0; i < 2; ++i) {
            QVERIFY(store.markSending({e.id}).ok());
            QVERIFY(store.markAttempt(e.id, offline()).ok());
        }
        const OutboxEntry after = *store.entry(e.id).value();
        QCOMPARE(after.state, OutboxEntry::State::Queued);
        QCOMPARE(after.attempts, 2);
        QCOMPARE(after.error, offline());
        QCOMPARE(after.idempotencyKey, e.idempotencyKey);
        QCOMPARE(after.request, e.request);
        QVERIFY(after.updatedAt >= e.updatedAt);
    }

    void sentKeepsTheServersItem()
    {
        LocalCache cache;
        QVERIFY(cache.open(m_path).ok());
        OutboxStore store(cache);
        const OutboxEntry e = store.enqueue(addItem(1)).value();
        QVERIFY(store.markSending({e.id}).ok());
        QVERIFY(store.markAttempt(e.id, offline()).ok());
        QVERIFY(store.markSending({e.id}).ok());
        DeclarationItem server = addItem(1);
        server.id = 17;
        server.itemNo = QStringLiteral("YD2026120400017");
        server.base = Money::fromFen(512345);
        server.warnings = {DeclarationNotice{QStringLiteral("wage.out_of_range"), QStringLiteral("工资基数高于上限"),
                                             QStringLiteral("wage")}};
        server.createdAt = QDateTime(QDate(2026, 12, 4), QTime(1, 2, 3), Qt::UTC);
        QVERIFY(store.markSent(e.id, server).ok());
        const OutboxEntry sent = *store.entry(e.id).value();
        QCOMPARE(sent.state, OutboxEntry::State::Sent);
        QCOMPARE(sent.item, server);
        QVERIFY(sent.error.code.isEmpty());
        QCOMPARE(sent.attempts, 2);
        // A settled entry takes no further attempts.
        QCOMPARE(store.markAttempt(e.id, offline()).error().code, QStringLiteral("outbox.unknown"));
        QCOMPARE(store.markSending({e.id}).error().code, QStringLiteral("outbox.unknown"));
    }

    // The try is on disk before the request leaves: a process killed while it is out finds the
    // entry counted as possibly received when it opens the cache again.
    void aSendInFlightIsCountedBeforeTheAnswer()
    {
        qint64 id = 0;
        qint64 other = 0;
        {
            LocalCache cache;
            QVERIFY(cache.open(m_path).ok());
            OutboxStore store(cache);
            const auto chunk = store.enqueueMany({addItem(1), addItem(2)}, 2);
            QVERIFY(chunk.ok());
            id = chunk.value().at(0).id;
            other = chunk.value().at(1).id;
            QVERIFY(store.markSending({id, other}).ok());
        } // closed without an answer: the "kill"
        LocalCache cache;
        QVERIFY(cache.open(m_path).ok());
        OutboxStore store(cache);
        for (qint64 each : {id, other}) {
            const OutboxEntry e = *store.entry(each).value();
            QCOMPARE(e.state, OutboxEntry::State::Queued);
            QCOMPARE(e.attempts, 1);
            QVERIFY(!e.chunkKey.isEmpty()); // the replay is the same chunk under the same key
        }
        // One unknown id fails the whole mark: nothing is counted half.
        QCOMPARE(store.markSending({id, 999999}).error().code, QStringLiteral("outbox.unknown"));
        QCOMPARE(store.entry(id).value()->attempts, 1);
    }

    void purgeRemovesOnlyOldSentEntries()
    {
        LocalCache cache;
        QVERIFY(cache.open(m_path).ok());
        OutboxStore store(cache);
        const OutboxEntry oldSent = store.enqueue(addItem(1)).value();
        const OutboxEntry newSent = store.enqueue(addItem(2)).value();
        const OutboxEntry oldQueued = store.enqueue(addItem(3)).value();
        const OutboxEntry oldRefused = store.enqueue(addItem(4)).value();
        QVERIFY(store.markSent(oldSent.id, addItem(1)).ok());
        QVERIFY(store.markSent(newSent.id, addItem(2)).ok());
        QVERIFY(store.markRefused(oldRefused.id, Error{QStringLiteral("person.enrolled"), QStringLiteral("已参保"), {}, {}}).ok());
        {
            // Age three of them by 40 days, as if the clerk had not logged in since.
            QSqlQuery q(QSqlDatabase::database(cache.connectionName(), false));
            const QString old = QDateTime::currentDateTimeUtc().addDays(-40).toString(Qt::ISODateWithMs);
            QVERIFY(q.prepare(QStringLiteral("UPDATE outbox SET updated_at = ? WHERE id IN (?, ?, ?)")));
            q.addBindValue(old);
            q.addBindValue(oldSent.id);
            q.addBindValue(oldQueued.id);
            q.addBindValue(oldRefused.id);
            QVERIFY(q.exec());
        }
        const auto purged = store.purgeSent(QDateTime::currentDateTimeUtc().addDays(-30));
        QVERIFY(purged.ok());
        QCOMPARE(purged.value(), 1);
        QVERIFY(!store.entry(oldSent.id).value().has_value());
        QVERIFY(store.entry(newSent.id).value().has_value());
        QCOMPARE(store.entry(oldQueued.id).value()->state, OutboxEntry::State::Queued);
        QCOMPARE(store.entry(oldRefused.id).value()->state, OutboxEntry::State::Refused);
    }

    void refusedThenRequeuedGetsANewKey()
    {
        LocalCache cache;
        QVERIFY(cache.open(m_path).ok());
        OutboxStore store(cache);
        const OutboxEntry e = store.enqueue(addItem(1)).value();
        QCOMPARE(store.requeue(e.id, addItem(2)).error().code, QStringLiteral("outbox.not_refused"));
        QVERIFY(store.markRefused(e.id, refusal()).ok());
        const OutboxEntry refused = *store.entry(e.id).value();
        QCOMPARE(refused.state, OutboxEntry::State::Refused);
        QCOMPARE(refused.error, refusal());
        QCOMPARE(refused.item, addItem(1)); // what the user saved is kept for correction

        DeclarationItem corrected = addItem(1);
        corrected.startMonth = QStringLiteral("2026-11");
        QVERIFY(store.requeue(e.id, corrected).ok());
        const OutboxEntry again = *store.entry(e.id).value();
        QCOMPARE(again.state, OutboxEntry::State::Queued);
        QCOMPARE(again.item, corrected);
        QCOMPARE(again.attempts, 0);
        QVERIFY(again.error.code.isEmpty());
        QVERIFY(again.idempotencyKey != e.idempotencyKey);
        QCOMPARE(again.request, QJsonDocument(json::encodeItemRequest(corrected)).toJson(QJsonDocument::Compact));
    }

    void requeueManyIsOneTransactionWithNewChunks()
    {
        LocalCache cache;
        QVERIFY(cache.open(m_path).ok());
        OutboxStore store(cache);
        const auto entries = store.enqueueMany({addItem(1), addItem(2), addItem(3)}, 3).value();
        for (const OutboxEntry &e : entries)
            QVERIFY(store.markRefused(e.id, refusal()).ok());
        DeclarationItem renew1 = addItem(1);
        renew1.kind = DeclarationKind::Renew;
        DeclarationItem renew3 = addItem(3);
        renew3.kind = DeclarationKind::Renew;
        const auto requeued = store.requeueMany({{entries[0].id, renew1}, {entries[2].id, renew3}}, 2);
        QVERIFY(requeued.ok());
        QCOMPARE(requeued.value().size(), 2);
        QCOMPARE(requeued.value()[0].item, renew1);
        QCOMPARE(requeued.value()[0].state, OutboxEntry::State::Queued);
        QVERIFY(!requeued.value()[0].chunkKey.isEmpty());
        QCOMPARE(requeued.value()[0].chunkKey, requeued.value()[1].chunkKey);
        QVERIFY(requeued.value()[0].chunkKey != entries[0].chunkKey);
        QVERIFY(requeued.value()[0].idempotencyKey != entries[0].idempotencyKey);
        QCOMPARE(store.chunk(requeued.value()[0].chunkKey).value().size(), 2);
        // One entry that is not refused fails the whole call: nothing changes.
        const auto mixed = store.requeueMany({{entries[1].id, addItem(2)}, {entries[0].id, addItem(1)}});
        QCOMPARE(mixed.error().code, QStringLiteral("outbox.not_refused"));
        QCOMPARE(store.entry(entries[1].id).value()->state, OutboxEntry::State::Refused);
    }

    void flipKindsOnlyForImportRows()
    {
        LocalCache cache;
        QVERIFY(cache.open(m_path).ok());
        OutboxStore store(cache);
        const auto rows = store.enqueueMany({addItem(1), addItem(2), reduceItem()}, 3, true).value();
        QVERIFY(rows[0].kindOpen && rows[1].kindOpen);
        QVERIFY(!rows[2].kindOpen); // 减少 has no 新增/续保 to choose
        const OutboxEntry chosen = store.enqueue(addItem(3)).value();
        QVERIFY(!chosen.kindOpen);

        QVERIFY(store.flipKinds({rows[0].id, rows[1].id}, 2).ok());
        const OutboxEntry flipped = *store.entry(rows[0].id).value();
        QCOMPARE(flipped.item.kind, DeclarationKind::Renew);
        QCOMPARE(flipped.state, OutboxEntry::State::Queued);
        QVERIFY(!flipped.kindOpen); // one flip only
        QCOMPARE(flipped.attempts, 0); // the try was counted when it was sent (markSending)
        QVERIFY(flipped.idempotencyKey != rows[0].idempotencyKey);
        QVERIFY(flipped.request.contains("\"kind\":\"renew\""));
        QVERIFY(flipped.chunkKey != rows[0].chunkKey && !flipped.chunkKey.isEmpty());
        QCOMPARE(store.entry(rows[1].id).value()->chunkKey, flipped.chunkKey);
        // The user's own choice, an entry flipped already, or a 减少 is never flipped.
        QCOMPARE(store.flipKinds({chosen.id}).error().code, QStringLiteral("outbox.kind_fixed"));
        QCOMPARE(store.flipKinds({rows[0].id}).error().code, QStringLiteral("outbox.kind_fixed"));
        QCOMPARE(store.flipKinds({rows[2].id}).error().code, QStringLiteral("outbox.kind_fixed"));
        QCOMPARE(store.entry(chosen.id).value()->item.kind, DeclarationKind::Add);
    }

    void entriesFilterByStateOldestFirst()
    {
        LocalCache cache;
        QVERIFY(cache.open(m_path).ok());
        OutboxStore store(cache);
        QList<qint64> ids;
        for (int i = 0; i < 5; ++i)
            ids << store.enqueue(addItem(i)).value().id;
        QVERIFY(store.markSent(ids[1], addItem(1)).ok());
        QVERIFY(store.markRefused(ids[3], refusal()).ok());
        const auto queued = store.entries(OutboxEntry::State::Queued).value();
        QCOMPARE(queued.size(), 3);
        QCOMPARE(queued[0].id, ids[0]);
        QCOMPARE(queued[1].id, ids[2]);
        QCOMPARE(queued[2].id, ids[4]);
        QCOMPARE(store.entries(OutboxEntry::State::Sent).value().size(), 1);
        QCOMPARE(store.entries(OutboxEntry::State::Refused).value().first().id, ids[3]);
        QCOMPARE(store.entries().value().size(), 5);
        QVERIFY(store.remove(ids[3]).ok());
        QCOMPARE(store.entries().value().size(), 4);
        QVERIFY(!store.entry(ids[3]).value().has_value());
    }

    void enqueueManyMakesChunks()
    {
        LocalCache cache;
        QVERIFY(cache.open(m_path).ok());
        OutboxStore store(cache);
        QList<DeclarationItem> items;
        for (int i = 0; i < 7; ++i)
            items << addItem(i);
        const auto entries = store.enqueueMany(items, 3);
        QVERIFY(entries.ok());
        QCOMPARE(entries.value().size(), 7);
        QSet<QString> chunkKeys;
        QSet<QString> keys;
        for (int i = 0; i < 7; ++i) {
            const OutboxEntry &e = entries.value().at(i);
            QCOMPARE(e.item, items.at(i));
            QCOMPARE(e.chunkPos, i % 3);
            chunkKeys << e.chunkKey;
            keys << e.idempotencyKey;
            QCOMPARE(*store.entry(e.id).value(), e);
        }
        QCOMPARE(chunkKeys.size(), 3);
        QCOMPARE(keys.size(), 7);
        const QString first = entries.value().first().chunkKey;
        const auto chunk = store.chunk(first).value();
        QCOMPARE(chunk.size(), 3);
        QCOMPARE(chunk[2].item, items[2]);
        // Settled members leave the chunk; a member may also leave it on its own.
        QVERIFY(store.markSent(chunk[0].id, items[0]).ok());
        QVERIFY(store.leaveChunk(chunk[1].id).ok());
        QCOMPARE(store.chunk(first).value().size(), 1);
        QVERIFY(store.entry(chunk[0].id).value()->chunkKey.isEmpty());
        QVERIFY(store.entry(chunk[1].id).value()->chunkKey.isEmpty());
    }

    void enqueueManyIsOneTransaction()
    {
        LocalCache cache;
        QVERIFY(cache.open(m_path).ok());
        OutboxStore store(cache);
        // A trigger refuses the 4th insert: none of the batch may remain.
        QSqlQuery q(QSqlDatabase::database(cache.connectionName(), false));
        QVERIFY(q.exec(QStringLiteral("CREATE TRIGGER refuse_fourth BEFORE INSERT ON outbox"
                                      " WHEN (SELECT count(*) FROM outbox) >= 3"
                                      " BEGIN SELECT RAISE(ABORT, 'disk full'); END")));
        const auto entries = store.enqueueMany({addItem(1), addItem(2), addItem(3), addItem(4)});
        QVERIFY(!entries.ok());
        QCOMPARE(entries.error().code, QStringLiteral("cache.write"));
        QVERIFY(store.entries().value().isEmpty());
    }

    void survivesReopenWithIntegrity()
    {
        OutboxEntry queued;
        OutboxEntry refused;
        {
            LocalCache cache;
            QVERIFY(cache.open(m_path).ok());
            OutboxStore store(cache);
            queued = store.enqueue(addItem(1)).value();
            QVERIFY(store.markAttempt(queued.id, offline()).ok());
            queued = *store.entry(queued.id).value();
            refused = store.enqueue(reduceItem()).value();
            QVERIFY(store.markRefused(refused.id, refusal()).ok());
            refused = *store.entry(refused.id).value();
        }
        LocalCache cache;
        QVERIFY(cache.open(m_path).ok());
        QVERIFY(cache.checkIntegrity().ok());
        OutboxStore store(cache);
        QCOMPARE(*store.entry(queued.id).value(), queued);
        QCOMPARE(*store.entry(refused.id).value(), refused);
    }

    void unknownIdsAreErrors()
    {
        LocalCache cache;
        QVERIFY(cache.open(m_path).ok());
        OutboxStore store(cache);
        QCOMPARE(store.markSent(99, addItem(1)).error().code, QStringLiteral("outbox.unknown"));
        QCOMPARE(store.markRefused(99, refusal()).error().code, QStringLiteral("outbox.unknown"));
        QCOMPARE(store.requeue(99, addItem(1)).error().code, QStringLiteral("outbox.unknown"));
        LocalCache closed;
        OutboxStore none(closed);
        QCOMPARE(none.enqueue(addItem(1)).error().code, QStringLiteral("cache.closed"));
        QCOMPARE(none.entries().error().code, QStringLiteral("cache.closed"));
    }

    // An import's worth (the bulk limit): one transaction; the figures are printed, not asserted.
    void fiveThousandItems()
    {
        LocalCache cache;
        QVERIFY(cache.open(m_path).ok());
        OutboxStore store(cache);
        QList<DeclarationItem> items;
        for (int i = 0; i < 5000; ++i)
            items << addItem(i);
        QElapsedTimer timer;
        timer.start();
        const auto entries = store.enqueueMany(items, 500, true);
        const qint64 enqueueMs = timer.restart();
        QVERIFY(entries.ok());
        const auto queued = store.entries(OutboxEntry::State::Queued);
        const qint64 readMs = timer.restart();
        QVERIFY(queued.ok());
        QCOMPARE(queued.value().size(), 5000);
        QCOMPARE(queued.value().at(4999).item, items.at(4999));
        QCOMPARE(store.chunk(queued.value().at(600).chunkKey).value().size(), 500);
        qInfo("outbox: enqueue of 5000 items in chunks of 500: %lld ms; entries(): %lld ms", enqueueMs, readMs);
    }

    void stateCodes()
    {
        QCOMPARE(outboxStateCode(OutboxEntry::State::Queued), QStringLiteral("queued"));
        QCOMPARE(outboxStateCode(OutboxEntry::State::Sent), QStringLiteral("sent"));
        QCOMPARE(outboxStateCode(OutboxEntry::State::Refused), QStringLiteral("refused"));
    }

    void version2CacheMigratesKeepingItsPeople()
    {
        // A cache as version 2 of the program left it: the same steps 1-2, without drafts and
        // outbox, meta version 2.
        {
            LocalCache cache;
            QVERIFY(cache.open(m_path).ok());
            QVERIFY(cache.beginPersonsSync().ok());
            QVERIFY(cache.appendPersons({makePerson(1), makePerson(2)}).ok());
            QVERIFY(cache.commitPersonsSync(QDateTime::currentDateTimeUtc()).ok());
            QVERIFY(cache.setMeta(QStringLiteral("offline_verifier"), QStringLiteral("kept")).ok());
            QSqlQuery q(QSqlDatabase::database(cache.connectionName(), false));
            QVERIFY(q.exec(QStringLiteral("DROP TABLE drafts")));
            QVERIFY(q.exec(QStringLiteral("DROP TABLE outbox")));
            QVERIFY(q.exec(QStringLiteral("UPDATE meta SET value = '2' WHERE key = 'version'")));
        }
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v2probe"));
            db.setDatabaseName(m_path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name IN ('drafts', 'outbox')")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), 0);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v2probe"));

        LocalCache cache;
        const auto opened = cache.open(m_path);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().detail));
        QCOMPARE(cache.schemaVersion(), 3);
        QCOMPARE(cache.personCount(), 2);
        QCOMPARE(cache.persons().value().first(), makePerson(1));
        QCOMPARE(cache.meta(QStringLiteral("offline_verifier")), QStringLiteral("kept"));
        QVERIFY(cache.checkIntegrity().ok());
        OutboxStore store(cache);
        QVERIFY(store.enqueue(addItem(1)).ok());
        QCOMPARE(store.entries().value().size(), 1);
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_n = 0;
};

QTEST_GUILESS_MAIN(TestOutboxStore)
#include "tst_outboxstore.moc"
