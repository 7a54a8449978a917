// 参保证明 end to end (issue 7 benchmarks): what a clerk waits for after 生成参保证明 — the POST to
// a real in-process shebao-server over HTTPS (the content computed from the database, numbered,
// signed with the agency's key, stored), the answer decoded, and the whole
// EnrolmentCertificateForm::writePdf. One 单位参保证明 (target <= 150 ms) and a 参保人员名单 of the
// unit's paying people (1,007 with the default 1,300 demo people). Prints the medians of
// the issue, the PDF and both; SQLite in a temporary directory.
// Usage: bench_certificate_issue [demo people] [rounds]
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QUuid>

#include <algorithm>
#include <cstdio>

#include "app/ApiClient.h"
#include "app/EnrolmentCertificateForm.h"
#include "models/certificate/CertificateJson.h"
#include "server/Server.h"

using namespace shebao;

namespace {

template <typename T>
Result<T> wait(const std::function<void(QObject *, ApiClient::Callback<T>)> &call)
{
    std::optional<Result<T>> result;
    QEventLoop loop;
    call(&loop, [&](Result<T> r) {
        result.emplace(std::move(r));
        loop.quit();
    });
    if (!result)
        loop.exec();
    return std::move(*result);
}

[[noreturn]] void die(const Error &e)
{
    std::fprintf(stderr, "%s %s %s\n", qPrintable(e.code), qPrintable(e.message), qPrintable(e.detail));
    std::exit(2);
}

struct Figures
{
    double issue = 0, pdf = 0, total = 0;
    int pages = 0, rows = 0;
    qint64 bytes = 0;
};

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.at(v.size() / 2);
}

Figures measure(ApiClient &api, const char *kind, const QString &pdf, int rounds)
{
    QList<double> issue, render, total;
    Figures f;
    for (int r = 0; r < rounds; ++r) {
        QElapsedTimer t;
        t.start();
        const QJsonObject body{{QStringLiteral("kind"), QLatin1String(kind)}, {QStringLiteral("purpose"), QStringLiteral("基准测试")}};
        auto reply = wait<QJsonDocument>([&](QObject *c, ApiClient::Callback<QJsonDocument> done) {
            api.postJson(QStringLiteral("/certificates"), body, QUuid::createUuid().toString(QUuid::WithoutBraces), c, std::move(done));
        });
        if (!reply)
            die(reply.error());
        auto record = json::decodeIssuedCertificate(reply.value().object());
        if (!record)
            die(record.error());
        const qint64 issued = t.nsecsElapsed();
        const auto printed = EnrolmentCertificateForm::writePdf(record.value(), pdf);
        if (!printed)
            die(printed.error());
        const qint64 done = t.nsecsElapsed();
        issue.append(double(issued) / 1e9);
        render.append(double(done - issued) / 1e9);
        total.append(double(done) / 1e9);
        f.pages = printed.value().pages;
        f.rows = int(record.value().content.roster.size());
    }
    f.issue = median(issue);
    f.pdf = median(render);
    f.total = median(total);
    f.bytes = QFile(pdf).size();
    return f;
}

} // namespace

int main(int argc, char **argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const int people = argc > 1 ? std::max(10, atoi(argv[1])) : 1300;
    const int rounds = argc > 2 ? std::max(1, atoi(argv[2])) : 7;
    QTemporaryDir dir;

    server::ServerOptions options;
    options.dataDir = dir.filePath(QStringLiteral("server"));
    options.listenPort = 0;
    options.demo = true;
    options.demoPersons = people;
    server::Server server(options);
    auto port = server.start();
    if (!port)
        die(port.error());

    ApiClient api;
    api.setBaseUrl(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(port.value())));
    if (auto r = api.addCaCertificatesFromFile(server.caFile()); !r)
        die(r.error());
    auto login = wait<LoginReply>([&](QObject *c, ApiClient::Callback<LoginReply> done) {
        api.login(QStringLiteral("43010000001"), QStringLiteral("Demo1234"), c, std::move(done));
    });
    if (!login)
        die(login.error());
    api.setToken(login.value().token);

    // The first certificate loads fonts and warms the connection: untimed.
    measure(api, "unit", dir.filePath(QStringLiteral("warm.pdf")), 1);
    const Figures unit = measure(api, "unit", dir.filePath(QStringLiteral("unit.pdf")), rounds);
    const Figures roster = measure(api, "roster", dir.filePath(QStringLiteral("roster.pdf")), rounds);
    std::printf("median of %d rounds, wall time; server and client in one process (one thread), SQLite, %d demo people\n",
                rounds, people);
    std::printf("单位参保证明: issue %.3f s + PDF %.3f s = %.3f s, %d page(s), %lld bytes   target <= 0.150 s [%s]\n",
                unit.issue, unit.pdf, unit.total, unit.pages, unit.bytes, unit.total <= 0.150 ? "met" : "MISSED");
    std::printf("参保人员名单 of %d people: issue %.3f s + PDF %.3f s = %.3f s, %d pages, %lld bytes\n", roster.rows,
                roster.issue, roster.pdf, roster.total, roster.pages, roster.bytes);
    return 0;
}
