#include "sound/MidiPorts.h"

#include "sound/AlsaErrors_p.h"
#include "sound/MidiBackend_p.h"

#include <QFile>

#include <iostream>
#include <mutex>
#include <sstream>

namespace aichopin {

namespace midibackend {
namespace {

// RtMidi prints its warnings ("JACK server not running?") to std::cerr before a caller can
// install an error callback; our explanation carries them instead.
class QuietCerr {
public:
    QuietCerr() : m_lock(mutex()), m_old(std::cerr.rdbuf(m_sink.rdbuf())) {}
    ~QuietCerr() { std::cerr.rdbuf(m_old); }
    // What RtMidi printed since the last call.
    QString take()
    {
        QStringList lines;
        for (const QString &line : QString::fromStdString(m_sink.str()).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            if (!lines.contains(line.simplified()) && !line.simplified().isEmpty())
                lines << line.simplified();
        m_sink.str({});
        return lines.join(QLatin1Char(' '));
    }

private:
    static std::mutex &mutex()
    {
        static std::mutex m;
        return m;
    }
    std::lock_guard<std::mutex> m_lock;
    std::ostringstream m_sink;
    std::streambuf *m_old;
};

template <typename T>
Backend<T> openBackend(const char *clientName, const char *direction)
{
    silenceAlsaLibErrors();
    QuietCerr quiet;
    std::vector<RtMidi::Api> apis;
    RtMidi::getCompiledApi(apis);
    Backend<T> fallback;
    QStringList problems;
    for (RtMidi::Api api : apis) {
        if (api == RtMidi::RTMIDI_DUMMY)
            continue;
        const QString name = QString::fromStdString(RtMidi::getApiDisplayName(api));
        try {
            auto midi = std::make_unique<T>(api, clientName);
            const unsigned count = midi->getPortCount();
            QStringList ports;
            for (unsigned i = 0; i < count; ++i)
                ports << QString::fromStdString(midi->getPortName(i));
            if (!ports.isEmpty())
                return {std::move(midi), name, ports, {}};
            // A warning here means the API did not connect (RtMidi's JACK backend then
            // crashes on openVirtualPort), so it must not become the fallback.
            const QString warning = quiet.take();
            problems << QStringLiteral("%1: %2").arg(name, warning.isEmpty() ? QStringLiteral("no %1 ports").arg(QLatin1String(direction)) : warning);
            if (!fallback.midi && warning.isEmpty()) {
                fallback.midi = std::move(midi);
                fallback.api = name;
            }
        } catch (const RtMidiError &e) {
            quiet.take();
            problems << QStringLiteral("%1: %2").arg(name, QString::fromStdString(e.getMessage()).trimmed());
        } catch (const std::exception &e) {
            problems << QStringLiteral("%1: %2").arg(name, QString::fromLocal8Bit(e.what()));
        } catch (...) {
            problems << QStringLiteral("%1: unknown error").arg(name);
        }
    }
    QString explanation = problems.isEmpty() ? QStringLiteral("RtMidi was built without any MIDI system")
                                             : QStringLiteral("No MIDI %1 ports (%2)").arg(QLatin1String(direction), problems.join(QStringLiteral("; ")));
    if (!QFile::exists(QStringLiteral("/dev/snd/seq")))
        explanation += QStringLiteral(". The ALSA sequencer /dev/snd/seq is missing: no MIDI system on this machine "
                                      "(load the snd-seq module, or give a container access to /dev/snd).");
    fallback.explanation = explanation;
    return fallback;
}

}  // namespace

Backend<RtMidiOut> openOutput(const char *clientName) { return openBackend<RtMidiOut>(clientName, "output"); }
Backend<RtMidiIn> openInput(const char *clientName) { return openBackend<RtMidiIn>(clientName, "input"); }

}  // namespace midibackend

MidiPortList MidiPorts::outputs()
{
    auto b = midibackend::openOutput("AI Chopin port list");
    return {b.ports, b.api, b.explanation};
}

MidiPortList MidiPorts::inputs()
{
    auto b = midibackend::openInput("AI Chopin port list");
    return {b.ports, b.api, b.explanation};
}

Result<int> MidiPorts::resolve(const MidiPortList &list, const QString &spec)
{
    if (list.ports.isEmpty())
        return Error{list.explanation.isEmpty() ? QStringLiteral("No MIDI ports") : list.explanation};
    bool isNumber = false;
    const int index = spec.toInt(&isNumber);
    if (isNumber) {
        if (index >= 0 && index < list.ports.size())
            return index;
    } else if (!spec.trimmed().isEmpty()) {
        for (int i = 0; i < list.ports.size(); ++i)
            if (list.ports[i].contains(spec.trimmed(), Qt::CaseInsensitive))
                return i;
    }
    QStringList numbered;
    for (int i = 0; i < list.ports.size(); ++i)
        numbered << QStringLiteral("%1: %2").arg(i).arg(list.ports[i]);
    return Error{QStringLiteral("No MIDI port '%1'; the ports are %2").arg(spec, numbered.join(QStringLiteral(", ")))};
}

}  // namespace aichopin
