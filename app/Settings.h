#pragma once

#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <memory>

class QSettings;

namespace shebao {

// Typed access to the client's settings, defaults in one place, versioned with migrate().
// Never holds secrets: no password, no token.
class Settings
{
public:
    static constexpr int CurrentVersion = 1;

    Settings();                                      // the user's settings file
    explicit Settings(std::unique_ptr<QSettings> backing); // tests: a file of their own
    ~Settings();

    void migrate();
    int version() const;

    QUrl serverUrl() const;                 // default https://127.0.0.1:8443
    void setServerUrl(const QUrl &url);
    QString caFile() const;                 // extra CA (PEM) to trust; empty: system CAs only
    void setCaFile(const QString &path);
    QString lastUnitNo() const;             // remembered for the login dialog
    void setLastUnitNo(const QString &unitNo);

    // 首页's monthly deadline: the day of the month (1–31; in a shorter month its last day)
    // by which the month's declarations are due, and how many days before it the reminder
    // shows (0–15). Defaults 25 and 3.
    static constexpr int DefaultDeadlineDay = 25;
    static constexpr int DefaultReminderDays = 3;
    int deadlineDay() const;
    void setDeadlineDay(int day);
    int reminderDays() const;
    void setReminderDays(int days);

    // Every setting as JSON, for a backup (there are no secrets to leave out).
    QJsonObject toBackup() const;
    // Takes the preferences of a backup (the deadline and reminder); the connection (server
    // address, CA file) stays this computer's own. Values out of range are ignored.
    void restorePreferences(const QJsonObject &backup);

    void sync();

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace shebao
