// 统一社会信用代码: CreditCode::parse, check and the two check-character functions on any text.
// Properties: parse and check agree on format and checksum; a parsed code is 18 characters that
// parse to themselves; organizationCodeValid agrees with organizationCodeError.
#include "fuzz/FuzzCheck.h"
#include "models/validation/CreditCode.h"

using namespace shebao;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(fuzz::bytes(data, size));
    (void)CreditCode::checkCharacter(text);
    (void)CreditCode::organizationCheckCharacter(text);

    const QList<Error> problems = CreditCode::check(text);
    const Result<CreditCode> code = CreditCode::parse(text);
    bool formatOrChecksum = false;
    for (const Error &e : problems) {
        SHEBAO_FUZZ_CHECK(!e.message.isEmpty(), "a problem says why");
        formatOrChecksum = formatOrChecksum || e.code == QLatin1String("creditcode.format")
                           || e.code == QLatin1String("creditcode.checksum");
    }
    SHEBAO_FUZZ_CHECK(bool(code) == !formatOrChecksum, "parse and check agree");
    if (!code)
        return 0;
    const QString value = code.value().code();
    SHEBAO_FUZZ_CHECK(value.size() == 18, "18 characters");
    SHEBAO_FUZZ_CHECK(CreditCode::checkCharacter(QStringView(value).left(17)) == value.at(17), "check character");
    const Result<CreditCode> again = CreditCode::parse(value);
    SHEBAO_FUZZ_CHECK(again && again.value().code() == value, "a parsed code parses to itself");
    SHEBAO_FUZZ_CHECK(code.value().organizationCodeValid() == code.value().organizationCodeError().ok(),
                      "organisation code check agrees");
    SHEBAO_FUZZ_CHECK(code.value().registrationAuthority().size() == 1 && code.value().regionCode().size() == 6
                          && code.value().organizationCode().size() == 9,
                      "parts");
    return 0;
}
