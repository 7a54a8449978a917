#pragma once

#include <QColor>
#include <QRectF>
#include <QString>

class QPainter;

namespace shebao::printing {

// The system's electronic seal (电子印章) as it appears on a printed 参保证明: a red ring, the
// issuing agency's name along the upper arc, a five-pointed star in the middle, the seal's text
// under the star (it always says that the seal is electronic, "电子印章" by default) and an
// optional serial along the lower arc. Drawn as vector paths, not as an image and not as PDF
// text: the seal can neither be lifted out as a picture nor confuse text extraction (pdftotext,
// `shebao-cli verify-pdf`) with rotated glyphs; what the seal says is printed as text beside it.
//
// The printed seal is a picture of the server's signature, not the signature itself: the
// certificate is authentic because its code verifies online (GB/T 38540 signatures belong in the
// PDF/OFD file and are not made here).
class ElectronicSeal
{
public:
    static const QColor Red;

    QString name;                                 // along the upper arc
    QString text = QStringLiteral("电子印章");    // under the star
    QString serial;                               // along the lower arc, small; may be empty

    // Paints the seal into the circle inscribed in target (device units).
    void paint(QPainter &painter, const QRectF &target) const;
};

} // namespace shebao::printing
