#include "sound/MidiOutputPlayer.h"

#include "sound/MidiEventSchedule.h"
#include "sound/MidiOutput.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace aichopin {

struct MidiOutputPlayer::Impl {
    Sink sink;
    std::thread thread;
    std::mutex mutex;
    std::condition_variable wake;
    bool stopRequested = false;  // guarded by mutex
    std::atomic<bool> running{false};
    std::atomic<double> duration{0.0};
    // Where playback started: the clock reading and the music time (both set before the thread starts).
    std::atomic<std::chrono::steady_clock::rep> startTicks{0};
    std::atomic<double> from{0.0};
    std::atomic<double> speed{1.0};
    std::atomic<double> finalPosition{0.0};  // once the thread has ended

    double clockPosition() const
    {
        const auto start = std::chrono::steady_clock::time_point(std::chrono::steady_clock::duration(startTicks.load()));
        const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        return std::min(duration.load(), from.load() + std::max(0.0, elapsed) * speed.load());
    }
    std::condition_variable finishedCv;

    void silence(const bool held[16][128])
    {
        unsigned char m[3];
        for (int ch = 0; ch < 16; ++ch) {
            for (int key = 0; key < 128; ++key) {
                if (!held[ch][key])
                    continue;
                m[0] = 0x80 | ch; m[1] = key; m[2] = 0;
                sink(m, 3);
            }
            m[0] = 0xB0 | ch; m[1] = 64; m[2] = 0;  // pedal up
            sink(m, 3);
            m[1] = 123;  // all notes off
            sink(m, 3);
        }
    }

    void run(std::vector<MidiEvent> events)
    {
        using Clock = std::chrono::steady_clock;
        const Clock::time_point start = Clock::time_point(Clock::duration(startTicks.load()));
        const double from = this->from.load();
        const double speed = this->speed.load();
        KeyCounter keys;
        bool held[16][128] = {};
        MidiEvent probe;
        probe.time = from;
        probe.type = MidiEvent::NoteOff;
        auto it = std::lower_bound(events.begin(), events.end(), probe);
        // The pedal state at the starting point.
        for (auto back = it; back != events.begin();) {
            --back;
            if (back->type == MidiEvent::Controller && back->data1 == 64) {
                unsigned char m[3];
                back->toBytes(m);
                sink(m, 3);
                break;
            }
        }
        bool stopped = false;
        for (; it != events.end(); ++it) {
            const auto due = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>((it->time - from) / speed));
            {
                std::unique_lock<std::mutex> lock(mutex);
                if (wake.wait_until(lock, due, [this] { return stopRequested; })) {
                    stopped = true;
                    break;
                }
            }
            if (!keys.admit(*it))
                continue;
            unsigned char m[3];
            it->toBytes(m);
            sink(m, 3);
            if (it->type == MidiEvent::NoteOn)
                held[it->channel][it->data1] = true;
            else if (it->type == MidiEvent::NoteOff)
                held[it->channel][it->data1] = false;
        }
        finalPosition.store(stopped ? clockPosition() : duration.load());
        silence(held);
        {
            std::lock_guard<std::mutex> lock(mutex);
            running.store(false);
        }
        finishedCv.notify_all();
    }
};

MidiOutputPlayer::MidiOutputPlayer(Sink sink) : d(std::make_unique<Impl>()) { d->sink = std::move(sink); }

MidiOutputPlayer::MidiOutputPlayer(MidiOutput *output)
    : MidiOutputPlayer([output](const unsigned char *bytes, size_t size) { output->send(bytes, size); })
{
}

MidiOutputPlayer::~MidiOutputPlayer() { stop(); }

void MidiOutputPlayer::start(const NoteSequence &sequence, double speed, double from)
{
    stop();
    std::vector<MidiEvent> events = MidiEventSchedule::build(sequence);
    d->duration.store(MidiEventSchedule::endTime(events));
    from = std::clamp(from, 0.0, d->duration.load());
    d->from.store(from);
    d->speed.store(std::clamp(speed, 0.25, 4.0));
    d->finalPosition.store(from);
    d->startTicks.store(std::chrono::steady_clock::now().time_since_epoch().count());
    {
        std::lock_guard<std::mutex> lock(d->mutex);
        d->stopRequested = false;
        d->running.store(true);
    }
    d->thread = std::thread([this, events = std::move(events)]() mutable { d->run(std::move(events)); });
}

void MidiOutputPlayer::stop()
{
    {
        std::lock_guard<std::mutex> lock(d->mutex);
        d->stopRequested = true;
    }
    d->wake.notify_all();
    if (d->thread.joinable())
        d->thread.join();
}

bool MidiOutputPlayer::wait(int timeoutMs)
{
    std::unique_lock<std::mutex> lock(d->mutex);
    auto done = [this] { return !d->running.load(); };
    if (timeoutMs < 0) {
        d->finishedCv.wait(lock, done);
        return true;
    }
    return d->finishedCv.wait_for(lock, std::chrono::milliseconds(timeoutMs), done);
}

bool MidiOutputPlayer::isRunning() const { return d->running.load(); }
double MidiOutputPlayer::position() const { return d->running.load() ? d->clockPosition() : d->finalPosition.load(); }
double MidiOutputPlayer::duration() const { return d->duration.load(); }

}  // namespace aichopin
