#pragma once
// A computed spectrogram (mel in dB, or MFCC) shared read-only between the view and its tile
// renderer thread.

#include "listen/FeatureMatrix.h"

#include <QString>

#include <memory>
#include <vector>

namespace aichopin {

struct SpectrogramData {
    FeatureMatrix matrix;         // frames x bins
    double secondsPerFrame = 512.0 / 22050.0;
    float low = -80.0f;           // value mapped to the start of the colour map
    float high = 0.0f;            // value mapped to its end
    QString kind;                 // what the bins are ("log-mel", "MFCC", ...), for the axis label
    // Centre frequency of each bin in Hz, for the readout under the pointer; empty when the bins
    // are not frequencies (MFCC) or not known.
    std::vector<double> binHz;
    QString unit = QStringLiteral("dB");  // of the values, for the readout

    double duration() const { return matrix.frames * secondsPerFrame; }
};

using SpectrogramDataPtr = std::shared_ptr<const SpectrogramData>;

}  // namespace aichopin
