#include "app/ImportItems.h"

#include <QHash>

#include "models/import/ImportColumns.h"

namespace shebao {

namespace {

QString dateText(QDate date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

} // namespace

DeclarationItem declarationItem(const AddImportItem &row, DeclarationKind kind)
{
    DeclarationItem item;
    item.kind = kind == DeclarationKind::Reduce ? DeclarationKind::Add : kind;
    item.name = row.name;
    item.idNumber = row.idNumber;
    item.person.gender = row.genderCode;
    item.person.birthDate = dateText(row.birthDate);
    item.person.ethnicity = row.ethnicityCode;
    item.person.hukou = row.hukouCode;
    item.person.employmentForm = row.employmentFormCode;
    item.person.identity = row.identityCode;
    item.person.workStartDate = dateText(row.workStartDate);
    item.person.phone = row.phone;
    item.insurances = row.insurances;
    item.startMonth = row.startMonth.toString();
    item.wage = row.wage;
    // The base the client expects; the server sets the one that applies.
    item.base = row.base;
    return item;
}

DeclarationItem declarationItem(const ReduceImportItem &row)
{
    DeclarationItem item;
    item.kind = DeclarationKind::Reduce;
    item.name = row.name;
    item.idNumber = row.idNumber;
    item.changeType = row.changeTypeCode;
    item.changeReason = row.changeReasonCode;
    item.stopMonth = row.stopMonth.toString();
    return item;
}

QString importColumnOfField(const QString &field)
{
    static const QHash<QString, QString> columns{
        {QStringLiteral("name"), ImportColumns::name()},
        {QStringLiteral("id_number"), ImportColumns::idNumber()},
        {QStringLiteral("person.gender"), ImportColumns::gender()},
        {QStringLiteral("gender"), ImportColumns::gender()},
        {QStringLiteral("person.ethnicity"), ImportColumns::ethnicity()},
        {QStringLiteral("ethnicity"), ImportColumns::ethnicity()},
        {QStringLiteral("person.hukou"), ImportColumns::hukou()},
        {QStringLiteral("hukou"), ImportColumns::hukou()},
        {QStringLiteral("person.employment_form"), ImportColumns::employmentForm()},
        {QStringLiteral("employment_form"), ImportColumns::employmentForm()},
        {QStringLiteral("person.identity"), ImportColumns::identity()},
        {QStringLiteral("identity"), ImportColumns::identity()},
        {QStringLiteral("person.work_start_date"), ImportColumns::workStartDate()},
        {QStringLiteral("work_start_date"), ImportColumns::workStartDate()},
        {QStringLiteral("person.phone"), ImportColumns::phone()},
        {QStringLiteral("phone"), ImportColumns::phone()},
        {QStringLiteral("start_month"), ImportColumns::startMonth()},
        {QStringLiteral("wage"), ImportColumns::wage()},
        {QStringLiteral("insurances"), ImportColumns::insurances()},
        {QStringLiteral("change_type"), ImportColumns::changeType()},
        {QStringLiteral("change_reason"), ImportColumns::changeReason()},
        {QStringLiteral("stop_month"), ImportColumns::stopMonth()},
    };
    return columns.value(field, field);
}

} // namespace shebao
