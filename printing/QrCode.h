#pragma once

#include <QByteArray>
#include <QRectF>
#include <QVector>

#include "models/core/Result.h"

class QPainter;

namespace shebao::printing {

// A QR code (ISO/IEC 18004) made by libqrencode, error correction level M, 8-bit mode so any
// UTF-8 text (URLs, bill numbers) round-trips exactly through a scanner.
class QrCode
{
public:
    static Result<QrCode> encode(const QByteArray &utf8);

    int size() const { return m_size; }            // modules per side, without the quiet zone
    bool dark(int x, int y) const { return m_modules.at(y * m_size + x); }

    // Paints the code with its 4-module quiet zone into the square that fits target, as
    // filled rectangles (sharp at any resolution, vector in PDFs).
    void paint(QPainter &painter, const QRectF &target) const;

private:
    int m_size = 0;
    QVector<bool> m_modules;
};

} // namespace shebao::printing
