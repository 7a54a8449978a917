// The .xlsx reader's XML: the worksheet, shared strings, styles, workbook and its relationships
// as fuzzed text (XlsxParts.h), packed into a valid archive, so mutations reach pugixml and the
// cell, date and sheet logic instead of stopping at the zip layer.
#include "fuzz/FuzzCheck.h"
#include "fuzz/ImportSink.h"
#include "fuzz/StoredZip.h"
#include "fuzz/XlsxParts.h"
#include "models/import/XlsxReader.h"

using namespace shebao;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QList<QByteArray> parts = fuzz::xlsxparts::split(fuzz::bytes(data, size));
    fuzz::ZipEntries entries;
    for (qsizetype i = 0; i < parts.size(); ++i)
        entries.append({fuzz::xlsxparts::names().at(i), parts.at(i)});
    const QByteArray workbook = fuzz::storedZip(entries);

    const Result<ImportSheet> sheet = XlsxReader::parse(workbook);
    if (!sheet) {
        SHEBAO_FUZZ_CHECK(sheet.error().code.startsWith(QLatin1String("import.")), "an import error");
        return 0;
    }
    const Result<QStringList> names = XlsxReader::sheetNamesOf(workbook);
    SHEBAO_FUZZ_CHECK(names && names.value().contains(sheet.value().name), "the sheet read is one of the names");
    fuzz::checkSheet(sheet.value());
    return 0;
}
