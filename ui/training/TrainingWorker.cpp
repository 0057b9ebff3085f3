#include "training/TrainingWorker.h"

#include "classifier/ClassifierDataset.h"
#include "classifier/ClassifierTrainer.h"
#include "common/Numbers.h"
#include "composer/ComposerTrainer.h"

#include <QFileInfo>


namespace aichopin {

QString trainingDuration(double seconds)
{
    if (seconds < 0)
        return QStringLiteral("?");
    const int s = qRound(seconds);
    if (s < 60)
        return QStringLiteral("%1 s").arg(s);
    if (s < 3600)
        return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
}

// "cpu" or "cuda", as the trainers record it, in the words of the Device choice.
static QString deviceWords(const QString &device)
{
    return device == QLatin1String("cuda") ? TrainingWorker::tr("the CUDA GPU") : TrainingWorker::tr("the CPU");
}

TrainingWorker::TrainingWorker(std::shared_ptr<CancelToken> cancel, QObject *parent)
    : QObject(parent), m_cancel(std::move(cancel))
{
}

void TrainingWorker::run(const TrainingRequest &request)
{
    switch (request.task) {
    case TrainingTask::Composer:
        runComposer(request.composer);
        break;
    case TrainingTask::Classifier:
        runClassifier(request.classifier);
        break;
    }
}

void TrainingWorker::runComposer(const ComposerTrainingOptions &options)
{
    double lastFraction = 0.0;
    auto onStep = [&](const ComposerStepStats &s) {
        TrainingStep t;
        t.epochPosition = (s.epoch - 1) + (s.stepsInEpoch > 0 ? double(s.step) / s.stepsInEpoch : 0.0);
        t.loss = s.loss;
        t.throughput = s.tokensPerSecond;
        t.throughputUnit = tr("events/s");
        t.elapsedSeconds = s.elapsedSeconds;
        t.etaSeconds = s.etaSeconds;
        t.fraction = lastFraction;
        Q_EMIT step(t);
    };
    auto onEpoch = [&](const ComposerEpochStats &e) {
        TrainingEpoch t;
        t.epoch = e.epoch;
        t.maxEpochs = e.maxEpochs;
        t.trainLoss = e.trainLoss;
        t.validationLoss = e.validationLoss;
        t.improved = e.improved;
        t.etaSeconds = e.etaSeconds;
        Q_EMIT epoch(t);
    };
    auto onProgress = [&](const ProgressInfo &p) {
        if (p.fraction >= 0)
            lastFraction = p.fraction;
        Q_EMIT stage(p.fraction, p.stage);
    };
    const auto result = ComposerTrainer::train(options, onStep, onEpoch, onProgress, m_cancel.get());
    if (endedWithoutModel(result, options.outPath))
        return;
    const ComposerTrainingResult &r = result.value();
    TrainingOutcome outcome;
    outcome.modelPath = options.outPath;
    outcome.bestValidationLoss = r.bestValidationLoss;
    outcome.stopReason = r.stopReason;
    outcome.summary = tr("Trained %1 on %2 (%3 held out for validation) in %4 on %5; best validation loss "
                         "%6 nats/event (%7 bits) at epoch %8; stopped by %9. Saved to %10.")
                          .arg(tr("%n epoch(s)", nullptr, r.epochsCompleted), tr("%n piece(s)", nullptr, r.trainingPieces))
                          .arg(r.validationPieces)
                          .arg(trainingDuration(r.totalSeconds)).arg(deviceWords(r.device))
                          .arg(decimal(r.bestValidationLoss, 3)).arg(decimal(r.bestValidationLoss / 0.6931471805599453, 3))
                          .arg(r.bestEpoch).arg(r.stopReason, QFileInfo(options.outPath).fileName());
    if (r.startValidationLoss >= 0.0)
        outcome.summary += QLatin1Char(' ') + tr("Before this training, the model it started from scored %1 nats/event on the same pieces.")
                                                  .arg(decimal(r.startValidationLoss, 3));
    Q_EMIT finished(outcome);
}

void TrainingWorker::runClassifier(const ClassifierJob &job)
{
    auto entries = ClassifierDataset::scan(job.dataDir);
    if (!entries) {
        Q_EMIT failed(entries.error().toString());
        return;
    }
    const auto hyper = ClassifierHyperparameters::fromPreset(job.preset);
    if (!hyper) {
        Q_EMIT failed(tr("Unknown classifier preset '%1'").arg(job.preset));
        return;
    }
    ClassifierDatasetOptions data;
    data.features = ClassifierHyperparameters::presetFeatures(job.preset);
    if (!job.features.isEmpty()) {
        const auto kind = featureKindFromName(job.features);
        if (!kind) {
            Q_EMIT failed(tr("Unknown classifier input '%1'").arg(job.features));
            return;
        }
        data.features = ClassifierFeatureSettings::forKind(*kind);
    }
    data.clipsPerPiece = job.clipsPerPiece;
    data.augmentations = job.augmentations;
    data.maxPieces = job.maxPieces;
    // Rendering and feature extraction take the first part of the bar, training the rest.
    constexpr double kDataShare = 0.4;
    QStringList skipped;
    auto clips = ClassifierDataset::build(
        entries.value(), data,
        [this](const ProgressInfo &p) { Q_EMIT stage(p.fraction >= 0 ? p.fraction * kDataShare : -1, tr("Preparing clips: %1").arg(p.stage)); },
        m_cancel.get(), &skipped);
    if (m_cancel->isCancelled()) {
        Q_EMIT stopped(job.outPath);
        return;
    }
    if (!clips) {
        Q_EMIT failed(clips.error().toString());
        return;
    }
    ClassifierTrainingOptions options;
    options.outPath = job.outPath;
    options.resumePath = job.resumePath;
    options.hyper = *hyper;
    options.epochs = job.epochs;
    options.minutes = job.minutes > 0 ? job.minutes : -1;
    options.device = job.device;
    options.info = QJsonObject{{QStringLiteral("data"), job.dataDir}, {QStringLiteral("trained_with"), QStringLiteral("AI Chopin Training panel")}};
    // The decision is calibrated on the validation pieces heard as they are, in a room and in a
    // hall, so it holds for recordings made close up and far back.
    options.calibrationClips = data;
    auto onEpoch = [this](const ClassifierEpochStats &e) {
        TrainingEpoch t;
        t.epoch = e.epoch;
        t.maxEpochs = e.maxEpochs;
        t.trainLoss = e.trainLoss;
        t.validationLoss = e.validationLoss;
        t.trainAccuracy = e.trainAccuracy;
        t.validationAccuracy = e.validationPieceAccuracy;
        t.validationAuc = e.validationPieceAuc;
        t.hasValidation = e.validationClips > 0;
        t.improved = e.improved;
        Q_EMIT epoch(t);
        TrainingStep s;
        s.epochPosition = e.epoch;
        s.loss = e.trainLoss;
        s.elapsedSeconds = e.elapsedSeconds;
        s.throughputUnit = tr("epochs/min");
        s.batchLoss = false;  // the epoch's training loss, drawn as such already
        s.throughput = e.elapsedSeconds > 0 ? 60.0 * e.epoch / e.elapsedSeconds : 0.0;
        s.etaSeconds = e.epoch > 0 ? e.elapsedSeconds / e.epoch * (e.maxEpochs - e.epoch) : -1;
        Q_EMIT step(s);
    };
    auto result = ClassifierTrainer::train(
        clips.value(), options, onEpoch,
        [this](const ProgressInfo &p) { Q_EMIT stage(p.fraction >= 0 ? kDataShare + p.fraction * (1 - kDataShare) : -1, p.stage); },
        m_cancel.get());
    if (endedWithoutModel(result, job.outPath))
        return;
    const ClassifierTrainingResult &r = result.value();
    TrainingOutcome outcome;
    outcome.modelPath = job.outPath;
    outcome.bestValidationLoss = r.bestValidationLoss;
    outcome.stopReason = r.stopReason;
    const QString calibrationNote =
        r.calibration.pieceResults.empty()
            ? QString()
            : tr(" The Chopin decision was set from the validation pieces heard as they are, in a room and in a hall "
                 "(piece accuracy %1 over those %2).")
                  .arg(decimal(r.calibration.pieces.accuracy, 3)).arg(r.calibration.pieces.count);
    const QString skippedNote = skipped.isEmpty() ? QString() : tr(" %n unreadable file(s) were skipped.", nullptr, int(skipped.size()));
    if (r.validationClips == 0)
        outcome.summary = tr("Trained %1 on %2 in %3 on %4; best epoch %5, by training loss: no piece was held out "
                             "for validation (a composer needs 3 or more pieces for one to be), so nothing measures how well "
                             "this model does on music it has not heard.%6 Saved to %7.")
                              .arg(tr("%n epoch(s)", nullptr, r.epochsCompleted), tr("%n clip(s)", nullptr, r.trainingClips))
                              .arg(trainingDuration(r.seconds)).arg(deviceWords(r.device))
                              .arg(r.bestEpoch).arg(skippedNote, QFileInfo(job.outPath).fileName());
    else
        // The per-epoch figures in the log and the charts are at even odds; these are at the
        // decision the model ships with, so they say which.
        outcome.summary = tr("Trained %1 on %2 (%3 for validation) in %4 on %5; best epoch %6. Validation%13: "
                             "piece accuracy %7, clip accuracy %8, ROC AUC %9.%10%11 Saved to %12.")
                              .arg(tr("%n epoch(s)", nullptr, r.epochsCompleted), tr("%n clip(s)", nullptr, r.trainingClips),
                                   tr("%n clip(s)", nullptr, r.validationClips))
                              .arg(trainingDuration(r.seconds)).arg(deviceWords(r.device)).arg(r.bestEpoch)
                              .arg(decimal(r.validation.pieces.accuracy, 3)).arg(decimal(r.validation.clips.accuracy, 3))
                              .arg(decimal(r.validation.pieces.rocAuc, 3))
                              .arg(calibrationNote, skippedNote)
                              .arg(QFileInfo(job.outPath).fileName())
                              .arg(r.calibratedOn.isEmpty() ? tr(" at even odds") : tr(" at the calibrated decision"));
    Q_EMIT finished(outcome);
}

}  // namespace aichopin
