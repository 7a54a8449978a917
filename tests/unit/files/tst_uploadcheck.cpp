// Uploads are recognised by content: real files made here with Qt's writers, then disguised,
// truncated, emptied and inflated.
#include <QBuffer>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QTest>

#include "models/files/UploadCheck.h"

using namespace shebao;

namespace {

QByteArray image(const char *format)
{
    QImage img(64, 48, QImage::Format_RGB32);
    img.fill(Qt::white);
    QPainter(&img).drawText(4, 20, QStringLiteral("stamp"));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    img.save(&buffer, format);
    return bytes;
}

// A 1,100 x 1,000 scan of noise: megabytes of compressed data that must not look like a program.
QByteArray noise(const char *format)
{
    QImage img(1100, 1000, QImage::Format_RGB32);
    quint32 state = 20261204;
    for (int y = 0; y < img.height(); ++y) {
        auto *line = reinterpret_cast<quint32 *>(img.scanLine(y));
        for (int x = 0; x < img.width(); ++x) {
            state = state * 1664525u + 1013904223u;
            line[x] = state | 0xFF000000u;
        }
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    img.save(&buffer, format, 95);
    return bytes;
}

// A minimal Windows program: MZ, the header pointer at 0x3C, "PE\0\0" there.
QByteArray program()
{
    QByteArray pe("MZ\x90\0", 4);
    pe += QByteArray(0x3C - pe.size(), '\0');
    pe += QByteArray("\x80\0\0\0", 4);
    pe += QByteArray(0x80 - pe.size(), '\0');
    pe += QByteArray("PE\0\0\x64\x86", 6);
    return pe + QByteArray(2000, 'x');
}

QByteArray pdf()
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        QPainter painter(&writer);
        painter.drawText(100, 100, QStringLiteral("scan"));
    }
    return bytes;
}

} // namespace

class TestUploadCheck : public QObject
{
    Q_OBJECT

private slots:
    void check_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("code");      // empty: accepted
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("mentions");  // a word the message must contain

        const QByteArray png = image("PNG");
        const QByteArray jpeg = image("JPG");
        const QByteArray doc = pdf();
        QTest::newRow("png") << png << QString() << int(FileKind::Png) << QString();
        QTest::newRow("jpeg") << jpeg << QString() << int(FileKind::Jpeg) << QString();
        QTest::newRow("pdf") << doc << QString() << int(FileKind::Pdf) << QString();
        QTest::newRow("empty") << QByteArray() << QStringLiteral("upload.empty") << 0 << QStringLiteral("空文件");
        QTest::newRow("6 MB") << (png + QByteArray(6 * 1024 * 1024, '\0')) << QStringLiteral("upload.too_large") << 0
                              << QStringLiteral("5.0 MB");
        QTest::newRow("exe as jpg") << (QByteArray("MZ\x90\0", 4) + QByteArray(4000, 'A')) << QStringLiteral("upload.type") << 0
                                    << QStringLiteral("Windows 可执行程序");
        QTest::newRow("elf") << (QByteArray("\x7F" "ELF") + QByteArray(100, '\1')) << QStringLiteral("upload.type") << 0
                             << QStringLiteral("Linux");
        QTest::newRow("zip") << (QByteArray("PK\x03\x04") + QByteArray(100, '\1')) << QStringLiteral("upload.type") << 0
                             << QStringLiteral("ZIP");
        QTest::newRow("gif") << (QByteArray("GIF89a") + QByteArray(100, '\1')) << QStringLiteral("upload.type") << 0 << QStringLiteral("JPEG");
        QTest::newRow("text") << QByteArray("hello, this is not an image") << QStringLiteral("upload.type") << 0
                              << QStringLiteral("PNG");
        QTest::newRow("truncated png") << png.left(png.size() - 20) << QStringLiteral("upload.truncated") << 0
                                       << QStringLiteral("不完整");
        QTest::newRow("truncated jpeg") << jpeg.left(jpeg.size() / 2) << QStringLiteral("upload.truncated") << 0
                                        << QStringLiteral("JPEG");
        QTest::newRow("pdf without eof") << doc.left(doc.size() - 30) << QStringLiteral("upload.truncated") << 0
                                         << QStringLiteral("PDF");
        // Programs behind an image or PDF header, which then looks complete.
        QTest::newRow("program inside a png") << (png.left(33) + program() + png.right(12)) << QStringLiteral("upload.type") << 0
                                              << QStringLiteral("Windows 可执行程序");
        QTest::newRow("program inside a jpeg") << (jpeg.left(20) + program() + QByteArray("\xFF\xD9", 2))
                                               << QStringLiteral("upload.type") << 0 << QStringLiteral("Windows 可执行程序");
        QTest::newRow("linux program inside a pdf") << (doc.left(9) + QByteArray("\x7F" "ELF\x02\x01\x01", 7) + QByteArray(500, '\0')
                                                        + doc.right(20))
                                                    << QStringLiteral("upload.type") << 0 << QStringLiteral("Linux 可执行程序");
        // Megabytes of real compressed image data do not look like one.
        QTest::newRow("noise png") << noise("PNG") << QString() << int(FileKind::Png) << QString();
        QTest::newRow("noise jpeg") << noise("JPG") << QString() << int(FileKind::Jpeg) << QString();
        QTest::newRow("png signature only") << QByteArray("\x89PNG\r\n\x1A\n") << QStringLiteral("upload.truncated") << 0
                                            << QStringLiteral("PNG");
    }
    void check()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, code);
        QFETCH(int, kind);
        QFETCH(QString, mentions);
        const auto r = checkUpload(QStringLiteral("承诺书.jpg"), bytes);
        if (code.isEmpty()) {
            QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
            QCOMPARE(int(r.value()), kind);
        } else {
            QVERIFY(!r.ok());
            QCOMPARE(r.error().code, code);
            QVERIFY2(r.error().message.contains(mentions), qPrintable(r.error().message));
            QVERIFY(r.error().message.contains(QStringLiteral("承诺书.jpg")));
        }
    }

    void onlyAllowedKinds()
    {
        const auto r = checkUpload(QStringLiteral("a.pdf"), pdf(), 5 * 1024 * 1024, {FileKind::Jpeg, FileKind::Png});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("upload.type"));
        QVERIFY(r.error().message.contains(QStringLiteral("PDF")));
    }

    void mimeTypes()
    {
        QCOMPARE(fileKindMimeType(FileKind::Png), QStringLiteral("image/png"));
        QCOMPARE(fileKindMimeType(detectFileKind(image("JPG"))), QStringLiteral("image/jpeg"));
    }
};

QTEST_MAIN(TestUploadCheck)
#include "tst_uploadcheck.moc"
