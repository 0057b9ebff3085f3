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

void ClipStream::flatten(float *values, int frames, int bins, int terms)
{
    if (terms <= 0 || frames <= 0 || bins <= 0)
        return;
    std::vector<double> mean(size_t(bins), 0.0);
    for (int t = 0; t < frames; ++t)
        for (int b = 0; b < bins; ++b)
            mean[size_t(b)] += values[size_t(t) * bins + b];
    for (double &m : mean)
        m /= frames;
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

void ClipStream::prepare(float *clip, const ClassifierFeatureSettings &settings)
{
    flatten(clip, settings.clipFrames(), settings.bins(), settings.flattenTerms);
    normalise(clip, qsizetype(settings.clipFrames()) * settings.bins());
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
    prepare(m_clip.data(), m_settings);
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
