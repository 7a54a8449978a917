#pragma once

#include <QByteArray>

#include <optional>

#include <ioapi.h>
#include <unzip.h>

namespace shebao {

// A zip archive read from bytes in memory with minizip (the .xlsx reader's archive: a workbook
// from a file, an upload or a fuzzer goes through the same code). Entries are looked up
// case-insensitively, as Excel does. The bytes must outlive the archive.
class ZipArchive
{
public:
    // An entry inflating to more is refused (a 100,000-row sheet is ~50 MB of XML).
    static constexpr quint64 MaxEntryBytes = quint64(1) << 30;

    explicit ZipArchive(const QByteArray &bytes) : m_bytes(bytes) {}
    ~ZipArchive();
    ZipArchive(const ZipArchive &) = delete;
    ZipArchive &operator=(const ZipArchive &) = delete;

    // False when the bytes are no zip archive minizip can read.
    bool open();
    bool contains(const QByteArray &name) const;
    // The inflated entry; nullopt when missing, damaged (size or CRC) or encrypted, which sets
    // `encrypted`.
    std::optional<QByteArray> read(const QByteArray &name, bool *encrypted = nullptr) const;

private:
    // minizip's file functions over m_bytes, for unzOpen2_64.
    static voidpf openBytes(voidpf opaque, const void *name, int mode);
    static uLong readBytes(voidpf opaque, voidpf stream, void *buffer, uLong size);
    static uLong writeBytes(voidpf opaque, voidpf stream, const void *buffer, uLong size);
    static ZPOS64_T tell(voidpf opaque, voidpf stream);
    static long seek(voidpf opaque, voidpf stream, ZPOS64_T offset, int origin);
    static int close(voidpf opaque, voidpf stream);
    static int error(voidpf opaque, voidpf stream);

    const QByteArray &m_bytes;
    ZPOS64_T m_position = 0;
    unzFile m_zip = nullptr;
};

} // namespace shebao
