// The server's parsing of request bodies, in process and without sockets: the body as JSON
// (http::jsonObject), then every check that reads a body without the database — a
// POST /declarations/items body (DeclarationChecks::item), the reporter of a batch, the
// members of a POST /changes "changes" object for every catalogue field (ChangeChecks), the
// person consistency rule, a POST /bills body and a bank's POST /bank/payments (BillChecks), and
// the problem+json answer built from what they found.
#include "fuzz/FuzzCheck.h"
#include "models/change/ChangeFields.h"
#include "models/policy/PolicyTable.h"
#include "server/BillChecks.h"
#include "server/ChangeChecks.h"
#include "server/DeclarationChecks.h"
#include "server/FormChecks.h"
#include "server/HttpUtil.h"
#include "server/Problem.h"

#include <QJsonArray>

using namespace shebao;
using namespace shebao::server;

namespace {

void checkErrors(const QList<Error> &errors)
{
    for (const Error &e : errors)
        SHEBAO_FUZZ_CHECK(!e.code.isEmpty() && !e.message.isEmpty(), "an error has a code and a Chinese message");
    if (!errors.isEmpty())
        (void)Problem::fieldBody(errors.constFirst(), errors);
}

void declarationItem(const QJsonObject &body)
{
    static const PolicyTable policy = PolicyTable::forRegion(QStringLiteral("430100")).value();
    const DeclarationChecks checks(fuzz::today(), policy);
    QList<Error> errors;
    const DeclarationItem item = checks.item(body, &errors);
    checkErrors(errors);
    if (errors.isEmpty())
        SHEBAO_FUZZ_CHECK(item.idNumber.size() == 18, "an accepted item has an 18-character ID number");
    QString reporter;
    QString phone;
    QList<Error> reporterErrors;
    checks.reporter(body, &reporter, &phone, &reporterErrors);
    checkErrors(reporterErrors);
}

void changes(const QJsonObject &body)
{
    const ChangeChecks checks(fuzz::today());
    const QJsonObject changes = body.value(QLatin1String("changes")).toObject();
    const bool override = body.value(QLatin1String("credit_code_override")).toBool(false);
    QList<Error> errors;
    for (const ChangeTarget target : {ChangeTarget::Unit, ChangeTarget::Person}) {
        for (const ChangeField &field : ChangeFields::of(target)) {
            if (!changes.contains(field.member))
                continue;
            const Result<ChangeChecks::Value> checked = checks.check(field, changes.value(field.member), override);
            if (!checked) {
                errors.append(checked.error());
                continue;
            }
            SHEBAO_FUZZ_CHECK(checked.value().value.size() <= field.maxLength || field.maxLength <= 0,
                              "a stored value keeps to the field's length");
            (void)ChangeFields::displayValue(field, checked.value().value);
        }
    }
    const auto text = [&](const char *member) { return changes.value(QLatin1String(member)).toString(); };
    errors += checks.personConsistency(text("id_number"), text("gender"), text("birth_date"), changes.keys());
    checkErrors(errors);
}

void bills(const QJsonObject &body)
{
    const BillChecks checks(fuzz::today());
    for (const bool withWage : {true, false}) {
        QList<Error> errors;
        const BillRequest request = checks.request(body, &errors, withWage);
        checkErrors(errors);
        if (errors.isEmpty() && withWage)
            SHEBAO_FUZZ_CHECK(request.wage.fen() > 0, "an accepted bill request has a wage");
    }
    const Result<BankPayment> payment = BillChecks::payment(body);
    if (payment) {
        SHEBAO_FUZZ_CHECK(payment.value().amount.fen() > 0, "a bank payment pays a positive amount");
    } else {
        SHEBAO_FUZZ_CHECK(!payment.error().field.isEmpty(), "a bank payment error names the member");
        checkErrors({payment.error()});
    }
    (void)BillChecks::number(body.value(QLatin1String("number")).toString());
}

void formFields(const QJsonObject &body)
{
    QList<Error> errors;
    const QJsonArray agents = body.value(QLatin1String("agents")).toArray();
    for (qsizetype i = 0; i < agents.size(); ++i) {
        const QJsonObject a = agents.at(i).toObject();
        const QString prefix = QStringLiteral("agents[%1].").arg(i);
        (void)FormChecks::text(a, QStringLiteral("name"), QStringLiteral("经办人姓名"), true, &errors, prefix);
        const QString email = FormChecks::text(a, QStringLiteral("email"), QStringLiteral("电子邮箱"), false, &errors, prefix);
        (void)FormChecks::isEmail(email);
    }
    checkErrors(errors);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    if (input.size() > http::MaxBodyBytes)
        return 0;
    const Result<QJsonObject> body = http::jsonObject(input);
    if (!body) {
        SHEBAO_FUZZ_CHECK(body.error().code == QLatin1String("request.invalid"), "request.invalid");
        (void)Problem::body(body.error());
        return 0;
    }
    declarationItem(body.value());
    changes(body.value());
    bills(body.value());
    formFields(body.value());
    return 0;
}
