#include "models/import/ZipMemory.h"

#include <algorithm>
#include <cstring>

namespace shebao {

zlib_filefunc64_def ZipMemory::functions()
{
    zlib_filefunc64_def f{};
    f.zopen64_file = &ZipMemory::open;
    f.zread_file = &ZipMemory::read;
    f.zwrite_file = &ZipMemory::write;
    f.ztell64_file = &ZipMemory::tell;
    f.zseek64_file = &ZipMemory::seek;
    f.zclose_file = &ZipMemory::close;
    f.zerror_file = &ZipMemory::error;
    f.opaque = this;
    return f;
}

voidpf ZipMemory::open(voidpf opaque, const void *, int mode)
{
    if ((mode & ZLIB_FILEFUNC_MODE_READWRITEFILTER) != ZLIB_FILEFUNC_MODE_READ)
        return nullptr;
    auto *self = static_cast<ZipMemory *>(opaque);
    self->m_position = 0;
    return self;
}

uLong ZipMemory::read(voidpf opaque, voidpf, void *buffer, uLong size)
{
    auto *self = static_cast<ZipMemory *>(opaque);
    const auto total = ZPOS64_T(self->m_bytes.size());
    if (self->m_position >= total)
        return 0;
    const auto n = uLong(std::min<ZPOS64_T>(size, total - self->m_position));
    std::memcpy(buffer, self->m_bytes.constData() + self->m_position, n);
    self->m_position += n;
    return n;
}

uLong ZipMemory::write(voidpf, voidpf, const void *, uLong)
{
    return 0;
}

ZPOS64_T ZipMemory::tell(voidpf opaque, voidpf)
{
    return static_cast<ZipMemory *>(opaque)->m_position;
}

long ZipMemory::seek(voidpf opaque, voidpf, ZPOS64_T offset, int origin)
{
    auto *self = static_cast<ZipMemory *>(opaque);
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

int ZipMemory::close(voidpf, voidpf)
{
    return 0;
}

int ZipMemory::error(voidpf, voidpf)
{
    return 0;
}

} // namespace shebao
