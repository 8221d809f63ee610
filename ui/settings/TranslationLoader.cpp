#include "settings/TranslationLoader.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace memscope::ui {

bool TranslationLoader::install(QCoreApplication& app, const QString& language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    if (!language.isEmpty())
        QLocale::setDefault(locale);
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return false;

    // Qt's own dialogs and buttons; qt6-translations-l10n may not be installed.
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;

    auto* memscope = new QTranslator(&app);
    if (!memscope->load(locale, QStringLiteral("memscope"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        delete memscope;
        return false;
    }
    QCoreApplication::installTranslator(memscope);
    return true;
}

} // namespace memscope::ui
