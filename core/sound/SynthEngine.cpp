#include "sound/SynthEngine.h"

#include "sound/AudioOutput.h"
#include "sound/FluidLog_p.h"
#include "sound/SoundfontLocator.h"

#include <fluidsynth.h>

#include <QFile>
#include <QFileInfo>
#include <QMutex>

#include <algorithm>
#include <cstring>
#include <mutex>

namespace aichopin {


struct SynthEngine::Impl {
    SynthOptions options;
    fluid_settings_t *settings = nullptr;
    fluid_synth_t *synth = nullptr;
    AudioOutput output;  // declared after synth: destroyed (stopped) before it

    ~Impl()
    {
        output.stop();
        if (synth)
            delete_fluid_synth(synth);
        if (settings)
            delete_fluid_settings(settings);
    }
};


SynthEngine::SynthEngine() : d(std::make_unique<Impl>()) {}
SynthEngine::~SynthEngine() = default;

Result<std::unique_ptr<SynthEngine>> SynthEngine::create(const SynthOptions &options)
{
    if (options.sampleRate < 8000 || options.sampleRate > 96000)
        return Error{QStringLiteral("Sample rate %1 Hz is out of range (8000 to 96000)").arg(options.sampleRate)};
    if (options.polyphony < 1 || options.polyphony > 65535)
        return Error{QStringLiteral("Polyphony %1 is out of range (1 to 65535)").arg(options.polyphony)};
    if (!(options.gain >= 0.0 && options.gain <= 10.0))
        return Error{QStringLiteral("Gain %1 is out of range (0 to 10)").arg(options.gain)};
    const QStringList dirs = options.soundfontDirs.isEmpty() ? SoundfontLocator::searchDirs() : options.soundfontDirs;
    const Result<QString> font = SoundfontLocator::find(options.soundfont, dirs);
    if (!font)
        return font.error();

    installFluidLogHandlers();
    takeFluidError();
    std::unique_ptr<SynthEngine> engine(new SynthEngine);
    Impl &d = *engine->d;
    d.options = options;
    d.options.soundfont = font.value();
    d.settings = new_fluid_settings();
    if (!d.settings)
        return Error{QStringLiteral("FluidSynth could not create its settings")};
    fluid_settings_setnum(d.settings, "synth.sample-rate", options.sampleRate);
    fluid_settings_setnum(d.settings, "synth.gain", options.gain);
    fluid_settings_setint(d.settings, "synth.polyphony", options.polyphony);
    fluid_settings_setint(d.settings, "synth.reverb.active", options.reverb ? 1 : 0);
    fluid_settings_setint(d.settings, "synth.chorus.active", options.chorus ? 1 : 0);
    // Every call comes from one thread (see the header), so FluidSynth's own locking is waste.
    fluid_settings_setint(d.settings, "synth.threadsafe-api", 0);
    fluid_settings_setint(d.settings, "synth.cpu-cores", 1);
    d.synth = new_fluid_synth(d.settings);
    if (!d.synth)
        return Error{QStringLiteral("FluidSynth could not create a synthesizer: %1").arg(takeFluidError())};
    if (fluid_synth_sfload(d.synth, QFile::encodeName(font.value()).constData(), 1) == FLUID_FAILED) {
        const QString why = takeFluidError();
        return Error{QStringLiteral("Cannot load soundfont '%1'%2").arg(font.value(), why.isEmpty() ? QString() : QStringLiteral(": ") + why)};
    }
    engine->applyEffects();
    return engine;
}

const SynthOptions &SynthEngine::options() const { return d->options; }
int SynthEngine::sampleRate() const { return d->options.sampleRate; }

void SynthEngine::send(const MidiEvent &e)
{
    switch (e.type) {
    case MidiEvent::NoteOn:
        fluid_synth_noteon(d->synth, e.channel, e.data1, e.data2);
        break;
    case MidiEvent::NoteOff:
        fluid_synth_noteoff(d->synth, e.channel, e.data1);
        break;
    case MidiEvent::Controller:
        fluid_synth_cc(d->synth, e.channel, e.data1, e.data2);
        break;
    }
}

void SynthEngine::allNotesOff()
{
    for (int ch = 0; ch < 16; ++ch) {
        fluid_synth_cc(d->synth, ch, 64, 0);
        fluid_synth_all_notes_off(d->synth, ch);
    }
}

void SynthEngine::allSoundsOff()
{
    for (int ch = 0; ch < 16; ++ch) {
        fluid_synth_cc(d->synth, ch, 64, 0);
        fluid_synth_all_sounds_off(d->synth, ch);
    }
}

void SynthEngine::reset()
{
    float scratch[2][1024];
    auto flush = [&] {
        for (int i = 0; i < 4; ++i)
            fluid_synth_write_float(d->synth, 1024, scratch[0], 0, 1, scratch[1], 0, 1);
    };
    allSoundsOff();
    flush();
    fluid_synth_system_reset(d->synth);
    applyEffects();
    flush();
}

void SynthEngine::applyEffects()
{
    const SynthOptions &o = d->options;
    fluid_synth_reverb_on(d->synth, -1, o.reverb ? 1 : 0);
    fluid_synth_chorus_on(d->synth, -1, o.chorus ? 1 : 0);
    fluid_synth_set_reverb_group_level(d->synth, -1, std::clamp(o.reverbLevel, 0.0, 1.0));
    fluid_synth_set_reverb_group_roomsize(d->synth, -1, std::clamp(o.reverbRoomSize, 0.0, 1.0));
    fluid_synth_set_chorus_group_level(d->synth, -1, std::clamp(o.chorusLevel, 0.0, 10.0));
}

void SynthEngine::setGain(double gain) { fluid_synth_set_gain(d->synth, float(std::clamp(gain, 0.0, 10.0))); }

void SynthEngine::render(float *left, float *right, int frames)
{
    if (frames > 0)
        fluid_synth_write_float(d->synth, frames, left, 0, 1, right, 0, 1);
}

QStringList SynthEngine::audioDrivers() { return AudioOutput::drivers(); }

Status SynthEngine::startAudio(AudioCallback callback, const QString &driver, QString *usedDriver)
{
    const Status started = d->output.start(std::move(callback), d->options.sampleRate, driver);
    if (started && usedDriver)
        *usedDriver = d->output.driver();
    return started;
}

void SynthEngine::stopAudio() { d->output.stop(); }

bool SynthEngine::audioRunning() const { return d->output.isRunning(); }

}  // namespace aichopin
