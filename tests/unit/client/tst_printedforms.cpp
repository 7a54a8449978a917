// The record of printed forms in the unit's cache (issue 3): schema step 2 and its small API.
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include "models/cache/LocalCache.h"

using namespace shebao;

class TestPrintedForms : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_path = m_dir->filePath(QStringLiteral("unit.sqlite"));
    }

    void recordAndList()
    {
        LocalCache cache;
        QVERIFY(cache.open(m_path).ok());
        QCOMPARE(cache.printedForms().value().size(), 0);

        PrintedForm letter;
        letter.formId = QStringLiteral("authorization-letter");
        letter.title = QStringLiteral("用户承诺书");
        letter.at = QDateTime(QDate(2026, 12, 1), QTime(9, 30), Qt::UTC);
        letter.pages = 1;
        letter.file = QStringLiteral("/home/hr/承诺书.pdf");
        letter.dataSha256 = QByteArray(64, 'a');
        const auto first = cache.recordPrinted(letter);
        QVERIFY(first.ok());
        QVERIFY(first.value() > 0);

        PrintedForm roster = letter;
        roster.formId = QStringLiteral("change-declaration");
        roster.title = QStringLiteral("参保人员异动申报表");
        roster.at = QDateTime(QDate(2026, 12, 2), QTime(10, 0), Qt::UTC);
        roster.pages = 3;
        roster.file.clear(); // printed on paper only
        roster.dataSha256 = QByteArray(64, 'b');
        QVERIFY(cache.recordPrinted(roster).ok());

        const auto all = cache.printedForms();
        QVERIFY(all.ok());
        QCOMPARE(all.value().size(), 2);
        // Newest first.
        QCOMPARE(all.value().at(0).formId, roster.formId);
        QCOMPARE(all.value().at(0).file, QString());
        QCOMPARE(all.value().at(0).pages, 3);
        PrintedForm expected = letter;
        expected.id = first.value();
        QCOMPARE(all.value().at(1), expected);

        const auto letters = cache.printedForms(QStringLiteral("authorization-letter"));
        QVERIFY(letters.ok());
        QCOMPARE(letters.value().size(), 1);
        QCOMPARE(letters.value().first().title, QStringLiteral("用户承诺书"));

        // Without a time the record is stamped now.
        PrintedForm now = letter;
        now.at = QDateTime();
        QVERIFY(cache.recordPrinted(now).ok());
        const QDateTime stamped = cache.printedForms().value().first().at;
        QVERIFY(qAbs(stamped.secsTo(QDateTime::currentDateTimeUtc())) < 60);
    }

    void survivesReopen()
    {
        {
            LocalCache cache;
            QVERIFY(cache.open(m_path).ok());
            PrintedForm form;
            form.formId = QStringLiteral("authorization-letter");
            form.title = QStringLiteral("用户承诺书");
            form.pages = 2;
            form.dataSha256 = QByteArray(64, 'c');
            QVERIFY(cache.recordPrinted(form).ok());
        }
        LocalCache cache;
        QVERIFY(cache.open(m_path).ok());
        QCOMPARE(cache.printedForms().value().size(), 1);
        QCOMPARE(cache.printedForms().value().first().pages, 2);
    }

    // A cache written by version 1 (without printed_forms, nor the later drafts and outbox)
    // gains the tables of every later step.
    void migratesFromVersion1()
    {
        {
            LocalCache cache;
            QVERIFY(cache.open(m_path).ok());
            QSqlQuery q(QSqlDatabase::database(cache.connectionName(), false));
            for (const char *table : {"printed_forms", "drafts", "outbox"})
                QVERIFY(q.exec(QStringLiteral("DROP TABLE ") + QLatin1String(table)));
            QVERIFY(cache.setMeta(QStringLiteral("version"), QStringLiteral("1")).ok());
        }
        LocalCache cache;
        QVERIFY(cache.open(m_path).ok());
        QCOMPARE(cache.schemaVersion(), LocalCache::CurrentVersion);
        QCOMPARE(LocalCache::CurrentVersion, 3);
        PrintedForm form;
        form.formId = QStringLiteral("authorization-letter");
        form.title = QStringLiteral("用户承诺书");
        form.pages = 1;
        form.dataSha256 = QByteArray(64, 'd');
        QVERIFY(cache.recordPrinted(form).ok());
    }

    void closedCacheRefuses()
    {
        LocalCache cache;
        QCOMPARE(cache.recordPrinted(PrintedForm{}).error().code, QStringLiteral("cache.closed"));
        QCOMPARE(cache.printedForms().error().code, QStringLiteral("cache.closed"));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

QTEST_GUILESS_MAIN(TestPrintedForms)
#include "tst_printedforms.moc"
