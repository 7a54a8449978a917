// The form engine: template checking, placeholders, pagination with repeated table headers,
// page numbers, and PDFs whose text pdftotext reads back and whose QR codes zbarimg decodes.
#include <QPdfWriter>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "printing/FormRenderer.h"
#include "printing/FormTemplate.h"
#include "printing/QrCode.h"

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

QByteArray rosterTemplate()
{
    return R"({
      "format": "shebao-form/1", "id": "roster", "title": "人员名单",
      "header": "表号：TEST-01",
      "blocks": [
        {"type": "title", "text": "{unit.name}人员名单"},
        {"type": "fields", "columns": 2, "items": [
            {"label": "单位编号", "value": "{unit.no}"}, {"label": "打印日期", "value": "{today}"}]},
        {"type": "table", "rows": "people", "columns": [
            {"title": "序号", "value": "{#}", "width": 0.6, "align": "center"},
            {"title": "姓名", "value": "{name}", "width": 1.5},
            {"title": "公民身份号码", "value": "{id}", "width": 3}]},
        {"type": "signatures", "items": [{"label": "单位（盖章）", "stamp": true}, {"label": "经办人：", "value": "{clerk}"}]}
      ]})";
}

FormData rosterData(int people)
{
    FormData data;
    data.values = {{QStringLiteral("unit.name"), QStringLiteral("长沙湘江示范科技有限公司")},
                   {QStringLiteral("unit.no"), QStringLiteral("43010000001")},
                   {QStringLiteral("today"), QStringLiteral("2026-12-03")},
                   {QStringLiteral("clerk"), QStringLiteral("王小明")}};
    QList<QVariantMap> rows;
    for (int i = 0; i < people; ++i)
        rows.append({{QStringLiteral("name"), QStringLiteral("测试人员%1").arg(i + 1)},
                     {QStringLiteral("id"), QStringLiteral("430102199001%1").arg(i, 6, 10, QLatin1Char('0'))}});
    data.tables.insert(QStringLiteral("people"), rows);
    return data;
}

} // namespace

class TestFormRenderer : public QObject
{
    Q_OBJECT

private slots:
    void templateErrorsNameThePath_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("path");
        QTest::newRow("not json") << QByteArray("{") << QStringLiteral("$");
        QTest::newRow("format") << QByteArray(R"({"format":"x","id":"a","title":"t","blocks":[]})") << QStringLiteral("$.format");
        QTest::newRow("no blocks") << QByteArray(R"({"format":"shebao-form/1","id":"a","title":"t","blocks":[]})")
                                   << QStringLiteral("$.blocks");
        QTest::newRow("kind") << QByteArray(R"({"format":"shebao-form/1","id":"a","title":"t","blocks":[{"type":"pie"}]})")
                              << QStringLiteral("$.blocks[0].type");
        QTest::newRow("column") << QByteArray(R"({"format":"shebao-form/1","id":"a","title":"t","blocks":[
                {"type":"text","text":"x"},{"type":"table","rows":"r","columns":[{"title":"a","value":"{a}","width":-1}]}]})")
                                << QStringLiteral("$.blocks[1].columns[0]");
        QTest::newRow("row height") << QByteArray(R"({"format":"shebao-form/1","id":"a","title":"t","blocks":[
                {"type":"table","rows":"r","row_height_mm":2,"columns":[{"title":"a","value":"{a}"}]}]})")
                                    << QStringLiteral("$.blocks[0].row_height_mm");
        QTest::newRow("last row space") << QByteArray(R"({"format":"shebao-form/1","id":"a","title":"t","blocks":[
                {"type":"table","rows":"r","last_row_space_mm":-1,"columns":[{"title":"a","value":"{a}"}]}]})")
                                        << QStringLiteral("$.blocks[0].last_row_space_mm");
        QTest::newRow("paper") << QByteArray(R"({"format":"shebao-form/1","id":"a","title":"t","page":{"size":"B5"},
                "blocks":[{"type":"text","text":"x"}]})") << QStringLiteral("$.page.size");
    }
    void templateErrorsNameThePath()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, path);
        const auto t = FormTemplate::fromJson(json);
        QVERIFY(!t.ok());
        QCOMPARE(t.error().field, path);
        QVERIFY(t.error().message.contains(path));
    }

    void placeholders()
    {
        FormData data;
        data.values.insert(QStringLiteral("a"), QStringLiteral("甲"));
        const QVariantMap row{{QStringLiteral("b"), QStringLiteral("乙")}, {QStringLiteral("a"), QStringLiteral("行")}};
        QCOMPARE(data.expand(QStringLiteral("{a}-{{x}}")).value(), QStringLiteral("甲-{x}"));
        QCOMPARE(data.expand(QStringLiteral("{#}:{a}{b}"), &row, 7).value(), QStringLiteral("7:行乙"));
        const auto missing = data.expand(QStringLiteral("{nope}"));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().detail, QStringLiteral("nope"));
        QVERIFY(!data.expand(QStringLiteral("{a")).ok());
    }

    void missingDataFailsLayout()
    {
        auto t = FormTemplate::fromJson(rosterTemplate());
        QVERIFY(t.ok());
        FormData data = rosterData(3);
        data.values.remove(QStringLiteral("clerk"));
        QTemporaryDir dir;
        const auto r = FormRenderer::writePdf(t.value(), data, dir.filePath(QStringLiteral("x.pdf")));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().detail, QStringLiteral("clerk"));
    }

    void longTableRepeatsHeaderAndNumbersPages()
    {
        auto t = FormTemplate::fromJson(rosterTemplate());
        QVERIFY2(t.ok(), qPrintable(t.ok() ? QString() : t.error().message));
        QTemporaryDir dir;
        const QString pdf = qEnvironmentVariableIsSet("SHEBAO_KEEP_PDF") ? qEnvironmentVariable("SHEBAO_KEEP_PDF")
                                                                         : dir.filePath(QStringLiteral("roster.pdf"));
        const auto r = FormRenderer::writePdf(t.value(), rosterData(150), pdf);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));

        int code = -1;
        const QString text = run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")}, &code);
        QCOMPARE(code, 0);
        const QStringList pages = text.split(u'\f', Qt::SkipEmptyParts);
        QVERIFY2(pages.size() >= 3, qPrintable(QStringLiteral("%1 pages").arg(pages.size())));
        for (int i = 0; i < pages.size(); ++i) {
            QVERIFY2(pages[i].contains(QStringLiteral("公民身份号码")), qPrintable(QStringLiteral("header missing on page %1").arg(i + 1)));
            // pdftotext drops the narrow spaces between CJK characters, so compare without blanks.
            QVERIFY2(QString(pages[i]).remove(u' ').contains(QStringLiteral("第%1页共%2页").arg(i + 1).arg(pages.size())),
                     qPrintable(pages[i].right(300)));
            QVERIFY(pages[i].contains(QStringLiteral("表号：TEST-01")));
        }
        QVERIFY(pages.first().contains(QStringLiteral("长沙湘江示范科技有限公司人员名单")));
        QVERIFY(text.contains(QStringLiteral("测试人员1 ")) || text.contains(QStringLiteral("测试人员1\n")));
        QVERIFY(text.contains(QStringLiteral("测试人员150")));
        QVERIFY(text.contains(QStringLiteral("430102199001000149")));
        QVERIFY(pages.last().contains(QStringLiteral("单位（盖章）")));
        QVERIFY(pages.last().contains(QStringLiteral("王小明")));
    }

    void rowHeightSetsTheDensity()
    {
        // The same 150 rows: the default 7 mm (the text's own height here), then 10 and 14 mm.
        QList<int> pages;
        for (const char *height : {"", ", \"row_height_mm\": 10", ", \"row_height_mm\": 14"}) {
            QByteArray json = rosterTemplate();
            json.replace(R"("rows": "people")", QByteArray(R"("rows": "people")") + height);
            auto t = FormTemplate::fromJson(json);
            QVERIFY2(t.ok(), qPrintable(t.ok() ? QString() : t.error().message));
            FormRenderer renderer(t.value(), rosterData(150));
            QTemporaryDir dir;
            QPdfWriter device(dir.filePath(QStringLiteral("d.pdf")));
            device.setPageLayout(renderer.pageLayout());
            device.setResolution(600);
            QVERIFY(renderer.layout(device).ok());
            pages << renderer.pageCount();
        }
        QVERIFY2(pages[0] < pages[1] && pages[1] < pages[2], qPrintable(QStringLiteral("%1 %2 %3").arg(pages[0]).arg(pages[1]).arg(pages[2])));
    }

    void lastRowStaysWithTheSignatures()
    {
        QByteArray json = rosterTemplate();
        json.replace(R"("rows": "people")", R"("rows": "people", "last_row_space_mm": 60)");
        auto t = FormTemplate::fromJson(json);
        QVERIFY2(t.ok(), qPrintable(t.ok() ? QString() : t.error().message));
        QTemporaryDir dir;
        QPdfWriter device(dir.filePath(QStringLiteral("d.pdf")));
        bool moved = false;
        for (int rows = 1; rows <= 70; ++rows) {
            FormRenderer renderer(t.value(), rosterData(rows));
            device.setPageLayout(renderer.pageLayout());
            device.setResolution(600);
            QVERIFY(renderer.layout(device).ok());
            const QStringList last = renderer.pageTexts(renderer.pageCount() - 1);
            QVERIFY2(last.contains(QStringLiteral("测试人员%1").arg(rows)), qPrintable(QString::number(rows)));
            QVERIFY(last.contains(QStringLiteral("单位（盖章）")));
            // Somewhere the last row had room on its page but not for the signatures below it.
            if (renderer.pageCount() > 1 && last.filter(QStringLiteral("测试人员")).size() == 1)
                moved = true;
        }
        QVERIFY(moved);
    }

    void pageTextsHoldHeaderAndNumberedFooter()
    {
        auto t = FormTemplate::fromJson(rosterTemplate());
        QVERIFY(t.ok());
        FormRenderer renderer(t.value(), rosterData(150));
        QTemporaryDir dir;
        QPdfWriter device(dir.filePath(QStringLiteral("d.pdf")));
        device.setPageLayout(renderer.pageLayout());
        device.setResolution(600);
        QVERIFY(renderer.layout(device).ok());
        const int pages = renderer.pageCount();
        QVERIFY(pages >= 3);
        for (int p = 0; p < pages; ++p) {
            const QStringList texts = renderer.pageTexts(p);
            QCOMPARE(texts.first(), QStringLiteral("表号：TEST-01"));
            QCOMPARE(texts.last(), QStringLiteral("第 %1 页 共 %2 页").arg(p + 1).arg(pages));
            QVERIFY(texts.contains(QStringLiteral("公民身份号码")));
        }
        QVERIFY(renderer.pageTexts(pages).isEmpty());
    }

    void renderPdfReportsPagesAndUnwritableFiles()
    {
        auto t = FormTemplate::fromJson(rosterTemplate());
        QVERIFY(t.ok());
        FormRenderer renderer(t.value(), rosterData(150));
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("r.pdf"));
        QVERIFY(renderer.renderPdf(pdf, QStringLiteral("tst_formrenderer")).ok());
        QVERIFY(renderer.pageCount() >= 3);
        const QString info = run(QStringLiteral("pdfinfo"), {pdf});
        QVERIFY2(info.contains(QRegularExpression(QStringLiteral("Pages:\\s+%1\\n").arg(renderer.pageCount()))), qPrintable(info));
        QVERIFY(info.contains(QStringLiteral("tst_formrenderer")));
        FormRenderer other(t.value(), rosterData(1));
        const auto r = other.renderPdf(QStringLiteral("/nonexistent-dir/r.pdf"));
        QVERIFY(!r.ok());
        QVERIFY(r.error().code.startsWith(QStringLiteral("print.")));
    }

    void emptyTableSaysSo()
    {
        auto t = FormTemplate::fromJson(rosterTemplate());
        QVERIFY(t.ok());
        FormRenderer renderer(t.value(), rosterData(0));
        QTemporaryDir dir;
        const auto r = FormRenderer::writePdf(t.value(), rosterData(0), dir.filePath(QStringLiteral("e.pdf")));
        QVERIFY(r.ok());
        const QString text = run(QStringLiteral("pdftotext"), {dir.filePath(QStringLiteral("e.pdf")), QStringLiteral("-")});
        QVERIFY(text.contains(QStringLiteral("（无）")));
    }

    void qrCodeDecodesFromThePdf()
    {
        const QByteArray url = "https://127.0.0.1:8443/verify?code=K7MX-93QF-T2WP";
        const QByteArray json = R"({"format":"shebao-form/1","id":"q","title":"二维码",
            "blocks":[{"type":"qr","value":"{url}","text":"扫描二维码验证：{url}","height_mm":30}]})";
        auto t = FormTemplate::fromJson(json);
        QVERIFY(t.ok());
        FormData data;
        data.values.insert(QStringLiteral("url"), QString::fromUtf8(url));
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("qr.pdf"));
        QVERIFY(FormRenderer::writePdf(t.value(), data, pdf).ok());
        int code = -1;
        run(QStringLiteral("pdftoppm"), {QStringLiteral("-r"), QStringLiteral("150"), QStringLiteral("-png"), pdf,
                                         dir.filePath(QStringLiteral("page"))}, &code);
        QCOMPARE(code, 0);
        const QString decoded = run(QStringLiteral("zbarimg"), {QStringLiteral("--raw"), QStringLiteral("-q"),
                                                                dir.filePath(QStringLiteral("page-1.png"))}, &code);
        QCOMPARE(code, 0);
        QCOMPARE(decoded.trimmed(), QString::fromUtf8(url));
    }

    void authorizationLetterFromResources()
    {
        const auto t = FormTemplate::load(QStringLiteral("authorization-letter"));
        QVERIFY2(t.ok(), qPrintable(t.ok() ? QString() : t.error().message));
        FormData data;
        const QList<std::pair<const char *, const char *>> values{
            {"application.no", "SQ20261203001"}, {"application.date", "2026-12-03"},
            {"unit.name", "长沙湘江示范科技有限公司"}, {"unit.no", "43010000002"},
            {"unit.credit_code", "91430100MA4L0XXX1A"}, {"unit.legal_representative", "李建国"},
            {"applicant.name", "王小明"}, {"applicant.id_number", "430102199003071234"},
            {"applicant.mobile", "13812345678"}, {"applicant.email", "hr@example.com"},
            {"counter.address", "天心区人社局二楼社保征缴中心单位业务窗口"}};
        for (const auto &[key, value] : values)
            data.values.insert(QString::fromUtf8(key), QString::fromUtf8(value));
        QTemporaryDir dir;
        const QString pdf = qEnvironmentVariableIsSet("SHEBAO_KEEP_PDF") ? qEnvironmentVariable("SHEBAO_KEEP_PDF")
                                                                         : dir.filePath(QStringLiteral("letter.pdf"));
        const auto r = FormRenderer::writePdf(t.value(), data, pdf);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        const QString text = run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}).remove(u' ');
        QVERIFY(text.contains(QStringLiteral("授权用户承诺书")));
        QVERIFY(text.contains(QStringLiteral("长沙湘江示范科技有限公司")));
        QVERIFY(text.contains(QStringLiteral("王小明")));
        QVERIFY(text.contains(QStringLiteral("单位（盖章）")));
        QVERIFY(text.contains(QStringLiteral("第1页共1页")));
    }

    void qrRefusesEmptyAndOverlong()
    {
        QVERIFY(!QrCode::encode({}).ok());
        QVERIFY(!QrCode::encode(QByteArray(8000, 'x')).ok());
        const auto small = QrCode::encode("1");
        QVERIFY(small.ok());
        QCOMPARE(small.value().size(), 21); // version 1
    }
};

QTEST_MAIN(TestFormRenderer)
#include "tst_formrenderer.moc"
