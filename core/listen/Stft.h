#pragma once
// Short-time Fourier transform of one frame at a time with a real FFT (KissFFT's kiss_fftr) and a
// periodic Hann window (scipy get_window('hann', n_fft, fftbins=True), as librosa uses).
// A Stft object keeps its FFT plan and buffers: reuse it across frames. Not thread-safe: use
// one object per thread. Frame centring and padding are done by the callers (Features,
// StreamingFeatureExtractor): librosa >= 0.10 style, center=True with zero ('constant') padding.

#include <memory>
#include <vector>

namespace aichopin {

enum class SpectrumKind { Power, Magnitude };

class Stft {
public:
    // Precondition: nFft even and >= 16.
    explicit Stft(int nFft = 2048);
    ~Stft();
    Stft(const Stft &) = delete;
    Stft &operator=(const Stft &) = delete;

    int nFft() const { return m_nFft; }
    int bins() const { return m_nFft / 2 + 1; }
    const std::vector<float> &window() const { return m_window; }

    // frame: nFft samples (unwindowed). out: bins() values |X|^2 (Power) or |X| (Magnitude).
    void transform(const float *frame, float *out, SpectrumKind kind = SpectrumKind::Power);

private:
    struct Plan;
    int m_nFft;
    std::vector<float> m_window;
    std::unique_ptr<Plan> m_plan;
};

}  // namespace aichopin
