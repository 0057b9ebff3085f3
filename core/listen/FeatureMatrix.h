#pragma once
// A feature matrix: `frames` rows of `bins` floats, row-major (one row per STFT frame). The
// layout matches NumPy arrays of shape [frames, bins] (librosa's output transposed).

#include <cstddef>
#include <vector>

namespace aichopin {

struct FeatureMatrix {
    int frames = 0;
    int bins = 0;
    std::vector<float> data;  // frames * bins values

    FeatureMatrix() = default;
    FeatureMatrix(int f, int b) : frames(f), bins(b), data(size_t(f) * size_t(b), 0.0f) {}
    float at(int frame, int bin) const { return data[size_t(frame) * size_t(bins) + size_t(bin)]; }
    float *row(int frame) { return data.data() + size_t(frame) * size_t(bins); }
    const float *row(int frame) const { return data.data() + size_t(frame) * size_t(bins); }
    bool isEmpty() const { return frames == 0 || bins == 0; }
};

}  // namespace aichopin
