#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include "models/cache/DraftStore.h"
#include "models/cache/LocalCache.h"

using namespace shebao;

namespace {

Draft addDraft(const QString &name)
{
    Draft d;
    d.kind = QStringLiteral("declaration.add");
    d.title = name + QStringLiteral(" 430102********1234");
    d.state = QJsonObject{{QStringLiteral("page"), 2},
                          {QStringLiteral("name"), name},
                          {QStringLiteral("wage"), QStringLiteral("5000.00")},
                          {QStringLiteral("insurances"), QJsonArray{QStringLiteral("110"), QStringLiteral("410")}}};
    return d;
}

} // namespace

// The wizards' drafts in a real SQLite cache file: every save is a transaction of its own, so
// what was saved is there after the file is closed and opened again (a crash, a kill).
class TestDraftStore : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("drafts-%1.sqlite").arg(++m_n));
    }

    void saveAssignsIdsAndLoads()
    {
        LocalCache cache;
        QVERIFY(cache.open(m_path).ok());
        DraftStore store(cache);
        const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
        const auto first = store.save(addDraft(QStringLiteral("张三")));
        const auto second = store.save(addDraft(QStringLiteral("李四")));
        QVERIFY(first.ok() && second.ok());
        QVERIFY(first.value() > 0);
        QVERIFY(second.value() != first.value());
        const auto loaded = store.load(first.value());
        QVERIFY(loaded.ok() && loaded.value().has_value());
        const Draft &d = *loaded.value();
        QCOMPARE(d.id, first.value());
        QCOMPARE(d.kind, QStringLiteral("declaration.add"));
        QCOMPARE(d.title, QStringLiteral("张三 430102********1234"));
        QCOMPARE(d.state, addDraft(QStringLiteral("张三")).state);
        QVERIFY(d.updatedAt >= before && d.updatedAt <= QDateTime::currentDateTimeUtc());
        QCOMPARE(d.updatedAt.timeSpec(), Qt::UTC);
    }

    void saveWithIdReplaces()
    {
        LocalCache cache;
        QVERIFY(cache.open(m_path).ok());
        DraftStore store(cache);
        Draft d = addDraft(QStringLiteral("张三"));
        d.id = store.save(d).value();
        d.state.insert(QStringLiteral("page"), 3);
        d.title = QStringLiteral("张三 (续保)");
        QCOMPARE(store.save(d).value(), d.id);
        const auto all = store.list();
        QVERIFY(all.ok());
        QCOMPARE(all.value().size(), 1);
        QCOMPARE(all.value().first().state.value(QLatin1String("page")).toInt(), 3);
        QCOMPARE(all.value().first().title, QStringLiteral("张三 (续保)"));
    }

    void listIsNewestFirstAndFiltersByKind()
    {
        LocalCache cache;
        QVERIFY(cache.open(m_path).ok());
        DraftStore store(cache);
        Draft a = addDraft(QStringLiteral("甲甲"));
        a.id = store.save(a).value();
        QTest::qWait(5);
        Draft reduce = addDraft(QStringLiteral("乙乙"));
        reduce.kind = QStringLiteral("declaration.reduce");
        reduce.id = store.save(reduce).value();
        QTest::qWait(5);
        Draft b = addDraft(QStringLiteral("丙丙"));
        b.id = store.save(b).value();
        QTest::qWait(5);
        QVERIFY(store.save(a).ok()); // touched again: newest now

        const auto all = store.list();
        QVERIFY(all.ok());
        QList<qint64> ids;
        for (const Draft &d : all.value())
            ids << d.id;
        QCOMPARE(ids, (QList<qint64>{a.id, b.id, reduce.id}));
        const auto adds = store.list(QStringLiteral("declaration.add"));
        QCOMPARE(adds.value().size(), 2);
        const auto reduces = store.list(QStringLiteral("declaration.reduce"));
        QCOMPARE(reduces.value().size(), 1);
        QCOMPARE(reduces.value().first().title, reduce.title);
    }

    void removeAndMissing()
    {
        LocalCache cache;
        QVERIFY(cache.open(m_path).ok());
        DraftStore store(cache);
        const qint64 id = store.save(addDraft(QStringLiteral("张三"))).value();
        QVERIFY(store.remove(id).ok());
        const auto gone = store.load(id);
        QVERIFY(gone.ok());
        QVERIFY(!gone.value().has_value());
        QVERIFY(store.list().value().isEmpty());
        QVERIFY(store.remove(id).ok()); // removing twice is harmless
    }

    void survivesReopenWithIntegrity()
    {
        qint64 id = 0;
        {
            LocalCache cache;
            QVERIFY(cache.open(m_path).ok());
            DraftStore store(cache);
            for (int i = 0; i < 50; ++i)
                id = store.save(addDraft(QStringLiteral("张三%1").arg(i))).value();
        }
        LocalCache cache;
        QVERIFY(cache.open(m_path).ok());
        QVERIFY(cache.checkIntegrity().ok());
        DraftStore store(cache);
        QCOMPARE(store.list().value().size(), 50);
        QCOMPARE(store.load(id).value()->state.value(QLatin1String("name")).toString(), QStringLiteral("张三49"));
    }

    void closedCacheIsAnError()
    {
        LocalCache cache;
        DraftStore store(cache);
        QCOMPARE(store.save(addDraft(QStringLiteral("张三"))).error().code, QStringLiteral("cache.closed"));
        QCOMPARE(store.list().error().code, QStringLiteral("cache.closed"));
        QCOMPARE(store.load(1).error().code, QStringLiteral("cache.closed"));
        QCOMPARE(store.remove(1).error().code, QStringLiteral("cache.closed"));
    }

    void damagedStateIsReported()
    {
        LocalCache cache;
        QVERIFY(cache.open(m_path).ok());
        DraftStore store(cache);
        const qint64 id = store.save(addDraft(QStringLiteral("张三"))).value();
        QSqlQuery q(QSqlDatabase::database(cache.connectionName(), false));
        QVERIFY(q.exec(QStringLiteral("UPDATE drafts SET state = '{broken' WHERE id = %1").arg(id)));
        QCOMPARE(store.load(id).error().code, QStringLiteral("cache.corrupt"));
        QCOMPARE(store.list().error().code, QStringLiteral("cache.corrupt"));
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_n = 0;
};

QTEST_GUILESS_MAIN(TestDraftStore)
#include "tst_draftstore.moc"
