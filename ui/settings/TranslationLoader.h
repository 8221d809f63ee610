#pragma once

#include <QString>

class QCoreApplication;

namespace memscope::ui {

// Installs the translators for the user interface: Memscope's own strings from the .qm files embedded under
// :/i18n and Qt's own (qtbase_<lang>.qm from Qt's translations folder, skipped quietly when not installed).
class TranslationLoader {
public:
    // language: "en", "de", "zh_CN", … as stored by Settings::language(); empty follows the system locale.
    // An explicit language also becomes the default QLocale, so numbers and dates match the text.
    // Returns whether a Memscope translation was loaded (false for English, which needs none).
    static bool install(QCoreApplication& app, const QString& language);
};

} // namespace memscope::ui
