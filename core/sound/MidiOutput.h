#pragma once
// One open MIDI output port (RtMidi behind a pimpl). send() may be called from any thread (a
// player's and the GUI's at once: they take turns); open and close block briefly and are for
// the owning thread while nothing sends.

#include "common/Result.h"

#include <QString>

#include <cstddef>
#include <memory>

namespace aichopin {

class MidiOutput {
public:
    MidiOutput();
    ~MidiOutput();

    // A port by index or part of its name (see MidiPorts::resolve).
    Status open(const QString &portSpec);
    // A new port other programs can connect to (ALSA/JACK only); an error where unsupported.
    Status openVirtual(const QString &name);
    void close();
    bool isOpen() const;
    QString portName() const;

    // Sends one complete MIDI message; errors are counted, not thrown.
    void send(const unsigned char *bytes, size_t size);
    int sendErrors() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

}  // namespace aichopin
