#include "sound/AudioOutput.h"

#include "sound/AlsaErrors_p.h"
#include "sound/FluidLog_p.h"

#include <fluidsynth.h>

#include <QMutex>

#include <cstring>
#include <mutex>
#include <vector>

namespace aichopin {

namespace {
QMutex g_logMutex;
QString g_lastFluidError;

void logToMemory(int level, const char *message, void *)
{
    if (level > FLUID_WARN)
        return;
    QMutexLocker lock(&g_logMutex);
    g_lastFluidError = QString::fromLocal8Bit(message);
}

// What the driver's thread needs: our callback and a scratch buffer for mono devices.
struct AudioBridge {
    AudioOutput::Callback callback;
    std::vector<float> scratch;
};

int audioFunc(void *data, int len, int nfx, float *fx[], int nout, float *out[])
{
    auto *d = static_cast<AudioBridge *>(data);
    (void)nfx;
    (void)fx;
    if (nout >= 2) {
        d->callback(out[0], out[1], len);
        for (int i = 2; i < nout; ++i)
            std::memset(out[i], 0, sizeof(float) * size_t(len));
    } else if (nout == 1) {
        d->scratch.assign(size_t(len), 0.0f);
        d->callback(out[0], d->scratch.data(), len);
        for (int i = 0; i < len; ++i)
            out[0][i] = 0.5f * (out[0][i] + d->scratch[size_t(i)]);
    }
    return FLUID_OK;
}
}  // namespace

void installFluidLogHandlers()
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

struct AudioOutput::Impl {
    fluid_settings_t *settings = nullptr;
    fluid_audio_driver_t *driver = nullptr;
    AudioBridge bridge;
    QString driverName;
    int sampleRate = 0;

    void close()
    {
        if (driver)
            delete_fluid_audio_driver(driver);
        driver = nullptr;
        if (settings)
            delete_fluid_settings(settings);
        settings = nullptr;
        bridge.callback = nullptr;
        driverName.clear();
        sampleRate = 0;
    }
};

AudioOutput::AudioOutput() : d(std::make_unique<Impl>()) {}
AudioOutput::~AudioOutput() { stop(); }

QStringList AudioOutput::drivers()
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

Status AudioOutput::start(Callback callback, int sampleRate, const QString &driver)
{
    if (!callback)
        return Error{QStringLiteral("No audio callback given")};
    if (sampleRate < 8000 || sampleRate > 96000)
        return Error{QStringLiteral("Sample rate %1 Hz is out of range (8000 to 96000)").arg(sampleRate)};
    stop();
    const QStringList available = drivers();
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
    installFluidLogHandlers();
    // A JACK client must not start a JACK server as a side effect of probing.
    silenceAlsaLibErrors();
    if (!qEnvironmentVariableIsSet("JACK_NO_START_SERVER"))
        qputenv("JACK_NO_START_SERVER", "1");
    d->settings = new_fluid_settings();
    if (!d->settings)
        return Error{QStringLiteral("FluidSynth could not create its settings")};
    // The drivers take their rate from the synth settings even without a synthesizer.
    fluid_settings_setnum(d->settings, "synth.sample-rate", sampleRate);
    d->bridge.callback = std::move(callback);
    QStringList failures;
    for (const QString &name : order) {
        takeFluidError();
        fluid_settings_setstr(d->settings, "audio.driver", name.toLatin1().constData());
        d->driver = new_fluid_audio_driver2(d->settings, audioFunc, &d->bridge);
        if (d->driver) {
            d->driverName = name;
            d->sampleRate = sampleRate;
            return Ok{};
        }
        const QString why = takeFluidError();
        failures << (why.isEmpty() ? name : QStringLiteral("%1 (%2)").arg(name, why));
    }
    d->close();
    return Error{QStringLiteral("No audio output device could be opened; tried %1. Offline rendering to WAV "
                                "still works ('aichopin-cli render').")
                     .arg(failures.join(QStringLiteral("; ")))};
}

void AudioOutput::stop() { d->close(); }

bool AudioOutput::isRunning() const { return d->driver != nullptr; }
QString AudioOutput::driver() const { return d->driverName; }
int AudioOutput::sampleRate() const { return d->sampleRate; }

}  // namespace aichopin
