#pragma once

#include <QString>
#include <QStringList>

#include <optional>

#include "models/certificate/Certificate.h"
#include "models/core/Result.h"

namespace shebao::cli {

class CliContext;

// What `verify` and `verify-pdf` establish about one code (docs/certificates.md): the server's
// answer, and whether its signature holds with the agency's public key over the canonical bytes
// and those bytes are the content shown. With --agency-key the key must also be that one.
struct CertificateCheck
{
    std::optional<VerificationAnswer> answer; // empty: unknown code
    bool signatureHolds = false;
    QStringList problems;                     // Chinese, one line each: why it is not valid

    bool valid() const { return answer && signatureHolds && problems.isEmpty() && answer->state == CertificateState::Valid; }

    // Asks GET /verify/{code}; an error only when the check could not be made (no server,
    // throttled, unreadable answer). An unknown code is a check with no answer.
    static Result<CertificateCheck> run(CliContext &context, const QString &code, const QString &agencyKeyFile);
};

// The key facts of the content, for the human output of verify / verify-pdf.
void printFacts(QTextStream &out, const VerificationAnswer &answer);

} // namespace shebao::cli
