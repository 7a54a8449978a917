// 信息维护 end to end with the real binaries: shebao-cli change unit|person (proofs, --form read
// back with pdftotext), shebao-admin reviews approve / reject / show, shebao-cli changes and
// changes withdraw, against a shebao-server process; the refusals (missing proof, disguised file,
// gender against the ID number, a credit code failing GB 32100 until --override-credit-code) as
// Chinese messages with exit 1; a certificate unit's signed request.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include "ChangeFixtures.h"
#include "DeskClient.h"
#include "ProcessRun.h"
#include "ServerProcess.h"
#include "ServerQueries.h"
#include "models/change/ChangeFields.h"

using namespace shebao;

namespace {

const QString UnitNo = QStringLiteral("43010000001");
const QString CertificateUnit = QStringLiteral("43010000003");
const QByteArray Password = "Demo1234\n";

QJsonObject jsonOf(const QByteArray &out)
{
    return QJsonDocument::fromJson(out).object();
}

QJsonArray requestsOf(const test::ProcessRun &run)
{
    return jsonOf(run.out).value(QLatin1String("requests")).toArray();
}

QString pdfText(const QString &pdf)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return {};
    // pdftotext puts narrow spaces between some CJK characters: compare without blanks.
    return QString::fromUtf8(p.readAllStandardOutput()).remove(u' ');
}

} // namespace

class TestChangesCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void usageMistakesNeedNoServer();
    void nonKeyChangeAppliesAtOnce();
    void keyChangeIsApprovedByTheReviewer();
    void rejectedChangeKeepsTheOldValues();
    void personNameChangeIsApproved();
    void badInputIsRefusedInChinese();
    void creditCodeOverrideAndWithdraw();
    void certificateUnitsSignedChange();

private:
    test::ProcessRun cli(const QStringList &arguments, const QByteArray &input = Password);
    test::ProcessRun reviewer(const QStringList &arguments);
    QString writeFile(const QString &name, const QByteArray &bytes);
    Unit unit();

    test::ServerProcess m_server;
    QTemporaryDir m_dir;
    QString m_cli;
    QString m_admin;
    ApiClient m_direct;
    QString m_licence;
    QString m_permit;
    QString m_idCard;
    QByteArray m_licenceBytes;
};

void TestChangesCli::initTestCase()
{
    m_cli = test::binaryFromEnv("SHEBAO_CLI_BIN");
    m_admin = test::binaryFromEnv("SHEBAO_ADMIN_BIN");
    QVERIFY2(!m_cli.isEmpty() && !m_admin.isEmpty(), "SHEBAO_CLI_BIN / SHEBAO_ADMIN_BIN not set (run through ctest)");
    QVERIFY(m_dir.isValid());
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("xdg"))));
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    m_direct.setBaseUrl(m_server.baseUrl());
    QVERIFY(m_direct.addCaCertificatesFromFile(m_server.caFile()).ok());
    auto login = test::waitFor<LoginReply>([&](auto done) { m_direct.login(UnitNo, QStringLiteral("Demo1234"), this, done); });
    QVERIFY(login.ok());
    m_direct.setToken(login.value().token);

    m_licenceBytes = test::imageBytes("JPEG");
    m_licence = writeFile(QStringLiteral("营业执照.jpg"), m_licenceBytes);
    m_permit = writeFile(QStringLiteral("开户许可证.png"), test::imageBytes("PNG", Qt::red));
    m_idCard = writeFile(QStringLiteral("身份证.jpg"), test::imageBytes("JPEG", Qt::darkGreen));
}

test::ProcessRun TestChangesCli::cli(const QStringList &arguments, const QByteArray &input)
{
    const QStringList connection{QStringLiteral("--server"), m_server.baseUrl().toString(), QStringLiteral("--ca"),
                                 m_server.caFile(), QStringLiteral("--unit"), UnitNo, QStringLiteral("--password-stdin")};
    return test::ProcessRun::run(m_cli, connection + arguments, input);
}

test::ProcessRun TestChangesCli::reviewer(const QStringList &arguments)
{
    const QStringList connection{QStringLiteral("--server"), m_server.baseUrl().toString(), QStringLiteral("--ca"),
                                 m_server.caFile(), QStringLiteral("--staff"), QStringLiteral("reviewer"),
                                 QStringLiteral("--password-stdin")};
    return test::ProcessRun::run(m_admin, connection + arguments, Password);
}

QString TestChangesCli::writeFile(const QString &name, const QByteArray &bytes)
{
    QFile file(m_dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return file.fileName();
}

Unit TestChangesCli::unit()
{
    auto u = test::waitFor<Unit>([&](auto done) { m_direct.fetchUnit(this, done); });
    return u ? u.value() : Unit{};
}

void TestChangesCli::usageMistakesNeedNoServer()
{
    // Nothing listens on port 1: these fail before any connection.
    const QStringList nowhere{QStringLiteral("--server"), QStringLiteral("https://127.0.0.1:1"), QStringLiteral("--unit"),
                              UnitNo, QStringLiteral("--password-stdin")};
    const QList<QStringList> mistakes{
        {QStringLiteral("change")},
        {QStringLiteral("change"), QStringLiteral("unit")},
        {QStringLiteral("change"), QStringLiteral("unit"), QStringLiteral("--set"), QStringLiteral("name")},
        {QStringLiteral("change"), QStringLiteral("person"), QStringLiteral("--set"), QStringLiteral("name=张三")},
        {QStringLiteral("change"), QStringLiteral("unit"), QStringLiteral("--set"), QStringLiteral("name=甲"),
         QStringLiteral("--attach"), QStringLiteral("passport=x.png")},
        {QStringLiteral("change"), QStringLiteral("unit"), QStringLiteral("--set"), QStringLiteral("name=甲"),
         QStringLiteral("--attach"), QStringLiteral("business_licence=/no/such/file.png")},
        {QStringLiteral("changes"), QStringLiteral("--state"), QStringLiteral("done")},
        {QStringLiteral("changes"), QStringLiteral("withdraw")},
    };
    for (const QStringList &args : mistakes) {
        const auto run = test::ProcessRun::run(m_cli, nowhere + args + QStringList{QStringLiteral("--json")}, Password);
        QVERIFY2(run.exitCode == 2, run.describe().constData());
        const QJsonObject error = jsonOf(run.out).value(QLatin1String("error")).toObject();
        QVERIFY2(error.value(QLatin1String("code")).toString() == QLatin1String("cli.usage")
                     || error.value(QLatin1String("code")).toString() == QLatin1String("upload.unreadable"),
                 run.describe().constData());
        QVERIFY(QRegularExpression(QStringLiteral("[\\x{4e00}-\\x{9fff}]")).match(error.value(QLatin1String("message")).toString()).hasMatch());
    }
}

void TestChangesCli::nonKeyChangeAppliesAtOnce()
{
    const auto run = cli({QStringLiteral("change"), QStringLiteral("unit"), QStringLiteral("--set"),
                          QStringLiteral("contact_phone=0731-86660001"), QStringLiteral("--set=email=cli-e2e@example.cn"),
                          QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    const QJsonArray requests = requestsOf(run);
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests.at(0).toObject().value(QLatin1String("state")).toString(), QStringLiteral("applied"));
    QCOMPARE(requests.at(0).toObject().value(QLatin1String("fields")).toArray().size(), 2);
    const Unit now = unit();
    QCOMPARE(now.contactPhone, QStringLiteral("0731-86660001"));
    QCOMPARE(now.email, QStringLiteral("cli-e2e@example.cn"));

    // Human output: the request and its fields side by side.
    const auto human = cli({QStringLiteral("change"), QStringLiteral("unit"), QStringLiteral("--set"),
                            QStringLiteral("postal_code=410205")});
    QVERIFY2(human.exitCode == 0, human.describe().constData());
    const QString text = QString::fromUtf8(human.out);
    QVERIFY2(text.contains(QStringLiteral("已生效")) && text.contains(QStringLiteral("邮政编码"))
                 && text.contains(QStringLiteral("410205")),
             human.out.constData());
}

void TestChangesCli::keyChangeIsApprovedByTheReviewer()
{
    const Unit before = unit();
    const QString newName = QStringLiteral("长沙湘江示范软件股份有限公司");
    const QString form = m_dir.filePath(QStringLiteral("unit-change.pdf"));
    const auto run = cli({QStringLiteral("change"), QStringLiteral("unit"), QStringLiteral("--set"),
                          QStringLiteral("name=") + newName, QStringLiteral("--set"), QStringLiteral("district=岳麓区"),
                          QStringLiteral("--set"), QStringLiteral("mobile=13974800002"), QStringLiteral("--attach"),
                          QStringLiteral("business_licence=") + m_licence, QStringLiteral("--form"), form,
                          QStringLiteral("--cache"), m_dir.filePath(QStringLiteral("cli.sqlite")), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    const QJsonArray requests = requestsOf(run);
    QCOMPARE(requests.size(), 2); // 手机 applied at once, the key fields pending
    {
        // The print is recorded in the unit's cache.
        LocalCache cache;
        QVERIFY(cache.open(m_dir.filePath(QStringLiteral("cli.sqlite"))).ok());
        const auto printed = cache.printedForms(QStringLiteral("unit-change-form"));
        QVERIFY(printed.ok());
        QCOMPARE(printed.value().size(), 1);
        QCOMPARE(printed.value().first().file, QFileInfo(form).absoluteFilePath());
    }
    QCOMPARE(requests.at(0).toObject().value(QLatin1String("state")).toString(), QStringLiteral("applied"));
    const QJsonObject pending = requests.at(1).toObject();
    QCOMPARE(pending.value(QLatin1String("state")).toString(), QStringLiteral("pending"));
    const qint64 id = pending.value(QLatin1String("id")).toInteger();
    const QString requestNo = pending.value(QLatin1String("request_no")).toString();
    // The district was typed by name and stored as its code.
    const QJsonArray fields = pending.value(QLatin1String("fields")).toArray();
    QCOMPARE(fields.at(1).toObject().value(QLatin1String("after")).toString(), QStringLiteral("430104"));
    QCOMPARE(jsonOf(run.out).value(QLatin1String("form")).toObject().value(QLatin1String("pages")).toInt(), 1);

    const QString text = pdfText(form);
    for (const QString &expected : {QStringLiteral("长沙市社会保险单位信息变更登记表"), requestNo, UnitNo, before.name, newName,
                                    QStringLiteral("岳麓区"), QStringLiteral("★关键"), QStringLiteral("营业执照.jpg"),
                                    QStringLiteral("单位（盖章）"), QStringLiteral("经办机构审核意见")})
        QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral(" not in:\n") + text));
    QVERIFY(!text.contains(QStringLiteral("13974800002"))); // the applied part is not on the review paper
    QCOMPARE(unit().name, before.name);

    // The reviewer sees the proofs, then approves.
    const QString out = m_dir.filePath(QStringLiteral("review-%1").arg(id));
    const auto show = reviewer({QStringLiteral("reviews"), QStringLiteral("show"), QString::number(id),
                                QStringLiteral("--out"), out});
    QVERIFY2(show.exitCode == 0, show.describe().constData());
    QFile written(QDir(out).filePath(QStringLiteral("营业执照.jpg")));
    QVERIFY2(written.open(QIODevice::ReadOnly), qPrintable(QDir(out).entryList().join(u',')));
    QCOMPARE(written.readAll(), m_licenceBytes);
    const auto approve = reviewer({QStringLiteral("reviews"), QStringLiteral("approve"), QString::number(id)});
    QVERIFY2(approve.exitCode == 0, approve.describe().constData());
    const Unit after = unit();
    QCOMPARE(after.name, newName);
    QCOMPARE(after.district, QStringLiteral("430104"));

    const auto listed = cli({QStringLiteral("changes"), QStringLiteral("--state"), QStringLiteral("approved"),
                             QStringLiteral("--json")});
    QVERIFY2(listed.exitCode == 0, listed.describe().constData());
    QCOMPARE(requestsOf(listed).size(), 1);
    QCOMPARE(requestsOf(listed).at(0).toObject().value(QLatin1String("id")).toInteger(), id);
    const auto again = reviewer({QStringLiteral("reviews"), QStringLiteral("approve"), QString::number(id)});
    QCOMPARE(again.exitCode, 1); // change.state
}

void TestChangesCli::rejectedChangeKeepsTheOldValues()
{
    const Unit before = unit();
    const auto run = cli({QStringLiteral("change"), QStringLiteral("unit"), QStringLiteral("--set"),
                          QStringLiteral("bank_account=43050178360000005555"), QStringLiteral("--attach"),
                          QStringLiteral("bank_permit=") + m_permit, QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    const qint64 id = requestsOf(run).at(0).toObject().value(QLatin1String("id")).toInteger();
    {
        // What the clerk reads for a pending request: the fields and what to do next.
        const auto human = cli({QStringLiteral("changes"), QStringLiteral("--state"), QStringLiteral("pending")});
        QVERIFY2(human.exitCode == 0, human.describe().constData());
        const QString text = QString::fromUtf8(human.out);
        QVERIFY2(text.contains(QStringLiteral("待审核")) && text.contains(QStringLiteral("银行账号"))
                     && text.contains(QStringLiteral("1 个申请")),
                 human.out.constData());
    }
    const QString reason = QStringLiteral("开户许可证与开户银行不一致");
    const auto reject = reviewer({QStringLiteral("reviews"), QStringLiteral("reject"), QString::number(id),
                                  QStringLiteral("--reason"), reason});
    QVERIFY2(reject.exitCode == 0, reject.describe().constData());

    const auto listed = cli({QStringLiteral("changes"), QStringLiteral("--target"), QStringLiteral("unit")});
    QVERIFY2(listed.exitCode == 0, listed.describe().constData());
    const QString text = QString::fromUtf8(listed.out);
    QVERIFY2(text.contains(QStringLiteral("已退回")) && text.contains(reason), listed.out.constData());
    QCOMPARE(unit().bankAccount, before.bankAccount);
    const auto json = cli({QStringLiteral("changes"), QStringLiteral("--state"), QStringLiteral("rejected"),
                           QStringLiteral("--json")});
    QCOMPARE(requestsOf(json).at(0).toObject().value(QLatin1String("reject_reason")).toString(), reason);
}

void TestChangesCli::personNameChangeIsApproved()
{
    const Person person = test::activeDemoPerson(m_direct);
    QVERIFY(!person.personNo.isEmpty());
    const QString newName = person.name + QStringLiteral("芳");
    const QString form = m_dir.filePath(QStringLiteral("person-change.pdf"));
    const auto run = cli({QStringLiteral("change"), QStringLiteral("person"), person.personNo, QStringLiteral("--set"),
                          QStringLiteral("name=") + newName, QStringLiteral("--set"), QStringLiteral("ethnicity=土家族"),
                          QStringLiteral("--attach"), QStringLiteral("id_card=") + m_idCard, QStringLiteral("--form"), form,
                          QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    const QJsonArray requests = requestsOf(run);
    QCOMPARE(requests.size(), 2);
    const QJsonObject pending = requests.at(1).toObject();
    QCOMPARE(pending.value(QLatin1String("target")).toString(), QStringLiteral("person"));
    const qint64 id = pending.value(QLatin1String("id")).toInteger();
    const QString text = pdfText(form);
    for (const QString &expected : {QStringLiteral("长沙市社会保险个人信息修改表"), pending.value(QLatin1String("request_no")).toString(),
                                    person.personNo, person.name, newName, person.idNumber, QStringLiteral("身份证.jpg")})
        QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral(" not in:\n") + text));

    const auto approve = reviewer({QStringLiteral("reviews"), QStringLiteral("approve"), QString::number(id)});
    QVERIFY2(approve.exitCode == 0, approve.describe().constData());
    const auto persons = cli({QStringLiteral("persons"), QStringLiteral("--json")});
    bool renamed = false;
    for (const QJsonValue &v : jsonOf(persons.out).value(QLatin1String("persons")).toArray()) {
        const QJsonObject p = v.toObject();
        if (p.value(QLatin1String("person_no")).toString() == person.personNo)
            renamed = p.value(QLatin1String("name")).toString() == newName
                   && p.value(QLatin1String("ethnicity")).toString() == QLatin1String("15");
    }
    QVERIFY2(renamed, persons.out.constData());
}

void TestChangesCli::badInputIsRefusedInChinese()
{
    // A key field without its proof.
    auto run = cli({QStringLiteral("change"), QStringLiteral("unit"), QStringLiteral("--set"),
                    QStringLiteral("address=长沙市岳麓区麓谷大道 3 号"), QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 1);
    QJsonObject error = jsonOf(run.out).value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("code")).toString(), QStringLiteral("attachment.missing"));
    QCOMPARE(error.value(QLatin1String("message")).toString(),
             ChangeFields::describeProofs(ChangeTarget::Unit, {AttachmentKind::BusinessLicence}, {QStringLiteral("address")}));

    // A program named like a scan: refused by its content, before it is sent.
    const QString fake = writeFile(QStringLiteral("营业执照扫描.jpg"), test::disguisedProgram());
    run = cli({QStringLiteral("change"), QStringLiteral("unit"), QStringLiteral("--set"),
               QStringLiteral("address=长沙市岳麓区麓谷大道 3 号"), QStringLiteral("--attach"),
               QStringLiteral("business_licence=") + fake});
    QCOMPARE(run.exitCode, 1);
    const QString message = QString::fromUtf8(run.err);
    QVERIFY2(message.contains(QStringLiteral("营业执照扫描.jpg")) && message.contains(QStringLiteral("[upload.type]")),
             run.describe().constData());

    // Over 5 MB: refused before it is sent.
    QByteArray big = test::imageBytes("PNG");
    big.append(QByteArray(5 * 1024 * 1024, '\0'));
    const QString oversized = writeFile(QStringLiteral("营业执照高清.png"), big);
    run = cli({QStringLiteral("change"), QStringLiteral("unit"), QStringLiteral("--set"),
               QStringLiteral("address=长沙市岳麓区麓谷大道 3 号"), QStringLiteral("--attach"),
               QStringLiteral("business_licence=") + oversized, QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 1);
    error = jsonOf(run.out).value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("code")).toString(), QStringLiteral("upload.too_large"));
    QVERIFY(error.value(QLatin1String("message")).toString().contains(QStringLiteral("营业执照高清.png")));

    // Gender against the ID number.
    const Person person = test::activeDemoPerson(m_direct);
    run = cli({QStringLiteral("change"), QStringLiteral("person"), person.personNo, QStringLiteral("--set"),
               QStringLiteral("gender=") + (person.gender == u"1" ? QStringLiteral("女") : QStringLiteral("男")),
               QStringLiteral("--attach"), QStringLiteral("id_card=") + m_idCard, QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 1);
    error = jsonOf(run.out).value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("code")).toString(), QStringLiteral("gender.mismatch"));
    QCOMPARE(error.value(QLatin1String("field")).toString(), QStringLiteral("changes.gender"));
    QVERIFY(error.value(QLatin1String("message")).toString().contains(QStringLiteral("性别")));

    // Not one of the unit's staff.
    run = cli({QStringLiteral("change"), QStringLiteral("person"), QStringLiteral("9999999999999"), QStringLiteral("--set"),
               QStringLiteral("phone=13812345678"), QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(jsonOf(run.out).value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
             QStringLiteral("person.unknown"));
}

void TestChangesCli::creditCodeOverrideAndWithdraw()
{
    const QString bad = test::withBadCheck(test::freshCreditCode());
    const QStringList change{QStringLiteral("change"), QStringLiteral("unit"), QStringLiteral("--set"),
                             QStringLiteral("credit_code=") + bad, QStringLiteral("--attach"),
                             QStringLiteral("business_licence=") + m_licence};
    auto run = cli(change);
    QCOMPARE(run.exitCode, 1);
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(err.contains(QStringLiteral("[creditcode.checksum]")) && err.contains(QStringLiteral("--override-credit-code")),
             run.describe().constData());

    run = cli(change + QStringList{QStringLiteral("--override-credit-code"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    const QJsonObject pending = requestsOf(run).at(0).toObject();
    QCOMPARE(pending.value(QLatin1String("state")).toString(), QStringLiteral("pending"));
    QVERIFY(pending.value(QLatin1String("credit_code_overridden")).toBool());
    const QString id = QString::number(pending.value(QLatin1String("id")).toInteger());

    // One pending key request at a time.
    run = cli({QStringLiteral("change"), QStringLiteral("unit"), QStringLiteral("--set"), QStringLiteral("industry=批发业"),
               QStringLiteral("--attach"), QStringLiteral("business_licence=") + m_licence, QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(jsonOf(run.out).value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
             QStringLiteral("change.pending"));

    run = cli({QStringLiteral("changes"), QStringLiteral("withdraw"), id});
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    QVERIFY(QString::fromUtf8(run.out).contains(QStringLiteral("已撤回")));
    run = cli({QStringLiteral("changes"), QStringLiteral("withdraw"), id, QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(jsonOf(run.out).value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
             QStringLiteral("change.state"));
    QVERIFY(unit().creditCode != bad);
}

void TestChangesCli::certificateUnitsSignedChange()
{
    QFile pin(m_server.dataDir() + QStringLiteral("/demo/43010000003.pin.txt"));
    QVERIFY(pin.open(QIODevice::ReadOnly));
    const QString form = m_dir.filePath(QStringLiteral("signed.pdf"));
    const QStringList args{QStringLiteral("--server"), m_server.baseUrl().toString(), QStringLiteral("--ca"),
                           m_server.caFile(), QStringLiteral("--cert"),
                           m_server.dataDir() + QStringLiteral("/demo/43010000003.p12"), QStringLiteral("--pin-stdin"),
                           QStringLiteral("change"), QStringLiteral("unit"), QStringLiteral("--set"),
                           QStringLiteral("address=长沙市雨花区韶山中路 88 号"), QStringLiteral("--attach"),
                           QStringLiteral("business_licence=") + m_licence, QStringLiteral("--form"), form,
                           QStringLiteral("--json")};
    const auto run = test::ProcessRun::run(m_cli, args, pin.readAll().trimmed() + '\n');
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    const QJsonObject request = requestsOf(run).at(0).toObject();
    QVERIFY(request.value(QLatin1String("signed")).toBool());
    QCOMPARE(request.value(QLatin1String("state")).toString(), QStringLiteral("pending"));
    QCOMPARE(request.value(QLatin1String("unit_no")).toString(), CertificateUnit);
    const QString text = pdfText(form);
    QVERIFY2(text.contains(QStringLiteral("无需加盖单位公章")) && text.contains(QStringLiteral("单位（盖章）：无需盖章")), qPrintable(text));
    // The reviewer still decides.
    const auto list = reviewer({QStringLiteral("reviews"), QStringLiteral("list"), QStringLiteral("--json")});
    QVERIFY2(list.exitCode == 0, list.describe().constData());
    QVERIFY2(list.out.contains(request.value(QLatin1String("request_no")).toString().toUtf8()), list.describe().constData());
}

QTEST_MAIN(TestChangesCli)
#include "tst_changes_cli.moc"
