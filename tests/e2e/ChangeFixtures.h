#pragma once

#include <QBuffer>
#include <QByteArray>
#include <QImage>
#include <QPainter>
#include <QRandomGenerator>
#include <QString>

#include "models/validation/CreditCode.h"

namespace shebao::test {

// A real image of a proof (a licence, an ID card) as the clerk's scanner would write it.
inline QByteArray imageBytes(const char *format, const QColor &ink = Qt::blue)
{
    QImage image(480, 320, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setPen(QPen(ink, 6));
    painter.drawRect(20, 20, 440, 280);
    painter.drawEllipse(QPoint(360, 160), 60, 60);
    painter.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

// A Windows program named like a scan: what checkUpload must recognise by its content.
inline QByteArray disguisedProgram()
{
    QByteArray bytes("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00", 16);
    bytes.append(QByteArray(2048, '\0'));
    bytes.append("This program cannot be run in DOS mode.");
    return bytes;
}

// A 统一社会信用代码 that passes GB 32100 and GB 11714, unique per run (a random 主体标识码).
inline QString freshCreditCode()
{
    static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    QString org = QStringLiteral("MA4");
    for (int i = 0; i < 5; ++i)
        org += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(10) + 10 * (i == 0)]);
    const QString first17 = QStringLiteral("91430100") + org + CreditCode::organizationCheckCharacter(org);
    return first17 + CreditCode::checkCharacter(first17);
}

// The same code with a wrong GB 32100 check character: creditcode.checksum.
inline QString withBadCheck(const QString &code)
{
    QString bad = code;
    bad[17] = code[17] == u'1' ? u'2' : u'1';
    return bad;
}

} // namespace shebao::test
