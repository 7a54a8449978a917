#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <QtTest>

#include <functional>
#include <optional>

#include "app/ApiClient.h"
#include "app/SyncService.h"
#include "models/cache/LocalCache.h"
#include "models/domain/JsonCodec.h"

using namespace shebao;

namespace {

// A canned HTTP/1.1 server (plain HTTP, loopback): answers GET paths from a handler, so the
// SyncService's paging can be driven through cases a correct shebao-server never produces.
class CannedServer : public QObject
{
public:
    using Handler = std::function<QPair<int, QByteArray>(const QString &path, const QUrlQuery &query)>;

    explicit CannedServer(Handler handler) : m_handler(std::move(handler))
    {
        m_server.listen(QHostAddress::LocalHost);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            QTcpSocket *socket = m_server.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { serve(socket); });
        });
    }

    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }

private:
    void serve(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        qsizetype end;
        while ((end = buffer.indexOf("\r\n\r\n")) >= 0) {
            const QByteArray head = buffer.left(end);
            buffer.remove(0, end + 4);
            const QUrl target(QString::fromLatin1(head.split(' ').value(1)));
            const auto [status, body] = m_handler(target.path(), QUrlQuery(target));
            socket->write("HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: application/json\r\n"
                          "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        }
    }

    QTcpServer m_server;
    Handler m_handler;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

Person person(qint64 id)
{
    Person p;
    p.id = id;
    p.name = QStringLiteral("测试%1").arg(id);
    p.idNumber = QStringLiteral("430104199001011234");
    p.enrolments.append(Enrolment{QStringLiteral("110"), QStringLiteral("2020-01"), {}, EnrolmentStatus::Active,
                                  Money::fromFen(500000)});
    return p;
}

QByteArray page(qint64 from, qint64 count, std::optional<qint64> next, qint64 total, const QByteArray &tail = {})
{
    QJsonArray items;
    for (qint64 id = from; id < from + count; ++id)
        items.append(json::encode(person(id)));
    QJsonObject o{{QStringLiteral("items"), items}, {QStringLiteral("total"), total}};
    o.insert(QStringLiteral("next_after"), next ? QJsonValue(*next) : QJsonValue(QJsonValue::Null));
    QByteArray body = QJsonDocument(o).toJson(QJsonDocument::Compact);
    if (!tail.isEmpty())
        body.insert(body.size() - 1, tail); // extra members at the end of the object
    return body;
}

constexpr qint64 Big = 30000;

const QByteArray UnitJson = R"({"unit_no":"43010000001","name":"U","level":"authorized","risk_class":1})";

} // namespace

class TestSyncService : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_cache = std::make_unique<LocalCache>();
        QVERIFY(m_cache->open(m_dir.filePath(QStringLiteral("c%1.sqlite").arg(++m_counter))).ok());
        QVERIFY(m_cache->beginPersonsSync().ok());
        QVERIFY(m_cache->appendPersons({person(999999)}).ok());
        QVERIFY(m_cache->commitPersonsSync(QDateTime::currentDateTimeUtc()).ok());
    }

    // A big first page decodes longer than the tiny next ones take to arrive: they are still
    // written in order.
    void pagesAreWrittenInOrder()
    {
        CannedServer server([](const QString &path, const QUrlQuery &query) -> QPair<int, QByteArray> {
            if (path.endsWith(QLatin1String("/unit")))
                return {200, UnitJson};
            const qint64 after = query.queryItemValue(QStringLiteral("after")).toLongLong();
            if (after == 0)
                return {200, page(1, Big, Big, Big + 3)};
            if (after < Big + 3)
                return {200, page(after + 1, 1, after + 1 < Big + 3 ? std::optional<qint64>(after + 1) : std::nullopt,
                                  Big + 3)};
            return {404, {}};
        });
        QSignalSpy progress(m_sync.get(), &SyncService::progress);
        const Result<void> result = run(server.url());
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().code + result.error().detail));
        QCOMPARE(m_cache->personCount(), Big + 3);
        const auto persons = m_cache->persons().value();
        for (qsizetype i = 0; i < persons.size(); ++i)
            QCOMPARE(persons.at(i).id, i + 1);
        QCOMPARE(progress.count(), 4);
        QCOMPARE(progress.first().first().toLongLong(), Big);
        QCOMPARE(progress.last().first().toLongLong(), Big + 3);
        QCOMPARE(m_cache->unit()->unitNo, QStringLiteral("43010000001"));
    }

    void errorsKeepThePreviousCopy_data()
    {
        QTest::addColumn<QByteArray>("secondPage");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("server error") << QByteArray("oops") << 500 << QStringLiteral("http.500");
        QTest::newRow("not JSON") << QByteArray("{\"items\":[") << 200 << QStringLiteral("json.parse");
        QTest::newRow("bad person") << QByteArray(R"({"items":[{"id":"x"}],"next_after":null,"total":1})") << 200
                                    << QStringLiteral("json.field");
        QTest::newRow("cursor goes back") << page(3, 1, 1, 9) << 200 << QStringLiteral("sync.protocol");
        // The raw bytes say one cursor, the decoded page another: the prefetch was wrong.
        QTest::newRow("cursor seen early differs") << page(3, 1, 5, 9, R"(,"x":{"next_after":7})") << 200
                                                   << QStringLiteral("sync.protocol");
    }

    void errorsKeepThePreviousCopy()
    {
        QFETCH(QByteArray, secondPage);
        QFETCH(int, status);
        QFETCH(QString, code);
        CannedServer server([&](const QString &path, const QUrlQuery &query) -> QPair<int, QByteArray> {
            if (path.endsWith(QLatin1String("/unit")))
                return {200, UnitJson};
            const qint64 after = query.queryItemValue(QStringLiteral("after")).toLongLong();
            if (after == 0)
                return {200, page(1, 2, 2, 9)};
            if (after == 2)
                return {status, secondPage};
            return {200, page(after + 1, 1, std::nullopt, 9)};
        });
        const Result<void> result = run(server.url());
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, code);
        QVERIFY(!m_sync->isRunning());
        QCOMPARE(m_cache->persons().value(), QList<Person>{person(999999)});
    }

    void closedCacheFailsAtOnce()
    {
        m_cache->close();
        QSignalSpy finished(m_sync.get(), &SyncService::finished);
        m_sync->start(m_cache.get());
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().first().value<Result<void>>().error().code, QStringLiteral("cache.closed"));
    }

private:
    Result<void> run(const QUrl &url)
    {
        m_api.setBaseUrl(url);
        std::optional<Result<void>> result;
        QMetaObject::Connection c = connect(m_sync.get(), &SyncService::finished, this,
                                            [&](const Result<void> &r) { result.emplace(r); });
        m_sync->start(m_cache.get());
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 30000))
            m_sync->cancel();
        disconnect(c);
        return *result;
    }

    QTemporaryDir m_dir;
    int m_counter = 0;
    ApiClient m_api;
    std::unique_ptr<SyncService> m_sync = std::make_unique<SyncService>(&m_api);
    std::unique_ptr<LocalCache> m_cache;
};

QTEST_GUILESS_MAIN(TestSyncService)
#include "tst_syncservice.moc"
