// The history of issued 参保证明 (ui/certificate/CertificateHistoryModel) under
// QAbstractItemModelTester: rows newest first, Beijing times, state names and colours, a fresh
// certificate on top, the same number replacing its row.
#include <QAbstractItemModelTester>
#include <QBrush>
#include <QTest>

#include "ui/certificate/CertificateHistoryModel.h"

using namespace shebao;
using ui::CertificateHistoryModel;

namespace {

IssuedCertificate row(const QString &number, CertificateKind kind, CertificateState state)
{
    IssuedCertificate c;
    c.content.number = number;
    c.content.code = QStringLiteral("7KQM3XRT9WCDHJ4P");
    c.content.kind = kind;
    c.content.purpose = QStringLiteral("投标");
    c.content.issuedAt = QDateTime(QDate(2026, 12, 4), QTime(17, 30), Qt::UTC); // 01:30 the next day in Beijing
    c.content.validUntil = c.content.issuedAt.addDays(90);
    if (kind == CertificateKind::Person) {
        c.content.personNo = QStringLiteral("P0043010007");
        c.content.personName = QStringLiteral("欧阳秀英");
    }
    c.state = state;
    if (state == CertificateState::Revoked) {
        c.revokedAt = c.content.issuedAt.addDays(1);
        c.revokeReason = QStringLiteral("单位申请作废");
    }
    return c;
}

} // namespace

class TestCertificateHistoryModel : public QObject
{
    Q_OBJECT

private slots:
    void rowsAndColumns()
    {
        CertificateHistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCertificates({row(QStringLiteral("ZM20261205000002"), CertificateKind::Person, CertificateState::Valid),
                               row(QStringLiteral("ZM20261205000001"), CertificateKind::Unit, CertificateState::Revoked)});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(CertificateHistoryModel::ColumnCount));
        QCOMPARE(model.index(0, CertificateHistoryModel::Number).data().toString(), QStringLiteral("ZM20261205000002"));
        QCOMPARE(model.index(0, CertificateHistoryModel::Number).data(Qt::UserRole).toString(),
                 QStringLiteral("ZM20261205000002"));
        QCOMPARE(model.index(0, CertificateHistoryModel::Kind).data().toString(), QStringLiteral("个人参保缴费证明"));
        QCOMPARE(model.index(0, CertificateHistoryModel::Person).data().toString(), QStringLiteral("欧阳秀英 P0043010007"));
        QCOMPARE(model.index(1, CertificateHistoryModel::Person).data().toString(), QString());
        // Beijing time, whatever the machine's zone.
        QCOMPARE(model.index(0, CertificateHistoryModel::IssuedAt).data().toString(), QStringLiteral("2026-12-05 01:30"));
        QCOMPARE(model.index(0, CertificateHistoryModel::ValidUntil).data().toString(), QStringLiteral("2027-03-05"));
        QCOMPARE(model.index(0, CertificateHistoryModel::State).data().toString(), QStringLiteral("有效"));
        QCOMPARE(model.index(1, CertificateHistoryModel::State).data().toString(), QStringLiteral("已撤销"));
        QVERIFY(model.index(1, CertificateHistoryModel::State).data(Qt::ForegroundRole).value<QBrush>().color() != Qt::black);
        QVERIFY(model.index(1, CertificateHistoryModel::State).data(Qt::ToolTipRole).toString().contains(QStringLiteral("单位申请作废")));
        QVERIFY(!model.index(0, CertificateHistoryModel::State).data(Qt::ForegroundRole).isValid());
        for (int c = 0; c < model.columnCount(); ++c)
            QVERIFY(!model.headerData(c, Qt::Horizontal).toString().isEmpty());
    }

    void prependAndReplace()
    {
        CertificateHistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCertificates({row(QStringLiteral("ZM20261205000001"), CertificateKind::Unit, CertificateState::Valid)});
        model.prepend(row(QStringLiteral("ZM20261205000002"), CertificateKind::Roster, CertificateState::Valid));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.at(0).content.number, QStringLiteral("ZM20261205000002"));
        // The full record of a listed certificate replaces its row (a reprint fetched it).
        model.prepend(row(QStringLiteral("ZM20261205000001"), CertificateKind::Unit, CertificateState::Expired));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.at(1).state, CertificateState::Expired);
        QCOMPARE(model.index(1, CertificateHistoryModel::State).data().toString(), QStringLiteral("已过期"));
        model.setCertificates({});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestCertificateHistoryModel)
#include "tst_certificatehistorymodel.moc"
