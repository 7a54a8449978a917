#include "fuzz/StoredZip.h"

#include <zlib.h>

namespace shebao::fuzz {

namespace {

void put16(QByteArray &out, quint32 v)
{
    out.append(char(v & 0xFF));
    out.append(char((v >> 8) & 0xFF));
}

void put32(QByteArray &out, quint32 v)
{
    put16(out, v & 0xFFFF);
    put16(out, v >> 16);
}

} // namespace

QByteArray storedZip(const ZipEntries &entries)
{
    QByteArray out;
    QByteArray central;
    for (const auto &[name, content] : entries) {
        const auto crc = quint32(crc32(0, reinterpret_cast<const Bytef *>(content.constData()), uInt(content.size())));
        const auto offset = quint32(out.size());
        put32(out, 0x04034b50);
        put16(out, 20); // version needed
        put16(out, 0);  // flags
        put16(out, 0);  // stored
        put16(out, 0);  // time
        put16(out, 0x21); // 1980-01-01
        put32(out, crc);
        put32(out, quint32(content.size()));
        put32(out, quint32(content.size()));
        put16(out, quint32(name.size()));
        put16(out, 0);
        out += name;
        out += content;

        put32(central, 0x02014b50);
        put16(central, 20); // version made by
        put16(central, 20); // version needed
        put16(central, 0);
        put16(central, 0);
        put16(central, 0);
        put16(central, 0x21);
        put32(central, crc);
        put32(central, quint32(content.size()));
        put32(central, quint32(content.size()));
        put16(central, quint32(name.size()));
        put16(central, 0); // extra
        put16(central, 0); // comment
        put16(central, 0); // disk
        put16(central, 0); // internal attributes
        put32(central, 0); // external attributes
        put32(central, offset);
        central += name;
    }
    const auto centralOffset = quint32(out.size());
    out += central;
    put32(out, 0x06054b50);
    put16(out, 0);
    put16(out, 0);
    put16(out, quint32(entries.size()));
    put16(out, quint32(entries.size()));
    put32(out, quint32(central.size()));
    put32(out, centralOffset);
    put16(out, 0);
    return out;
}

} // namespace shebao::fuzz
