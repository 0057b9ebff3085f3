#include "classifier/AudioAugmentation.h"

#include "classifier/LossyRoundTrip.h"

#include <algorithm>
#include <cmath>
#include <iterator>

namespace aichopin {

AugmentationParams AugmentationParams::draw(std::mt19937_64 &rng, int soundfontCount)
{
    const auto uniform = [&](double a, double b) { return std::uniform_real_distribution<double>(a, b)(rng); };
    AugmentationParams p;
    p.velocityGamma = std::exp(uniform(std::log(0.7), std::log(1.4)));
    p.tempoScale = uniform(0.92, 1.08);
    p.transpose = std::uniform_int_distribution<int>(-2, 2)(rng);
    p.soundfont = soundfontCount > 0 ? std::uniform_int_distribution<int>(0, soundfontCount - 1)(rng) : 0;
    p.effects = std::uniform_int_distribution<int>(0, 2)(rng);
    p.gainDb = uniform(-12, 0);
    p.lowShelfDb = uniform(-6, 6);
    p.highShelfDb = uniform(-10, 4);
    p.snrDb = uniform(0, 1) < 0.3 ? 100 : uniform(20, 50);
    p.noiseSeed = rng();
    // Drawn last so the fields above stay what they were for a given seed. Half of the renders
    // go through the codec; at 22,050 Hz mono these rates range from clearly damaged (32) to
    // nearly transparent (128), like MP3s from the web.
    if (uniform(0, 1) < 0.5) {
        static const int kRates[] = {32, 48, 64, 96, 128};
        p.lossyKbps = kRates[std::uniform_int_distribution<int>(0, int(std::size(kRates)) - 1)(rng)];
    }
    return p;
}

RoomParams AugmentationParams::drawRoom(std::mt19937_64 &rng, double share)
{
    if (!(share > 0) || std::uniform_real_distribution<double>(0.0, 1.0)(rng) >= share)
        return {};
    return RoomParams::draw(rng);
}

int AugmentationParams::drawBandLimit(std::mt19937_64 &rng, double share)
{
    if (!(share > 0) || std::uniform_real_distribution<double>(0.0, 1.0)(rng) >= share)
        return 0;
    static const int kLimits[] = {4000, 5512, 8000};
    return kLimits[std::uniform_int_distribution<int>(0, int(std::size(kLimits)) - 1)(rng)];
}

QString AugmentationParams::key() const
{
    QString k = QStringLiteral("v%1 t%2 k%3 sf%4 fx%5 g%6 lo%7 hi%8 snr%9 n%10")
                    .arg(velocityGamma, 0, 'g', 8).arg(tempoScale, 0, 'g', 8).arg(transpose).arg(soundfont).arg(effects)
                    .arg(gainDb, 0, 'g', 8).arg(lowShelfDb, 0, 'g', 8).arg(highShelfDb, 0, 'g', 8).arg(snrDb, 0, 'g', 8)
                    .arg(noiseSeed);
    // The codec itself is named too: an AAC round trip is another clip than an MP3 one.
    if (lossyKbps > 0)
        k += QStringLiteral(" lossy%1@%2").arg(LossyRoundTrip::codecName()).arg(lossyKbps);
    if (room.active())  // named only when present, so the keys of clips without one stay as they were
        k += QLatin1Char(' ') + room.key();
    if (bandLimitHz > 0)  // likewise
        k += QStringLiteral(" band%1").arg(bandLimitHz);
    return k;
}

NoteSequence AudioAugmentation::window(const NoteSequence &seq, double from, double seconds, const AugmentationParams &p)
{
    NoteSequence out;
    out.tempoMap = seq.tempoMap;
    out.title = seq.title;
    out.trackCount = seq.trackCount;
    const double to = from + seconds;
    const double scale = 1.0 / p.tempoScale;
    for (const Note &n : seq.notes) {
        if (n.start >= to)
            break;  // notes are sorted by start
        if (n.end() <= from)
            continue;
        Note m = n;
        const double s = std::max(n.start, from);
        m.start = (s - from) * scale;
        m.duration = std::max(0.01, (std::min(n.end(), to + 2.0) - s) * scale);
        m.pitch = std::clamp(n.pitch + p.transpose, 0, 127);
        m.velocity = std::clamp(int(std::lround(127.0 * std::pow(n.velocity / 127.0, p.velocityGamma))), 1, 127);
        out.notes.push_back(m);
    }
    // The pedal state at the window start, then its changes inside the window.
    int state = -1;
    for (const PedalEvent &e : seq.pedals) {
        if (e.time < from) {
            state = e.value;
            continue;
        }
        if (e.time >= to)
            break;
        PedalEvent q = e;
        q.time = (e.time - from) * scale;
        out.pedals.push_back(q);
    }
    if (state >= 64) {
        PedalEvent down;
        down.value = state;
        out.pedals.insert(out.pedals.begin(), down);
    }
    out.sortNotes();
    out.syncTicksFromSeconds();
    return out;
}

bool AudioAugmentation::apply(std::vector<float> &x, int sampleRate, const AugmentationParams &p)
{
    if (x.empty())
        return true;
    if (p.room.active())
        x = RoomResponse::convolve(x, RoomResponse::impulse(p.room, sampleRate));
    // Shelves as one-pole splits: low = LP(300 Hz), high = x - LP(3 kHz).
    const auto coefficient = [&](double fc) { return 1.0 - std::exp(-2.0 * M_PI * fc / sampleRate); };
    const double aLow = coefficient(300.0), aHigh = coefficient(3000.0);
    const double gLow = std::pow(10.0, p.lowShelfDb / 20.0) - 1.0;
    const double gHigh = std::pow(10.0, p.highShelfDb / 20.0) - 1.0;
    const double gain = std::pow(10.0, p.gainDb / 20.0);
    double lp1 = 0, lp2 = 0, energy = 0;
    for (float &v : x) {
        lp1 += aLow * (v - lp1);
        lp2 += aHigh * (v - lp2);
        const double y = (v + gLow * lp1 + gHigh * (v - lp2)) * gain;
        v = float(y);
        energy += y * y;
    }
    if (p.snrDb < 100) {
        const double rms = std::sqrt(energy / double(x.size()));
        const double noiseRms = rms * std::pow(10.0, -p.snrDb / 20.0);
        std::mt19937_64 rng(p.noiseSeed);
        std::normal_distribution<double> normal(0.0, 1.0);
        // Gently low-passed white noise (a hiss with less top end, like tape or a room).
        double state = 0;
        const double a = coefficient(6000.0);
        const double norm = std::sqrt((2.0 - a) / a);  // keeps the filtered noise at unit RMS
        for (float &v : x) {
            state += a * (normal(rng) - state);
            v += float(noiseRms * state * norm);
        }
    }
    if (p.bandLimitHz > 0)
        lowPass(x, sampleRate, p.bandLimitHz);
    float peak = 0;
    for (float v : x)
        peak = std::max(peak, std::fabs(v));
    if (peak > 1.0f)
        for (float &v : x)
            v /= peak;
    if (p.lossyKbps > 0) {
        Result<std::vector<float>> coded = LossyRoundTrip::apply(x, sampleRate, p.lossyKbps);
        if (!coded)
            return false;
        x = std::move(coded.value());
    }
    return true;
}

void AudioAugmentation::lowPass(std::vector<float> &x, int sampleRate, double cutoffHz)
{
    if (x.empty() || sampleRate <= 0 || !(cutoffHz > 0) || cutoffHz >= 0.5 * sampleRate)
        return;
    // A Blackman window's main lobe is 5.5 / N of the sample rate wide (about 240 Hz at 22,050 Hz):
    // the pass band ends that far below the cutoff and the stop band (-74 dB) starts at it.
    constexpr int kTaps = 511, kHalf = kTaps / 2;
    const double transition = 5.5 * sampleRate / kTaps;
    const double fc = std::max(1.0, cutoffHz - 0.5 * transition) / sampleRate;  // the -6 dB point
    std::vector<double> h(kTaps);
    double sum = 0;
    for (int i = 0; i < kTaps; ++i) {
        const int m = i - kHalf;
        const double sinc = m == 0 ? 2.0 * fc : std::sin(2.0 * M_PI * fc * m) / (M_PI * m);
        const double w = 0.42 - 0.5 * std::cos(2.0 * M_PI * i / (kTaps - 1)) + 0.08 * std::cos(4.0 * M_PI * i / (kTaps - 1));
        h[size_t(i)] = sinc * w;
        sum += h[size_t(i)];
    }
    std::vector<float> kernel(h.size());
    for (size_t i = 0; i < h.size(); ++i)
        kernel[i] = float(h[i] / sum);  // unit gain at 0 Hz
    // The room's FFT convolution keeps the input's length from its start; the kernel's centre is
    // kHalf samples in, so the input gets kHalf samples of silence more and the output starts there.
    const size_t n = x.size();
    x.resize(n + kHalf, 0.0f);
    std::vector<float> y = RoomResponse::convolve(x, kernel);
    x.assign(y.begin() + kHalf, y.begin() + kHalf + qsizetype(n));
}

}  // namespace aichopin
