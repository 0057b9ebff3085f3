#include "sound/MidiOutput.h"

#include "sound/MidiBackend_p.h"
#include "sound/MidiPorts.h"

#include <atomic>
#include <mutex>

namespace aichopin {

struct MidiOutput::Impl {
    std::unique_ptr<RtMidiOut> out;
    QString name;
    std::mutex sendMutex;  // RtMidi's port is not for two threads at once
    std::atomic<int> errors{0};
};

MidiOutput::MidiOutput() : d(std::make_unique<Impl>()) {}
MidiOutput::~MidiOutput() { close(); }

Status MidiOutput::open(const QString &portSpec)
{
    close();
    auto backend = midibackend::openOutput();
    const MidiPortList list{backend.ports, backend.api, backend.explanation};
    const Result<int> index = MidiPorts::resolve(list, portSpec);
    if (!index)
        return index.error();
    try {
        backend.midi->openPort(unsigned(index.value()), "AI Chopin out");
    } catch (const RtMidiError &e) {
        return Error{QStringLiteral("Cannot open MIDI output '%1': %2").arg(list.ports[index.value()], QString::fromStdString(e.getMessage()))};
    } catch (...) {
        return Error{QStringLiteral("Cannot open MIDI output '%1'").arg(list.ports[index.value()])};
    }
    d->out = std::move(backend.midi);
    d->name = list.ports[index.value()];
    return Ok{};
}

Status MidiOutput::openVirtual(const QString &name)
{
    close();
    auto backend = midibackend::openOutput(name.toUtf8().constData());
    if (!backend.midi)
        return Error{backend.explanation};
    try {
        backend.midi->openVirtualPort(name.toStdString());
    } catch (const RtMidiError &e) {
        return Error{QStringLiteral("Cannot create virtual MIDI port '%1': %2").arg(name, QString::fromStdString(e.getMessage()))};
    } catch (...) {
        return Error{QStringLiteral("Cannot create virtual MIDI port '%1'").arg(name)};
    }
    d->out = std::move(backend.midi);
    d->name = name;
    return Ok{};
}

void MidiOutput::close()
{
    std::lock_guard<std::mutex> lock(d->sendMutex);
    if (!d->out)
        return;
    try {
        d->out->closePort();
    } catch (...) {
    }
    d->out.reset();
    d->name.clear();
}

bool MidiOutput::isOpen() const { return d->out != nullptr; }
QString MidiOutput::portName() const { return d->name; }

void MidiOutput::send(const unsigned char *bytes, size_t size)
{
    std::lock_guard<std::mutex> lock(d->sendMutex);
    if (!d->out) {
        ++d->errors;
        return;
    }
    try {
        d->out->sendMessage(bytes, size);
    } catch (...) {
        ++d->errors;
    }
}

int MidiOutput::sendErrors() const { return d->errors; }

}  // namespace aichopin
