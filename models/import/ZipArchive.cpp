#include "models/import/ZipArchive.h"

#include <algorithm>
#include <cstring>

namespace shebao {

ZipArchive::~ZipArchive()
{
    if (m_zip)
        unzClose(m_zip);
}

bool ZipArchive::open()
{
    zlib_filefunc64_def functions{};
    functions.zopen64_file = &ZipArchive::openBytes;
    functions.zread_file = &ZipArchive::readBytes;
    functions.zwrite_file = &ZipArchive::writeBytes;
    functions.ztell64_file = &ZipArchive::tell;
    functions.zseek64_file = &ZipArchive::seek;
    functions.zclose_file = &ZipArchive::close;
    functions.zerror_file = &ZipArchive::error;
    functions.opaque = this;
    m_zip = unzOpen2_64("memory", &functions);
    return m_zip != nullptr;
}

bool ZipArchive::contains(const QByteArray &name) const
{
    return unzLocateFile(m_zip, name.constData(), 2) == UNZ_OK;
}

std::optional<QByteArray> ZipArchive::read(const QByteArray &name, bool *encrypted) const
{
    if (unzLocateFile(m_zip, name.constData(), 2) != UNZ_OK)
        return std::nullopt;
    unz_file_info64 info{};
    if (unzGetCurrentFileInfo64(m_zip, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK)
        return std::nullopt;
    if (info.flag & 1u) {
        if (encrypted)
            *encrypted = true;
        return std::nullopt;
    }
    if (info.uncompressed_size > MaxEntryBytes || unzOpenCurrentFile(m_zip) != UNZ_OK)
        return std::nullopt;
    // The size in the header is a claim: memory follows what actually inflates, so a few bytes
    // claiming a gigabyte cost nothing. The first guess is what the archive's bytes could give.
    QByteArray data;
    data.reserve(qsizetype(std::min<quint64>(info.uncompressed_size, quint64(m_bytes.size()) * 8 + 4096)));
    char buffer[1 << 16];
    bool ok = true;
    for (;;) {
        const int n = unzReadCurrentFile(m_zip, buffer, sizeof buffer);
        if (n < 0 || quint64(data.size()) + quint64(n) > info.uncompressed_size) {
            ok = false;
            break;
        }
        if (n == 0)
            break;
        data.append(buffer, n);
    }
    const bool crcOk = unzCloseCurrentFile(m_zip) == UNZ_OK;
    if (!ok || quint64(data.size()) != info.uncompressed_size || !crcOk)
        return std::nullopt;
    return data;
}

voidpf ZipArchive::openBytes(voidpf opaque, const void *, int mode)
{
    if ((mode & ZLIB_FILEFUNC_MODE_READWRITEFILTER) != ZLIB_FILEFUNC_MODE_READ)
        return nullptr;
    auto *self = static_cast<ZipArchive *>(opaque);
    self->m_position = 0;
    return self;
}

uLong ZipArchive::readBytes(voidpf opaque, voidpf, void *buffer, uLong size)
{
    auto *self = static_cast<ZipArchive *>(opaque);
    const auto total = ZPOS64_T(self->m_bytes.size());
    if (self->m_position >= total)
        return 0;
    const auto n = uLong(std::min<ZPOS64_T>(size, total - self->m_position));
    std::memcpy(buffer, self->m_bytes.constData() + self->m_position, n);
    self->m_position += n;
    return n;
}

uLong ZipArchive::writeBytes(voidpf, voidpf, const void *, uLong)
{
    return 0;
}

ZPOS64_T ZipArchive::tell(voidpf opaque, voidpf)
{
    return static_cast<ZipArchive *>(opaque)->m_position;
}

long ZipArchive::seek(voidpf opaque, voidpf, ZPOS64_T offset, int origin)
{
    auto *self = static_cast<ZipArchive *>(opaque);
    const auto total = ZPOS64_T(self->m_bytes.size());
    ZPOS64_T base = 0;
    switch (origin) {
    case ZLIB_FILEFUNC_SEEK_SET: base = 0; break;
    case ZLIB_FILEFUNC_SEEK_CUR: base = self->m_position; break;
    case ZLIB_FILEFUNC_SEEK_END: base = total; break;
    default: return -1;
    }
    // A target past the end is refused: a truncated archive fails here, not in a later read.
    if (offset > total || base > total - offset)
        return -1;
    self->m_position = base + offset;
    return 0;
}

int ZipArchive::close(voidpf, voidpf)
{
    return 0;
}

int ZipArchive::error(voidpf, voidpf)
{
    return 0;
}

} // namespace shebao
