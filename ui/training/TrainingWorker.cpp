#include "training/TrainingWorker.h"

#include "composer/ComposerTrainer.h"

#include <QFileInfo>

namespace aichopin {

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
        Q_EMIT failed(tr("Classifier training is not available in this build."));
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
    if (m_cancel->isCancelled()) {
        Q_EMIT stopped(options.outPath);
        return;
    }
    if (!result) {
        Q_EMIT failed(result.error().toString());
        return;
    }
    const ComposerTrainingResult &r = result.value();
    TrainingOutcome outcome;
    outcome.modelPath = options.outPath;
    outcome.bestValidationLoss = r.bestValidationLoss;
    outcome.stopReason = r.stopReason;
    outcome.summary = tr("Trained %1 epochs on %2 pieces (%3 held out for validation) in %4 min on %5; best validation loss "
                         "%6 nats/event (%7 bits) at epoch %8; stopped by %9. Saved to %10.")
                          .arg(r.epochsCompleted).arg(r.trainingPieces).arg(r.validationPieces)
                          .arg(r.totalSeconds / 60.0, 0, 'f', 1).arg(r.device)
                          .arg(r.bestValidationLoss, 0, 'f', 3).arg(r.bestValidationLoss / 0.6931471805599453, 0, 'f', 3)
                          .arg(r.bestEpoch).arg(r.stopReason, QFileInfo(options.outPath).fileName());
    Q_EMIT finished(outcome);
}

}  // namespace aichopin
