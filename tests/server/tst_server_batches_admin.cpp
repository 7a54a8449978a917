// shebao-admin batches list|show|receive|return, the real binary against the in-process server:
// the test's event loop runs while the process waits for its answers.
#include <QProcess>
#include <QSignalSpy>
#include <QtTest>

#include "DeclarationTestData.h"
#include "ServerFixture.h"
#include "ServerTestData.h"

using namespace shebao;
using namespace shebao::test;
using namespace shebao::test::decl;

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

class TestServerBatchesAdmin : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void listShowReceive();
    void returnNeedsAReason();
    void refusalsExitOne();

private:
    Run admin(const QStringList &arguments);
    QString declare(const QList<QJsonObject> &items);

    QString m_binary;
    std::unique_ptr<TestBackend> m_backend;
    std::unique_ptr<ServerFixture> m_fixture;
    std::unique_ptr<HttpsClient> m_unit;
};

void TestServerBatchesAdmin::initTestCase()
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

void TestServerBatchesAdmin::cleanupTestCase()
{
    m_unit.reset();
    m_fixture.reset();
    m_backend.reset();
}

Run TestServerBatchesAdmin::admin(const QStringList &arguments)
{
    QProcess process;
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(m_binary, QStringList{QStringLiteral("--server"), m_fixture->baseUrl().toString(), QStringLiteral("--ca"),
                                        m_fixture->caFile(), QStringLiteral("--staff"), QStringLiteral("clerk"),
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

QString TestServerBatchesAdmin::declare(const QList<QJsonObject> &items)
{
    QList<qint64> ids;
    for (const QJsonObject &item : items) {
        const HttpResult r = m_unit->postJson(Items, item);
        if (r.status != 201)
            return {};
        ids << r.json().value(QLatin1String("id")).toInteger();
    }
    const HttpResult r = m_unit->postJson(Batches, declareRequest(ids));
    return r.status == 201 ? r.json().value(QLatin1String("batch_no")).toString() : QString();
}

void TestServerBatchesAdmin::listShowReceive()
{
    const DemoPerson leaving = activePerson(*m_fixture, data::Authorized, 0);
    const QString newcomer = freshId(*m_fixture, QStringLiteral("19900101"), 551);
    const QString batchNo = declare({addRequest(newcomer, QStringLiteral("柜台新")), reduceRequest(leaving.idNumber, leaving.name)});
    QVERIFY(!batchNo.isEmpty());

    Run r = admin({QStringLiteral("batches"), QStringLiteral("list"), QStringLiteral("--state"), QStringLiteral("awaiting_paper")});
    QVERIFY2(r.exitCode == 0, r.describe());
    QVERIFY(r.out.contains(batchNo));
    QVERIFY(r.out.contains(data::Authorized));
    QVERIFY(r.out.contains(QStringLiteral("长沙湘江示范科技有限公司")));
    QVERIFY(r.out.contains(QStringLiteral("待交纸质表")));

    r = admin({QStringLiteral("--json"), QStringLiteral("batches"), QStringLiteral("list")});
    QVERIFY2(r.exitCode == 0, r.describe());
    const QJsonArray batches = r.json().value(QLatin1String("batches")).toArray();
    QCOMPARE(batches.size(), 1);
    QCOMPARE(batches.at(0).toObject().value(QLatin1String("unit_no")).toString(), data::Authorized);

    r = admin({QStringLiteral("batches"), QStringLiteral("show"), batchNo});
    QVERIFY2(r.exitCode == 0, r.describe());
    QVERIFY(r.out.contains(QStringLiteral("柜台新")));
    QVERIFY(r.out.contains(leaving.name));
    QVERIFY(r.out.contains(newcomer));
    QVERIFY(r.out.contains(QStringLiteral("报送人：刘芳")));

    r = admin({QStringLiteral("batches"), QStringLiteral("receive"), batchNo});
    QVERIFY2(r.exitCode == 0, r.describe());
    QVERIFY(r.out.contains(QStringLiteral("已生效")));
    const QJsonObject shown = m_unit->get(Batches + QStringLiteral("/") + batchNo).json();
    QCOMPARE(shown.value(QLatin1String("state")).toString(), QStringLiteral("effective"));
    QCOMPARE(shown.value(QLatin1String("history")).toArray().last().toObject().value(QLatin1String("actor")).toString(),
             QStringLiteral("staff:clerk"));
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM enrolments e JOIN persons p ON p.id = e.person_id"
                                              " WHERE p.id_number = ? AND e.status = 'active'"),
                               {newcomer})
                 .toInt(),
             3);
}

void TestServerBatchesAdmin::returnNeedsAReason()
{
    const QString batchNo = declare({addRequest(freshId(*m_fixture, QStringLiteral("19900202"), 661), QStringLiteral("柜台退"))});
    QVERIFY(!batchNo.isEmpty());
    Run r = admin({QStringLiteral("batches"), QStringLiteral("return"), batchNo});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(QStringLiteral("--reason")));
    r = admin({QStringLiteral("--json"), QStringLiteral("batches"), QStringLiteral("return"), batchNo, QStringLiteral("--reason"),
               QStringLiteral("未盖公章")});
    QVERIFY2(r.exitCode == 0, r.describe());
    QCOMPARE(r.json().value(QLatin1String("state")).toString(), QStringLiteral("returned"));
    QCOMPARE(r.json().value(QLatin1String("return_reason")).toString(), QStringLiteral("未盖公章"));
    const QJsonArray pending = m_unit->get(Items + QStringLiteral("?state=pending")).json().value(QLatin1String("items")).toArray();
    QVERIFY(!pending.isEmpty());
    QCOMPARE(pending.at(0).toObject().value(QLatin1String("returned_reason")).toString(), QStringLiteral("未盖公章"));
}

void TestServerBatchesAdmin::refusalsExitOne()
{
    // A returned batch cannot be received; an unknown one is not found.
    const QString returned = m_unit->get(Batches + QStringLiteral("?state=returned")).json().value(QLatin1String("batches"))
                                 .toArray().at(0).toObject().value(QLatin1String("batch_no")).toString();
    QVERIFY(!returned.isEmpty());
    Run r = admin({QStringLiteral("--json"), QStringLiteral("batches"), QStringLiteral("receive"), returned});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.json().value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(), QStringLiteral("batch.state"));
    r = admin({QStringLiteral("batches"), QStringLiteral("show"), QStringLiteral("SB0000000000000")});
    QCOMPARE(r.exitCode, 1);
    r = admin({QStringLiteral("batches"), QStringLiteral("frobnicate")});
    QCOMPARE(r.exitCode, 2);
}

QTEST_GUILESS_MAIN(TestServerBatchesAdmin)
#include "tst_server_batches_admin.moc"
