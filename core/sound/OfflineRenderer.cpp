#include "sound/OfflineRenderer.h"

#include "midi/SmfReader.h"
#include "sound/MidiEventSchedule.h"
#include "sound/SynthEngine.h"

#include <QElapsedTimer>
#include <QTemporaryFile>

#include <algorithm>
#include <cmath>
#include <functional>

namespace aichopin {

namespace {
constexpr int kBlockFrames = 4096;

QString cancelledMessage() { return QStringLiteral("Rendering cancelled"); }

double outputGainFor(double peak, const RenderOptions &o)
{
    const double target = std::pow(10.0, std::min(o.peakDb, 0.0) / 20.0);
    if (!(peak > 1e-4))  // silence (below -80 dBFS, e.g. the last of a voice just switched off)
        return 1.0;
    if (o.normalize || peak > target)
        return target / peak;
    return 1.0;
}
}  // namespace

struct OfflineRenderer::Impl {
    RenderOptions options;
    std::unique_ptr<SynthEngine> engine;
    std::vector<float> left, right;

    using BlockSink = std::function<bool(const float *left, const float *right, int frames)>;

    // The error for a piece too long to render, or an empty string.
    QString tooLong(const NoteSequence &seq, qint64 maxBytes = -1) const
    {
        const double seconds = seq.duration() + options.tailSeconds;
        if (seconds > options.maxSeconds)
            return QStringLiteral("The piece lasts %1 s, more than the %2 s allowed").arg(seconds, 0, 'f', 0).arg(options.maxSeconds, 0, 'f', 0);
        if (maxBytes >= 0 && seconds * engine->sampleRate() * 4.0 > double(maxBytes))
            return QStringLiteral("%1 s of audio is too long to render into memory; render it to a WAV file").arg(seconds, 0, 'f', 0);
        return {};
    }

    // Renders the whole piece plus tail block by block; each event is dispatched at its own
    // sample (FluidSynth applies it at its next 64-sample step), so nothing drifts however long
    // the piece. Returns false when cancelled or the sink failed.
    bool render(const NoteSequence &seq, RenderStats &stats, const BlockSink &sink, const ProgressSink &progress,
                double progressScale, const CancelToken *cancel)
    {
        const std::vector<MidiEvent> events = MidiEventSchedule::build(seq);
        const int sr = engine->sampleRate();
        stats.sampleRate = sr;
        stats.musicSeconds = MidiEventSchedule::endTime(events);
        stats.audioSeconds = stats.musicSeconds + options.tailSeconds;
        const qint64 total = qint64(std::ceil(stats.audioSeconds * sr));
        stats.frames = total;
        engine->reset();
        KeyCounter keys;
        left.resize(kBlockFrames);
        right.resize(kBlockFrames);
        size_t next = 0;
        qint64 pos = 0;
        qint64 lastReport = -1;
        auto frameOf = [sr](const MidiEvent &e) { return qint64(std::llround(e.time * sr)); };
        while (pos < total) {
            while (next < events.size() && frameOf(events[next]) <= pos) {
                if (keys.admit(events[next]))
                    engine->send(events[next]);
                ++next;
            }
            qint64 len = std::min<qint64>(kBlockFrames, total - pos);
            if (next < events.size())
                len = std::min(len, frameOf(events[next]) - pos);
            engine->render(left.data(), right.data(), int(len));
            for (qint64 i = 0; i < len; ++i)
                stats.rawPeak = std::max({stats.rawPeak, double(std::fabs(left[size_t(i)])), double(std::fabs(right[size_t(i)]))});
            if (!sink(left.data(), right.data(), int(len)))
                return false;
            pos += len;
            if (pos / (sr / 4) != lastReport) {  // four reports per second of audio at most
                lastReport = pos / (sr / 4);
                if (isCancelled(cancel))
                    return false;
                report(progress, progressScale * double(pos) / double(total), QStringLiteral("Rendering"));
            }
        }
        return true;
    }
};

OfflineRenderer::OfflineRenderer() : d(std::make_unique<Impl>()) {}
OfflineRenderer::~OfflineRenderer() = default;

Result<std::unique_ptr<OfflineRenderer>> OfflineRenderer::create(const RenderOptions &options)
{
    if (!(options.tailSeconds >= 0.0 && options.tailSeconds <= 60.0))
        return Error{QStringLiteral("Tail of %1 s is out of range (0 to 60)").arg(options.tailSeconds)};
    if (!(options.peakDb <= 0.0 && options.peakDb >= -60.0))
        return Error{QStringLiteral("Peak level %1 dBFS is out of range (-60 to 0)").arg(options.peakDb)};
    Result<std::unique_ptr<SynthEngine>> engine = SynthEngine::create(options.synth);
    if (!engine)
        return engine.error();
    std::unique_ptr<OfflineRenderer> r(new OfflineRenderer);
    r->d->options = options;
    r->d->engine = std::move(engine).value();
    r->d->options.synth = r->d->engine->options();
    return r;
}

const RenderOptions &OfflineRenderer::options() const { return d->options; }
QString OfflineRenderer::soundfont() const { return d->engine->options().soundfont; }

Result<RenderStats> OfflineRenderer::renderToWav(const NoteSequence &sequence, const QString &wavPath,
                                                 const ProgressSink &progress, const CancelToken *cancel)
{
    if (const QString e = d->tooLong(sequence); !e.isEmpty())
        return Error{e};
    QElapsedTimer timer;
    timer.start();
    // First pass: raw float to a temporary file (bounded memory for long pieces) while the
    // peak is measured; second pass: scale and write the WAV.
    QTemporaryFile raw;
    if (!raw.open())
        return Error{QStringLiteral("Cannot create a temporary file: %1").arg(raw.errorString())};
    RenderStats stats;
    std::vector<float> interleaved;
    bool writeFailed = false;
    const bool done = d->render(sequence, stats,
        [&](const float *l, const float *r, int frames) {
            interleaved.resize(size_t(frames) * 2);
            for (int i = 0; i < frames; ++i) {
                interleaved[size_t(2 * i)] = l[i];
                interleaved[size_t(2 * i + 1)] = r[i];
            }
            const qint64 bytes = qint64(interleaved.size() * sizeof(float));
            writeFailed = raw.write(reinterpret_cast<const char *>(interleaved.data()), bytes) != bytes;
            return !writeFailed;
        },
        progress, 0.9, cancel);
    if (writeFailed)
        return Error{QStringLiteral("Cannot write a temporary file: %1").arg(raw.errorString())};
    if (!done)
        return Error{cancelledMessage()};

    stats.outputGain = outputGainFor(stats.rawPeak, d->options);
    WavWriter wav;
    if (Status s = wav.open(wavPath, stats.sampleRate, 2, d->options.format); !s)
        return s.error();
    if (!raw.seek(0))
        return Error{QStringLiteral("Cannot read back the temporary file: %1").arg(raw.errorString())};
    const float gain = float(stats.outputGain);
    std::vector<float> chunk(size_t(kBlockFrames) * 2);
    qint64 remaining = stats.frames;
    while (remaining > 0) {
        const qint64 frames = std::min<qint64>(kBlockFrames, remaining);
        const qint64 bytes = frames * 2 * qint64(sizeof(float));
        if (raw.read(reinterpret_cast<char *>(chunk.data()), bytes) != bytes)
            return Error{QStringLiteral("Cannot read back the temporary file: %1").arg(raw.errorString())};
        for (qint64 i = 0; i < frames * 2; ++i)
            chunk[size_t(i)] *= gain;
        if (Status s = wav.write(chunk.data(), frames); !s)
            return s.error();
        remaining -= frames;
        if (isCancelled(cancel))
            return Error{cancelledMessage()};
        report(progress, 0.9 + 0.1 * double(stats.frames - remaining) / double(std::max<qint64>(1, stats.frames)),
               QStringLiteral("Writing WAV"));
    }
    if (Status s = wav.commit(); !s)
        return s.error();
    stats.elapsedSeconds = timer.nsecsElapsed() / 1e9;
    report(progress, 1.0, QStringLiteral("Done"));
    return stats;
}

Result<RenderStats> OfflineRenderer::renderFileToWav(const QString &midiPath, const QString &wavPath,
                                                     const ProgressSink &progress, const CancelToken *cancel)
{
    const Result<NoteSequence> seq = SmfReader::readFile(midiPath);
    if (!seq)
        return Error{QStringLiteral("%1: %2").arg(midiPath, seq.error().toString())};
    return renderToWav(seq.value(), wavPath, progress, cancel);
}

Result<std::vector<float>> OfflineRenderer::renderSamples(const NoteSequence &sequence, int channels,
                                                          const ProgressSink &progress, const CancelToken *cancel,
                                                          RenderStats *statsOut)
{
    if (channels != 1 && channels != 2)
        return Error{QStringLiteral("Channels must be 1 or 2, not %1").arg(channels)};
    if (const QString e = d->tooLong(sequence, (qint64(2) << 30) / channels); !e.isEmpty())
        return Error{e};
    QElapsedTimer timer;
    timer.start();
    RenderStats stats;
    std::vector<float> samples;
    const bool done = d->render(sequence, stats,
        [&](const float *l, const float *r, int frames) {
            if (samples.empty())
                samples.reserve(size_t(stats.frames) * size_t(channels));
            for (int i = 0; i < frames; ++i) {
                if (channels == 1) {
                    samples.push_back(0.5f * (l[i] + r[i]));
                } else {
                    samples.push_back(l[i]);
                    samples.push_back(r[i]);
                }
            }
            return true;
        },
        progress, 1.0, cancel);
    if (!done)
        return Error{cancelledMessage()};
    // Mono can only be quieter than the louder channel; measure what is returned.
    double peak = 0.0;
    for (float s : samples)
        peak = std::max(peak, double(std::fabs(s)));
    stats.rawPeak = peak;
    stats.outputGain = outputGainFor(peak, d->options);
    const float gain = float(stats.outputGain);
    for (float &s : samples)
        s *= gain;
    stats.elapsedSeconds = timer.nsecsElapsed() / 1e9;
    if (statsOut)
        *statsOut = stats;
    report(progress, 1.0, QStringLiteral("Done"));
    return samples;
}

Result<std::vector<float>> OfflineRenderer::renderMono(const NoteSequence &sequence, const RenderOptions &options,
                                                       const ProgressSink &progress, const CancelToken *cancel)
{
    Result<std::unique_ptr<OfflineRenderer>> r = create(options);
    if (!r)
        return r.error();
    return r.value()->renderSamples(sequence, 1, progress, cancel);
}

}  // namespace aichopin
