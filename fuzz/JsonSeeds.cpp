// Seeds of fuzz_json and fuzz_policy: the samples of the export and printing tests
// (DeclarationSamples.h, CertificateSamples.h) and a 信息维护 request like tst_changejson's,
// encoded by the codecs; every object nested in them is offered to every codec, and each codec
// gets the ones it decodes. The policy seed is the embedded Changsha table.
#include "fuzz/FuzzCheck.h"
#include "fuzz/JsonCodecs.h"
#include "fuzz/SeedFiles.h"
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
                                                                 QStringLiteral("办理居住证")})};
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
