#include "sound/LivePlayer.h"

#include "sound/MidiEventSchedule.h"
#include "sound/SynthEngine.h"

#include <QMutex>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <mutex>

namespace aichopin {

struct LivePlayer::Impl {
    std::unique_ptr<SynthEngine> engine;
    int sampleRate = 44100;

    // Written by any thread under pendingMutex; drained by the audio thread with try_lock.
    std::mutex pendingMutex;
    std::vector<Note> pendingNotes;
    std::vector<PedalEvent> pendingPedals;
    bool pendingReplace = false;
    std::atomic<bool> hasPending{false};

    // Events to sound at once (playLive): written under liveMutex, drained with try_lock.
    std::mutex liveMutex;
    std::vector<MidiEvent> pendingLive;
    std::atomic<bool> hasLive{false};
    std::vector<MidiEvent> drainLive;  // the audio thread's

    std::atomic<int> state{int(State::Stopped)};
    std::atomic<bool> seekRequested{false};
    std::atomic<double> seekTarget{0.0};
    std::atomic<bool> silenceRequested{false};
    std::atomic<double> position{0.0};
    std::atomic<double> speed{1.0};
    std::atomic<double> gain{0.5};
    std::atomic<double> knownEnd{0.0};
    std::atomic<bool> openEnded{false};
    std::atomic<double> loopFrom{0.0};
    std::atomic<double> loopTo{0.0};  // <= loopFrom: no loop

    mutable QMutex audioMutex;  // guards driverName (not touched by the audio thread)
    QString driverName;

    // Owned by the audio thread (process()).
    std::vector<MidiEvent> events;
    size_t cursor = 0;
    double eventsEnd = 0.0;
    double horizon = 0.0;  // latest note start merged so far
    double anchorMusic = 0.0;
    qint64 anchorFrames = 0;
    double currentSpeed = 1.0;
    double currentGain = -1.0;
    State lastState = State::Stopped;
    KeyCounter keys;
    std::vector<Note> drainNotes;
    std::vector<PedalEvent> drainPedals;

    double positionNow() const { return anchorMusic + double(anchorFrames) * currentSpeed / sampleRate; }
    qint64 frameDue(double t) const { return qint64(std::llround((t - anchorMusic) * sampleRate / currentSpeed)); }
    void reanchor()
    {
        anchorMusic = positionNow();
        anchorFrames = 0;
    }

    void drainPending()
    {
        if (!hasPending.load(std::memory_order_acquire))
            return;
        bool replace = false;
        {
            std::unique_lock<std::mutex> lock(pendingMutex, std::try_to_lock);
            if (!lock.owns_lock())
                return;  // an appender holds it for a moment; take the notes next block
            drainNotes.swap(pendingNotes);
            drainPedals.swap(pendingPedals);
            replace = std::exchange(pendingReplace, false);
            hasPending.store(false, std::memory_order_release);
        }
        if (replace) {
            events.clear();
            cursor = 0;
            eventsEnd = 0.0;
            horizon = 0.0;
            engine->allSoundsOff();
            keys.reset();
        }
        const double now = positionNow();
        // Notes that arrive late: start at once if still meant to sound, drop otherwise.
        std::vector<Note> &notes = drainNotes;
        for (Note &n : notes) {
            horizon = std::max(horizon, n.start);
            if (n.start < now) {
                const double end = n.end();
                n.start = now;
                n.duration = end - now;
            }
        }
        notes.erase(std::remove_if(notes.begin(), notes.end(), [](const Note &n) { return !(n.duration > 0.0); }),
                    notes.end());
        for (PedalEvent &p : drainPedals)
            p.time = std::max(p.time, now);
        const std::vector<MidiEvent> added = MidiEventSchedule::build(notes, drainPedals);
        drainNotes.clear();
        drainPedals.clear();
        if (added.empty())
            return;
        const size_t oldSize = events.size();
        events.insert(events.end(), added.begin(), added.end());
        std::inplace_merge(events.begin() + std::ptrdiff_t(cursor), events.begin() + std::ptrdiff_t(oldSize), events.end());
        eventsEnd = std::max(eventsEnd, MidiEventSchedule::endTime(added));
    }

    void sendLive()
    {
        if (!hasLive.load(std::memory_order_acquire))
            return;
        {
            std::unique_lock<std::mutex> lock(liveMutex, std::try_to_lock);
            if (!lock.owns_lock())
                return;  // taken next block, a millisecond or two later
            drainLive.swap(pendingLive);
            hasLive.store(false, std::memory_order_release);
        }
        for (MidiEvent e : drainLive) {
            e.channel = uint8_t(kLiveChannel);
            engine->send(e);
        }
        drainLive.clear();
    }

    // cut: silence at once (a seek); otherwise let the notes go (a loop going round).
    void applySeek(double target, bool cut = true)
    {
        anchorMusic = std::max(0.0, target);
        anchorFrames = 0;
        if (cut)
            engine->allSoundsOff();
        else
            engine->allNotesOff();
        keys.reset();
        MidiEvent probe;
        probe.time = anchorMusic;
        probe.type = MidiEvent::NoteOff;
        cursor = size_t(std::lower_bound(events.begin(), events.end(), probe) - events.begin());
        // The pedal holds whatever state its last change before the new position gave it.
        bool seen[16] = {};
        for (size_t i = cursor; i-- > 0;) {
            const MidiEvent &e = events[i];
            if (e.type == MidiEvent::Controller && e.data1 == 64 && !seen[e.channel]) {
                seen[e.channel] = true;
                engine->send(e);
            }
        }
        position.store(anchorMusic);
    }
};

LivePlayer::LivePlayer() : d(std::make_unique<Impl>()) {}

LivePlayer::~LivePlayer() { closeAudio(); }

Result<std::unique_ptr<LivePlayer>> LivePlayer::create(const SynthOptions &options)
{
    Result<std::unique_ptr<SynthEngine>> engine = SynthEngine::create(options);
    if (!engine)
        return engine.error();
    std::unique_ptr<LivePlayer> p(new LivePlayer);
    p->d->engine = std::move(engine).value();
    p->d->sampleRate = p->d->engine->sampleRate();
    p->d->gain.store(options.gain);
    return p;
}

Status LivePlayer::openAudio(const QString &driver)
{
    closeAudio();
    QString used;
    Status s = d->engine->startAudio([this](float *l, float *r, int n) { process(l, r, n); }, driver, &used);
    if (s) {
        QMutexLocker lock(&d->audioMutex);
        d->driverName = used;
    }
    return s;
}

void LivePlayer::closeAudio()
{
    d->engine->stopAudio();
    QMutexLocker lock(&d->audioMutex);
    d->driverName.clear();
}

bool LivePlayer::audioOpen() const { return d->engine->audioRunning(); }

QString LivePlayer::audioDriver() const
{
    QMutexLocker lock(&d->audioMutex);
    return d->driverName;
}

int LivePlayer::sampleRate() const { return d->sampleRate; }
QString LivePlayer::soundfont() const { return d->engine->options().soundfont; }

void LivePlayer::setSequence(const NoteSequence &sequence)
{
    {
        std::lock_guard<std::mutex> lock(d->pendingMutex);
        d->pendingNotes = sequence.notes;
        d->pendingPedals = sequence.pedals;
        d->pendingReplace = true;
        d->knownEnd.store(sequence.duration());
        d->hasPending.store(true, std::memory_order_release);
    }
    seek(0.0);
}

void LivePlayer::appendNotes(const std::vector<Note> &notes, const std::vector<PedalEvent> &pedals)
{
    std::lock_guard<std::mutex> lock(d->pendingMutex);
    double end = d->knownEnd.load();
    for (const Note &n : notes)
        end = std::max(end, n.end());
    for (const PedalEvent &p : pedals)
        end = std::max(end, p.time);
    d->pendingNotes.insert(d->pendingNotes.end(), notes.begin(), notes.end());
    d->pendingPedals.insert(d->pendingPedals.end(), pedals.begin(), pedals.end());
    d->knownEnd.store(end);
    d->hasPending.store(true, std::memory_order_release);
}

void LivePlayer::setOpenEnded(bool open) { d->openEnded.store(open); }
bool LivePlayer::openEnded() const { return d->openEnded.load(); }

void LivePlayer::clear() { setSequence(NoteSequence()); }

double LivePlayer::knownEnd() const { return d->knownEnd.load(); }

void LivePlayer::play()
{
    const double from = d->loopFrom.load(), to = d->loopTo.load();
    if (to - from >= kShortestLoop && (position() < from || position() >= to))
        seek(from);
    else if (state() == State::Stopped && !d->openEnded.load() && position() >= knownEnd())
        seek(0.0);
    d->state.store(int(State::Playing));
}

void LivePlayer::setLoop(double from, double to)
{
    const bool valid = std::isfinite(from) && std::isfinite(to) && to - from >= kShortestLoop;
    d->loopFrom.store(valid ? std::max(0.0, from) : 0.0);
    d->loopTo.store(valid ? to : 0.0);
}

void LivePlayer::pause()
{
    int expected = int(State::Playing);
    d->state.compare_exchange_strong(expected, int(State::Paused));
}

void LivePlayer::stop()
{
    d->state.store(int(State::Stopped));
    d->silenceRequested.store(true);
    seek(0.0);
}

void LivePlayer::seek(double seconds)
{
    seconds = std::isfinite(seconds) ? std::max(0.0, seconds) : 0.0;
    d->seekTarget.store(seconds);
    d->seekRequested.store(true, std::memory_order_release);
    d->position.store(seconds);
}

LivePlayer::State LivePlayer::state() const { return State(d->state.load()); }
double LivePlayer::position() const { return d->position.load(); }

void LivePlayer::setSpeed(double factor)
{
    if (std::isfinite(factor))
        d->speed.store(std::clamp(factor, 0.25, 4.0));
}
double LivePlayer::speed() const { return d->speed.load(); }

void LivePlayer::setGain(double gain)
{
    if (std::isfinite(gain))
        d->gain.store(std::clamp(gain, 0.0, 10.0));
}
double LivePlayer::gain() const { return d->gain.load(); }

void LivePlayer::playLive(const MidiEvent &event)
{
    std::lock_guard<std::mutex> lock(d->liveMutex);
    d->pendingLive.push_back(event);
    d->hasLive.store(true, std::memory_order_release);
}

void LivePlayer::process(float *left, float *right, int frames)
{
    Impl &p = *d;
    if (frames <= 0)
        return;
    p.drainPending();
    if (p.seekRequested.exchange(false, std::memory_order_acq_rel))
        p.applySeek(p.seekTarget.load());
    if (p.silenceRequested.exchange(false)) {
        p.engine->allSoundsOff();
        p.keys.reset();
    }
    p.sendLive();
    const double g = p.gain.load();
    if (g != p.currentGain) {
        p.currentGain = g;
        p.engine->setGain(g);
    }
    const double s = p.speed.load();
    if (s != p.currentSpeed) {
        p.reanchor();
        p.currentSpeed = s;
    }
    const State state = State(p.state.load());
    if (state != p.lastState) {
        if (p.lastState == State::Playing) {
            p.engine->allNotesOff();  // pause or stop: let the notes go
            p.keys.reset();
        }
        p.lastState = state;
    }
    if (state != State::Playing) {
        p.engine->render(left, right, frames);  // release tails and reverb keep ringing
        return;
    }

    const bool open = p.openEnded.load();
    const double loopFrom = p.loopFrom.load(), loopTo = p.loopTo.load();
    const bool looping = loopTo - loopFrom >= kShortestLoop;
    int done = 0;
    while (done < frames) {
        // Round the loop when the playhead reaches its end (rendering stops there, below); one
        // already past it (a seek there) plays on. A round is at least kShortestLoop long.
        if (looping && p.frameDue(loopTo) == p.anchorFrames) {
            p.applySeek(loopFrom, false);
            continue;
        }
        while (p.cursor < p.events.size() && p.frameDue(p.events[p.cursor].time) <= p.anchorFrames) {
            const MidiEvent &e = p.events[p.cursor++];
            if (p.keys.admit(e))
                p.engine->send(e);
        }
        qint64 len = frames - done;
        if (p.cursor < p.events.size())
            len = std::min(len, p.frameDue(p.events[p.cursor].time) - p.anchorFrames);
        if (looping && p.frameDue(loopTo) > p.anchorFrames)
            len = std::min(len, p.frameDue(loopTo) - p.anchorFrames);
        if (open) {
            const qint64 limit = p.frameDue(p.horizon) - p.anchorFrames;
            if (limit <= 0) {  // waiting for the generator: sound goes on, the playhead holds
                p.engine->render(left + done, right + done, frames - done);
                break;
            }
            len = std::min(len, limit);
        }
        p.engine->render(left + done, right + done, int(len));
        p.anchorFrames += len;
        done += int(len);
    }
    const double pos = p.positionNow();
    p.position.store(pos);
    if (!open && p.cursor >= p.events.size() && pos >= p.eventsEnd && !p.hasPending.load()) {
        int expected = int(State::Playing);
        if (p.state.compare_exchange_strong(expected, int(State::Stopped)))
            p.lastState = State::Stopped;
    }
}

}  // namespace aichopin
