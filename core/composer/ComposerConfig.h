#pragma once
// The settings of a composer network and of its training: plain values, stored in model files
// as JSON. Presets: "default" (chosen for quality and real-time generation on one core),
// "paper-benchmark" and "paper-optimized" (the seed paper's two designs). Any thread.

#include "composer/Representation.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace aichopin {

struct ComposerHyperparameters {
    QString preset = QStringLiteral("default");
    Representation representation = Representation::Performance;
    int embedding = 128;      // token embedding width
    int hidden = 256;         // LSTM units per layer
    int layers = 3;           // LSTM layers
    int denseLayers = 1;      // 1: hidden -> vocabulary; 2: hidden -> denseSize -> vocabulary
    int denseSize = 256;
    double dropout = 0.3;     // between LSTM layers and before each dense layer

    static QStringList presetNames();
    static std::optional<ComposerHyperparameters> fromPreset(const QString &name);

    QJsonObject toJson() const;
    static std::optional<ComposerHyperparameters> fromJson(const QJsonObject &json);
};

struct ComposerTrainingOptions {
    QString dataDir;          // MIDI files (searched recursively)
    QString outPath;          // the model file; the checkpoint goes to outPath + ".ckpt"
    QString resumePath;       // a checkpoint (or a model file next to its .ckpt) to continue
    // When resuming, the checkpoint's hyperparameters and training settings are used (so the run
    // continues exactly); set this to refuse a checkpoint of another representation.
    bool requireRepresentation = false;
    // A model (or checkpoint) whose weights start a new training on dataDir (fine-tuning, for
    // example a model of many composers continued on one). Its network size, representation and
    // vocabulary are used; the optimiser, learning rate, epochs and early stopping start afresh.
    // Not with resumePath.
    QString initPath;
    ComposerHyperparameters hyper;
    QString optimizer = QStringLiteral("adam");  // "adam" or "rmsprop"
    double learningRate = 2e-3;
    double lrDecay = 0.5;     // the learning rate is multiplied by this after an epoch that did not improve
    double clipNorm = 1.0;    // gradient clipping (global L2 norm)
    int batchSize = 32;       // parallel streams
    int chunkLength = 128;    // truncated backpropagation through time
    // "sequence": every position of a chunk is a target (the default). "window": the paper's way,
    // one target per windowLength-event window (each from a fresh state), kept to reproduce it.
    // Validation then scores each event from the windowLength events before it (see evaluateWindowNll).
    QString objective = QStringLiteral("sequence");
    int windowLength = 100;
    int maxEpochs = 50;
    double maxMinutes = 0.0;  // 0: no time limit
    int patience = 4;         // epochs without validation improvement before stopping
    double validationFraction = 0.12;  // share of pieces held out (at least one)
    int maxTranspose = 6;     // semitones either way; 0 turns transposition off
    double maxStretch = 0.10; // tempo stretch up to +-10%; 0 turns it off
    quint64 seed = 1;
    int threads = 0;          // 0: leave LibTorch's default
    QString device = QStringLiteral("auto");  // "auto", "cpu" or "cuda"
    int reportEverySteps = 10;
};

}  // namespace aichopin
