#include "fuzz/JsonCodecs.h"

#include "fuzz/FuzzCheck.h"
#include "models/bill/BillJson.h"
#include "models/certificate/CertificateJson.h"
#include "models/change/ChangeJson.h"
#include "models/declaration/DeclarationJson.h"
#include "models/domain/JsonCodec.h"

#include <QJsonDocument>

namespace shebao::fuzz {

namespace {

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

template <typename Decode>
void roundTrip(const QJsonObject &object, Decode decode, const char *name)
{
    const auto first = decode(object);
    if (!first) {
        SHEBAO_FUZZ_CHECK(!first.error().code.isEmpty(), name);
        return;
    }
    const QJsonObject encoded = json::encode(first.value());
    const auto second = decode(encoded);
    if (!second) {
        std::fprintf(stderr, "%s: the encoding of a decoded value does not decode: %s at %s\n%s\n", name,
                     qPrintable(second.error().message), qPrintable(second.error().field), compact(encoded).constData());
        std::abort();
    }
    const QJsonObject again = json::encode(second.value());
    if (again != encoded) {
        std::fprintf(stderr, "%s: decode -> encode -> decode differs\n%s\n%s\n", name, compact(encoded).constData(),
                     compact(again).constData());
        std::abort();
    }
}

} // namespace

#define SHEBAO_JSON_CODEC(decoder)                                                                 \
    JsonCodec                                                                                      \
    {                                                                                              \
        #decoder, [](const QJsonObject &o) { return bool(json::decoder(o)); },                     \
            [](const QJsonObject &o) {                                                             \
                roundTrip(o, [](const QJsonObject &j) { return json::decoder(j); }, #decoder);     \
            }                                                                                      \
    }

const QList<JsonCodec> &jsonCodecs()
{
    static const QList<JsonCodec> codecs{
        SHEBAO_JSON_CODEC(decodeUnit),
        SHEBAO_JSON_CODEC(decodeEnrolment),
        SHEBAO_JSON_CODEC(decodePerson),
        SHEBAO_JSON_CODEC(decodeNotice),
        SHEBAO_JSON_CODEC(decodeDeclarationPerson),
        SHEBAO_JSON_CODEC(decodeItem),
        SHEBAO_JSON_CODEC(decodeBatchEvent),
        SHEBAO_JSON_CODEC(decodeBatch),
        SHEBAO_JSON_CODEC(decodeLookup),
        SHEBAO_JSON_CODEC(decodeFieldChange),
        SHEBAO_JSON_CODEC(decodeAttachment),
        SHEBAO_JSON_CODEC(decodeChangeRequest),
        SHEBAO_JSON_CODEC(decodeInsuranceSummary),
        SHEBAO_JSON_CODEC(decodeRosterRow),
        SHEBAO_JSON_CODEC(decodePersonPeriod),
        SHEBAO_JSON_CODEC(decodeCertificateContent),
        SHEBAO_JSON_CODEC(decodeIssuedCertificate),
        SHEBAO_JSON_CODEC(decodeCertificateRequest),
        SHEBAO_JSON_CODEC(decodeVerificationAnswer),
        SHEBAO_JSON_CODEC(decodeArrearsEstimate),
        SHEBAO_JSON_CODEC(decodeGapRange),
        SHEBAO_JSON_CODEC(decodeUnitGaps),
        SHEBAO_JSON_CODEC(decodeArrearsGaps),
        SHEBAO_JSON_CODEC(decodeBillRequest),
        SHEBAO_JSON_CODEC(decodeBillPayment),
        SHEBAO_JSON_CODEC(decodeBill),
        SHEBAO_JSON_CODEC(decodeBillPage),
        SHEBAO_JSON_CODEC(decodeBankBill),
        SHEBAO_JSON_CODEC(decodeBankPayment),
        SHEBAO_JSON_CODEC(decodeBankPaymentAnswer),
        SHEBAO_JSON_CODEC(decodeClampedBase),
        SHEBAO_JSON_CODEC(decodeArrearsItem),
        SHEBAO_JSON_CODEC(decodeArrearsMonth),
    };
    return codecs;
}

void canonicalRoundTrip(const QByteArray &bytes)
{
    const Result<CertificateContent> content = json::decodeCanonical(bytes);
    if (!content)
        return;
    const QByteArray signedBytes = json::canonical(content.value());
    const Result<CertificateContent> again = json::decodeCanonical(signedBytes);
    SHEBAO_FUZZ_CHECK(again, "canonical bytes decode");
    SHEBAO_FUZZ_CHECK(json::canonical(again.value()) == signedBytes, "canonical bytes are a fixed point");
}

} // namespace shebao::fuzz
