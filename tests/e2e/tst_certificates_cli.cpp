// 参保证明 with the real binaries (docs/certificates.md): shebao-cli certificate issues and writes
// the PDF (--json is exactly number, code, url), verify and verify-pdf answer 0 valid / 1 not
// valid / 2 could not check, a forged PDF (the real code, an edited unit name or count) is
// reported as not matching, and shebao-admin enrolment-certificates revokes.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include "ProcessRun.h"
#include "ServerProcess.h"
#include "app/EnrolmentCertificateForm.h"
#include "crypto/Key.h"
#include "models/certificate/CertificateJson.h"

using namespace shebao;

namespace {

const QString UnitNo = QStringLiteral("43010000001");
const QByteArray Password = "Demo1234\n";

QJsonObject jsonOf(const QByteArray &out)
{
    return QJsonDocument::fromJson(out).object();
}

QString pdfText(const QString &path)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
    p.waitForFinished(30000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

class TestCertificatesCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void issueWritesThePdfAndPrintsTheCode();
    void purposeIsRequiredBeforeLogin();
    void verifyCodes();
    void verifyPdfOfEachKind();
    void forgedPdfIsNotMatching_data();
    void forgedPdfIsNotMatching();
    void pdfWithoutCodeCannotBeChecked();
    void revokedByTheCounter();
    void expiredIsNotValid();
    void serverDownCannotCheck();

private:
    test::ProcessRun cli(const QStringList &arguments, const QByteArray &input = Password);
    test::ProcessRun anonymous(const QStringList &arguments);
    test::ProcessRun admin(const QStringList &arguments);
    // The authentic record as `verify --json` returns it.
    IssuedCertificate record(const QString &code);
    QString issue(const char *kind, const QString &file, const QStringList &extra = {});

    test::ServerProcess m_server;
    QTemporaryDir m_dir;
    QString m_cli;
    QString m_admin;
    QMap<QString, QString> m_codes;   // file → code
};

void TestCertificatesCli::initTestCase()
{
    m_cli = test::binaryFromEnv("SHEBAO_CLI_BIN");
    m_admin = test::binaryFromEnv("SHEBAO_ADMIN_BIN");
    QVERIFY2(!m_cli.isEmpty() && !m_admin.isEmpty(), "SHEBAO_CLI_BIN / SHEBAO_ADMIN_BIN not set (run through ctest)");
    QVERIFY(m_dir.isValid());
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("xdg"))));
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty(), "poppler-utils' pdftotext is needed");
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
}

test::ProcessRun TestCertificatesCli::cli(const QStringList &arguments, const QByteArray &input)
{
    const QStringList connection{QStringLiteral("--server"), m_server.baseUrl().toString(), QStringLiteral("--ca"),
                                 m_server.caFile(), QStringLiteral("--unit"), UnitNo, QStringLiteral("--password-stdin")};
    return test::ProcessRun::run(m_cli, connection + arguments, input);
}

test::ProcessRun TestCertificatesCli::anonymous(const QStringList &arguments)
{
    return test::ProcessRun::run(
        m_cli, QStringList{QStringLiteral("--server"), m_server.baseUrl().toString(), QStringLiteral("--ca"), m_server.caFile()} + arguments);
}

test::ProcessRun TestCertificatesCli::admin(const QStringList &arguments)
{
    const QStringList connection{QStringLiteral("--server"), m_server.baseUrl().toString(), QStringLiteral("--ca"),
                                 m_server.caFile(), QStringLiteral("--staff"), QStringLiteral("clerk"),
                                 QStringLiteral("--password-stdin")};
    return test::ProcessRun::run(m_admin, connection + arguments, Password);
}

IssuedCertificate TestCertificatesCli::record(const QString &code)
{
    const test::ProcessRun r = anonymous({QStringLiteral("--json"), QStringLiteral("verify"), code});
    auto decoded = json::decodeIssuedCertificate(jsonOf(r.out).value(QLatin1String("certificate")).toObject());
    return decoded ? decoded.value() : IssuedCertificate{};
}

QString TestCertificatesCli::issue(const char *kind, const QString &file, const QStringList &extra)
{
    const QString out = m_dir.filePath(file);
    const test::ProcessRun r = cli(QStringList{QStringLiteral("--json"), QStringLiteral("certificate"), QStringLiteral("--kind"),
                                               QLatin1String(kind), QStringLiteral("--purpose"), QStringLiteral("投标")}
                                   + extra + QStringList{QStringLiteral("--out"), out});
    if (r.exitCode != 0) {
        qWarning("%s", r.describe().constData());
        return {};
    }
    const QString code = jsonOf(r.out).value(QLatin1String("code")).toString();
    m_codes.insert(file, code);
    return code;
}

void TestCertificatesCli::issueWritesThePdfAndPrintsTheCode()
{
    const QString out = m_dir.filePath(QStringLiteral("unit.pdf"));
    test::ProcessRun r = cli({QStringLiteral("--json"), QStringLiteral("certificate"), QStringLiteral("--kind"), QStringLiteral("unit"),
                              QStringLiteral("--purpose"), QStringLiteral("投标"), QStringLiteral("--out"), out});
    QVERIFY2(r.exitCode == 0, r.describe());
    const QJsonObject o = jsonOf(r.out);
    QCOMPARE(o.keys(), (QStringList{QStringLiteral("code"), QStringLiteral("number"), QStringLiteral("url")}));
    const QString code = o.value(QLatin1String("code")).toString();
    QVERIFY(CertificateCode::isWellFormed(code));
    QVERIFY(o.value(QLatin1String("number")).toString().startsWith(QLatin1String("ZM")));
    QCOMPARE(o.value(QLatin1String("url")).toString(),
             QStringLiteral("https://localhost:%1/verify?code=%2").arg(m_server.baseUrl().port()).arg(code));
    m_codes.insert(QStringLiteral("unit.pdf"), code);
    const QString text = pdfText(out);
    QVERIFY(text.contains(QStringLiteral("验证码：") + CertificateCode::grouped(code)));
    QVERIFY(text.contains(QStringLiteral("长沙湘江示范科技有限公司")));
    QVERIFY(text.contains(o.value(QLatin1String("number")).toString()));

    // Without --json: the code for a person to read.
    r = cli({QStringLiteral("certificate"), QStringLiteral("--kind"), QStringLiteral("roster"), QStringLiteral("--purpose"),
             QStringLiteral("资质"), QStringLiteral("--out"), m_dir.filePath(QStringLiteral("roster.pdf"))});
    QVERIFY2(r.exitCode == 0, r.describe());
    QVERIFY(QString::fromUtf8(r.out).contains(QStringLiteral("验证码：")));
    static const QRegularExpression printed(QStringLiteral("验证码：([0-9A-Z-]{19})"));
    const auto match = printed.match(QString::fromUtf8(r.out));
    QVERIFY(match.hasMatch());
    m_codes.insert(QStringLiteral("roster.pdf"), CertificateCode::normalize(match.captured(1)));
    QVERIFY(pdfText(m_dir.filePath(QStringLiteral("roster.pdf"))).contains(QStringLiteral("参保人员名单")));
}

void TestCertificatesCli::purposeIsRequiredBeforeLogin()
{
    // No password on stdin: the missing 打印用途 is named before any login is tried.
    const test::ProcessRun r = cli({QStringLiteral("certificate"), QStringLiteral("--kind"), QStringLiteral("unit"),
                                    QStringLiteral("--out"), m_dir.filePath(QStringLiteral("none.pdf"))},
                                   {});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("certificate.purpose"));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("none.pdf"))));
    const test::ProcessRun person = cli({QStringLiteral("certificate"), QStringLiteral("--kind"), QStringLiteral("person"),
                                         QStringLiteral("--id"), QStringLiteral("43999999999"), QStringLiteral("--purpose"),
                                         QStringLiteral("落户"), QStringLiteral("--out"), m_dir.filePath(QStringLiteral("none.pdf"))});
    QCOMPARE(person.exitCode, 1);
    QVERIFY(person.err.contains("certificate.person"));
}

void TestCertificatesCli::verifyCodes()
{
    const QString code = m_codes.value(QStringLiteral("unit.pdf"));
    QVERIFY(!code.isEmpty());
    test::ProcessRun r = anonymous({QStringLiteral("verify"), code});
    QVERIFY2(r.exitCode == 0, r.describe());
    QVERIFY(QString::fromUtf8(r.out).contains(QStringLiteral("电子签名核验通过")));
    QVERIFY(QString::fromUtf8(r.out).contains(QStringLiteral("长沙湘江示范科技有限公司")));
    // As a person types it from the paper.
    QCOMPARE(anonymous({QStringLiteral("verify"), CertificateCode::grouped(code).toLower()}).exitCode, 0);
    r = anonymous({QStringLiteral("--json"), QStringLiteral("verify"), code});
    QCOMPARE(jsonOf(r.out).value(QLatin1String("valid")).toBool(), true);
    QCOMPARE(jsonOf(r.out).value(QLatin1String("state")).toString(), QStringLiteral("valid"));

    r = anonymous({QStringLiteral("verify"), QStringLiteral("2222-2222-2222-2222")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(QString::fromUtf8(r.out).contains(QStringLiteral("未找到")));
    r = anonymous({QStringLiteral("verify"), QStringLiteral("O0O0")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(QString::fromUtf8(r.out).contains(QStringLiteral("验证码格式不对")));

    // Pinning the agency's key: the right one passes, another one fails.
    QFile keyFile(QDir(m_server.dataDir()).filePath(QStringLiteral("certificate-signing-key.pem")));
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    auto agency = crypto::Key::fromPrivatePem(keyFile.readAll());
    QVERIFY(agency);
    auto other = crypto::Key::generate(crypto::Algorithm::EcdsaP256Sha256);
    QVERIFY(other);
    const QString right = m_dir.filePath(QStringLiteral("agency.pem"));
    const QString wrong = m_dir.filePath(QStringLiteral("other.pem"));
    for (const auto &[path, pem] : {std::pair{right, agency.value().publicPem()}, std::pair{wrong, other.value().publicPem()}}) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(pem);
    }
    QCOMPARE(anonymous({QStringLiteral("verify"), code, QStringLiteral("--agency-key"), right}).exitCode, 0);
    r = anonymous({QStringLiteral("verify"), code, QStringLiteral("--agency-key"), wrong});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(QString::fromUtf8(r.out).contains(QStringLiteral("不是指定的经办机构公钥")));
}

void TestCertificatesCli::verifyPdfOfEachKind()
{
    QVERIFY(!issue("person", QStringLiteral("person.pdf"), {QStringLiteral("--id"), QStringLiteral("43100000005")}).isEmpty());
    // The longest 打印用途 (60 characters) wraps on the paper and still matches.
    const QString longPurpose = QStringLiteral("长沙市政府采购项目投标资格审查及供应商资质年度审核所需社会保险参保缴费情况证明材料提交使用之用途说明文字共计六十个字符整");
    QCOMPARE(longPurpose.size(), 60);
    const test::ProcessRun longRun = cli({QStringLiteral("certificate"), QStringLiteral("--kind"), QStringLiteral("unit"),
                                          QStringLiteral("--purpose"), longPurpose, QStringLiteral("--out"),
                                          m_dir.filePath(QStringLiteral("long.pdf"))});
    QVERIFY2(longRun.exitCode == 0, longRun.describe());
    for (const QString &file : {QStringLiteral("unit.pdf"), QStringLiteral("roster.pdf"), QStringLiteral("person.pdf"),
                                QStringLiteral("long.pdf")}) {
        const test::ProcessRun r = anonymous({QStringLiteral("verify-pdf"), m_dir.filePath(file)});
        QVERIFY2(r.exitCode == 0, qPrintable(file + u'\n' + QString::fromUtf8(r.describe())));
        QVERIFY(QString::fromUtf8(r.out).contains(QStringLiteral("PDF 内容与经办机构记录一致")));
    }
}

void TestCertificatesCli::forgedPdfIsNotMatching_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("edit");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unit name") << "unit.pdf" << "name" << "单位名称不符";
    QTest::newRow("paying count") << "unit.pdf" << "count" << "企业职工基本养老保险一行不符";
    QTest::newRow("total") << "unit.pdf" << "total" << "合计不符";
    QTest::newRow("purpose") << "unit.pdf" << "purpose" << "打印用途不符";
    QTest::newRow("validity extended") << "unit.pdf" << "valid" << "有效期至不符";
    QTest::newRow("roster name") << "roster.pdf" << "roster" << "第 2 行不符";
    QTest::newRow("roster row dropped") << "roster.pdf" << "drop" << "PDF 中没有第";
}

void TestCertificatesCli::forgedPdfIsNotMatching()
{
    QFETCH(QString, source);
    QFETCH(QString, edit);
    QFETCH(QString, expected);
    const QString code = m_codes.value(source);
    QVERIFY(!code.isEmpty());
    // A forger's PDF: the genuine code and layout, rendered from edited facts (what editing the
    // paper's text amounts to; the signature cannot follow).
    IssuedCertificate forged = record(code);
    QVERIFY(!forged.content.number.isEmpty());
    CertificateContent &c = forged.content;
    if (edit == QLatin1String("name"))
        c.unitName = QStringLiteral("长沙湘江伪造科技有限公司");
    else if (edit == QLatin1String("count"))
        c.insurances[0].payingCount += 7;
    else if (edit == QLatin1String("total"))
        c.insuredTotal += 1;
    else if (edit == QLatin1String("purpose"))
        c.purpose = QStringLiteral("银行贷款");
    else if (edit == QLatin1String("valid"))
        c.validUntil = c.validUntil.addYears(1);
    else if (edit == QLatin1String("roster"))
        c.roster[1].name = QStringLiteral("冒名");
    else
        c.roster.removeAt(3);
    forged.canonical = json::canonical(c);
    const QString path = m_dir.filePath(QStringLiteral("forged-%1.pdf").arg(edit));
    auto written = EnrolmentCertificateForm::writePdf(forged, path);
    QVERIFY2(written, qPrintable(written ? QString() : written.error().message));

    const test::ProcessRun r = anonymous({QStringLiteral("verify-pdf"), path});
    QVERIFY2(r.exitCode == 1, r.describe());
    const QString out = QString::fromUtf8(r.out);
    QVERIFY2(out.contains(expected), qPrintable(out));
    QVERIFY(out.contains(QStringLiteral("PDF 内容与经办机构记录不符")));
    const QJsonObject o = jsonOf(anonymous({QStringLiteral("--json"), QStringLiteral("verify-pdf"), path}).out);
    QCOMPARE(o.value(QLatin1String("valid")).toBool(), false);
    QCOMPARE(o.value(QLatin1String("signature_valid")).toBool(), true);   // the server's record is intact
    QCOMPARE(o.value(QLatin1String("content_matches")).toBool(), false);
    QVERIFY(!o.value(QLatin1String("mismatches")).toArray().isEmpty());
}

void TestCertificatesCli::pdfWithoutCodeCannotBeChecked()
{
    const QString path = m_dir.filePath(QStringLiteral("plain.pdf"));
    {
        QPdfWriter writer(path);
        QPainter painter(&writer);
        painter.drawText(QPointF(200, 200), QStringLiteral("Just a letter, no certificate."));
    }
    const test::ProcessRun r = anonymous({QStringLiteral("verify-pdf"), path});
    QVERIFY2(r.exitCode == 2, r.describe());
    QVERIFY(QString::fromUtf8(r.err).contains(QStringLiteral("验证码")));
    QCOMPARE(anonymous({QStringLiteral("verify-pdf"), m_dir.filePath(QStringLiteral("missing.pdf"))}).exitCode, 2);
}

void TestCertificatesCli::revokedByTheCounter()
{
    const QString code = issue("unit", QStringLiteral("revoked.pdf"));
    QVERIFY(!code.isEmpty());
    const QString number = record(code).content.number;
    test::ProcessRun r = admin({QStringLiteral("enrolment-certificates"), QStringLiteral("list"), QStringLiteral("--unit"), UnitNo});
    QVERIFY2(r.exitCode == 0, r.describe());
    QVERIFY(r.out.contains(number.toLatin1()));
    r = admin({QStringLiteral("enrolment-certificates"), QStringLiteral("revoke"), number});
    QCOMPARE(r.exitCode, 2);   // no reason
    r = admin({QStringLiteral("enrolment-certificates"), QStringLiteral("revoke"), number, QStringLiteral("--reason"),
               QStringLiteral("单位申请作废")});
    QVERIFY2(r.exitCode == 0, r.describe());
    r = admin({QStringLiteral("enrolment-certificates"), QStringLiteral("show"), number});
    QVERIFY2(r.exitCode == 0, r.describe());
    QVERIFY(QString::fromUtf8(r.out).contains(QStringLiteral("已撤销")));
    QVERIFY(QString::fromUtf8(r.out).contains(QStringLiteral("staff:clerk")));

    r = anonymous({QStringLiteral("verify"), code});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(QString::fromUtf8(r.out).contains(QStringLiteral("单位申请作废")));
    r = anonymous({QStringLiteral("verify-pdf"), m_dir.filePath(QStringLiteral("revoked.pdf"))});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(QString::fromUtf8(r.out).contains(QStringLiteral("撤销")));
}

void TestCertificatesCli::expiredIsNotValid()
{
    const QString code = issue("unit", QStringLiteral("expired.pdf"));
    QVERIFY(!code.isEmpty());
    // Time passing, as the server sees it: the record's end of validity moved into the past.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("expire"));
        db.setDatabaseName(QDir(m_server.dataDir()).filePath(QStringLiteral("shebao.sqlite")));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.prepare(QStringLiteral("UPDATE enrolment_certificates SET valid_until = issued_at WHERE code = ?")));
        q.addBindValue(code);
        QVERIFY(q.exec());
        QCOMPARE(q.numRowsAffected(), 1);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("expire"));
    const test::ProcessRun r = anonymous({QStringLiteral("verify"), code});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(QString::fromUtf8(r.out).contains(QStringLiteral("过期")));
}

void TestCertificatesCli::serverDownCannotCheck()
{
    const QString code = m_codes.value(QStringLiteral("unit.pdf"));
    m_server.stop();
    QCOMPARE(anonymous({QStringLiteral("verify"), code}).exitCode, 2);
    QCOMPARE(anonymous({QStringLiteral("verify-pdf"), m_dir.filePath(QStringLiteral("unit.pdf"))}).exitCode, 2);
}

QTEST_MAIN(TestCertificatesCli)
#include "tst_certificates_cli.moc"
