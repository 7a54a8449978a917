// 首页 and 数据备份 (issue 9): what they cost with a big unit.
//   bench_home_backup [people] [entries] [rounds]
// - StaffFigures::compute over N cached people (default 100,000), and HomePage::setPersons
//   (the figures, the enrolled group and the chart redrawn): what every sync and start adds;
// - the PBKDF2 key derivation of one backup (600,000 rounds) alone;
// - a backup and a restore (into a fresh cache) of a cache with M drafts and M outbox entries
//   (default 1,000 each), end to end: snapshot, key, seal, file; file, key, open, merge.
// Prints medians; asserts nothing.
#include <QApplication>
#include <QElapsedTimer>
#include <QSettings>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <optional>

#include "BenchPeople.h"
#include "app/AppContext.h"
#include "app/Settings.h"
#include "app/backup/BackupService.h"
#include "crypto/Aes256Gcm.h"
#include "models/cache/DraftStore.h"
#include "models/cache/LocalCache.h"
#include "models/cache/OutboxStore.h"
#include "models/home/StaffFigures.h"
#include "ui/home/HomePage.h"

using namespace shebao;

namespace {

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

double timed(const std::function<void()> &work)
{
    QElapsedTimer timer;
    timer.start();
    work();
    return double(timer.nsecsElapsed()) / 1e6;
}

template <typename T>
Result<T> wait(const std::function<void(std::function<void(Result<T>)>)> &call)
{
    std::optional<Result<T>> result;
    call([&result](Result<T> r) { result.emplace(std::move(r)); });
    while (!result)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    return std::move(*result);
}

DeclarationItem item(int n)
{
    DeclarationItem item;
    item.kind = DeclarationKind::Add;
    item.name = QStringLiteral("欧阳明");
    item.idNumber = QStringLiteral("4301021990010%1").arg(n, 5, 10, QLatin1Char('0'));
    item.person.gender = QStringLiteral("1");
    item.person.birthDate = QStringLiteral("1990-01-01");
    item.insurances = {QStringLiteral("110"), QStringLiteral("210"), QStringLiteral("410")};
    item.startMonth = QStringLiteral("2026-12");
    item.wage = Money::fromFen(512345);
    return item;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int people = argc > 1 ? QByteArray(argv[1]).toInt() : 100000;
    const int entries = argc > 2 ? QByteArray(argv[2]).toInt() : 1000;
    const int rounds = argc > 3 ? QByteArray(argv[3]).toInt() : 5;
    QTemporaryDir dir;

    // Some people leave and some arrive, so the months have figures to draw.
    QList<Person> persons = bench::makePeople(people);
    for (int i = 0; i < persons.size(); i += 7) {
        for (Enrolment &e : persons[i].enrolments)
            e.startMonth = QStringLiteral("2026-%1").arg(i % 12 + 1, 2, 10, QLatin1Char('0'));
    }
    const YearMonth now = YearMonth::ofDate(QDate(2026, 12, 4));
    QList<double> compute;
    for (int r = 0; r < rounds; ++r)
        compute << timed([&] { (void)StaffFigures::compute(persons, now); });

    auto settings = std::make_unique<Settings>(
        std::make_unique<QSettings>(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat));
    AppContext context(std::move(settings));
    ui::HomePage home(context, {});
    home.resize(900, 640);
    QList<double> page;
    for (int r = 0; r < rounds; ++r)
        page << timed([&] { home.setPersons(persons); });

    QList<double> kdf;
    for (int r = 0; r < rounds; ++r)
        kdf << timed([] { (void)crypto::pbkdf2Sha256("backup-password", "0123456789abcdef",
                                                     BackupFile::DefaultIterations, 64); });

    LocalCache cache;
    if (!cache.open(dir.filePath(QStringLiteral("cache.sqlite"))))
        return 2;
    cache.setMeta(QStringLiteral("unit_no"), QStringLiteral("43010000001"));
    for (int i = 0; i < entries; ++i) {
        DraftStore(cache).save({0, QStringLiteral("declaration.add"), QStringLiteral("草稿 %1").arg(i),
                                QJsonObject{{QStringLiteral("name"), QStringLiteral("欧阳明")},
                                            {QStringLiteral("page"), 2},
                                            {QStringLiteral("id_number"), item(i).idNumber}},
                                {}});
    }
    QList<DeclarationItem> items;
    for (int i = 0; i < entries; ++i)
        items << item(i);
    OutboxStore(cache).enqueueMany(items);
    Settings backupSettings(std::make_unique<QSettings>(dir.filePath(QStringLiteral("b.ini")), QSettings::IniFormat));
    BackupService service;
    const QUrl server(QStringLiteral("https://127.0.0.1:8443"));
    const QString file = dir.filePath(QStringLiteral("backup.sbk"));
    QList<double> backup, restore;
    for (int r = 0; r < rounds; ++r) {
        backup << timed([&] {
            (void)wait<BackupHeader>([&](auto done) {
                service.backup(cache, backupSettings, server, file, QStringLiteral("backup-password"), &app, done);
            });
        });
        LocalCache target;
        target.open(dir.filePath(QStringLiteral("target-%1.sqlite").arg(r)));
        restore << timed([&] {
            (void)wait<SnapshotMerge>([&](auto done) {
                service.restore(file, QStringLiteral("backup-password"), target, backupSettings, server, false, &app,
                                done);
            });
        });
    }
    std::printf("people %d, drafts and outbox entries %d each, median of %d rounds\n", people, entries, rounds);
    std::printf("StaffFigures::compute          %8.1f ms\n", median(compute));
    std::printf("HomePage::setPersons           %8.1f ms (figures, enrolled group, chart)\n", median(page));
    std::printf("PBKDF2-HMAC-SHA256, 600,000    %8.1f ms\n", median(kdf));
    std::printf("backup (file %lld KB)           %8.1f ms\n", QFileInfo(file).size() / 1024, median(backup));
    std::printf("restore into a fresh cache     %8.1f ms\n", median(restore));
    return 0;
}
