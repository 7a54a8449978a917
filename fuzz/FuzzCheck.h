#pragma once

// Shared by the libFuzzer targets (docs/reliability.md): a failed property aborts, so libFuzzer
// keeps the input as a crash just like an ASan or UBSan report.

#include <QByteArray>
#include <QDate>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

#define SHEBAO_FUZZ_CHECK(condition, what)                                                           \
    do {                                                                                             \
        if (!(condition)) {                                                                          \
            std::fprintf(stderr, "property failed: %s (%s) at %s:%d\n", (what), #condition, __FILE__, \
                         __LINE__);                                                                  \
            std::abort();                                                                            \
        }                                                                                            \
    } while (0)

namespace shebao::fuzz {

// The input as a QByteArray of its own (NUL-terminated, as every QByteArray the code gets is).
inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

// The day the checks run: fixed, so a crash reproduces on any later day.
inline QDate today()
{
    return QDate(2026, 12, 4);
}

} // namespace shebao::fuzz
