#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include "models/core/Result.h"

namespace shebao {

// Kinds of attachment the agency accepts (stamped letters, licences, ID-card images).
enum class FileKind { Unknown, Jpeg, Png, Pdf };

QString fileKindName(FileKind kind);     // "JPEG", "PNG", "PDF"
QString fileKindMimeType(FileKind kind); // "image/jpeg", ...

// Recognises a file by its content, never by its name: the magic bytes and, for the accepted
// kinds, that the file is complete (PNG ends with IEND, JPEG with EOI, PDF with %%EOF).
FileKind detectFileKind(const QByteArray &bytes);

// The agency's rule for uploads: not empty, at most maxBytes, one of the allowed kinds,
// carrying no Windows or Linux program inside (a disguise behind an image or PDF header) and
// complete. Errors (codes upload.empty, upload.too_large, upload.type, upload.truncated) carry
// a Chinese message that names the file and what is wrong with it, e.g. that a ".jpg" is in
// truth a Windows program.
Result<FileKind> checkUpload(const QString &fileName, const QByteArray &bytes, qint64 maxBytes = 5 * 1024 * 1024,
                             const QList<FileKind> &allowed = {FileKind::Jpeg, FileKind::Png, FileKind::Pdf});

} // namespace shebao
