// aichopin-cli train-composer: trains an LSTM composer on a folder of MIDI files.

#include "CliOutput.h"
#include "CommandRegistry.h"
#include "common/CancelToken.h"
#include "common/DataPaths.h"
#include "composer/ComposerModel.h"
#include "composer/ComposerTrainer.h"

#include <QFileInfo>

#include <cmath>

namespace aichopin::cli {
namespace {

CancelToken g_cancel;

QString clock(double seconds)
{
    if (seconds < 0 || !std::isfinite(seconds))
        return QStringLiteral("?");
    const int s = int(seconds);
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

int runTrainComposer(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption data(QStringLiteral("data"), QStringLiteral("Folder of MIDI files (searched recursively)."), QStringLiteral("DIR"));
    const QCommandLineOption outOpt(QStringLiteral("out"), QStringLiteral("Model file to write (the checkpoint goes to MODEL.ckpt; default with --resume: the resumed model)."), QStringLiteral("MODEL"));
    const QCommandLineOption preset(QStringLiteral("preset"), QStringLiteral("default, paper-benchmark or paper-optimized."), QStringLiteral("NAME"), QStringLiteral("default"));
    const QCommandLineOption representation(QStringLiteral("representation"), QStringLiteral("performance (default) or paper."), QStringLiteral("NAME"));
    const QCommandLineOption epochs(QStringLiteral("epochs"), QStringLiteral("Most epochs to train (default 50)."), QStringLiteral("N"), QStringLiteral("50"));
    const QCommandLineOption minutes(QStringLiteral("minutes"), QStringLiteral("Stop after this many minutes (0: no limit)."), QStringLiteral("M"), QStringLiteral("0"));
    const QCommandLineOption device(QStringLiteral("device"), QStringLiteral("auto, cpu or cuda."), QStringLiteral("D"), QStringLiteral("auto"));
    const QCommandLineOption resume(QStringLiteral("resume"), QStringLiteral("Continue from this checkpoint (or the model next to its .ckpt)."), QStringLiteral("MODEL"));
    const QCommandLineOption initFrom(QStringLiteral("init-from"), QStringLiteral("Start from this model's weights ('shipped': the shipped composer) to continue it on these pieces (fine-tuning): its network size is kept; the optimizer, learning rate and epochs start afresh."), QStringLiteral("MODEL"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Random seed (default 1)."), QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption threads(QStringLiteral("threads"), QStringLiteral("CPU threads (default: LibTorch's choice)."), QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption optimizer(QStringLiteral("optimizer"), QStringLiteral("adam or rmsprop (default: adam; rmsprop for the paper presets)."), QStringLiteral("NAME"));
    const QCommandLineOption lr(QStringLiteral("lr"), QStringLiteral("Learning rate (default 0.002; 0.001 for the paper presets)."), QStringLiteral("X"));
    const QCommandLineOption batch(QStringLiteral("batch"), QStringLiteral("Batch size (default 32; 8 for the paper representation)."), QStringLiteral("N"), QStringLiteral("32"));
    const QCommandLineOption chunk(QStringLiteral("chunk"), QStringLiteral("Backpropagation length in events (default 128; 64 for the paper representation)."), QStringLiteral("N"), QStringLiteral("128"));
    const QCommandLineOption patience(QStringLiteral("patience"), QStringLiteral("Epochs without improvement before stopping (default 4)."), QStringLiteral("N"), QStringLiteral("4"));
    const QCommandLineOption lrDecay(QStringLiteral("lr-decay"), QStringLiteral("Multiply the learning rate by X after an epoch whose validation loss did not improve (default 0.5)."), QStringLiteral("X"), QStringLiteral("0.5"));
    const QCommandLineOption objective(QStringLiteral("objective"), QStringLiteral("sequence (default: every event of a chunk is a target) or window (the paper's way: one target per --window events)."), QStringLiteral("NAME"), QStringLiteral("sequence"));
    const QCommandLineOption window(QStringLiteral("window"), QStringLiteral("Window length in events for --objective window (default 100, as in the paper)."), QStringLiteral("N"), QStringLiteral("100"));
    const QCommandLineOption noAugment(QStringLiteral("no-augment"), QStringLiteral("Turn transposition and tempo stretch off."));
    // Sizes that override the preset's (small models for quick experiments and tests).
    const QCommandLineOption embedding(QStringLiteral("embedding"), QStringLiteral("Token embedding width (overrides the preset)."), QStringLiteral("N"));
    const QCommandLineOption hidden(QStringLiteral("hidden"), QStringLiteral("LSTM units per layer (overrides the preset)."), QStringLiteral("N"));
    const QCommandLineOption layers(QStringLiteral("layers"), QStringLiteral("LSTM layers (overrides the preset)."), QStringLiteral("N"));
    for (const auto &o : {data, outOpt, preset, representation, epochs, minutes, device, resume, initFrom, seed, threads, optimizer, lr, batch, chunk, patience, lrDecay, objective, window, noAugment, embedding, hidden, layers})
        parser.addOption(o);
    int code = 0;
    if (!parseArgs(parser, args, QStringLiteral("Train an LSTM composer on MIDI files."), &code))
        return code;
    if (!parser.isSet(data) || (!parser.isSet(outOpt) && !parser.isSet(resume))) {
        err() << args[0] << ": --data DIR and --out MODEL (or --resume MODEL) are required\n";
        return 2;
    }
    const auto hyper = ComposerHyperparameters::fromPreset(parser.value(preset));
    if (!hyper) {
        err() << args[0] << ": unknown preset '" << parser.value(preset) << "' (use "
              << ComposerHyperparameters::presetNames().join(QStringLiteral(", ")) << ")\n";
        return 2;
    }
    ComposerTrainingOptions o;
    o.dataDir = parser.value(data);
    o.outPath = parser.value(outOpt);
    if (o.outPath.isEmpty()) {  // resuming without --out: keep writing next to the checkpoint
        o.outPath = parser.value(resume);
        if (o.outPath.endsWith(QLatin1String(".ckpt")))
            o.outPath.chop(5);
    }
    o.resumePath = parser.value(resume);
    o.initPath = parser.value(initFrom);
    if (o.initPath == QLatin1String("shipped") && !QFileInfo::exists(o.initPath)) {
        o.initPath = DataPaths::shippedModel(QStringLiteral("composer-default.pt"));
        if (o.initPath.isEmpty()) {
            err() << args[0] << ": --init-from shipped: no shipped composer-default.pt was found\n";
            return 2;
        }
    }
    if (parser.isSet(initFrom) && (parser.isSet(resume) || parser.isSet(preset) || parser.isSet(embedding) || parser.isSet(hidden) || parser.isSet(layers))) {
        err() << args[0] << ": --init-from takes the network's size from its model: leave out --resume, --preset, --embedding, --hidden and --layers\n";
        return 2;
    }
    o.hyper = *hyper;
    if (!o.initPath.isEmpty()) {
        // The starting model's preset and representation choose the defaults below (a paper
        // model goes on with RMSprop and the paper representation's batches).
        const auto start = ComposerModel::load(o.initPath);
        if (!start) {
            err() << args[0] << ": --init-from " << o.initPath << ": " << start.error().toString() << "\n";
            return 1;
        }
        o.hyper = start.value()->hyperparameters();
    }
    const struct { const QCommandLineOption &option; int *value; int most; } sizes[] = {
        {embedding, &o.hyper.embedding, 4096}, {hidden, &o.hyper.hidden, 8192}, {layers, &o.hyper.layers, 16}};
    for (const auto &size : sizes) {
        if (!parser.isSet(size.option))
            continue;
        bool ok = false;
        const int v = parser.value(size.option).toInt(&ok);
        if (!ok || v < 1 || v > size.most) {
            err() << args[0] << ": --" << size.option.names().constFirst() << " must be a whole number from 1 to " << size.most << "\n";
            return 2;
        }
        *size.value = v;
        o.hyper.preset = QStringLiteral("custom");
    }
    if (parser.isSet(representation)) {
        const auto rep = representationFromName(parser.value(representation));
        if (!rep) {
            err() << args[0] << ": unknown representation '" << parser.value(representation) << "' (use performance or paper)\n";
            return 2;
        }
        o.hyper.representation = *rep;
        o.requireRepresentation = true;
    }
    const bool paperPreset = o.hyper.preset.startsWith(QLatin1String("paper-"));
    o.optimizer = parser.isSet(optimizer) ? parser.value(optimizer) : (paperPreset ? QStringLiteral("rmsprop") : QStringLiteral("adam"));
    o.learningRate = parser.isSet(lr) ? parser.value(lr).toDouble() : (paperPreset ? 1e-3 : 2e-3);
    bool ok1, ok2, ok3, ok4, ok5, ok6, ok7;
    o.maxEpochs = parser.value(epochs).toInt(&ok1);
    o.maxMinutes = parser.value(minutes).toDouble(&ok2);
    o.seed = parser.value(seed).toULongLong(&ok3);
    o.threads = parser.value(threads).toInt(&ok4);
    o.batchSize = parser.value(batch).toInt(&ok5);
    o.chunkLength = parser.value(chunk).toInt(&ok6);
    o.patience = parser.value(patience).toInt(&ok7);
    if (!(ok1 && ok2 && ok3 && ok4 && ok5 && ok6 && ok7) || o.maxEpochs < 1 || o.batchSize < 1 || o.chunkLength < 2 || !(o.learningRate > 0)) {
        err() << args[0] << ": --epochs, --batch, --chunk, --patience, --seed, --threads, --minutes and --lr need valid numbers\n";
        return 2;
    }
    o.device = parser.value(device);
    bool okDecay = false;
    o.lrDecay = parser.value(lrDecay).toDouble(&okDecay);
    if (!okDecay || !(o.lrDecay > 0 && o.lrDecay <= 1)) {
        err() << args[0] << ": --lr-decay must be a number above 0 and at most 1\n";
        return 2;
    }
    o.objective = parser.value(objective);
    if (o.objective != QLatin1String("sequence") && o.objective != QLatin1String("window")) {
        err() << args[0] << ": unknown objective '" << o.objective << "' (use sequence or window)\n";
        return 2;
    }
    bool okWindow = false;
    o.windowLength = parser.value(window).toInt(&okWindow);
    if (!okWindow || o.windowLength < 1 || o.windowLength > 10000) {
        err() << args[0] << ": --window must be a whole number from 1 to 10000\n";
        return 2;
    }
    // The paper's tokens are one per onset, about a seventh as many as performance events: smaller
    // batches give several times more updates per epoch (measured in composer-default.md).
    if (o.hyper.representation == Representation::Paper && o.objective == QLatin1String("sequence")) {
        if (!parser.isSet(batch))
            o.batchSize = 8;
        if (!parser.isSet(chunk))
            o.chunkLength = 64;
    }
    if (parser.isSet(noAugment)) {
        o.maxTranspose = 0;
        o.maxStretch = 0.0;
    }

    onInterrupt([] { g_cancel.cancel(); });
    const ProgressSink bar = progressBar();
    QString lastStage;
    auto onStep = [&](const ComposerStepStats &s) {
        lastStage = QStringLiteral("epoch %1 step %2/%3 loss %4 %5 tok/s ETA %6")
                        .arg(s.epoch).arg(s.step).arg(s.stepsInEpoch).arg(s.loss, 0, 'f', 3)
                        .arg(int(s.tokensPerSecond)).arg(clock(s.etaSeconds));
        bar(ProgressInfo{-1.0, lastStage});
    };
    auto onEpoch = [&](const ComposerEpochStats &e) {
        endProgress();
        out() << QStringLiteral("epoch %1%2: train %3 nats (%4 bits)/event, validation %5 nats (%6 bits)/event%7, "
                                "%8 tok/s, lr %9, elapsed %10\n")
                     .arg(e.epoch).arg(e.partial ? QStringLiteral(" (partial)") : QString())
                     .arg(e.trainLoss, 0, 'f', 4).arg(e.trainBits, 0, 'f', 4)
                     .arg(e.validationLoss, 0, 'f', 4).arg(e.validationBits, 0, 'f', 4)
                     .arg(e.improved ? QStringLiteral(" (best, saved)") : QString())
                     .arg(int(e.tokensPerSecond)).arg(e.learningRate, 0, 'g', 3).arg(clock(e.elapsedSeconds));
        out().flush();
    };
    const Result<ComposerTrainingResult> r = ComposerTrainer::train(o, onStep, onEpoch, ProgressSink(), &g_cancel);
    endProgress();
    if (!r) {
        err() << args[0] << ": " << r.error().toString() << "\n";
        if (r.error().message == QLatin1String("cancelled"))
            err() << "checkpoint written to " << o.outPath << ".ckpt; continue with --resume " << o.outPath << "\n";
        return r.error().message == QLatin1String("cancelled") ? 130 : 1;
    }
    out() << QStringLiteral("stopped (%1) after %2 epochs on %3; best validation %4 nats/event (%5 bits/event) at epoch %6; "
                            "%7 training pieces (%8 events), %9 validation pieces (%10 events); %11 s this run, %12 s in all; %13 tok/s\n")
                 .arg(r->stopReason).arg(r->epochsCompleted).arg(r->device)
                 .arg(r->bestValidationLoss, 0, 'f', 4).arg(r->bestValidationLoss / std::log(2.0), 0, 'f', 4).arg(r->bestEpoch)
                 .arg(r->trainingPieces).arg(r->trainingEvents).arg(r->validationPieces).arg(r->validationEvents)
                 .arg(r->seconds, 0, 'f', 0).arg(r->totalSeconds, 0, 'f', 0).arg(int(r->tokensPerSecond));
    if (r->startValidationLoss >= 0.0)
        out() << QStringLiteral("the starting model scored %1 nats/event (%2 bits/event) on these validation pieces before training\n")
                     .arg(r->startValidationLoss, 0, 'f', 4).arg(r->startValidationLoss / std::log(2.0), 0, 'f', 4);
    out() << "model: " << o.outPath << "\n";
    out().flush();
    return 0;
}

}  // namespace

AICHOPIN_CLI_COMMAND(trainComposer, "train-composer", "Train the LSTM composer on a folder of MIDI files", runTrainComposer);

}  // namespace aichopin::cli
