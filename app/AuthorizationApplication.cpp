#include "app/AuthorizationApplication.h"

#include <QCoreApplication>

#include "models/domain/JsonCodec.h"

namespace shebao {

namespace {

struct StateName
{
    AuthorizationState state;
    const char *code;
};

constexpr StateName StateNames[] = {
    {AuthorizationState::None, "none"},           {AuthorizationState::Saved, "saved"},
    {AuthorizationState::Confirmed, "confirmed"}, {AuthorizationState::Uploaded, "uploaded"},
    {AuthorizationState::Activated, "activated"}, {AuthorizationState::Rejected, "rejected"},
};

Error malformed(const QString &member)
{
    return Error{QStringLiteral("json.parse"),
                 QCoreApplication::translate("shebao::ApiClient", "The server sent data this client cannot read."),
                 QStringLiteral("authorization application: %1").arg(member), member};
}

QDateTime dateTime(const QJsonObject &o, const char *key)
{
    return QDateTime::fromString(o.value(QLatin1String(key)).toString(), Qt::ISODateWithMs);
}

} // namespace

QString authorizationStateCode(AuthorizationState state)
{
    for (const StateName &name : StateNames) {
        if (name.state == state)
            return QString::fromLatin1(name.code);
    }
    return QStringLiteral("none");
}

bool parseAuthorizationState(const QString &code, AuthorizationState *state)
{
    for (const StateName &name : StateNames) {
        if (code == QLatin1String(name.code)) {
            *state = name.state;
            return true;
        }
    }
    return false;
}

QJsonObject Applicant::toJson() const
{
    return QJsonObject{{QStringLiteral("name"), name},
                       {QStringLiteral("id_number"), idNumber},
                       {QStringLiteral("mobile"), mobile},
                       {QStringLiteral("email"), email}};
}

Result<AuthorizationApplication> AuthorizationApplication::fromJson(const QJsonObject &o)
{
    AuthorizationApplication a;
    if (!o.value(QLatin1String("id")).isDouble())
        return malformed(QStringLiteral("id"));
    a.id = o.value(QLatin1String("id")).toInteger();
    a.applicationNo = o.value(QLatin1String("application_no")).toString();
    if (!parseAuthorizationState(o.value(QLatin1String("state")).toString(), &a.state))
        return malformed(QStringLiteral("state"));
    const QJsonObject applicant = o.value(QLatin1String("applicant")).toObject();
    a.applicant.name = applicant.value(QLatin1String("name")).toString();
    a.applicant.idNumber = applicant.value(QLatin1String("id_number")).toString();
    a.applicant.mobile = applicant.value(QLatin1String("mobile")).toString();
    a.applicant.email = applicant.value(QLatin1String("email")).toString();
    if (o.value(QLatin1String("unit")).isObject()) {
        auto unit = json::decodeUnit(o.value(QLatin1String("unit")).toObject());
        if (!unit)
            return unit.error();
        a.unit = std::move(unit).value();
    }
    a.unitNo = o.value(QLatin1String("unit_no")).toString(a.unit.unitNo);
    a.createdAt = dateTime(o, "created_at");
    a.updatedAt = dateTime(o, "updated_at");
    a.confirmedAt = dateTime(o, "confirmed_at");
    a.uploadedAt = dateTime(o, "uploaded_at");
    a.decidedAt = dateTime(o, "decided_at");
    a.rejectReason = o.value(QLatin1String("reject_reason")).toString();
    if (o.value(QLatin1String("scan")).isObject()) {
        const QJsonObject scan = o.value(QLatin1String("scan")).toObject();
        a.scan = AuthorizationScan{scan.value(QLatin1String("file_name")).toString(),
                                   scan.value(QLatin1String("kind")).toString(),
                                   scan.value(QLatin1String("size")).toInteger(),
                                   scan.value(QLatin1String("sha256")).toString()};
    }
    a.counterAddress = o.value(QLatin1String("counter_address")).toString();
    return a;
}

} // namespace shebao
