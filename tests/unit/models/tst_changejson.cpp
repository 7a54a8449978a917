// 信息维护's shared types: the field catalogue says which fields are key and which proofs they
// need, a request survives the JSON round trip, and bad input names its JSON path.
#include <QJsonArray>
#include <QTest>

#include "models/change/ChangeFields.h"
#include "models/change/ChangeJson.h"

using namespace shebao;

class TestChangeJson : public QObject
{
    Q_OBJECT

private slots:
    void catalogueSplitsKeyFromNonKey_data()
    {
        QTest::addColumn<int>("target");
        QTest::addColumn<QString>("member");
        QTest::addColumn<bool>("key");
        QTest::newRow("unit name") << int(ChangeTarget::Unit) << "name" << true;
        QTest::newRow("credit code") << int(ChangeTarget::Unit) << "credit_code" << true;
        QTest::newRow("bank account") << int(ChangeTarget::Unit) << "bank_account" << true;
        QTest::newRow("contact") << int(ChangeTarget::Unit) << "contact_name" << false;
        QTest::newRow("email") << int(ChangeTarget::Unit) << "email" << false;
        QTest::newRow("person id") << int(ChangeTarget::Person) << "id_number" << true;
        QTest::newRow("person gender") << int(ChangeTarget::Person) << "gender" << true;
        QTest::newRow("person phone") << int(ChangeTarget::Person) << "phone" << false;
    }
    void catalogueSplitsKeyFromNonKey()
    {
        QFETCH(int, target);
        QFETCH(QString, member);
        QFETCH(bool, key);
        const ChangeField *f = ChangeFields::find(ChangeTarget(target), member);
        QVERIFY(f);
        QCOMPARE(f->key, key);
        QCOMPARE(f->proofs.isEmpty(), !key);
    }

    void unknownMemberIsNotInTheCatalogue()
    {
        QVERIFY(!ChangeFields::find(ChangeTarget::Unit, u"unit_no"));
        QVERIFY(!ChangeFields::find(ChangeTarget::Person, u"contact_name"));
    }

    void missingProofsFollowTheTouchedFields()
    {
        const auto none = ChangeFields::missingProofs(ChangeTarget::Unit, {QStringLiteral("email")}, {});
        QVERIFY(none.isEmpty());
        // name and unit_type share 营业执照: one group; credit_code accepts either licence.
        auto missing = ChangeFields::missingProofs(
            ChangeTarget::Unit, {QStringLiteral("name"), QStringLiteral("unit_type"), QStringLiteral("bank_account")}, {});
        QCOMPARE(missing.size(), 2);
        missing = ChangeFields::missingProofs(ChangeTarget::Unit, {QStringLiteral("credit_code")},
                                              {AttachmentKind::OrgCodeCertificate});
        QVERIFY(missing.isEmpty());
        missing = ChangeFields::missingProofs(ChangeTarget::Unit, {QStringLiteral("name")}, {AttachmentKind::BankPermit});
        QCOMPARE(missing, QList<QList<AttachmentKind>>{{AttachmentKind::BusinessLicence}});
        const QString text = ChangeFields::describeProofs(ChangeTarget::Unit, missing.first(),
                                                          {QStringLiteral("name"), QStringLiteral("unit_type")});
        QVERIFY2(text.contains(QStringLiteral("营业执照")) && text.contains(QStringLiteral("单位名称"))
                     && text.contains(QStringLiteral("单位类型")),
                 qPrintable(text));
    }

    void displayValueNamesCodes()
    {
        const ChangeField *gender = ChangeFields::find(ChangeTarget::Person, u"gender");
        QCOMPARE(ChangeFields::displayValue(*gender, QStringLiteral("2")), QStringLiteral("女"));
        const ChangeField *ethnicity = ChangeFields::find(ChangeTarget::Person, u"ethnicity");
        QCOMPARE(ChangeFields::displayValue(*ethnicity, QStringLiteral("01")), QStringLiteral("汉族"));
        const ChangeField *name = ChangeFields::find(ChangeTarget::Unit, u"name");
        QCOMPARE(ChangeFields::displayValue(*name, QStringLiteral("甲")), QStringLiteral("甲"));
    }

    void requestRoundTrips()
    {
        ChangeRequest r;
        r.id = 5;
        r.requestNo = QStringLiteral("BG20261204000005");
        r.target = ChangeTarget::Person;
        r.state = ChangeState::Rejected;
        r.unitNo = QStringLiteral("43010000001");
        r.unitName = QStringLiteral("长沙示例科技有限公司");
        r.personNo = QStringLiteral("4301000123");
        r.personName = QStringLiteral("李四");
        r.personIdNumber = QStringLiteral("430102199001011234");
        r.fields = {{QStringLiteral("name"), QStringLiteral("姓名"), true, QStringLiteral("李四"), QStringLiteral("李泗")}};
        r.attachments = {{9, AttachmentKind::IdCard, QStringLiteral("身份证.png"), QStringLiteral("image/png"), 1234,
                          QStringLiteral("ab")}};
        r.key = true;
        r.signed_ = true;
        r.idUpgrade = true;
        r.rejectReason = QStringLiteral("身份证图片不清晰");
        r.createdAt = QDateTime(QDate(2026, 12, 4), QTime(8, 30), Qt::UTC);
        r.createdBy = QStringLiteral("43010000001");
        r.decidedAt = QDateTime(QDate(2026, 12, 5), QTime(9, 0), Qt::UTC);
        r.decidedBy = QStringLiteral("reviewer");
        const auto decoded = json::decodeChangeRequest(json::encode(r));
        QVERIFY2(decoded, qPrintable(decoded ? QString() : decoded.error().detail));
        QCOMPARE(decoded.value(), r);
    }

    void badMembersNameTheirPath()
    {
        QJsonObject o = json::encode(ChangeRequest{});
        o.insert(QStringLiteral("request_no"), QStringLiteral("BG1"));
        o.insert(QStringLiteral("state"), QStringLiteral("lost"));
        auto decoded = json::decodeChangeRequest(o);
        QVERIFY(!decoded);
        QCOMPARE(decoded.error().field, QStringLiteral("$.state"));
        o.insert(QStringLiteral("state"), QStringLiteral("pending"));
        QJsonArray attachments{QJsonObject{{QStringLiteral("id"), 1}, {QStringLiteral("kind"), QStringLiteral("photo")}}};
        o.insert(QStringLiteral("attachments"), attachments);
        decoded = json::decodeChangeRequest(o);
        QVERIFY(!decoded);
        QCOMPARE(decoded.error().field, QStringLiteral("$.attachments[0].kind"));
    }

    void submissionCarriesOnlyWhatTheClientSends()
    {
        ChangeSubmission s;
        s.target = ChangeTarget::Person;
        s.personNo = QStringLiteral("4301000123");
        s.after = {{QStringLiteral("phone"), QStringLiteral("13900001111")}};
        s.attachmentIds = {3};
        const QJsonObject o = json::encode(s);
        QCOMPARE(o.value(QLatin1String("target")).toString(), QStringLiteral("person"));
        QCOMPARE(o.value(QLatin1String("person_no")).toString(), s.personNo);
        QCOMPARE(o.value(QLatin1String("changes")).toObject().value(QLatin1String("phone")).toString(),
                 QStringLiteral("13900001111"));
        QCOMPARE(o.value(QLatin1String("attachments")).toArray().at(0).toInt(), 3);
        QCOMPARE(o.value(QLatin1String("credit_code_override")).toBool(), false);
        s.target = ChangeTarget::Unit;
        QVERIFY(!json::encode(s).contains(QLatin1String("person_no")));
    }
};

QTEST_GUILESS_MAIN(TestChangeJson)
#include "tst_changejson.moc"
