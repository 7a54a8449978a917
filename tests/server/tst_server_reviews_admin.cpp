// shebao-admin reviews list|show|approve|reject, the real binary against the in-process server
// (as tst_server_batches_admin): the reviewer's 信息维护 at the command line, the proofs written
// to files byte for byte, and the refusals' exit codes.
#include <QCryptographicHash>
#include <QDir>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "ChangeTestData.h"
#include "ServerFixture.h"
#include "ServerTestData.h"

using namespace shebao;
using namespace shebao::test;
using namespace shebao::test::chg;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
    QByteArray describe() const { return "exit " + QByteArray::number(exitCode) + "\n" + out.toUtf8() + "\n" + err.toUtf8(); }
};

} // namespace

class TestServerReviewsAdmin : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void listShowApprove();
    void rejectNeedsAReason();
    void refusals();

private:
    Run admin(const QStringList &arguments, const QString &staff = QStringLiteral("reviewer"));
    qint64 submit(const QJsonObject &changes, const QString &kind, const QByteArray &bytes, const QString &fileName);

    QString m_binary;
    std::unique_ptr<TestBackend> m_backend;
    std::unique_ptr<ServerFixture> m_fixture;
    std::unique_ptr<HttpsClient> m_unit;
};

void TestServerReviewsAdmin::initTestCase()
{
    m_binary = qEnvironmentVariable("SHEBAO_ADMIN_BIN");
    QVERIFY2(!m_binary.isEmpty(), "SHEBAO_ADMIN_BIN is not set (run the test through ctest)");
    m_backend = std::make_unique<TestBackend>();
    QVERIFY2(m_backend->ok(), qPrintable(m_backend->error()));
    m_fixture = std::make_unique<ServerFixture>(*m_backend);
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->error()));
    m_unit = m_fixture->client();
    QCOMPARE(m_unit->login(data::Authorized, data::Password).status, 200);
}

void TestServerReviewsAdmin::cleanupTestCase()
{
    m_unit.reset();
    m_fixture.reset();
    m_backend.reset();
}

Run TestServerReviewsAdmin::admin(const QStringList &arguments, const QString &staff)
{
    QProcess process;
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(m_binary, QStringList{QStringLiteral("--server"), m_fixture->baseUrl().toString(), QStringLiteral("--ca"),
                                        m_fixture->caFile(), QStringLiteral("--staff"), staff,
                                        QStringLiteral("--password-stdin")}
                                + arguments);
    if (!process.waitForStarted(10000))
        return {};
    process.write("Demo1234\n");
    process.closeWriteChannel();
    // Not waitForFinished: the server answers from this thread's event loop.
    if (!finished.wait(60000)) {
        process.kill();
        process.waitForFinished(5000);
        return {};
    }
    Run r;
    r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    r.out = QString::fromUtf8(process.readAllStandardOutput());
    r.err = QString::fromUtf8(process.readAllStandardError());
    return r;
}

qint64 TestServerReviewsAdmin::submit(const QJsonObject &changes, const QString &kind, const QByteArray &bytes,
                                      const QString &fileName)
{
    const HttpResult r = m_unit->postJson(Changes, unitChange(changes, {uploadId(*m_unit, kind, bytes, fileName)}));
    return r.status == 201 ? requestsOf(r).last().toObject().value(QLatin1String("id")).toInteger() : -1;
}

void TestServerReviewsAdmin::listShowApprove()
{
    const QByteArray licence = data::png();
    const QByteArray permit = pdf("permit");
    const qint64 first = submit(QJsonObject{{QStringLiteral("name"), QStringLiteral("长沙湘江示范智能科技有限公司")},
                                            {QStringLiteral("district"), QStringLiteral("430103")}},
                                QStringLiteral("business_licence"), licence, QStringLiteral("营业执照.png"));
    QVERIFY(first > 0);

    Run r = admin({QStringLiteral("reviews"), QStringLiteral("list")});
    QVERIFY2(r.exitCode == 0, r.describe());
    QVERIFY(r.out.contains(QString::number(first)));
    QVERIFY(r.out.contains(data::Authorized));
    QVERIFY(r.out.contains(QStringLiteral("单位名称、所属区县")));
    QVERIFY(r.out.contains(QStringLiteral("待审核")));

    QTemporaryDir out;
    r = admin({QStringLiteral("reviews"), QStringLiteral("show"), QString::number(first), QStringLiteral("--out"), out.path()});
    QVERIFY2(r.exitCode == 0, r.describe());
    QVERIFY(r.out.contains(QStringLiteral("长沙湘江示范智能科技有限公司")));
    QVERIFY(r.out.contains(QStringLiteral("天心区")));  // the district shown by name
    QVERIFY(r.out.contains(QStringLiteral("营业执照.png")));
    QFile written(QDir(out.path()).filePath(QStringLiteral("营业执照.png")));
    QVERIFY(written.open(QIODevice::ReadOnly));
    QCOMPARE(written.readAll(), licence);

    r = admin({QStringLiteral("--json"), QStringLiteral("reviews"), QStringLiteral("approve"), QString::number(first)});
    QVERIFY2(r.exitCode == 0, r.describe());
    QCOMPARE(r.json().value(QLatin1String("state")).toString(), QStringLiteral("approved"));
    QCOMPARE(r.json().value(QLatin1String("decided_by")).toString(), QStringLiteral("staff:reviewer"));
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT name FROM units WHERE unit_no = ?"), {data::Authorized}).toString(),
             QStringLiteral("长沙湘江示范智能科技有限公司"));
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT district FROM units WHERE unit_no = ?"), {data::Authorized}).toString(),
             QStringLiteral("430103"));

    // The JSON list under state=all holds the decided one too.
    const qint64 second = submit(QJsonObject{{QStringLiteral("bank_account"), QStringLiteral("6222000000001111")}},
                                 QStringLiteral("bank_permit"), permit, QStringLiteral("开户许可证.pdf"));
    QVERIFY(second > 0);
    r = admin({QStringLiteral("--json"), QStringLiteral("reviews"), QStringLiteral("list"), QStringLiteral("--state"), QStringLiteral("all")});
    QVERIFY2(r.exitCode == 0, r.describe());
    QCOMPARE(r.json().value(QLatin1String("requests")).toArray().size(), 2);
    r = admin({QStringLiteral("--json"), QStringLiteral("reviews"), QStringLiteral("show"), QString::number(second), QStringLiteral("--out"),
               out.path()});
    QVERIFY2(r.exitCode == 0, r.describe());
    QFile pdfFile(r.json().value(QLatin1String("written")).toArray().at(0).toString());
    QVERIFY(pdfFile.open(QIODevice::ReadOnly));
    QCOMPARE(pdfFile.readAll(), permit);
}

void TestServerReviewsAdmin::rejectNeedsAReason()
{
    const qint64 id = requestsOf(m_unit->get(Changes + QStringLiteral("?state=pending"))).at(0).toObject().value(QLatin1String("id")).toInteger();
    QVERIFY(id > 0);
    Run r = admin({QStringLiteral("reviews"), QStringLiteral("reject"), QString::number(id)});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(QStringLiteral("--reason")));
    r = admin({QStringLiteral("reviews"), QStringLiteral("reject"), QString::number(id), QStringLiteral("--reason"),
               QStringLiteral("开户许可证不清晰")});
    QVERIFY2(r.exitCode == 0, r.describe());
    QVERIFY(r.out.contains(QStringLiteral("已退回")));
    const QJsonObject seen = m_unit->get(Changes + QStringLiteral("/%1").arg(id)).json();
    QCOMPARE(seen.value(QLatin1String("state")).toString(), QStringLiteral("rejected"));
    QCOMPARE(seen.value(QLatin1String("reject_reason")).toString(), QStringLiteral("开户许可证不清晰"));
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT bank_account FROM units WHERE unit_no = ?"), {data::Authorized}).toString()
                 == QStringLiteral("6222000000001111"),
             false);
}

void TestServerReviewsAdmin::refusals()
{
    const qint64 decided = requestsOf(m_unit->get(Changes + QStringLiteral("?state=rejected"))).at(0).toObject().value(QLatin1String("id")).toInteger();
    Run r = admin({QStringLiteral("--json"), QStringLiteral("reviews"), QStringLiteral("approve"), QString::number(decided)});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.json().value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(), QStringLiteral("change.state"));
    r = admin({QStringLiteral("reviews"), QStringLiteral("show"), QStringLiteral("999999")});
    QCOMPARE(r.exitCode, 1);
    // A clerk is not a reviewer.
    r = admin({QStringLiteral("--json"), QStringLiteral("reviews"), QStringLiteral("list")}, QStringLiteral("clerk"));
    QVERIFY2(r.exitCode != 0, r.describe());
    QVERIFY(r.out.contains(QStringLiteral("staff.role")) || r.err.contains(QStringLiteral("岗位")));
    r = admin({QStringLiteral("reviews"), QStringLiteral("show"), QStringLiteral("abc")});
    QCOMPARE(r.exitCode, 2);
    r = admin({QStringLiteral("reviews"), QStringLiteral("frobnicate")});
    QCOMPARE(r.exitCode, 2);
}

QTEST_GUILESS_MAIN(TestServerReviewsAdmin)
#include "tst_server_reviews_admin.moc"
