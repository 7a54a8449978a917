#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace shebao::test {

// One operation of docs/openapi.yaml.
struct ApiOperation
{
    QString method;        // "GET", "POST", ...
    QString path;          // as documented, under /api/v1: "/changes/{id}"
    QString operationId;
    bool isPublic = false; // `security: []`: no token needed
    QStringList bodyTypes; // the media types of its requestBody ("application/json", ...)

    QString key() const { return method + u' ' + path; }     // "GET /changes/{id}"
    bool isStaff() const { return path.startsWith(QLatin1String("/staff/")); }
    bool isUpload() const { return bodyTypes.contains(QLatin1String("application/octet-stream")); }
    // The full path with each {parameter} replaced by its value.
    QString concrete(const QHash<QString, QString> &values) const;
};

// The operations under `paths:` of an OpenAPI file, read from the one layout docs/openapi.yaml
// uses (two-space indents: "  /path:", "    get:", "      operationId: x", "      security: []",
// "      requestBody:" … "          application/json:").
// Not a YAML parser: anything else under paths (a path item's own parameters, $ref path items)
// is an error, so the file cannot grow a form this reader would silently skip.
QList<ApiOperation> readOpenApiOperations(const QString &yamlPath, QString *error);

// $SHEBAO_SOURCE_DIR/docs/openapi.yaml.
QString openApiFile();

} // namespace shebao::test
