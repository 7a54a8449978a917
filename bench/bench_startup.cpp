// Cold start of shebao-desk's windows, measured from outside: the parent starts this program
// again as a child process (so dynamic loading, Qt's start-up and the translation count) and
// times until the child reports its window exposed. Also the child's memory (VmRSS) with
// 100,000 people cached and the people table loaded.
//   bench_startup [people] [runs]      (offscreen unless QT_QPA_PLATFORM says otherwise)
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdio>

#include "BenchPeople.h"
#include "app/AppContext.h"
#include "app/Session.h"
#include "app/Settings.h"
#include "models/cache/LocalCache.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "ui/Translations.h"

using namespace shebao;

namespace {

qint64 rssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

std::unique_ptr<Settings> tempSettings(const QString &dir)
{
    return std::make_unique<Settings>(
        std::make_unique<QSettings>(dir + QStringLiteral("/settings.ini"), QSettings::IniFormat));
}

// The child: build the window the way shebao-desk does and say when it is on screen.
int child(int argc, char **argv, const QString &mode, const QString &cachePath)
{
    QApplication app(argc, argv);
    ui::installTranslations(QStringLiteral("zh_CN"));
    QTemporaryDir dir;
    AppContext context(tempSettings(dir.path()));
    if (mode == u"login") {
        LoginDialog login(context);
        login.show();
        if (!QTest::qWaitForWindowExposed(&login))
            return 1;
        std::printf("ready\n");
        std::fflush(stdout);
        return 0;
    }
    auto cache = std::make_unique<LocalCache>();
    if (!cache->open(cachePath))
        return 1;
    context.session().begin(QStringLiteral("43010000001"), QStringLiteral("长沙湘江示范科技有限公司"),
                            AccountLevel::Authorized, true, std::move(cache));
    MainWindow window(context);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 1;
    std::printf("ready\nrss_kb %lld\n", rssKb());
    std::fflush(stdout);
    return 0;
}

struct Run
{
    double ms = -1;
    qint64 rss = -1;
};

Run runChild(const QString &self, const QStringList &args)
{
    QProcess p;
    QElapsedTimer t;
    t.start();
    p.start(self, args);
    Run run;
    QByteArray out;
    while (p.waitForReadyRead(30000)) {
        out += p.readAllStandardOutput();
        if (run.ms < 0 && out.contains("ready\n"))
            run.ms = t.nsecsElapsed() / 1e6;
        if (!args.contains(QStringLiteral("main")) || out.contains("rss_kb"))
            break;
    }
    p.waitForFinished(30000);
    out += p.readAllStandardOutput();
    const qsizetype at = out.indexOf("rss_kb ");
    if (at >= 0)
        run.rss = out.mid(at + 7).trimmed().split('\n').first().toLongLong();
    return run;
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? -1 : v[v.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    if (argc >= 3 && QByteArray(argv[1]) == "--child")
        return child(argc, argv, QString::fromLocal8Bit(argv[2]), argc > 3 ? QString::fromLocal8Bit(argv[3]) : QString());
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QCoreApplication app(argc, argv);
    const int people = argc > 1 ? QByteArray(argv[1]).toInt() : 100000;
    const int runs = argc > 2 ? QByteArray(argv[2]).toInt() : 5;

    QTemporaryDir dir;
    const QString cachePath = dir.filePath(QStringLiteral("cache.sqlite"));
    {
        LocalCache cache;
        Unit unit;
        unit.unitNo = QStringLiteral("43010000001");
        unit.name = QStringLiteral("长沙湘江示范科技有限公司");
        if (!cache.open(cachePath) || !cache.replaceUnit(unit) || !cache.beginPersonsSync()
            || !cache.appendPersons(bench::makePeople(people)) || !cache.commitPersonsSync(QDateTime::currentDateTimeUtc())) {
            std::fprintf(stderr, "cannot prepare the cache\n");
            return 2;
        }
    }
    const QString self = QCoreApplication::applicationFilePath();
    QList<double> login, main;
    qint64 rss = -1;
    runChild(self, {QStringLiteral("--child"), QStringLiteral("login")}); // warm the file cache once
    for (int i = 0; i < runs; ++i) {
        login << runChild(self, {QStringLiteral("--child"), QStringLiteral("login")}).ms;
        const Run m = runChild(self, {QStringLiteral("--child"), QStringLiteral("main"), cachePath});
        main << m.ms;
        rss = qMax(rss, m.rss);
    }
    std::printf("platform:                     %s, %d runs, medians\n", qgetenv("QT_QPA_PLATFORM").constData(), runs);
    std::printf("start to login window:        %.0f ms   (target <= 500 ms)\n", median(login));
    std::printf("start to main window, %d cached: %.0f ms   (target <= 1500 ms)\n", people, median(main));
    std::printf("memory with %d cached (RSS):  %.1f MB   (target <= 250 MB)\n", people, rss / 1024.0);
    return 0;
}
