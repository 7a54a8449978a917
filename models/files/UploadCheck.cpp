#include "models/files/UploadCheck.h"

#include <QStringList>

namespace shebao {

namespace {

bool startsWith(const QByteArray &bytes, const char *magic, qsizetype length)
{
    return bytes.size() >= length && memcmp(bytes.constData(), magic, size_t(length)) == 0;
}

// What a disguised file really is, for the message; empty when unknown.
QString recogniseOther(const QByteArray &bytes)
{
    if (startsWith(bytes, "MZ", 2))
        return QStringLiteral("Windows 可执行程序");
    if (startsWith(bytes, "\x7F" "ELF", 4))
        return QStringLiteral("Linux 可执行程序");
    if (startsWith(bytes, "PK\x03\x04", 4))
        return QStringLiteral("ZIP 压缩包或 Office 文档");
    if (startsWith(bytes, "GIF8", 4))
        return QStringLiteral("GIF 图片");
    if (startsWith(bytes, "BM", 2))
        return QStringLiteral("BMP 图片");
    if (startsWith(bytes, "Rar!", 4))
        return QStringLiteral("RAR 压缩包");
    return {};
}

quint32 littleEndian32(const QByteArray &bytes, qsizetype at)
{
    return quint32(uchar(bytes.at(at))) | quint32(uchar(bytes.at(at + 1))) << 8 | quint32(uchar(bytes.at(at + 2))) << 16
         | quint32(uchar(bytes.at(at + 3))) << 24;
}

// A Windows (PE) or Linux (ELF) program anywhere in the bytes: an image or PDF header put in
// front of a program, or a program carried in an uncompressed stream. A PE is "MZ" whose
// header pointer (at +0x3C) leads to "PE\0\0"; an ELF is its magic followed by a valid class,
// byte order and version. Chance alone makes either in a scan's compressed data about once in
// 2^48 files, so real scans are never refused.
QString embeddedProgram(const QByteArray &bytes)
{
    for (qsizetype at = bytes.indexOf("MZ"); at >= 0; at = bytes.indexOf("MZ", at + 1)) {
        if (at + 0x40 > bytes.size())
            break;
        const quint32 header = littleEndian32(bytes, at + 0x3C);
        if (header >= 0x40 && header < 0x10000 && at + qsizetype(header) + 4 <= bytes.size()
            && bytes.mid(at + qsizetype(header), 4) == QByteArray("PE\0\0", 4))
            return QStringLiteral("Windows 可执行程序");
    }
    for (qsizetype at = bytes.indexOf("\x7F" "ELF"); at >= 0; at = bytes.indexOf("\x7F" "ELF", at + 1)) {
        if (at + 7 > bytes.size())
            break;
        const char elfClass = bytes.at(at + 4), order = bytes.at(at + 5), version = bytes.at(at + 6);
        if ((elfClass == 1 || elfClass == 2) && (order == 1 || order == 2) && version == 1)
            return QStringLiteral("Linux 可执行程序");
    }
    return {};
}

bool pngComplete(const QByteArray &bytes)
{
    // Signature, IHDR first, and the IEND chunk (with its CRC) at the very end.
    static const QByteArray iend = QByteArray::fromHex("0000000049454E44AE426082");
    return bytes.size() >= 8 + 25 + 12 && bytes.mid(12, 4) == "IHDR" && bytes.endsWith(iend);
}

bool jpegComplete(const QByteArray &bytes)
{
    // Scanners and cameras sometimes pad after EOI; accept a little trailing zero padding.
    qsizetype end = bytes.size();
    while (end > 2 && bytes.at(end - 1) == '\0' && bytes.size() - end < 4096)
        --end;
    return end >= 4 && uchar(bytes.at(end - 2)) == 0xFF && uchar(bytes.at(end - 1)) == 0xD9;
}

bool pdfComplete(const QByteArray &bytes)
{
    // %%EOF must appear within the last kilobyte (writers append a newline or two after it).
    return bytes.right(1024).contains("%%EOF");
}

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1);
}

} // namespace

QString fileKindName(FileKind kind)
{
    switch (kind) {
    case FileKind::Jpeg: return QStringLiteral("JPEG");
    case FileKind::Png: return QStringLiteral("PNG");
    case FileKind::Pdf: return QStringLiteral("PDF");
    case FileKind::Unknown: break;
    }
    return QStringLiteral("未知");
}

QString fileKindMimeType(FileKind kind)
{
    switch (kind) {
    case FileKind::Jpeg: return QStringLiteral("image/jpeg");
    case FileKind::Png: return QStringLiteral("image/png");
    case FileKind::Pdf: return QStringLiteral("application/pdf");
    case FileKind::Unknown: break;
    }
    return QStringLiteral("application/octet-stream");
}

FileKind detectFileKind(const QByteArray &bytes)
{
    if (startsWith(bytes, "\xFF\xD8\xFF", 3))
        return FileKind::Jpeg;
    if (startsWith(bytes, "\x89PNG\r\n\x1A\n", 8))
        return FileKind::Png;
    if (startsWith(bytes, "%PDF-", 5))
        return FileKind::Pdf;
    return FileKind::Unknown;
}

Result<FileKind> checkUpload(const QString &fileName, const QByteArray &bytes, qint64 maxBytes,
                             const QList<FileKind> &allowed)
{
    const QString name = fileName.isEmpty() ? QStringLiteral("文件") : QStringLiteral("“%1”").arg(fileName);
    if (bytes.isEmpty())
        return Error{QStringLiteral("upload.empty"), QStringLiteral("%1是空文件，请重新选择。").arg(name), {}, fileName};
    if (bytes.size() > maxBytes)
        return Error{QStringLiteral("upload.too_large"),
                     QStringLiteral("%1大小为 %2 MB，超过 %3 MB 的上限，请压缩后再上传。")
                         .arg(name, megabytes(bytes.size()), megabytes(maxBytes)),
                     QString::number(bytes.size()), fileName};
    QStringList names;
    for (FileKind k : allowed)
        names << fileKindName(k);
    const FileKind kind = detectFileKind(bytes);
    if (kind == FileKind::Unknown || !allowed.contains(kind)) {
        const QString other = kind != FileKind::Unknown ? fileKindName(kind) : recogniseOther(bytes);
        const QString actual = other.isEmpty() ? QString() : QStringLiteral("（文件内容实际是%1）").arg(other);
        return Error{QStringLiteral("upload.type"),
                     QStringLiteral("%1不是 %2 文件%3，请上传扫描件或照片。").arg(name, names.join(QStringLiteral("、")), actual),
                     other, fileName};
    }
    if (const QString program = embeddedProgram(bytes); !program.isEmpty())
        return Error{QStringLiteral("upload.type"),
                     QStringLiteral("%1虽以 %2 开头，但其中含有%3，不能上传。请上传扫描件或照片。")
                         .arg(name, fileKindName(kind), program),
                     program, fileName};
    const bool complete = kind == FileKind::Png ? pngComplete(bytes)
                        : kind == FileKind::Jpeg ? jpegComplete(bytes)
                                                 : pdfComplete(bytes);
    if (!complete)
        return Error{QStringLiteral("upload.truncated"),
                     QStringLiteral("%1的 %2 内容不完整（文件可能已损坏或未下载完），请重新扫描或导出。").arg(name, fileKindName(kind)),
                     {}, fileName};
    return kind;
}

} // namespace shebao
