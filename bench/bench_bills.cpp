// 网上缴费 on the server (issue 6 benchmarks): what a clerk and a bank wait for, over HTTPS to a
// real in-process shebao-server with the demo's unit 43010000001 grown to N people (default
// 1,000): the gaps of a person with a 30-year history (61 periods over 1995–2025 in 4 险种, 244
// enrolment rows, 30 gap ranges), the estimate of that person's 60 gap months, creating a bill, a page of
// 银行缴费单查询 (50 of 1,000+ bills) and walking all pages, and a bank's payment (the enrolments
// filled in its transaction). Prints medians; SQLite in a temporary directory unless --db URL
// names an empty PostgreSQL database.
// Usage: bench_bills [people] [rounds] [--db URL]
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSqlQuery>
#include <QSslCertificate>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

#include "models/bill/BankSignature.h"
#include "models/validation/IdNumber.h"
#include "server/Clock.h"
#include "server/Database.h"
#include "server/Server.h"

using namespace shebao;

namespace {

struct Answer
{
    int status = 0;
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

class Client
{
public:
    Client(const QUrl &base, const QString &caFile) : m_base(base), m_cas(QSslCertificate::fromPath(caFile)) {}
    Answer send(const QByteArray &method, const QString &path, const QByteArray &body = {},
                const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        QNetworkRequest request(QUrl(m_base.toString() + path));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(m_cas);
        request.setSslConfiguration(tls);
        request.setRawHeader("Content-Type", "application/json");
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token);
        for (const auto &[name, value] : headers)
            request.setRawHeader(name, value);
        QNetworkReply *reply = m_nam.sendCustomRequest(request, method, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        Answer a{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
        reply->deleteLater();
        return a;
    }
    QByteArray token;

private:
    QNetworkAccessManager m_nam;
    QUrl m_base;
    QList<QSslCertificate> m_cas;
};

[[noreturn]] void die(const char *what, const Answer &a)
{
    std::fprintf(stderr, "%s: HTTP %d %s\n", what, a.status, a.body.constData());
    std::exit(2);
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

// A person of unit 1 with the given periods (yyyy-mm pairs) in 110, 210, 310, 410.
QString addPerson(server::Database &db, qint64 unitId, qint64 otherUnitId, int seq, const QList<QPair<QString, QString>> &periods,
                  bool alternateUnits)
{
    const QDate birth = QDate(1970, 1, 1).addDays(seq);   // one man per day: unique numbers
    const QString first17 = QStringLiteral("430121") + birth.toString(QStringLiteral("yyyyMMdd")) + QStringLiteral("991");
    const QString id = first17 + IdNumber::checkCharacter(first17);
    auto q = db.exec(QStringLiteral("INSERT INTO persons (person_no, name, id_number, gender, birth_date) VALUES (?, ?, ?, '1', ?)"
                                    " RETURNING id"),
                     {QStringLiteral("4350%1").arg(seq, 7, 10, QLatin1Char('0')), QStringLiteral("基准%1").arg(seq), id,
                      birth.toString(Qt::ISODate)});
    if (!q || !q.value().next())
        std::exit(3);
    const qint64 personId = q.value().value(0).toLongLong();
    q.value().finish();
    for (qsizetype i = 0; i < periods.size(); ++i) {
        for (const char *insurance : {"110", "210", "310", "410"}) {
            const qint64 unit = alternateUnits && i % 4 == 1 ? otherUnitId : unitId;
            auto r = db.exec(QStringLiteral("INSERT INTO enrolments (person_id, unit_id, insurance, start_month, end_month, status,"
                                            " wage_base_fen) VALUES (?, ?, ?, ?, ?, 'suspended', 600000)"),
                             {personId, unit, QString::fromLatin1(insurance), periods.at(i).first, periods.at(i).second});
            if (!r)
                std::exit(3);
        }
    }
    return id;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    QString db;
    if (const qsizetype i = args.indexOf(QStringLiteral("--db")); i >= 0 && i + 1 < args.size()) {
        db = args.at(i + 1);
        args.remove(i, 2);
    }
    const int people = args.value(0, QStringLiteral("1000")).toInt();
    const int rounds = args.value(1, QStringLiteral("100")).toInt();
    QTemporaryDir dir;
    server::ServerOptions options;
    options.dataDir = dir.path();
    options.dbUrl = db;
    options.listenPort = 0;
    options.demo = true;
    options.bankSandbox = true;
    options.demoPersons = people;
    server::Server srv(options);
    QElapsedTimer t;
    t.start();
    auto port = srv.start();
    if (!port) {
        std::fprintf(stderr, "%s\n", qPrintable(port.error().detail));
        return 2;
    }
    std::printf("server with %d demo people of 43010000001 ready in %.1f s (%s)\n", people, t.elapsed() / 1000.0,
                db.isEmpty() ? "SQLite" : "PostgreSQL");
    server::Database &database = srv.database();
    auto unitId = [&](const char *no) {
        auto q = database.exec(QStringLiteral("SELECT id FROM units WHERE unit_no = ?"), {QString::fromLatin1(no)});
        return q && q.value().next() ? q.value().value(0).toLongLong() : 0;
    };
    const qint64 unit1 = unitId("43010000001"), unit2 = unitId("43010000002");

    // The 30-year history: every year January to October, one period of January to June and one
    // of July to October (every fourth period with another unit); November and December missing.
    QList<QPair<QString, QString>> history;
    for (int year = 1995; year <= 2024; ++year) {
        history.append({QStringLiteral("%1-01").arg(year), QStringLiteral("%1-06").arg(year)});
        history.append({QStringLiteral("%1-07").arg(year), QStringLiteral("%1-10").arg(year)});
    }
    history.append({QStringLiteral("2025-01"), QStringLiteral("2025-12")});
    database.begin();
    const QString longHistory = addPerson(database, unit1, unit2, 1, history, true);
    // 1,000 more people with one gap each, for the bills.
    QStringList billed;
    for (int i = 0; i < 1000; ++i)
        billed << addPerson(database, unit1, unit2, 100 + i, {{QStringLiteral("2015-01"), QStringLiteral("2019-12")},
                                                              {QStringLiteral("2021-01"), QStringLiteral("2024-12")}},
                            false);
    database.commit();

    Client client(QUrl(QStringLiteral("https://localhost:%1").arg(port.value())), srv.caFile());
    const Answer login = client.send("POST", QStringLiteral("/api/v1/auth/login"), R"({"unit_no":"43010000001","password":"Demo1234"})");
    if (login.status != 200)
        die("login", login);
    client.token = login.json().value(QLatin1String("token")).toString().toLatin1();

    QList<double> gaps, estimate, create, firstPage, payment;
    for (int r = 0; r < rounds; ++r) {
        t.restart();
        const Answer a = client.send("GET", QStringLiteral("/api/v1/arrears/gaps?id_number=") + longHistory);
        gaps << t.nsecsElapsed() / 1e6;
        if (a.status != 200 || a.json().value(QLatin1String("units")).toArray().at(0).toObject().value(QLatin1String("eligible")).toArray().size() != 30)
            die("gaps", a);
    }
    for (int r = 0; r < std::max(1, rounds / 4); ++r) {
        t.restart();
        const Answer a = client.send("GET", QStringLiteral("/api/v1/arrears/estimate?wage=6000&id_number=") + longHistory);
        estimate << t.nsecsElapsed() / 1e6;
        if (a.status != 200)
            die("estimate", a);
    }
    QStringList numbers;
    QList<QString> totals;
    for (qsizetype i = 0; i < billed.size(); ++i) {
        const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("id_number"), billed.at(i)}, {QStringLiteral("wage"), QStringLiteral("6000.00")}})
                                    .toJson(QJsonDocument::Compact);
        t.restart();
        const Answer a = client.send("POST", QStringLiteral("/api/v1/bills"), body, {{"Idempotency-Key", "bench-" + QByteArray::number(i)}});
        create << t.nsecsElapsed() / 1e6;
        if (a.status != 201)
            die("create", a);
        numbers << a.json().value(QLatin1String("number")).toString();
        totals << a.json().value(QLatin1String("total")).toString();
    }
    for (int r = 0; r < rounds; ++r) {
        t.restart();
        const Answer a = client.send("GET", QStringLiteral("/api/v1/bills?limit=50"));
        firstPage << t.nsecsElapsed() / 1e6;
        if (a.status != 200 || a.json().value(QLatin1String("bills")).toArray().size() != 50)
            die("list", a);
    }
    t.restart();
    int pages = 0, rows = 0;
    QString cursor;
    do {
        const Answer a = client.send("GET", QStringLiteral("/api/v1/bills?limit=200") + (cursor.isEmpty() ? QString() : QStringLiteral("&cursor=") + cursor));
        rows += int(a.json().value(QLatin1String("bills")).toArray().size());
        cursor = a.json().value(QLatin1String("next_cursor")).toString();
        ++pages;
    } while (!cursor.isEmpty());
    const double walk = t.nsecsElapsed() / 1e6;

    QFile keyFile(QDir(dir.path()).filePath(QStringLiteral("bank-sandbox.key")));
    keyFile.open(QIODevice::ReadOnly);
    const QByteArray key = BankSignature::parseKey(keyFile.readAll());
    Client bank(QUrl(QStringLiteral("https://localhost:%1").arg(port.value())), srv.caFile());
    for (int i = 0; i < std::min<int>(rounds, int(numbers.size())); ++i) {
        const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("bill_number"), numbers.at(i)}, {QStringLiteral("amount"), totals.at(i)},
                                                          {QStringLiteral("transaction_id"), QStringLiteral("BENCH%1").arg(i)},
                                                          {QStringLiteral("channel"), QStringLiteral("counter")},
                                                          {QStringLiteral("paid_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}})
                                    .toJson(QJsonDocument::Compact);
        const qint64 now = srv.clock().now();
        t.restart();
        const Answer a = bank.send("POST", QStringLiteral("/api/v1/bank/payments"), body,
                                   {{"X-Bank-Id", "sandbox"}, {"X-Bank-Timestamp", QByteArray::number(now)},
                                    {"X-Bank-Signature", BankSignature::sign(key, "POST", "/api/v1/bank/payments", now, body)}});
        payment << t.nsecsElapsed() / 1e6;
        if (a.status != 200)
            die("payment", a);
    }
    std::printf("gaps, 30-year history (61 periods, 244 enrolment rows, 30 ranges): median %.2f ms of %d\n", median(gaps),
                int(gaps.size()));
    std::printf("estimate, 60 months x 4 险种: median %.2f ms of %d\n", median(estimate), int(estimate.size()));
    std::printf("create a bill (12 months x 4 险种): median %.2f ms of %d\n", median(create), int(create.size()));
    std::printf("list, first page of 50 (of %d bills): median %.2f ms of %d\n", rows, median(firstPage), int(firstPage.size()));
    std::printf("list, all %d bills in %d pages of 200: %.1f ms\n", rows, pages, walk);
    std::printf("bank payment (fills 1 run x 4 险种): median %.2f ms of %d\n", median(payment), int(payment.size()));
    return 0;
}
