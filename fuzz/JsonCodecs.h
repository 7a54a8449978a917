#pragma once

// The JSON codecs of the API types, for fuzz_json and the seeds fuzz_seeds writes for it. Each
// entry decodes an object, and where that succeeds checks the round trip: encoding the value
// and decoding that again must succeed and encode to the same object (decode -> encode ->
// decode equal, compared through the encoding since the types have no operator==).
//
// Adding a codec is one line in the table of JsonCodecs.cpp: SHEBAO_JSON_CODEC(decodeX).
// The first input byte picks the entry (modulo the table size), so append rather than insert
// to keep existing corpora meaningful.

#include <QByteArray>
#include <QJsonObject>
#include <QList>

namespace shebao::fuzz {

struct JsonCodec
{
    const char *name; // the decode function
    bool (*decodes)(const QJsonObject &object);
    void (*roundTrip)(const QJsonObject &object);
};

const QList<JsonCodec> &jsonCodecs();

// The certificate's signed bytes: decodeCanonical -> canonical -> decodeCanonical.
void canonicalRoundTrip(const QByteArray &bytes);

} // namespace shebao::fuzz
