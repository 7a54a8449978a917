#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QUrl>
#include <QVariant>

#include "ServerFixture.h"
#include "models/change/ChangeFields.h"
#include "models/validation/CreditCode.h"
#include "models/validation/IdNumber.h"
#include "server/Database.h"

// Requests, files and demo people for the 信息维护 server tests (docs/changes.md).
namespace shebao::test::chg {

inline const QString Changes = QStringLiteral("/api/v1/changes");
inline const QString Attachments = QStringLiteral("/api/v1/changes/attachments");
inline const QString StaffChanges = QStringLiteral("/api/v1/staff/changes");

inline QJsonObject unitChange(const QJsonObject &changes, const QList<qint64> &attachments = {}, bool override = false)
{
    QJsonArray ids;
    for (qint64 id : attachments)
        ids.append(id);
    QJsonObject o{{QStringLiteral("target"), QStringLiteral("unit")},
                  {QStringLiteral("changes"), changes},
                  {QStringLiteral("attachments"), ids}};
    if (override)
        o.insert(QStringLiteral("credit_code_override"), true);
    return o;
}

inline QJsonObject personChange(const QString &personNo, const QJsonObject &changes, const QList<qint64> &attachments = {})
{
    QJsonObject o = unitChange(changes, attachments);
    o.insert(QStringLiteral("target"), QStringLiteral("person"));
    o.insert(QStringLiteral("person_no"), personNo);
    return o;
}

// A complete PDF (the header, one empty page, %%EOF), distinct per `tag`.
inline QByteArray pdf(const QByteArray &tag = "1")
{
    return "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
           "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% " + tag + "\ntrailer << /Root 1 0 R >>\n%%EOF\n";
}

// What a renamed Windows/Linux program looks like: an ELF header and nothing an image has.
inline QByteArray elf()
{
    QByteArray b("\x7f" "ELF\x02\x01\x01", 7);
    b.append(QByteArray(4096, '\0'));
    return b;
}

// Uploads a proof; returns the HTTP result (201 with the attachment).
inline HttpResult upload(HttpsClient &client, const QString &kind, const QByteArray &bytes, const QString &fileName)
{
    QList<QPair<QByteArray, QByteArray>> headers{{"Content-Type", "application/octet-stream"},
                                                 {"X-File-Name", QUrl::toPercentEncoding(fileName)}};
    if (!kind.isEmpty())
        headers.append({"X-Attachment-Kind", kind.toLatin1()});
    return client.send("POST", Attachments, bytes, headers);
}

inline qint64 uploadId(HttpsClient &client, const QString &kind, const QByteArray &bytes = pdf(),
                       const QString &fileName = QStringLiteral("证明.pdf"))
{
    const HttpResult r = upload(client, kind, bytes, fileName);
    return r.status == 201 ? r.json().value(QLatin1String("id")).toInteger() : -1;
}

inline QJsonArray requestsOf(const HttpResult &r)
{
    return r.json().value(QLatin1String("requests")).toArray();
}

inline QString code(const HttpResult &r)
{
    return r.json().value(QLatin1String("code")).toString();
}

inline QString firstField(const HttpResult &r)
{
    return r.json().value(QLatin1String("errors")).toArray().at(0).toObject().value(QLatin1String("field")).toString();
}

// A credit code of region 430102 with the organisation code `org8` + its check, and the overall
// GB 32100 check character: valid unless told otherwise.
inline QString creditCode(const QString &org8, bool breakOrgCheck = false, bool breakCheck = false)
{
    QChar orgCheck = CreditCode::organizationCheckCharacter(org8);
    if (breakOrgCheck)
        orgCheck = orgCheck == u'1' ? u'2' : u'1';
    const QString first17 = QStringLiteral("91430102") + org8 + orgCheck;
    QChar check = CreditCode::checkCharacter(first17);
    if (breakCheck)
        check = check == u'1' ? u'2' : u'1';
    return first17 + check;
}

inline QString withCheck(const QString &first17)
{
    return first17 + IdNumber::checkCharacter(first17);
}

struct StaffMember
{
    QString personNo;
    QString name;
    QString idNumber;
    QString gender;
    QString birthDate;
    bool isValid() const { return !personNo.isEmpty(); }
};

// The offset-th person of `where` (SQL over persons p, one ? for the unit number).
inline StaffMember staffMember(ServerFixture &fixture, const QString &where, const QString &unitNo, int offset)
{
    const QString row = fixture
                            .scalar(QStringLiteral("SELECT p.person_no || '|' || p.name || '|' || p.id_number || '|' || p.gender"
                                                   " || '|' || p.birth_date FROM persons p WHERE ")
                                        + where + QStringLiteral(" ORDER BY p.id LIMIT 1 OFFSET %1").arg(offset),
                                    {unitNo})
                            .toString();
    const QStringList parts = row.split(u'|');
    if (parts.size() != 5)
        return {};
    return StaffMember{parts.at(0), parts.at(1), parts.at(2), parts.at(3), parts.at(4)};
}

inline const QString ActiveHere = QStringLiteral(
    "length(p.id_number) = 18 AND EXISTS (SELECT 1 FROM enrolments e JOIN units u ON u.id = e.unit_id"
    " WHERE e.person_id = p.id AND u.unit_no = ? AND e.status = 'active' AND e.end_month IS NULL)");
// Suspended in the unit and active nowhere: one of its staff whom 异动 may 续保.
inline const QString SuspendedHere = QStringLiteral(
    "length(p.id_number) = 18 AND EXISTS (SELECT 1 FROM enrolments e JOIN units u ON u.id = e.unit_id"
    " WHERE e.person_id = p.id AND u.unit_no = ? AND e.status = 'suspended')"
    " AND NOT EXISTS (SELECT 1 FROM enrolments a WHERE a.person_id = p.id AND a.status = 'active' AND a.end_month IS NULL)");

} // namespace shebao::test::chg
