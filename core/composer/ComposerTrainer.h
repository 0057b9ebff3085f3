#pragma once
// Trains a composer network on a folder of MIDI files: full-sequence teacher forcing with
// truncated backpropagation through time, a validation split by piece, augmentation, Adam or
// RMSprop with gradient clipping, a learning rate that halves after an epoch that did not
// improve, early stopping, and a checkpoint after every epoch (and when stopped early) from
// which --resume continues exactly (same machine, thread count and CPU device).
//
// Files: options.outPath holds the best model so far (weights + representation + vocabulary +
// hyperparameters; what ComposerModel::load reads); outPath + ".ckpt" holds the latest training
// state (weights, optimizer, position in the epoch, random state). Both are written atomically.
//
// Does not include LibTorch: safe for GUI code. train() blocks; run it on a worker thread. The
// callbacks are called on that thread (forward them through queued signals).

#include "common/CancelToken.h"
#include "common/Progress.h"
#include "common/Result.h"
#include "composer/ComposerConfig.h"

#include <QString>

#include <functional>

namespace aichopin {

// Reported every options.reportEverySteps batches.
struct ComposerStepStats {
    int epoch = 0;             // 1-based
    int step = 0;              // batch within the epoch, 1-based
    int stepsInEpoch = 0;
    qint64 globalStep = 0;
    double loss = 0.0;         // training loss of this batch, nats per event
    double tokensPerSecond = 0.0;
    double elapsedSeconds = 0.0;
    double etaSeconds = -1.0;  // -1 when unknown
    double learningRate = 0.0;
};

// Reported after every epoch (and after a partial epoch ended by the time limit).
struct ComposerEpochStats {
    int epoch = 0;
    int maxEpochs = 0;
    bool partial = false;           // the time limit ended this epoch early
    double trainLoss = 0.0;         // nats per event (mean over the epoch's batches, dropout on)
    double validationLoss = 0.0;    // nats per event
    double trainBits = 0.0;         // the same in bits per event
    double validationBits = 0.0;
    double bestValidationLoss = 0.0;
    bool improved = false;          // the model file was rewritten with these weights
    double tokensPerSecond = 0.0;
    double elapsedSeconds = 0.0;
    double etaSeconds = -1.0;
    double learningRate = 0.0;
};

struct ComposerTrainingResult {
    int epochsCompleted = 0;
    int bestEpoch = 0;
    double bestValidationLoss = 0.0;  // nats per event
    double seconds = 0.0;             // wall time of this run (resumed runs: this part only)
    double totalSeconds = 0.0;        // including the runs before a resume
    QString stopReason;               // "epochs", "time", "early-stop", "cancelled"
    QString device;                   // "cpu" or "cuda"
    int trainingPieces = 0;
    int validationPieces = 0;
    qint64 trainingEvents = 0;        // per epoch, before augmentation changes them
    qint64 validationEvents = 0;
    double tokensPerSecond = 0.0;
    // Started from a model's weights (initPath): that model's validation loss on these held-out
    // pieces before any training, to set beside bestValidationLoss; -1 otherwise.
    double startValidationLoss = -1.0;
};

class ComposerTrainer {
public:
    using StepCallback = std::function<void(const ComposerStepStats &)>;
    using EpochCallback = std::function<void(const ComposerEpochStats &)>;

    // Blocking. Cancellation is seen within one batch; a cancelled run writes its checkpoint
    // (so it can be resumed) and returns an error "cancelled". progress gets coarse stages
    // ("Reading MIDI files", "Epoch 3/20") with the fraction of the run done.
    static Result<ComposerTrainingResult> train(const ComposerTrainingOptions &options, const StepCallback &onStep,
                                                const EpochCallback &onEpoch, const ProgressSink &progress,
                                                const CancelToken *cancel);
};

}  // namespace aichopin
