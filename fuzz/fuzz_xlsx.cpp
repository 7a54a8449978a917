// The .xlsx reader on any bytes as a whole file (the zip archive included), and the import checks
// on what it reads. fuzz_xlsx_xml reaches the XML parts more directly.
#include "fuzz/FuzzCheck.h"
#include "fuzz/ImportSink.h"
#include "models/import/XlsxReader.h"

using namespace shebao;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    const Result<QStringList> names = XlsxReader::sheetNamesOf(input);
    const Result<ImportSheet> sheet = XlsxReader::parse(input);
    if (!sheet) {
        SHEBAO_FUZZ_CHECK(sheet.error().code.startsWith(QLatin1String("import.")), "an import error");
        return 0;
    }
    SHEBAO_FUZZ_CHECK(names && names.value().contains(sheet.value().name), "the sheet read is one of the names");
    fuzz::checkSheet(sheet.value());
    return 0;
}
