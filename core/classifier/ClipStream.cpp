#include "classifier/ClipStream.h"

#include "listen/StreamingFeatureExtractor.h"

#include <algorithm>
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

ClipStream::ClipStream(const ClassifierFeatureSettings &settings, bool keepFrames)
    : m_settings(settings), m_extractor(std::make_unique<StreamingFeatureExtractor>(paramsOf(settings), FrameKind::LogMel)),
      m_keep(keepFrames)
{
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
    m_window.insert(m_window.end(), f, f + b);
    if (m_keep)
        m_kept.insert(m_kept.end(), f, f + b);
    ++m_total;
    const int clipFrames = m_settings.clipFrames();
    if (m_total - m_nextClip >= clipFrames) {
        emitClip(m_nextClip, sink);
        m_nextClip += m_settings.hopFrames();
        // Keep the frames the next clip and a possible end-aligned last clip need.
        const qint64 keepFrom = std::min(m_nextClip, m_total - clipFrames);
        if (keepFrom > m_windowStart) {
            m_window.erase(m_window.begin(), m_window.begin() + (keepFrom - m_windowStart) * b);
            m_windowStart = keepFrom;
        }
    }
}

void ClipStream::emitClip(qint64 start, const ClipSink &sink)
{
    const int b = m_settings.bins();
    const int clipFrames = m_settings.clipFrames();
    m_clip.assign(size_t(clipFrames) * b, 0.0f);
    const qint64 available = std::min<qint64>(clipFrames, m_total - start);
    const float *src = m_window.data() + (start - m_windowStart) * b;
    std::copy(src, src + available * b, m_clip.begin());
    if (available < clipFrames) {
        const float floor = available > 0 ? *std::min_element(src, src + available * b) : 0.0f;
        std::fill(m_clip.begin() + available * b, m_clip.end(), floor);
    }
    normalise(m_clip.data(), qsizetype(m_clip.size()));
    ++m_clipsEmitted;
    m_lastClipEnd = start + available;
    if (sink)
        sink(m_clip.data(), start);
}

void ClipStream::finish(const ClipSink &sink)
{
    if (m_samples == 0)
        return;  // no signal, no frames (the extractor would still emit its padding frame)
    m_extractor->finish([&](const float *frame, int bins) { onFrame(frame, bins, sink); });
    const int clipFrames = m_settings.clipFrames();
    if (m_clipsEmitted == 0) {
        if (m_total > 0)
            emitClip(0, sink);
    } else if (m_total - m_lastClipEnd >= clipFrames / 4) {
        emitClip(m_total - clipFrames, sink);
    }
}

std::vector<float> ClipStream::clipsOf(const ClassifierFeatureSettings &settings, const float *samples, qsizetype n,
                                       std::vector<qint64> *startFrames)
{
    std::vector<float> out;
    ClipStream stream(settings);
    const ClipSink sink = [&](const float *clip, qint64 start) {
        out.insert(out.end(), clip, clip + size_t(settings.clipFrames()) * settings.bins());
        if (startFrames)
            startFrames->push_back(start);
    };
    stream.push(samples, n, sink);
    stream.finish(sink);
    return out;
}

}  // namespace aichopin
