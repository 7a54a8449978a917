#include "printing/FormFonts.h"

#include <QFontDatabase>
#include <QStringList>

namespace shebao::printing {

QString formFontFamily()
{
    static const QString family = [] {
        const QStringList preferred{QStringLiteral("WenQuanYi Micro Hei"), QStringLiteral("SimSun"),
                                    QStringLiteral("Microsoft YaHei")};
        const QStringList available = QFontDatabase::families();
        for (const QString &name : preferred) {
            if (available.contains(name))
                return name;
        }
        return preferred.first();
    }();
    return family;
}

QFont formFont(qreal pointSize, bool bold)
{
    QFont font(formFontFamily());
    font.setPointSizeF(pointSize);
    font.setBold(bold);
    return font;
}

} // namespace shebao::printing
