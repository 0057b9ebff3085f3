#pragma once
// The UI in the user's language: installs our translation (aichopin_<lang>.qm) and Qt's own
// (qtbase_<lang>.qm, for standard dialogs and buttons) for a locale, over the English plural
// forms that every locale gets (plurals_en.qm: "%n piece(s)" reads "1 piece", "2 pieces"). Our
// .qm files are looked up installed (<prefix>/share/aichopin/translations) and in the build
// tree. UI thread, before the widgets are created (tr() is evaluated when they are built).

#include <QLocale>
#include <QStringList>

namespace aichopin {

class Translations {
public:
    // Folders searched for aichopin_<lang>.qm, in order: $AICHOPIN_TRANSLATION_DIR,
    // <exe>/../share/aichopin/translations, the build tree's translations/.
    static QStringList searchDirs();
    // Replaces the translators installed by an earlier call. Returns the .qm file of ours that
    // was loaded, or an empty string (English, or no translation for the locale).
    static QString install(const QLocale &locale);
};

}  // namespace aichopin
