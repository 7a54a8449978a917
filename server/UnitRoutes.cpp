#include "server/UnitRoutes.h"

#include <QHttpServer>
#include <QSqlQuery>
#include <QVariant>

#include "models/domain/JsonCodec.h"
#include "server/Authenticator.h"
#include "server/Database.h"
#include "server/HttpUtil.h"
#include "server/Problem.h"

namespace shebao::server {

void UnitRoutes::registerOn(QHttpServer &server)
{
    server.route(QStringLiteral("/api/v1/unit"), QHttpServerRequest::Method::Get,
                 [this](const QHttpServerRequest &request) { return unit(request); });
}

Result<Unit> UnitRoutes::loadUnit(Database &db, qint64 unitId)
{
    auto found = db.exec(QStringLiteral("SELECT unit_no, name, credit_code, legal_representative, unit_type,"
                                        " economic_type, industry, risk_class, address, district, agency,"
                                        " contact_name, contact_phone, postal_address, email, level,"
                                        " legal_rep_id_number, affiliation, bank_name, bank_account_name,"
                                        " bank_account, mobile, postal_code"
                                        " FROM units WHERE id = ?"),
                         {unitId});
    if (!found)
        return found.error();
    QSqlQuery &q = found.value();
    if (!q.next())
        return Problem::notFound();
    Unit u;
    u.unitNo = q.value(0).toString();
    u.name = q.value(1).toString();
    u.creditCode = q.value(2).toString();
    u.legalRepresentative = q.value(3).toString();
    u.unitType = q.value(4).toString();
    u.economicType = q.value(5).toString();
    u.industry = q.value(6).toString();
    u.riskClass = q.value(7).toInt();
    u.address = q.value(8).toString();
    u.district = q.value(9).toString();
    u.agency = q.value(10).toString();
    u.contactName = q.value(11).toString();
    u.contactPhone = q.value(12).toString();
    u.postalAddress = q.value(13).toString();
    u.email = q.value(14).toString();
    parseAccountLevel(q.value(15).toString(), &u.level);
    u.legalRepIdNumber = q.value(16).toString();
    u.affiliation = q.value(17).toString();
    u.bankName = q.value(18).toString();
    u.bankAccountName = q.value(19).toString();
    u.bankAccount = q.value(20).toString();
    u.mobile = q.value(21).toString();
    u.postalCode = q.value(22).toString();
    return u;
}

QHttpServerResponse UnitRoutes::unit(const QHttpServerRequest &request)
{
    auto session = m_auth.authenticateUnit(request);
    if (!session)
        return Problem::response(session.error());
    auto u = loadUnit(m_db, session.value().unitId);
    if (!u)
        return Authenticator::withLevel(Problem::response(u.error()), session.value());
    return Authenticator::withLevel(http::json(json::encode(u.value())), session.value());
}

} // namespace shebao::server
