// The printed 参保证明 (app/EnrolmentCertificateForm, resources/forms/*-certificate.json): each
// kind to PDF, its QR code decoded by zbarimg to exactly the verification URL, its text read back
// with pdftotext -layout in the lines `shebao-cli verify-pdf` relies on (docs/certificates.md),
// a 1,000-person roster over many pages with the header on each, and the refusals (a history row
// without content, content that differs from the signed bytes, no https address).
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QPdfWriter>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "app/EnrolmentCertificateForm.h"
#include "models/cache/LocalCache.h"
#include "printing/FormRenderer.h"
#include "tests/unit/printing/CertificateSamples.h"

using namespace shebao;
using namespace shebao::printing;

namespace {

QString run(const QString &program, const QStringList &args, int *exitCode = nullptr)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(180000))
        return QStringLiteral("<%1 did not finish>").arg(program);
    if (exitCode)
        *exitCode = p.exitCode();
    return QString::fromUtf8(p.readAllStandardOutput());
}

QString layoutText(const QString &pdf, int page = 0)
{
    QStringList args{QStringLiteral("-layout")};
    if (page > 0)
        args << QStringLiteral("-f") << QString::number(page) << QStringLiteral("-l") << QString::number(page);
    return run(QStringLiteral("pdftotext"), args << pdf << QStringLiteral("-"));
}

// Every page as a PNG at `dpi`; the files in page order.
QStringList rasterize(const QString &pdf, const QString &prefix, int dpi, int first = 0, int last = 0)
{
    QStringList args{QStringLiteral("-r"), QString::number(dpi), QStringLiteral("-png")};
    if (first > 0)
        args << QStringLiteral("-f") << QString::number(first) << QStringLiteral("-l") << QString::number(last);
    int code = -1;
    run(QStringLiteral("pdftoppm"), args << pdf << prefix, &code);
    if (code != 0)
        return {};
    const QFileInfo info(prefix);
    QStringList files = QDir(info.absolutePath())
                            .entryList({info.fileName() + QStringLiteral("-*.png")}, QDir::Files, QDir::Name);
    for (QString &f : files)
        f = info.absolutePath() + u'/' + f;
    return files;
}

// All QR codes zbarimg finds on the pages, one string per code.
QStringList decodeAll(const QStringList &pngs)
{
    QStringList codes;
    for (const QString &png : pngs) {
        int code = -1;
        const QString out = run(QStringLiteral("zbarimg"), {QStringLiteral("--raw"), QStringLiteral("-q"), png}, &code);
        for (const QString &line : out.split(u'\n', Qt::SkipEmptyParts))
            codes << line.trimmed();
    }
    return codes;
}

void keepShot(const QString &png, const QString &name)
{
    const QString dir = qEnvironmentVariable("SHEBAO_SHOT_DIR");
    if (dir.isEmpty() || png.isEmpty())
        return;
    QFile::remove(dir + u'/' + name);
    QFile::copy(png, dir + u'/' + name);
}

bool hasLine(const QString &text, const QString &pattern)
{
    return QRegularExpression(pattern, QRegularExpression::MultilineOption).match(text).hasMatch();
}

IssuedCertificate sample(const QString &kind)
{
    if (kind == u"unit")
        return samples::unitCertificate();
    if (kind == u"roster")
        return samples::rosterCertificate(12);
    return samples::personCertificate();
}

} // namespace

class TestEnrolmentCertificateForm : public QObject
{
    Q_OBJECT

private slots:
    void templatesLoad_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("unit") << int(CertificateKind::Unit);
        QTest::newRow("roster") << int(CertificateKind::Roster);
        QTest::newRow("person") << int(CertificateKind::Person);
    }

    void templatesLoad()
    {
        QFETCH(int, kind);
        const auto t = FormTemplate::load(EnrolmentCertificateForm::formId(CertificateKind(kind)));
        QVERIFY2(t.ok(), qPrintable(t.ok() ? QString() : t.error().message));
        QCOMPARE(t.value().title, certificateKindName(CertificateKind(kind)));
        bool seal = false, qr = false;
        for (const FormBlock &b : t.value().blocks) {
            seal = seal || b.kind == FormBlock::Kind::Seal;
            qr = qr || (b.kind == FormBlock::Kind::Qr && b.value == u"{cert.url}");
        }
        QVERIFY(seal);
        QVERIFY(qr);
    }

    void qrCodeIsExactlyTheVerificationUrl_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("unit") << QStringLiteral("unit");
        QTest::newRow("roster") << QStringLiteral("roster");
        QTest::newRow("person") << QStringLiteral("person");
    }

    void qrCodeIsExactlyTheVerificationUrl()
    {
        QFETCH(QString, kind);
        const IssuedCertificate cert = sample(kind);
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("c.pdf"));
        const auto written = EnrolmentCertificateForm::writePdf(cert, pdf);
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message));
        QCOMPARE(written.value().pages, 1);
        // 150 dpi as a phone photographs it roughly; one code on the page, the URL byte for byte.
        const QStringList pngs = rasterize(pdf, dir.filePath(QStringLiteral("page")), 150);
        QCOMPARE(pngs.size(), 1);
        QCOMPARE(decodeAll(pngs), QStringList{cert.url});
        keepShot(pngs.first(), QStringLiteral("cert-%1.png").arg(kind));
        // The PDF's title names the certificate (docs/certificates.md).
        const QString info = run(QStringLiteral("pdfinfo"), {pdf});
        QVERIFY2(info.contains(QStringLiteral("%1 %2").arg(certificateKindName(cert.content.kind), cert.content.number)),
                 qPrintable(info));
    }

    void sealIsRedAndOnThePage()
    {
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("u.pdf"));
        QVERIFY(EnrolmentCertificateForm::writePdf(samples::unitCertificate(), pdf).ok());
        const QStringList pngs = rasterize(pdf, dir.filePath(QStringLiteral("p")), 60);
        QCOMPARE(pngs.size(), 1);
        const QImage page(pngs.first());
        int red = 0, redLeft = 0;
        for (int y = 0; y < page.height(); ++y)
            for (int x = 0; x < page.width(); ++x) {
                const QRgb c = page.pixel(x, y);
                if (qRed(c) > 170 && qGreen(c) < 120 && qBlue(c) < 120) {
                    ++red;
                    redLeft += x < page.width() / 2 ? 1 : 0;
                }
            }
        QVERIFY2(red > 500, qPrintable(QString::number(red))); // a 40 mm seal at 60 dpi
        QCOMPARE(redLeft, 0);                                   // at the right, as templated
    }

    void unitTextForVerifyPdf()
    {
        const IssuedCertificate cert = samples::unitCertificate();
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("u.pdf"));
        QVERIFY(EnrolmentCertificateForm::writePdf(cert, pdf).ok());
        const QString text = layoutText(pdf);
        QVERIFY2(text.contains(QStringLiteral("验证码：7KQM-3XRT-9WCD-HJ4P")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("证明编号：ZM20261204000017")));
        QVERIFY(hasLine(text, QStringLiteral("单位名称：\\s+长沙湘江示范科技有限公司\\s*$")));
        QVERIFY(hasLine(text, QStringLiteral("统一社会信用代码：\\s+91430100MA4L0XXX1A\\s*$")));
        QVERIFY(hasLine(text, QStringLiteral("单位编号：\\s+43010000001\\s")));
        // One line per 险种, in the contract's order.
        QVERIFY2(hasLine(text, QStringLiteral("企业职工基本养老保险\\s+312\\s+298\\s+2015-03\\s+2026-12\\s+否")), qPrintable(text));
        QVERIFY(hasLine(text, QStringLiteral("失业保险\\s+312\\s+298\\s+2015-03\\s+2026-12\\s+否")));
        QVERIFY(hasLine(text, QStringLiteral("职工基本医疗保险\\s+305\\s+291\\s+2016-01\\s+2026-12\\s+否")));
        QVERIFY(hasLine(text, QStringLiteral("工伤保险\\s+312\\s+298\\s+2015-03\\s+2026-12\\s+否")));
        QVERIFY(hasLine(text, QStringLiteral("生育保险\\s+305\\s+291\\s+2016-01\\s+2026-12\\s+否")));
        QVERIFY(hasLine(text, QStringLiteral("参保总人数 312 缴费总人数 298")));
        const QString flat = run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}).remove(u' ').remove(u'\n');
        QVERIFY(flat.contains(QStringLiteral("本证明可通过扫描二维码或登录网站输入验证码核验真伪，无须加盖公章。")));
        QVERIFY(flat.contains(QStringLiteral("核验网址：https://127.0.0.1:8443/verify")));
        QVERIFY(flat.contains(QStringLiteral("长沙市社会保险经办机构（电子印章）")));
        QVERIFY(flat.contains(QStringLiteral("2026年12月4日")));     // issued, Beijing time
        QVERIFY(flat.contains(QStringLiteral("2027年3月4日")));      // valid until: 90 days later
        QVERIFY(flat.contains(QStringLiteral("投标（长沙市政府采购项目）")));
        QVERIFY(flat.contains(QStringLiteral("2015-03至2026-12"))); // 证明期间
    }

    void longUnitNameStaysOnOneLine()
    {
        // verify-pdf reads 单位名称 from the line of its label: a long (34-character) name must not wrap.
        CertificateContent c = samples::unitCertificate().content;
        c.unitName = QStringLiteral("湖南省长沙市天心区湘江新区示范智能装备科技发展有限责任公司第一分公司");
        QCOMPARE(c.unitName.size(), 34);
        const IssuedCertificate cert = samples::issued(c);
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("long.pdf"));
        QVERIFY(EnrolmentCertificateForm::writePdf(cert, pdf).ok());
        const QString text = layoutText(pdf);
        QVERIFY2(hasLine(text, QStringLiteral("单位名称：\\s+%1\\s*$").arg(c.unitName)), qPrintable(text));
    }

    void rosterAndPersonTextForVerifyPdf()
    {
        QTemporaryDir dir;
        const QString roster = dir.filePath(QStringLiteral("r.pdf"));
        QVERIFY(EnrolmentCertificateForm::writePdf(samples::rosterCertificate(25), roster).ok());
        const QString r = layoutText(roster);
        for (int i : {1, 2, 13, 25}) {
            const RosterRow row = samples::rosterCertificate(25).content.roster.at(i - 1);
            QVERIFY2(hasLine(r, QStringLiteral("^\\s*%1\\s+%2\\s+%3\\s+%4\\s")
                                    .arg(row.index)
                                    .arg(row.personNo, row.name, QRegularExpression::escape(row.idNumberMasked))),
                     qPrintable(r));
        }
        QVERIFY(r.contains(QStringLiteral("养老、失业、工伤、医疗、生育")));

        const QString person = dir.filePath(QStringLiteral("p.pdf"));
        QVERIFY(EnrolmentCertificateForm::writePdf(samples::personCertificate(), person).ok());
        const QString p = layoutText(person);
        QVERIFY2(hasLine(p, QStringLiteral("姓名：\\s+欧阳秀英\\s")), qPrintable(p));
        QVERIFY(hasLine(p, QStringLiteral("个人编号：\\s+P0043010007\\s*$")));
        QVERIFY(hasLine(p, QStringLiteral("公民身份号码：\\s+430102\\*{8}3527\\s")));
        QVERIFY(hasLine(p, QStringLiteral("企业职工基本养老保险\\s+2018-07\\s+2020-02\\s+20\\s+4,500.00\\s+终止缴费")));
        QVERIFY(hasLine(p, QStringLiteral("企业职工基本养老保险\\s+2021-05\\s+至今\\s+68\\s+6,800.00\\s+参保缴费")));
        QVERIFY(hasLine(p, QStringLiteral("工伤保险\\s+2021-05\\s+至今\\s+68")));
    }

    void thousandPersonRosterPaginates()
    {
        const IssuedCertificate cert = samples::rosterCertificate(1000);
        const auto data = EnrolmentCertificateForm::data(cert);
        QVERIFY(data.ok());
        const auto form = EnrolmentCertificateForm::form(cert);
        QVERIFY(form.ok());
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("roster.pdf"));
        FormRenderer renderer(form.value(), data.value());
        QElapsedTimer timer;
        timer.start();
        QVERIFY(renderer.renderPdf(pdf).ok());
        qInfo("roster of 1000 people: %d pages, %lld ms to PDF", renderer.pageCount(), timer.elapsed());
        const int pages = renderer.pageCount();
        QVERIFY2(pages >= 20 && pages <= 40, qPrintable(QString::number(pages)));

        QList<int> seen(1001, 0);
        for (int i = 0; i < pages; ++i) {
            const QStringList texts = renderer.pageTexts(i);
            // The page header (unit, number, code), the table's header row, the page numbers.
            QCOMPARE(texts.first(), QStringLiteral("长沙湘江示范科技有限公司　证明编号：ZM20261204000017　验证码：7KQM-3XRT-9WCD-HJ4P"));
            QVERIFY2(texts.contains(QStringLiteral("公民身份号码")) && texts.contains(QStringLiteral("个人编号")),
                     qPrintable(QString::number(i)));
            QCOMPARE(texts.last(), QStringLiteral("第 %1 页 共 %2 页").arg(i + 1).arg(pages));
            for (const QString &t : texts) {
                static const QRegularExpression idPattern(QStringLiteral("^430102\\*{8}(\\d{4})$"));
                if (idPattern.match(t).hasMatch()) {
                    const int at = texts.indexOf(t);
                    const int index = texts.at(at - 3).toInt();
                    QVERIFY(index >= 1 && index <= 1000);
                    ++seen[index];
                }
            }
        }
        for (int i = 1; i <= 1000; ++i)
            QVERIFY2(seen[i] == 1, qPrintable(QStringLiteral("row %1 printed %2 times").arg(i).arg(seen[i])));
        // The seal, the code and the QR code come after the last row, on the last page, with rows.
        const QStringList last = renderer.pageTexts(pages - 1);
        QVERIFY(last.contains(QStringLiteral("1000")));
        QVERIFY(last.contains(QStringLiteral("长沙市社会保险经办机构（电子印章）")));
        QVERIFY(!renderer.pageTexts(pages - 2).contains(QStringLiteral("长沙市社会保险经办机构（电子印章）")));

        // The PDF agrees: the header and numbers on a middle page, the QR code on the last.
        const QString middle = layoutText(pdf, pages / 2).remove(u' ');
        QVERIFY(middle.contains(QStringLiteral("验证码：7KQM-3XRT-9WCD-HJ4P")));
        QVERIFY(middle.contains(QStringLiteral("公民身份号码")));
        QVERIFY(middle.contains(QStringLiteral("第%1页共%2页").arg(pages / 2).arg(pages)));
        const QStringList pngs = rasterize(pdf, dir.filePath(QStringLiteral("last")), 150, pages - 1, pages);
        QCOMPARE(pngs.size(), 2);
        QCOMPARE(decodeAll(pngs), QStringList{cert.url});
        keepShot(pngs.first(), QStringLiteral("cert-roster-page-%1.png").arg(pages - 1));
        keepShot(pngs.last(), QStringLiteral("cert-roster-last.png"));
    }

    void sameRecordPrintsTheSameAndIsRecorded()
    {
        const IssuedCertificate cert = samples::unitCertificate();
        QCOMPARE(EnrolmentCertificateForm::data(cert).value().sha256(),
                 EnrolmentCertificateForm::data(samples::unitCertificate()).value().sha256());
        QTemporaryDir dir;
        LocalCache cache;
        QVERIFY(cache.open(dir.filePath(QStringLiteral("cache.sqlite"))).ok());
        const auto printed = EnrolmentCertificateForm::writePdf(cert, dir.filePath(QStringLiteral("a.pdf")), &cache);
        QVERIFY(printed.ok());
        QVERIFY(printed.value().id > 0);
        QCOMPARE(printed.value().formId, QStringLiteral("unit-certificate"));
        QCOMPARE(printed.value().title, QStringLiteral("单位参保证明 ZM20261204000017"));
        const auto paper = EnrolmentCertificateForm::recordPrinted(cert, 1, &cache);
        QVERIFY(paper.ok());
        QCOMPARE(paper.value().dataSha256, printed.value().dataSha256);
        const auto list = cache.printedForms(QStringLiteral("unit-certificate"));
        QVERIFY(list.ok());
        QCOMPARE(list.value().size(), 2);
    }

    void historyRowIsRefused()
    {
        IssuedCertificate row = samples::unitCertificate();
        row.content = CertificateContent{};
        row.content.number = QStringLiteral("ZM20261204000017");
        row.content.code = QStringLiteral("7KQM3XRT9WCDHJ4P");
        row.canonical.clear();
        const auto r = EnrolmentCertificateForm::data(row);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("certificate.no_content"));
    }

    void contentDifferingFromTheSignedBytesIsRefused()
    {
        IssuedCertificate cert = samples::unitCertificate();
        cert.content.insurances[0].insuredCount = 999; // canonical still says 312
        const auto r = EnrolmentCertificateForm::data(cert);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("certificate.inconsistent"));
        QTemporaryDir dir;
        QVERIFY(!EnrolmentCertificateForm::writePdf(cert, dir.filePath(QStringLiteral("x.pdf"))).ok());
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("x.pdf"))));
    }

    void addressMustBeHttps()
    {
        IssuedCertificate cert = samples::personCertificate();
        cert.url = QStringLiteral("http://127.0.0.1:8080/verify?code=7KQM3XRT9WCDHJ4P");
        const auto r = EnrolmentCertificateForm::data(cert);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("certificate.url"));
        QCOMPARE(EnrolmentCertificateForm::verifyAddress(QStringLiteral("https://h.example:8443/verify?code=X#y")),
                 QStringLiteral("https://h.example:8443/verify"));
    }

    void unitCertificateBenchmark()
    {
        const IssuedCertificate cert = samples::unitCertificate();
        QTemporaryDir dir;
        QVERIFY(EnrolmentCertificateForm::writePdf(cert, dir.filePath(QStringLiteral("warm.pdf"))).ok());
        QList<qint64> times;
        for (int i = 0; i < 5; ++i) {
            QElapsedTimer timer;
            timer.start();
            QVERIFY(EnrolmentCertificateForm::writePdf(cert, dir.filePath(QStringLiteral("u%1.pdf").arg(i))).ok());
            times << timer.elapsed();
        }
        std::sort(times.begin(), times.end());
        qInfo("one 单位参保证明 to PDF: median %lld ms (min %lld, max %lld)", times.at(2), times.first(), times.last());
    }
};

QTEST_MAIN(TestEnrolmentCertificateForm)
#include "tst_enrolmentcertificateform.moc"
