#pragma once

#include <QFont>
#include <QString>

namespace shebao::printing {

// The one place that chooses the CJK font family for printed forms and PDFs.
// TOOLCHAIN.md: WenQuanYi Micro Hei (TrueType) embeds with a correct ToUnicode map, so
// pdftotext reads the text back exactly; Noto Sans CJK (CFF) does not. On Windows the forms use
// SimSun / Microsoft YaHei.
QString formFontFamily();
QFont formFont(qreal pointSize, bool bold = false);

} // namespace shebao::printing
