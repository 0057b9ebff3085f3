#include "sound/SynthEngine.h"

#include "sound/AlsaErrors_p.h"
#include "sound/SoundfontLocator.h"

#include <fluidsynth.h>

#include <QFile>
#include <QFileInfo>
#include <QMutex>

#include <algorithm>
#include <cstring>
#include <mutex>

namespace aichopin {

namespace {
// FluidSynth reports errors through a global log function; keep the latest so our Error can
// say what went wrong instead of FluidSynth printing to stderr.
QMutex g_logMutex;
QString g_lastFluidError;

void logToMemory(int level, const char *message, void *)
{
    if (level > FLUID_WARN)
        return;
    QMutexLocker lock(&g_logMutex);
    g_lastFluidError = QString::fromLocal8Bit(message);
}

void installLogHandlers()
{
    static std::once_flag once;
    std::call_once(once, [] {
        for (int level : {FLUID_PANIC, FLUID_ERR, FLUID_WARN, FLUID_INFO, FLUID_DBG})
            fluid_set_log_function(level, logToMemory, nullptr);
    });
}

QString takeFluidError()
{
    QMutexLocker lock(&g_logMutex);
    return std::exchange(g_lastFluidError, QString());
}

// What the driver's thread needs: our callback and a scratch buffer for mono devices.
struct AudioBridge {
    SynthEngine::AudioCallback callback;
    std::vector<float> scratch;
};

int audioFunc(void *data, int len, int nfx, float *fx[], int nout, float *out[])
{
    auto *d = static_cast<AudioBridge *>(data);
    // The driver hands zeroed buffers; effects are already mixed into our stereo output.
    (void)nfx;
    (void)fx;
    if (nout >= 2) {
        d->callback(out[0], out[1], len);
        for (int i = 2; i < nout; ++i)
            std::memset(out[i], 0, sizeof(float) * size_t(len));
    } else if (nout == 1) {
        d->scratch.resize(size_t(len));
        d->callback(out[0], d->scratch.data(), len);
        for (int i = 0; i < len; ++i)
            out[0][i] = 0.5f * (out[0][i] + d->scratch[size_t(i)]);
    }
    return FLUID_OK;
}
}  // namespace

struct SynthEngine::Impl {
    SynthOptions options;
    fluid_settings_t *settings = nullptr;
    fluid_synth_t *synth = nullptr;
    fluid_audio_driver_t *driver = nullptr;
    AudioBridge bridge;

    ~Impl()
    {
        if (driver)
            delete_fluid_audio_driver(driver);
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

    installLogHandlers();
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

QStringList SynthEngine::audioDrivers()
{
    QStringList names;
    fluid_settings_t *settings = new_fluid_settings();
    if (!settings)
        return names;
    fluid_settings_foreach_option(settings, "audio.driver", &names, [](void *data, const char *, const char *option) {
        static_cast<QStringList *>(data)->append(QString::fromLatin1(option));
    });
    delete_fluid_settings(settings);
    names.removeAll(QStringLiteral("file"));  // writes a file, not a device
    return names;
}

Status SynthEngine::startAudio(AudioCallback callback, const QString &driver, QString *usedDriver)
{
    if (!callback)
        return Error{QStringLiteral("No audio callback given")};
    stopAudio();
    const QStringList available = audioDrivers();
    QStringList order;
    if (!driver.isEmpty()) {
        if (!available.contains(driver))
            return Error{QStringLiteral("Audio driver '%1' is not available (FluidSynth has: %2)")
                             .arg(driver, available.join(QStringLiteral(", ")))};
        order << driver;
    } else {
        for (const char *name : {"pipewire", "pulseaudio", "alsa", "jack", "sdl2", "oss", "coreaudio", "dsound", "wasapi"})
            if (available.contains(QLatin1String(name)))
                order << QLatin1String(name);
    }
    if (order.isEmpty())
        return Error{QStringLiteral("FluidSynth was built without any audio output driver")};
    // A JACK client must not start a JACK server as a side effect of probing.
    silenceAlsaLibErrors();
    if (!qEnvironmentVariableIsSet("JACK_NO_START_SERVER"))
        qputenv("JACK_NO_START_SERVER", "1");
    d->bridge.callback = std::move(callback);
    QStringList failures;
    for (const QString &name : order) {
        takeFluidError();
        fluid_settings_setstr(d->settings, "audio.driver", name.toLatin1().constData());
        d->driver = new_fluid_audio_driver2(d->settings, audioFunc, &d->bridge);
        if (d->driver) {
            if (usedDriver)
                *usedDriver = name;
            return Ok{};
        }
        const QString why = takeFluidError();
        failures << (why.isEmpty() ? name : QStringLiteral("%1 (%2)").arg(name, why));
    }
    d->bridge.callback = nullptr;
    return Error{QStringLiteral("No audio output device could be opened; tried %1. Offline rendering to WAV "
                                "still works ('aichopin-cli render').")
                     .arg(failures.join(QStringLiteral("; ")))};
}

void SynthEngine::stopAudio()
{
    if (d->driver) {
        delete_fluid_audio_driver(d->driver);
        d->driver = nullptr;
    }
}

bool SynthEngine::audioRunning() const { return d->driver != nullptr; }

}  // namespace aichopin
