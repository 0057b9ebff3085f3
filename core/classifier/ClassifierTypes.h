#pragma once
// Value types of the Chopin/Other classifier shared by core, the CLI and the GUI: feature
// settings, hyperparameters (presets), per-clip timeline entries, verdicts and training
// statistics. No LibTorch here; copy these freely between threads (register them with
// Q_DECLARE_METATYPE in the GUI to send them through queued signals).
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace aichopin {

// LogMel: log power in mel bands. Mfcc: the paper's cepstral coefficients. Pitch: log power in
// one band per semitone (a longer FFT, so low notes are resolved), which keeps harmony and
// voicing: 96 mel bands are wider than a semitone below about 600 Hz.
enum class ClassifierFeatureKind { LogMel, Mfcc, Pitch };

// How audio becomes network input. Stored in every model file; classification uses the model's.
struct ClassifierFeatureSettings {
    ClassifierFeatureKind kind = ClassifierFeatureKind::LogMel;
    int sampleRate = 22050;
    int nFft = 2048;
    int hop = 512;
    int nMels = 96;
    int nMfcc = 20;
    int lowNote = 24;    // Pitch: bands for MIDI notes lowNote..highNote (C1..B8 by default)
    int highNote = 119;
    double clipSeconds = 10.0;    // one network input
    double clipHopSeconds = 5.0;  // distance between clip starts when classifying (50% overlap)
    // Normalisation: every clip is standardised on its own (mean 0, variance 1 over the clip),
    // which removes loudness and overall spectral level (synthesizer, microphone) differences.
    QString normalisation = QStringLiteral("per-clip");
    // > 0: before that, the clip's smooth spectral envelope is removed: the first this many
    // cosine terms (over the band axis) of the clip's mean band levels, so a piano's, room's or
    // microphone's colour (a bass rumble, a dull or bright top) is taken out and the notes' detail
    // across neighbouring bands is kept. 0: off (models before it).
    int flattenTerms = 0;

    // The usual settings for a kind: mel and MFCC with n_fft 2048 and hop 512; pitch with n_fft
    // 4096 (5.4 Hz bins at 22,050 Hz) and hop 1024, which costs the same FFT work per second, and
    // its clips flattened (kDefaultPitchFlattenTerms, as the shipped model). Model files without
    // flatten_terms read as 0 (not flattened), as they were trained.
    static ClassifierFeatureSettings forKind(ClassifierFeatureKind kind);
    static constexpr int kDefaultPitchFlattenTerms = 8;

    int bins() const
    {
        return kind == ClassifierFeatureKind::Mfcc ? nMfcc : kind == ClassifierFeatureKind::Pitch ? highNote - lowNote + 1 : nMels;
    }
    int clipFrames() const { return int(clipSeconds * sampleRate / hop); }
    int hopFrames() const { return qMax(1, int(clipHopSeconds * sampleRate / hop)); }
    double secondsPerFrame() const { return double(hop) / sampleRate; }
    QJsonObject toJson() const;
    static std::optional<ClassifierFeatureSettings> fromJson(const QJsonObject &o);
    // Stable text of every field, for cache keys.
    QString cacheKey() const;
};

QString featureKindName(ClassifierFeatureKind kind);  // "mel", "mfcc" or "pitch"
std::optional<ClassifierFeatureKind> featureKindFromName(const QString &name);

// Network and optimiser. Presets: "paper" (MFCC, Choi-style 32-64-64-32 blocks, Adadelta) and
// "default" (semitone bands, a 24-48-96-96 network, Adam, SpecAugment-style masking; the shipped
// model's settings, see resources/models/classifier-default.md).
struct ClassifierHyperparameters {
    QString preset = QStringLiteral("default");
    std::vector<int> channels{24, 48, 96, 96};
    double dropout = 0.3;
    QString optimizer = QStringLiteral("adam");  // "adam" or "adadelta"
    double learningRate = 1e-3;
    double weightDecay = 1e-4;
    int batchSize = 32;
    bool specAugment = true;  // random frequency/time masks on training clips
    // true: each epoch takes every clip of the smaller class and as many of the larger one (a
    // different share each epoch, so all are seen in turn), with an unweighted loss. false: all
    // clips every epoch, the loss weighted so each class counts the same.
    bool balancedSampling = false;
    // The learning rate is multiplied by this after an epoch that did not give a better model (1: constant).
    double lrDecay = 1.0;
    // true: step by step the learning rate follows half a cosine from its start value at the
    // first step to zero at the last step of the last epoch, so the last epochs settle
    // instead of swinging (the epochs asked for set its length). false: constant (but see lrDecay).
    bool cosineSchedule = false;
    // > 0: validate and save an exponential moving average of the weights (this decay per step,
    // with a short warm-up) instead of the last step's weights, which swing from batch to batch.
    double emaDecay = 0.0;
    // > 0: from this epoch on, the model validated and kept is the mean of the weights at the end
    // of every epoch since it (stochastic weight averaging), its batch-norm statistics measured
    // again over the training clips; validation then reports that average and no longer chooses an
    // epoch, so a run needs no held-out pieces to decide what it keeps. 0: off. Not with emaDecay.
    int averageFrom = 0;
    // > 0: each training clip gets a random smooth equalisation across its bands (four cosine
    // terms over the band axis, each up to this many standard deviations of the normalised clip;
    // about 12 dB per unit for semitone bands), so the network hears past one synthesizer's or
    // piano's spectral colour. 0: off.
    double timbreEq = 0.0;
    // > 0: mixup. Each training batch is mixed with a shuffled copy of itself, every clip
    // lambda * its own input + (1 - lambda) * its partner's, and the loss is the same mix of the
    // two clips' losses; lambda is drawn per batch from Beta(mixup, mixup) and taken as the larger
    // of lambda and 1 - lambda, so each clip stays mostly itself. It teaches the network to give
    // in-between answers between the classes instead of certain ones. 0: off.
    double mixup = 0.0;
    // > 0: a second output names the composer of each training clip (every composer of the
    // training pieces is a class), and its cross entropy, times this weight, is added to the
    // Chopin/Other loss, so the network must tell the Romantic composers apart rather than only
    // "Chopin-like" from the rest. Verdicts use the Chopin/Other output only. 0: off.
    double composerWeight = 0.0;
    int composerClasses = 0;  // set by training from the data (0 with composerWeight 0)

    QJsonObject toJson() const;
    static std::optional<ClassifierHyperparameters> fromJson(const QJsonObject &o);
    static std::optional<ClassifierHyperparameters> fromPreset(const QString &name);  // nullopt: unknown name
    static QStringList presetNames();
    // Feature settings a preset is meant for (paper: MFCC, default: semitone bands).
    static ClassifierFeatureSettings presetFeatures(const QString &name);
};

// One clip of the timeline a classified file gets.
struct ClipVerdict {
    double startSeconds = 0;
    double endSeconds = 0;
    double pChopin = 0;
    int frames = 0;  // feature frames the network heard: the clip length, fewer for a short passage
};

// What classifying one file gives.
struct ClassifierVerdict {
    QString label;               // "Chopin" or "Other"
    double pChopin = 0;          // from the mean clip log-probabilities of both classes
    double meanLogPChopin = 0;
    double meanLogPOther = 0;
    double durationSeconds = 0;
    std::vector<ClipVerdict> timeline;
    // Clips of the timeline whose dead top bands (a band-limited recording) were filled from the
    // octaves below before the network heard them (ClipStream::restoreTop); the kept features
    // below are as decoded, without the fill.
    int topRestoredClips = 0;
    // The mean of the file's channels was silent (one channel the other inverted, a wiring or
    // editing fault): it was heard from its first channel alone.
    bool heardOneChannel = false;
    // The features the network listened to (whole file, [frames][bins] row-major, before the
    // per-clip normalisation), when ClassifyOptions::keepFeatures was set.
    int featureFrames = 0;
    int featureBins = 0;
    double secondsPerFrame = 0;
    std::vector<float> features;
};

// Per epoch, from the training thread.
struct ClassifierEpochStats {
    int epoch = 0;  // 1-based
    int maxEpochs = 0;
    double trainLoss = 0;
    double trainAccuracy = 0;
    double validationLoss = 0;
    double validationAccuracy = 0;       // clip level
    double validationPieceAccuracy = 0;  // piece level (mean clip log-probability)
    double validationPieceAuc = -1;      // piece ROC AUC (-1: the validation pieces hold one class)
    bool improved = false;               // the model file was rewritten
    // 0: no piece was held out (a composer needs 3 or more pieces for one to be); the validation
    // fields are then 0 and the epoch kept is the one with the lowest training loss.
    int validationClips = 0;
    double elapsedSeconds = 0;
    double learningRate = 0;
};

}  // namespace aichopin
