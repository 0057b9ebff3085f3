#include "classifier/RoomResponse.h"

#include <kiss_fftr.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <type_traits>

namespace aichopin {

RoomParams RoomParams::draw(std::mt19937_64 &rng)
{
    const auto uniform = [&](double a, double b) { return std::uniform_real_distribution<double>(a, b)(rng); };
    RoomParams r;
    r.rt60 = uniform(0.3, 2.6);
    r.directToReverbDb = uniform(-4.0, 10.0);
    r.seed = rng();
    return r;
}

QString RoomParams::key() const
{
    if (!active())
        return {};
    return QStringLiteral("room%1/%2/%3").arg(rt60, 0, 'g', 8).arg(directToReverbDb, 0, 'g', 8).arg(seed);
}

QString RoomParams::label() const
{
    if (!active())
        return QStringLiteral("none");
    return QStringLiteral("%1 s:%2 dB").arg(rt60).arg(directToReverbDb);
}

std::vector<RoomParams> RoomParams::calibrationRooms()
{
    return {RoomParams{}, RoomParams{1.5, 6.0, 1}, RoomParams{2.2, 0.0, 1}};
}

std::vector<float> RoomResponse::impulse(const RoomParams &room, int sampleRate)
{
    if (!room.active() || sampleRate <= 0)
        return {};
    const double seconds = std::min(room.rt60, 3.0);
    const size_t n = std::max<size_t>(2, size_t(seconds * sampleRate));
    std::mt19937_64 rng(room.seed);
    std::normal_distribution<double> normal(0.0, 1.0);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    // The diffuse tail: noise split at about 2.5 kHz, the bass falling 60 dB in RT60, the treble
    // in 0.6 RT60; it builds up over the first 25 ms.
    const double k = 6.907755 / room.rt60;  // ln(1000) per RT60: 60 dB of amplitude
    const double a = 1.0 - std::exp(-2.0 * M_PI * 2500.0 / sampleRate);
    std::vector<double> h(n, 0.0);
    double low = 0;
    for (size_t i = 1; i < n; ++i) {
        const double t = double(i) / sampleRate;
        const double v = normal(rng);
        low += a * (v - low);
        double y = low * std::exp(-k * t) + (v - low) * std::exp(-k * t / 0.6);
        if (t < 0.025)
            y *= t / 0.025;
        h[i] = y;
    }
    // Early reflections: a few walls, floor and ceiling, 2 to 40 ms after the direct sound, each
    // louder than the tail around it.
    const int reflections = 6 + int(unit(rng) * 6);
    for (int r = 0; r < reflections; ++r) {
        const double t = 0.002 + unit(rng) * 0.038;
        const size_t i = std::min(n - 1, size_t(t * sampleRate));
        const double sign = unit(rng) < 0.5 ? -1.0 : 1.0;
        h[i] += sign * (1.0 + 3.0 * unit(rng)) * std::exp(-k * t);
    }
    double energy = 0;
    for (size_t i = 1; i < n; ++i)
        energy += h[i] * h[i];
    const double gain = energy > 0 ? std::sqrt(std::pow(10.0, -room.directToReverbDb / 10.0) / energy) : 0.0;
    std::vector<float> out(n);
    out[0] = 1.0f;
    for (size_t i = 1; i < n; ++i)
        out[i] = float(h[i] * gain);
    return out;
}

std::vector<float> RoomResponse::convolve(const std::vector<float> &x, const std::vector<float> &h)
{
    if (h.empty() || x.empty())
        return x;
    const int n = kiss_fftr_next_fast_size_real(int(x.size() + h.size() - 1));
    const auto freeCfg = [](kiss_fftr_cfg c) { kiss_fftr_free(c); };
    const std::unique_ptr<std::remove_pointer_t<kiss_fftr_cfg>, decltype(freeCfg)> forward(kiss_fftr_alloc(n, 0, nullptr, nullptr), freeCfg);
    const std::unique_ptr<std::remove_pointer_t<kiss_fftr_cfg>, decltype(freeCfg)> inverse(kiss_fftr_alloc(n, 1, nullptr, nullptr), freeCfg);
    std::vector<float> buffer(size_t(n), 0.0f);
    std::vector<kiss_fft_cpx> X(size_t(n / 2 + 1)), H(size_t(n / 2 + 1));
    std::copy(x.begin(), x.end(), buffer.begin());
    kiss_fftr(forward.get(), buffer.data(), X.data());
    std::fill(buffer.begin(), buffer.end(), 0.0f);
    std::copy(h.begin(), h.end(), buffer.begin());
    kiss_fftr(forward.get(), buffer.data(), H.data());
    const float scale = 1.0f / float(n);
    for (size_t i = 0; i < X.size(); ++i) {
        const kiss_fft_cpx p{(X[i].r * H[i].r - X[i].i * H[i].i) * scale, (X[i].r * H[i].i + X[i].i * H[i].r) * scale};
        X[i] = p;
    }
    kiss_fftri(inverse.get(), X.data(), buffer.data());
    buffer.resize(x.size());
    return buffer;
}

}  // namespace aichopin
