#pragma once
// The Compose area's Record button: records a phrase played on a MIDI keyboard for Compose to
// continue. Pressed, it opens the MIDI input (asking which when there are several) and turns
// into Stop Recording; what is played is passed on as it is played (thru) and shown as it
// grows (phraseChanged); pressed again, it stops and hands over the phrase (finished). With no
// MIDI keyboard it records the keys clicked on screen (play()) instead, and says so; a port that
// cannot be opened comes as a message. UI thread only; RtMidi's thread only posts to it.

#include "midi/NoteSequence.h"
#include "sound/MidiEventSchedule.h"

#include <QPushButton>

#include <functional>
#include <memory>

namespace aichopin {

class MidiRecorder;

class PhraseRecorder : public QPushButton {
    Q_OBJECT
public:
    explicit PhraseRecorder(QWidget *parent = nullptr);
    ~PhraseRecorder() override;  // stops recording

    // Each channel message as it is played, on RtMidi's thread (so it is heard at once).
    void setThru(std::function<void(const MidiEvent &)> thru);
    bool isRecording() const;
    // A key played on screen (the roll's keyboard): recorded, and passed on (thru), as a key of
    // the MIDI keyboard would be. Only while recording.
    void play(const MidiEvent &event);
    QString portName() const;  // the input recorded from (last)
    // What records: also where tests and other sources feed messages (MidiRecorder::receive).
    MidiRecorder &recorder() { return *m_recorder; }

public Q_SLOTS:
    void toggle();  // starts or stops, as pressing the button does

Q_SIGNALS:
    void started(const QString &port);
    // The phrase so far (held notes ending now), at most once per batch of messages.
    void phraseChanged(const aichopin::NoteSequence &phrase);
    void finished(const aichopin::NoteSequence &phrase, const QString &port);
    void message(const QString &text);

private:
    void start();
    void stop();
    void setRecordingLook(bool recording);

    std::unique_ptr<MidiRecorder> m_recorder;
    std::function<void(const MidiEvent &)> m_thru;
    bool m_stopped = false;  // Stop was pressed: updates still on their way are stale
};

}  // namespace aichopin
