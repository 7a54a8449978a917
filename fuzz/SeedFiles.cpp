#include "fuzz/SeedFiles.h"

#include "fuzz/FuzzCheck.h"
#include "models/policy/YearMonth.h"
#include "models/validation/CreditCode.h"
#include "models/validation/IdNumber.h"

// The server tests' request builders (tests/server).
#include "ChangeTestData.h"
#include "DeclarationTestData.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>

namespace shebao::fuzz {

void SeedWriter::write(const QString &target, const QString &name, const QByteArray &bytes)
{
    const QString dir = m_dir + u'/' + target;
    if (!QDir().mkpath(dir)) {
        m_problem = QStringLiteral("cannot create ") + dir;
        return;
    }
    QFile file(dir + u'/' + name);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
        m_problem = QStringLiteral("cannot write ") + file.fileName();
        return;
    }
    ++m_count;
}

QString SeedWriter::scratch(const QString &name) const
{
    QDir().mkpath(m_dir + QStringLiteral("/.scratch"));
    return m_dir + QStringLiteral("/.scratch/") + name;
}

namespace {

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString withCheck(const QString &first17)
{
    return first17 + IdNumber::checkCharacter(first17);
}

QString creditCode(const QString &prefix8, const QString &org8)
{
    const QString org = org8 + CreditCode::organizationCheckCharacter(org8);
    const QString first17 = prefix8 + org;
    return first17 + CreditCode::checkCharacter(first17);
}

} // namespace

void writeValidatorSeeds(SeedWriter &out)
{
    // tst_idnumber's rows: valid 18- and 15-digit numbers, X, full width, blanks, bad dates.
    const QStringList ids{withCheck(QStringLiteral("43010219900307123")), QStringLiteral("34052419800101001x"),
                          QStringLiteral("４３０１０２１９９００３０７１２３４"), QStringLiteral(" \u3000430102199003071234 "),
                          QStringLiteral("430122200002290022"), QStringLiteral("430102900307123"),
                          QStringLiteral("430102202302290028"), QStringLiteral("4301021990030712X4"),
                          QStringLiteral("430102199003071235")};
    for (qsizetype i = 0; i < ids.size(); ++i)
        out.write(QStringLiteral("idnumber"), QStringLiteral("id%1").arg(i), ids.at(i).toUtf8());
    // tst_creditcode's codes, and ones built with both check characters.
    const QStringList codes{QStringLiteral("91430100MA4L12345A"), QStringLiteral("91110000600037341L"),
                            QStringLiteral("12100000400000624D"), QStringLiteral("91350100M000100Y43"),
                            QStringLiteral("９１４３０１００ＭＡ４Ｌ１２３４５Ａ"), QStringLiteral(" 91430100ma4l12345a "),
                            creditCode(QStringLiteral("91430102"), QStringLiteral("MA4L0ABC")),
                            creditCode(QStringLiteral("52430104"), QStringLiteral("06123456"))};
    for (qsizetype i = 0; i < codes.size(); ++i)
        out.write(QStringLiteral("creditcode"), QStringLiteral("code%1").arg(i), codes.at(i).toUtf8());
}

void writeServerSeeds(SeedWriter &out)
{
    const QString month = YearMonth::ofDate(today()).toString();
    const QString id = withCheck(QStringLiteral("43010319900101123"));
    QJsonObject add = test::decl::addRequest(id);
    add.insert(QStringLiteral("start_month"), month);
    QJsonObject renew = test::decl::addRequest(withCheck(QStringLiteral("43010319850505246")), QStringLiteral("李四"),
                                               QStringLiteral("renew"), QStringLiteral("3000"));
    renew.insert(QStringLiteral("start_month"), month);
    QJsonObject reduce = test::decl::reduceRequest(id, QStringLiteral("张新"));
    reduce.insert(QStringLiteral("stop_month"), month);
    const QJsonObject declare = test::decl::declareRequest({1, 2, 3});
    const QJsonObject unit = test::chg::unitChange(
        {{QStringLiteral("name"), QStringLiteral("长沙市某某科技有限公司")},
         {QStringLiteral("credit_code"), creditCode(QStringLiteral("91430102"), QStringLiteral("MA4L0ABC"))},
         {QStringLiteral("phone"), QStringLiteral("0731-88886666")},
         {QStringLiteral("district"), QStringLiteral("430102")}},
        {1, 2}, true);
    const QJsonObject person = test::chg::personChange(
        QStringLiteral("1000001"),
        {{QStringLiteral("name"), QStringLiteral("欧阳·娜娜")}, {QStringLiteral("id_number"), id},
         {QStringLiteral("gender"), QStringLiteral("1")}, {QStringLiteral("birth_date"), QStringLiteral("1990-01-01")},
         {QStringLiteral("ethnicity"), QStringLiteral("01")}, {QStringLiteral("hukou"), QStringLiteral("1")}});
    const QJsonObject agents{{QStringLiteral("agents"),
                              QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("刘芳")},
                                                     {QStringLiteral("id_number"), id},
                                                     {QStringLiteral("mobile"), QStringLiteral("13812345678")},
                                                     {QStringLiteral("email"), QStringLiteral("liu@example.cn")}}}}};
    // POST /bills and a bank's POST /bank/payments (tst_server_bills, tst_server_bank).
    const QJsonObject bill{{QStringLiteral("id_number"), id}, {QStringLiteral("wage"), QStringLiteral("5000.00")},
                           {QStringLiteral("employed_from"), QStringLiteral("2019-01")},
                           {QStringLiteral("from"), QStringLiteral("2019-01")}, {QStringLiteral("to"), QStringLiteral("2019-06")},
                           {QStringLiteral("settlement"), QStringLiteral("separate")}};
    const QJsonObject bankPayment{{QStringLiteral("bill_number"), QStringLiteral("20240630000000423")},
                                  {QStringLiteral("amount"), QStringLiteral("5244.71")},
                                  {QStringLiteral("transaction_id"), QStringLiteral("CSB-2024-0001_a")},
                                  {QStringLiteral("channel"), QStringLiteral("counter")},
                                  {QStringLiteral("paid_at"), QStringLiteral("2024-07-01T09:30:00Z")}};
    int n = 0;
    for (const QJsonObject &body : {add, renew, reduce, declare, unit, person, agents, bill, bankPayment})
        out.write(QStringLiteral("server_body"), QStringLiteral("body%1").arg(n++), compact(body));

    const QList<QByteArray> queries{"limit=1000&after=0", "limit=10000&after=9223372036854775807", "limit=0",
                                    "state=pending", "state=declared&target=unit", "target=person&state=applied",
                                    "id_number=" + id.toLatin1(), "id_number=%E4%B8%AD%20430102",
                                    "code=7KQM-3XRT-9WCD-HJ4P", "code=%EF%BC%97KQM3XRT9WCDHJ4P",
                                    "unit_no=4301000001&state=effective", "7KQM3XRT9WCDHJ4P",
                                    "id_number=" + id.toLatin1() + "&employed_from=2019-01&wage=5000.00&from=2019-01&to=2019-06",
                                    "state=unpaid&from=2026-01-01&to=2026-12-31&limit=200&cursor=MTIz",
                                    "number=20240630000000423&id_number=" + id.toLatin1()};
    n = 0;
    for (const QByteArray &q : queries)
        out.write(QStringLiteral("server_query"), QStringLiteral("query%1").arg(n++), q);
}

} // namespace shebao::fuzz
