#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

#include "models/core/Result.h"
#include "models/domain/Unit.h"

namespace shebao {

// 授权申请 (issue 3): (none) -> saved -> confirmed -> uploaded (待柜台开通) -> activated | rejected;
// from rejected the unit may save again.
enum class AuthorizationState { None, Saved, Confirmed, Uploaded, Activated, Rejected };

QString authorizationStateCode(AuthorizationState state); // "saved", ...; "none"
bool parseAuthorizationState(const QString &code, AuthorizationState *state);

// 经办人 of the application.
struct Applicant
{
    QString name;
    QString idNumber;
    QString mobile;
    QString email;

    QJsonObject toJson() const;
    bool operator==(const Applicant &) const = default;
};

// The uploaded stamped 承诺书 as the server recorded it.
struct AuthorizationScan
{
    QString fileName;
    QString kind; // "JPEG" | "PNG" | "PDF"
    qint64 size = 0;
    QString sha256;

    bool operator==(const AuthorizationScan &) const = default;
};

// GET /api/v1/authorization (and the staff views of it, which add unit_no).
struct AuthorizationApplication
{
    qint64 id = 0;
    QString applicationNo; // "SQ" + yyyyMMdd + 4 digits
    AuthorizationState state = AuthorizationState::None;
    Applicant applicant;
    Unit unit;
    QString unitNo;        // staff views; otherwise unit.unitNo
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime confirmedAt; // invalid when null
    QDateTime uploadedAt;
    QDateTime decidedAt;
    QString rejectReason;
    std::optional<AuthorizationScan> scan;
    QString counterAddress;

    // Errors: json.parse naming the member that is missing or malformed.
    static Result<AuthorizationApplication> fromJson(const QJsonObject &object);
};

} // namespace shebao
