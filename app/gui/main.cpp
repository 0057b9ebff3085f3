// aichopin: the desktop application.

#include "main/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("aichopin"));
    QApplication::setApplicationDisplayName(QStringLiteral("AI Chopin"));
    QApplication::setOrganizationName(QStringLiteral("aichopin"));
    QApplication::setApplicationVersion(QStringLiteral(AICHOPIN_VERSION));

    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/org.aichopin.AIChopin.svg")));
    QApplication::setDesktopFileName(QStringLiteral("org.aichopin.AIChopin"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("AI Chopin: compose and recognise music in the style of Chopin."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A MIDI file to open."), QStringLiteral("[FILE]"));
    parser.process(app);

    aichopin::MainWindow window;
    window.show();
    if (!parser.positionalArguments().isEmpty())
        window.openFile(parser.positionalArguments().first());
    return app.exec();
}
