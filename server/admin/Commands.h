#pragma once

#include <QStringList>

namespace shebao::admin {

class AdminContext;

// `authorizations list|show|activate|reject ...` (args without the word "authorizations").
int runAuthorizations(AdminContext &context, const QStringList &args);
// `certs issue|register|revoke|list ...`.
int runCerts(AdminContext &context, const QStringList &args);
// `batches list|show|receive|return ...` (异动申报 at the counter).
int runBatches(AdminContext &context, const QStringList &args);
// `reviews list|show|approve|reject ...` (信息维护's key changes, reviewer role).
int runReviews(AdminContext &context, const QStringList &args);
// `enrolment-certificates list|show|revoke ...` (参保证明 at the counter).
int runEnrolmentCertificates(AdminContext &context, const QStringList &args);
// `bills list|show ...` (网上缴费's 断档缴费单, any staff role).
int runBills(AdminContext &context, const QStringList &args);

} // namespace shebao::admin
