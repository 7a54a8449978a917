// First sync of N people (default 100,000) from a real shebao-server over HTTPS into a fresh
// local cache, against the bare floor: the same pages fetched as raw bytes over the same HTTPS
// connection setup, plus a bare SQLite insert of one row per person.
// Prints figures; asserts nothing about time. Usage: bench_sync [persons]
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QUrlQuery>

#include <cstdio>

#include "ServerProcess.h"
#include "app/ApiClient.h"
#include "app/SyncService.h"
#include "models/cache/LocalCache.h"

using namespace shebao;

namespace {

constexpr int PageSize = 5000;

template <typename F>
void waitFor(F &&done)
{
    // The overload without a time limit sleeps until an event arrives; the one with a limit
    // returns at once when nothing is pending, and spinning on it took a whole core away from
    // the server and the client's decoding thread.
    while (!done())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
}

QByteArray loginToken(ApiClient &api)
{
    QByteArray token;
    bool finished = false;
    api.login(QStringLiteral("43010000001"), QStringLiteral("Demo1234"), &api, [&](Result<LoginReply> r) {
        if (r)
            token = r.value().token;
        else
            std::fprintf(stderr, "login failed: %s\n", qPrintable(r.error().message));
        finished = true;
    });
    waitFor([&] { return finished; });
    return token;
}

// The floor, part 1: the same pages as raw bytes, no decoding.
qint64 fetchRawPages(const QUrl &base, const QString &caFile, const QByteArray &token, qint64 *bytes)
{
    QNetworkAccessManager nam;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.addCaCertificates(caFile);
    QElapsedTimer timer;
    timer.start();
    qint64 after = 0;
    *bytes = 0;
    for (;;) {
        QUrl url = base;
        url.setPath(QStringLiteral("/api/v1/persons"));
        url.setQuery(QUrlQuery{{QStringLiteral("limit"), QString::number(PageSize)},
                               {QStringLiteral("after"), QString::number(after)}});
        QNetworkRequest request(url);
        request.setSslConfiguration(tls);
        request.setRawHeader("Authorization", "Bearer " + token);
        QNetworkReply *reply = nam.get(request);
        waitFor([&] { return reply->isFinished(); });
        const QByteArray body = reply->readAll();
        reply->deleteLater();
        *bytes += body.size();
        // Finding the cursor needs a look at the end of the page only.
        const qsizetype at = body.lastIndexOf("\"next_after\":");
        if (at < 0)
            break;
        const QByteArray rest = body.mid(at + 13, 24);
        if (rest.startsWith("null"))
            break;
        bool ok = false;
        after = rest.left(rest.indexOf(rest.contains(',') ? ',' : '}')).trimmed().toLongLong(&ok);
        if (!ok)
            break;
    }
    return timer.elapsed();
}

// The floor, part 2: one row per person with its JSON, one transaction, prepared statement.
qint64 bareInsert(const QString &path, qint64 persons, qint64 bytesPerPerson)
{
    QElapsedTimer timer;
    timer.start();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("floor"));
        db.setDatabaseName(path);
        db.open();
        QSqlQuery q(db);
        q.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
        q.exec(QStringLiteral("CREATE TABLE p(id INTEGER PRIMARY KEY, body TEXT)"));
        db.transaction();
        q.prepare(QStringLiteral("INSERT INTO p(id, body) VALUES(?, ?)"));
        const QString body(int(bytesPerPerson), u'x');
        for (qint64 i = 1; i <= persons; ++i) {
            q.bindValue(0, i);
            q.bindValue(1, body);
            q.exec();
        }
        db.commit();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("floor"));
    return timer.elapsed();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsEmpty("SHEBAO_SERVER_BIN"))
        qputenv("SHEBAO_SERVER_BIN", SHEBAO_SERVER_BIN_DEFAULT);
    const qint64 persons = argc > 1 ? QByteArray(argv[1]).toLongLong() : 100000;

    test::ServerProcess server;
    QElapsedTimer seedTimer;
    seedTimer.start();
    if (!server.start({true, {}, {QStringLiteral("--demo-persons"), QString::number(persons)}, {}})) {
        std::fprintf(stderr, "server: %s\n", qPrintable(server.error()));
        return 2;
    }
    std::printf("server started and seeded %lld people in %lld ms\n", persons, seedTimer.elapsed());

    ApiClient api;
    api.setBaseUrl(server.baseUrl());
    api.addCaCertificatesFromFile(server.caFile());
    const QByteArray token = loginToken(api);
    if (token.isEmpty())
        return 2;
    api.setToken(token);

    QTemporaryDir dir;
    LocalCache cache;
    if (auto r = cache.open(dir.filePath(QStringLiteral("cache.sqlite"))); !r) {
        std::fprintf(stderr, "cache: %s\n", qPrintable(r.error().message));
        return 2;
    }
    SyncService sync(&api);
    sync.setPageSize(PageSize);
    bool finished = false;
    bool ok = false;
    QObject::connect(&sync, &SyncService::finished, &app, [&](const Result<void> &r) {
        ok = r.ok();
        if (!r)
            std::fprintf(stderr, "sync failed: %s\n", qPrintable(r.error().message));
        finished = true;
    });
    QElapsedTimer syncTimer;
    syncTimer.start();
    sync.start(&cache);
    waitFor([&] { return finished; });
    const qint64 syncMs = syncTimer.elapsed();
    if (!ok)
        return 1;

    qint64 bytes = 0;
    const qint64 fetchMs = fetchRawPages(server.baseUrl(), server.caFile(), token, &bytes);
    const qint64 insertMs = bareInsert(dir.filePath(QStringLiteral("floor.sqlite")), persons, bytes / qMax<qint64>(1, persons));
    const qint64 floorMs = fetchMs + insertMs;

    std::printf("people in cache:       %lld\n", cache.personCount());
    std::printf("first sync:            %lld ms   (target <= 3000 ms)\n", syncMs);
    std::printf("floor: HTTPS bytes:    %lld ms   (%.1f MB in pages of %d)\n", fetchMs, bytes / 1e6, PageSize);
    std::printf("floor: SQLite insert:  %lld ms\n", insertMs);
    std::printf("floor total:           %lld ms\n", floorMs);
    std::printf("ratio sync / floor:    %.2f   (target <= 2.0)\n", double(syncMs) / double(qMax<qint64>(1, floorMs)));
    return 0;
}
