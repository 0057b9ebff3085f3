#pragma once
// Helpers the sound tests share to look at audio: energy at one frequency (Goertzel), RMS, peak.

#include <algorithm>
#include <cmath>
#include <vector>

namespace aichopin::test {

// Power of frequency hz in samples[from, to) (seconds), normalised by the length.
inline double goertzel(const std::vector<float> &x, int sampleRate, double hz, double from, double to)
{
    const size_t a = size_t(std::max(0.0, from * sampleRate));
    const size_t b = std::min(x.size(), size_t(to * sampleRate));
    if (b <= a)
        return 0.0;
    const double w = 2.0 * M_PI * hz / sampleRate;
    const double c = 2.0 * std::cos(w);
    double s1 = 0.0, s2 = 0.0;
    for (size_t i = a; i < b; ++i) {
        const double s0 = x[i] + c * s1 - s2;
        s2 = s1;
        s1 = s0;
    }
    const double power = s1 * s1 + s2 * s2 - c * s1 * s2;
    const double n = double(b - a);
    return power / (n * n);
}

inline double rms(const std::vector<float> &x, int sampleRate, double from, double to)
{
    const size_t a = size_t(std::max(0.0, from * sampleRate));
    const size_t b = std::min(x.size(), size_t(to * sampleRate));
    if (b <= a)
        return 0.0;
    double sum = 0.0;
    for (size_t i = a; i < b; ++i)
        sum += double(x[i]) * x[i];
    return std::sqrt(sum / double(b - a));
}

inline double peak(const std::vector<float> &x)
{
    double p = 0.0;
    for (float s : x)
        p = std::max(p, double(std::fabs(s)));
    return p;
}

// Seconds of the first sample louder than threshold, or -1.
inline double onset(const std::vector<float> &x, int sampleRate, double threshold)
{
    for (size_t i = 0; i < x.size(); ++i)
        if (std::fabs(x[i]) > threshold)
            return double(i) / sampleRate;
    return -1.0;
}

}  // namespace aichopin::test
