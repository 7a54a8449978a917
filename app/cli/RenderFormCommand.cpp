#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "ArgumentReader.h"
#include "CliContext.h"
#include "Command.h"
#include "printing/FormRenderer.h"
#include "printing/FormTemplate.h"

namespace shebao::cli {

namespace {

Error dataError(const QString &message, const QString &detail = {})
{
    return Error{QStringLiteral("form.data"), message, detail, QStringLiteral("data")};
}

// {"values": {...}, "tables": {"name": [{...}, ...]}}; both members optional.
Result<printing::FormData> readData(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return dataError(QStringLiteral("无法读取数据文件 %1：%2").arg(path, file.errorString()));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return dataError(QStringLiteral("数据文件 %1 不是 JSON 对象").arg(path), parseError.errorString());
    const QJsonObject o = doc.object();
    printing::FormData data;
    if (o.contains(QLatin1String("values")) && !o.value(QLatin1String("values")).isObject())
        return dataError(QStringLiteral("数据文件中 $.values 须为对象"));
    data.values = o.value(QLatin1String("values")).toObject().toVariantMap();
    const QJsonValue tables = o.value(QLatin1String("tables"));
    if (!tables.isUndefined() && !tables.isObject())
        return dataError(QStringLiteral("数据文件中 $.tables 须为对象"));
    const QJsonObject tableObject = tables.toObject();
    for (auto it = tableObject.begin(); it != tableObject.end(); ++it) {
        if (!it.value().isArray())
            return dataError(QStringLiteral("数据文件中 $.tables.%1 须为数组").arg(it.key()));
        QList<QVariantMap> rows;
        const QJsonArray array = it.value().toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!array.at(i).isObject())
                return dataError(QStringLiteral("数据文件中 $.tables.%1[%2] 须为对象").arg(it.key()).arg(i));
            rows.append(array.at(i).toObject().toVariantMap());
        }
        data.tables.insert(it.key(), rows);
    }
    return data;
}

// Any form template (an embedded id or a file) filled from a JSON file, to PDF: the scripted
// counterpart of 打印 → 保存为 PDF. main() creates a QGuiApplication for this command (fonts).
class RenderFormCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("render-form"); }
    QString usage() const override { return QStringLiteral("render-form --template ID|FILE --data DATA.json --out OUT.pdf"); }
    QString summary() const override { return QStringLiteral("fill a form template and write it as PDF (no server)"); }

    int run(CliContext &context, const QStringList &args) override
    {
        ArgumentReader reader(args);
        const std::optional<QString> templateArg = reader.value(QStringLiteral("--template"));
        const std::optional<QString> dataArg = reader.value(QStringLiteral("--data"));
        const std::optional<QString> outArg = reader.value(QStringLiteral("--out"));
        if (!templateArg || !dataArg || !outArg || !reader.missingValue().isEmpty() || !reader.unknown().isEmpty())
            return context.usageError(QStringLiteral("用法：shebao-cli %1").arg(usage()));

        Result<printing::FormTemplate> form = printing::FormTemplate::load(*templateArg);
        if (!form)
            return context.fail(form.error());
        Result<printing::FormData> data = readData(*dataArg);
        if (!data)
            return context.fail(data.error());

        printing::FormRenderer renderer(form.value(), data.value());
        if (Result<void> written = renderer.renderPdf(*outArg, QStringLiteral("shebao-cli")); !written) {
            const int code = context.fail(written.error());
            QFile::remove(*outArg);
            // A placeholder the data lacks is a problem of the input, not of the command.
            return written.error().code == QLatin1String("form.placeholder") ? int(ExitInputProblems) : code;
        }
        if (context.json()) {
            context.printJson(QJsonObject{{QStringLiteral("template"), form.value().id},
                                          {QStringLiteral("title"), form.value().title},
                                          {QStringLiteral("pages"), renderer.pageCount()},
                                          {QStringLiteral("out"), *outArg}});
        } else {
            context.out() << form.value().title << "（" << form.value().id << "）：" << renderer.pageCount()
                          << " 页，已写入 " << *outArg << '\n';
        }
        return ExitOk;
    }
};

const RegisterCommand<RenderFormCommand> registered;

} // namespace

} // namespace shebao::cli
