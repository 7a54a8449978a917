#include "app/DeclarationForm.h"

#include <QCoreApplication>
#include <QFileInfo>

#include "models/cache/LocalCache.h"
#include "models/export/DeclarationRows.h"
#include "printing/FormRenderer.h"
#include "printing/FormTemplate.h"

namespace shebao {

namespace {

// The record's title: the agency's name of the form (also the template's title).
const QString FormTitle = QStringLiteral("长沙市社会保险参保人员异动申报表");

QString declaredDate(const DeclarationBatch &batch)
{
    if (!batch.declaredAt.isValid())
        return QString();
    const QDate date = batch.declaredAt.toLocalTime().date();
    return QStringLiteral("%1年%2月%3日").arg(date.year()).arg(date.month()).arg(date.day());
}

QVariantMap rowValues(const DeclarationRow &r)
{
    return {{QStringLiteral("name"), r.name},
            {QStringLiteral("id_number"), r.idNumber},
            {QStringLiteral("gender"), r.gender},
            {QStringLiteral("birth_date"), r.birthDate},
            {QStringLiteral("ethnicity"), r.ethnicity},
            {QStringLiteral("hukou"), r.hukou},
            {QStringLiteral("employment_form"), r.employmentForm},
            {QStringLiteral("work_start_date"), r.workStartDate},
            {QStringLiteral("kind"), r.kind},
            {QStringLiteral("month"), r.month},
            {QStringLiteral("change_type"), r.changeType},
            {QStringLiteral("change_reason"), r.changeReason},
            {QStringLiteral("base"), r.base},
            {QStringLiteral("insurances"), r.insurances},
            {QStringLiteral("phone"), r.phone}};
}

Result<PrintedForm> record(const printing::FormData &data, int pages, const QString &file, LocalCache *cache)
{
    PrintedForm printed;
    printed.formId = QString::fromLatin1(DeclarationForm::FormId);
    printed.title = FormTitle;
    printed.at = QDateTime::currentDateTimeUtc();
    printed.pages = pages;
    printed.file = file;
    printed.dataSha256 = data.sha256();
    if (cache) {
        Result<qint64> id = cache->recordPrinted(printed);
        if (!id)
            return id.error();
        printed.id = id.value();
    }
    return printed;
}

} // namespace

Result<printing::FormData> DeclarationForm::data(const DeclarationBatch &batch, const Unit &unit)
{
    // A batch from a list has no items (itemCount only): printing it would print an empty form
    // that the counter would accept as "nobody changed".
    if (batch.items.isEmpty()) {
        return Error{QStringLiteral("declaration.no_items"),
                     QCoreApplication::translate("shebao::DeclarationForm",
                                                 "The batch %1 has no items loaded; the declaration form cannot be printed.")
                         .arg(batch.batchNo),
                     batch.batchNo, {}};
    }
    const QList<DeclarationItem> items = DeclarationRows::ordered(batch.items);
    const DeclarationRows::Counts counts = DeclarationRows::count(items);

    printing::FormData data;
    data.values = {
        {QStringLiteral("unit.name"), unit.name},
        {QStringLiteral("unit.no"), unit.unitNo},
        {QStringLiteral("unit.credit_code"), unit.creditCode},
        {QStringLiteral("batch.no"), batch.batchNo},
        {QStringLiteral("batch.date"), declaredDate(batch)},
        {QStringLiteral("batch.reporter"), batch.reporter},
        {QStringLiteral("batch.phone"), batch.phone},
        {QStringLiteral("count.total"), counts.total()},
        {QStringLiteral("count.add"), counts.add},
        {QStringLiteral("count.renew"), counts.renew},
        {QStringLiteral("count.reduce"), counts.reduce},
    };
    QList<QVariantMap> rows;
    rows.reserve(items.size());
    for (const DeclarationItem &item : items)
        rows.append(rowValues(DeclarationRows::row(item)));
    data.tables.insert(QStringLiteral("items"), rows);
    return data;
}

Result<PrintedForm> DeclarationForm::writePdf(const DeclarationBatch &batch, const Unit &unit, const QString &path,
                                              LocalCache *cache)
{
    Result<printing::FormData> filled = data(batch, unit);
    if (!filled)
        return filled.error();
    Result<printing::FormTemplate> form = printing::FormTemplate::load(QString::fromLatin1(FormId));
    if (!form)
        return form.error();
    printing::FormRenderer renderer(form.value(), filled.value());
    if (Result<void> written = renderer.renderPdf(path); !written)
        return written.error();
    return record(filled.value(), renderer.pageCount(), QFileInfo(path).absoluteFilePath(), cache);
}

Result<PrintedForm> DeclarationForm::recordPrinted(const DeclarationBatch &batch, const Unit &unit, int pages,
                                                   LocalCache *cache)
{
    Result<printing::FormData> filled = data(batch, unit);
    if (!filled)
        return filled.error();
    return record(filled.value(), pages, QString(), cache);
}

} // namespace shebao
