#pragma once
// Value types of the Training panel, passed through queued signals from the training thread.
// Task-neutral: the composer and the classifier report the same shapes.

#include "composer/ComposerConfig.h"

#include <QMetaType>
#include <QString>

namespace aichopin {

enum class TrainingTask { Composer, Classifier };

// The classifier's job: build clips from a folder (MIDI rendered with augmentation, audio
// decoded), then train the CNN on them.
struct ClassifierJob {
    QString dataDir;
    QString outPath;
    QString resumePath;
    QString preset = QStringLiteral("default");
    QString device = QStringLiteral("auto");
    int epochs = 30;
    double minutes = 0.0;      // 0: no limit
    int clipsPerPiece = 4;
    int augmentations = 2;
    int maxPieces = 0;         // > 0: a quick trial on this many pieces
    QString features;          // "mel", "mfcc" or "pitch"; empty: the preset's
};

struct TrainingRequest {
    TrainingTask task = TrainingTask::Composer;
    ComposerTrainingOptions composer;
    ClassifierJob classifier;

    QString outPath() const { return task == TrainingTask::Composer ? composer.outPath : classifier.outPath; }
    QString dataDir() const { return task == TrainingTask::Composer ? composer.dataDir : classifier.dataDir; }
};

// Every few batches.
struct TrainingStep {
    double epochPosition = 0.0;  // epochs done, fractional (x axis of the charts)
    double loss = 0.0;
    double throughput = 0.0;     // tokens (composer) or clips (classifier) per second
    QString throughputUnit;
    double elapsedSeconds = 0.0;
    double etaSeconds = -1.0;
    double fraction = 0.0;       // of the whole run, 0..1
    bool batchLoss = true;       // loss is one batch's (the composer's); false: progress alone
};

// After every epoch.
struct TrainingEpoch {
    int epoch = 0;
    int maxEpochs = 0;
    double trainLoss = 0.0;
    double validationLoss = 0.0;
    double trainAccuracy = -1.0;       // classifier only
    double validationAccuracy = -1.0;  // classifier only
    double validationAuc = -1.0;       // classifier only: piece ROC AUC, which picks the kept epoch
    // false: no piece was held out; validationLoss means nothing and the kept epoch is the one
    // with the lowest training loss.
    bool hasValidation = true;
    bool improved = false;
    double etaSeconds = -1.0;
};

struct TrainingOutcome {
    QString modelPath;
    QString summary;            // one paragraph for the log and the result box
    double bestValidationLoss = 0.0;
    QString stopReason;
};

}  // namespace aichopin

Q_DECLARE_METATYPE(aichopin::TrainingRequest)
Q_DECLARE_METATYPE(aichopin::TrainingStep)
Q_DECLARE_METATYPE(aichopin::TrainingEpoch)
Q_DECLARE_METATYPE(aichopin::TrainingOutcome)
