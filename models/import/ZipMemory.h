#pragma once

#include <QByteArray>

#include <ioapi.h>

namespace shebao {

// minizip's file functions over bytes already in memory, for unzOpen2_64: XlsxReader reads an
// uploaded or fuzzed workbook without a temporary file, and a file through the same code.
// Read-only; the bytes must outlive the unzFile opened with functions().
class ZipMemory
{
public:
    explicit ZipMemory(const QByteArray &bytes) : m_bytes(bytes) {}
    ZipMemory(const ZipMemory &) = delete;
    ZipMemory &operator=(const ZipMemory &) = delete;

    // Functions whose opaque pointer is this object; each open starts at offset 0.
    zlib_filefunc64_def functions();

private:
    static voidpf open(voidpf opaque, const void *name, int mode);
    static uLong read(voidpf opaque, voidpf stream, void *buffer, uLong size);
    static uLong write(voidpf opaque, voidpf stream, const void *buffer, uLong size);
    static ZPOS64_T tell(voidpf opaque, voidpf stream);
    static long seek(voidpf opaque, voidpf stream, ZPOS64_T offset, int origin);
    static int close(voidpf opaque, voidpf stream);
    static int error(voidpf opaque, voidpf stream);

    const QByteArray &m_bytes;
    ZPOS64_T m_position = 0;
};

} // namespace shebao
