#pragma once
// Records a phrase played on a MIDI keyboard into a NoteSequence (for Compose to continue).
// RtMidi calls back on its own thread; the callback only stamps each message with a steady
// clock and appends it to a mutex-protected queue, and calls the data-available callback once
// per batch. The queue is turned into notes when the owner asks (sequence(), stop()).
//
// Threads: every method from one controlling thread (the GUI thread); the data-available
// callback runs on RtMidi's thread and should only post a message.

#include "common/Result.h"
#include "midi/NoteSequence.h"

#include <QString>

#include <functional>
#include <memory>

namespace aichopin {

class MidiRecorder {
public:
    MidiRecorder();
    ~MidiRecorder();  // stops

    // Opens an input port by index or part of its name (see MidiPorts::resolve) and records.
    // Errors: no MIDI system, no such port, port busy.
    Status start(const QString &portSpec);
    // Records what receive() is given, with no MIDI input open (an on-screen keyboard);
    // 'name' is what portName() says.
    void startWithoutPort(const QString &name);
    // Stops recording and returns the phrase (held notes end now).
    NoteSequence stop();
    bool isRecording() const;
    QString portName() const;

    // The phrase so far (held notes end now); recording goes on.
    NoteSequence sequence();
    int noteCount();

    // Called on RtMidi's thread when new messages arrive after the queue was emptied.
    void setDataAvailableCallback(std::function<void()> callback);
    // Called on RtMidi's thread with each channel message as it arrives, so what is played can
    // be heard at once (a keyboard without its own sound). Set before start().
    void setThruCallback(std::function<void(const unsigned char *bytes, size_t size)> callback);

    // For tests and other sources: what the RtMidi callback does with one message.
    void receive(double seconds, const unsigned char *bytes, size_t size);
    static double now();  // the steady clock receive() is stamped with, in seconds

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

}  // namespace aichopin
