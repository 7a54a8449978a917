// The JSON codecs of every API type (JsonCodecs.h): byte 0 picks the codec, the rest is the
// JSON text; the last entry after the table is the certificate's canonical (signed) form.
#include "fuzz/FuzzCheck.h"
#include "fuzz/JsonCodecs.h"

#include <QJsonDocument>

using namespace shebao;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QList<fuzz::JsonCodec> &codecs = fuzz::jsonCodecs();
    const qsizetype choice = data[0] % (codecs.size() + 1);
    const QByteArray text = fuzz::bytes(data + 1, size - 1);
    if (choice == codecs.size()) {
        fuzz::canonicalRoundTrip(text);
        return 0;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(text);
    if (doc.isObject())
        codecs.at(choice).roundTrip(doc.object());
    return 0;
}
