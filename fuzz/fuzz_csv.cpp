// The CSV reader (UTF-8 with or without BOM, GB18030/GBK, ',' ';' or tab, RFC 4180 quoting) on
// any bytes, and the import checks on what it reads. Property: every record becomes a row whose
// number follows the previous one.
#include "fuzz/FuzzCheck.h"
#include "fuzz/ImportSink.h"
#include "models/import/CsvReader.h"

using namespace shebao;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    CsvReader::Encoding encoding = CsvReader::Encoding::Utf8;
    const Result<QString> text = CsvReader::decode(input, &encoding);
    if (text)
        (void)CsvReader::detectDelimiter(text.value());
    const Result<ImportSheet> sheet = CsvReader::parse(input, QStringLiteral("fuzz.csv"));
    SHEBAO_FUZZ_CHECK(bool(sheet) == bool(text), "parse fails exactly when decoding does");
    if (!sheet)
        return 0;
    int previous = 0;
    for (const ImportRow &row : sheet.value().rows) {
        SHEBAO_FUZZ_CHECK(row.number > previous, "row numbers increase");
        previous = row.number;
    }
    fuzz::checkSheet(sheet.value());
    return 0;
}
