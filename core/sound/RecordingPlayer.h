#pragma once
// Plays a recording (mono float samples, e.g. decoded with AudioDecoder at sampleRate()) to the
// platform's audio output, with play/pause/stop/seek; the Classify area's transport for audio
// files. Like LivePlayer, process() may be driven by the caller when there is no audio device
// (tests, machines without sound), and counts time in samples (no wall-clock timers).
//
// Threads: setSamples/load, openAudio/closeAudio block and come from one non-audio thread.
// play, pause, stop, seek, setGain may be called from any thread and never wait for the audio
// thread; position(), duration() and state() may be read from any thread at any moment.
// process() runs on the audio driver's thread (or the caller's, never both at once) and never
// waits for a lock: while new samples are being swapped in it outputs silence for that block.
#include "common/CancelToken.h"
#include "common/Result.h"

#include <QString>

#include <memory>
#include <vector>

namespace aichopin {

class RecordingPlayer {
public:
    enum class State { Stopped, Playing, Paused };

    explicit RecordingPlayer(int sampleRate = 44100);  // clamped to 8000..96000
    ~RecordingPlayer();  // closes the audio output first
    RecordingPlayer(const RecordingPlayer &) = delete;
    RecordingPlayer &operator=(const RecordingPlayer &) = delete;

    int sampleRate() const;

    // Replaces the recording (mono, at sampleRate()); playhead to 0, state Stopped.
    void setSamples(std::vector<float> samples);
    // Decodes an audio file at sampleRate() (blocks; seconds for a long MP3) and calls
    // setSamples. Errors: unreadable or not audio (the previous recording is kept).
    Status load(const QString &path, const CancelToken *cancel = nullptr);
    void clear();
    double duration() const;  // seconds

    // Opens the audio output (AudioOutput's driver order). An error with a readable message
    // when there is no audio device; the player still works through process().
    Status openAudio(const QString &driver = {});
    void closeAudio();  // blocks until the audio callback has returned
    bool audioOpen() const;
    QString audioDriver() const;

    void play();   // from the playhead; at the end, from the start
    void pause();  // the playhead stays
    void stop();   // playhead to 0
    void seek(double seconds);  // clamped to 0..duration()
    State state() const;        // becomes Stopped by itself at the end (playhead stays there)
    double position() const;    // playhead in seconds

    void setGain(double gain);  // 0..4, 1 = as recorded
    double gain() const;

    // Writes frames samples into left and right (the mono recording on both, silence when not
    // playing) and advances the playhead by them.
    void process(float *left, float *right, int frames);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

}  // namespace aichopin
