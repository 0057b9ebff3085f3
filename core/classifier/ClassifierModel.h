#pragma once
// A trained Chopin/Other classifier: loads a model file, classifies audio or MIDI files (MIDI
// is rendered through FluidSynth first) into a verdict with a per-clip timeline, and evaluates
// on a ClipSet. Does not include LibTorch: safe for GUI code.
//
// Threads: every function blocks; one thread at a time per ClassifierModel (run it on a worker;
// LibTorch's no-grad guards are created inside). Files are decoded in a stream, so memory stays
// flat in the length of the file (unless ClassifyOptions::keepFeatures asks for every frame).
#include "classifier/ClassifierMetrics.h"
#include "classifier/ClassifierTypes.h"
#include "classifier/ClipSet.h"
#include "common/CancelToken.h"
#include "common/Progress.h"
#include "common/Result.h"

#include <QJsonObject>
#include <QString>
#include <memory>
#include <vector>

namespace aichopin {

struct ClassifyOptions {
    bool keepFeatures = false;  // fill ClassifierVerdict::features (for a spectrogram view)
    QString soundfont;          // MIDI input: soundfont to render with; empty: the first installed
    int batchSize = 8;          // clips per network call (bounds the activations held at once)
    bool trimSilence = true;    // judge only the sound: no clips of the silence before, after or
                                // between passages (ClipStream), once the recording is heard at
                                // one level (ClipStream::levelGain)
};

struct PieceResult {
    QString name, composer;
    bool isChopin = false;
    double pChopin = 0;
    int clips = 0;
};

struct ClassifierEvaluation {
    BinaryMetrics clips;
    BinaryMetrics pieces;
    std::vector<PieceResult> pieceResults;
    QJsonObject toJson() const;
};

class ClassifierModel {
public:
    ~ClassifierModel();
    // Errors (missing, corrupt, not a classifier model, mismatched weights) are values.
    static Result<std::unique_ptr<ClassifierModel>> load(const QString &path, const QString &device = QStringLiteral("cpu"));
    // The shipped model (resources/models/classifier-default.pt), or empty when not found.
    static QString defaultModelPath();

    const ClassifierFeatureSettings &features() const;
    const ClassifierHyperparameters &hyperparameters() const;
    QJsonObject info() const;  // training data, metrics, command (from the model file)

    // Semitone shifts at which the network also hears each clip (the clip's bands moved up or
    // down, the edge band repeated), the clip's verdict the mean over the clip as it is and every
    // shift: a transposition should not change the composer, and the vote steadies the
    // network's ear. (The clip's log-probabilities are the hearings' means renormalised, so its
    // log-odds are the mean of theirs.) Semitone-band models hear -1 and +1 by default (the
    // model info's "band_shifts" array, when present, sets it); other features have one band
    // per mel or MFCC coefficient, not per semitone, and hear none. Applies to every call below.
    const std::vector<int> &bandShifts() const;
    void setBandShifts(const std::vector<int> &shifts);  // 0 and repeats dropped; |shift| < bins
    static std::vector<int> defaultBandShifts(const ClassifierFeatureSettings &features, const QJsonObject &info);
    // pChopin of each of n clips (n x frames x bins normalised values), with bandShifts().
    // frames 0: clipFrames(). A shorter clip (a passage shorter than a clip, prepared on its
    // own by ClipStream) is heard repeated up to clipFrames().
    std::vector<double> predictClips(const float *clips, int n, std::vector<double> *logPChopin = nullptr,
                                     std::vector<double> *logPOther = nullptr, int frames = 0);
    // Audio (anything FFmpeg decodes) or MIDI (.mid/.midi/.kar). Progress: decoding or rendering.
    // Either is heard at one level (ClipStream::levelGain); a long audio file's level is measured
    // on excerpts first, then the file is decoded for the verdict.
    Result<ClassifierVerdict> classifyFile(const QString &path, const ClassifyOptions &options = {},
                                           const ProgressSink &progress = {}, const CancelToken *cancel = nullptr);
    // Mono samples at features().sampleRate, heard at one level as files are.
    ClassifierVerdict classifySamples(const float *samples, qsizetype n, const ClassifyOptions &options = {});
    // Clip and piece metrics over the pieces of data (validationOnly: those marked validation).
    ClassifierEvaluation evaluate(const ClipSet &data, bool validationOnly = false);

    // The piece decision's offset in log-odds (model info "decision_bias", 0 when absent): a
    // piece is Chopin when mean log p(Chopin) - mean log p(Other) >= bias. Set when training
    // calibrates the model on its validation pieces (ClassifierTrainer).
    double decisionBias() const;

    // P(Chopin) at a decision bias: exp(a) / (exp(a) + exp(b) * exp(bias)), without overflow. What a
    // piece verdict and each clip of the timeline and of an evaluation show.
    static double probabilityAtDecision(double logPChopin, double logPOther, double bias);
    // Verdict from clip log-probabilities (the mean of each class's log-probability, renormalised
    // after subtracting bias from Chopin's side).
    static void verdictFromClips(ClassifierVerdict &verdict, const std::vector<double> &logPChopin,
                                 const std::vector<double> &logPOther, double bias = 0.0);
    // The bias halfway between the median piece log-odds of the Chopin and of the Other pieces
    // (log-odds = logit of pChopin given without bias); 0 unless both classes are present.
    static double calibrateBias(const std::vector<double> &chopinLogOdds, const std::vector<double> &otherLogOdds);
    // Calibrates from an evaluation of this model (its piece verdicts, both classes needed) and
    // writes a copy of the model file at `from` to `to` (may be the same path, written
    // atomically) whose decision bias is the one chosen; `note` says on what it was chosen. The
    // copy records `bandShifts` as its "band_shifts": the shifts the evaluation heard, which the
    // bias belongs to.
    static Result<double> writeCalibrated(const QString &from, const QString &to, const ClassifierEvaluation &evaluation,
                                          double currentBias, const QString &note, const std::vector<int> &bandShifts);

private:
    ClassifierModel();
    struct Impl;
    std::unique_ptr<Impl> d;
};

}  // namespace aichopin
