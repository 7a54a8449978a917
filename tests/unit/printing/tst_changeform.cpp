// The papers of 信息维护 (app/ChangeForm, resources/forms/unit-change-form.json and
// person-change-form.json): A4 portrait, the request number and date, the unit (and person),
// 变更前 / 变更后 side by side per field with key rows marked and values by name, the proofs
// needed and uploaded, the stamp and review boxes; a signed request needs no stamp. Read back
// from the PDF with pdftotext and rasterised with pdftoppm (SHEBAO_FORM_PNG_DIR keeps the PNGs
// for a look).
#include <QDir>
#include <QImage>
#include <QPdfWriter>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "app/ChangeForm.h"
#include "models/cache/LocalCache.h"
#include "printing/FormRenderer.h"
#include "printing/FormTemplate.h"

using namespace shebao;
using namespace shebao::printing;

namespace {

QString run(const QString &program, const QStringList &args, int *exitCode = nullptr)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(120000))
        return QStringLiteral("<%1 did not finish>").arg(program);
    if (exitCode)
        *exitCode = p.exitCode();
    return QString::fromUtf8(p.readAllStandardOutput());
}

Unit sampleUnit()
{
    Unit u;
    u.unitNo = QStringLiteral("43010000001");
    u.name = QStringLiteral("长沙湘江示范科技有限公司");
    u.creditCode = QStringLiteral("91430100MA4L0XXX1A");
    u.contactPhone = QStringLiteral("0731-88886666");
    return u;
}

FieldChange change(ChangeTarget target, const char *member, const char *before, const char *after)
{
    const ChangeField *f = ChangeFields::find(target, QString::fromLatin1(member));
    if (!f)
        qFatal("no field %s", member);
    return FieldChange{f->member, f->label, f->key, QString::fromUtf8(before), QString::fromUtf8(after)};
}

ChangeAttachment attachment(qint64 id, AttachmentKind kind, const char *name, const char *mime, qint64 size)
{
    return ChangeAttachment{id, kind, QString::fromUtf8(name), QString::fromLatin1(mime), size, QStringLiteral("ab")};
}

// A pending key change of the unit: name, credit code, district and the bank account.
ChangeRequest unitRequest()
{
    ChangeRequest r;
    r.id = 7;
    r.requestNo = QStringLiteral("BG20261204000007");
    r.target = ChangeTarget::Unit;
    r.state = ChangeState::Pending;
    r.unitNo = QStringLiteral("43010000001");
    r.unitName = QStringLiteral("长沙湘江示范科技有限公司");
    r.key = true;
    r.createdAt = QDateTime(QDate(2026, 12, 4), QTime(10, 30));
    r.fields = {change(ChangeTarget::Unit, "name", "长沙湘江示范科技有限公司", "长沙湘江新区示范科技股份有限公司"),
                change(ChangeTarget::Unit, "credit_code", "91430100MA4L0XXX1A", "91430100MA4L7N5Q2X"),
                change(ChangeTarget::Unit, "district", "430102", "430104"),
                change(ChangeTarget::Unit, "bank_account", "", "43050178360000001234")};
    r.attachments = {attachment(31, AttachmentKind::BusinessLicence, "营业执照.jpg", "image/jpeg", 812345),
                     attachment(32, AttachmentKind::BankPermit, "开户许可证.pdf", "application/pdf", 2400000)};
    return r;
}

ChangeRequest personRequest()
{
    ChangeRequest r;
    r.id = 9;
    r.requestNo = QStringLiteral("BG20261204000009");
    r.target = ChangeTarget::Person;
    r.state = ChangeState::Pending;
    r.unitNo = QStringLiteral("43010000001");
    r.unitName = QStringLiteral("长沙湘江示范科技有限公司");
    r.personNo = QStringLiteral("4301000000123");
    r.personName = QStringLiteral("张小明");
    r.personIdNumber = QStringLiteral("430102199001011234");
    r.key = true;
    r.createdAt = QDateTime(QDate(2026, 12, 4), QTime(11, 0));
    r.fields = {change(ChangeTarget::Person, "name", "张小明", "张晓明"),
                change(ChangeTarget::Person, "gender", "1", "2"),
                change(ChangeTarget::Person, "ethnicity", "01", "15")};
    r.attachments = {attachment(40, AttachmentKind::IdCard, "身份证正反面.png", "image/png", 300000)};
    return r;
}

// Every unit field at once, with long new values: the table runs onto a second page.
ChangeRequest everyUnitField()
{
    ChangeRequest r = unitRequest();
    r.fields.clear();
    for (const ChangeField &f : ChangeFields::of(ChangeTarget::Unit))
        r.fields.append(FieldChange{f.member, f.label, f.key, QStringLiteral("旧值") + f.member,
                                    QStringLiteral("长沙市岳麓区麓谷街道麓谷大道 627 号新长海中心 B 座 1201 室 ") + f.member});
    return r;
}

struct Laid
{
    QTemporaryDir dir;
    std::unique_ptr<FormRenderer> renderer;
    QList<QStringList> pages;
};

std::unique_ptr<Laid> layOut(const ChangeRequest &request)
{
    auto laid = std::make_unique<Laid>();
    const auto data = ChangeForm::data(request, sampleUnit());
    if (!data)
        qFatal("data: %s", qPrintable(data.error().message));
    const auto form = FormTemplate::load(ChangeForm::formId(request.target));
    if (!form)
        qFatal("template: %s", qPrintable(form.error().message));
    laid->renderer = std::make_unique<FormRenderer>(form.value(), data.value());
    QPdfWriter device(laid->dir.filePath(QStringLiteral("layout.pdf")));
    device.setPageLayout(laid->renderer->pageLayout());
    device.setResolution(600);
    const auto pages = laid->renderer->layout(device);
    if (!pages)
        qFatal("layout: %s", qPrintable(pages.error().message));
    for (int i = 0; i < laid->renderer->pageCount(); ++i)
        laid->pages << laid->renderer->pageTexts(i);
    return laid;
}

// Cells of the row that starts with `label` in the fields table: label, mark, before, after
// (the header fields may carry the same label: the row is the one followed by its mark).
QStringList rowOf(const QStringList &texts, const QString &label)
{
    for (qsizetype at = 0; at + 3 < texts.size(); ++at) {
        if (texts[at] == label && (texts[at + 1] == u"★关键" || texts[at + 1] == u"一般"))
            return texts.mid(at, 4);
    }
    return {};
}

} // namespace

class TestChangeForm : public QObject
{
    Q_OBJECT

private slots:
    void templatesLoadAsA4Portrait_data()
    {
        QTest::addColumn<int>("target");
        QTest::addColumn<QString>("title");
        QTest::newRow("unit") << int(ChangeTarget::Unit) << QStringLiteral("长沙市社会保险单位信息变更登记表");
        QTest::newRow("person") << int(ChangeTarget::Person) << QStringLiteral("长沙市社会保险个人信息修改表");
    }

    void templatesLoadAsA4Portrait()
    {
        QFETCH(int, target);
        QFETCH(QString, title);
        const auto form = FormTemplate::load(ChangeForm::formId(ChangeTarget(target)));
        QVERIFY2(form.ok(), qPrintable(form.ok() ? QString() : form.error().message));
        QCOMPARE(form.value().title, title);
        QCOMPARE(ChangeForm::title(ChangeTarget(target)), title);
        QCOMPARE(form.value().pageSize, QPageSize::A4);
        QCOMPARE(form.value().orientation, QPageLayout::Portrait);
    }

    void unitFormSideBySide()
    {
        const auto laid = layOut(unitRequest());
        QCOMPARE(laid->pages.size(), 1);
        const QStringList &texts = laid->pages.first();
        QCOMPARE(texts.first(), QStringLiteral("长沙湘江示范科技有限公司　变更申请编号：BG20261204000007"));
        QCOMPARE(texts.last(), QStringLiteral("第 1 页 共 1 页"));
        for (const char *expected : {"长沙市社会保险单位信息变更登记表", "43010000001", "91430100MA4L0XXX1A",
                                     "BG20261204000007", "2026年12月4日", "待审核", "变更前", "变更后",
                                     "经办人（签字）：", "联系电话：0731-88886666", "单位（盖章）", "经办机构审核意见"})
            QVERIFY2(texts.contains(QString::fromUtf8(expected)), expected);
        // One row per field: old and new side by side, key rows marked, districts by name and an
        // empty old value written out.
        QCOMPARE(rowOf(texts, QStringLiteral("单位名称")),
                 (QStringList{QStringLiteral("单位名称"), QStringLiteral("★关键"), QStringLiteral("长沙湘江示范科技有限公司"),
                              QStringLiteral("长沙湘江新区示范科技股份有限公司")}));
        QCOMPARE(rowOf(texts, QStringLiteral("统一社会信用代码")).mid(2),
                 (QStringList{QStringLiteral("91430100MA4L0XXX1A"), QStringLiteral("91430100MA4L7N5Q2X")}));
        QCOMPARE(rowOf(texts, QStringLiteral("所属区县")).mid(2),
                 (QStringList{QStringLiteral("芙蓉区"), QStringLiteral("岳麓区")}));
        QCOMPARE(rowOf(texts, QStringLiteral("银行账号")).mid(2),
                 (QStringList{QStringLiteral("（空）"), QStringLiteral("43050178360000001234")}));
        // The proofs: what the key rows need (one group per proof), and what was uploaded.
        QVERIFY(texts.contains(QStringLiteral("营业执照（单位名称、所属区县）；营业执照或组织机构代码证（统一社会信用代码）；"
                                              "开户许可证（银行账号）")));
        const qsizetype licence = texts.indexOf(QStringLiteral("营业执照.jpg"));
        QVERIFY(licence > 0);
        QCOMPARE(texts.mid(licence - 1, 4), (QStringList{QStringLiteral("营业执照"), QStringLiteral("营业执照.jpg"),
                                                         QStringLiteral("JPEG"), QStringLiteral("794 KB")}));
        QVERIFY(texts.contains(QStringLiteral("2.3 MB")));
        // Not signed: stamp and hand in.
        QVERIFY(std::any_of(texts.begin(), texts.end(), [](const QString &t) { return t.contains(QStringLiteral("加盖单位公章")); }));
        QVERIFY(!std::any_of(texts.begin(), texts.end(), [](const QString &t) { return t.contains(QStringLiteral("无需加盖")); }));
    }

    void personFormSideBySide()
    {
        const auto laid = layOut(personRequest());
        QCOMPARE(laid->pages.size(), 1);
        const QStringList &texts = laid->pages.first();
        for (const char *expected : {"长沙市社会保险个人信息修改表", "4301000000123", "张小明", "430102199001011234",
                                     "BG20261204000009", "修改前", "修改后", "本人（签字）：", "单位（盖章）",
                                     "身份证（姓名、性别）", "身份证正反面.png"})
            QVERIFY2(texts.contains(QString::fromUtf8(expected)), expected);
        QCOMPARE(rowOf(texts, QStringLiteral("姓名")).mid(1),
                 (QStringList{QStringLiteral("★关键"), QStringLiteral("张小明"), QStringLiteral("张晓明")}));
        QCOMPARE(rowOf(texts, QStringLiteral("性别")).mid(2), (QStringList{QStringLiteral("男"), QStringLiteral("女")}));
        QCOMPARE(rowOf(texts, QStringLiteral("民族")).mid(1),
                 (QStringList{QStringLiteral("一般"), QStringLiteral("汉族"), QStringLiteral("土家族")}));
    }

    void signedRequestNeedsNoStamp()
    {
        ChangeRequest r = unitRequest();
        r.signed_ = true;
        const auto laid = layOut(r);
        const QStringList &texts = laid->pages.first();
        QVERIFY(texts.contains(QStringLiteral("单位（盖章）：无需盖章")));
        QVERIFY(std::any_of(texts.begin(), texts.end(), [](const QString &t) {
            return t.contains(QStringLiteral("单位数字证书签名")) && t.contains(QStringLiteral("无需加盖单位公章"));
        }));
    }

    void decisionsAndFlagsArePrinted()
    {
        ChangeRequest r = unitRequest();
        r.state = ChangeState::Rejected;
        r.rejectReason = QStringLiteral("营业执照照片不清晰");
        r.decidedBy = QStringLiteral("reviewer");
        r.decidedAt = QDateTime(QDate(2026, 12, 5), QTime(9, 0));
        r.creditCodeOverridden = true;
        const QStringList texts = layOut(r)->pages.first();
        QVERIFY(texts.contains(QStringLiteral("已退回")));
        QVERIFY(texts.contains(QStringLiteral("退回：营业执照照片不清晰（reviewer，2026年12月5日）")));
        QVERIFY(std::any_of(texts.begin(), texts.end(), [](const QString &t) { return t.contains(QStringLiteral("GB 32100")); }));
    }

    void everyUnitFieldAtOnce()
    {
        // All twenty fields, long values: rows wrap, the table breaks, nothing is lost.
        const auto laid = layOut(everyUnitField());
        QStringList all;
        for (int p = 0; p < laid->pages.size(); ++p) {
            const QStringList &texts = laid->pages[p];
            QCOMPARE(texts.last(), QStringLiteral("第 %1 页 共 %2 页").arg(p + 1).arg(laid->pages.size()));
            all << texts;
        }
        for (const ChangeField &f : ChangeFields::of(ChangeTarget::Unit)) {
            const QStringList row = rowOf(all, f.label);
            QCOMPARE(row.size(), 4);
            QCOMPARE(row.at(1), f.key ? QStringLiteral("★关键") : QStringLiteral("一般"));
            QVERIFY(row.at(3).endsWith(f.member));
        }
        QCOMPARE(laid->pages.size(), 2);
        QVERIFY(laid->pages.at(1).contains(QStringLiteral("变更后"))); // the header row repeated
        QVERIFY(laid->pages.last().contains(QStringLiteral("经办机构审核意见")));
    }

    void requestWithoutFieldsIsRefused()
    {
        ChangeRequest r = unitRequest();
        r.fields.clear();
        const auto data = ChangeForm::data(r, sampleUnit());
        QVERIFY(!data.ok());
        QCOMPARE(data.error().code, QStringLiteral("change.no_fields"));
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("none.pdf"));
        QVERIFY(!ChangeForm::writePdf(r, sampleUnit(), pdf).ok());
        QVERIFY(!QFileInfo::exists(pdf));
    }

    void pdfReadsBackAndRasterises_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<int>("pages");
        QTest::newRow("unit") << 0 << 1;
        QTest::newRow("person") << 1 << 1;
        QTest::newRow("unit-signed") << 2 << 1;
        QTest::newRow("unit-every-field") << 3 << 2;
    }

    void pdfReadsBackAndRasterises()
    {
        QFETCH(int, which);
        QFETCH(int, pages);
        ChangeRequest r = which == 1 ? personRequest() : which == 3 ? everyUnitField() : unitRequest();
        r.signed_ = which == 2;
        QTemporaryDir dir;
        const QString keep = qEnvironmentVariable("SHEBAO_FORM_PNG_DIR");
        const QString base = (keep.isEmpty() ? dir.path() : keep) + QStringLiteral("/change-form-%1").arg(which);
        const QString pdf = base + QStringLiteral(".pdf");

        LocalCache cache;
        QVERIFY(cache.open(dir.filePath(QStringLiteral("cache.sqlite"))).ok());
        const auto printed = ChangeForm::writePdf(r, sampleUnit(), pdf, &cache);
        QVERIFY2(printed.ok(), qPrintable(printed.ok() ? QString() : printed.error().message));
        QVERIFY(printed.value().id > 0);
        QCOMPARE(printed.value().pages, pages);
        QCOMPARE(printed.value().formId, ChangeForm::formId(r.target));
        QCOMPARE(printed.value().dataSha256, ChangeForm::data(r, sampleUnit()).value().sha256());
        const auto records = cache.printedForms(ChangeForm::formId(r.target));
        QVERIFY(records.ok());
        QCOMPARE(records.value().size(), 1);

        int code = -1;
        const QString text = run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}, &code);
        QCOMPARE(code, 0);
        // pdftotext puts narrow spaces between some CJK characters: compare without blanks.
        const QString compact = QString(text).remove(u' ');
        QVERIFY(compact.contains(ChangeForm::title(r.target)));
        QVERIFY(compact.contains(r.requestNo));
        QVERIFY(compact.contains(QStringLiteral("长沙湘江示范科技有限公司")));
        for (const FieldChange &c : r.fields) {
            const ChangeField *f = ChangeFields::find(r.target, c.member);
            if (!c.before.isEmpty())
                QVERIFY2(compact.contains(ChangeFields::displayValue(*f, c.before)), qPrintable(c.before));
            // (The long addresses of every-field wrap inside their cells, interleaved with the
            // neighbouring cell by pdftotext: their rows are checked in everyUnitFieldAtOnce.)
            if (which != 3)
                QVERIFY2(compact.contains(ChangeFields::displayValue(*f, c.after)), qPrintable(c.after));
        }
        QVERIFY(compact.contains(QStringLiteral("经办机构审核意见")));

        // 150 dpi: A4 portrait pages, with ink in them, and nothing painted over the margins.
        QCOMPARE(run(QStringLiteral("pdftoppm"), {QStringLiteral("-r"), QStringLiteral("150"), QStringLiteral("-png"), pdf, base},
                     &code),
                 QString());
        QCOMPARE(code, 0);
        for (int p = 1; p <= pages; ++p) {
            const QImage page(base + QStringLiteral("-%1.png").arg(p));
            QVERIFY2(!page.isNull(), qPrintable(base + QStringLiteral("-%1.png").arg(p)));
            QVERIFY(qAbs(page.width() - 1240) <= 2 && qAbs(page.height() - 1754) <= 2);
            const QImage gray = page.convertToFormat(QImage::Format_Grayscale8);
            auto inkIn = [&](int x0, int y0, int x1, int y1) {
                int ink = 0;
                for (int y = y0; y < y1; ++y) {
                    const uchar *line = gray.constScanLine(y);
                    for (int x = x0; x < x1; ++x)
                        ink += line[x] < 128;
                }
                return ink;
            };
            const int margin = int(150 / 25.4 * 10); // 10 mm: inside the 16 mm side margins
            QCOMPARE(inkIn(0, 0, margin, gray.height()), 0);
            QCOMPARE(inkIn(gray.width() - margin, 0, gray.width(), gray.height()), 0);
            QVERIFY(inkIn(margin, 0, gray.width() - margin, gray.height()) > 10000);
        }
    }
};

QTEST_MAIN(TestChangeForm)
#include "tst_changeform.moc"
