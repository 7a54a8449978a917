#pragma once

// A zip archive of stored (uncompressed) entries, built in memory: the .xlsx XML target packs
// its fuzzed parts with it, and fuzz_seeds unpacks workbooks into such parts. CRC-32 from zlib,
// because minizip refuses an entry whose CRC does not match.

#include <QByteArray>
#include <QList>

#include <utility>

namespace shebao::fuzz {

using ZipEntries = QList<std::pair<QByteArray, QByteArray>>; // (name, content)

QByteArray storedZip(const ZipEntries &entries);

} // namespace shebao::fuzz
