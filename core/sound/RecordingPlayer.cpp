#include "sound/RecordingPlayer.h"

#include "listen/AudioDecoder.h"
#include "sound/AudioOutput.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <mutex>

namespace aichopin {

struct RecordingPlayer::Impl {
    int sampleRate = 44100;
    // Guards samples against a swap while process() reads them; process() only try_locks.
    std::mutex samplesMutex;
    std::vector<float> samples;
    std::atomic<qint64> length{0};
    std::atomic<qint64> frame{0};    // playhead in samples
    std::atomic<qint64> seekTo{-1};  // pending seek, applied by process() or by the setter
    std::atomic<int> state{int(State::Stopped)};
    std::atomic<float> gain{1.0f};
    AudioOutput output;
};

RecordingPlayer::RecordingPlayer(int sampleRate) : d(std::make_unique<Impl>())
{
    d->sampleRate = std::clamp(sampleRate, 8000, 96000);
}

RecordingPlayer::~RecordingPlayer() { closeAudio(); }

int RecordingPlayer::sampleRate() const { return d->sampleRate; }

void RecordingPlayer::setSamples(std::vector<float> samples)
{
    std::lock_guard<std::mutex> lock(d->samplesMutex);
    d->samples = std::move(samples);
    d->length.store(qint64(d->samples.size()));
    d->frame.store(0);
    d->seekTo.store(-1);
    d->state.store(int(State::Stopped));
}

Status RecordingPlayer::load(const QString &path, const CancelToken *cancel)
{
    DecodeOptions options;
    options.sampleRate = d->sampleRate;
    Result<AudioSignal> signal = AudioDecoder::decodeAll(path, options, {}, cancel);
    if (!signal)
        return signal.error();
    if (signal->report.cancelled)
        return Error{QStringLiteral("cancelled")};
    setSamples(std::move(signal.value().samples));
    return Ok{};
}

void RecordingPlayer::clear() { setSamples({}); }

double RecordingPlayer::duration() const { return double(d->length.load()) / d->sampleRate; }

Status RecordingPlayer::openAudio(const QString &driver)
{
    return d->output.start([this](float *l, float *r, int n) { process(l, r, n); }, d->sampleRate, driver);
}

void RecordingPlayer::closeAudio() { d->output.stop(); }
bool RecordingPlayer::audioOpen() const { return d->output.isRunning(); }
QString RecordingPlayer::audioDriver() const { return d->output.driver(); }

void RecordingPlayer::play()
{
    if (d->length.load() == 0)
        return;
    const qint64 pending = d->seekTo.load();
    const qint64 at = pending >= 0 ? pending : d->frame.load();
    if (at >= d->length.load())
        d->seekTo.store(0);
    d->state.store(int(State::Playing));
}

void RecordingPlayer::pause()
{
    if (d->state.load() == int(State::Playing))
        d->state.store(int(State::Paused));
}

void RecordingPlayer::stop()
{
    d->state.store(int(State::Stopped));
    d->seekTo.store(0);
}

void RecordingPlayer::seek(double seconds)
{
    const qint64 target = std::clamp<qint64>(qint64(std::llround(std::max(0.0, seconds) * d->sampleRate)), 0, d->length.load());
    d->seekTo.store(target);
}

RecordingPlayer::State RecordingPlayer::state() const { return State(d->state.load()); }

double RecordingPlayer::position() const
{
    const qint64 pending = d->seekTo.load();
    return double(pending >= 0 ? pending : d->frame.load()) / d->sampleRate;
}

void RecordingPlayer::setGain(double gain) { d->gain.store(float(std::clamp(gain, 0.0, 4.0))); }
double RecordingPlayer::gain() const { return d->gain.load(); }

void RecordingPlayer::process(float *left, float *right, int frames)
{
    if (frames <= 0)
        return;
    std::memset(left, 0, sizeof(float) * size_t(frames));
    std::memset(right, 0, sizeof(float) * size_t(frames));
    const qint64 pending = d->seekTo.exchange(-1);
    if (pending >= 0)
        d->frame.store(pending);
    if (d->state.load() != int(State::Playing))
        return;
    std::unique_lock<std::mutex> lock(d->samplesMutex, std::try_to_lock);
    if (!lock.owns_lock())
        return;
    const qint64 at = d->frame.load();
    const qint64 total = qint64(d->samples.size());
    const int n = int(std::clamp<qint64>(total - at, 0, frames));
    const float g = d->gain.load();
    const float *src = d->samples.data() + at;
    for (int i = 0; i < n; ++i)
        left[i] = right[i] = g * src[i];
    // A seek or stop that came in during this block wins over the advance.
    qint64 expected = at;
    d->frame.compare_exchange_strong(expected, at + n);
    if (at + n >= total) {
        int playing = int(State::Playing);
        d->state.compare_exchange_strong(playing, int(State::Stopped));
    }
}

}  // namespace aichopin
