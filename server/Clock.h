#pragma once

#include <QDate>
#include <QString>
#include <QtGlobal>

namespace shebao::server {

// The server's notion of "now", in seconds since the epoch. Injectable: tests advance it to
// check lock expiry without waiting 15 minutes. Times shown to users are Beijing time (+08:00),
// since the server is the Changsha agency whatever the host's zone is.
class Clock
{
public:
    qint64 now() const;
    void advance(qint64 seconds) { m_skew += seconds; }
    // Tests that check a boundary to the second stop the clock, so that no real second ticks
    // between setting it and asking; advance() still moves it. thaw() lets it run again.
    void freeze() { m_frozenAt = now() - m_skew; }
    void thaw() { m_frozenAt = 0; }

    static QString iso(qint64 secsSinceEpoch);     // "2026-12-03T19:05:00+08:00"
    static QString hhmm(qint64 secsSinceEpoch);    // "19:05" (Beijing time)
    static QDate beijingDate(qint64 secsSinceEpoch);
    // The first second of a Beijing calendar day (00:00 +08:00), in seconds since the epoch.
    static qint64 beijingDayStart(QDate date);

private:
    qint64 m_skew = 0;
    qint64 m_frozenAt = 0; // the real time it stopped at; 0: running
};

} // namespace shebao::server
