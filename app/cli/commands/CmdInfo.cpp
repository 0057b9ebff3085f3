// aichopin-cli info: what is in MIDI files (duration, notes, tracks, tempo changes, pitch range).

#include "CliOutput.h"
#include "CommandRegistry.h"
#include "midi/SmfReader.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace aichopin::cli {
namespace {

QString clock(double seconds)
{
    const int total = int(seconds);
    return QStringLiteral("%1:%2").arg(total / 60).arg(seconds - 60 * (total / 60), 4, 'f', 1, QLatin1Char('0'));
}

int runInfo(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON (an array with one object per file)."));
    const QCommandLineOption sustain(QStringLiteral("sustain"), QStringLiteral("Apply the sustain pedal to note durations."));
    parser.addOption(json);
    parser.addOption(sustain);
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("MIDI files (.mid, .midi, .rmi)."), QStringLiteral("FILE..."));
    int code = 0;
    if (!parseArgs(parser, args, QStringLiteral("Print duration, notes, tracks, tempo changes and pitch range of MIDI files."), &code))
        return code;
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        err() << args[0] << ": give at least one MIDI file\n";
        return 2;
    }
    MidiReadOptions options;
    options.applySustain = parser.isSet(sustain);

    int failures = 0;
    QJsonArray results;
    for (const QString &file : files) {
        const Result<NoteSequence> r = SmfReader::readFile(file, options);
        QJsonObject o{{QStringLiteral("file"), file}};
        if (!r) {
            ++failures;
            o[QStringLiteral("error")] = r.error().message;
            if (r.error().offset >= 0)
                o[QStringLiteral("offset")] = r.error().offset;
            if (!parser.isSet(json))
                err() << file << ": error: " << r.error().toString() << "\n";
            results.append(o);
            continue;
        }
        const NoteSequence &seq = r.value();
        const int lo = seq.lowestPitch(), hi = seq.highestPitch();
        o[QStringLiteral("duration")] = seq.duration();
        o[QStringLiteral("notes")] = qint64(seq.notes.size());
        o[QStringLiteral("tracks")] = seq.trackCount;
        o[QStringLiteral("tempo_changes")] = qint64(seq.tempoMap.changes().size());
        o[QStringLiteral("pedal_events")] = qint64(seq.pedals.size());
        o[QStringLiteral("ticks_per_quarter")] = seq.tempoMap.ticksPerQuarter();
        o[QStringLiteral("lowest_pitch")] = lo;
        o[QStringLiteral("highest_pitch")] = hi;
        if (!seq.title.isEmpty())
            o[QStringLiteral("title")] = seq.title;
        results.append(o);
        if (!parser.isSet(json)) {
            out() << file << "\n"
                  << "  duration       " << clock(seq.duration()) << " (" << QString::number(seq.duration(), 'f', 2) << " s)\n"
                  << "  notes          " << seq.notes.size() << "\n"
                  << "  tracks         " << seq.trackCount << "\n"
                  << "  tempo changes  " << seq.tempoMap.changes().size() << "\n"
                  << "  pitch range    "
                  << (lo < 0 ? QStringLiteral("(no notes)") : QStringLiteral("%1 (%2) to %3 (%4)").arg(pitchName(lo)).arg(lo).arg(pitchName(hi)).arg(hi))
                  << "\n";
            if (!seq.title.isEmpty())
                out() << "  title          " << seq.title << "\n";
        }
    }
    if (parser.isSet(json))
        printJson(QJsonDocument(results));
    out().flush();
    err().flush();
    return failures ? 1 : 0;
}

}  // namespace

AICHOPIN_CLI_COMMAND(info, "info", "Show duration, notes, tracks, tempo and pitch range of MIDI files", runInfo);

}  // namespace aichopin::cli
