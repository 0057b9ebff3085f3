// aichopin: the desktop application.

#include "common/HeapRetention.h"
#include "main/MainWindow.h"
#include "main/Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLocale>

#include <cstdio>

namespace {

void describe(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QStringLiteral(
        "AI Chopin: compose and recognise music in the style of Chopin.\n\n"
        "A MIDI file opens in the piano roll of the Compose area. A recording (MP3, WAV, FLAC,\n"
        "Ogg, Opus, M4A) goes to the Classify area for a Chopin/Other verdict, and so do several\n"
        "files at once. Settings: ~/.config/aichopin/aichopin.conf."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("MIDI files or recordings to open."), QStringLiteral("[FILE...]"));
}

void nameTheApplication()
{
    QCoreApplication::setApplicationName(QStringLiteral("aichopin"));
    QCoreApplication::setOrganizationName(QStringLiteral("aichopin"));
    QCoreApplication::setApplicationVersion(QStringLiteral(AICHOPIN_VERSION));
}

// --help and --version print and quit: they need no window, so they answer in a terminal
// without a graphical session too (--help-all lists the GUI's own options and needs one).
bool onlyPrints(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "-h" || arg == "--help" || arg == "-?" || arg == "-v" || arg == "--version")
            return true;
    }
    return false;
}

// Linux without X11 or Wayland (an SSH session, a console): Qt would stop with "no Qt platform
// plugin could be initialized. Reinstalling the application may fix this problem", which it
// would not. Say what is missing and what works there instead.
bool noGraphicalSession()
{
#if defined(Q_OS_LINUX)
    return qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
           && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
#else
    return false;
#endif
}

}  // namespace

int main(int argc, char **argv)
{
    if (onlyPrints(argc, argv)) {
        QCoreApplication app(argc, argv);
        nameTheApplication();
        QCommandLineParser parser;
        describe(parser);
        parser.process(app);  // prints and exits
        return 0;
    }
    if (noGraphicalSession()) {
        std::fprintf(stderr, "aichopin: no graphical session (neither DISPLAY nor WAYLAND_DISPLAY is set), so no window "
                             "can open.\nStart it from the desktop, or use aichopin-cli (compose, classify, render, "
                             "train-composer, train-classifier) from this terminal.\n");
        return 1;
    }
    // Before any thread starts: worker threads then keep their large blocks as the main one does
    // (common/HeapRetention.h).
    aichopin::HeapRetention::useMainArenaOnly();
    QApplication app(argc, argv);
    nameTheApplication();
    QApplication::setApplicationDisplayName(QStringLiteral("AI Chopin"));

    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/org.aichopin.AIChopin.svg")));
    QApplication::setDesktopFileName(QStringLiteral("org.aichopin.AIChopin"));
    // The user's language (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), before any widget is built.
    aichopin::Translations::install(QLocale::system());

    QCommandLineParser parser;
    describe(parser);
    parser.process(app);

    aichopin::MainWindow window;
    window.show();
    window.openFiles(parser.positionalArguments());
    return app.exec();
}
