#include "printing/ElectronicSeal.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>
#include <QtMath>

#include "printing/FormFonts.h"

namespace shebao::printing {

const QColor ElectronicSeal::Red = QColor(0xD4, 0x12, 0x1C);

namespace {

// Fonts in device pixels: the seal is sized by its diameter, whatever the device's resolution.
QFont sealFont(qreal pixels)
{
    QFont font = formFont(10, true);
    font.setPixelSize(qMax(1, qRound(pixels)));
    return font;
}

// One character as a path centred horizontally on x = 0 with its em box centred on y = centreY.
QPainterPath glyph(const QString &ch, const QFont &font, qreal centreY)
{
    const QFontMetricsF fm(font);
    QPainterPath path;
    path.addText(-fm.horizontalAdvance(ch) / 2, centreY + (fm.ascent() - fm.descent()) / 2, font, ch);
    return path;
}

// Characters of `text` spread over an arc around the origin. `upper`: on the upper arc, read
// clockwise with their tops outwards; otherwise on the lower arc, read left to right with their
// tops towards the centre. `radius` is where the middle of the characters runs.
void paintArc(QPainter &painter, const QString &text, const QFont &font, qreal radius, qreal spanDegrees, bool upper,
              qreal spacing, qreal spread)
{
    const QFontMetricsF fm(font);
    QList<qreal> advances;
    qreal total = 0;
    for (const QChar ch : text) {
        advances << fm.horizontalAdvance(ch) * spacing;
        total += advances.last();
    }
    // Spread over the span, but at most `spread` times as wide as the characters need: a short
    // name stays together at the top, as on a rubber seal.
    const qreal natural = qRadiansToDegrees(total / radius);
    const qreal span = qMin(spanDegrees, natural * spread);
    const qreal scale = span / natural;
    qreal angle = -span / 2;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const qreal step = qRadiansToDegrees(advances[i] / radius) * scale;
        const qreal middle = angle + step / 2;
        painter.save();
        if (upper) {
            painter.rotate(middle);
            painter.drawPath(glyph(text.at(i), font, -radius));
        } else {
            // 180° is the bottom; left to right along the bottom runs from 180 + span/2 down.
            painter.rotate(-middle);
            painter.drawPath(glyph(text.at(i), font, radius));
        }
        painter.restore();
        angle += step;
    }
}

QPolygonF star(qreal outer)
{
    QPolygonF points;
    const qreal inner = outer * 0.382;
    for (int k = 0; k < 10; ++k) {
        const qreal r = k % 2 == 0 ? outer : inner;
        const qreal a = qDegreesToRadians(-90.0 + k * 36.0);
        points << QPointF(r * qCos(a), r * qSin(a));
    }
    return points;
}

} // namespace

void ElectronicSeal::paint(QPainter &painter, const QRectF &target) const
{
    const qreal d = qMin(target.width(), target.height());
    if (d <= 0)
        return;
    const qreal r = d / 2;
    const qreal ring = d * 0.035;

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    // Slightly transparent, as ink: the issuer's name and the date under the seal stay legible.
    painter.setOpacity(0.9);
    painter.translate(target.center());

    painter.setPen(QPen(Red, ring));
    painter.setBrush(Qt::NoBrush);
    painter.drawEllipse(QPointF(0, 0), r - ring / 2, r - ring / 2);

    painter.setPen(Qt::NoPen);
    painter.setBrush(Red);
    painter.drawPolygon(star(d * 0.16).translated(0, -d * 0.02));

    if (!name.isEmpty()) {
        // Long names get smaller characters so that they still fit 250° of the arc.
        qreal size = d * 0.13;
        for (int i = 0; i < 3; ++i) {
            const qreal radius = r - ring * 2.4 - size / 2;
            const qreal fits = qDegreesToRadians(250.0) * radius / (name.size() * 1.08);
            size = qMin(d * 0.13, fits);
        }
        paintArc(painter, name, sealFont(size), r - ring * 2.4 - size / 2, 250, true, 1.08, 2.0);
    }

    if (!text.isEmpty()) {
        const QFont font = sealFont(d * 0.095);
        const QFontMetricsF fm(font);
        const qreal width = fm.horizontalAdvance(text);
        const qreal room = d * 0.6;
        painter.save();
        painter.translate(0, d * 0.24);
        if (width > room)
            painter.scale(room / width, 1); // seals compress a long line rather than wrap it
        QPainterPath path;
        path.addText(-width / 2, (fm.ascent() - fm.descent()) / 2, font, text);
        painter.drawPath(path);
        painter.restore();
    }

    if (!serial.isEmpty()) {
        const qreal size = d * 0.055;
        paintArc(painter, serial, sealFont(size), r - ring * 2.4 - size / 2, 110, false, 1.0, 1.3);
    }
    painter.restore();
}

} // namespace shebao::printing
