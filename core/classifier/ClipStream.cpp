#include "classifier/ClipStream.h"

#include "listen/StreamingFeatureExtractor.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace aichopin {

namespace {
FeatureParams paramsOf(const ClassifierFeatureSettings &s)
{
    FeatureParams p;
    p.sampleRate = s.sampleRate;
    p.nFft = s.nFft;
    p.hop = s.hop;
    p.nMels = s.nMels;
    p.nMfcc = s.nMfcc;
    if (s.kind == ClassifierFeatureKind::Pitch) {
        p.scale = BandScale::Semitone;
        p.lowNote = s.lowNote;
        p.highNote = s.highNote;
    }
    return p;
}
}  // namespace

ClipStream::ClipStream(const ClassifierFeatureSettings &settings, bool keepFrames, bool trimSilence)
    : m_settings(settings), m_extractor(std::make_unique<StreamingFeatureExtractor>(paramsOf(settings), FrameKind::LogMel)),
      m_keep(keepFrames), m_trim(trimSilence)
{
    if (m_trim)
        m_silence = silenceLevel(settings);
    m_tonalGate = m_trim && trimsNoise(settings);
    if (settings.kind == ClassifierFeatureKind::Mfcc) {
        // scipy.fft.dct(type=2, norm='ortho'), as librosa.feature.mfcc uses.
        const int n = settings.nMels;
        m_dct.resize(size_t(settings.nMfcc) * size_t(n));
        for (int k = 0; k < settings.nMfcc; ++k) {
            const double scale = k == 0 ? std::sqrt(1.0 / n) : std::sqrt(2.0 / n);
            for (int i = 0; i < n; ++i)
                m_dct[size_t(k) * n + i] = float(scale * std::cos(M_PI * k * (2 * i + 1) / (2.0 * n)));
        }
    }
    m_frame.resize(size_t(settings.bins()));
}

ClipStream::~ClipStream() = default;

float ClipStream::silenceLevel(const ClassifierFeatureSettings &settings)
{
    StreamingFeatureExtractor x(paramsOf(settings), FrameKind::LogMel);
    const double amplitude = std::pow(10.0, -60.0 / 20.0);
    std::vector<float> tone(size_t(settings.nFft) * 3);
    for (size_t i = 0; i < tone.size(); ++i)
        tone[i] = float(amplitude * std::sin(2.0 * M_PI * 440.0 * double(i) / settings.sampleRate));
    float level = -100.0f;
    qint64 frame = 0;
    // A frame whose window lies wholly inside the tone (the first ones see the zero padding).
    const qint64 inside = (settings.nFft / 2 + settings.hop - 1) / settings.hop;
    x.push(tone.data(), qsizetype(tone.size()), [&](const float *f, int bins) {
        if (frame++ == inside)
            level = *std::max_element(f, f + bins);
    });
    return level;
}

void ClipStream::normalise(float *values, qsizetype n)
{
    if (n <= 0)
        return;
    double sum = 0, sq = 0;
    for (qsizetype i = 0; i < n; ++i)
        sum += values[i];
    const double mean = sum / double(n);
    for (qsizetype i = 0; i < n; ++i)
        sq += (values[i] - mean) * (values[i] - mean);
    const double sd = std::sqrt(sq / double(n));
    const float inv = sd > 1e-6 ? float(1.0 / sd) : 0.0f;
    for (qsizetype i = 0; i < n; ++i)
        values[i] = float(values[i] - mean) * inv;
}

namespace {
// The mean of each band over the frames of frames x bins values.
std::vector<double> bandMeans(const float *values, int frames, int bins)
{
    std::vector<double> mean(size_t(bins), 0.0);
    for (int t = 0; t < frames; ++t)
        for (int b = 0; b < bins; ++b)
            mean[size_t(b)] += values[size_t(t) * bins + b];
    for (double &m : mean)
        m /= frames;
    return mean;
}
}  // namespace

void ClipStream::flatten(float *values, int frames, int bins, int terms)
{
    if (terms <= 0 || frames <= 0 || bins <= 0)
        return;
    std::vector<double> mean = bandMeans(values, frames, bins);
    // The DCT-II basis is orthogonal over the bands, so each term's weight is a projection.
    std::vector<double> smooth(size_t(bins), 0.0);
    for (int k = 0; k < std::min(terms, bins); ++k) {
        double dot = 0, norm = 0;
        std::vector<double> basis(static_cast<size_t>(bins));
        for (int b = 0; b < bins; ++b) {
            basis[size_t(b)] = std::cos(M_PI * k * (b + 0.5) / bins);
            dot += mean[size_t(b)] * basis[size_t(b)];
            norm += basis[size_t(b)] * basis[size_t(b)];
        }
        for (int b = 0; b < bins; ++b)
            smooth[size_t(b)] += dot / norm * basis[size_t(b)];
    }
    for (int t = 0; t < frames; ++t)
        for (int b = 0; b < bins; ++b)
            values[size_t(t) * bins + b] -= float(smooth[size_t(b)]);
}

void ClipStream::prepare(float *clip, const ClassifierFeatureSettings &settings, int frames)
{
    const int n = frames > 0 ? frames : settings.clipFrames();
    flatten(clip, n, settings.bins(), settings.flattenTerms);
    normalise(clip, qsizetype(n) * settings.bins());
}

std::vector<float> ClipStream::repeated(const float *clip, int frames, int bins, int length)
{
    std::vector<float> out;
    if (frames <= 0 || bins <= 0 || length <= 0)
        return out;
    out.reserve(size_t(length) * size_t(bins));
    for (int t = 0; t < length; ++t) {
        const float *row = clip + size_t(t % frames) * size_t(bins);
        out.insert(out.end(), row, row + bins);
    }
    return out;
}

void ClipStream::push(const float *samples, qsizetype count, const ClipSink &sink)
{
    m_samples += count;
    m_extractor->push(samples, count, [&](const float *frame, int bins) { onFrame(frame, bins, sink); });
}

void ClipStream::onFrame(const float *frame, int bins, const ClipSink &sink)
{
    const float *f = frame;
    if (!m_dct.empty()) {
        for (int k = 0; k < m_settings.nMfcc; ++k) {
            const float *row = m_dct.data() + size_t(k) * bins;
            float acc = 0;
            for (int i = 0; i < bins; ++i)
                acc += row[i] * frame[i];
            m_frame[k] = acc;
        }
        f = m_frame.data();
    }
    const int b = m_settings.bins();
    if (m_keep)
        m_kept.insert(m_kept.end(), f, f + b);
    const qint64 index = m_total++;
    const int clipFrames = m_settings.clipFrames();
    const bool loud = !m_trim || *std::max_element(frame, frame + bins) >= m_silence;
    bool sound = loud;
    if (m_tonalGate) {
        // Notes, not noise: a run of kTonalRun frames with peaks over their neighbouring bands
        // (the run's frames all count as sound once it is complete).
        m_tonalRun = loud && isTonal(frame, bins) ? m_tonalRun + 1 : 0;
        sound = m_tonalRun >= kTonalRun;
        m_loudFrames += loud ? 1 : 0;
    }
    if (m_passageStart < 0) {
        // Waiting for sound: keep only the last clip's worth of frames (for a recording that
        // never rises above the silence level, finish() judges its end as it is).
        m_window.insert(m_window.end(), f, f + b);
        if (!sound) {
            keepWindowFrom(m_total - clipFrames);
            return;
        }
        // The passage starts with the run of notes that made it (those frames are in the window).
        const qint64 start = std::max(m_windowStart, index - (m_tonalGate ? kTonalRun - 1 : 0));
        m_window.erase(m_window.begin(), m_window.begin() + (start - m_windowStart) * b);
        m_windowStart = start;
        m_passageStart = start;
        m_nextClip = start;
        m_passageClips = 0;
    } else {
        m_window.insert(m_window.end(), f, f + b);
    }
    if (sound)
        m_lastSound = index;
    else if (index - m_lastSound >= clipFrames) {
        endPassage(sink, false);
        return;
    }
    // Clips that end in a silence wait: they are cut if the sound comes back, dropped if the
    // silence ends the passage.
    if (sound)
        emitReady(sink);
    // Keep the frames the next clip and a possible end-aligned last clip need.
    keepWindowFrom(std::min({m_nextClip, m_total - clipFrames, m_lastSound + 1 - clipFrames}));
}

bool ClipStream::isTonal(const float *frame, int bins)
{
    // Each band's height over the median of the seven bands around it (a note's partial stands
    // 10 to 40 dB over its neighbours; noise, applause and hiss vary by a few dB from band to
    // band), the mean of the eight highest. Bands at the front end's floor (above a recording's
    // range) are left out, so the edge of a band-limited recording is not taken for a peak.
    std::array<float, 7> around{};
    std::vector<float> heights;
    heights.reserve(size_t(bins));
    for (int b = 0; b < bins; ++b) {
        if (frame[b] <= kDeadBandDb)
            continue;
        int n = 0;
        for (int k = std::max(0, b - 3); k <= std::min(bins - 1, b + 3); ++k)
            if (frame[k] > kDeadBandDb)
                around[size_t(n++)] = frame[k];
        std::nth_element(around.begin(), around.begin() + n / 2, around.begin() + n);
        heights.push_back(frame[b] - around[size_t(n / 2)]);
    }
    const size_t top = std::min<size_t>(8, heights.size());
    if (top == 0)
        return false;
    std::nth_element(heights.begin(), heights.end() - qsizetype(top), heights.end(), std::less<float>());
    double sum = 0.0;
    for (auto it = heights.end() - qsizetype(top); it != heights.end(); ++it)
        sum += *it;
    return sum / 8.0 >= kTonalContrast;
}

void ClipStream::emitReady(const ClipSink &sink)
{
    while (m_total - m_nextClip >= m_settings.clipFrames()) {
        emitClip(m_nextClip, sink);
        m_nextClip += m_settings.hopFrames();
    }
}

void ClipStream::keepWindowFrom(qint64 frame)
{
    const int b = m_settings.bins();
    const qint64 from = std::min(frame, m_total);
    // Frames are dropped a hop's worth at a time: dropping one from the front of the window on
    // every frame would move the whole window each time.
    if (from - m_windowStart >= std::max(1, m_settings.hopFrames())) {
        m_window.erase(m_window.begin(), m_window.begin() + (from - m_windowStart) * b);
        m_windowStart = from;
    }
}

void ClipStream::endPassage(const ClipSink &sink, bool atEnd)
{
    const int clipFrames = m_settings.clipFrames();
    const qint64 end = m_lastSound + 1;  // the passage's sound ends here
    const qint64 length = end - m_passageStart;
    if (m_passageClips > 0) {
        if (end - m_lastClipEnd >= clipFrames / 4)
            emitClip(end - clipFrames, sink);
    } else if (length >= clipFrames) {
        emitClip(end - clipFrames, sink);
    } else if (length >= clipFrames / 2 || (atEnd && m_clipsEmitted == 0)) {
        // Shorter than a clip: one clip of the passage's sound alone.
        emitClip(m_passageStart, sink, int(length));
    }
    m_passageStart = -1;
    m_passageClips = 0;
    keepWindowFrom(m_total - clipFrames);
}

float ClipStream::levelGain(const LevelMeter &meter)
{
    const double level = meter.loudLevelDb();
    if (level <= LevelMeter::kFloorDb)
        return 1.0f;
    return float(std::pow(10.0, std::min(kHeardLoudLevelDb - level, kMostLevelGainDb) / 20.0));
}

bool ClipStream::restoreTop(float *values, int frames, const ClassifierFeatureSettings &settings)
{
    if (settings.kind != ClassifierFeatureKind::Pitch || frames <= 0)
        return false;
    const int bins = settings.bins();
    std::vector<double> mean = bandMeans(values, frames, bins);
    // Dead: at kDeadBandDb or under on average over the clip, or a flat floor far under the
    // music. A recording sampled at 8 or 11 kHz, resampled to the front end's rate, leaves its
    // empty top bands not at the front end's floor but at a floor that follows the music's level
    // (44-97 dB under its loudest band in 67 pieces rendered at full level and resampled by
    // ffmpeg), as flat as the band-limited samples of MuseScore's soundfont; a full-range piano's
    // top falls band by band (classifier card, "Band-limited recordings").
    constexpr double kDead = kDeadBandDb;
    const double floorLevel = mean[size_t(bins - 1)];
    const double loudest = *std::max_element(mean.begin(), mean.end());
    // Flat: the top three bands within 3 dB, or the top six within 8 (an 8 kHz recording in
    // mu-law or 8 bits puts the images of its noise on the top two bands).
    const auto spanOfTop = [&](int n) {
        const auto range = std::minmax_element(mean.end() - n, mean.end());
        return *range.second - *range.first;
    };
    const bool flatFloor = loudest - floorLevel >= kDeadGapDb
                           && (spanOfTop(kFlatTopBands) <= kFlatTopDb || spanOfTop(2 * kFlatTopBands) <= kFlatWideTopDb);
    if (floorLevel > kDead && !flatFloor)
        return false;
    const double deadLevel = floorLevel > kDead ? floorLevel + kFlatTopDb : kDead;
    int top = bins - 1;  // the highest band with sound
    while (top > 0 && mean[size_t(top)] <= deadLevel)
        --top;
    if (top < 12 || top < bins - 37)
        return false;  // silence, or no sound above about 1 kHz: nothing to go on
    // A recording cut off by a filter (a low sample rate, a telephone) falls steeply into its
    // empty top; a darker instrument fades into the floor over its top octave (MuseScore's piano
    // about 3.5 dB a semitone), as a quiet passage of a full-range recording does: those are left
    // as they are (filling them moved the pieces of the whole folder rendered with the MuseScore
    // soundfont towards Chopin; classifier card, "Band-limited recordings").
    if (mean[size_t(top - (kCutBands - 1))] - mean[size_t(top + 1)] < kCutFallDb)
        return false;
    // Start below the low-pass filter's slope: the highest band no more than 12 dB under the
    // band half an octave below it.
    int edge = top;
    while (edge > 18 && mean[size_t(edge)] < mean[size_t(edge - 6)] - 12.0)
        --edge;
    // Each band above takes the frames of the band whole octaves below it at or under the edge
    // (where its notes' second, fourth... harmonics come from), levelled to continue the edge's
    // mean at the 1.5 dB a semitone by which a full-range piano's top octave falls (measured on
    // a FluidR3_GM rendering of a Chopin prelude).
    for (int b = edge + 1; b < bins; ++b) {
        int from = b;
        while (from > edge)
            from -= 12;
        const double offset = mean[size_t(edge)] - mean[size_t(from)] - 1.5 * (b - edge);
        for (int t = 0; t < frames; ++t)
            values[size_t(t) * bins + b] = float(values[size_t(t) * bins + from] + offset);
        mean[size_t(b)] = mean[size_t(from)] + offset;
    }
    return true;
}

void ClipStream::emitClip(qint64 start, const ClipSink &sink, int frames)
{
    const int b = m_settings.bins();
    const int clipFrames = m_settings.clipFrames();
    const int n = int(std::min<qint64>({frames > 0 ? frames : clipFrames, clipFrames, m_total - start}));
    if (n <= 0)
        return;
    const float *src = m_window.data() + (start - m_windowStart) * b;
    m_clip.assign(src, src + size_t(n) * b);
    if (m_restoreTop && restoreTop(m_clip.data(), n, m_settings))
        ++m_restoredClips;
    prepare(m_clip.data(), m_settings, n);
    ++m_clipsEmitted;
    ++m_passageClips;
    m_lastClipEnd = start + n;
    if (sink)
        sink(m_clip.data(), start, n);
}

void ClipStream::finish(const ClipSink &sink)
{
    if (m_samples == 0)
        return;  // no signal, no frames (the extractor would still emit its padding frame)
    m_extractor->finish([&](const float *frame, int bins) { onFrame(frame, bins, sink); });
    if (m_total == 0)
        return;
    if (m_passageStart >= 0) {
        endPassage(sink, true);
    } else if (m_clipsEmitted == 0 && m_lastSound < 0 && m_loudFrames == 0) {
        // Never above the silence level: judge the end as it is rather than say nothing. (Sound
        // only in passages too short to judge gives no clip, and so does noise without notes.)
        emitClip(std::max(m_windowStart, m_total - m_settings.clipFrames()), sink);
    }
}

std::vector<float> ClipStream::clipsOf(const ClassifierFeatureSettings &settings, const float *samples, qsizetype n,
                                       std::vector<qint64> *startFrames, bool trimSilence, std::vector<int> *frameCounts)
{
    std::vector<float> out;
    ClipStream stream(settings, false, trimSilence);
    const ClipSink sink = [&](const float *clip, qint64 start, int frames) {
        out.insert(out.end(), clip, clip + size_t(frames) * settings.bins());
        if (startFrames)
            startFrames->push_back(start);
        if (frameCounts)
            frameCounts->push_back(frames);
    };
    stream.push(samples, n, sink);
    stream.finish(sink);
    return out;
}

}  // namespace aichopin
