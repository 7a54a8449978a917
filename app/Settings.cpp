#include "app/Settings.h"

#include <QSettings>

namespace shebao {

namespace {

// Keys and defaults live here only; the rest of the program uses the typed accessors.
namespace Key {
const QString Version = QStringLiteral("version");
const QString ServerUrl = QStringLiteral("server/url");
const QString CaFile = QStringLiteral("server/caFile");
const QString LastUnitNo = QStringLiteral("login/lastUnitNo");
const QString DeadlineDay = QStringLiteral("home/deadlineDay");
const QString ReminderDays = QStringLiteral("home/reminderDays");
} // namespace Key

const QUrl DefaultServerUrl(QStringLiteral("https://127.0.0.1:8443"));

// Version 0 was the unversioned, flat layout of the first prototypes; it also kept a
// "password" and a "token", which must never be on disk.
void migrateFrom0(QSettings &s)
{
    const QList<QPair<QString, QString>> moves{
        {QStringLiteral("serverUrl"), Key::ServerUrl},
        {QStringLiteral("caFile"), Key::CaFile},
        {QStringLiteral("lastUnit"), Key::LastUnitNo},
    };
    for (const auto &[from, to] : moves) {
        if (s.contains(from)) {
            if (!s.contains(to))
                s.setValue(to, s.value(from));
            s.remove(from);
        }
    }
    for (const QString &secret : {QStringLiteral("password"), QStringLiteral("token"),
                                  QStringLiteral("login/password"), QStringLiteral("login/token")})
        s.remove(secret);
}

} // namespace

Settings::Settings()
    : Settings(std::make_unique<QSettings>(QSettings::IniFormat, QSettings::UserScope, QStringLiteral("shebao"),
                                           QStringLiteral("shebao-desk")))
{
}

Settings::Settings(std::unique_ptr<QSettings> backing) : m_settings(std::move(backing)) {}

Settings::~Settings() = default;

void Settings::migrate()
{
    const int from = version();
    if (from >= CurrentVersion)
        return; // newer files are left alone: an older program must not damage them
    if (from < 1)
        migrateFrom0(*m_settings);
    m_settings->setValue(Key::Version, CurrentVersion);
    m_settings->sync();
}

int Settings::version() const
{
    return m_settings->value(Key::Version, 0).toInt();
}

QUrl Settings::serverUrl() const
{
    const QUrl url(m_settings->value(Key::ServerUrl).toString());
    return url.isValid() && !url.isEmpty() ? url : DefaultServerUrl;
}

void Settings::setServerUrl(const QUrl &url)
{
    m_settings->setValue(Key::ServerUrl, url.toString());
}

QString Settings::caFile() const
{
    return m_settings->value(Key::CaFile).toString();
}

void Settings::setCaFile(const QString &path)
{
    m_settings->setValue(Key::CaFile, path);
}

QString Settings::lastUnitNo() const
{
    return m_settings->value(Key::LastUnitNo).toString();
}

void Settings::setLastUnitNo(const QString &unitNo)
{
    m_settings->setValue(Key::LastUnitNo, unitNo);
}

namespace {

int inRange(const QVariant &value, int low, int high, int fallback)
{
    bool ok = false;
    const int n = value.toInt(&ok);
    return ok && n >= low && n <= high ? n : fallback;
}

} // namespace

int Settings::deadlineDay() const
{
    return inRange(m_settings->value(Key::DeadlineDay), 1, 31, DefaultDeadlineDay);
}

void Settings::setDeadlineDay(int day)
{
    m_settings->setValue(Key::DeadlineDay, qBound(1, day, 31));
}

int Settings::reminderDays() const
{
    return inRange(m_settings->value(Key::ReminderDays), 0, 15, DefaultReminderDays);
}

void Settings::setReminderDays(int days)
{
    m_settings->setValue(Key::ReminderDays, qBound(0, days, 15));
}

QJsonObject Settings::toBackup() const
{
    return {{Key::ServerUrl, serverUrl().toString()},
            {Key::CaFile, caFile()},
            {Key::LastUnitNo, lastUnitNo()},
            {Key::DeadlineDay, deadlineDay()},
            {Key::ReminderDays, reminderDays()}};
}

void Settings::restorePreferences(const QJsonObject &backup)
{
    const int day = inRange(backup.value(Key::DeadlineDay).toVariant(), 1, 31, 0);
    if (day > 0)
        setDeadlineDay(day);
    const int reminder = inRange(backup.value(Key::ReminderDays).toVariant(), 0, 15, -1);
    if (reminder >= 0)
        setReminderDays(reminder);
}

void Settings::sync()
{
    m_settings->sync();
}

} // namespace shebao
