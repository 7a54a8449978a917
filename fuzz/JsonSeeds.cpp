// Seeds of fuzz_json and fuzz_policy: the samples of the export and printing tests
// (DeclarationSamples.h, CertificateSamples.h) and a 信息维护 request like tst_changejson's,
// encoded by the codecs; every object nested in them is offered to every codec, and each codec
// gets the ones it decodes. The policy seed is the embedded Changsha table.
#include "fuzz/FuzzCheck.h"
#include "fuzz/JsonCodecs.h"
#include "fuzz/SeedFiles.h"
#include "models/bill/BillJson.h"
#include "models/policy/ArrearsCalculator.h"
#include "models/certificate/CertificateJson.h"
#include "models/change/ChangeJson.h"
#include "models/declaration/DeclarationJson.h"
#include "models/domain/JsonCodec.h"
#include "models/policy/PolicyTable.h"

#include "CertificateSamples.h"
#include "DeclarationSamples.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace shebao::fuzz {

namespace {

ChangeRequest changeRequest()
{
    ChangeRequest r;
    r.id = 7;
    r.requestNo = QStringLiteral("BG20261204000007");
    r.target = ChangeTarget::Person;
    r.state = ChangeState::Rejected;
    r.unitNo = QStringLiteral("43010000001");
    r.unitName = QStringLiteral("长沙湘江示范科技有限公司");
    r.personNo = QStringLiteral("430100000001");
    r.personName = QStringLiteral("张三");
    r.personIdNumber = samples::idNumber(0);
    r.fields.append(FieldChange{QStringLiteral("name"), QStringLiteral("姓名"), true, QStringLiteral("张三"),
                                QStringLiteral("张叁")});
    r.attachments.append(ChangeAttachment{3, AttachmentKind::BusinessLicence, QStringLiteral("证明.pdf"),
                                          QStringLiteral("application/pdf"), 1024, QString(64, u'a')});
    r.key = true;
    r.rejectReason = QStringLiteral("证明材料不清晰");
    r.createdAt = QDateTime(QDate(2026, 12, 1), QTime(2, 0), Qt::UTC);
    r.createdBy = QStringLiteral("unit:43010000001");
    r.decidedAt = QDateTime(QDate(2026, 12, 2), QTime(3, 0), Qt::UTC);
    r.decidedBy = QStringLiteral("staff:reviewer");
    return r;
}

PersonLookup lookup()
{
    PersonLookup l;
    l.idNumber = samples::idNumber(1);
    l.known = true;
    l.personNo = QStringLiteral("430100000002");
    l.name = samples::name(1);
    l.person = samples::item(1).person;
    l.suggestedKind = DeclarationKind::Renew;
    l.history.append(LookupPeriod{QStringLiteral("110"), QStringLiteral("2018-03"), QStringLiteral("2020-06"),
                                  QStringLiteral("terminated"), true});
    l.warnings.append(DeclarationNotice{QStringLiteral("age.over_retirement"), QStringLiteral("已达法定退休年龄"), {}});
    return l;
}

YearMonth month(const char *text)
{
    return *YearMonth::parse(QString::fromLatin1(text));
}

// tst_billjson's paid bill: a real estimate of the shipped table, a payment.
Bill bill()
{
    ArrearsRequest request;
    request.monthlyWage = *Money::parseYuan(u"5000.00");
    request.riskClass = 2;
    request.months = YearMonth::range(month("2023-11"), month("2024-02"));
    request.calculationDate = QDate(2024, 6, 30);
    Bill b;
    b.number = QStringLiteral("20240630000000423");
    b.state = BillState::Paid;
    b.unitNo = QStringLiteral("43010000001");
    b.unitName = QStringLiteral("长沙示例科技有限公司");
    b.personNo = QStringLiteral("43700000001");
    b.personName = QStringLiteral("汤志远");
    b.idNumberMasked = QStringLiteral("430102********1234");
    b.insurances = {QStringLiteral("110"), QStringLiteral("210"), QStringLiteral("410")};
    b.riskClass = 2;
    b.wage = request.monthlyWage;
    b.estimate = ArrearsCalculator(PolicyTable::forRegion(QStringLiteral("430100")).value()).estimate(request).value();
    b.hasEstimate = true;
    b.firstMonth = b.estimate.months.first().month;
    b.lastMonth = b.estimate.months.last().month;
    b.monthCount = int(b.estimate.months.size());
    b.principal = b.estimate.principal;
    b.lateFee = b.estimate.lateFee;
    b.total = b.estimate.total;
    b.policyName = b.estimate.policyName;
    b.calculationDate = b.estimate.calculationDate;
    b.payBy = QDate(2024, 7, 6);
    b.createdAt = QDateTime(QDate(2024, 6, 30), QTime(1, 2, 3), Qt::UTC);
    b.expiresAt = QDateTime(QDate(2024, 7, 6), QTime(16, 0, 0), Qt::UTC);
    b.createdBy = QStringLiteral("43010000001");
    b.paymentUrl = QStringLiteral("https://127.0.0.1:8443/bank-sandbox/pay?bill=20240630000000423");
    b.payment = BillPayment{QStringLiteral("sandbox"), QStringLiteral("SBX-0001"), QStringLiteral("online"), b.total,
                            QDateTime(QDate(2024, 7, 1), QTime(2, 0, 0), Qt::UTC)};
    return b;
}

ArrearsGaps gaps()
{
    UnitGaps unit;
    unit.unitNo = QStringLiteral("43010000001");
    unit.unitName = QStringLiteral("长沙示例科技有限公司");
    unit.riskClass = 2;
    unit.insurances = {QStringLiteral("110"), QStringLiteral("410")};
    unit.suggestedWage = Money::fromFen(500000);
    unit.windowFrom = month("2018-03");
    unit.windowTo = month("2026-12");
    unit.eligible.append(GapRange{month("2019-01"), month("2019-06"), 6, {}});
    unit.billed.append(GapRange{month("2020-01"), month("2020-01"), 1, QStringLiteral("20240630000000423")});
    ArrearsGaps g;
    g.personNo = QStringLiteral("43700000001");
    g.personName = QStringLiteral("汤志远");
    g.idNumberMasked = QStringLiteral("430102********1234");
    g.currentMonth = month("2026-12");
    g.latestEligible = month("2026-09");
    g.units.append(unit);
    return g;
}

// Every object in `value`, itself included, depth first.
void collect(const QJsonValue &value, QList<QJsonObject> *out)
{
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        out->append(o);
        for (const QJsonValue &v : o)
            collect(v, out);
    } else if (value.isArray()) {
        for (const QJsonValue &v : value.toArray())
            collect(v, out);
    }
}

} // namespace

void writeJsonSeeds(SeedWriter &out)
{
    QList<QJsonObject> pool;
    DeclarationBatch batch = samples::batch(6);
    batch.history.append(BatchEvent{BatchState::Returned, QDateTime(QDate(2026, 12, 3), QTime(1, 0), Qt::UTC),
                                    QStringLiteral("staff:clerk"), QStringLiteral("缺少盖章")});
    const IssuedCertificate certificates[] = {samples::unitCertificate(), samples::rosterCertificate(3),
                                              samples::personCertificate()};
    VerificationAnswer answer;
    answer.checkedAt = QDateTime(QDate(2026, 12, 5), QTime(8, 0), Qt::UTC);
    answer.certificate = certificates[0];
    answer.publicKeyPem = "-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----\n";
    const QJsonObject roots[] = {json::encode(samples::unit()), json::encode(samples::person(0)),
                                 json::encode(samples::person(5)), json::encode(batch), json::encode(lookup()),
                                 json::encode(changeRequest()), json::encode(answer),
                                 json::encode(certificates[1]), json::encode(certificates[2]),
                                 json::encode(CertificateRequest{CertificateKind::Person, QStringLiteral("430100000001"),
                                                                 QStringLiteral("办理居住证")}),
                                 json::encode(bill()), json::encode(BillPage{{bill()}, QStringLiteral("c2")}),
                                 json::encode(gaps()),
                                 json::encode(BillRequest{samples::idNumber(2), Money::fromFen(520000), month("2019-01"),
                                                          month("2019-01"), month("2019-06"), QStringLiteral("separate")}),
                                 json::encode(BankBill{QStringLiteral("20240630000000423"), BillState::Unpaid,
                                                       Money::fromFen(524471), QStringLiteral("长沙示例科技有限公司"),
                                                       QStringLiteral("汤*远"), QDate(2024, 7, 6)}),
                                 json::encode(BankPayment{QStringLiteral("20240630000000423"), Money::fromFen(524471),
                                                          QStringLiteral("CSB-2024-0001_a"), QStringLiteral("counter"),
                                                          QDateTime(QDate(2024, 7, 1), QTime(9, 30), Qt::UTC)}),
                                 json::encode(BankPaymentAnswer{QStringLiteral("20240630000000423"), BillState::Paid,
                                                                QStringLiteral("T1"), true})};
    for (const QJsonObject &root : roots)
        collect(root, &pool);

    const QList<JsonCodec> &codecs = jsonCodecs();
    for (qsizetype c = 0; c < codecs.size(); ++c) {
        int written = 0;
        for (const QJsonObject &o : std::as_const(pool)) {
            if (written == 4 || !codecs.at(c).decodes(o))
                continue;
            out.write(QStringLiteral("json"), QStringLiteral("%1-%2").arg(QLatin1String(codecs.at(c).name)).arg(written++),
                      char(c) + QJsonDocument(o).toJson(QJsonDocument::Compact));
        }
        SHEBAO_FUZZ_CHECK(written > 0, codecs.at(c).name); // a codec without a sample: add one above
    }
    for (const IssuedCertificate &certificate : certificates) {
        out.write(QStringLiteral("json"), QStringLiteral("canonical-%1").arg(certificate.content.number + certificateKindCode(certificate.content.kind)),
                  char(codecs.size()) + json::canonical(certificate.content));
    }

    QFile policy(PolicyTable::resourcePath(QStringLiteral("430100")));
    SHEBAO_FUZZ_CHECK(policy.open(QIODevice::ReadOnly), "the embedded policy table");
    out.write(QStringLiteral("policy"), QStringLiteral("430100"), policy.readAll());
}

} // namespace shebao::fuzz
