#pragma once
// Private to core/sound: picks the RtMidi API to use and converts RtMidi's exceptions into
// messages. Includes RtMidi.h, so no public header may include this one.

#include <rtmidi/RtMidi.h>

#include <QString>
#include <QStringList>

#include <memory>

namespace aichopin::midibackend {

template <typename T>
struct Backend {
    std::unique_ptr<T> midi;  // null when no MIDI system works
    QString api;
    QStringList ports;
    QString explanation;      // set when ports is empty
};

// The first compiled API that has ports; else the first that at least opens (so virtual ports
// can still be made); else none, with every API's error in the explanation.
Backend<RtMidiOut> openOutput(const char *clientName = "AI Chopin");
Backend<RtMidiIn> openInput(const char *clientName = "AI Chopin");

}  // namespace aichopin::midibackend
