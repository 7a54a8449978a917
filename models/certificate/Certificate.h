#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include "models/money/Money.h"

// 参保证明 (issue 7, docs/certificates.md): what the agency certifies, as issued and signed by the
// server. Every member of CertificateContent is in the signed canonical bytes
// (CertificateJson::canonical); the desktop, the CLI and the public page show exactly these values
// and never recompute them.
namespace shebao {

enum class CertificateKind { Unit, Roster, Person };

QString certificateKindCode(CertificateKind kind); // "unit" | "roster" | "person"
bool parseCertificateKind(const QString &code, CertificateKind *kind);
// The printed titles: 单位参保证明, 参保人员名单, 个人参保缴费证明.
QString certificateKindName(CertificateKind kind);

// Not stored: derived at the time of the question from revoked_at and valid_until.
enum class CertificateState { Valid, Expired, Revoked };

QString certificateStateCode(CertificateState state); // "valid" | "expired" | "revoked"
bool parseCertificateState(const QString &code, CertificateState *state);
QString certificateStateName(CertificateState state); // 有效, 已过期, 已撤销

// The verification code: 16 characters of an alphabet without 0/O, 1/I (no look-alikes), 80
// random bits; printed in groups of four ("7KQM-3XRT-9WCD-HJ4P"), stored and sent without dashes.
namespace CertificateCode {
inline constexpr int Length = 16;
inline constexpr char Alphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"; // 32 characters, 5 bits each
// What the holder typed, folded: full-width to ASCII, upper case, spaces and dashes dropped.
// Returns an empty string unless the result is Length characters of the alphabet.
QString normalize(QStringView typed);
bool isWellFormed(QStringView code);            // already normalized
QString grouped(QStringView code);              // "XXXX-XXXX-XXXX-XXXX"
} // namespace CertificateCode

// One 险种 of a 单位参保证明, as of the issue month.
struct InsuranceSummary
{
    QString insurance;      // AAE140 code: "110", "210", "310", "410", "510"
    QString insuranceName;  // 企业职工基本养老保险 … (dictionary name)
    int insuredCount = 0;   // 参保人数: persons registered with this unit for it (active or suspended)
    int payingCount = 0;    // 缴费人数: of them, paying in the issue month (active)
    QString firstMonth;     // 首次参保年月 "YYYY-MM": the unit's earliest enrolment for it
    QString paidToMonth;    // 缴至年月 "YYYY-MM"
    bool arrears = false;   // 欠费: 是/否

    bool operator==(const InsuranceSummary &) const = default;
};

// One row of a 参保人员名单 (persons paying with the unit in the issue month).
struct RosterRow
{
    int index = 0;             // 序号, from 1
    QString personNo;          // 个人编号
    QString name;              // 姓名
    QString idNumberMasked;    // 公民身份号码, IdNumber::mask ("430102********123X")
    QStringList insurances;    // AAE140 codes, ascending
    QString startMonth;        // 参保年月: earliest start of the current enrolments

    bool operator==(const RosterRow &) const = default;
};

// One enrolment period of a 个人参保缴费证明 (only this unit's periods: a unit never sees the
// person's registrations with other units).
struct PersonPeriod
{
    QString insurance;      // AAE140 code
    QString insuranceName;
    QString startMonth;     // "YYYY-MM"
    QString endMonth;       // "YYYY-MM"; empty while the period is open
    QString status;         // "active" | "suspended" | "terminated"
    int months = 0;         // 缴费月数: start..end (or the issue month) inclusive
    Money base;             // 缴费基数

    bool operator==(const PersonPeriod &) const = default;
};

// Everything the agency certifies; the signed part of a certificate.
struct CertificateContent
{
    QString number;        // 证明编号 "ZM" + yyyyMMdd + 6 digits
    QString code;          // verification code, normalized (CertificateCode)
    CertificateKind kind = CertificateKind::Unit;
    QString purpose;       // 打印用途, required, 1..60 characters
    QDateTime issuedAt;    // UTC, whole seconds
    QDateTime validUntil;  // issuedAt + 90 days
    QString asOfMonth;     // the issue month (Beijing time), "YYYY-MM"; counts are as of it

    QString unitNo;        // 单位编号
    QString unitName;      // 单位名称
    QString creditCode;    // 统一社会信用代码
    QString agency;        // 经办机构
    QString periodFrom;    // 证明期间: the unit's first enrolment month (person: the person's first
    QString periodTo;      //           with this unit) to asOfMonth

    // kind unit
    QList<InsuranceSummary> insurances;
    int insuredTotal = 0;  // unit and roster: distinct persons registered (active or suspended)
    int payingTotal = 0;   // unit and roster: distinct persons paying (= roster.size())

    // kind roster
    QList<RosterRow> roster;

    // kind person
    QString personNo;
    QString personName;
    QString personIdNumberMasked;
    QList<PersonPeriod> periods;

    bool operator==(const CertificateContent &) const = default;
};

// The issued certificate: the content, its signature and its state (GET /certificates/{number},
// the verification answer).
struct IssuedCertificate
{
    CertificateContent content;
    CertificateState state = CertificateState::Valid;
    QString url;            // the verification page's address, the QR code's text
    QByteArray canonical;   // the exact signed bytes (UTF-8); empty in history lists
    QByteArray signature;   // DER ECDSA signature over canonical; empty in history lists
    QString algorithm;      // "ECDSA-SHA256" (crypto::algorithmName)
    QString keyId;          // SHA-256 hex of the agency key's SubjectPublicKeyInfo DER
    QDateTime revokedAt;
    QString revokedBy;      // staff user name; empty in the unit's and the public answers
    QString revokeReason;

    bool operator==(const IssuedCertificate &) const = default;
};

// The body of POST /api/v1/certificates.
struct CertificateRequest
{
    CertificateKind kind = CertificateKind::Unit;
    QString personNo;       // kind person: 个人编号 (or the 公民身份号码) of a person of the unit
    QString purpose;
};

// GET /api/v1/verify/{code}: the answer anybody can check offline with publicKeyPem.
struct VerificationAnswer
{
    CertificateState state = CertificateState::Valid;
    QDateTime checkedAt;
    IssuedCertificate certificate;
    QByteArray publicKeyPem;

    bool operator==(const VerificationAnswer &) const = default;
};

} // namespace shebao
