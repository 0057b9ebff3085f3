#pragma once
// Trains the CNN on a ClipSet (clips of the pieces marked validation are never trained on):
// class-balanced cross entropy (each class weighted by the inverse of its clip count), Adam or
// Adadelta, SpecAugment-style masks, per-epoch validation by clip and by piece, the best model
// by validation loss written to options.outPath and the full training state to
// outPath + ".ckpt" after every epoch (both atomically), from which options.resumePath continues.
// At the end the kept model's decision is calibrated between the validation pieces of both
// classes (see calibrate and calibrationClips).
//
// Does not include LibTorch: safe for GUI code. train() blocks; run it on a worker thread; the
// callbacks come on that thread (forward them through queued signals). Cancellation is checked
// every batch; a cancelled run keeps its last checkpoint and returns the Error "cancelled".
#include "classifier/ClassifierDataset.h"
#include "classifier/ClassifierModel.h"
#include "classifier/ClassifierTypes.h"
#include "classifier/ClipSet.h"
#include "common/CancelToken.h"
#include "common/Progress.h"
#include "common/Result.h"

#include <QJsonObject>
#include <QString>
#include <functional>
#include <optional>
#include <vector>

namespace aichopin {

struct ClassifierTrainingOptions {
    QString outPath;                 // required
    QString resumePath;              // a .ckpt (or the model next to one) to continue from
    ClassifierHyperparameters hyper;
    int epochs = 30;
    double minutes = -1;             // wall-clock limit (<= 0: none); checked every batch
    QString device = QStringLiteral("auto");
    quint64 seed = 1;
    int threads = 0;                 // torch intra-op threads; 0: one per core
    QJsonObject info;                // stored in the model file (data, command line)
    // After training, set the model's decision bias (ClassifierModel::decisionBias) from the
    // best model's verdicts on the validation pieces, when they hold both classes.
    bool calibrate = true;
    // What calibration hears. Unset: the validation clips as trained (augmented renderings).
    // Set: clips of the validation pieces made anew with these options but without augmentation
    // (MIDI rendered with the validation soundfont, no effects; recordings as decoded), each piece
    // heard in every room of calibrationRooms and all of them pooled, so that the decision sits
    // between the classes from a close recording to a hall. Should the clips fail, the validation
    // clips as trained (the model's info says which).
    std::optional<ClassifierDatasetOptions> calibrationClips;
    std::vector<RoomParams> calibrationRooms = RoomParams::calibrationRooms();
    // Which epoch's model is kept: "auc", the highest piece ROC AUC on the validation pieces
    // (ties: lower validation loss), because calibration moves the decision afterwards and only
    // the ranking of pieces remains; or "loss", the lowest validation loss. Without validation
    // pieces of both classes, the lowest validation (or training) loss.
    QString selectBy = QStringLiteral("auc");
};

struct ClassifierTrainingResult {
    int epochsCompleted = 0;
    int bestEpoch = 0;
    double bestValidationLoss = 0;
    double bestValidationPieceAuc = -1;
    QString selectedBy;              // "auc", "loss" (a resumed run keeps its checkpoint's rule) or "average" (hyper.averageFrom)
    QString stopReason;              // "epochs" or "time"
    QString device;
    double seconds = 0;
    int trainingClips = 0, validationClips = 0;
    ClassifierEvaluation validation;  // of the best model, on the validation pieces (after calibration)
    double decisionBias = 0;          // what calibration chose (0 without it)
    QString calibratedOn;             // what it heard (empty without calibration)
    // The pieces calibration heard (each piece once per room) at the decision it chose; empty
    // when it heard the validation clips as trained.
    ClassifierEvaluation calibration;
};

class ClassifierTrainer {
public:
    using EpochCallback = std::function<void(const ClassifierEpochStats &)>;
    static Result<ClassifierTrainingResult> train(const ClipSet &data, const ClassifierTrainingOptions &options,
                                                  const EpochCallback &onEpoch = {}, const ProgressSink &progress = {},
                                                  const CancelToken *cancel = nullptr);
};

}  // namespace aichopin
