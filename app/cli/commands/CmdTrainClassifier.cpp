// aichopin-cli train-classifier: renders/decodes a labelled dataset into cached clips and trains
// the Chopin/Other CNN with checkpoints, resume and a progress bar.
#include "CliOutput.h"
#include "CommandRegistry.h"
#include "classifier/ClassifierDataset.h"
#include "classifier/ClassifierTrainer.h"
#include "common/CancelToken.h"
#include "common/EnglishCount.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace aichopin::cli {
namespace {

CancelToken g_cancel;

int runTrainClassifier(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption data(QStringLiteral("data"), QStringLiteral("Dataset: chopin/ and other/ folders, one folder per composer (Chopin/ is positive), or a list file."), QStringLiteral("DIR"));
    const QCommandLineOption outOpt(QStringLiteral("out"), QStringLiteral("Model file to write (the checkpoint goes to MODEL.ckpt)."), QStringLiteral("MODEL"));
    const QCommandLineOption preset(QStringLiteral("preset"), QStringLiteral("default or paper (MFCC, Adadelta)."), QStringLiteral("NAME"), QStringLiteral("default"));
    const QCommandLineOption features(QStringLiteral("features"), QStringLiteral("mel, mfcc or pitch (semitone bands; default: the preset's)."), QStringLiteral("KIND"));
    const QCommandLineOption epochs(QStringLiteral("epochs"), QStringLiteral("Epochs (default 30)."), QStringLiteral("N"), QStringLiteral("30"));
    const QCommandLineOption minutes(QStringLiteral("minutes"), QStringLiteral("Stop training after M minutes (clip preparation not counted)."), QStringLiteral("M"), QStringLiteral("0"));
    const QCommandLineOption device(QStringLiteral("device"), QStringLiteral("auto, cpu or cuda."), QStringLiteral("D"), QStringLiteral("auto"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Random seed (split, augmentation and, without --init-seed, weights)."), QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption initSeed(QStringLiteral("init-seed"), QStringLiteral("Seed of the network's starting weights and of the training order and masks (default: --seed), so runs that start differently share --seed's split, augmentation and cached clips."), QStringLiteral("N"));
    const QCommandLineOption threads(QStringLiteral("threads"), QStringLiteral("LibTorch threads (0: one per core)."), QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption resume(QStringLiteral("resume"), QStringLiteral("Continue from MODEL.ckpt."), QStringLiteral("MODEL"));
    const QCommandLineOption clips(QStringLiteral("clips-per-piece"), QStringLiteral("Clip windows per piece per rendering (default 4)."), QStringLiteral("N"), QStringLiteral("4"));
    const QCommandLineOption augs(QStringLiteral("augmentations"), QStringLiteral("Augmented renderings per training piece (default 3)."), QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption holdout(QStringLiteral("holdout-soundfont"), QStringLiteral("Render validation pieces only with this soundfont and training pieces never."), QStringLiteral("FILE"));
    const QCommandLineOption exclude(QStringLiteral("exclude-soundfont"), QStringLiteral("Never render with this soundfont (file name or path; repeatable), so evaluate-classifier --soundfont can measure it as an unseen synthesizer."), QStringLiteral("FILE"));
    const QCommandLineOption valFraction(QStringLiteral("validation"), QStringLiteral("Fraction of each composer's pieces held out (default 0.2)."), QStringLiteral("F"), QStringLiteral("0.2"));
    const QCommandLineOption maxPieces(QStringLiteral("max-pieces"), QStringLiteral("Use at most N pieces (spread over composers)."), QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption trainShare(QStringLiteral("train-share"), QStringLiteral("Train on only this share of each composer's training pieces (0 to 1, default 1), the validation pieces unchanged: how much more data would help."), QStringLiteral("F"), QStringLiteral("1"));
    const QCommandLineOption cache(QStringLiteral("cache"), QStringLiteral("Clip cache folder ('-' for none; default: the XDG cache)."), QStringLiteral("DIR"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the result as JSON."));
    const QCommandLineOption balanced(QStringLiteral("balanced"), QStringLiteral("Balanced epochs (every clip of the smaller class and as many of the larger) instead of a class-weighted loss."));
    const QCommandLineOption lrDecay(QStringLiteral("lr-decay"), QStringLiteral("Multiply the learning rate by X after an epoch that did not give a better model (default 1: constant)."), QStringLiteral("X"), QStringLiteral("1"));
    const QCommandLineOption cosine(QStringLiteral("cosine"), QStringLiteral("Lower the learning rate along half a cosine from its start to zero at the last step of the last epoch (--epochs sets the length), so the last epochs settle."));
    const QCommandLineOption ema(QStringLiteral("ema"), QStringLiteral("Validate and keep a moving average of the weights with this decay per step (0: off; default: the preset's)."), QStringLiteral("X"));
    const QCommandLineOption averageFrom(QStringLiteral("average-from"), QStringLiteral("From epoch N on, keep the mean of the weights at the end of every epoch since N, its batch-norm statistics measured again on the training clips, instead of choosing an epoch on the validation pieces (0: off, the default)."), QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption select(QStringLiteral("select"), QStringLiteral("Keep the epoch with the best validation piece ROC AUC (auc, default) or the lowest validation loss (loss)."), QStringLiteral("BY"), QStringLiteral("auc"));
    const QCommandLineOption noCalibrate(QStringLiteral("no-calibrate"), QStringLiteral("Keep the piece decision at even odds instead of centring it between the validation pieces of both classes."));
    const QCommandLineOption calibrateOn(QStringLiteral("calibrate-on"), QStringLiteral("What the decision is calibrated on at the end: rooms (default: the validation pieces rendered without augmentation, each heard as it is, in a room and in a hall, pooled) or trained (the validation clips as trained)."), QStringLiteral("WHAT"), QStringLiteral("rooms"));
    const QCommandLineOption timbre(QStringLiteral("timbre-eq"), QStringLiteral("Give each training clip a random smooth equalisation across its bands, up to X standard deviations per term (0: off; default: the preset's)."), QStringLiteral("X"));
    const QCommandLineOption mixup(QStringLiteral("mixup"), QStringLiteral("Mix each training batch with a shuffled copy of itself, inputs and losses alike, by a share drawn from Beta(A, A) (0: off; default: the preset's)."), QStringLiteral("A"));
    const QCommandLineOption composerTask(QStringLiteral("composer-task"), QStringLiteral("Also train the network to name each training clip's composer, with this weight on that loss (0: off; default: the preset's)."), QStringLiteral("W"));
    const QCommandLineOption channels(QStringLiteral("channels"), QStringLiteral("Channels of the convolution blocks, comma-separated (default: the preset's, 24,48,96,96 for default)."), QStringLiteral("LIST"));
    const QCommandLineOption preroll(QStringLiteral("preroll"), QStringLiteral("MIDI: seconds rendered before each clip and dropped, so notes and pedal ringing into it sound as in a performance (default 0: clips start from silence)."), QStringLiteral("S"), QStringLiteral("0"));
    const QCommandLineOption rooms(QStringLiteral("rooms"), QStringLiteral("Hear this share of the augmented renderings through a synthetic room (a convolution reverb, RT60 0.3 to 2.6 s, near or far; default 0: none)."), QStringLiteral("SHARE"), QStringLiteral("0"));
    const QCommandLineOption flatten(QStringLiteral("flatten"), QStringLiteral("Take each clip's smooth spectral envelope (its first K cosine terms over the bands) out of its input, so a piano's, room's or microphone's colour matters less (0: off; default: 8 for semitone bands, as the shipped model, else 0)."), QStringLiteral("K"));
    const QCommandLineOption bandLimit(QStringLiteral("band-limit"), QStringLiteral("Leave nothing above 4,000, 5,512 or 8,000 Hz in this share of the augmented renderings, as in a file sampled at 8,000, 11,025 or 16,000 Hz (default 0: none)."), QStringLiteral("SHARE"), QStringLiteral("0"));
    for (const auto &o : {data, outOpt, preset, features, epochs, minutes, device, seed, initSeed, threads, resume, clips, augs, holdout, exclude, valFraction, maxPieces, trainShare, cache, json, noCalibrate, calibrateOn, balanced, lrDecay, cosine, ema, averageFrom, select, channels, timbre, mixup, composerTask, preroll, rooms, flatten, bandLimit})
        parser.addOption(o);
    int code = 0;
    if (!parseArgs(parser, args, QStringLiteral("Train the Chopin/Other classifier (CNN on log-mel, MFCC or semitone-band clips)."), &code))
        return code;
    if (!parser.isSet(data) || !parser.isSet(outOpt)) {
        err() << args[0] << ": --data and --out are required\n";
        return 2;
    }
    const auto hyper = ClassifierHyperparameters::fromPreset(parser.value(preset));
    if (!hyper) {
        err() << args[0] << ": unknown preset '" << parser.value(preset) << "' (" << ClassifierHyperparameters::presetNames().join(QStringLiteral(", ")) << ")\n";
        return 2;
    }
    ClassifierDatasetOptions dopt;
    dopt.features = ClassifierHyperparameters::presetFeatures(parser.value(preset));
    if (parser.isSet(features)) {
        const auto kind = featureKindFromName(parser.value(features));
        if (!kind) {
            err() << args[0] << ": --features must be mel, mfcc or pitch\n";
            return 2;
        }
        dopt.features = ClassifierFeatureSettings::forKind(*kind);
    }
    if (parser.isSet(flatten)) {
        bool ok = false;
        const int k = parser.value(flatten).toInt(&ok);
        if (!ok || k < 0 || k > dopt.features.bins() / 2) {
            err() << args[0] << ": --flatten must be a whole number from 0 to " << dopt.features.bins() / 2 << "\n";
            return 2;
        }
        dopt.features.flattenTerms = k;
    }
    // Numbers are checked before the clips are made, which can take minutes.
    qint64 whole = 0;
    if (!wholeOption(parser, seed, 0, kMaxSeed, args[0], &whole))
        return 2;
    dopt.seed = quint64(whole);
    quint64 startSeed = dopt.seed;
    if (parser.isSet(initSeed)) {
        bool ok = false;
        startSeed = parser.value(initSeed).toULongLong(&ok);
        if (!ok) {
            err() << args[0] << ": --init-seed must be a whole number from 0\n";
            return 2;
        }
    }
    if (!wholeOption(parser, clips, 1, 1000, args[0], &whole))
        return 2;
    dopt.clipsPerPiece = int(whole);
    if (!wholeOption(parser, augs, 1, 100, args[0], &whole))
        return 2;
    dopt.augmentations = int(whole);
    dopt.holdoutSoundfont = parser.value(holdout);
    dopt.excludeSoundfonts = parser.values(exclude);
    if (!numberOption(parser, valFraction, 0, 0.9, args[0], &dopt.validationFraction))
        return 2;
    if (!wholeOption(parser, maxPieces, 0, 1000000, args[0], &whole))
        return 2;
    dopt.maxPieces = int(whole);
    {
        bool ok = false;
        dopt.trainShare = parser.value(trainShare).toDouble(&ok);
        if (!ok || !(dopt.trainShare > 0.0) || dopt.trainShare > 1.0) {
            err() << args[0] << ": --train-share must be a number above 0 and at most 1\n";
            return 2;
        }
    }
    dopt.cacheDir = parser.value(cache);
    if (!numberOption(parser, preroll, 0, 60, args[0], &dopt.prerollSeconds))
        return 2;
    {
        bool ok = false;
        dopt.roomShare = parser.value(rooms).toDouble(&ok);
        if (!ok || !(dopt.roomShare >= 0.0) || dopt.roomShare > 1.0) {
            err() << args[0] << ": --rooms must be a number from 0 to 1\n";
            return 2;
        }
    }
    if (!numberOption(parser, bandLimit, 0, 1, args[0], &dopt.bandLimitShare))
        return 2;

    // The training options are checked before the clips are made, which can take minutes.
    ClassifierTrainingOptions topt;
    topt.outPath = parser.value(outOpt);
    topt.resumePath = parser.value(resume);
    topt.hyper = *hyper;
    if (parser.isSet(balanced))
        topt.hyper.balancedSampling = true;
    bool okDecay = false;
    topt.hyper.lrDecay = parser.value(lrDecay).toDouble(&okDecay);
    topt.hyper.cosineSchedule = parser.isSet(cosine);
    if (!okDecay || !(topt.hyper.lrDecay > 0 && topt.hyper.lrDecay <= 1)) {
        err() << args[0] << ": --lr-decay must be a number above 0 and at most 1\n";
        return 2;
    }
    // A number option of the hyperparameters, when given: false (after saying why) when out of range.
    const auto numberIn = [&](const QCommandLineOption &o, double &target, double low, double high, bool highIncluded, const char *range) {
        if (!parser.isSet(o))
            return true;
        bool ok = false;
        const double v = parser.value(o).toDouble(&ok);
        if (!ok || !(v >= low && (highIncluded ? v <= high : v < high))) {
            err() << args[0] << ": --" << o.names().first() << " must be a number " << range << "\n";
            return false;
        }
        target = v;
        return true;
    };
    if (!numberIn(ema, topt.hyper.emaDecay, 0, 1, false, "from 0 up to (not including) 1")
        || !numberIn(timbre, topt.hyper.timbreEq, 0, 4, true, "from 0 to 4")
        || !numberIn(mixup, topt.hyper.mixup, 0, 4, true, "from 0 to 4")
        || !numberIn(composerTask, topt.hyper.composerWeight, 0, 10, true, "from 0 to 10"))
        return 2;
    bool okAverage = false;
    topt.hyper.averageFrom = parser.value(averageFrom).toInt(&okAverage);
    if (!okAverage || topt.hyper.averageFrom < 0) {
        err() << args[0] << ": --average-from must be an epoch number (0: off)\n";
        return 2;
    }
    if (topt.hyper.averageFrom > 0 && topt.hyper.emaDecay > 0) {
        err() << args[0] << ": --average-from and --ema cannot be combined\n";
        return 2;
    }
    if (parser.isSet(channels)) {
        topt.hyper.channels.clear();
        const QStringList parts = parser.value(channels).split(QLatin1Char(','));
        for (const QString &part : parts) {
            bool okChannel = false;
            const int c = part.trimmed().toInt(&okChannel);
            if (!okChannel || c < 1 || c > 1024 || parts.size() > 8) {
                err() << args[0] << ": --channels must be 1 to 8 comma-separated numbers from 1 to 1024, such as 16,32,64,64\n";
                return 2;
            }
            topt.hyper.channels.push_back(c);
        }
    }
    topt.selectBy = parser.value(select);
    if (topt.selectBy != QLatin1String("auc") && topt.selectBy != QLatin1String("loss")) {
        err() << args[0] << ": --select must be auc or loss\n";
        return 2;
    }
    if (!wholeOption(parser, epochs, 1, 100000, args[0], &whole))
        return 2;
    topt.epochs = int(whole);
    if (!numberOption(parser, minutes, 0, 100000, args[0], &topt.minutes))
        return 2;
    topt.device = parser.value(device);
    topt.seed = startSeed;
    if (!wholeOption(parser, threads, 0, 1024, args[0], &whole))
        return 2;
    topt.threads = int(whole);
    topt.calibrate = !parser.isSet(noCalibrate);
    if (parser.value(calibrateOn) != QLatin1String("rooms") && parser.value(calibrateOn) != QLatin1String("trained")) {
        err() << args[0] << ": --calibrate-on must be rooms or trained\n";
        return 2;
    }

    const auto entries = ClassifierDataset::scan(parser.value(data));
    if (!entries) {
        err() << args[0] << ": " << entries.error().message << "\n";
        return 1;
    }
    onInterrupt([] { g_cancel.cancel(); });
    const ProgressSink bar = progressBar();
    const auto set = buildClassifierClips(args[0], entries.value(), dopt, bar, &g_cancel);
    if (!set)
        return 1;
    int validationPieces = 0;
    for (const ClipPiece &p : set->pieces)
        validationPieces += p.validation;
    err() << set->pieces.size() << " pieces (" << validationPieces << " for validation), " << set->clipCount() << " clips\n";

    // What the model heard, so evaluate-classifier can say whether a soundfont is new to it. A
    // hold-out soundfont renders only validation pieces (when another one is left to train with).
    QStringList fontNames, validationOnly;
    const QString holdoutName = QFileInfo(dopt.holdoutSoundfont).fileName();
    const QStringList usedFonts = ClassifierDataset::soundfontsFor(dopt);
    for (const QString &f : usedFonts)
        (usedFonts.size() > 1 && !holdoutName.isEmpty() && QFileInfo(f).fileName() == holdoutName ? validationOnly : fontNames)
            << QFileInfo(f).fileName();
    err() << "soundfonts: " << fontNames.join(QStringLiteral(", "))
          << (validationOnly.isEmpty() ? QString() : QStringLiteral(" (validation only: %1)").arg(validationOnly.join(QStringLiteral(", ")))) << "\n";

    if (parser.value(calibrateOn) == QLatin1String("rooms"))
        topt.calibrationClips = dopt;
    topt.info = QJsonObject{{QStringLiteral("data"), parser.value(data)},
                            {QStringLiteral("command"), QCoreApplication::arguments().join(QLatin1Char(' '))},
                            {QStringLiteral("pieces"), int(set->pieces.size())},
                            {QStringLiteral("validation_pieces"), validationPieces},
                            {QStringLiteral("clips"), set->clipCount()},
                            {QStringLiteral("seed"), QString::number(dopt.seed)},
                            {QStringLiteral("init_seed"), QString::number(startSeed)},
                            {QStringLiteral("preroll_seconds"), dopt.prerollSeconds},
                            {QStringLiteral("room_share"), dopt.roomShare},
                            {QStringLiteral("band_limit_share"), dopt.bandLimitShare},
                            {QStringLiteral("holdout_soundfont"), dopt.holdoutSoundfont},
                            {QStringLiteral("soundfonts"), QJsonArray::fromStringList(fontNames)},
                            {QStringLiteral("excluded_soundfonts"), QJsonArray::fromStringList(dopt.excludeSoundfonts)}};
    const bool asJson = parser.isSet(json);
    const auto r = ClassifierTrainer::train(set.value(), topt, [&](const ClassifierEpochStats &s) {
        endProgress();
        const QString validation =
            s.validationClips == 0
                ? QStringLiteral("no validation pieces")
                : QStringLiteral("val loss %1 acc %2 piece acc %3 AUC %4")
                      .arg(s.validationLoss, 0, 'f', 4).arg(s.validationAccuracy, 0, 'f', 3).arg(s.validationPieceAccuracy, 0, 'f', 3)
                      .arg(s.validationPieceAuc >= 0 ? QString::number(s.validationPieceAuc, 'f', 3) : QStringLiteral("-"));
        err() << QStringLiteral("epoch %1/%2  train loss %3 acc %4  %5%6  %7 s\n")
                     .arg(s.epoch).arg(s.maxEpochs).arg(s.trainLoss, 0, 'f', 4).arg(s.trainAccuracy, 0, 'f', 3)
                     .arg(validation, s.improved ? QStringLiteral(" *") : QString()).arg(s.elapsedSeconds, 0, 'f', 0);
        err().flush();
    }, bar, &g_cancel);
    endProgress();
    if (!r) {
        err() << args[0] << ": " << r.error().message << "\n";
        if (r.error().message == QLatin1String("cancelled")) {
            // The kept epoch's model is already on disk, at even odds (calibration comes at the end).
            if (QFileInfo::exists(topt.outPath))
                err() << "the best model so far is in " << topt.outPath << " (not calibrated)\n";
            if (QFileInfo::exists(topt.outPath + QStringLiteral(".ckpt")))
                err() << "checkpoint written to " << topt.outPath << ".ckpt; continue with --resume " << topt.outPath << "\n";
            return 130;
        }
        return 1;
    }
    QJsonObject result{{QStringLiteral("model"), topt.outPath},
                       {QStringLiteral("epochs"), r->epochsCompleted},
                       {QStringLiteral("best_epoch"), r->bestEpoch},
                       {QStringLiteral("selected_by"), r->selectedBy},
                       {QStringLiteral("best_validation_piece_auc"), r->bestValidationPieceAuc},
                       {QStringLiteral("stop_reason"), r->stopReason},
                       {QStringLiteral("device"), r->device},
                       {QStringLiteral("seconds"), r->seconds},
                       {QStringLiteral("training_clips"), r->trainingClips},
                       {QStringLiteral("validation_clips"), r->validationClips},
                       {QStringLiteral("decision_bias"), r->decisionBias},
                       {QStringLiteral("calibrated_on"), r->calibratedOn},
                       {QStringLiteral("validation"), r->validation.toJson()}};
    if (!r->calibration.pieceResults.empty())
        result[QStringLiteral("calibration")] = r->calibration.toJson();
    if (asJson) {
        printJson(QJsonDocument(result));
    } else {
        const BinaryMetrics &p = r->validation.pieces;
        out() << "model " << topt.outPath << " (best epoch " << r->bestEpoch << " of " << r->epochsCompleted << ", " << r->stopReason << ")\n";
        if (r->validationClips == 0) {
            out() << "no validation pieces (too few pieces per composer for --validation)\n";
            return 0;
        }
        out() << "decision bias " << r->decisionBias << " (log-odds; 0: even odds)"
              << (r->calibratedOn.isEmpty() ? QString() : QStringLiteral(", calibrated on the ") + r->calibratedOn) << "\n";
        if (!r->calibration.pieceResults.empty())
            out() << "calibration pieces (each validation piece once per room): " << r->calibration.pieces.count << ", accuracy "
                  << r->calibration.pieces.accuracy << ", ROC AUC " << r->calibration.pieces.rocAuc << "\n";
        out() << "validation pieces: accuracy " << p.accuracy << ", F1 " << p.f1 << ", F0.5 " << p.f05 << ", ROC AUC " << p.rocAuc << "\n"
              << "validation clips:  accuracy " << r->validation.clips.accuracy << "\n";
        for (const auto &[composer, g] : p.groupAccuracy)
            out() << "  " << composer << ": accuracy " << g.second << " (" << counted(g.first, "piece", "pieces") << ")\n";
    }
    return 0;
}

}  // namespace
AICHOPIN_CLI_COMMAND(trainClassifier, "train-classifier", "Train the Chopin/Other classifier on audio or MIDI", runTrainClassifier);
}  // namespace aichopin::cli
