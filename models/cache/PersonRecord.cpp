#include "models/cache/PersonRecord.h"

namespace shebao::cache {

namespace {

constexpr char FormatV1 = 1;

void putVarint(QByteArray &out, quint64 value)
{
    while (value >= 0x80) {
        out.append(char((value & 0x7f) | 0x80));
        value >>= 7;
    }
    out.append(char(value));
}

void putString(QByteArray &out, const QString &text)
{
    // Most fields are ASCII: copy them straight into the record without a temporary.
    const QChar *chars = text.constData();
    const qsizetype size = text.size();
    bool ascii = true;
    for (qsizetype i = 0; i < size && ascii; ++i)
        ascii = chars[i].unicode() < 0x80;
    if (!ascii) {
        const QByteArray utf8 = text.toUtf8();
        putVarint(out, quint64(utf8.size()));
        out.append(utf8);
        return;
    }
    putVarint(out, quint64(size));
    const qsizetype at = out.size();
    out.resize(at + size);
    char *target = out.data() + at;
    for (qsizetype i = 0; i < size; ++i)
        target[i] = char(chars[i].unicode());
}

quint8 statusByte(EnrolmentStatus status)
{
    switch (status) {
    case EnrolmentStatus::Active: return 0;
    case EnrolmentStatus::Suspended: return 1;
    case EnrolmentStatus::Terminated: return 2;
    }
    return 0;
}

class Reader
{
public:
    Reader(QByteArrayView data, StringPool *pool) : m_data(data), m_pool(pool) {}

    bool varint(quint64 *value)
    {
        quint64 result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (m_pos >= m_data.size())
                return false;
            const auto byte = quint8(m_data[m_pos++]);
            result |= quint64(byte & 0x7f) << shift;
            if (!(byte & 0x80)) {
                *value = result;
                return true;
            }
        }
        return false;
    }

    bool string(QString *out, bool pooled = false)
    {
        quint64 size = 0;
        if (!varint(&size) || size > quint64(m_data.size() - m_pos))
            return false;
        const char *start = m_data.data() + m_pos;
        *out = pooled && m_pool ? m_pool->get(start, qsizetype(size)) : QString::fromUtf8(start, qsizetype(size));
        m_pos += qsizetype(size);
        return true;
    }

    bool byte(quint8 *out)
    {
        if (m_pos >= m_data.size())
            return false;
        *out = quint8(m_data[m_pos++]);
        return true;
    }

    bool atEnd() const { return m_pos == m_data.size(); }

private:
    QByteArrayView m_data;
    StringPool *m_pool;
    qsizetype m_pos = 0;
};

} // namespace

QString StringPool::get(const char *utf8, qsizetype size)
{
    if (size == 0)
        return QString();
    const QByteArray key = QByteArray::fromRawData(utf8, size); // no copy for the lookup
    const auto found = m_strings.constFind(key);
    if (found != m_strings.cend())
        return found.value();
    QString value = QString::fromUtf8(utf8, size);
    if (m_strings.size() < 200000) // bounded: free text must not grow the pool without end
        m_strings.insert(QByteArray(utf8, size), value);
    return value;
}

QByteArray packPerson(const Person &p)
{
    QByteArray out;
    out.reserve(160 + 40 * p.enrolments.size());
    out.append(FormatV1);
    for (const QString *s : {&p.personNo, &p.name, &p.idNumber, &p.gender, &p.birthDate, &p.ethnicity, &p.hukou,
                             &p.employmentForm, &p.identity, &p.workStartDate, &p.phone})
        putString(out, *s);
    putVarint(out, quint64(p.enrolments.size()));
    for (const Enrolment &e : p.enrolments) {
        putString(out, e.insurance);
        putString(out, e.startMonth);
        putString(out, e.endMonth);
        out.append(char(statusByte(e.status)));
        const qint64 fen = e.wageBase.fen();
        putVarint(out, (quint64(fen) << 1) ^ quint64(fen >> 63));
    }
    return out;
}

bool unpackPerson(QByteArrayView record, Person *p, StringPool *pool)
{
    Reader in(record, pool);
    quint8 format = 0;
    if (!in.byte(&format) || format != FormatV1)
        return false;
    if (!in.string(&p->personNo) || !in.string(&p->name) || !in.string(&p->idNumber))
        return false;
    for (QString *s : {&p->gender, &p->birthDate, &p->ethnicity, &p->hukou, &p->employmentForm, &p->identity,
                       &p->workStartDate}) {
        if (!in.string(s, true))
            return false;
    }
    if (!in.string(&p->phone))
        return false;
    quint64 count = 0;
    // Each period takes at least 5 bytes: a corrupt count must not make us reserve gigabytes.
    if (!in.varint(&count) || count > quint64(record.size()) / 5)
        return false;
    p->enrolments.clear();
    p->enrolments.reserve(qsizetype(count));
    for (quint64 i = 0; i < count; ++i) {
        Enrolment e;
        quint8 status = 0;
        quint64 zigzag = 0;
        if (!in.string(&e.insurance, true) || !in.string(&e.startMonth, true) || !in.string(&e.endMonth, true)
            || !in.byte(&status)
            || status > 2 || !in.varint(&zigzag))
            return false;
        e.status = status == 0 ? EnrolmentStatus::Active
                 : status == 1 ? EnrolmentStatus::Suspended
                               : EnrolmentStatus::Terminated;
        e.wageBase = Money::fromFen(qint64(zigzag >> 1) ^ -qint64(zigzag & 1));
        p->enrolments.append(std::move(e));
    }
    return in.atEnd();
}

} // namespace shebao::cache
