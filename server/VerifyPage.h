#pragma once

#include <QByteArray>
#include <QString>

#include "models/certificate/Certificate.h"

namespace shebao::server {

// The public verification page's HTML (GET /verify): Chinese, readable on a phone (viewport,
// one column, system fonts), inline CSS only — no scripts, images or anything fetched from
// elsewhere, so it renders the same offline and the CSP can forbid everything else.
namespace VerifyPage {

// The form to type a code; `typed` is put back in the field, `notice` shown above it.
QByteArray form(const QString &typed = {}, const QString &notice = {});
// The authentic content and its state; signatureHolds false shows a warning instead of 有效.
QByteArray certificate(const IssuedCertificate &record, bool signatureHolds, qint64 checkedAt);
// Too many misses from this address.
QByteArray tooMany(qint64 retryAfterSeconds);

} // namespace VerifyPage

} // namespace shebao::server
