#include "server/CertificateService.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QUrlQuery>
#include <QVariant>

#include "models/certificate/CertificateJson.h"
#include "server/CertificateFacts.h"
#include "server/CertificateSigningKey.h"
#include "server/Clock.h"
#include "server/Database.h"
#include "server/NumberSequence.h"

namespace shebao::server {

namespace {

constexpr int BeijingOffset = 8 * 3600;

QDateTime beijing(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, Qt::OffsetFromUTC, BeijingOffset);
}

QDateTime utc(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC);
}

QVariant nullable(qint64 id)
{
    return id ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}

const QString RecordColumns = QStringLiteral(
    "number, code, kind, purpose, issued_at, valid_until, person_no, person_name, key_id, revoked_at, revoked_by,"
    " revoke_reason, content, signature");

bool hasControl(const QString &text)
{
    for (QChar c : text) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return true;
    }
    return false;
}

} // namespace

CertificateService::CertificateService(Database &db, const Clock &clock, const CertificateSigningKey &key)
    : m_db(db), m_clock(clock), m_key(key)
{
}

QString CertificateService::verificationUrl(const QString &code) const
{
    return m_publicBase + QStringLiteral("/verify?code=") + code;
}

Error CertificateService::unknown()
{
    return Error{QStringLiteral("certificate.unknown"),
                 QStringLiteral("未找到该验证码对应的参保证明，请核对验证码（16 位字母和数字）后重新输入。"), {}, {}};
}

Result<QString> CertificateService::checkPurpose(const QString &purpose)
{
    const QString p = purpose.trimmed();
    if (p.isEmpty())
        return Error{QStringLiteral("certificate.purpose"),
                     QStringLiteral("请填写打印用途（例如：投标、办理资质），经办机构要求每份参保证明注明用途。"), {},
                     QStringLiteral("purpose")};
    if (p.size() > MaxPurposeLength)
        return Error{QStringLiteral("certificate.purpose"),
                     QStringLiteral("打印用途最多 %1 个字，当前 %2 个字。").arg(MaxPurposeLength).arg(p.size()), {},
                     QStringLiteral("purpose")};
    if (hasControl(p))
        return Error{QStringLiteral("certificate.purpose"), QStringLiteral("打印用途不能包含换行、制表符等控制字符。"), {},
                     QStringLiteral("purpose")};
    return p;
}

Result<QString> CertificateService::nextNumber()
{
    const QString day = QStringLiteral("ZM") + beijing(m_clock.now()).toString(QStringLiteral("yyyyMMdd"));
    auto sequence = NumberSequence::next(m_db, day);
    if (!sequence)
        return sequence.error();
    return day + QStringLiteral("%1").arg(sequence.value(), 6, 10, QLatin1Char('0'));
}

Result<QString> CertificateService::newCode()
{
    // 80 bits from the operating system's CSPRNG; a collision (2^-80 per pair) is retried
    // rather than left to the unique index, which would abort a PostgreSQL transaction.
    for (int attempt = 0; attempt < 5; ++attempt) {
        QString code;
        for (int i = 0; i < CertificateCode::Length; ++i)
            code.append(QLatin1Char(CertificateCode::Alphabet[QRandomGenerator::system()->bounded(32)]));
        auto q = m_db.exec(QStringLiteral("SELECT 1 FROM enrolment_certificates WHERE code = ?"), {code});
        if (!q)
            return q.error();
        if (!q.value().next())
            return code;
    }
    return Error{QStringLiteral("internal"), QStringLiteral("服务器内部错误，请稍后重试。"), QStringLiteral("code collisions"), {}};
}

Result<IssuedCertificate> CertificateService::issue(qint64 unitId, const CertificateRequest &request, const QString &actor)
{
    auto purpose = checkPurpose(request.purpose);
    if (!purpose)
        return purpose.error();
    const qint64 now = m_clock.now();
    const QString asOf = beijing(now).toString(QStringLiteral("yyyy-MM"));
    CertificateFacts facts(m_db);
    Result<CertificateContent> content = Error{};
    switch (request.kind) {
    case CertificateKind::Unit: content = facts.unitCertificate(unitId, asOf); break;
    case CertificateKind::Roster: content = facts.roster(unitId, asOf); break;
    case CertificateKind::Person: content = facts.person(unitId, request.personNo, asOf); break;
    }
    if (!content)
        return content.error();
    qint64 personId = 0;
    if (request.kind == CertificateKind::Person) {
        auto id = m_db.exec(QStringLiteral("SELECT id FROM persons WHERE person_no = ?"), {content.value().personNo});
        if (!id)
            return id.error();
        if (id.value().next())
            personId = id.value().value(0).toLongLong();
    }
    auto number = nextNumber();
    if (!number)
        return number.error();
    auto code = newCode();
    if (!code)
        return code.error();

    IssuedCertificate record;
    CertificateContent &c = record.content;
    c = std::move(content).value();
    c.number = number.value();
    c.code = code.value();
    c.purpose = purpose.value();
    c.issuedAt = utc(now);
    c.validUntil = utc(now + ValidSeconds);
    record.canonical = json::canonical(c);
    auto signature = m_key.sign(record.canonical);
    if (!signature)
        return signature.error();
    record.signature = signature.value();
    record.algorithm = m_key.algorithm();
    record.keyId = m_key.keyId();
    record.url = verificationUrl(c.code);
    record.state = CertificateState::Valid;

    auto inserted = m_db.exec(
        QStringLiteral("INSERT INTO enrolment_certificates (number, code, kind, unit_id, person_id, person_no, person_name,"
                       " purpose, issued_at, valid_until, content, signature, key_id, issued_by)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {c.number, c.code, certificateKindCode(c.kind), unitId, nullable(personId), sqlText(c.personNo),
         sqlText(c.personName), c.purpose, now, now + ValidSeconds, QString::fromUtf8(record.canonical),
         QString::fromLatin1(record.signature.toBase64()), record.keyId, actor});
    if (!inserted)
        return inserted.error();
    return record;
}

CertificateState CertificateService::stateAt(qint64 validUntil, bool revoked) const
{
    if (revoked)
        return CertificateState::Revoked;
    return m_clock.now() >= validUntil ? CertificateState::Expired : CertificateState::Valid;
}

Result<IssuedCertificate> CertificateService::load(const QString &where, const QVariantList &values, const Error &notFound)
{
    auto q = m_db.exec(QStringLiteral("SELECT %1 FROM enrolment_certificates WHERE %2").arg(RecordColumns, where), values);
    if (!q)
        return q.error();
    QSqlQuery &row = q.value();
    if (!row.next())
        return notFound;
    IssuedCertificate record;
    record.canonical = row.value(12).toString().toUtf8();
    auto content = json::decodeCanonical(record.canonical);
    if (!content)
        return Error{QStringLiteral("internal"), QStringLiteral("服务器内部错误，请稍后重试。"),
                     QStringLiteral("stored certificate %1: %2").arg(row.value(0).toString(), content.error().detail), {}};
    record.content = std::move(content).value();
    record.signature = QByteArray::fromBase64(row.value(13).toString().toLatin1());
    record.algorithm = m_key.algorithm();
    record.keyId = row.value(8).toString();
    const bool revoked = !row.value(9).isNull();
    if (revoked)
        record.revokedAt = utc(row.value(9).toLongLong());
    record.revokedBy = row.value(10).toString();
    record.revokeReason = row.value(11).toString();
    record.state = stateAt(row.value(5).toLongLong(), revoked);
    record.url = verificationUrl(record.content.code);
    return record;
}

Result<IssuedCertificate> CertificateService::find(const QString &number, qint64 unitId)
{
    const Error notFound{QStringLiteral("certificate.unknown"), QStringLiteral("没有编号为 %1 的参保证明。").arg(number), {}, {}};
    if (unitId)
        return load(QStringLiteral("number = ? AND unit_id = ?"), {number, unitId}, notFound);
    return load(QStringLiteral("number = ?"), {number}, notFound);
}

Result<IssuedCertificate> CertificateService::findByCode(const QString &code)
{
    if (!CertificateCode::isWellFormed(code))
        return unknown();
    return load(QStringLiteral("code = ?"), {code}, unknown());
}

Result<QList<IssuedCertificate>> CertificateService::list(qint64 unitId, const QString &unitNo)
{
    QString sql = QStringLiteral("SELECT c.number, c.code, c.kind, c.purpose, c.issued_at, c.valid_until, c.person_no,"
                                 " c.person_name, c.key_id, c.revoked_at, c.revoked_by, c.revoke_reason, u.unit_no, u.name"
                                 " FROM enrolment_certificates c JOIN units u ON u.id = c.unit_id");
    QVariantList values;
    if (unitId) {
        sql += QStringLiteral(" WHERE c.unit_id = ?");
        values << unitId;
    } else if (!unitNo.isEmpty()) {
        sql += QStringLiteral(" WHERE u.unit_no = ?");
        values << unitNo;
    }
    sql += QStringLiteral(" ORDER BY c.id DESC");
    auto q = m_db.exec(sql, values);
    if (!q)
        return q.error();
    QList<IssuedCertificate> list;
    while (q.value().next()) {
        const QSqlQuery &row = q.value();
        IssuedCertificate r;
        CertificateContent &c = r.content;
        c.number = row.value(0).toString();
        c.code = row.value(1).toString();
        parseCertificateKind(row.value(2).toString(), &c.kind);
        c.purpose = row.value(3).toString();
        c.issuedAt = utc(row.value(4).toLongLong());
        c.validUntil = utc(row.value(5).toLongLong());
        c.personNo = row.value(6).toString();
        c.personName = row.value(7).toString();
        r.algorithm = m_key.algorithm();
        r.keyId = row.value(8).toString();
        const bool revoked = !row.value(9).isNull();
        if (revoked)
            r.revokedAt = utc(row.value(9).toLongLong());
        r.revokedBy = row.value(10).toString();
        r.revokeReason = row.value(11).toString();
        c.unitNo = row.value(12).toString();
        c.unitName = row.value(13).toString();
        r.state = stateAt(c.validUntil.toSecsSinceEpoch(), revoked);
        r.url = verificationUrl(c.code);
        list.append(r);
    }
    return list;
}

Result<IssuedCertificate> CertificateService::revoke(const QString &number, const QString &reason, const QString &actor)
{
    const QString why = reason.trimmed();
    if (why.isEmpty())
        return Error{QStringLiteral("request.invalid"), QStringLiteral("请填写撤销原因。"), {}, QStringLiteral("reason")};
    if (why.size() > MaxReasonLength)
        return Error{QStringLiteral("request.invalid"), QStringLiteral("撤销原因最多 %1 个字。").arg(MaxReasonLength), {},
                     QStringLiteral("reason")};
    auto current = find(number, 0);
    if (!current)
        return current;
    if (current.value().state == CertificateState::Revoked)
        return Error{QStringLiteral("certificate.revoked"),
                     QStringLiteral("参保证明 %1 已于 %2 撤销。").arg(number, Clock::iso(current.value().revokedAt.toSecsSinceEpoch())),
                     {}, {}};
    // The state is checked again by the UPDATE itself: of two concurrent revocations one wins.
    auto updated = m_db.exec(QStringLiteral("UPDATE enrolment_certificates SET revoked_at = ?, revoked_by = ?, revoke_reason = ?"
                                            " WHERE number = ? AND revoked_at IS NULL"),
                             {m_clock.now(), actor, why, number});
    if (!updated)
        return updated.error();
    if (updated.value().numRowsAffected() != 1)
        return Error{QStringLiteral("certificate.revoked"), QStringLiteral("参保证明 %1 已被撤销。").arg(number), {}, {}};
    return find(number, 0);
}

Result<void> CertificateService::linkRequestSignature(const QString &number, qint64 signatureId)
{
    if (signatureId == 0)
        return {};
    auto r = m_db.exec(QStringLiteral("UPDATE enrolment_certificates SET request_signature_id = ? WHERE number = ?"),
                       {signatureId, number});
    if (!r)
        return r.error();
    return {};
}

bool CertificateService::signatureHolds(const IssuedCertificate &certificate) const
{
    return certificate.keyId == m_key.keyId() && m_key.verify(certificate.canonical, certificate.signature);
}

} // namespace shebao::server
