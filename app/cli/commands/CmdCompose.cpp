// aichopin-cli compose: writes a new piece with a trained composer model.

#include "CliOutput.h"
#include "CommandRegistry.h"
#include "common/CancelToken.h"
#include "common/EnglishCount.h"
#include "common/DataPaths.h"
#include "composer/ComposerModel.h"
#include "midi/SmfReader.h"
#include "midi/SmfWriter.h"

#include <QElapsedTimer>
#include <QFileInfo>

namespace aichopin::cli {
namespace {

CancelToken g_cancel;

int runCompose(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption model(QStringLiteral("model"), QStringLiteral("Model file (default: the shipped composer-default.pt)."), QStringLiteral("MODEL"));
    const QCommandLineOption outOpt(QStringLiteral("out"), QStringLiteral("MIDI file to write."), QStringLiteral("FILE.mid"));
    const QCommandLineOption seconds(QStringLiteral("seconds"), QStringLiteral("Length of the new music (default 30)."), QStringLiteral("S"), QStringLiteral("30"));
    const QCommandLineOption temperature(QStringLiteral("temperature"), QStringLiteral("Sampling temperature (default 1.0)."), QStringLiteral("T"), QStringLiteral("1.0"));
    const QCommandLineOption topK(QStringLiteral("top-k"), QStringLiteral("Keep the K most likely events (0: all)."), QStringLiteral("K"), QStringLiteral("0"));
    const QCommandLineOption topP(QStringLiteral("top-p"), QStringLiteral("Nucleus sampling mass (1: off)."), QStringLiteral("P"), QStringLiteral("1.0"));
    const QCommandLineOption maxHold(QStringLiteral("max-hold"),
                                     QStringLiteral("Release a note held this many seconds, pedal included (0: never; default 4)."),
                                     QStringLiteral("S"), QStringLiteral("4"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Random seed (default 1)."), QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption prime(QStringLiteral("prime"), QStringLiteral("MIDI file to continue."), QStringLiteral("FILE.mid"));
    const QCommandLineOption primeSeconds(QStringLiteral("prime-seconds"), QStringLiteral("Use only the first S seconds of the primer (0: all; default 20)."), QStringLiteral("S"), QStringLiteral("20"));
    const QCommandLineOption device(QStringLiteral("device"), QStringLiteral("auto, cpu or cuda (default cpu)."), QStringLiteral("D"), QStringLiteral("cpu"));
    const QCommandLineOption quiet(QStringLiteral("quiet"), QStringLiteral("No progress output."));
    for (const auto &o : {model, outOpt, seconds, temperature, topK, topP, maxHold, seed, prime, primeSeconds, device, quiet})
        parser.addOption(o);
    int code = 0;
    if (!parseArgs(parser, args, QStringLiteral("Compose a piece with a trained LSTM composer."), &code))
        return code;
    if (!parser.isSet(outOpt)) {
        err() << args[0] << ": --out FILE.mid is required\n";
        return 2;
    }
    GenerationOptions g;
    bool ok[7];
    g.seconds = parser.value(seconds).toDouble(&ok[0]);
    g.temperature = parser.value(temperature).toDouble(&ok[1]);
    g.topK = parser.value(topK).toInt(&ok[2]);
    g.topP = parser.value(topP).toDouble(&ok[3]);
    g.seed = parser.value(seed).toULongLong(&ok[4]);
    const double primeLimit = parser.value(primeSeconds).toDouble(&ok[5]);
    g.maxHoldSeconds = parser.value(maxHold).toDouble(&ok[6]);
    for (bool b : ok)
        if (!b) {
            err() << args[0] << ": --seconds, --temperature, --top-k, --top-p, --max-hold, --seed and --prime-seconds need numbers\n";
            return 2;
        }
    if (!(g.maxHoldSeconds >= 0.0)) {
        err() << args[0] << ": --max-hold must be 0 (never) or more seconds\n";
        return 2;
    }

    QString modelPath = parser.value(model);
    if (modelPath.isEmpty()) {
        modelPath = DataPaths::shippedModel(QStringLiteral("composer-default.pt"));
        if (modelPath.isEmpty()) {
            err() << args[0] << ": the shipped model composer-default.pt was not found (looked in "
                  << (DataPaths::resourceDir().isEmpty() ? QStringLiteral("no resource folder") : DataPaths::resourceDir() + QStringLiteral("/models"))
                  << "); give one with --model\n";
            return 1;
        }
    }
    const Result<std::shared_ptr<ComposerModel>> m = ComposerModel::load(modelPath, parser.value(device));
    if (!m) {
        err() << args[0] << ": " << m.error().toString() << "\n";
        return 1;
    }
    if (parser.isSet(prime)) {
        MidiReadOptions ro;
        Result<NoteSequence> p = SmfReader::readFile(parser.value(prime), ro);
        if (!p) {
            err() << args[0] << ": " << parser.value(prime) << ": " << p.error().toString() << "\n";
            return 1;
        }
        NoteSequence primer = std::move(p).value();
        if (primeLimit > 0) {
            std::vector<Note> kept;
            for (Note n : primer.notes)
                if (n.start < primeLimit) {
                    n.duration = std::min(n.duration, primeLimit - n.start);
                    kept.push_back(n);
                }
            primer.notes = kept;
            std::vector<PedalEvent> pedals;
            for (const PedalEvent &e : primer.pedals)
                if (e.time < primeLimit)
                    pedals.push_back(e);
            primer.pedals = pedals;
        }
        g.primer = primer;
    }

    onInterrupt([] { g_cancel.cancel(); });
    const bool showProgress = !parser.isSet(quiet);
    const ProgressSink bar = progressBar();
    QElapsedTimer timer;
    timer.start();
    qint64 firstEventNs = -1;
    qint64 events = 0;
    double lastTime = 0.0;
    const Result<NoteSequence> r = m.value()->generate(g, [&](const ComposedEvent &e) {
        if (firstEventNs < 0)
            firstEventNs = timer.nsecsElapsed();
        ++events;
        if (showProgress && e.time > lastTime + 0.5) {
            lastTime = e.time;
            bar(ProgressInfo{std::min(1.0, e.time / g.seconds), QStringLiteral("Composing")});
        }
    }, &g_cancel);
    endProgress();
    if (!r) {
        err() << args[0] << ": " << r.error().toString() << "\n";
        return 1;
    }
    const double wall = timer.nsecsElapsed() / 1e9;
    NoteSequence piece = r.value();
    piece.title = QStringLiteral("AI Chopin");
    piece.texts << QStringLiteral("aichopin-cli compose: model=%1 seconds=%2 temperature=%3 top-k=%4 top-p=%5 max-hold=%6 seed=%7%8")
                       .arg(QFileInfo(modelPath).fileName(), QString::number(g.seconds), QString::number(g.temperature),
                            QString::number(g.topK), QString::number(g.topP), QString::number(g.maxHoldSeconds),
                            QString::number(g.seed),
                            parser.isSet(prime) ? QStringLiteral(" prime=%1 prime-seconds=%2")
                                                      .arg(QFileInfo(parser.value(prime)).fileName(), QString::number(primeLimit))
                                                : QString());
    const Status w = SmfWriter::writeFile(piece, parser.value(outOpt));
    if (!w) {
        err() << args[0] << ": " << w.error().toString() << "\n";
        return 1;
    }
    out() << QStringLiteral("%1: %2, %3 s; %4 events in %5 s (%6 events/s), first event after %7 ms\n")
                 .arg(parser.value(outOpt), counted(qint64(piece.notes.size()), "note", "notes")).arg(piece.duration(), 0, 'f', 1)
                 .arg(events).arg(wall, 0, 'f', 2).arg(int(events / std::max(wall, 1e-9)))
                 .arg(firstEventNs / 1e6, 0, 'f', 1);
    out().flush();
    return 0;
}

}  // namespace

AICHOPIN_CLI_COMMAND(compose, "compose", "Compose a piece with the LSTM composer", runCompose);

}  // namespace aichopin::cli
