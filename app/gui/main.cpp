// aichopin: the desktop application.

#include "common/HeapRetention.h"
#include "main/MainWindow.h"
#include "main/Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLocale>

int main(int argc, char **argv)
{
    // Before any thread starts: worker threads then keep their large blocks as the main one does
    // (common/HeapRetention.h).
    aichopin::HeapRetention::useMainArenaOnly();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("aichopin"));
    QApplication::setApplicationDisplayName(QStringLiteral("AI Chopin"));
    QApplication::setOrganizationName(QStringLiteral("aichopin"));
    QApplication::setApplicationVersion(QStringLiteral(AICHOPIN_VERSION));

    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/org.aichopin.AIChopin.svg")));
    QApplication::setDesktopFileName(QStringLiteral("org.aichopin.AIChopin"));
    // The user's language (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), before any widget is built.
    aichopin::Translations::install(QLocale::system());

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "AI Chopin: compose and recognise music in the style of Chopin.\n\n"
        "A MIDI file opens in the piano roll of the Compose area. A recording (MP3, WAV, FLAC,\n"
        "Ogg, Opus, M4A) goes to the Classify area for a Chopin/Other verdict, and so do several\n"
        "files at once. Settings: ~/.config/aichopin/aichopin.conf."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("MIDI files or recordings to open."), QStringLiteral("[FILE...]"));
    parser.process(app);

    aichopin::MainWindow window;
    window.show();
    window.openFiles(parser.positionalArguments());
    return app.exec();
}
