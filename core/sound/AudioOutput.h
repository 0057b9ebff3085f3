#pragma once
// A plain audio output: the platform's sound device driven by a callback that fills stereo
// float blocks. Uses FluidSynth's audio drivers (no synthesizer, no soundfont), trying pipewire,
// pulseaudio, alsa, jack, sdl2, oss (and the non-Linux ones) in turn. FluidSynth types stay in
// the .cpp.
//
// Threads: start() and stop() block (opening a device, waiting for the callback to return) and
// must come from one non-audio thread at a time; the callback runs on the driver's thread.
// Without an audio device start() returns an Error naming what was tried; nothing crashes.
#include "common/Result.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace aichopin {

class AudioOutput {
public:
    // Fills left and right with frames samples each (buffers arrive zeroed).
    using Callback = std::function<void(float *left, float *right, int frames)>;

    AudioOutput();
    ~AudioOutput();  // stops the output first
    AudioOutput(const AudioOutput &) = delete;
    AudioOutput &operator=(const AudioOutput &) = delete;

    // Opens the device at sampleRate (8000..96000) and starts calling callback. driver: a
    // FluidSynth driver name, or empty for the fallback order above. Restarts if running.
    Status start(Callback callback, int sampleRate, const QString &driver = {});
    void stop();  // blocks until the callback has returned; no-op when not running
    bool isRunning() const;
    QString driver() const;  // the driver in use, empty when stopped
    int sampleRate() const;  // of the running output, 0 when stopped

    // Audio drivers this FluidSynth was built with ("alsa", "pulseaudio", ...). Any thread.
    static QStringList drivers();

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

}  // namespace aichopin
