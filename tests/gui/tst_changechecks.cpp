// The desktop's checks before a 信息变更 is sent (ui/maintain/ChangeChecks): what changed, key or
// not, values normalized or refused with a message naming the field, gender and birth date
// against the new ID number, the 15 → 18 升位, a credit code failing GB 32100.
#include <QLabel>
#include <QLineEdit>
#include <QTest>

#include "models/validation/CreditCode.h"
#include "models/validation/IdNumber.h"
#include "ui/Translations.h"
#include "ui/maintain/ChangeChecks.h"
#include "ui/maintain/ChangeFormWidget.h"
#include "ui/maintain/ChangeWizardData.h"

using namespace shebao;
using ui::ChangeChecks;
using ui::ChangeValueMap;

namespace {
QString withCheck(const char *first17)
{
    const QString digits = QString::fromLatin1(first17);
    return digits + IdNumber::checkCharacter(digits);
}

ChangeValueMap person(const QString &id, const QString &gender, const QString &birth)
{
    return {{QStringLiteral("name"), QStringLiteral("田丽华")}, {QStringLiteral("id_number"), id},
            {QStringLiteral("gender"), gender},                 {QStringLiteral("birth_date"), birth},
            {QStringLiteral("ethnicity"), QStringLiteral("01")}, {QStringLiteral("hukou"), QStringLiteral("1")},
            {QStringLiteral("phone"), QStringLiteral("13907310000")}};
}
} // namespace

class TestChangeChecks : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(ui::installTranslations(QStringLiteral("zh_CN"))); }

    void changedMembersInFormOrder()
    {
        const ChangeValueMap current = person(withCheck("43012119650521198"), QStringLiteral("2"),
                                              QStringLiteral("1965-05-21"));
        ChangeValueMap after = current;
        after[QStringLiteral("phone")] = QStringLiteral("13907319999");
        after[QStringLiteral("name")] = QStringLiteral(" 田丽华 "); // spaces are not a change
        QCOMPARE(ChangeChecks::changedMembers(ChangeTarget::Person, current, after), QStringList{QStringLiteral("phone")});
        after[QStringLiteral("name")] = QStringLiteral("田丽");
        const QStringList members = ChangeChecks::changedMembers(ChangeTarget::Person, current, after);
        QCOMPARE(members, (QStringList{QStringLiteral("name"), QStringLiteral("phone")}));
        QVERIFY(ChangeChecks::touchesKeyField(ChangeTarget::Person, members));
        QVERIFY(!ChangeChecks::touchesKeyField(ChangeTarget::Person, {QStringLiteral("phone")}));
        QVERIFY(!ChangeChecks::touchesKeyField(ChangeTarget::Unit, {QStringLiteral("contact_name"), QStringLiteral("email")}));
        QVERIFY(ChangeChecks::touchesKeyField(ChangeTarget::Unit, {QStringLiteral("email"), QStringLiteral("bank_account")}));
    }

    void normalizeRefusesWithTheFieldNamed()
    {
        ChangeValueMap after{{QStringLiteral("name"), QString()},
                             {QStringLiteral("postal_code"), QStringLiteral("41000")},
                             {QStringLiteral("email"), QStringLiteral("hr-at-example.cn")},
                             {QStringLiteral("legal_rep_id_number"), QStringLiteral("430121196505211980")},
                             {QStringLiteral("credit_code"), QStringLiteral("91430102MA4L1001")}};
        const QList<Error> errors = ChangeChecks::normalize(ChangeTarget::Unit, &after, after.keys());
        QCOMPARE(errors.size(), 5);
        QStringList fields;
        for (const Error &e : errors) {
            fields.append(e.field);
            QVERIFY2(!e.message.isEmpty(), qPrintable(e.field));
        }
        QVERIFY(fields.contains(QStringLiteral("changes.name")));
        for (const Error &e : errors) {
            if (e.field == u"changes.name") {
                QCOMPARE(e.code, QStringLiteral("required.missing"));
                QVERIFY(e.message.contains(QStringLiteral("单位名称")));
            } else if (e.field == u"changes.postal_code") {
                QVERIFY(e.message.contains(QStringLiteral("邮政编码")));
            } else if (e.field == u"changes.email") {
                QVERIFY(e.message.contains(QStringLiteral("电子邮箱")));
            } else if (e.field == u"changes.legal_rep_id_number") {
                QCOMPARE(e.code, QStringLiteral("id.checksum"));
                QVERIFY(e.message.startsWith(QStringLiteral("法定代表人身份证号")));
            } else {
                QCOMPARE(e.field, QStringLiteral("changes.credit_code"));
                QCOMPARE(e.code, QStringLiteral("creditcode.format"));
            }
        }
        // Good values come back as the server wants them.
        const QString id = withCheck("43010219900512881");
        ChangeValueMap good{{QStringLiteral("legal_rep_id_number"), id.left(17) + id.right(1).toLower()},
                            {QStringLiteral("credit_code"), QStringLiteral(" 91430102ma4l10017t ")}};
        QVERIFY(ChangeChecks::normalize(ChangeTarget::Unit, &good, good.keys()).isEmpty());
        QCOMPARE(good.value(QStringLiteral("legal_rep_id_number")), id);
        QCOMPARE(good.value(QStringLiteral("credit_code")), QStringLiteral("91430102MA4L10017T"));
    }

    void genderAndBirthDateMustAgreeWithTheIdNumber()
    {
        const QString woman = withCheck("43012119650521198"); // 8: even, a woman
        const ChangeValueMap current = person(woman, QStringLiteral("2"), QStringLiteral("1965-05-21"));
        // The clerk changes the gender only: the gender is named.
        ChangeValueMap after = current;
        after[QStringLiteral("gender")] = QStringLiteral("1");
        QList<Error> errors = ChangeChecks::personConsistency(current, after, {QStringLiteral("gender")});
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().code, QStringLiteral("gender.mismatch"));
        QCOMPARE(errors.first().field, QStringLiteral("changes.gender"));
        QVERIFY(errors.first().message.contains(QStringLiteral("性别")));
        // A new ID number of a man with the gender left as it was: the ID number is named.
        const QString man = withCheck("43012119650521197");
        after = current;
        after[QStringLiteral("id_number")] = man;
        errors = ChangeChecks::personConsistency(current, after, {QStringLiteral("id_number")});
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().field, QStringLiteral("changes.id_number"));
        // Birth date.
        after = current;
        after[QStringLiteral("birth_date")] = QStringLiteral("1965-05-22");
        errors = ChangeChecks::personConsistency(current, after, {QStringLiteral("birth_date")});
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().code, QStringLiteral("birthdate.mismatch"));
        QCOMPARE(errors.first().field, QStringLiteral("changes.birth_date"));
        QVERIFY(errors.first().message.contains(QStringLiteral("1965-05-21")));
        // All three changed together and agreeing: fine.
        after = current;
        after[QStringLiteral("id_number")] = withCheck("43010219900512881");
        after[QStringLiteral("gender")] = QStringLiteral("1");
        after[QStringLiteral("birth_date")] = QStringLiteral("1990-05-12");
        QVERIFY(ChangeChecks::personConsistency(
                    current, after, {QStringLiteral("id_number"), QStringLiteral("gender"), QStringLiteral("birth_date")})
                    .isEmpty());
    }

    void fifteenToEighteenUpgradeIsRecognised()
    {
        const QString old = QStringLiteral("430121650521198");
        const QString upgraded = IdNumber::parse(old).value().number();
        QCOMPARE(upgraded.size(), 18);
        QVERIFY(ChangeChecks::isIdUpgrade(old, upgraded));
        QVERIFY(ChangeChecks::isIdUpgrade(old, upgraded.toLower()));
        QVERIFY(!ChangeChecks::isIdUpgrade(old, withCheck("43012119650521197")));
        QVERIFY(!ChangeChecks::isIdUpgrade(upgraded, upgraded)); // not from 15 digits
        // An upgrade alone needs no proof; with the name it needs the ID card.
        ui::ChangeWizardData data;
        data.target = ChangeTarget::Person;
        data.members = {QStringLiteral("id_number")};
        data.idUpgrade = true;
        QVERIFY(data.missingProofs().isEmpty());
        data.members = {QStringLiteral("name"), QStringLiteral("id_number")};
        QCOMPARE(data.missingProofs(), (QList<QList<AttachmentKind>>{{AttachmentKind::IdCard}}));
        data.attachments.append(ChangeAttachment{1, AttachmentKind::IdCard, QStringLiteral("id.png"),
                                                 QStringLiteral("image/png"), 100, QString()});
        QVERIFY(data.missingProofs().isEmpty());
    }

    void formKeepsCodesItDoesNotOfferAndPlacesErrors()
    {
        ui::ChangeFormWidget form(ChangeTarget::Person);
        ChangeValueMap current = person(withCheck("43012119650521198"), QStringLiteral("2"), QStringLiteral("1965-05-21"));
        current[QStringLiteral("hukou")] = QStringLiteral("Z9"); // not (or no longer) in the dictionary
        form.setCurrent(current);
        QVERIFY2(form.changedMembers().isEmpty(), qPrintable(form.changedMembers().join(u',')));
        QCOMPARE(form.after().value(QStringLiteral("hukou")), QStringLiteral("Z9"));
        form.setAfter({{QStringLiteral("phone"), QStringLiteral("13907318888")}});
        QCOMPARE(form.changedMembers(), QStringList{QStringLiteral("phone")});
        // Errors go under their field; the others come back.
        const QList<Error> unplaced = form.showErrors(
            {Error{QStringLiteral("phone.invalid"), QStringLiteral("联系电话格式不正确"), QString(), QStringLiteral("changes.phone")},
             Error{QStringLiteral("change.pending"), QStringLiteral("已有待审核的变更"), QString(), QString()}});
        QCOMPARE(unplaced.size(), 1);
        QCOMPARE(unplaced.first().code, QStringLiteral("change.pending"));
        auto *label = form.findChild<QLabel *>(QStringLiteral("phoneErrorLabel"));
        QCOMPARE(label->text(), QStringLiteral("联系电话格式不正确"));
        QVERIFY(!label->isHidden());
        QCOMPARE(form.editor(QStringLiteral("phone"))->accessibleDescription(),
                 ui::ChangeFormWidget::nonKeyDescription() + QStringLiteral("; 联系电话格式不正确"));
        // Typing clears it, and the description is the field's again.
        qobject_cast<QLineEdit *>(form.editor(QStringLiteral("phone")))->setText(QStringLiteral("13907317777"));
        QVERIFY(label->isHidden());
        QCOMPARE(form.editor(QStringLiteral("phone"))->accessibleDescription(), ui::ChangeFormWidget::nonKeyDescription());
    }

    void failingCreditCodeIsAWarning()
    {
        const QString good = QStringLiteral("91430102MA4L10017T");
        QVERIFY(CreditCode::check(good).isEmpty());
        const QString bad = good.left(17) + u'1';
        const ChangeValueMap after{{QStringLiteral("credit_code"), bad}};
        QVERIFY(!ChangeChecks::creditCodeWarning(after, {QStringLiteral("credit_code")}).isEmpty());
        QVERIFY(ChangeChecks::creditCodeWarning(after, {QStringLiteral("name")}).isEmpty());
        QVERIFY(ChangeChecks::creditCodeWarning({{QStringLiteral("credit_code"), good}}, {QStringLiteral("credit_code")})
                    .isEmpty());
    }
};

QTEST_MAIN(TestChangeChecks)
#include "tst_changechecks.moc"
