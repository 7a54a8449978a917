// The Idempotency-Key of a submission: kept for the same body until an answer arrives, so a
// retry after a timeout is the same request to the server; renewed by a new body or an answer.
#include <QJsonObject>
#include <QTest>

#include "app/ApiErrors.h"
#include "app/RetryKey.h"

using namespace shebao;

namespace {

const QJsonObject First{{QStringLiteral("item_ids"), 1}};
const QJsonObject Second{{QStringLiteral("item_ids"), 2}};

Result<QJsonDocument> noAnswer()
{
    return Error{api::Timeout, QStringLiteral("超时"), {}, {}};
}

} // namespace

class TestRetryKey : public QObject
{
    Q_OBJECT

private slots:
    void theSameBodyKeepsItsKeyUntilAnswered()
    {
        RetryKey keys;
        const QString key = keys.keyFor(First);
        QVERIFY(!key.isEmpty());
        keys.settle(key, noAnswer());
        QCOMPARE(keys.keyFor(First), key); // pressing the button again is a replay
        keys.settle(key, QJsonDocument(QJsonObject{}));
        QVERIFY(keys.keyFor(First) != key); // answered: the next press is a new submission
    }

    void aRefusalSettlesTheKeyToo()
    {
        RetryKey keys;
        const QString key = keys.keyFor(First);
        keys.settle(key, Error{QStringLiteral("batch.empty"), QStringLiteral("请至少选择一条"), {}, {}});
        QVERIFY(keys.keyFor(First) != key);
    }

    void aNewBodyGetsANewKey()
    {
        RetryKey keys;
        const QString first = keys.keyFor(First);
        const QString second = keys.keyFor(Second);
        QVERIFY(second != first);
        // The late answer of the first request does not settle the second's key.
        keys.settle(first, QJsonDocument(QJsonObject{}));
        QCOMPARE(keys.keyFor(Second), second);
        keys.clear();
        QVERIFY(keys.keyFor(Second) != second);
    }
};

QTEST_GUILESS_MAIN(TestRetryKey)
#include "tst_retrykey.moc"
