#pragma once
// Training and evaluation data for the classifier: finds the pieces (labels from folders or a
// list file), splits them by piece (stratified by composer), and turns each into feature clips:
// MIDI is rendered through FluidSynth with augmentation (soundfont, velocity curve, tempo,
// transposition, reverb/chorus, then a synthetic room, gain, equalisation, noise and a lossy MP3/AAC round trip),
// audio is decoded (with the same gain/EQ/noise/codec augmentation). Clips are cached on disk under a key made of the file's
// content hash, the augmentation parameters and the feature settings, so a second run reads
// them back at once.
//
// Layouts accepted by scan():
//   DIR/chopin/... and DIR/other/...      (any case; other/COMPOSER/... names the composer)
//   DIR/Chopin/... and DIR/<Composer>/... (piano-midi's layout: every other folder is Other)
//   a list file: one "LABEL<TAB>PATH[<TAB>COMPOSER]" per line, LABEL Chopin or Other, relative
//   paths relative to the list file; '#' starts a comment.
// Blocking, no LibTorch; call from a worker thread.
#include "classifier/AudioAugmentation.h"
#include "classifier/ClipSet.h"
#include "common/CancelToken.h"
#include "common/Progress.h"
#include "common/Result.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace aichopin {

struct DatasetEntry {
    QString path;
    QString composer;
    bool isChopin = false;
};

struct ClassifierDatasetOptions {
    ClassifierFeatureSettings features;
    double validationFraction = 0.2;  // of each composer's pieces (at least one when a composer has 3+)
    quint64 seed = 1;
    int clipsPerPiece = 4;            // clip windows per piece per augmented rendering, spread over the piece
                                      // (each rendering's windows fall between the others')
    int augmentations = 2;            // augmented renderings of each training piece
    int validationAugmentations = 1;  // of each validation piece
    QStringList soundfonts;           // empty: every installed soundfont
    // When set (and another soundfont is left), validation pieces are rendered only with this
    // soundfont and training pieces never: validation then measures generalisation to a synth.
    QString holdoutSoundfont;
    // Soundfonts (matched by file name) never used, neither for training nor for validation:
    // a model trained so can be measured on them afterwards as on an unknown synthesizer.
    QStringList excludeSoundfonts;
    bool augment = true;              // off: default soundfont, no effects (evaluation of plain data)
    int lossyKbps = 0;                // > 0 with augment off: every clip through the MP3/AAC round trip
    RoomParams evaluationRoom;        // active with augment off: every clip heard in this room (first)
    // MIDI: seconds rendered before each window and then dropped, so the notes and the pedal
    // ringing into the window sound as in a continuous performance (a recording), not re-struck
    // or cut off at the window's start. 0 (the default so far): each window starts from silence.
    double prerollSeconds = 0.0;
    // With augmentation: the share of renderings (and decoded recordings) heard through a
    // synthetic room (RoomResponse: a convolution reverb from small rooms to a hall, near or far),
    // before the equalisation, noise and codec. 0 (the default so far): none.
    double roomShare = 0.0;
    // With augmentation: the share of renderings (and decoded recordings) band-limited as a file
    // sampled at 8,000, 11,025 or 16,000 Hz is (AugmentationParams::drawBandLimit). 0: none.
    double bandLimitShare = 0.0;
    QString cacheDir;                 // empty: <XDG cache>/classifier-clips; "-" disables the cache
    int maxPieces = 0;                // > 0: take at most this many pieces (spread over composers)
    // Below 1: train on only this share of each composer's training pieces (seeded, at least one),
    // the validation pieces unchanged, so runs on less data compare on the same held-out pieces.
    double trainShare = 1.0;
    bool allValidation = false;       // evaluation: every piece is marked validation
    bool onlyValidation = false;      // evaluation of a training run's split: make clips of validation pieces only
};

class ClassifierDataset {
public:
    static Result<std::vector<DatasetEntry>> scan(const QString &dirOrList);
    // Marks validation pieces: per composer, a seeded shuffle, the first fraction.
    static void splitByPiece(std::vector<ClipPiece> &pieces, double validationFraction, quint64 seed);
    // Drops training pieces so that `share` of each composer's remain (rounded, at least one);
    // validation pieces are kept. A seeded shuffle, independent of the split's.
    static void keepTrainingShare(std::vector<ClipPiece> &pieces, double share, quint64 seed);
    // Clips of every entry. A file that cannot be read is skipped and named in *skipped.
    static Result<ClipSet> build(const std::vector<DatasetEntry> &entries, const ClassifierDatasetOptions &options,
                                 const ProgressSink &progress = {}, const CancelToken *cancel = nullptr,
                                 QStringList *skipped = nullptr);
    // Clips of every entry heard in each of rooms in turn (for evaluation: augmentation off; each
    // room replaces options.evaluationRoom). With more than one room, a room's pieces are named
    // "NAME [room LABEL]" (RoomParams::label) and count as pieces of their own. *skipped names
    // each file skipped in any room once. No rooms: as build().
    static Result<ClipSet> buildInRooms(const std::vector<DatasetEntry> &entries, ClassifierDatasetOptions options,
                                        const std::vector<RoomParams> &rooms, const ProgressSink &progress = {},
                                        const CancelToken *cancel = nullptr, QStringList *skipped = nullptr);
    static QString defaultCacheDir();
    // The soundfonts build() renders MIDI with under these options (installed or given, less the
    // excluded ones), in the order AugmentationParams::soundfont indexes.
    static QStringList soundfontsFor(const ClassifierDatasetOptions &options);
};

}  // namespace aichopin
