// The server's parsing of query strings and path arguments, in process and without sockets: the
// request target as QHttpServer hands it over (QUrl -> QUrlQuery), then what the routes do with
// each parameter — paging (PersonRoutes::pageQuery), the state and target filters, the
// id_number of a lookup, the unit_no of the staff lists, the 参保证明 verification code, and the
// 网上缴费 queries (GET /arrears/estimate and /gaps as a bill request, GET /bills and /staff/bills).
#include "fuzz/FuzzCheck.h"
#include "models/certificate/Certificate.h"
#include "models/change/ChangeFields.h"
#include "models/change/ChangeRequest.h"
#include "models/declaration/Declaration.h"
#include "models/validation/IdNumber.h"
#include "server/BillChecks.h"
#include "server/PersonRoutes.h"

#include <QUrl>
#include <QUrlQuery>

using namespace shebao;
using namespace shebao::server;

namespace {

void values(const QUrlQuery &query)
{
    const auto value = [&](const char *name) {
        return query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
    };
    const auto plain = [&](const char *name) { return query.queryItemValue(QLatin1String(name)); };

    const Result<PersonRoutes::PageQuery> paging = PersonRoutes::pageQuery(query);
    if (paging) {
        SHEBAO_FUZZ_CHECK(paging.value().limit >= 1 && paging.value().limit <= PersonRoutes::MaxLimit, "limit in range");
        SHEBAO_FUZZ_CHECK(paging.value().after >= 0, "after not negative");
    } else {
        SHEBAO_FUZZ_CHECK(paging.error().code == QLatin1String("request.invalid") && !paging.error().field.isEmpty(),
                          "a paging error names the parameter");
    }

    ItemState itemState;
    (void)parseItemState(plain("state"), &itemState);
    BatchState batchState;
    (void)parseBatchState(plain("state"), &batchState);
    ChangeState changeState;
    (void)parseChangeState(plain("state"), &changeState);
    ChangeTarget target;
    (void)parseChangeTarget(plain("target"), &target);
    CertificateState certificateState;
    (void)parseCertificateState(plain("state"), &certificateState);

    const QString idNumber = value("id_number");
    (void)IdNumber::mask(idNumber.trimmed());
    (void)IdNumber::parse(idNumber, fuzz::today());
    (void)value("unit_no").trimmed();

    const BillChecks bills(fuzz::today());
    QList<Error> errors;
    (void)bills.request(BillChecks::fromQuery(query), &errors, true);
    (void)bills.request(BillChecks::fromQuery(query), &errors, false);
    for (const Error &e : errors)
        SHEBAO_FUZZ_CHECK(!e.code.isEmpty() && !e.message.isEmpty(), "a bill error says why");
    const Result<BillQuery> listed = bills.query(query);
    if (listed)
        SHEBAO_FUZZ_CHECK(listed.value().limit >= 1 && listed.value().limit <= 200, "bill list limit in range");
    else
        SHEBAO_FUZZ_CHECK(!listed.error().code.isEmpty() && !listed.error().field.isEmpty(), "a bill list error names the parameter");
    (void)BillChecks::number(value("number"));
    (void)bills.optionalIdNumber(value("id_number"));

    const QString code = CertificateCode::normalize(value("code"));
    SHEBAO_FUZZ_CHECK(code.isEmpty() || CertificateCode::isWellFormed(code), "a normalized code is well formed");
    if (!code.isEmpty())
        SHEBAO_FUZZ_CHECK(CertificateCode::normalize(CertificateCode::grouped(code)) == code, "grouping round trip");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    // As the request line's target: a path, '?', the query.
    const QUrl url = QUrl::fromEncoded(QByteArrayLiteral("/api/v1/persons?") + input);
    values(QUrlQuery(url));
    // As the <arg> of /api/v1/verify/<arg>: the decoded path segment.
    const QString segment = QUrl::fromPercentEncoding(input);
    const QString code = CertificateCode::normalize(segment);
    SHEBAO_FUZZ_CHECK(code.isEmpty() || CertificateCode::isWellFormed(code), "a normalized code is well formed");
    return 0;
}
