#include "printing/FormTemplate.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace shebao::printing {

namespace {

Error templateError(const QString &path, const QString &what)
{
    return Error{QStringLiteral("form.template"), QStringLiteral("表格模板有误：%1（%2）").arg(what, path), what, path};
}

bool parseAlign(const QString &text, Qt::Alignment *align)
{
    if (text.isEmpty() || text == u"left")
        *align = Qt::AlignLeft;
    else if (text == u"center")
        *align = Qt::AlignHCenter;
    else if (text == u"right")
        *align = Qt::AlignRight;
    else
        return false;
    return true;
}

Result<FormBlock::Kind> parseKind(const QString &type, const QString &path)
{
    static const QList<std::pair<QString, FormBlock::Kind>> kinds{
        {QStringLiteral("title"), FormBlock::Kind::Title},   {QStringLiteral("text"), FormBlock::Kind::Text},
        {QStringLiteral("fields"), FormBlock::Kind::Fields}, {QStringLiteral("table"), FormBlock::Kind::Table},
        {QStringLiteral("signatures"), FormBlock::Kind::Signatures}, {QStringLiteral("qr"), FormBlock::Kind::Qr},
        {QStringLiteral("seal"), FormBlock::Kind::Seal}, {QStringLiteral("spacer"), FormBlock::Kind::Spacer}};
    for (const auto &[name, kind] : kinds) {
        if (name == type)
            return kind;
    }
    return templateError(path + QStringLiteral(".type"), QStringLiteral("未知的块类型“%1”").arg(type));
}

Result<QList<FormField>> parseFields(const QJsonValue &value, const QString &path)
{
    if (!value.isArray())
        return templateError(path, QStringLiteral("应为数组"));
    QList<FormField> fields;
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject o = array.at(i).toObject();
        const QString itemPath = path + QStringLiteral("[%1]").arg(i);
        if (!o.value(QLatin1String("label")).isString())
            return templateError(itemPath + QStringLiteral(".label"), QStringLiteral("缺少 label"));
        fields.append(FormField{o.value(QLatin1String("label")).toString(), o.value(QLatin1String("value")).toString(),
                                o.value(QLatin1String("stamp")).toBool()});
    }
    return fields;
}

Result<QList<FormColumn>> parseColumns(const QJsonValue &value, const QString &path)
{
    if (!value.isArray() || value.toArray().isEmpty())
        return templateError(path, QStringLiteral("表格至少需要一列"));
    QList<FormColumn> columns;
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject o = array.at(i).toObject();
        const QString itemPath = path + QStringLiteral("[%1]").arg(i);
        FormColumn c;
        c.title = o.value(QLatin1String("title")).toString();
        c.value = o.value(QLatin1String("value")).toString();
        c.width = o.value(QLatin1String("width")).toDouble(1);
        if (c.title.isEmpty() || c.value.isEmpty() || c.width <= 0)
            return templateError(itemPath, QStringLiteral("列需要 title、value 和正的 width"));
        if (!parseAlign(o.value(QLatin1String("align")).toString(), &c.align))
            return templateError(itemPath + QStringLiteral(".align"), QStringLiteral("对齐方式应为 left、center 或 right"));
        columns.append(c);
    }
    return columns;
}

Result<FormBlock> parseBlock(const QJsonObject &o, const QString &path)
{
    auto kind = parseKind(o.value(QLatin1String("type")).toString(), path);
    if (!kind)
        return kind.error();
    FormBlock b;
    b.kind = kind.value();
    b.text = o.value(QLatin1String("text")).toString();
    b.value = o.value(QLatin1String("value")).toString();
    b.fontSize = o.value(QLatin1String("font_size")).toDouble(0);
    b.bold = o.value(QLatin1String("bold")).toBool(b.kind == FormBlock::Kind::Title);
    const QString defaultAlign = b.kind == FormBlock::Kind::Title  ? QStringLiteral("center")
                                 : b.kind == FormBlock::Kind::Seal ? QStringLiteral("right")
                                                                   : QString();
    if (!parseAlign(o.value(QLatin1String("align")).toString(defaultAlign), &b.align))
        return templateError(path + QStringLiteral(".align"), QStringLiteral("对齐方式应为 left、center 或 right"));
    b.columns = o.value(QLatin1String("columns")).toInt(2);
    const qreal defaultHeight = b.kind == FormBlock::Kind::Qr ? 28 : b.kind == FormBlock::Kind::Seal ? 40 : 5;
    b.heightMm = o.value(QLatin1String("height_mm")).toDouble(defaultHeight);
    switch (b.kind) {
    case FormBlock::Kind::Title:
    case FormBlock::Kind::Text:
        if (b.text.isEmpty())
            return templateError(path + QStringLiteral(".text"), QStringLiteral("缺少 text"));
        break;
    case FormBlock::Kind::Fields:
    case FormBlock::Kind::Signatures: {
        auto fields = parseFields(o.value(QLatin1String("items")), path + QStringLiteral(".items"));
        if (!fields)
            return fields.error();
        b.fields = fields.value();
        if (b.columns < 1 || b.columns > 4)
            return templateError(path + QStringLiteral(".columns"), QStringLiteral("columns 应为 1 到 4"));
        // Wide labels keep 统一社会信用代码： on one line, and a one-column grid keeps a long unit name on
        // one line: `shebao-cli verify-pdf` reads label and value from the same line of text.
        b.labelWidth = o.value(QLatin1String("label_width")).toDouble(b.labelWidth);
        b.oneLine = o.value(QLatin1String("one_line")).toBool(false);
        if (b.labelWidth < 0.1 || b.labelWidth > 0.6)
            return templateError(path + QStringLiteral(".label_width"), QStringLiteral("label_width 应为 0.1 到 0.6"));
        break;
    }
    case FormBlock::Kind::Table: {
        b.rows = o.value(QLatin1String("rows")).toString();
        if (b.rows.isEmpty())
            return templateError(path + QStringLiteral(".rows"), QStringLiteral("表格需要 rows（数据表名）"));
        auto columns = parseColumns(o.value(QLatin1String("columns")), path + QStringLiteral(".columns"));
        if (!columns)
            return columns.error();
        b.tableColumns = columns.value();
        // Dense forms (the 申报表) use 6 mm rows; below 4 mm a line of 8 pt text no longer fits.
        b.rowHeightMm = o.value(QLatin1String("row_height_mm")).toDouble(b.rowHeightMm);
        if (b.rowHeightMm < 4 || b.rowHeightMm > 30)
            return templateError(path + QStringLiteral(".row_height_mm"), QStringLiteral("行高应为 4 到 30 毫米"));
        // What follows the table (totals, signatures, the stamp) never stands alone on a page:
        // the last row moves to the next page with it when there is not this much room.
        b.lastRowSpaceMm = o.value(QLatin1String("last_row_space_mm")).toDouble(0);
        if (b.lastRowSpaceMm < 0 || b.lastRowSpaceMm > 250)
            return templateError(path + QStringLiteral(".last_row_space_mm"),
                                 QStringLiteral("last_row_space_mm 应为 0 到 250 毫米"));
        break;
    }
    case FormBlock::Kind::Qr:
        if (b.value.isEmpty())
            return templateError(path + QStringLiteral(".value"), QStringLiteral("二维码需要 value"));
        break;
    case FormBlock::Kind::Seal: {
        // An electronic seal says whose it is and that it is electronic: a seal without a name,
        // or one that could pass for a picture of a rubber stamp, is not printed.
        if (b.text.isEmpty())
            return templateError(path + QStringLiteral(".text"), QStringLiteral("印章需要 text（机构名称）"));
        b.value = o.value(QLatin1String("value")).toString(QStringLiteral("电子印章"));
        if (!b.value.contains(QStringLiteral("电子")))
            return templateError(path + QStringLiteral(".value"), QStringLiteral("电子印章须标明“电子”字样"));
        b.serial = o.value(QLatin1String("serial")).toString();
        const QJsonValue lines = o.value(QLatin1String("lines"));
        if (!lines.isUndefined() && !lines.isArray())
            return templateError(path + QStringLiteral(".lines"), QStringLiteral("应为字符串数组"));
        for (const QJsonValue &line : lines.toArray())
            b.lines << line.toString();
        if (b.heightMm < 25 || b.heightMm > 60)
            return templateError(path + QStringLiteral(".height_mm"), QStringLiteral("印章直径应为 25 到 60 毫米"));
        break;
    }
    case FormBlock::Kind::Spacer:
        break;
    }
    return b;
}

} // namespace

Result<FormTemplate> FormTemplate::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject())
        return templateError(QStringLiteral("$"), QStringLiteral("不是 JSON 对象（%1）").arg(parseError.errorString()));
    const QJsonObject o = doc.object();
    if (o.value(QLatin1String("format")).toString() != u"shebao-form/1")
        return templateError(QStringLiteral("$.format"), QStringLiteral("格式应为 shebao-form/1"));
    FormTemplate t;
    t.id = o.value(QLatin1String("id")).toString();
    t.title = o.value(QLatin1String("title")).toString();
    if (t.id.isEmpty() || t.title.isEmpty())
        return templateError(QStringLiteral("$.id"), QStringLiteral("需要 id 和 title"));
    const QJsonObject page = o.value(QLatin1String("page")).toObject();
    const QString size = page.value(QLatin1String("size")).toString(QStringLiteral("A4"));
    if (size == u"A4")
        t.pageSize = QPageSize::A4;
    else if (size == u"A3")
        t.pageSize = QPageSize::A3;
    else
        return templateError(QStringLiteral("$.page.size"), QStringLiteral("纸张应为 A4 或 A3"));
    const QString orientation = page.value(QLatin1String("orientation")).toString(QStringLiteral("portrait"));
    if (orientation != u"portrait" && orientation != u"landscape")
        return templateError(QStringLiteral("$.page.orientation"), QStringLiteral("方向应为 portrait 或 landscape"));
    t.orientation = orientation == u"landscape" ? QPageLayout::Landscape : QPageLayout::Portrait;
    const QJsonArray margins = page.value(QLatin1String("margins_mm")).toArray();
    if (margins.size() == 4)
        t.marginsMm = QMarginsF(margins[0].toDouble(), margins[1].toDouble(), margins[2].toDouble(), margins[3].toDouble());
    t.fontSize = o.value(QLatin1String("font_size")).toDouble(10.5);
    t.header = o.value(QLatin1String("header")).toString();
    t.footer = o.value(QLatin1String("footer")).toString(t.footer);
    const QJsonValue blocks = o.value(QLatin1String("blocks"));
    if (!blocks.isArray() || blocks.toArray().isEmpty())
        return templateError(QStringLiteral("$.blocks"), QStringLiteral("至少需要一个块"));
    const QJsonArray array = blocks.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = QStringLiteral("$.blocks[%1]").arg(i);
        if (!array.at(i).isObject())
            return templateError(path, QStringLiteral("应为对象"));
        auto block = parseBlock(array.at(i).toObject(), path);
        if (!block)
            return block.error();
        t.blocks.append(block.value());
    }
    return t;
}

Result<FormTemplate> FormTemplate::load(const QString &pathOrId)
{
    QString path = pathOrId;
    if (!path.contains(u'/') && !path.endsWith(QLatin1String(".json")))
        path = QStringLiteral(":/forms/%1.json").arg(pathOrId);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("form.not_found"), QStringLiteral("找不到表格模板“%1”。").arg(pathOrId),
                     file.errorString(), {}};
    return fromJson(file.readAll());
}

} // namespace shebao::printing
