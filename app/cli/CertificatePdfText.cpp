#include "CertificatePdfText.h"

#include <QDateTime>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

namespace shebao::cli::CertificatePdfText {

namespace {

// A layout line as cells: runs of two or more spaces (or a full-width space) separate them.
QStringList cells(const QString &line)
{
    static const QRegularExpression gap(QStringLiteral("\\s{2,}|\u3000"));
    QStringList list;
    for (const QString &cell : line.split(gap, Qt::SkipEmptyParts)) {
        const QString c = cell.trimmed();
        if (!c.isEmpty())
            list << c;
    }
    return list;
}

// The value printed after a label ("单位名称：") on the same line; null when the label is absent.
QString labelled(const QStringList &lines, const QString &label)
{
    for (const QString &line : lines) {
        const qsizetype at = line.indexOf(label);
        if (at < 0)
            continue;
        const QStringList after = cells(line.mid(at + label.size()));
        return after.isEmpty() ? QStringLiteral("") : after.first();
    }
    return {};
}

void expectLabelled(const QStringList &lines, const QString &label, const QString &expected, QStringList *out)
{
    if (expected.isEmpty())
        return;
    const QString shown = labelled(lines, label);
    const QString name = label.chopped(1); // without the "："
    if (shown.isNull())
        out->append(QStringLiteral("PDF 中没有%1").arg(name));
    else if (shown != expected)
        out->append(QStringLiteral("%1不符：PDF 为“%2”，经办机构记录为“%3”").arg(name, shown, expected));
}

// The first line whose cells start with `head` (a row of a table).
QStringList rowStartingWith(const QStringList &lines, const QStringList &head)
{
    for (const QString &line : lines) {
        const QStringList c = cells(line);
        if (c.size() >= head.size() && c.mid(0, head.size()) == head)
            return c;
    }
    return {};
}

QString flattened(QString text)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    return text.remove(space);
}

// A value that may wrap over several lines (a long 打印用途): pdftotext then prints the label on
// a line of its own between the value's lines. The value is the rest of the label's line plus
// the neighbouring lines (two either way) that hold no other label, without white space; null
// when the label is absent.
QString wrappedValue(const QStringList &lines, const QString &label)
{
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const qsizetype at = lines.at(i).indexOf(label);
        if (at < 0)
            continue;
        QString value;
        for (qsizetype j = qMax<qsizetype>(0, i - 2); j <= qMin(lines.size() - 1, i + 2); ++j) {
            if (j == i)
                value += lines.at(i).mid(at + label.size());
            else if (!lines.at(j).contains(u'：'))
                value += lines.at(j);
        }
        return flattened(value);
    }
    return {};
}

// As the printed form writes dates: Beijing time, "2027年3月4日".
QString chineseDate(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    const QDate d = utc.toOffsetFromUtc(8 * 3600).date();
    return QStringLiteral("%1年%2月%3日").arg(d.year()).arg(d.month()).arg(d.day());
}

QString joined(const QStringList &cells)
{
    return cells.join(QStringLiteral(" | "));
}

} // namespace

Result<QString> extract(const QString &pdfPath)
{
    const QString tool = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (tool.isEmpty())
        return Error{QStringLiteral("cli.pdftotext"),
                     QStringLiteral("无法读取 PDF 的文字：需要 poppler-utils 中的 pdftotext（apt-get install poppler-utils）。"), {}, {}};
    QProcess process;
    process.start(tool, {QStringLiteral("-layout"), QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdfPath, QStringLiteral("-")});
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return Error{QStringLiteral("cli.pdftotext"), QStringLiteral("无法读取 PDF 文件 %1 的文字。").arg(pdfPath),
                     QString::fromLocal8Bit(process.readAllStandardError()).trimmed(), {}};
    return QString::fromUtf8(process.readAllStandardOutput());
}

QString code(const QString &text)
{
    static const QRegularExpression printed(QStringLiteral("验证码[:：]\\s*([0-9A-Za-z]{4}(?:[- ]?[0-9A-Za-z]{4}){3})"));
    const auto match = printed.match(text);
    return match.hasMatch() ? CertificateCode::normalize(match.captured(1)) : QString();
}

QStringList mismatches(const QString &text, const CertificateContent &c)
{
    const QStringList lines = text.split(u'\n');
    QStringList out;
    if (!text.contains(c.number))
        out << QStringLiteral("PDF 中没有证明编号 %1").arg(c.number);
    if (!text.contains(certificateKindName(c.kind)))
        out << QStringLiteral("PDF 不是%1").arg(certificateKindName(c.kind));
    expectLabelled(lines, QStringLiteral("单位名称："), c.unitName, &out);
    expectLabelled(lines, QStringLiteral("统一社会信用代码："), c.creditCode, &out);
    expectLabelled(lines, QStringLiteral("单位编号："), c.unitNo, &out);
    expectLabelled(lines, QStringLiteral("有效期至："), chineseDate(c.validUntil), &out);
    const QString purpose = wrappedValue(lines, QStringLiteral("打印用途："));
    if (purpose.isNull())
        out << QStringLiteral("PDF 中没有打印用途");
    else if (purpose != flattened(c.purpose))
        out << QStringLiteral("打印用途不符：PDF 为“%1”，经办机构记录为“%2”").arg(purpose, c.purpose);
    switch (c.kind) {
    case CertificateKind::Unit: {
        for (const InsuranceSummary &s : c.insurances) {
            const QStringList expected{s.insuranceName, QString::number(s.insuredCount), QString::number(s.payingCount),
                                       s.firstMonth, s.paidToMonth, s.arrears ? QStringLiteral("是") : QStringLiteral("否")};
            const QStringList shown = rowStartingWith(lines, {s.insuranceName});
            if (shown.isEmpty())
                out << QStringLiteral("PDF 中没有%1一行").arg(s.insuranceName);
            else if (shown.mid(0, expected.size()) != expected)
                out << QStringLiteral("%1一行不符：PDF 为“%2”，经办机构记录为“%3”").arg(s.insuranceName, joined(shown), joined(expected));
        }
        static const QRegularExpression totals(QStringLiteral("参保总人数\\s*(\\d+)\\s*缴费总人数\\s*(\\d+)"));
        const auto m = totals.match(text);
        if (!m.hasMatch())
            out << QStringLiteral("PDF 中没有参保总人数、缴费总人数");
        else if (m.captured(1).toInt() != c.insuredTotal || m.captured(2).toInt() != c.payingTotal)
            out << QStringLiteral("合计不符：PDF 为参保 %1、缴费 %2，经办机构记录为参保 %3、缴费 %4")
                       .arg(m.captured(1), m.captured(2), QString::number(c.insuredTotal), QString::number(c.payingTotal));
        break;
    }
    case CertificateKind::Roster: {
        int missing = 0;
        for (const RosterRow &r : c.roster) {
            const QStringList shown = rowStartingWith(lines, {QString::number(r.index), r.personNo});
            const QStringList expected{QString::number(r.index), r.personNo, r.name, r.idNumberMasked};
            if (shown.mid(0, expected.size()) == expected)
                continue;
            if (++missing <= 5)
                out << (shown.isEmpty() ? QStringLiteral("PDF 中没有第 %1 行（%2 %3）").arg(QString::number(r.index), r.personNo, r.name)
                                        : QStringLiteral("第 %1 行不符：PDF 为“%2”，经办机构记录为“%3”")
                                              .arg(QString::number(r.index), joined(shown), joined(expected)));
        }
        if (missing > 5)
            out << QStringLiteral("……共 %1 行与经办机构记录不符").arg(missing);
        break;
    }
    case CertificateKind::Person: {
        expectLabelled(lines, QStringLiteral("姓名："), c.personName, &out);
        expectLabelled(lines, QStringLiteral("个人编号："), c.personNo, &out);
        expectLabelled(lines, QStringLiteral("公民身份号码："), c.personIdNumberMasked, &out);
        for (const PersonPeriod &p : c.periods) {
            const QStringList expected{p.insuranceName, p.startMonth, p.endMonth.isEmpty() ? QStringLiteral("至今") : p.endMonth,
                                       QString::number(p.months)};
            if (rowStartingWith(lines, expected).isEmpty())
                out << QStringLiteral("PDF 中没有参保记录“%1”").arg(joined(expected));
        }
        break;
    }
    }
    return out;
}

} // namespace shebao::cli::CertificatePdfText
