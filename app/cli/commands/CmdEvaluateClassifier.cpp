// aichopin-cli evaluate-classifier: clip and piece metrics, per-composer rates, of a model on a
// labelled dataset (MIDI rendered without augmentation, audio decoded as it is; optionally
// through an MP3/AAC round trip). Says whether the soundfont used was one the model trained with.
#include "CliOutput.h"
#include "CommandRegistry.h"
#include "classifier/ClassifierDataset.h"
#include "classifier/ClassifierModel.h"
#include "common/CancelToken.h"
#include "common/EnglishCount.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace aichopin::cli {
namespace {

CancelToken g_cancel;

int runEvaluateClassifier(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption model(QStringLiteral("model"), QStringLiteral("Classifier model (default: the shipped one)."), QStringLiteral("MODEL"));
    const QCommandLineOption data(QStringLiteral("data"), QStringLiteral("Dataset folder or list file (as for train-classifier)."), QStringLiteral("DIR"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption clips(QStringLiteral("clips-per-piece"), QStringLiteral("Clips per piece (default 6)."), QStringLiteral("N"), QStringLiteral("6"));
    const QCommandLineOption soundfont(QStringLiteral("soundfont"), QStringLiteral("Soundfont for MIDI files (default: the first installed)."), QStringLiteral("FILE"));
    const QCommandLineOption cache(QStringLiteral("cache"), QStringLiteral("Clip cache folder ('-' for none)."), QStringLiteral("DIR"));
    const QCommandLineOption maxPieces(QStringLiteral("max-pieces"), QStringLiteral("At most N pieces."), QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption split(QStringLiteral("validation-split"), QStringLiteral("Only the validation pieces of train-classifier's split with this seed (fraction 0.2)."), QStringLiteral("SEED"));
    const QCommandLineOption lossy(QStringLiteral("lossy"), QStringLiteral("Put every clip through an MP3 (or AAC) round trip at KBPS kbit/s, as a compressed recording."), QStringLiteral("KBPS"), QStringLiteral("0"));
    const QCommandLineOption calibrate(QStringLiteral("calibrate"), QStringLiteral("Also write a copy of the model to OUT whose decision is centred between these pieces' Chopin and Other verdicts (for your own recordings or synthesizer)."), QStringLiteral("OUT"));
    const QCommandLineOption preroll(QStringLiteral("preroll"), QStringLiteral("MIDI: seconds rendered before each clip and dropped, as in a performance heard from its start (default 0: clips start from silence)."), QStringLiteral("S"), QStringLiteral("0"));
    const QCommandLineOption room(QStringLiteral("room"), QStringLiteral("Hear every clip through a synthetic room: RT60:DR (reverberation time in seconds, direct sound over the room in dB, e.g. 2.2:0 for a seat well back in a hall) or none. Repeat it to hear the pieces each way, each counted as a piece of its own (and calibrated on together)."), QStringLiteral("SPEC"));
    const QCommandLineOption shifts = bandShiftsOption();
    for (const auto &o : {model, data, json, clips, soundfont, cache, maxPieces, split, lossy, calibrate, preroll, room, shifts})
        parser.addOption(o);
    int code = 0;
    if (!parseArgs(parser, args, QStringLiteral("Measure a classifier on a labelled dataset: accuracy, precision, recall, F1, F0.5, ROC AUC, confusion, per-composer rates."), &code))
        return code;
    if (!parser.isSet(data)) {
        err() << args[0] << ": --data is required\n";
        return 2;
    }
    // The rooms the pieces are heard in (an inactive one: as rendered), checked before anything is loaded.
    std::vector<RoomParams> rooms;
    for (const QString &spec : parser.values(room)) {
        if (spec.compare(QStringLiteral("none"), Qt::CaseInsensitive) == 0) {
            rooms.emplace_back();
            continue;
        }
        const QStringList parts = spec.split(QLatin1Char(':'));
        bool okTime = false, okRatio = false;
        RoomParams r;
        r.rt60 = parts.size() == 2 ? parts[0].toDouble(&okTime) : 0.0;
        r.directToReverbDb = parts.size() == 2 ? parts[1].toDouble(&okRatio) : 0.0;
        r.seed = 1;
        if (!okTime || !okRatio || !(r.rt60 >= 0.1 && r.rt60 <= 5.0) || !(r.directToReverbDb >= -20 && r.directToReverbDb <= 30)) {
            err() << args[0] << ": --room must be none or RT60:DR, RT60 from 0.1 to 5 seconds and DR from -20 to 30 dB (got '" << spec << "')\n";
            return 2;
        }
        rooms.push_back(r);
    }
    if (rooms.empty())
        rooms.emplace_back();
    qint64 clipCount = 0, pieceLimit = 0, splitSeed = 0, kbps = 0;
    double prerollSeconds = 0;
    if (!wholeOption(parser, clips, 1, 1000, args[0], &clipCount) || !wholeOption(parser, maxPieces, 0, 1000000, args[0], &pieceLimit)
        || (parser.isSet(split) && !wholeOption(parser, split, 0, kMaxSeed, args[0], &splitSeed))
        || !wholeOption(parser, lossy, 0, 320, args[0], &kbps) || !numberOption(parser, preroll, 0, 60, args[0], &prerollSeconds))
        return 2;
    QStringList roomNames;
    for (const RoomParams &r : rooms)
        roomNames << r.label();
    QString path = parser.value(model);
    if (path.isEmpty())
        path = ClassifierModel::defaultModelPath();
    if (path.isEmpty()) {
        err() << args[0] << ": the shipped model classifier-default.pt was not found; give --model\n";
        return 1;
    }
    auto loaded = ClassifierModel::load(path);
    if (!loaded) {
        err() << args[0] << ": " << loaded.error().message << "\n";
        return 1;
    }
    if (!applyBandShiftsOption(parser, shifts, *loaded.value(), args[0]))
        return 2;
    const auto entries = ClassifierDataset::scan(parser.value(data));
    if (!entries) {
        err() << args[0] << ": " << entries.error().message << "\n";
        return 1;
    }
    ClassifierDatasetOptions o;
    o.features = loaded.value()->features();
    o.augment = false;
    o.allValidation = true;
    o.clipsPerPiece = int(clipCount);
    o.validationAugmentations = 1;
    o.cacheDir = parser.value(cache);
    o.maxPieces = int(pieceLimit);
    if (parser.isSet(split)) {
        o.allValidation = false;
        o.onlyValidation = true;
        o.validationFraction = 0.2;
        o.seed = quint64(splitSeed);
    }
    o.lossyKbps = int(kbps);
    o.prerollSeconds = prerollSeconds;
    if (parser.isSet(soundfont))
        o.soundfonts = {parser.value(soundfont)};
    // Whether the model heard this soundfont in training (models from before this was recorded: unknown).
    const QStringList fonts = ClassifierDataset::soundfontsFor(o);
    // Training records the installed fonts' real file names (links resolved); compare those.
    const QString usedFont = fonts.isEmpty() ? QString()
                             : QFileInfo(QFileInfo(fonts.first()).canonicalFilePath()).fileName().isEmpty()
                                 ? QFileInfo(fonts.first()).fileName()
                                 : QFileInfo(QFileInfo(fonts.first()).canonicalFilePath()).fileName();
    const QJsonValue trained = loaded.value()->info().value(QStringLiteral("soundfonts"));
    QJsonValue seen;  // null: unknown
    if (trained.isArray() && !usedFont.isEmpty())
        seen = trained.toArray().contains(usedFont);
    onInterrupt([] { g_cancel.cancel(); });
    QStringList skipped;
    const auto set = buildClassifierClips(args[0], entries.value(), o, parser.isSet(json) ? ProgressSink{} : progressBar(), &g_cancel,
                                          &skipped, rooms);
    if (!set)
        return 1;
    const ClassifierEvaluation e = loaded.value()->evaluate(*set);
    double calibratedBias = 0;
    if (parser.isSet(calibrate)) {
        QString note = QStringLiteral("evaluate-classifier --calibrate on %1").arg(QFileInfo(parser.value(data)).fileName());
        if (!usedFont.isEmpty())
            note += QStringLiteral(", rendered with %1").arg(QFileInfo(usedFont).fileName());
        if (parser.isSet(split))
            note += QStringLiteral(", validation split %1").arg(parser.value(split));
        if (parser.isSet(room))
            note += QStringLiteral(", heard in rooms %1").arg(roomNames.join(QStringLiteral(", ")));
        const Result<double> b = ClassifierModel::writeCalibrated(path, parser.value(calibrate), e, loaded.value()->decisionBias(), note,
                                                                   loaded.value()->bandShifts());
        if (!b) {
            err() << args[0] << ": cannot calibrate: " << b.error().message << "\n";
            return 1;
        }
        calibratedBias = b.value();
    }
    if (parser.isSet(json)) {
        QJsonObject j = e.toJson();
        j[QStringLiteral("model")] = path;
        j[QStringLiteral("soundfont")] = usedFont;
        j[QStringLiteral("soundfont_in_training")] = seen;
        j[QStringLiteral("lossy_kbps")] = o.lossyKbps;
        j[QStringLiteral("preroll_seconds")] = o.prerollSeconds;
        j[QStringLiteral("rooms")] = QJsonArray::fromStringList(roomNames);
        j[QStringLiteral("decision_bias")] = loaded.value()->decisionBias();
        QJsonArray heardShifts;
        for (int k : loaded.value()->bandShifts())
            heardShifts.append(k);
        j[QStringLiteral("band_shifts")] = heardShifts;
        if (parser.isSet(calibrate))
            j[QStringLiteral("calibrated")] = QJsonObject{{QStringLiteral("model"), parser.value(calibrate)},
                                                          {QStringLiteral("decision_bias"), calibratedBias}};
        j[QStringLiteral("skipped")] = QJsonArray::fromStringList(skipped);
        printJson(QJsonDocument(j));
    } else {
        out() << "soundfont " << usedFont << " ("
              << (seen.isNull() ? QStringLiteral("the model does not say which soundfonts it trained with")
                  : seen.toBool() ? QStringLiteral("used in training") : QStringLiteral("not used in training"))
              << ")" << (o.lossyKbps > 0 ? QStringLiteral(", lossy round trip at %1 kbit/s").arg(o.lossyKbps) : QString()) << "\n";
        if (parser.isSet(room))
            out() << "heard in rooms: " << roomNames.join(QStringLiteral(", ")) << (rooms.size() > 1 ? QStringLiteral(" (each piece counted once per room)") : QString()) << "\n";
        out() << "decision bias " << loaded.value()->decisionBias() << " (log-odds; 0: even odds)\n";
        QStringList heard;
        for (int k : loaded.value()->bandShifts())
            heard << QString::asprintf("%+d", k);
        out() << "each clip also heard shifted by: " << (heard.isEmpty() ? QStringLiteral("none") : heard.join(QStringLiteral(", ")) + QStringLiteral(" semitones")) << "\n";
        for (const auto &[name, m] : {std::pair<const char *, const BinaryMetrics *>{"pieces", &e.pieces}, {"clips", &e.clips}}) {
            out() << name << ": " << m->count << ", accuracy " << m->accuracy << ", precision " << m->precision << ", recall "
                  << m->recall << ", F1 " << m->f1 << ", F0.5 " << m->f05 << ", ROC AUC " << m->rocAuc << "\n";
        }
        out() << "confusion (pieces): Chopin->Chopin " << e.pieces.truePositives << ", Chopin->Other " << e.pieces.falseNegatives
              << ", Other->Chopin " << e.pieces.falsePositives << ", Other->Other " << e.pieces.trueNegatives << "\n";
        for (const auto &[composer, g] : e.pieces.groupAccuracy)
            out() << "  " << composer << ": " << g.second << " (" << counted(g.first, "piece", "pieces") << ")\n";
        if (parser.isSet(calibrate))
            out() << "calibrated copy written to " << parser.value(calibrate) << " (decision bias " << calibratedBias
                  << "; the metrics above are the model's as given)\n";
    }
    return 0;
}

}  // namespace
AICHOPIN_CLI_COMMAND(evaluateClassifier, "evaluate-classifier", "Measure the Chopin/Other classifier on a labelled dataset", runEvaluateClassifier);
}  // namespace aichopin::cli
