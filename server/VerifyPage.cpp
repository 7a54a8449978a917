#include "server/VerifyPage.h"

#include <QDateTime>


namespace shebao::server::VerifyPage {

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString page(const QString &title, const QString &body)
{
    return QStringLiteral(
               "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
               "<title>%1</title><style>"
               "body{margin:0;font-family:system-ui,-apple-system,'PingFang SC','Noto Sans CJK SC','Microsoft YaHei',sans-serif;"
               "background:#f4f6f8;color:#1d2733;line-height:1.6}"
               "header{background:#1f5fa8;color:#fff;padding:12px 16px;font-size:18px}"
               "main{max-width:760px;margin:0 auto;padding:12px}"
               "section{background:#fff;border-radius:8px;padding:12px 16px;margin:12px 0;box-shadow:0 1px 2px rgba(0,0,0,.08)}"
               "h1{font-size:20px;margin:4px 0 8px}h2{font-size:16px;margin:4px 0 8px}"
               ".state{font-size:22px;font-weight:bold;padding:8px 12px;border-radius:6px;display:inline-block}"
               ".valid{background:#e3f4e8;color:#17692f}.expired{background:#fff4d6;color:#8a5a00}"
               ".revoked,.bad{background:#fde4e4;color:#a31b1b}"
               "dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 12px;margin:0}dt{color:#5b6875}dd{margin:0;word-break:break-all}"
               ".scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:14px}"
               "th,td{border:1px solid #d5dbe1;padding:4px 6px;text-align:left;white-space:nowrap}th{background:#eef2f6}"
               "input[type=text]{width:100%;box-sizing:border-box;font-size:18px;padding:8px;letter-spacing:1px;text-transform:uppercase}"
               "button{margin-top:8px;font-size:16px;padding:8px 20px;background:#1f5fa8;color:#fff;border:0;border-radius:6px}"
               ".notice{color:#a31b1b}.small{font-size:13px;color:#5b6875}"
               "</style></head><body><header>长沙市社会保险 · 参保证明核验</header><main>%2</main></body></html>\n")
        .arg(esc(title), body);
}

QString formSection(const QString &typed, const QString &notice)
{
    QString s = QStringLiteral("<section><h1>参保证明核验</h1>");
    if (!notice.isEmpty())
        s += QStringLiteral("<p class=\"notice\">%1</p>").arg(esc(notice));
    s += QStringLiteral("<form method=\"get\" action=\"/verify\"><label for=\"code\">请输入参保证明上的验证码（16 位字母和数字）：</label>"
                        "<input type=\"text\" id=\"code\" name=\"code\" value=\"%1\" maxlength=\"40\" autocomplete=\"off\""
                        " placeholder=\"XXXX-XXXX-XXXX-XXXX\"><button type=\"submit\">核验</button></form>"
                        "<p class=\"small\">也可以用手机扫描证明上的二维码直接打开本页。网上打印的参保证明无须加盖公章。</p></section>")
             .arg(esc(typed));
    return s;
}

QString row(const QString &label, const QString &value)
{
    return QStringLiteral("<dt>%1</dt><dd>%2</dd>").arg(esc(label), esc(value.isEmpty() ? QStringLiteral("—") : value));
}

QString beijingTime(const QDateTime &at)
{
    return at.isValid() ? QDateTime::fromSecsSinceEpoch(at.toSecsSinceEpoch(), Qt::OffsetFromUTC, 8 * 3600)
                              .toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                        : QString();
}

QString insurancesTable(const CertificateContent &c)
{
    QString s = QStringLiteral("<section><h2>参保情况（截至 %1）</h2><div class=\"scroll\"><table><tr><th>险种</th><th>参保人数</th>"
                               "<th>缴费人数</th><th>首次参保年月</th><th>缴至年月</th><th>欠费</th></tr>")
                    .arg(esc(c.asOfMonth));
    for (const InsuranceSummary &i : c.insurances)
        s += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td></tr>")
                 .arg(esc(i.insuranceName), QString::number(i.insuredCount), QString::number(i.payingCount),
                      esc(i.firstMonth), esc(i.paidToMonth), i.arrears ? QStringLiteral("是") : QStringLiteral("否"));
    s += QStringLiteral("</table></div><p>参保总人数 %1 人，缴费总人数 %2 人。</p></section>").arg(c.insuredTotal).arg(c.payingTotal);
    return s;
}

QString rosterTable(const CertificateContent &c)
{
    QString s = QStringLiteral("<section><h2>参保人员名单（%1 月正常缴费，共 %2 人）</h2><div class=\"scroll\"><table><tr><th>序号</th>"
                               "<th>个人编号</th><th>姓名</th><th>公民身份号码</th><th>参保年月</th></tr>")
                    .arg(esc(c.asOfMonth))
                    .arg(c.roster.size());
    for (const RosterRow &r : c.roster)
        s += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td></tr>")
                 .arg(QString::number(r.index), esc(r.personNo), esc(r.name), esc(r.idNumberMasked), esc(r.startMonth));
    return s + QStringLiteral("</table></div></section>");
}

QString periodsTable(const CertificateContent &c)
{
    QString s = QStringLiteral("<section><h2>参保缴费记录</h2><dl>%1%2%3</dl><div class=\"scroll\"><table><tr><th>险种</th>"
                               "<th>起始年月</th><th>终止年月</th><th>缴费月数</th><th>缴费基数（元）</th></tr>")
                    .arg(row(QStringLiteral("姓名"), c.personName), row(QStringLiteral("个人编号"), c.personNo),
                         row(QStringLiteral("公民身份号码"), c.personIdNumberMasked));
    for (const PersonPeriod &p : c.periods)
        s += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td></tr>")
                 .arg(esc(p.insuranceName), esc(p.startMonth), esc(p.endMonth.isEmpty() ? QStringLiteral("至今") : p.endMonth),
                      QString::number(p.months), p.base.toYuanString());
    return s + QStringLiteral("</table></div></section>");
}

} // namespace

QByteArray form(const QString &typed, const QString &notice)
{
    return page(QStringLiteral("参保证明核验"), formSection(typed, notice)).toUtf8();
}

QByteArray certificate(const IssuedCertificate &record, bool signatureHolds, qint64 checkedAt)
{
    const CertificateContent &c = record.content;
    QString stateClass = certificateStateCode(record.state);
    QString stateText = certificateStateName(record.state);
    QString explanation;
    if (!signatureHolds) {
        stateClass = QStringLiteral("bad");
        stateText = QStringLiteral("无法确认");
        explanation = QStringLiteral("该证明的电子签名未能通过核验，请联系经办机构。");
    } else if (record.state == CertificateState::Valid) {
        explanation = QStringLiteral("本证明由经办机构出具，电子签名核验通过，有效期至 %1。").arg(beijingTime(c.validUntil));
    } else if (record.state == CertificateState::Expired) {
        explanation = QStringLiteral("本证明已于 %1 过期，内容仅供参考，请重新打印。").arg(beijingTime(c.validUntil));
    } else {
        explanation = QStringLiteral("本证明已于 %1 撤销，原因：%2。").arg(beijingTime(record.revokedAt), record.revokeReason);
    }
    QString body = QStringLiteral("<section><h1>%1</h1><p><span class=\"state %2\">%3</span></p><p>%4</p>"
                                  "<p class=\"small\">核验时间：%5（北京时间）</p></section>")
                       .arg(esc(certificateKindName(c.kind)), stateClass, esc(stateText), esc(explanation),
                            QDateTime::fromSecsSinceEpoch(checkedAt, Qt::OffsetFromUTC, 8 * 3600)
                                .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    body += QStringLiteral("<section><h2>证明信息</h2><dl>%1%2%3%4%5%6%7%8%9")
                .arg(row(QStringLiteral("证明编号"), c.number), row(QStringLiteral("验证码"), CertificateCode::grouped(c.code)),
                     row(QStringLiteral("单位名称"), c.unitName), row(QStringLiteral("统一社会信用代码"), c.creditCode),
                     row(QStringLiteral("单位编号"), c.unitNo), row(QStringLiteral("经办机构"), c.agency),
                     row(QStringLiteral("证明期间"), c.periodFrom + QStringLiteral(" 至 ") + c.periodTo),
                     row(QStringLiteral("打印用途"), c.purpose), row(QStringLiteral("出具时间"), beijingTime(c.issuedAt)));
    body += row(QStringLiteral("有效期至"), beijingTime(c.validUntil)) + QStringLiteral("</dl></section>");
    switch (c.kind) {
    case CertificateKind::Unit: body += insurancesTable(c); break;
    case CertificateKind::Roster: body += rosterTable(c); break;
    case CertificateKind::Person: body += periodsTable(c); break;
    }
    body += QStringLiteral("<section><p class=\"small\">请核对纸质证明与本页内容是否一致。本页内容以经办机构系统记录为准；"
                           "签名数据见 /api/v1/verify/%1，可离线核验。</p></section>")
                .arg(esc(c.code));
    body += formSection({}, {});
    return page(certificateKindName(c.kind) + QStringLiteral("核验结果"), body).toUtf8();
}

QByteArray tooMany(qint64 retryAfterSeconds)
{
    return page(QStringLiteral("参保证明核验"),
                formSection({}, QStringLiteral("查询过于频繁，请 %1 秒后再试。").arg(retryAfterSeconds)))
        .toUtf8();
}

} // namespace shebao::server::VerifyPage
