#pragma once

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

    void sync();

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace shebao
