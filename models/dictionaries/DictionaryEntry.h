#pragma once

#include <QString>
#include <QStringList>

namespace shebao {

// One value of a code table: 01 汉族, 110 企业职工基本养老保险 (养老), 21 解除劳动合同 (parent 2 停保).
struct DictionaryEntry
{
    QString code;
    QString name;
    QString shortName;   // optional: 养老, 汉
    QStringList aliases; // other spellings accepted as input: 非农业 for 城镇
    QString parent;      // optional: code of the parent entry (in this or another dictionary)
    bool historic = false; // no longer issued but still found in old data (430122 望城县)

    bool operator==(const DictionaryEntry &) const = default;
};

} // namespace shebao
