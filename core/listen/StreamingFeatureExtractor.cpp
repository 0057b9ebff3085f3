#include "listen/StreamingFeatureExtractor.h"

#include <algorithm>
#include <cmath>

namespace aichopin {

StreamingFeatureExtractor::StreamingFeatureExtractor(const FeatureParams &params, FrameKind kind)
    : m_params(params), m_kind(kind), m_stft(params.nFft)
{
    if (kind == FrameKind::MelPower || kind == FrameKind::LogMel) {
        if (params.scale == BandScale::Semitone)
            m_mel = std::make_unique<MelFilterbank>(MelFilterbank::semitones(params.sampleRate, params.nFft, params.lowNote, params.highNote));
        else
            m_mel = std::make_unique<MelFilterbank>(params.sampleRate, params.nFft, params.nMels, params.fmin, params.fmax);
    }
    m_spectrum.resize(size_t(m_stft.bins()));
    m_out.resize(size_t(frameBins()));
    reset();
}

int StreamingFeatureExtractor::frameBins() const
{
    return m_mel ? m_mel->nMels() : m_stft.bins();
}

void StreamingFeatureExtractor::reset()
{
    m_buffer.assign(size_t(m_params.nFft / 2), 0.0f);  // centre padding before the first sample
    m_readPos = 0;
    m_frames = 0;
}

void StreamingFeatureExtractor::push(const float *samples, qsizetype count, const FrameSink &sink)
{
    // Feed in slices so the buffer never grows past nFft + slice, whatever the caller's block size.
    const qsizetype slice = std::max(m_params.hop * 16, 4096);
    for (qsizetype done = 0; done < count; done += slice) {
        const qsizetype n = std::min(slice, count - done);
        m_buffer.insert(m_buffer.end(), samples + done, samples + done + n);
        emitReady(sink);
    }
}

void StreamingFeatureExtractor::finish(const FrameSink &sink)
{
    m_buffer.insert(m_buffer.end(), size_t(m_params.nFft / 2), 0.0f);
    emitReady(sink);
    m_buffer.clear();
    m_readPos = 0;
}

void StreamingFeatureExtractor::emitReady(const FrameSink &sink)
{
    const size_t nFft = size_t(m_params.nFft);
    const SpectrumKind sk = m_kind == FrameKind::Magnitude ? SpectrumKind::Magnitude : SpectrumKind::Power;
    while (m_buffer.size() >= m_readPos + nFft) {
        const float *frame = m_buffer.data() + m_readPos;
        if (m_mel) {
            m_stft.transform(frame, m_spectrum.data(), sk);
            m_mel->apply(m_spectrum.data(), m_out.data());
            if (m_kind == FrameKind::LogMel)
                for (float &v : m_out)
                    v = 10.0f * std::log10(std::max(v, 1e-10f));
        } else {
            m_stft.transform(frame, m_out.data(), sk);
        }
        ++m_frames;
        if (sink)
            sink(m_out.data(), int(m_out.size()));
        m_readPos += size_t(m_params.hop);
    }
    if (m_readPos > 0 && m_readPos >= nFft) {
        const size_t drop = std::min(m_readPos, m_buffer.size());
        m_buffer.erase(m_buffer.begin(), m_buffer.begin() + std::ptrdiff_t(drop));
        m_readPos -= drop;
    }
}

}  // namespace aichopin
