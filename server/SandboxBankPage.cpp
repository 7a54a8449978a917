#include "server/SandboxBankPage.h"

namespace shebao::server::SandboxBankPage {

namespace {

const QString Banner = QStringLiteral("沙箱环境，仅供测试，不会产生真实扣款");

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString page(const QString &title, const QString &body)
{
    return QStringLiteral(
               "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
               "<meta name=\"robots\" content=\"noindex\">"
               "<title>%1（沙箱）</title><style>"
               "body{margin:0;font-family:system-ui,-apple-system,'PingFang SC','Noto Sans CJK SC','Microsoft YaHei',sans-serif;"
               "background:#f6f3ee;color:#1d2733;line-height:1.6}"
               ".sandbox{background:#b3261e;color:#fff;padding:10px 16px;font-weight:bold;text-align:center;letter-spacing:1px}"
               "header{background:#5c4a2e;color:#fff;padding:12px 16px;font-size:18px}"
               "main{max-width:640px;margin:0 auto;padding:12px}"
               "section{background:#fff;border-radius:8px;padding:12px 16px;margin:12px 0;box-shadow:0 1px 2px rgba(0,0,0,.08)}"
               "h1{font-size:20px;margin:4px 0 8px}"
               "dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 12px;margin:0}dt{color:#5b6875}dd{margin:0;word-break:break-all}"
               ".amount{font-size:24px;font-weight:bold;color:#b3261e}"
               "input[type=text]{width:100%;box-sizing:border-box;font-size:18px;padding:8px;letter-spacing:1px}"
               "button{margin-top:8px;font-size:16px;padding:10px 24px;background:#b3261e;color:#fff;border:0;border-radius:6px}"
               ".notice{color:#b3261e}.ok{color:#17692f;font-size:20px;font-weight:bold}.small{font-size:13px;color:#5b6875}"
               "</style></head><body><div class=\"sandbox\" role=\"alert\">%2</div>"
               "<header>模拟银行 · 网上支付（沙箱）</header><main>%3</main></body></html>\n")
        .arg(esc(title), esc(Banner), body);
}

QString row(const QString &label, const QString &value, const QString &cls = {})
{
    return QStringLiteral("<dt>%1</dt><dd%3>%2</dd>")
        .arg(esc(label), esc(value), cls.isEmpty() ? QString() : QStringLiteral(" class=\"%1\"").arg(cls));
}

QString billRows(const BankBill &bill, const QString &payee)
{
    QString rows = row(QStringLiteral("业务单据号"), bill.number);
    if (!payee.isEmpty())
        rows += row(QStringLiteral("收款单位"), payee);
    rows += row(QStringLiteral("缴费单位"), bill.unitName) + row(QStringLiteral("缴费人员"), bill.personNameMasked)
            + row(QStringLiteral("应缴金额（元）"), bill.amount.toDisplayString(), QStringLiteral("amount"))
            + row(QStringLiteral("限缴日期"), bill.payBy.toString(Qt::ISODate));
    return QStringLiteral("<dl>%1</dl>").arg(rows);
}

QString numberForm(const QString &typed)
{
    return QStringLiteral("<section><form method=\"get\" action=\"/bank-sandbox/pay\"><label for=\"bill\">业务单据号（17 位数字）：</label>"
                          "<input type=\"text\" id=\"bill\" name=\"bill\" value=\"%1\" maxlength=\"40\" inputmode=\"numeric\""
                          " autocomplete=\"off\"><button type=\"submit\">查询缴费单</button></form></section>")
        .arg(esc(typed));
}

} // namespace

QByteArray payForm(const BankBill &bill, const QString &payee, const QString &account, const QString &notice)
{
    QString body = QStringLiteral("<section><h1>社会保险费断档补缴 · 网上支付</h1>%1</section>").arg(billRows(bill, payee));
    body += QStringLiteral("<section>");
    if (!notice.isEmpty())
        body += QStringLiteral("<p class=\"notice\">%1</p>").arg(esc(notice));
    body += QStringLiteral("<form method=\"post\" action=\"/bank-sandbox/pay\"><input type=\"hidden\" name=\"bill\" value=\"%1\">"
                           "<label for=\"account\">付款账号（16–19 位数字，沙箱中任意填写）：</label>"
                           "<input type=\"text\" id=\"account\" name=\"account\" value=\"%2\" maxlength=\"30\" inputmode=\"numeric\""
                           " autocomplete=\"off\"><button type=\"submit\">确认支付</button></form>"
                           "<p class=\"small\">这是模拟的银行页面：确认后沙箱立即记作支付成功，并像银行一样通知社保经办机构。"
                           "不会产生真实扣款。</p></section>")
                .arg(esc(bill.number), esc(account));
    return page(QStringLiteral("网上支付"), body).toUtf8();
}

QByteArray message(const QString &heading, const QString &text, const QString &typedNumber)
{
    const QString body = QStringLiteral("<section><h1>%1</h1><p class=\"notice\">%2</p></section>").arg(esc(heading), esc(text))
                         + numberForm(typedNumber);
    return page(heading, body).toUtf8();
}

QByteArray paid(const BankBill &bill, const QString &transactionId, const QString &accountMasked)
{
    QString body = QStringLiteral("<section><p class=\"ok\">支付成功（沙箱）</p>%1<dl>%2%3</dl>"
                                  "<p>模拟银行正在通知社保经办机构；缴费单将显示“已缴费”，客户端会自动更新，无须重新打开。"
                                  "可以关闭本页。</p></section>")
                       .arg(billRows(bill, {}), row(QStringLiteral("银行流水号"), transactionId),
                            row(QStringLiteral("付款账号"), accountMasked));
    return page(QStringLiteral("支付成功"), body).toUtf8();
}

} // namespace shebao::server::SandboxBankPage
