#pragma once

#include <QDir>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QUrlQuery>

#include <algorithm>

#include "DeskClient.h"
#include "app/ApiClient.h"
#include "app/BillService.h"
#include "models/policy/YearMonth.h"

// What the 网上缴费 client tests need from a demo server (docs/bills.md): people of a unit with
// gaps older than three months, found through the API as a clerk would; the sandbox bank's
// payment page driven over HTTPS as a browser would post its form; the slip's text and QR code.
namespace shebao::test::bills {

// The demo people of the logged-in unit, every page.
inline QList<Person> allPersons(ApiClient &api, QObject *context)
{
    QList<Person> people;
    qint64 after = 0;
    for (;;) {
        auto page = waitFor<PersonsPage>([&](auto done) { api.fetchPersonsPage(after, 500, context, done); });
        if (!page)
            return people;
        people += page.value().items;
        if (!page.value().hasMore)
            return people;
        after = page.value().nextAfter;
    }
}

// Up to `count` ID numbers of people of the unit whose 养老 periods with it leave a hole of months
// that are old enough to pay back (the server confirms each: eligible months > 0), most months
// first (several tests each take one).
inline QStringList peopleWithGaps(ApiClient &api, BillService &service, QObject *context, int count)
{
    QList<std::pair<int, QString>> candidates;
    for (const Person &p : allPersons(api, context)) {
        QList<Enrolment> pension;
        for (const Enrolment &e : p.enrolments) {
            if (e.insurance == u"110")
                pension.append(e);
        }
        std::sort(pension.begin(), pension.end(),
                  [](const Enrolment &a, const Enrolment &b) { return a.startMonth < b.startMonth; });
        for (qsizetype i = 0; i + 1 < pension.size(); ++i) {
            const auto end = YearMonth::parse(pension[i].endMonth);
            const auto next = YearMonth::parse(pension[i + 1].startMonth);
            if (end && next && end->monthsTo(*next) > 1)
                candidates.append({end->monthsTo(*next) - 1, p.idNumber});
        }
    }
    std::sort(candidates.begin(), candidates.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    QStringList found;
    for (const auto &[months, id] : candidates) {
        auto gaps = waitFor<ArrearsGaps>([&](auto done) { service.gaps(id, std::nullopt, context, done); });
        if (gaps && !gaps.value().units.isEmpty() && gaps.value().units.first().eligibleMonths() > 0
            && gaps.value().units.first().billed.isEmpty())
            found.append(id);
        if (found.size() == count)
            break;
    }
    return found;
}

inline BillRequest requestFor(const QString &idNumber, qint64 wageFen = 600000)
{
    BillRequest r;
    r.idNumber = idNumber;
    r.wage = Money::fromFen(wageFen);
    return r;
}

// The sandbox bank's payment page, as the clerk's browser uses it: GET shows the form, POST with
// a 16–19 digit account pays (the sandbox then calls the server's bank API by itself). Returns
// the HTTP status and the page.
inline std::pair<int, QString> sandboxPage(const QUrl &url, const QString &caFile, const QByteArray &form = {})
{
    QNetworkAccessManager manager;
    QNetworkRequest request(url);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.addCaCertificates(caFile);
    request.setSslConfiguration(tls);
    QNetworkReply *reply = nullptr;
    if (form.isEmpty()) {
        reply = manager.get(request);
    } else {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        reply = manager.post(request, form);
    }
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    loop.exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString body = QString::fromUtf8(reply->readAll());
    reply->deleteLater();
    return {status, body};
}

// Pays `bill` through the sandbox page (its payment_url) with a test account.
inline std::pair<int, QString> payInSandbox(const Bill &bill, const QString &caFile)
{
    const QUrl page(bill.paymentUrl);
    QUrlQuery form{{QStringLiteral("bill"), bill.number}, {QStringLiteral("account"), QStringLiteral("6217000000000000001")}};
    QUrl post = page;
    post.setQuery(QString());
    return sandboxPage(post, caFile, form.toString(QUrl::FullyEncoded).toUtf8());
}

inline QString runTool(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(60000))
        return QStringLiteral("<%1 did not finish>").arg(program);
    return QString::fromUtf8(p.readAllStandardOutput());
}

// `pdftotext -layout` of the whole PDF.
inline QString pdfText(const QString &pdf)
{
    return runTool(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
}

// Every QR code zbarimg reads on the PDF's pages at 150 dpi.
inline QStringList qrCodes(const QString &pdf)
{
    QTemporaryDir dir;
    runTool(QStringLiteral("pdftoppm"), {QStringLiteral("-r"), QStringLiteral("150"), QStringLiteral("-png"), pdf,
                                         dir.filePath(QStringLiteral("p"))});
    QStringList codes;
    for (const QString &png : QDir(dir.path()).entryList({QStringLiteral("p-*.png")}, QDir::Files, QDir::Name)) {
        const QString out = runTool(QStringLiteral("zbarimg"), {QStringLiteral("--raw"), QStringLiteral("-q"), dir.filePath(png)});
        for (const QString &line : out.split(u'\n', Qt::SkipEmptyParts))
            codes << line.trimmed();
    }
    return codes;
}

} // namespace shebao::test::bills
