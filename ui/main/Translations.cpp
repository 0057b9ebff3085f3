#include "main/Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QTranslator>

namespace aichopin {

namespace {
QTranslator *g_plurals = nullptr;
QTranslator *g_ours = nullptr;
QTranslator *g_qt = nullptr;

void drop(QTranslator *&t)
{
    if (!t)
        return;
    QCoreApplication::removeTranslator(t);
    delete t;
    t = nullptr;
}
}  // namespace

QStringList Translations::searchDirs()
{
    QStringList dirs;
    const QString fromEnv = qEnvironmentVariable("AICHOPIN_TRANSLATION_DIR");
    if (!fromEnv.isEmpty())
        dirs << fromEnv;
    if (QCoreApplication::instance())
        dirs << QDir::cleanPath(QCoreApplication::applicationDirPath() + "/../share/aichopin/translations");
#ifdef AICHOPIN_BUILD_TRANSLATIONS
    dirs << QStringLiteral(AICHOPIN_BUILD_TRANSLATIONS);
#endif
    return dirs;
}

QString Translations::install(const QLocale &locale)
{
    drop(g_ours);
    drop(g_qt);
    // English plural forms first: Qt asks the translator installed last first, so the user's
    // language, when we have it, wins and English is what is left for the rest.
    if (!g_plurals) {
        auto *plurals = new QTranslator;
        for (const QString &dir : searchDirs()) {
            if (plurals->load(QStringLiteral("plurals_en"), dir)) {
                g_plurals = plurals;
                QCoreApplication::installTranslator(g_plurals);
                break;
            }
        }
        if (!g_plurals)
            delete plurals;
    }
    QString loaded;
    auto *ours = new QTranslator;
    for (const QString &dir : searchDirs()) {
        // load(QLocale, ...) tries each of the locale's UI languages: pl_PL, then pl.
        if (ours->load(locale, QStringLiteral("aichopin"), QStringLiteral("_"), dir)) {
            loaded = ours->filePath();
            break;
        }
    }
    if (loaded.isEmpty()) {
        delete ours;
    } else {
        g_ours = ours;
        QCoreApplication::installTranslator(g_ours);
    }
    auto *qt = new QTranslator;
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        g_qt = qt;
        QCoreApplication::installTranslator(g_qt);
    } else {
        delete qt;
    }
    return loaded;
}

}  // namespace aichopin
