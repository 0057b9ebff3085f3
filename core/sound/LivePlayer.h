#pragma once
// Real-time playback of notes through FluidSynth and the platform's audio output, including
// notes appended while a composition is still being generated.
//
// Timing is counted in samples inside the audio callback (process()): every event is placed at
// the sample its time maps to, so there is no drift however long the piece; FluidSynth applies
// an event at its next 64-sample step (1.5 ms at 44.1 kHz). No wall-clock timers.
//
// Threads: content (setSequence, appendNotes) and transport (play, pause, stop, seek, speed,
// gain) may be called from any thread and never wait for the audio thread; position() and
// state() may be read from any thread at any moment (the piano roll polls them). process() runs
// on the audio driver's thread; without an audio device (tests, CI) the caller drives it.

#include "common/Result.h"
#include "midi/NoteSequence.h"
#include "sound/MidiEventSchedule.h"
#include "sound/SynthOptions.h"

#include <QString>

#include <memory>
#include <vector>

namespace aichopin {

class LivePlayer {
public:
    enum class State { Stopped, Playing, Paused };

    // Loads the soundfont (blocks ~0.4 s for FluidR3_GM). Errors: no soundfont, bad options.
    static Result<std::unique_ptr<LivePlayer>> create(const SynthOptions &options = {});
    ~LivePlayer();  // closes the audio output first
    LivePlayer(const LivePlayer &) = delete;
    LivePlayer &operator=(const LivePlayer &) = delete;

    // Opens the audio output (see SynthEngine::startAudio for the driver order). An error with a
    // readable message when there is no audio device; the player still works through process().
    // Call from a non-audio thread; blocks while the device opens.
    Status openAudio(const QString &driver = {});
    void closeAudio();  // blocks until the audio callback has returned
    bool audioOpen() const;
    QString audioDriver() const;  // the driver in use, empty when closed
    int sampleRate() const;
    QString soundfont() const;

    // Replaces everything to play and moves the playhead to 0 (the state is kept).
    void setSequence(const NoteSequence &sequence);
    // Adds notes and pedal changes (any order). A note whose start the playhead has already
    // passed starts at once if it is still meant to sound, and is dropped otherwise.
    void appendNotes(const std::vector<Note> &notes, const std::vector<PedalEvent> &pedals = {});
    // While open-ended (a composition is being generated), playback does not finish at the end
    // of the notes so far: the playhead waits at the latest note start until more notes come
    // or setOpenEnded(false) is called.
    void setOpenEnded(bool open);
    bool openEnded() const;
    void clear();  // no notes; playhead to 0
    double knownEnd() const;  // end of the music given so far, seconds

    void play();   // from the playhead; after the end, from the start
    void pause();  // releases sounding notes; the playhead stays
    void stop();   // silences at once; playhead to 0
    void seek(double seconds);
    State state() const;     // becomes Stopped by itself at the end of the music
    double position() const; // playhead in seconds of music

    // Plays [from, to) over and over: reaching 'to', the notes are let go and playback goes on
    // from 'from', sample-exact. Play starts at 'from' when the playhead is outside the range.
    // A range shorter than kShortestLoop (or to <= from) plays straight through.
    void setLoop(double from, double to);
    static constexpr double kShortestLoop = 0.05;

    void setSpeed(double factor);  // 0.25..4, 1 = as written
    double speed() const;
    void setGain(double gain);     // 0..10 (FluidSynth gain; 0.5 is a good level for piano)
    double gain() const;

    // Sounds an event now, beside the piece and whatever the transport's state: a key clicked
    // on the roll, a MIDI keyboard heard while its phrase is recorded. On kLiveChannel (a piano
    // too), so the piece's own notes on that key are not cut short; pause, stop and seek silence
    // it with the rest. Any thread; never waits for the audio thread.
    void playLive(const MidiEvent &event);
    static constexpr int kLiveChannel = 1;

    // Renders frames samples into left and right and advances playback by them. Never waits
    // for a lock. Called by the audio driver while audio is open; call it yourself otherwise
    // (never both at once).
    void process(float *left, float *right, int frames);

private:
    LivePlayer();
    struct Impl;
    std::unique_ptr<Impl> d;
};

}  // namespace aichopin
