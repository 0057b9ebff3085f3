#include "listen/MelFilterbank.h"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace aichopin {

namespace {
constexpr double kFSp = 200.0 / 3.0;     // Hz per mel below 1 kHz
constexpr double kMinLogHz = 1000.0;
constexpr double kMinLogMel = kMinLogHz / kFSp;  // 15
const double kLogStep = std::log(6.4) / 27.0;
}  // namespace

double MelFilterbank::hzToMel(double hz)
{
    return hz >= kMinLogHz ? kMinLogMel + std::log(hz / kMinLogHz) / kLogStep : hz / kFSp;
}

double MelFilterbank::melToHz(double mel)
{
    return mel >= kMinLogMel ? kMinLogHz * std::exp(kLogStep * (mel - kMinLogMel)) : kFSp * mel;
}

MelFilterbank::MelFilterbank(int sampleRate, int nFft, int nMels, double fmin, double fmax)
    : m_bins(nFft / 2 + 1)
{
    if (fmax <= 0)
        fmax = sampleRate / 2.0;
    const double mMin = hzToMel(fmin), mMax = hzToMel(fmax);
    m_edges.resize(size_t(nMels + 2));
    for (int i = 0; i < nMels + 2; ++i)
        m_edges[size_t(i)] = melToHz(mMin + (mMax - mMin) * i / (nMels + 1));
    m_bands.resize(size_t(nMels));
    for (int m = 0; m < nMels; ++m) {
        const double lo = m_edges[size_t(m)], mid = m_edges[size_t(m + 1)], hi = m_edges[size_t(m + 2)];
        const double enorm = 2.0 / (hi - lo);
        Band &band = m_bands[size_t(m)];
        int first = -1, last = -1;
        std::vector<float> w(size_t(m_bins), 0.0f);
        for (int k = 0; k < m_bins; ++k) {
            const double f = double(k) * sampleRate / nFft;
            const double lower = (f - lo) / (mid - lo);
            const double upper = (hi - f) / (hi - mid);
            const double v = std::max(0.0, std::min(lower, upper)) * enorm;
            if (v > 0) {
                w[size_t(k)] = float(v);
                if (first < 0)
                    first = k;
                last = k;
            }
        }
        if (first >= 0) {
            band.first = first;
            band.weights.assign(w.begin() + first, w.begin() + last + 1);
        }
    }
}

double MelFilterbank::noteToHz(double midiNote)
{
    return 440.0 * std::pow(2.0, (midiNote - 69.0) / 12.0);
}

MelFilterbank MelFilterbank::semitones(int sampleRate, int nFft, int lowNote, int highNote)
{
    MelFilterbank fb;
    fb.m_bins = nFft / 2 + 1;
    const double binHz = double(sampleRate) / nFft;
    const int n = highNote - lowNote + 1;
    for (int i = 0; i < n + 2; ++i)
        fb.m_edges.push_back(noteToHz(lowNote - 1 + i));
    fb.m_bands.resize(size_t(n));
    for (int m = 0; m < n; ++m) {
        const double mid = fb.m_edges[size_t(m + 1)];
        const double lo = std::min(fb.m_edges[size_t(m)], mid - binHz);
        const double hi = std::max(fb.m_edges[size_t(m + 2)], mid + binHz);
        Band &band = fb.m_bands[size_t(m)];
        const int first = std::max(0, int(std::ceil(lo / binHz)));
        const int last = std::min(fb.m_bins - 1, int(std::floor(hi / binHz)));
        double sum = 0;
        std::vector<float> w;
        for (int k = first; k <= last; ++k) {
            const double f = k * binHz;
            const double v = std::max(0.0, std::min((f - lo) / (mid - lo), (hi - f) / (hi - mid)));
            w.push_back(float(v));
            sum += v;
        }
        // Trim zero weights at both ends so apply() touches only the band's bins.
        size_t a = 0, b = w.size();
        while (a < b && w[a] == 0.0f)
            ++a;
        while (b > a && w[b - 1] == 0.0f)
            --b;
        band.first = a < b ? first + int(a) : 0;  // a band above the Nyquist frequency stays empty (zero)
        for (size_t k = a; k < b; ++k)
            band.weights.push_back(float(w[k] / sum));
    }
    return fb;
}

void MelFilterbank::apply(const float *spectrum, float *mel) const
{
    for (size_t m = 0; m < m_bands.size(); ++m) {
        const Band &b = m_bands[m];
        const float *s = spectrum + b.first;
        float acc = 0.0f;
        for (size_t i = 0; i < b.weights.size(); ++i)
            acc += b.weights[i] * s[i];
        mel[m] = acc;
    }
}

std::vector<float> MelFilterbank::dense() const
{
    std::vector<float> out(m_bands.size() * size_t(m_bins), 0.0f);
    for (size_t m = 0; m < m_bands.size(); ++m)
        std::copy(m_bands[m].weights.begin(), m_bands[m].weights.end(), out.begin() + std::ptrdiff_t(m * size_t(m_bins) + size_t(m_bands[m].first)));
    return out;
}

}  // namespace aichopin
