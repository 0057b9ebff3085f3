#pragma once
// A lossy codec round trip (MP3 through libmp3lame, or FFmpeg's AAC encoder where LAME is
// missing): mono float samples are encoded at a bit rate and decoded again in memory, so a
// rendered training clip carries the artefacts of the compressed recordings the classifier
// will hear (band limits, pre-echo, smeared transients). The codec's delay is removed and the
// result has exactly the input's length, aligned with it sample for sample.
// FFmpeg types stay in LossyRoundTrip.cpp. Blocking, reentrant: call from any thread.
#include "common/Result.h"

#include <QString>
#include <vector>

namespace aichopin {

class LossyRoundTrip {
public:
    // The codec a round trip uses here ("mp3" or "aac"), or empty when FFmpeg has neither
    // encoder. Part of cache keys: clips made with another codec are other clips.
    static QString codecName();
    // Encodes and decodes samples (mono, nominally [-1, 1]) at sampleRate with about kbps
    // kilobits per second. Errors: no encoder, a sample rate the codec does not take, codec
    // failures. Empty input gives empty output.
    static Result<std::vector<float>> apply(const std::vector<float> &samples, int sampleRate, int kbps);
};

}  // namespace aichopin
