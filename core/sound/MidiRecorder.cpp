#include "sound/MidiRecorder.h"

#include "sound/MidiBackend_p.h"
#include "sound/MidiPorts.h"
#include "sound/PhraseAssembler.h"

#include <chrono>
#include <mutex>

namespace aichopin {

namespace {
struct Message {
    double seconds;
    unsigned char bytes[3];
    unsigned char size;
};
}  // namespace

struct MidiRecorder::Impl {
    std::unique_ptr<RtMidiIn> in;
    bool withoutPort = false;  // recording what receive() is given, no input open
    QString portName;
    std::mutex queueMutex;
    std::vector<Message> queue;  // guarded by queueMutex
    std::function<void()> dataAvailable;  // set before start
    std::function<void(const unsigned char *, size_t)> thru;  // set before start
    PhraseAssembler assembler;  // controlling thread only

    void drain()
    {
        std::vector<Message> batch;
        {
            std::lock_guard<std::mutex> lock(queueMutex);
            batch.swap(queue);
        }
        for (const Message &m : batch)
            assembler.feed(m.seconds, m.bytes, m.size);
    }

    static void rtCallback(double, std::vector<unsigned char> *message, void *data)
    {
        auto *self = static_cast<MidiRecorder *>(data);
        if (message && !message->empty())
            self->receive(MidiRecorder::now(), message->data(), message->size());
    }
};

MidiRecorder::MidiRecorder() : d(std::make_unique<Impl>()) {}
MidiRecorder::~MidiRecorder() { stop(); }

double MidiRecorder::now()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

void MidiRecorder::receive(double seconds, const unsigned char *bytes, size_t size)
{
    if (size < 3 || (bytes[0] & 0x80) == 0 || bytes[0] >= 0xF0)
        return;  // only channel messages of three bytes matter here
    bool wasEmpty = false;
    {
        std::lock_guard<std::mutex> lock(d->queueMutex);
        wasEmpty = d->queue.empty();
        d->queue.push_back({seconds, {bytes[0], bytes[1], bytes[2]}, 3});
    }
    if (d->thru)
        d->thru(bytes, 3);
    if (wasEmpty && d->dataAvailable)
        d->dataAvailable();
}

void MidiRecorder::setDataAvailableCallback(std::function<void()> callback) { d->dataAvailable = std::move(callback); }

void MidiRecorder::setThruCallback(std::function<void(const unsigned char *, size_t)> callback) { d->thru = std::move(callback); }

void MidiRecorder::startWithoutPort(const QString &name)
{
    stop();
    d->assembler.clear();
    {
        std::lock_guard<std::mutex> lock(d->queueMutex);
        d->queue.clear();
    }
    d->withoutPort = true;
    d->portName = name;
}

Status MidiRecorder::start(const QString &portSpec)
{
    stop();
    auto backend = midibackend::openInput();
    const MidiPortList list{backend.ports, backend.api, backend.explanation};
    const Result<int> index = MidiPorts::resolve(list, portSpec);
    if (!index)
        return index.error();
    d->assembler.clear();
    {
        std::lock_guard<std::mutex> lock(d->queueMutex);
        d->queue.clear();
    }
    try {
        backend.midi->ignoreTypes(true, true, true);
        backend.midi->setCallback(&Impl::rtCallback, this);
        backend.midi->openPort(unsigned(index.value()), "AI Chopin in");
    } catch (const RtMidiError &e) {
        return Error{QStringLiteral("Cannot open MIDI input '%1': %2").arg(list.ports[index.value()], QString::fromStdString(e.getMessage()))};
    } catch (...) {
        return Error{QStringLiteral("Cannot open MIDI input '%1'").arg(list.ports[index.value()])};
    }
    d->in = std::move(backend.midi);
    d->portName = list.ports[index.value()];
    return Ok{};
}

NoteSequence MidiRecorder::stop()
{
    d->withoutPort = false;
    if (d->in) {
        try {
            d->in->closePort();
            d->in->cancelCallback();
        } catch (...) {
        }
        d->in.reset();  // joins RtMidi's thread: no callback after this
    }
    return sequence();
}

bool MidiRecorder::isRecording() const { return d->in != nullptr || d->withoutPort; }
QString MidiRecorder::portName() const { return d->portName; }

NoteSequence MidiRecorder::sequence()
{
    d->drain();
    return d->assembler.sequence(now());
}

int MidiRecorder::noteCount()
{
    d->drain();
    return d->assembler.noteCount();
}

}  // namespace aichopin
