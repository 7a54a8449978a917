#include "printing/QrCode.h"

#include <QPainter>

#include <qrencode.h>

#include <memory>

namespace shebao::printing {

Result<QrCode> QrCode::encode(const QByteArray &utf8)
{
    if (utf8.isEmpty())
        return Error{QStringLiteral("qr.empty"), QStringLiteral("二维码内容为空。"), {}, {}};
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeData(int(utf8.size()), reinterpret_cast<const unsigned char *>(utf8.constData()), 0, QR_ECLEVEL_M),
        &QRcode_free);
    if (!code)
        return Error{QStringLiteral("qr.too_long"), QStringLiteral("二维码内容过长，无法生成。"),
                     QStringLiteral("%1 bytes").arg(utf8.size()), {}};
    QrCode qr;
    qr.m_size = code->width;
    qr.m_modules.resize(qsizetype(code->width) * code->width);
    for (int i = 0; i < code->width * code->width; ++i)
        qr.m_modules[i] = (code->data[i] & 1) != 0; // bit 0: dark module
    return qr;
}

void QrCode::paint(QPainter &painter, const QRectF &target) const
{
    constexpr int quiet = 4;
    const qreal side = qMin(target.width(), target.height());
    const qreal module = side / (m_size + 2 * quiet);
    const QPointF origin(target.x() + (target.width() - side) / 2 + quiet * module,
                         target.y() + (target.height() - side) / 2 + quiet * module);
    painter.save();
    painter.fillRect(QRectF(origin - QPointF(quiet * module, quiet * module), QSizeF(side, side)), Qt::white);
    painter.setPen(Qt::NoPen);
    painter.setBrush(Qt::black);
    for (int y = 0; y < m_size; ++y) {
        // Runs of dark modules in a row become one rectangle: fewer PDF operators, no seams.
        int x = 0;
        while (x < m_size) {
            if (!dark(x, y)) {
                ++x;
                continue;
            }
            const int start = x;
            while (x < m_size && dark(x, y))
                ++x;
            painter.drawRect(QRectF(origin.x() + start * module, origin.y() + y * module, (x - start) * module, module));
        }
    }
    painter.restore();
}

} // namespace shebao::printing
