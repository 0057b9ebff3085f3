// aichopin-cli: the headless front end. Links core only, so it runs without a display.

#include "CliOutput.h"
#include "CommandRegistry.h"
#include "common/HeapRetention.h"

#include <QCoreApplication>

using namespace aichopin::cli;

namespace {
void usage()
{
    out() << "Usage: aichopin-cli COMMAND [OPTIONS]\n\n"
          << "AI Chopin " << AICHOPIN_VERSION << ": compose and recognise music in the style of Chopin.\n\n"
          << "Commands:\n";
    for (const Command &c : CommandRegistry::all())
        out() << "  " << QString::fromLatin1(c.name).leftJustified(22) << c.summary << "\n";
    out() << "\nRun 'aichopin-cli COMMAND --help' for a command's options.\n"
          << "Options:\n  -h, --help     Show this help.\n  -v, --version  Show the version.\n";
    out().flush();
}
}  // namespace

int main(int argc, char **argv)
{
    // Before any thread starts: worker threads then keep their large blocks as the main one does
    // (common/HeapRetention.h).
    aichopin::HeapRetention::useMainArenaOnly();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("aichopin"));
    QCoreApplication::setOrganizationName(QStringLiteral("aichopin"));
    QCoreApplication::setApplicationVersion(QStringLiteral(AICHOPIN_VERSION));

    const QStringList args = app.arguments();
    if (args.size() < 2 || args[1] == "-h" || args[1] == "--help" || args[1] == "help") {
        usage();
        return args.size() < 2 ? 2 : 0;
    }
    if (args[1] == "-v" || args[1] == "--version") {
        out() << "aichopin-cli " << AICHOPIN_VERSION << "\n";
        return 0;
    }
    const Command *command = CommandRegistry::find(args[1]);
    if (!command) {
        err() << "aichopin-cli: unknown command '" << args[1] << "'. Run 'aichopin-cli --help' for the list.\n";
        return 2;
    }
    QStringList rest = args.mid(2);
    rest.prepend(QStringLiteral("aichopin-cli ") + args[1]);
    return command->run(rest);
}
