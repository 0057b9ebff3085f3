// aichopin-cli ports: MIDI output and input ports, FluidSynth's audio drivers, installed soundfonts.

#include "CliOutput.h"
#include "CommandRegistry.h"
#include "sound/MidiPorts.h"
#include "sound/SoundfontLocator.h"
#include "sound/SynthEngine.h"

#include <QJsonArray>
#include <QJsonObject>

namespace aichopin::cli {
namespace {

QJsonObject portsJson(const MidiPortList &list)
{
    QJsonObject o{{QStringLiteral("ports"), QJsonArray::fromStringList(list.ports)}, {QStringLiteral("api"), list.api}};
    if (!list.explanation.isEmpty())
        o[QStringLiteral("explanation")] = list.explanation;
    return o;
}

void printPorts(const char *title, const MidiPortList &list)
{
    out() << title << (list.ports.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(list.api)) << ":\n";
    for (int i = 0; i < list.ports.size(); ++i)
        out() << "  " << i << ": " << list.ports[i] << "\n";
    if (list.ports.isEmpty())
        out() << "  none. " << list.explanation << "\n";
}

int runPorts(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOption(json);
    int code = 0;
    if (!parseArgs(parser, args, QStringLiteral("List MIDI output and input ports, audio drivers and installed soundfonts."), &code))
        return code;
    const MidiPortList outputs = MidiPorts::outputs();
    const MidiPortList inputs = MidiPorts::inputs();
    const QStringList drivers = SynthEngine::audioDrivers();
    const QStringList dirs = SoundfontLocator::searchDirs();
    const QStringList fonts = SoundfontLocator::installed(dirs);
    if (parser.isSet(json)) {
        QJsonObject o{{QStringLiteral("midi_outputs"), portsJson(outputs)},
                      {QStringLiteral("midi_inputs"), portsJson(inputs)},
                      {QStringLiteral("audio_drivers"), QJsonArray::fromStringList(drivers)},
                      {QStringLiteral("soundfonts"), QJsonArray::fromStringList(fonts)},
                      {QStringLiteral("soundfont_dirs"), QJsonArray::fromStringList(dirs)}};
        if (fonts.isEmpty())
            o[QStringLiteral("soundfont_error")] = SoundfontLocator::missingMessage(dirs);
        printJson(QJsonDocument(o));
        return 0;
    }
    printPorts("MIDI outputs", outputs);
    printPorts("MIDI inputs", inputs);
    out() << "Audio drivers (FluidSynth): " << (drivers.isEmpty() ? QStringLiteral("none") : drivers.join(QStringLiteral(", "))) << "\n";
    out() << "Soundfonts:\n";
    for (int i = 0; i < fonts.size(); ++i)
        out() << (i == 0 ? "  * " : "    ") << fonts[i] << "\n";
    if (fonts.isEmpty())
        out() << "  none. " << SoundfontLocator::missingMessage(dirs) << "\n";
    else
        out() << "  (* the default)\n";
    out().flush();
    return 0;
}

}  // namespace

AICHOPIN_CLI_COMMAND(ports, "ports", "List MIDI ports, audio drivers and installed soundfonts", runPorts);

}  // namespace aichopin::cli
