#include "IsolationCases.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "BillTestData.h"
#include "ChangeTestData.h"
#include "DeclarationTestData.h"
#include "ServerFixture.h"
#include "ServerTestData.h"

namespace shebao::test {

namespace {

const QString Api = QStringLiteral("/api/v1");

bool failed(QString *error, const char *step, const HttpResult &r)
{
    *error = QStringLiteral("%1: %2 %3").arg(QLatin1String(step)).arg(r.status).arg(QString::fromUtf8(r.body.left(300)));
    return false;
}

// B's unit token on a staff route, with A's ids in the path: refused as a token of the wrong
// kind, whatever the ids.
IsolationCase staffOnly(const QByteArray &method, std::function<QString(const VictimUnit &)> path)
{
    return IsolationCase{{401, 403}, [method, path](IsolationContext &c) {
                             return c.asB(method, Api + path(c.a), method == "POST" ? QByteArray("{}") : QByteArray());
                         }};
}

IsolationCase get(QList<int> allowed, std::function<QString(const VictimUnit &)> path)
{
    return IsolationCase{allowed, [path](IsolationContext &c) { return c.asB("GET", Api + path(c.a)); }};
}

IsolationCase post(QList<int> allowed, std::function<QString(const VictimUnit &)> path,
                   std::function<QJsonObject(IsolationContext &)> body = {})
{
    return IsolationCase{allowed, [path, body](IsolationContext &c) {
                             return c.asBJson(Api + path(c.a), body ? body(c) : QJsonObject());
                         }};
}

QJsonArray ids(std::initializer_list<qint64> list)
{
    QJsonArray a;
    for (qint64 id : list)
        a.append(id);
    return a;
}

} // namespace

HttpResult IsolationContext::asB(const QByteArray &method, const QString &path, const QByteArray &body,
                                 const QList<QPair<QByteArray, QByteArray>> &headers)
{
    sent += path.toUtf8() + '\n' + body + '\n';
    return b.send(method, path, body, headers);
}

HttpResult IsolationContext::asBJson(const QString &path, const QJsonObject &body)
{
    return asB("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

QHash<QString, IsolationCase> isolationCases()
{
    using V = const VictimUnit &;
    QHash<QString, IsolationCase> c;

    // Public and login routes: B's token adds nothing; A's unit number gets no more than anyone.
    c[QStringLiteral("GET /health")] = get({200}, [](V) { return QStringLiteral("/health"); });
    c[QStringLiteral("POST /auth/login")] = post({401}, [](V) { return QStringLiteral("/auth/login"); }, [](IsolationContext &x) {
        return QJsonObject{{QStringLiteral("unit_no"), x.a.unitNo}, {QStringLiteral("password"), QStringLiteral("Not-A-Password1")}};
    });
    // A wrong password for A's unit number counts toward A's lockout, as it would for anybody.
    c[QStringLiteral("POST /auth/login")].mayChange = {QStringLiteral("unit_accounts")};
    c[QStringLiteral("POST /auth/logout")] = IsolationCase{{204}, [](IsolationContext &x) {
        // A session of B's own is ended; A's token must survive (checked by the digest and below).
        auto other = x.fixture.client();
        other->login(x.bUnitNo, data::Password);
        HttpResult r = other->post(QStringLiteral("/api/v1/auth/logout"), {});
        auto victim = x.fixture.client();
        victim->setToken(x.a.token);
        if (victim->get(QStringLiteral("/api/v1/unit")).status != 200)
            r.status = 599; // A was logged out: not an allowed answer
        return r;
    }};
    c[QStringLiteral("POST /auth/challenge")] = post({200}, [](V) { return QStringLiteral("/auth/challenge"); }, [](IsolationContext &x) {
        return QJsonObject{{QStringLiteral("unit_no"), x.a.unitNo}};
    });
    c[QStringLiteral("POST /auth/cert-login")] = post({400, 401}, [](V) { return QStringLiteral("/auth/cert-login"); }, [](IsolationContext &x) {
        return QJsonObject{{QStringLiteral("unit_no"), x.a.unitNo}, {QStringLiteral("challenge"), QStringLiteral("AAAA")},
                           {QStringLiteral("certificate_pem"), QStringLiteral("x")}, {QStringLiteral("signature"), QStringLiteral("AAAA")},
                           {QStringLiteral("algorithm"), QStringLiteral("ECDSA-SHA256")}};
    });
    // B changes its own password (A's is the same text in the demo): A's account is untouched.
    c[QStringLiteral("POST /auth/password")] = post({204}, [](V) { return QStringLiteral("/auth/password"); }, [](IsolationContext &) {
        return QJsonObject{{QStringLiteral("current_password"), data::Password}, {QStringLiteral("new_password"), data::Password}};
    });
    c[QStringLiteral("POST /staff/login")] = post({401}, [](V) { return QStringLiteral("/staff/login"); }, [](IsolationContext &) {
        return QJsonObject{{QStringLiteral("username"), QStringLiteral("clerk")}, {QStringLiteral("password"), QStringLiteral("wrong")}};
    });
    // Anybody holding the printed code may verify it: the answer is the same without a token.
    c[QStringLiteral("GET /verify/{code}")] = IsolationCase{{200}, [](IsolationContext &x) {
        return x.asB("GET", Api + QStringLiteral("/verify/") + x.a.certificateCode);
    }, true};

    // The unit's own records: B gets B's.
    c[QStringLiteral("GET /unit")] = get({200}, [](V) { return QStringLiteral("/unit"); });
    c[QStringLiteral("GET /persons")] = get({200}, [](V) { return QStringLiteral("/persons?limit=1000"); });
    c[QStringLiteral("GET /authorization")] = get({200, 404}, [](V) { return QStringLiteral("/authorization"); });
    c[QStringLiteral("POST /authorization")] = post({200, 201, 409}, [](V) { return QStringLiteral("/authorization"); },
                                        [](IsolationContext &) { return data::applicant(QStringLiteral("乙方经办")); });
    c[QStringLiteral("POST /authorization/confirm")] = post({404, 409}, [](V) { return QStringLiteral("/authorization/confirm"); });
    c[QStringLiteral("POST /authorization/scan")] = IsolationCase{{404, 409, 422}, [](IsolationContext &x) {
        return x.asB("POST", Api + QStringLiteral("/authorization/scan"), data::png(), {{"Content-Type", "application/octet-stream"}});
    }};

    // 信息维护 with A's ids.
    c[QStringLiteral("POST /changes/attachments")] = IsolationCase{{201}, [](IsolationContext &x) {
        return chg::upload(x.b, QStringLiteral("business_licence"), chg::pdf("B"), QStringLiteral("乙单位执照.pdf"));
    }};
    c[QStringLiteral("GET /changes")] = get({200}, [](V) { return QStringLiteral("/changes"); });
    c[QStringLiteral("POST /changes")] = post({404, 422}, [](V) { return QStringLiteral("/changes"); }, [](IsolationContext &x) {
        return chg::unitChange(QJsonObject{{QStringLiteral("name"), QStringLiteral("乙单位借用证明有限公司")}},
                               {x.a.freeAttachmentId, x.a.changeAttachmentId});
    });
    c[QStringLiteral("GET /changes/{id}")] = get({404}, [](V a) { return QStringLiteral("/changes/%1").arg(a.changeId); });
    c[QStringLiteral("POST /changes/{id}/withdraw")] = post({404}, [](V a) { return QStringLiteral("/changes/%1/withdraw").arg(a.changeId); });

    // 异动申报 with A's ids and A's people.
    c[QStringLiteral("GET /declarations/lookup")] = get({200}, [](V a) {
        return QStringLiteral("/declarations/lookup?id_number=%1").arg(a.itemIdNumber);
    });
    c[QStringLiteral("GET /declarations/items")] = get({200}, [](V) { return QStringLiteral("/declarations/items?state=pending"); });
    c[QStringLiteral("POST /declarations/items")] = post({201, 409, 422}, [](V) { return QStringLiteral("/declarations/items"); },
                                             [](IsolationContext &x) { return decl::addRequest(x.a.itemIdNumber, QStringLiteral("乙方同人")); });
    c[QStringLiteral("POST /declarations/items/bulk")] = post({200, 207}, [](V) { return QStringLiteral("/declarations/items/bulk"); },
                                                  [](IsolationContext &x) {
        return QJsonObject{{QStringLiteral("items"), QJsonArray{decl::reduceRequest(x.a.personIdNumber, QStringLiteral("乙方所填"))}}};
    });
    c[QStringLiteral("POST /declarations/items/{id}/withdraw")] = post({404}, [](V a) {
        return QStringLiteral("/declarations/items/%1/withdraw").arg(a.itemId);
    });
    c[QStringLiteral("GET /declarations/batches")] = get({200}, [](V) { return QStringLiteral("/declarations/batches"); });
    c[QStringLiteral("POST /declarations/batches")] = post({404, 409, 422}, [](V) { return QStringLiteral("/declarations/batches"); },
                                               [](IsolationContext &x) {
        QJsonObject o = decl::declareRequest({});
        o.insert(QStringLiteral("item_ids"), ids({x.a.itemId}));
        return o;
    });
    c[QStringLiteral("GET /declarations/batches/{batch_no}")] = get({404}, [](V a) { return QStringLiteral("/declarations/batches/") + a.batchNo; });

    // 参保证明 of A's people and A's numbers.
    c[QStringLiteral("POST /certificates")] = post({404, 422}, [](V) { return QStringLiteral("/certificates"); }, [](IsolationContext &x) {
        return QJsonObject{{QStringLiteral("kind"), QStringLiteral("person")}, {QStringLiteral("purpose"), QStringLiteral("落户")},
                           {QStringLiteral("person_no"), x.a.personNo}};
    });
    c[QStringLiteral("GET /certificates")] = get({200}, [](V) { return QStringLiteral("/certificates"); });
    c[QStringLiteral("GET /certificates/{number}")] = get({404}, [](V a) { return QStringLiteral("/certificates/") + a.certificateNumber; });

    // 网上缴费 with A's person and A's bill: the same answers as for a person or number never seen.
    c[QStringLiteral("GET /arrears/gaps")] = get({404}, [](V a) { return QStringLiteral("/arrears/gaps?id_number=") + a.gapIdNumber; });
    c[QStringLiteral("GET /arrears/estimate")] = get({404}, [](V a) {
        return QStringLiteral("/arrears/estimate?id_number=%1&wage=6000.00&settlement=separate").arg(a.gapIdNumber);
    });
    c[QStringLiteral("POST /bills")] = post({404}, [](V) { return QStringLiteral("/bills"); },
                                            [](IsolationContext &x) { return bills::request(x.a.gapIdNumber); });
    c[QStringLiteral("GET /bills")] = get({200}, [](V) { return QStringLiteral("/bills?limit=200"); });
    c[QStringLiteral("GET /bills/{number}")] = get({404}, [](V a) { return QStringLiteral("/bills/") + a.billNumber; });
    c[QStringLiteral("POST /bills/{number}/cancel")] = post({404}, [](V a) { return QStringLiteral("/bills/%1/cancel").arg(a.billNumber); });
    // The bank's routes want a bank's signature: a unit token is none.
    c[QStringLiteral("GET /bank/bills/{number}")] = get({401}, [](V a) { return QStringLiteral("/bank/bills/") + a.billNumber; });
    c[QStringLiteral("POST /bank/payments")] = post({401}, [](V) { return QStringLiteral("/bank/payments"); }, [](IsolationContext &x) {
        return QJsonDocument::fromJson(bills::paymentBody(x.a.billNumber, QStringLiteral("1.00"), QStringLiteral("B-1"))).object();
    });

    // Staff routes: a unit token is not a staff token, whatever ids it names.
    c[QStringLiteral("GET /staff/bills")] = staffOnly("GET", [](V a) { return QStringLiteral("/staff/bills?unit_no=") + a.unitNo; });
    c[QStringLiteral("GET /staff/bills/{number}")] = staffOnly("GET", [](V a) { return QStringLiteral("/staff/bills/") + a.billNumber; });
    c[QStringLiteral("GET /staff/authorizations")] = staffOnly("GET", [](V) { return QStringLiteral("/staff/authorizations"); });
    c[QStringLiteral("GET /staff/authorizations/{id}")] = staffOnly("GET", [](V a) { return QStringLiteral("/staff/authorizations/%1").arg(a.authorizationId); });
    c[QStringLiteral("GET /staff/authorizations/{id}/scan")] = staffOnly("GET", [](V a) {
        return QStringLiteral("/staff/authorizations/%1/scan").arg(a.authorizationId);
    });
    c[QStringLiteral("POST /staff/authorizations/{id}/activate")] = staffOnly("POST", [](V a) {
        return QStringLiteral("/staff/authorizations/%1/activate").arg(a.authorizationId);
    });
    c[QStringLiteral("POST /staff/authorizations/{id}/reject")] = staffOnly("POST", [](V a) {
        return QStringLiteral("/staff/authorizations/%1/reject").arg(a.authorizationId);
    });
    c[QStringLiteral("GET /staff/certificates")] = staffOnly("GET", [](V a) { return QStringLiteral("/staff/certificates?unit_no=") + a.unitNo; });
    c[QStringLiteral("POST /staff/certificates/issue")] = staffOnly("POST", [](V) { return QStringLiteral("/staff/certificates/issue"); });
    c[QStringLiteral("POST /staff/certificates/register")] = staffOnly("POST", [](V) { return QStringLiteral("/staff/certificates/register"); });
    c[QStringLiteral("POST /staff/certificates/{serial}/revoke")] = staffOnly("POST", [](V) { return QStringLiteral("/staff/certificates/0A1B/revoke"); });
    c[QStringLiteral("GET /staff/batches")] = staffOnly("GET", [](V) { return QStringLiteral("/staff/batches"); });
    c[QStringLiteral("GET /staff/batches/{batch_no}")] = staffOnly("GET", [](V a) { return QStringLiteral("/staff/batches/") + a.batchNo; });
    c[QStringLiteral("POST /staff/batches/{batch_no}/receive")] = staffOnly("POST", [](V a) {
        return QStringLiteral("/staff/batches/%1/receive").arg(a.batchNo);
    });
    c[QStringLiteral("POST /staff/batches/{batch_no}/return")] = staffOnly("POST", [](V a) {
        return QStringLiteral("/staff/batches/%1/return").arg(a.batchNo);
    });
    c[QStringLiteral("GET /staff/changes")] = staffOnly("GET", [](V) { return QStringLiteral("/staff/changes"); });
    c[QStringLiteral("GET /staff/changes/{id}")] = staffOnly("GET", [](V a) { return QStringLiteral("/staff/changes/%1").arg(a.changeId); });
    c[QStringLiteral("GET /staff/changes/{id}/attachments/{attachment_id}")] = staffOnly("GET", [](V a) {
        return QStringLiteral("/staff/changes/%1/attachments/%2").arg(a.changeId).arg(a.changeAttachmentId);
    });
    c[QStringLiteral("POST /staff/changes/{id}/approve")] = staffOnly("POST", [](V a) { return QStringLiteral("/staff/changes/%1/approve").arg(a.changeId); });
    c[QStringLiteral("POST /staff/changes/{id}/reject")] = staffOnly("POST", [](V a) { return QStringLiteral("/staff/changes/%1/reject").arg(a.changeId); });
    c[QStringLiteral("GET /staff/enrolment-certificates")] = staffOnly("GET", [](V) { return QStringLiteral("/staff/enrolment-certificates"); });
    c[QStringLiteral("GET /staff/enrolment-certificates/{number}")] = staffOnly("GET", [](V a) {
        return QStringLiteral("/staff/enrolment-certificates/") + a.certificateNumber;
    });
    c[QStringLiteral("POST /staff/enrolment-certificates/{number}/revoke")] = staffOnly("POST", [](V a) {
        return QStringLiteral("/staff/enrolment-certificates/%1/revoke").arg(a.certificateNumber);
    });
    return c;
}

bool prepareVictim(ServerFixture &fixture, const QString &unitNo, const QString &otherUnitNo, VictimUnit *a, QString *error)
{
    auto client = fixture.client();
    HttpResult r = client->login(unitNo, data::Password);
    if (r.status != 200)
        return failed(error, "login", r);
    a->unitNo = unitNo;
    a->token = r.json().value(QLatin1String("token")).toString();
    a->unitId = fixture.scalar(QStringLiteral("SELECT id FROM units WHERE unit_no = ?"), {unitNo}).toLongLong();
    // The demo's authorized unit has no application on file (it was seeded authorized); the
    // staff routes refuse a unit token before any id is looked up anyway.
    a->authorizationId = qMax(qint64(1), fixture.scalar(QStringLiteral("SELECT id FROM authorizations WHERE unit_id = ?"), {a->unitId}).toLongLong());

    a->itemIdNumber = decl::freshId(fixture, QStringLiteral("19880512"), 101);
    r = client->postJson(decl::Items, decl::addRequest(a->itemIdNumber, QStringLiteral("甲方待报")));
    if (r.status != 201)
        return failed(error, "pending item", r);
    a->itemId = r.json().value(QLatin1String("id")).toInteger();
    a->itemNo = r.json().value(QLatin1String("item_no")).toString();
    const QString declaredId = decl::freshId(fixture, QStringLiteral("19890613"), 201);
    r = client->postJson(decl::Items, decl::addRequest(declaredId, QStringLiteral("甲方已报")));
    if (r.status != 201)
        return failed(error, "item to declare", r);
    a->declaredItemId = r.json().value(QLatin1String("id")).toInteger();
    const QString declaredItemNo = r.json().value(QLatin1String("item_no")).toString();
    r = client->postJson(decl::Batches, decl::declareRequest({a->declaredItemId}));
    if (r.status != 201)
        return failed(error, "batch", r);
    a->batchNo = r.json().value(QLatin1String("batch_no")).toString();

    a->changeAttachmentId = chg::uploadId(*client, QStringLiteral("business_licence"), data::png(), QStringLiteral("甲单位营业执照.png"));
    r = client->postJson(chg::Changes, chg::unitChange(QJsonObject{{QStringLiteral("name"), QStringLiteral("甲单位新名称有限公司")}},
                                                        {a->changeAttachmentId}));
    if (r.status != 201 || chg::requestsOf(r).isEmpty())
        return failed(error, "key change", r);
    a->changeId = chg::requestsOf(r).at(0).toObject().value(QLatin1String("id")).toInteger();
    const QString changeNo = chg::requestsOf(r).at(0).toObject().value(QLatin1String("request_no")).toString();
    a->freeAttachmentId = chg::uploadId(*client, QStringLiteral("business_licence"), chg::pdf("A-free"), QStringLiteral("甲单位未用证明.pdf"));

    r = client->postJson(QStringLiteral("/api/v1/certificates"),
                         QJsonObject{{QStringLiteral("kind"), QStringLiteral("unit")}, {QStringLiteral("purpose"), QStringLiteral("甲单位投标专用")}});
    if (r.status != 201)
        return failed(error, "certificate", r);
    a->certificateNumber = r.json().value(QLatin1String("number")).toString();
    a->certificateCode = r.json().value(QLatin1String("code")).toString();

    const decl::DemoPerson own = decl::activeElsewhere(fixture, otherUnitNo, unitNo, 0);
    a->personIdNumber = own.idNumber;
    a->personNo = fixture.scalar(QStringLiteral("SELECT person_no FROM persons WHERE id_number = ?"), {own.idNumber}).toString();
    if (a->changeAttachmentId <= 0 || a->freeAttachmentId <= 0 || a->personNo.isEmpty() || a->authorizationId <= 0) {
        *error = QStringLiteral("%1: attachments %2/%3, person %4, authorization %5")
                     .arg(unitNo).arg(a->changeAttachmentId).arg(a->freeAttachmentId).arg(a->personNo).arg(a->authorizationId);
        return false;
    }
    // A person of A's with a gap older than three months, and A's bill for it.
    a->gapIdNumber = bills::addPerson(fixture, QStringLiteral("甲方断档"), QDate(1980, 3, 9), 301,
                                      {{unitNo, bills::ago(fixture, 40), bills::ago(fixture, 30)},
                                       {unitNo, bills::ago(fixture, 20), YearMonth()}});
    r = client->postJson(bills::Bills, bills::request(a->gapIdNumber));
    if (r.status != 201)
        return failed(error, "bill", r);
    a->billNumber = r.json().value(QLatin1String("number")).toString();

    const QString unitName = fixture.scalar(QStringLiteral("SELECT name FROM units WHERE id = ?"), {a->unitId}).toString();
    a->markers = QStringList{unitNo, unitName, a->itemNo, a->itemIdNumber, declaredItemNo, declaredId, a->batchNo,
                             changeNo, QStringLiteral("甲单位"), QStringLiteral("甲方"), a->certificateNumber,
                             a->certificateCode, a->personIdNumber, a->personNo, a->gapIdNumber, a->billNumber};
    return true;
}

} // namespace shebao::test
