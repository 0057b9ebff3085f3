#pragma once
// Plays notes to a MIDI output (a hardware piano, another synth) with correct timing: a thread
// of its own sleeps on a steady clock until each event is due, so it does not drift. Stopping
// (or reaching the end) sends note-offs for every held key, lifts the pedal and sends
// all-notes-off (CC123) on all 16 channels.
//
// Threads: start, stop, wait and position may be called from any one controlling thread; the
// sink is called on the player's own thread.

#include "common/Result.h"
#include "midi/NoteSequence.h"

#include <QString>

#include <cstddef>
#include <functional>
#include <memory>

namespace aichopin {

class MidiOutput;

class MidiOutputPlayer {
public:
    using Sink = std::function<void(const unsigned char *bytes, size_t size)>;

    // Plays into any sink (tests record what would be sent).
    explicit MidiOutputPlayer(Sink sink);
    // Plays into an open MIDI output; it must outlive the player.
    explicit MidiOutputPlayer(MidiOutput *output);
    ~MidiOutputPlayer();  // stops

    // Starts playing from 'from' seconds at 'speed' (0.25..4); returns at once. A running
    // playback is stopped first.
    void start(const NoteSequence &sequence, double speed = 1.0, double from = 0.0);
    // Stops, silences the receiver and joins the thread. Safe to call when not running, and
    // from a signal-driven flag watcher.
    void stop();
    // Blocks until playback ended by itself or was stopped; false on timeout (timeoutMs >= 0).
    bool wait(int timeoutMs = -1);
    bool isRunning() const;
    // The playhead in seconds of music, absolute (it includes the 'from' given to start()):
    // follows the clock while running, stays where playback stopped or ended. Any thread.
    double position() const;
    double duration() const;  // of the sequence being played

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

}  // namespace aichopin
