#pragma once
// Our one door to FluidSynth: a synthesizer with one soundfont loaded, fed MidiEvents and
// rendered in blocks, optionally driving the platform's audio output. Its FluidSynth types stay
// in the .cpp. Not thread-safe: events, rendering and gain changes must come from one thread
// at a time (the audio callback, while audio runs); create() and the destructor block.

#include "common/Result.h"
#include "sound/MidiEventSchedule.h"
#include "sound/SynthOptions.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace aichopin {

class SynthEngine {
public:
    // Loads the soundfont (FluidR3_GM takes about 0.4 s). Errors: no soundfont, unreadable or
    // invalid soundfont, bad options.
    static Result<std::unique_ptr<SynthEngine>> create(const SynthOptions &options);
    ~SynthEngine();
    SynthEngine(const SynthEngine &) = delete;
    SynthEngine &operator=(const SynthEngine &) = delete;

    const SynthOptions &options() const;  // with soundfont set to the file actually loaded
    int sampleRate() const;

    void send(const MidiEvent &event);
    void allNotesOff();   // releases every key and lifts the pedal on all 16 channels
    void allSoundsOff();  // silences at once (stop, seek)
    void setGain(double gain);
    // Back to the state after create(): no voices, default controllers, empty reverb and
    // chorus buffers (so one render's reverb tail does not leak into the next).
    void reset();
    // Writes frames samples to each buffer (overwriting them).
    void render(float *left, float *right, int frames);

    // Starts an audio output whose callback (on the driver's thread) fills left/right with
    // frames samples. driver: a FluidSynth driver name, or empty to try pipewire, pulseaudio,
    // alsa, jack, sdl2, oss in turn (those FluidSynth was built with). Error when no device
    // opens, naming what was tried. *usedDriver gets the one that worked.
    using AudioCallback = std::function<void(float *left, float *right, int frames)>;
    Status startAudio(AudioCallback callback, const QString &driver = {}, QString *usedDriver = nullptr);
    // Stops the audio output; blocks until the callback has returned. No-op when not running.
    void stopAudio();
    bool audioRunning() const;

    // Audio drivers this FluidSynth was built with ("alsa", "pulseaudio", ...). Any thread.
    static QStringList audioDrivers();

private:
    SynthEngine();
    void applyEffects();
    struct Impl;
    std::unique_ptr<Impl> d;
};

}  // namespace aichopin
