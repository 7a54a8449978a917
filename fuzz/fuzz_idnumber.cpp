// 公民身份号码: IdNumber::parse, checkCharacter and mask on any text (UTF-8 input).
// Properties: a parsed number is 18 characters whose last is the check character of the first
// 17; parsing it again gives the same number and birth date; mask keeps the length.
#include "fuzz/FuzzCheck.h"
#include "models/validation/IdNumber.h"

using namespace shebao;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(fuzz::bytes(data, size));
    SHEBAO_FUZZ_CHECK(IdNumber::mask(text).size() == text.size(), "mask keeps the length");
    (void)IdNumber::checkCharacter(text);

    const Result<IdNumber> id = IdNumber::parse(text, fuzz::today());
    if (!id) {
        SHEBAO_FUZZ_CHECK(!id.error().code.isEmpty() && !id.error().message.isEmpty(), "an error says why");
        return 0;
    }
    const QString number = id.value().number();
    SHEBAO_FUZZ_CHECK(number.size() == 18, "18 characters");
    SHEBAO_FUZZ_CHECK(IdNumber::checkCharacter(QStringView(number).left(17)) == number.at(17), "check character");
    SHEBAO_FUZZ_CHECK(id.value().birthDate().isValid() && id.value().birthDate() <= fuzz::today(), "birth date");
    const Result<IdNumber> again = IdNumber::parse(number, fuzz::today());
    SHEBAO_FUZZ_CHECK(again && again.value().number() == number, "a parsed number parses to itself");
    SHEBAO_FUZZ_CHECK(again.value().birthDate() == id.value().birthDate(), "same birth date");
    SHEBAO_FUZZ_CHECK(id.value().masked().size() == 18, "masked number");
    const QString gender = id.value().genderName();
    SHEBAO_FUZZ_CHECK(gender == QStringLiteral("男") || gender == QStringLiteral("女"), "gender");
    return 0;
}
