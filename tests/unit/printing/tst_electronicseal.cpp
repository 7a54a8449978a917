// The electronic seal (printing/ElectronicSeal, the form engine's "seal" block): drawn in red
// over the issuer's lines, as paths (its arc text is not PDF text), refused without a name or
// without saying that it is electronic.
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "printing/ElectronicSeal.h"
#include "printing/FormRenderer.h"
#include "printing/FormTemplate.h"

using namespace shebao::printing;

namespace {

QString run(const QString &program, const QStringList &args, int *exitCode = nullptr)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(60000))
        return QStringLiteral("<%1 did not finish>").arg(program);
    if (exitCode)
        *exitCode = p.exitCode();
    return QString::fromUtf8(p.readAllStandardOutput());
}

bool isSealRed(QRgb c)
{
    return qRed(c) > 170 && qGreen(c) < 120 && qBlue(c) < 120;
}

int redPixels(const QImage &image, const QRect &area)
{
    int n = 0;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x)
            n += isSealRed(image.pixel(x, y)) ? 1 : 0;
    return n;
}

const QByteArray kSealForm = R"({"format":"shebao-form/1","id":"s","title":"印章",
    "page": {"size": "A4", "margins_mm": [20, 20, 20, 20]},
    "blocks":[{"type":"text","text":"兹证明。"},
              {"type":"seal","text":"{agency}","value":"参保证明电子专用章","serial":"{serial}",
               "height_mm":42,"lines":["{agency}","{date}"]}]})";

} // namespace

class TestElectronicSeal : public QObject
{
    Q_OBJECT

private slots:
    void paintsARedRingAStarAndTheName()
    {
        // 420 px for 42 mm, as printed at about 254 dpi.
        QImage image(420, 420, QImage::Format_RGB32);
        image.fill(Qt::white);
        {
            QPainter painter(&image);
            ElectronicSeal seal;
            seal.name = QStringLiteral("长沙市社会保险经办机构");
            seal.serial = QStringLiteral("4301000012345");
            seal.paint(painter, QRectF(0, 0, 420, 420));
        }
        if (qEnvironmentVariableIsSet("SHEBAO_SHOT_DIR"))
            image.save(qEnvironmentVariable("SHEBAO_SHOT_DIR") + QStringLiteral("/cert-seal.png"));
        // The ring: red on the circle at left, right, top and bottom.
        QVERIFY(redPixels(image, QRect(0, 200, 16, 20)) > 40);
        QVERIFY(redPixels(image, QRect(404, 200, 16, 20)) > 40);
        QVERIFY(redPixels(image, QRect(200, 0, 20, 16)) > 40);
        QVERIFY(redPixels(image, QRect(200, 404, 20, 16)) > 40);
        // The star fills the middle.
        QVERIFY(redPixels(image, QRect(195, 185, 30, 30)) > 600);
        // The name along the upper arc: ink between ring and star on the upper left and right.
        QVERIFY(redPixels(image, QRect(60, 60, 60, 60)) > 100);
        QVERIFY(redPixels(image, QRect(300, 60, 60, 60)) > 100);
        // The seal's text under the star.
        QVERIFY(redPixels(image, QRect(150, 290, 120, 30)) > 200);
        // Outside the circle stays white.
        QCOMPARE(redPixels(image, QRect(0, 0, 40, 40)), 0);
        QCOMPARE(redPixels(image, QRect(380, 380, 40, 40)), 0);
        // Nothing but red and the white paper.
        int other = 0;
        for (int y = 0; y < image.height(); y += 3)
            for (int x = 0; x < image.width(); x += 3) {
                const QRgb c = image.pixel(x, y);
                other += (qGray(c) < 100 && !isSealRed(c) && qRed(c) < 150) ? 1 : 0;
            }
        QCOMPARE(other, 0);
    }

    void sealBlockInAPdf()
    {
        const auto t = FormTemplate::fromJson(kSealForm);
        QVERIFY2(t.ok(), qPrintable(t.ok() ? QString() : t.error().message));
        QCOMPARE(t.value().blocks.at(1).kind, FormBlock::Kind::Seal);
        QCOMPARE(t.value().blocks.at(1).align, Qt::AlignRight);
        FormData data;
        data.values = {{QStringLiteral("agency"), QStringLiteral("长沙市社会保险经办机构")},
                       {QStringLiteral("serial"), QStringLiteral("4301000012345")},
                       {QStringLiteral("date"), QStringLiteral("2026年12月4日")}};
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("seal.pdf"));
        FormRenderer renderer(t.value(), data);
        QVERIFY(renderer.renderPdf(pdf).ok());
        QCOMPARE(renderer.pageCount(), 1);
        const QStringList texts = renderer.pageTexts(0);
        QVERIFY(texts.contains(QStringLiteral("长沙市社会保险经办机构")));
        QVERIFY(texts.contains(QStringLiteral("2026年12月4日")));

        // The arc text is drawn, not written: the agency's name is in the text once (its line).
        const QString text = run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}).remove(u' ');
        QCOMPARE(text.count(QStringLiteral("长沙市社会保险经办机构")), 1);
        QVERIFY(!text.contains(QStringLiteral("专用章")));
        QVERIFY(!text.contains(QStringLiteral("4301000012345")));

        int code = -1;
        run(QStringLiteral("pdftoppm"), {QStringLiteral("-r"), QStringLiteral("100"), QStringLiteral("-png"), pdf,
                                         dir.filePath(QStringLiteral("page"))}, &code);
        QCOMPARE(code, 0);
        const QImage page(dir.filePath(QStringLiteral("page-1.png")));
        QVERIFY(!page.isNull());
        // Red ink only in the right half, near the top (the seal follows the first paragraph).
        const int right = redPixels(page, QRect(page.width() / 2, 0, page.width() / 2, page.height() / 3));
        const int left = redPixels(page, QRect(0, 0, page.width() / 2, page.height()));
        const int below = redPixels(page, QRect(0, page.height() / 3, page.width(), page.height() * 2 / 3));
        QVERIFY2(right > 2000, qPrintable(QString::number(right)));
        QCOMPARE(left, 0);
        QCOMPARE(below, 0);
    }

    void templateErrors_data()
    {
        QTest::addColumn<QByteArray>("block");
        QTest::addColumn<QString>("path");
        QTest::newRow("no name") << QByteArray(R"({"type":"seal"})") << QStringLiteral("$.blocks[0].text");
        QTest::newRow("not electronic") << QByteArray(R"({"type":"seal","text":"机构","value":"业务专用章"})")
                                        << QStringLiteral("$.blocks[0].value");
        QTest::newRow("too small") << QByteArray(R"({"type":"seal","text":"机构","height_mm":10})")
                                   << QStringLiteral("$.blocks[0].height_mm");
        QTest::newRow("lines not a list") << QByteArray(R"({"type":"seal","text":"机构","lines":"x"})")
                                          << QStringLiteral("$.blocks[0].lines");
    }

    void templateErrors()
    {
        QFETCH(QByteArray, block);
        QFETCH(QString, path);
        const auto t = FormTemplate::fromJson(R"({"format":"shebao-form/1","id":"s","title":"t","blocks":[)" + block + "]}");
        QVERIFY(!t.ok());
        QCOMPARE(t.error().field, path);
    }

    void missingPlaceholderInTheSealIsAnError()
    {
        const auto t = FormTemplate::fromJson(kSealForm);
        QVERIFY(t.ok());
        FormData data;
        data.values = {{QStringLiteral("agency"), QStringLiteral("长沙市社会保险经办机构")},
                       {QStringLiteral("date"), QStringLiteral("2026年12月4日")}};
        QTemporaryDir dir;
        const auto r = FormRenderer::writePdf(t.value(), data, dir.filePath(QStringLiteral("x.pdf")));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("form.placeholder"));
        QCOMPARE(r.error().detail, QStringLiteral("serial"));
    }
};

QTEST_MAIN(TestElectronicSeal)
#include "tst_electronicseal.moc"
