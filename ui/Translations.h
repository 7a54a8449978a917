#pragma once

#include <QString>

namespace shebao::ui {

// Chinese is what ships; English (the source strings) is kept for developers and support.
// Installs the embedded :/i18n/shebao_zh_CN.qm and Qt's own qtbase_zh_CN from
// QLibraryInfo::TranslationsPath when it is there (buttons of standard dialogs).
// "en" installs nothing. Returns false when the application's own translation is missing.
bool installTranslations(const QString &language = QStringLiteral("zh_CN"));

} // namespace shebao::ui
