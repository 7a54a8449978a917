#include "models/import/ImportReport.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace shebao {

QJsonObject importReportObject(const ImportResult &result, const QString &file)
{
    QJsonArray problems;
    for (const ImportProblem &p : result.problems) {
        problems.append(QJsonObject{
            {QStringLiteral("row"), p.row},
            {QStringLiteral("column"), p.column},
            {QStringLiteral("code"), p.code},
            {QStringLiteral("severity"), ImportProblem::severityCode(p.severity)},
            {QStringLiteral("message"), p.message},
        });
    }
    return QJsonObject{
        {QStringLiteral("file"), file},
        {QStringLiteral("kind"), ImportColumns::kindCode(result.kind)},
        {QStringLiteral("rows"), result.rows},
        {QStringLiteral("valid"), result.valid},
        {QStringLiteral("problems"), problems},
        {QStringLiteral("skipped_rules"), QJsonArray::fromStringList(result.skippedRules)},
    };
}

QByteArray importReportJson(const ImportResult &result, const QString &file)
{
    return QJsonDocument(importReportObject(result, file)).toJson(QJsonDocument::Compact) + '\n';
}

} // namespace shebao
