#pragma once

// Issued 参保证明 records of the three kinds, as the server answers them (content, canonical
// bytes, url), for the printing tests.
#include <QDateTime>

#include "models/certificate/Certificate.h"
#include "models/certificate/CertificateJson.h"

namespace shebao::samples {

inline CertificateContent commonContent(CertificateKind kind)
{
    CertificateContent c;
    c.number = QStringLiteral("ZM20261204000017");
    c.code = QStringLiteral("7KQM3XRT9WCDHJ4P");
    c.kind = kind;
    c.purpose = QStringLiteral("投标（长沙市政府采购项目）");
    c.issuedAt = QDateTime(QDate(2026, 12, 4), QTime(3, 15, 0), Qt::UTC);
    c.validUntil = c.issuedAt.addDays(90);
    c.asOfMonth = QStringLiteral("2026-12");
    c.unitNo = QStringLiteral("43010000001");
    c.unitName = QStringLiteral("长沙湘江示范科技有限公司");
    c.creditCode = QStringLiteral("91430100MA4L0XXX1A");
    c.agency = QStringLiteral("长沙市社会保险经办机构");
    c.periodFrom = QStringLiteral("2015-03");
    c.periodTo = QStringLiteral("2026-12");
    return c;
}

inline IssuedCertificate issued(CertificateContent c)
{
    IssuedCertificate i;
    i.url = QStringLiteral("https://127.0.0.1:8443/verify?code=%1").arg(c.code);
    i.canonical = json::canonical(c);
    i.signature = QByteArray(70, '\x30');
    i.algorithm = QStringLiteral("ECDSA-SHA256");
    i.content = std::move(c);
    return i;
}

inline IssuedCertificate unitCertificate()
{
    CertificateContent c = commonContent(CertificateKind::Unit);
    const struct
    {
        const char *code, *name;
        int insured, paying;
        const char *first;
    } rows[] = {{"110", "企业职工基本养老保险", 312, 298, "2015-03"},
                {"210", "失业保险", 312, 298, "2015-03"},
                {"310", "职工基本医疗保险", 305, 291, "2016-01"},
                {"410", "工伤保险", 312, 298, "2015-03"},
                {"510", "生育保险", 305, 291, "2016-01"}};
    for (const auto &r : rows)
        c.insurances.append(InsuranceSummary{QString::fromLatin1(r.code), QString::fromUtf8(r.name), r.insured, r.paying,
                                             QString::fromLatin1(r.first), QStringLiteral("2026-12"), false});
    c.insuredTotal = 312;
    c.payingTotal = 298;
    return issued(c);
}

inline IssuedCertificate rosterCertificate(int people)
{
    CertificateContent c = commonContent(CertificateKind::Roster);
    static const QStringList family{QStringLiteral("王"), QStringLiteral("李"), QStringLiteral("张"),
                                    QStringLiteral("刘"), QStringLiteral("陈"), QStringLiteral("欧阳")};
    static const QStringList given{QStringLiteral("小明"), QStringLiteral("建国"), QStringLiteral("芳"),
                                   QStringLiteral("秀英"), QStringLiteral("志强")};
    for (int i = 0; i < people; ++i) {
        RosterRow r;
        r.index = i + 1;
        r.personNo = QStringLiteral("P%1").arg(43010000 + i, 10, 10, QLatin1Char('0'));
        r.name = family.at(i % family.size()) + given.at(i % given.size());
        r.idNumberMasked = QStringLiteral("430102********%1").arg(i % 10000, 4, 10, QLatin1Char('0'));
        r.insurances = i % 3 == 0 ? QStringList{QStringLiteral("110"), QStringLiteral("210"), QStringLiteral("310"),
                                                QStringLiteral("410"), QStringLiteral("510")}
                                  : QStringList{QStringLiteral("110"), QStringLiteral("210"), QStringLiteral("410")};
        r.startMonth = QStringLiteral("20%1-%2").arg(15 + i % 10).arg(1 + i % 12, 2, 10, QLatin1Char('0'));
        c.roster.append(r);
    }
    c.insuredTotal = people + 7;
    c.payingTotal = people;
    return issued(c);
}

inline IssuedCertificate personCertificate()
{
    CertificateContent c = commonContent(CertificateKind::Person);
    c.personNo = QStringLiteral("P0043010007");
    c.personName = QStringLiteral("欧阳秀英");
    c.personIdNumberMasked = QStringLiteral("430102********3527");
    c.periodFrom = QStringLiteral("2018-07");
    c.periods = {
        PersonPeriod{QStringLiteral("110"), QStringLiteral("企业职工基本养老保险"), QStringLiteral("2018-07"),
                     QStringLiteral("2020-02"), QStringLiteral("terminated"), 20, *Money::parseYuan(u"4500.00")},
        PersonPeriod{QStringLiteral("110"), QStringLiteral("企业职工基本养老保险"), QStringLiteral("2021-05"), QString(),
                     QStringLiteral("active"), 68, *Money::parseYuan(u"6800.00")},
        PersonPeriod{QStringLiteral("210"), QStringLiteral("失业保险"), QStringLiteral("2021-05"), QString(),
                     QStringLiteral("active"), 68, *Money::parseYuan(u"6800.00")},
        PersonPeriod{QStringLiteral("410"), QStringLiteral("工伤保险"), QStringLiteral("2021-05"), QString(),
                     QStringLiteral("active"), 68, *Money::parseYuan(u"6800.00")}};
    return issued(c);
}

} // namespace shebao::samples
