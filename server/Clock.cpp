#include "server/Clock.h"

#include <QDateTime>

namespace shebao::server {

namespace {
constexpr int BeijingOffset = 8 * 3600;

QDateTime beijing(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, Qt::OffsetFromUTC, BeijingOffset);
}
} // namespace

qint64 Clock::now() const
{
    return (m_frozenAt ? m_frozenAt : QDateTime::currentSecsSinceEpoch()) + m_skew;
}

QString Clock::iso(qint64 secs)
{
    return beijing(secs).toString(Qt::ISODate);
}

QString Clock::hhmm(qint64 secs)
{
    return beijing(secs).toString(QStringLiteral("HH:mm"));
}

QDate Clock::beijingDate(qint64 secs)
{
    return beijing(secs).date();
}

qint64 Clock::beijingDayStart(QDate date)
{
    return QDateTime(date, QTime(0, 0), Qt::OffsetFromUTC, BeijingOffset).toSecsSinceEpoch();
}

} // namespace shebao::server
