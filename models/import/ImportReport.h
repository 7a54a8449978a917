#pragma once

#include "models/import/ImportResult.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace shebao {

// The report of shebao-cli check-import --json (issue 4), exactly:
//   {"file": "...", "kind": "add"|"reduce", "rows": N, "valid": N,
//    "problems": [{"row": R, "column": "公民身份号码", "code": "id.checksum",
//                  "severity": "error"|"warning", "message": "..."}],
//    "skipped_rules": ["person.enrolled"]}
// "skipped_rules" is the only addition: the rules that need the server and were not applied.
QJsonObject importReportObject(const ImportResult &result, const QString &file);
// The object as compact UTF-8 JSON followed by a newline, ready to print.
QByteArray importReportJson(const ImportResult &result, const QString &file);

} // namespace shebao
