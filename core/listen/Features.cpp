#include "listen/Features.h"

#include <algorithm>
#include <cmath>

namespace aichopin {

namespace {

FeatureMatrix runStreaming(const float *y, qsizetype n, const FeatureParams &p, FrameKind kind)
{
    StreamingFeatureExtractor ex(p, kind);
    FeatureMatrix m;
    m.bins = ex.frameBins();
    m.data.reserve(size_t(1 + n / p.hop) * size_t(m.bins));
    const FrameSink sink = [&](const float *f, int bins) {
        m.data.insert(m.data.end(), f, f + bins);
        ++m.frames;
    };
    ex.push(y, n, sink);
    ex.finish(sink);
    return m;
}

}  // namespace

FeatureMatrix Features::stft(const float *y, qsizetype n, const FeatureParams &p, SpectrumKind kind)
{
    return runStreaming(y, n, p, kind == SpectrumKind::Power ? FrameKind::Power : FrameKind::Magnitude);
}

FeatureMatrix Features::melSpectrogram(const float *y, qsizetype n, const FeatureParams &p)
{
    return runStreaming(y, n, p, FrameKind::MelPower);
}

FeatureMatrix Features::logMel(const float *y, qsizetype n, const FeatureParams &p)
{
    FeatureMatrix m = melSpectrogram(y, n, p);
    powerToDb(m, true);
    return m;
}

FeatureMatrix Features::mfcc(const float *y, qsizetype n, const FeatureParams &p)
{
    FeatureMatrix m = melSpectrogram(y, n, p);
    powerToDb(m, false, 1.0f);
    return dct(m, p.nMfcc);
}

void Features::powerToDb(FeatureMatrix &s, bool refIsMax, float refValue, float amin, float topDb)
{
    if (s.data.empty())
        return;
    float ref = refValue;
    if (refIsMax)
        ref = *std::max_element(s.data.begin(), s.data.end());
    const double offset = 10.0 * std::log10(std::max(double(amin), double(ref)));
    float top = -INFINITY;
    for (float &v : s.data) {
        v = float(10.0 * std::log10(std::max(double(amin), double(v))) - offset);
        top = std::max(top, v);
    }
    if (topDb > 0) {
        const float floor = top - topDb;
        for (float &v : s.data)
            v = std::max(v, floor);
    }
}

FeatureMatrix Features::dct(const FeatureMatrix &db, int nMfcc)
{
    const int N = db.bins;
    nMfcc = std::min(nMfcc, N);
    std::vector<float> basis(size_t(nMfcc) * size_t(N));
    for (int k = 0; k < nMfcc; ++k) {
        const double scale = k == 0 ? std::sqrt(1.0 / N) : std::sqrt(2.0 / N);
        for (int i = 0; i < N; ++i)
            basis[size_t(k) * size_t(N) + size_t(i)] = float(scale * std::cos(M_PI * k * (2 * i + 1) / (2.0 * N)));
    }
    FeatureMatrix out(db.frames, nMfcc);
    for (int f = 0; f < db.frames; ++f) {
        const float *x = db.row(f);
        float *o = out.row(f);
        for (int k = 0; k < nMfcc; ++k) {
            const float *b = basis.data() + size_t(k) * size_t(N);
            double acc = 0;
            for (int i = 0; i < N; ++i)
                acc += double(b[i]) * x[i];
            o[k] = float(acc);
        }
    }
    return out;
}

namespace {

// Decodes the file and computes its frames (power or mel power, not yet in dB); *peak gets the
// largest sample magnitude decoded.
Result<FileFeatures> framesOfFile(const QString &path, FeatureKind kind, const FeatureParams &p, const DecodeOptions &decode,
                                  const ProgressSink &progress, const CancelToken *cancel, float *peak)
{
    const FrameKind frameKind = kind == FeatureKind::Stft ? FrameKind::Power : FrameKind::MelPower;
    StreamingFeatureExtractor ex(p, frameKind);
    FileFeatures result;
    result.kind = kind;
    FeatureMatrix &m = result.matrix;
    m.bins = ex.frameBins();
    const FrameSink frames = [&](const float *f, int bins) {
        m.data.insert(m.data.end(), f, f + bins);
        ++m.frames;
    };
    *peak = 0.0f;
    Result<DecodeReport> r = AudioDecoder::decode(
        path, decode,
        [&](const float *s, qsizetype n) {
            for (qsizetype i = 0; i < n; ++i)
                *peak = std::max(*peak, std::abs(s[i]));
            ex.push(s, n, frames);
        },
        progress, cancel);
    if (!r)
        return r.error();
    if (r->cancelled)
        return Error{QStringLiteral("Cancelled")};
    ex.finish(frames);
    result.decode = std::move(r.value());
    result.secondsPerFrame = double(p.hop) / p.sampleRate;
    return result;
}

}  // namespace

Result<FileFeatures> Features::fromFile(const QString &path, FeatureKind kind, const FeatureParams &p,
                                        DecodeOptions decode, const ProgressSink &progress, const CancelToken *cancel)
{
    decode.sampleRate = p.sampleRate;
    float peak = 0.0f;
    Result<FileFeatures> result = framesOfFile(path, kind, p, decode, progress, cancel, &peak);
    if (!result)
        return result;
    // A stereo file whose channels cancel each other out in their mean (one is the other
    // inverted: a wiring or editing fault) is read again from its first channel alone, as
    // AudioDecoder::decodeAll does, and the report says so.
    if (decode.onlyChannel < 0 && result->decode.info.channels > 1 && result->decode.samples > 0
        && peak < AudioDecoder::kCancelledPeak) {
        DecodeOptions first = decode;
        first.onlyChannel = 0;
        float firstPeak = 0.0f;
        Result<FileFeatures> one = framesOfFile(path, kind, p, first, progress, cancel, &firstPeak);
        if (!one)
            return one;
        if (firstPeak >= AudioDecoder::kCancelledPeak) {
            one->decode.warnings.append(AudioDecoder::cancelledChannelsWarning());
            result = std::move(one);
        }
    }
    FeatureMatrix &m = result->matrix;
    if (kind == FeatureKind::Mfcc) {
        powerToDb(m, false, 1.0f);
        m = dct(m, p.nMfcc);
    } else {
        powerToDb(m, true);
    }
    return result;
}

}  // namespace aichopin
