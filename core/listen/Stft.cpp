#include "listen/Stft.h"

#include <kiss_fftr.h>

#include <cmath>

namespace aichopin {

struct Stft::Plan {
    kiss_fftr_cfg cfg = nullptr;
    std::vector<float> windowed;
    std::vector<kiss_fft_cpx> spectrum;
    ~Plan() { kiss_fftr_free(cfg); }
};

Stft::Stft(int nFft) : m_nFft(nFft), m_window(size_t(nFft)), m_plan(std::make_unique<Plan>())
{
    // Periodic Hann: the N-point window of an (N+1)-point symmetric one, as scipy/librosa.
    for (int n = 0; n < nFft; ++n)
        m_window[size_t(n)] = float(0.5 - 0.5 * std::cos(2.0 * M_PI * n / nFft));
    m_plan->cfg = kiss_fftr_alloc(nFft, 0, nullptr, nullptr);
    m_plan->windowed.resize(size_t(nFft));
    m_plan->spectrum.resize(size_t(bins()));
}

Stft::~Stft() = default;

void Stft::transform(const float *frame, float *out, SpectrumKind kind)
{
    float *w = m_plan->windowed.data();
    const float *win = m_window.data();
    for (int i = 0; i < m_nFft; ++i)
        w[i] = frame[i] * win[i];
    kiss_fftr(m_plan->cfg, w, m_plan->spectrum.data());
    const kiss_fft_cpx *X = m_plan->spectrum.data();
    const int nb = bins();
    if (kind == SpectrumKind::Power) {
        for (int k = 0; k < nb; ++k)
            out[k] = X[k].r * X[k].r + X[k].i * X[k].i;
    } else {
        for (int k = 0; k < nb; ++k)
            out[k] = std::sqrt(X[k].r * X[k].r + X[k].i * X[k].i);
    }
}

}  // namespace aichopin
