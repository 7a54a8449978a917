#pragma once

#include "models/core/Result.h"

#include <QString>
#include <QStringView>

namespace shebao {

// 姓名: 2-30 characters of CJK ideographs (including the supplementary planes), Latin letters
// and the middle dot "·" that separates the parts of transcribed names ("阿依古丽·买买提").
// Look-alike dots typed by other input methods (・ U+30FB, ･ U+FF65, • U+2022, ‧ U+2027,
// ∙ U+2219, ⋅ U+22C5) are folded to "·"; a full stop is not a middle dot. A single space is kept only between two Latin letters
// ("JOHN SMITH"). Characters are counted as code points. Error code: name.invalid.
class PersonName
{
public:
    // The normalized name, or name.invalid with a message naming the rule that failed.
    static Result<QString> normalize(QStringView text);
    static QString fieldName();

    static constexpr int kMinLength = 2;
    static constexpr int kMaxLength = 30;
};

} // namespace shebao
