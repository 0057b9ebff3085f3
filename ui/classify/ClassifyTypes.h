#pragma once
// Value types the Classify area sends from its worker thread to the UI (registered metatypes).
#include "classifier/ClassifierTypes.h"

#include <QMetaType>
#include <QString>
#include <vector>

namespace aichopin {

// One file's outcome: a verdict, or an error text when the file could not be classified.
struct ClassifyResult {
    QString path;
    QString error;              // empty: verdict is valid
    ClassifierVerdict verdict;  // with features (for the spectrogram)
    QString featureKind;        // "mel", "mfcc" or "pitch", as the model used
    std::vector<double> featureBinHz;  // centre frequency of each feature bin (empty for MFCC)
    // "Where the model listened": 0..1 per step of overlayStepSeconds over the piece.
    std::vector<float> overlay;
    double overlayStepSeconds = 0;
    QString overlayMethod;      // "occlusion" or "clips"
    bool ok() const { return error.isEmpty(); }
};

// The occlusion map of a classified file, worked out after its verdict was sent (empty weights:
// none could be made; the file keeps the clip contributions it came with).
struct ClassifyOverlay {
    std::vector<float> weights;  // 0..1 per step of stepSeconds
    double stepSeconds = 0;
    QString method;
};

}  // namespace aichopin

Q_DECLARE_METATYPE(aichopin::ClassifyResult)
Q_DECLARE_METATYPE(aichopin::ClassifyOverlay)
