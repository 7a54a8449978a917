#pragma once

#include <QString>
#include <QStringList>

#include "models/certificate/Certificate.h"
#include "models/core/Result.h"

namespace shebao::cli {

// The visible text of a printed 参保证明 PDF and its comparison with the authentic content
// (docs/certificates.md "Printing"). Qt's PDFs hold subset fonts and compressed streams, so the
// text comes from poppler's `pdftotext -layout` (poppler-utils), which keeps each table row on
// one line with its cells separated by runs of spaces.
namespace CertificatePdfText {

// pdftotext's output for the file; cli.pdftotext (could not check) when it is not installed or
// fails.
Result<QString> extract(const QString &pdfPath);
// The code after 验证码：, normalized; empty when the text has none.
QString code(const QString &text);
// One line per fact of `content` that the text does not show as the agency certified it
// (单位名称, counts, persons …); empty when everything matches.
QStringList mismatches(const QString &text, const CertificateContent &content);

} // namespace CertificatePdfText

} // namespace shebao::cli
