// What a backup takes from a unit's cache and how it goes back: everything of the user's work,
// no secret, all or nothing, never into another unit's cache, never twice.
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

#include "BackupTestData.h"
#include "models/cache/CacheSnapshot.h"

using namespace shebao;

class TestCacheSnapshot : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_source = std::make_unique<LocalCache>();
        m_target = std::make_unique<LocalCache>();
        QVERIFY(m_source->open(m_dir.filePath(QStringLiteral("a%1.sqlite").arg(++m_n))));
        QVERIFY(m_target->open(m_dir.filePath(QStringLiteral("b%1.sqlite").arg(m_n))));
        QVERIFY(test::fillCache(*m_source, QStringLiteral("43010000001")));
    }

    void takesTheWorkAndNoSecret()
    {
        Result<CacheSnapshot> snapshot = takeSnapshot(*m_source);
        QVERIFY(snapshot);
        const CacheSnapshot &s = snapshot.value();
        QCOMPARE(s.unitNo, QStringLiteral("43010000001"));
        QCOMPARE(s.schemaVersion, LocalCache::CurrentVersion);
        QCOMPARE(s.drafts.size(), 2);
        QCOMPARE(s.outbox.size(), 2);
        QCOMPARE(s.printedForms.size(), 1);
        QCOMPARE(s.meta.value(QStringLiteral("declaration.reporter")).toString(), QStringLiteral("李四"));
        const QByteArray json = QJsonDocument(s.toJson()).toJson();
        QVERIFY(!json.contains("offline_verifier"));
        QVERIFY(!json.contains(test::Verifier.toUtf8()));
        QVERIFY(!json.contains("last_sync"));
    }

    void mergesIntoAFreshCacheAsItWas()
    {
        CacheSnapshot s = takeSnapshot(*m_source).value();
        Result<SnapshotMerge> merged = mergeSnapshot(*m_target, s);
        QVERIFY2(merged, qPrintable(merged ? QString() : merged.error().detail));
        QCOMPARE(merged.value(), (SnapshotMerge{2, 2, 1, 0}));

        // The outbox entries come back byte for byte: same key, same request, same state.
        const QList<OutboxEntry> before = OutboxStore(*m_source).entries().value();
        const QList<OutboxEntry> after = OutboxStore(*m_target).entries().value();
        QCOMPARE(after.size(), 2);
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(after.at(i).idempotencyKey, before.at(i).idempotencyKey);
            QCOMPARE(after.at(i).request, before.at(i).request);
            QCOMPARE(after.at(i).state, before.at(i).state);
            QCOMPARE(after.at(i).item, before.at(i).item);
        }
        QCOMPARE(DraftStore(*m_target).list().value().size(), 2);
        QCOMPARE(DraftStore(*m_target).list(QStringLiteral("maintain.unit")).value().first().state,
                 DraftStore(*m_source).list(QStringLiteral("maintain.unit")).value().first().state);
        QCOMPARE(m_target->printedForms().value().first().title, QStringLiteral("人员异动申报表"));
        QCOMPARE(m_target->meta(QStringLiteral("unit_no")), QStringLiteral("43010000001"));
        QCOMPARE(m_target->meta(QStringLiteral("declaration.reporter")), QStringLiteral("李四"));
        QVERIFY(m_target->meta(QStringLiteral("offline_verifier")).isEmpty());
    }

    void mergingTwiceAddsNothing()
    {
        const CacheSnapshot s = takeSnapshot(*m_source).value();
        QVERIFY(mergeSnapshot(*m_target, s));
        Result<SnapshotMerge> again = mergeSnapshot(*m_target, s);
        QVERIFY(again);
        QCOMPARE(again.value(), (SnapshotMerge{0, 0, 0, 5}));
        QCOMPARE(OutboxStore(*m_target).entries().value().size(), 2);
    }

    void keepsWhatTheCacheHas()
    {
        // The target machine has work of its own and another 报送人: both stay.
        QVERIFY(m_target->setMeta(QStringLiteral("unit_no"), QStringLiteral("43010000001")));
        QVERIFY(m_target->setMeta(QStringLiteral("declaration.reporter"), QStringLiteral("王五")));
        QVERIFY(OutboxStore(*m_target).enqueue(test::backupItem(7)));
        QVERIFY(mergeSnapshot(*m_target, takeSnapshot(*m_source).value()));
        QCOMPARE(OutboxStore(*m_target).entries().value().size(), 3);
        QCOMPARE(m_target->meta(QStringLiteral("declaration.reporter")), QStringLiteral("王五"));
    }

    void anotherUnitsCacheIsRefused()
    {
        QVERIFY(m_target->setMeta(QStringLiteral("unit_no"), QStringLiteral("43010000002")));
        Result<SnapshotMerge> merged = mergeSnapshot(*m_target, takeSnapshot(*m_source).value());
        QVERIFY(!merged);
        QCOMPARE(merged.error().code, QStringLiteral("backup.other_unit"));
        QVERIFY(OutboxStore(*m_target).entries().value().isEmpty());
    }

    void aNewerSchemaIsRefused()
    {
        CacheSnapshot s = takeSnapshot(*m_source).value();
        s.schemaVersion = LocalCache::CurrentVersion + 1;
        Result<SnapshotMerge> merged = mergeSnapshot(*m_target, s);
        QVERIFY(!merged);
        QCOMPARE(merged.error().code, QStringLiteral("backup.too_new"));
    }

    void oneBadRowAddsNothingAtAll_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("column");
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("state outside the CHECK") << "outbox" << "state" << QJsonValue(QStringLiteral("bogus"));
        QTest::newRow("NOT NULL column null") << "outbox" << "request" << QJsonValue(QJsonValue::Null);
        QTest::newRow("unknown column") << "printed_forms" << "printer" << QJsonValue(QStringLiteral("x"));
        QTest::newRow("the id column") << "printed_forms" << "id" << QJsonValue(1);
        QTest::newRow("an object") << "printed_forms" << "pages" << QJsonValue(QJsonObject{});
        QTest::newRow("identity not text") << "drafts" << "kind" << QJsonValue(3);
    }

    void oneBadRowAddsNothingAtAll()
    {
        QFETCH(QString, table);
        QFETCH(QString, column);
        QFETCH(QJsonValue, value);
        CacheSnapshot s = takeSnapshot(*m_source).value();
        QJsonArray &rows = table == u"outbox" ? s.outbox : table == u"drafts" ? s.drafts : s.printedForms;
        QJsonObject last = rows.last().toObject();
        last.insert(column, value);
        rows.replace(rows.size() - 1, last);
        Result<SnapshotMerge> merged = mergeSnapshot(*m_target, s);
        QVERIFY(!merged);
        QCOMPARE(merged.error().code, QStringLiteral("backup.content"));
        // The rows before the bad one were rolled back with it.
        QVERIFY(DraftStore(*m_target).list().value().isEmpty());
        QVERIFY(OutboxStore(*m_target).entries().value().isEmpty());
        QVERIFY(m_target->printedForms().value().isEmpty());
        QVERIFY(m_target->meta(QStringLiteral("unit_no")).isEmpty());
    }

    void jsonRoundTripAndShapeChecks()
    {
        const CacheSnapshot s = takeSnapshot(*m_source).value();
        Result<CacheSnapshot> back = CacheSnapshot::fromJson(s.toJson());
        QVERIFY(back);
        QCOMPARE(back.value().toJson(), s.toJson());

        QJsonObject planted = s.toJson();
        planted.insert(QStringLiteral("meta"), QJsonObject{{QStringLiteral("offline_verifier"), test::Verifier}});
        QCOMPARE(CacheSnapshot::fromJson(planted).error().code, QStringLiteral("backup.content"));
        QJsonObject noRows = s.toJson();
        noRows.insert(QStringLiteral("outbox"), QStringLiteral("none"));
        QVERIFY(!CacheSnapshot::fromJson(noRows));
        QJsonObject noUnit = s.toJson();
        noUnit.remove(QStringLiteral("unit_no"));
        QVERIFY(!CacheSnapshot::fromJson(noUnit));
    }

private:
    QTemporaryDir m_dir;
    int m_n = 0;
    std::unique_ptr<LocalCache> m_source;
    std::unique_ptr<LocalCache> m_target;
};

QTEST_GUILESS_MAIN(TestCacheSnapshot)
#include "tst_cachesnapshot.moc"
