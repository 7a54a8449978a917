#pragma once

#include "models/core/Result.h"
#include "models/dictionaries/Dictionary.h"

#include <QStringList>
#include <QStringView>

namespace shebao {

// The standard code tables shipped in the binary (resources/data/dictionaries/*.json, embedded
// under :/data/dictionaries/). Loaded once on first use, thread-safely; the references stay valid
// for the life of the process. An embedded file that fails to load yields an empty dictionary and
// its error in status(), which a unit test keeps at ok.
class Dictionaries
{
public:
    static const Dictionary &ethnicity();      // 民族 GB/T 3304
    static const Dictionary &insurance();      // 险种类型 AAE140
    static const Dictionary &hukou();          // 户口性质
    static const Dictionary &employmentForm(); // 用工形式
    static const Dictionary &identity();       // 个人身份
    static const Dictionary &changeType();     // 变更类型 (停保 / 终止)
    static const Dictionary &changeReason();   // 变更原因, parent = 变更类型 code
    static const Dictionary &district();       // 行政区划 GB/T 2260 (长沙)

    // The ids of the standard dictionaries ("ethnicity", "insurance", ...), and one by id (an empty
    // dictionary for an unknown id).
    static QStringList ids();
    static const Dictionary &byId(QStringView id);
    // ok, or the first load error of the embedded files.
    static Result<void> status();
    // The resource path of a standard dictionary: ":/data/dictionaries/<id>.json".
    static QString resourcePath(const QString &id);
};

} // namespace shebao
