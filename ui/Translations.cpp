#include "ui/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace shebao::ui {

bool installTranslations(const QString &language)
{
    if (language.startsWith(u"en"))
        return true;
    auto *app = QCoreApplication::instance();
    // Dates and numbers follow the UI language, not the machine's locale.
    QLocale::setDefault(QLocale(language));

    auto *qt = new QTranslator(app);
    if (qt->load(QStringLiteral("qtbase_") + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;

    auto *own = new QTranslator(app);
    if (!own->load(QStringLiteral(":/i18n/shebao_") + language + QStringLiteral(".qm"))) {
        delete own;
        return false;
    }
    QCoreApplication::installTranslator(own);
    return true;
}

} // namespace shebao::ui
