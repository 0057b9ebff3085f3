// aichopin-cli classify: Chopin or Other for audio and MIDI files, with the per-clip timeline.
#include "CliOutput.h"
#include "CommandRegistry.h"
#include "classifier/ClassifierModel.h"
#include "common/CancelToken.h"
#include "common/EnglishCount.h"

#include <QJsonArray>
#include <QJsonObject>

namespace aichopin::cli {
namespace {

CancelToken g_cancel;

int runClassify(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption model(QStringLiteral("model"), QStringLiteral("Classifier model (default: the shipped classifier-default.pt)."), QStringLiteral("MODEL"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON: one object per file with file, label, p_chopin, duration, top_restored_clips (clips whose empty top bands were filled from the octaves below), heard_one_channel (its channels cancelled each other out, so it was heard from the first alone) and timeline (or error)."));
    const QCommandLineOption device(QStringLiteral("device"), QStringLiteral("cpu, cuda or auto."), QStringLiteral("D"), QStringLiteral("cpu"));
    const QCommandLineOption soundfont(QStringLiteral("soundfont"), QStringLiteral("Soundfont for MIDI input (default: the first installed)."), QStringLiteral("FILE"));
    const QCommandLineOption shifts = bandShiftsOption();
    for (const auto &o : {model, json, device, soundfont, shifts})
        parser.addOption(o);
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Audio files (mp3, wav, flac, ogg, m4a...) or MIDI files."), QStringLiteral("FILE..."));
    int code = 0;
    if (!parseArgs(parser, args, QStringLiteral("Say whether pieces sound like Chopin, with a probability per 10-second clip."), &code))
        return code;
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        err() << args[0] << ": give at least one audio or MIDI file\n";
        return 2;
    }
    QString path = parser.value(model);
    if (path.isEmpty()) {
        path = ClassifierModel::defaultModelPath();
        if (path.isEmpty()) {
            err() << args[0] << ": the shipped model classifier-default.pt was not found (looked in the resource folders); give --model\n";
            return 1;
        }
    }
    auto loaded = ClassifierModel::load(path, parser.value(device));
    if (!loaded) {
        err() << args[0] << ": " << loaded.error().message << "\n";
        return 1;
    }
    ClassifierModel &m = *loaded.value();
    if (!applyBandShiftsOption(parser, shifts, m, args[0]))
        return 2;
    onInterrupt([] { g_cancel.cancel(); });
    const bool asJson = parser.isSet(json);
    ClassifyOptions options;
    options.soundfont = parser.value(soundfont);
    int failures = 0;
    QJsonArray results;
    for (const QString &file : files) {
        const auto r = m.classifyFile(file, options, asJson ? ProgressSink{} : progressBar(), &g_cancel);
        if (!asJson)
            endProgress();
        QJsonObject o{{QStringLiteral("file"), file}};
        if (!r) {
            ++failures;
            o[QStringLiteral("error")] = r.error().message;
            if (!asJson)
                err() << file << ": error: " << r.error().message << "\n";
            results.append(o);
            if (isCancelled(&g_cancel))
                break;
            continue;
        }
        o[QStringLiteral("label")] = r->label;
        o[QStringLiteral("p_chopin")] = r->pChopin;
        o[QStringLiteral("duration")] = r->durationSeconds;
        o[QStringLiteral("top_restored_clips")] = r->topRestoredClips;
        o[QStringLiteral("heard_one_channel")] = r->heardOneChannel;
        QJsonArray timeline;
        for (const ClipVerdict &c : r->timeline)
            timeline.append(QJsonObject{{QStringLiteral("start"), c.startSeconds}, {QStringLiteral("end"), c.endSeconds}, {QStringLiteral("p_chopin"), c.pChopin}});
        o[QStringLiteral("timeline")] = timeline;
        results.append(o);
        if (!asJson) {
            out() << file << ": " << r->label << " (p_chopin " << QString::number(r->pChopin, 'f', 3) << ", "
                  << counted(qint64(r->timeline.size()), "clip", "clips")
                  << (r->topRestoredClips <= 0 ? QString()
                      : r->topRestoredClips >= qsizetype(r->timeline.size())
                          ? QStringLiteral(", %1 top bands filled from the octaves below: nothing was recorded there")
                                .arg(r->timeline.size() == 1 ? QStringLiteral("its") : QStringLiteral("all with their"))
                          : QStringLiteral(", %1 of them with their top bands filled from the octaves below: nothing was recorded there")
                                .arg(r->topRestoredClips))
                  << (r->heardOneChannel ? QStringLiteral(", heard from its first channel alone: its two channels cancel each other out")
                                         : QString())
                  << ")\n";
            for (const ClipVerdict &c : r->timeline)
                out() << QStringLiteral("  %1-%2 s  %3\n").arg(c.startSeconds, 6, 'f', 1).arg(c.endSeconds, 6, 'f', 1).arg(c.pChopin, 0, 'f', 3);
        }
    }
    if (asJson)
        printJson(QJsonDocument(results));
    out().flush();
    err().flush();
    return failures ? 1 : 0;
}

}  // namespace
AICHOPIN_CLI_COMMAND(classify, "classify", "Say whether audio or MIDI files sound like Chopin", runClassify);
}  // namespace aichopin::cli
