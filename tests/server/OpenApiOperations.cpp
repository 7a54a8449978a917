#include "OpenApiOperations.h"

#include <QFile>
#include <QRegularExpression>

namespace shebao::test {

QString ApiOperation::concrete(const QHash<QString, QString> &values) const
{
    QString out = path;
    static const QRegularExpression parameter(QStringLiteral("\\{([a-z_]+)\\}"));
    for (auto it = parameter.globalMatch(path); it.hasNext();) {
        const auto m = it.next();
        out.replace(m.captured(0), values.value(m.captured(1), QStringLiteral("1")));
    }
    return out;
}

QList<ApiOperation> readOpenApiOperations(const QString &yamlPath, QString *error)
{
    QFile file(yamlPath);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1").arg(yamlPath);
        return {};
    }
    static const QRegularExpression pathLine(QStringLiteral("^  (/[^:]*):\\s*$"));
    static const QRegularExpression methodLine(QStringLiteral("^    (get|post|put|patch|delete):\\s*$"));
    static const QRegularExpression otherPathMember(QStringLiteral("^    [^ ]"));
    static const QRegularExpression operationId(QStringLiteral("^      operationId:\\s*(\\S+)\\s*$"));
    static const QRegularExpression publicLine(QStringLiteral("^      security:\\s*\\[\\]\\s*$"));
    static const QRegularExpression operationMember(QStringLiteral("^      ([a-zA-Z]+):"));
    static const QRegularExpression mediaType(QStringLiteral("^          ([a-z]+/[a-z0-9.+*-]+):\\s*$"));
    bool inRequestBody = false;
    QList<ApiOperation> operations;
    QString path;
    bool inPaths = false;
    int number = 0;
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    for (const QString &line : lines) {
        ++number;
        if (line.startsWith(QLatin1String("paths:"))) {
            inPaths = true;
            continue;
        }
        if (!inPaths || line.trimmed().isEmpty() || line.trimmed().startsWith(u'#'))
            continue;
        if (!line.startsWith(u' '))
            break; // the next top-level key: paths end
        if (const auto m = pathLine.match(line); m.hasMatch()) {
            path = m.captured(1);
            inRequestBody = false;
        } else if (const auto m = methodLine.match(line); m.hasMatch()) {
            operations.append(ApiOperation{m.captured(1).toUpper(), path, {}, false, {}});
            inRequestBody = false;
        } else if (otherPathMember.match(line).hasMatch()) {
            *error = QStringLiteral("%1:%2: a path member this reader does not know: %3").arg(yamlPath).arg(number).arg(line);
            return {};
        } else if (const auto m = operationMember.match(line); m.hasMatch() && !operations.isEmpty()
                   && !operationId.match(line).hasMatch() && !publicLine.match(line).hasMatch()) {
            inRequestBody = m.captured(1) == QLatin1String("requestBody");
        } else if (const auto m = mediaType.match(line); m.hasMatch() && inRequestBody && !operations.isEmpty()) {
            operations.last().bodyTypes.append(m.captured(1));
        } else if (const auto m = operationId.match(line); m.hasMatch() && !operations.isEmpty()) {
            operations.last().operationId = m.captured(1);
        } else if (publicLine.match(line).hasMatch() && !operations.isEmpty()) {
            operations.last().isPublic = true;
        }
    }
    if (operations.isEmpty())
        *error = QStringLiteral("%1: no operations under paths:").arg(yamlPath);
    return operations;
}

QString openApiFile()
{
    return qEnvironmentVariable("SHEBAO_SOURCE_DIR") + QStringLiteral("/docs/openapi.yaml");
}

} // namespace shebao::test
