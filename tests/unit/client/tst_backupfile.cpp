// The backup file format (docs/backup.md): a round trip, and every kind of wrong password,
// damage and version refused with its own message.
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest>

#include "BackupTestData.h"
#include "app/backup/BackupFile.h"

using namespace shebao;

namespace {

constexpr int FastIterations = BackupFile::MinIterations; // the format is tested, not the cost
const QString Password = QStringLiteral("春天的长沙-2024");

quint32 headerLength(const QByteArray &file)
{
    return qFromBigEndian<quint32>(reinterpret_cast<const uchar *>(file.constData()) + 10);
}

} // namespace

class TestBackupFile : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        LocalCache cache;
        QVERIFY(cache.open(m_dir.filePath(QStringLiteral("cache.sqlite"))));
        QVERIFY(test::fillCache(cache, QStringLiteral("43010000001")));
        m_contents.cache = takeSnapshot(cache).value();
        m_contents.settings = QJsonObject{{QStringLiteral("home/deadlineDay"), 20}};
        m_header.server = QStringLiteral("shebao.example.org:8443");
        m_header.unitNo = QStringLiteral("43010000001");
        m_header.createdAt = QDateTime(QDate(2026, 3, 1), QTime(8, 30), Qt::UTC);
        m_header.program = QStringLiteral("shebao-desk 0.1.0");
        Result<QByteArray> file = BackupFile::write(m_header, m_contents, Password, FastIterations);
        QVERIFY(file);
        m_file = file.value();
    }

    void roundTrip()
    {
        QVERIFY(m_file.startsWith("SHEBAOBK"));
        Result<BackupHeader> header = BackupFile::readHeader(m_file);
        QVERIFY(header);
        QCOMPARE(header.value().formatVersion, 1);
        QCOMPARE(header.value().unitNo, QStringLiteral("43010000001"));
        QCOMPARE(header.value().server, QStringLiteral("shebao.example.org:8443"));
        QCOMPARE(header.value().createdAt, m_header.createdAt);
        QCOMPARE(header.value().iterations, FastIterations);
        Result<BackupContents> contents = BackupFile::read(m_file, Password);
        QVERIFY2(contents, qPrintable(contents ? QString() : contents.error().message + contents.error().detail));
        QCOMPARE(contents.value().cache.toJson(), m_contents.cache.toJson());
        QCOMPARE(contents.value().settings, m_contents.settings);
    }

    void theContentIsNotReadableWithoutThePassword()
    {
        // Neither ID numbers nor names nor the 报送人 appear in the file.
        for (const QByteArray &plain : {QByteArray("430102199001010001"), QString(QStringLiteral("欧阳明")).toUtf8(),
                                        QString(QStringLiteral("李四")).toUtf8(), QByteArray("declaration.add")})
            QVERIFY2(!m_file.contains(plain), plain.constData());
    }

    void eachWriteIsDifferent()
    {
        // A fresh salt and nonce every time: the same content never gives the same bytes.
        Result<QByteArray> again = BackupFile::write(m_header, m_contents, Password, FastIterations);
        QVERIFY(again);
        QVERIFY(again.value() != m_file);
        QVERIFY(BackupFile::read(again.value(), Password));
    }

    void defaultIterations()
    {
        Result<QByteArray> file = BackupFile::write(m_header, m_contents, Password);
        QVERIFY(file);
        QCOMPARE(BackupFile::readHeader(file.value()).value().iterations, BackupFile::DefaultIterations);
        QVERIFY(BackupFile::read(file.value(), Password));
    }

    void wrongPassword_data()
    {
        QTest::addColumn<QString>("password");
        QTest::newRow("another") << QStringLiteral("秋天的长沙-2024");
        QTest::newRow("one character less") << Password.chopped(1);
        QTest::newRow("empty") << QString();
        QTest::newRow("case") << Password.toUpper() + QStringLiteral("x");
    }

    void wrongPassword()
    {
        QFETCH(QString, password);
        Result<BackupContents> contents = BackupFile::read(m_file, password);
        QVERIFY(!contents);
        QCOMPARE(contents.error().code, QStringLiteral("backup.password"));
        QCOMPARE(contents.error().message, QStringLiteral("The backup password is wrong. Nothing was changed."));
    }

    void theSamePasswordInAnotherNormalForm()
    {
        // "é" typed as one code point or as e + combining accent is the same password.
        const QString composed = QStringLiteral("caf\u00e9-password");
        const QString decomposed = QStringLiteral("cafe\u0301-password");
        Result<QByteArray> file = BackupFile::write(m_header, m_contents, composed, FastIterations);
        QVERIFY(file);
        QVERIFY(BackupFile::read(file.value(), decomposed));
    }

    void flippedByte_data()
    {
        QTest::addColumn<int>("at");
        QTest::addColumn<QString>("code");
        const int sealedAt = 14 + int(headerLength(m_file));
        QTest::newRow("magic") << 0 << "backup.not_backup";
        QTest::newRow("version high byte") << 8 << "backup.version";
        QTest::newRow("version low byte") << 9 << "backup.version";
        QTest::newRow("header length") << 12 << "backup.damaged";
        QTest::newRow("header length low") << 13 << "backup.damaged";
        QTest::newRow("header first byte") << 14 << "backup.damaged";
        QTest::newRow("first sealed byte") << sealedAt << "backup.damaged";
        QTest::newRow("middle of the content") << (sealedAt + int(m_file.size())) / 2 << "backup.damaged";
        QTest::newRow("last content byte") << int(m_file.size()) - 17 << "backup.damaged";
        QTest::newRow("tag") << int(m_file.size()) - 1 << "backup.damaged";
        // Every byte of the header: JSON syntax, a field the parser checks, or a value only the
        // authentication catches (created_at, program, server).
        for (int i = 14; i < sealedAt; i += 7)
            QTest::newRow(qPrintable(QStringLiteral("header byte %1").arg(i))) << i << QString();
    }

    void flippedByte()
    {
        QFETCH(int, at);
        QFETCH(QString, code);
        QByteArray file = m_file;
        file[at] = char(file.at(at) ^ 0x04);
        Result<BackupContents> contents = BackupFile::read(file, Password);
        QVERIFY(!contents);
        if (!code.isEmpty()) {
            QCOMPARE(contents.error().code, code);
        } else {
            // A changed key check reads as a wrong password; everything else as damage.
            QVERIFY2(contents.error().code == u"backup.damaged" || contents.error().code == u"backup.password",
                     qPrintable(contents.error().code));
        }
    }

    void truncated_data()
    {
        QTest::addColumn<int>("size");
        const int sealedAt = 14 + int(headerLength(m_file));
        for (int size : {0, 4, 8, 10, 13, 14, 30, sealedAt - 1, sealedAt, sealedAt + 15, sealedAt + 16,
                         int(m_file.size()) / 2, int(m_file.size()) - 16, int(m_file.size()) - 1})
            QTest::newRow(qPrintable(QString::number(size))) << size;
    }

    void truncated()
    {
        QFETCH(int, size);
        Result<BackupContents> contents = BackupFile::read(m_file.left(size), Password);
        QVERIFY(!contents);
        QCOMPARE(contents.error().code, size < 8 ? QStringLiteral("backup.not_backup") : QStringLiteral("backup.damaged"));
    }

    void appendedBytes()
    {
        Result<BackupContents> contents = BackupFile::read(m_file + QByteArray(3, 'x'), Password);
        QVERIFY(!contents);
        QCOMPARE(contents.error().code, QStringLiteral("backup.damaged"));
    }

    void otherVersions_data()
    {
        QTest::addColumn<int>("version");
        QTest::addColumn<QString>("code");
        QTest::newRow("0") << 0 << "backup.damaged";
        QTest::newRow("2") << 2 << "backup.version";
        QTest::newRow("65535") << 65535 << "backup.version";
    }

    void otherVersions()
    {
        QFETCH(int, version);
        QFETCH(QString, code);
        QByteArray file = m_file;
        qToBigEndian<quint16>(quint16(version), reinterpret_cast<uchar *>(file.data()) + 8);
        Result<BackupHeader> header = BackupFile::readHeader(file);
        QVERIFY(!header);
        QCOMPARE(header.error().code, code);
        if (code == u"backup.version")
            QVERIFY(header.error().message.contains(QString::number(version)));
        QCOMPARE(BackupFile::read(file, Password).error().code, code);
    }

    void craftedHeaders_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::newRow("too few iterations") << "\"iterations\":10000" << "\"iterations\":9999";
        QTest::newRow("too many iterations") << "\"iterations\":10000" << "\"iterations\":99999999";
        QTest::newRow("another unit") << "43010000001" << "43010000002";
        QTest::newRow("another kdf") << "pbkdf2-hmac-sha256" << "pbkdf2-hmac-sha1xx";
    }

    void craftedHeaders()
    {
        // A header rewritten with a valid length: refused before or by the authentication.
        QFETCH(QString, from);
        QFETCH(QString, to);
        const int length = int(headerLength(m_file));
        QByteArray header = m_file.mid(14, length);
        QVERIFY(header.contains(from.toUtf8()));
        header.replace(from.toUtf8(), to.toUtf8());
        QByteArray file = m_file.left(14) + header + m_file.mid(14 + length);
        qToBigEndian<quint32>(quint32(header.size()), reinterpret_cast<uchar *>(file.data()) + 10);
        Result<BackupContents> contents = BackupFile::read(file, Password);
        QVERIFY(!contents);
        QCOMPARE(contents.error().code, QStringLiteral("backup.damaged"));
    }

    void notABackup()
    {
        QCOMPARE(BackupFile::readHeader("%PDF-1.7 ...").error().code, QStringLiteral("backup.not_backup"));
        QCOMPARE(BackupFile::read(QByteArray(), Password).error().code, QStringLiteral("backup.not_backup"));
    }

    void shortPasswordsAreRefused()
    {
        Result<QByteArray> file = BackupFile::write(m_header, m_contents, QStringLiteral("1234567"), FastIterations);
        QVERIFY(!file);
        QCOMPARE(file.error().code, QStringLiteral("backup.password_short"));
        QVERIFY(BackupFile::checkPassword(QStringLiteral("12345678")));
    }

private:
    QTemporaryDir m_dir;
    BackupHeader m_header;
    BackupContents m_contents;
    QByteArray m_file;
};

QTEST_GUILESS_MAIN(TestBackupFile)
#include "tst_backupfile.moc"
