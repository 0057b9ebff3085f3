#pragma once
// Transport for the Compose panel: plays the piece through FluidSynth (LivePlayer) or to a
// MIDI output port, reports the playhead ~30 times a second, and accepts notes while a piece
// is still being composed. Without an audio device the synth is driven by a timer (silently),
// so the playhead, MIDI output and export still work, and the status says why there is no sound.
// UI thread only.

#include "midi/NoteSequence.h"
#include "sound/MidiEventSchedule.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

#include <memory>
#include <mutex>

namespace aichopin {

class LivePlayer;
class MidiOutput;
class MidiOutputPlayer;

class PlaybackController : public QObject {
    Q_OBJECT
public:
    explicit PlaybackController(QObject *parent = nullptr);
    ~PlaybackController() override;

    // Loads the soundfont and opens the audio output in the background; emits statusChanged.
    void initialise();
    bool isReady() const { return bool(m_player); }
    QString status() const { return m_status; }
    bool hasSound() const { return m_audioOpen || m_midiOut; }

    // Empty: FluidSynth. Otherwise a MIDI output port (index or name). Returns false with the
    // reason in status() when the port cannot be opened.
    bool setOutput(const QString &midiPort);
    QString output() const { return m_midiPort; }

    void setSequence(const NoteSequence &sequence);
    void appendNotes(const std::vector<Note> &notes);
    void setOpenEnded(bool open);

    void play();
    void pause();
    void stop();
    void seek(double seconds);
    void setSpeed(double factor);
    double speed() const { return m_speed; }
    // Plays [from, to) over and over through FluidSynth (LivePlayer::setLoop); to <= from: no
    // loop. A MIDI output plays straight through.
    void setLoop(double from, double to);
    void setVolume(double volume);  // 0..1
    double volume() const { return m_volume; }
    bool isPlaying() const;
    double position() const;

    // Sounds an event now, beside the piece, through the output in use (FluidSynth or the MIDI
    // port): a key clicked on the roll, a MIDI keyboard heard while its phrase is recorded.
    // Nothing without an audio device. Any thread (RtMidi's too): never waits for playback.
    void playLive(const MidiEvent &event);

Q_SIGNALS:
    void ready();
    void statusChanged(const QString &status);
    void positionChanged(double seconds);
    void playingChanged(bool playing);

private:
    void tick();
    void updateLiveTargets();
    void setStatus(const QString &status);

    struct Created;
    std::unique_ptr<LivePlayer> m_player;
    QFutureWatcher<std::shared_ptr<Created>> m_creating;
    std::unique_ptr<MidiOutput> m_midiOut;
    std::unique_ptr<MidiOutputPlayer> m_midiPlayer;
    QString m_midiPort;
    NoteSequence m_sequence;  // for MIDI output, which plays a whole sequence
    QTimer m_timer;
    QElapsedTimer m_silentClock;
    bool m_audioOpen = false;
    bool m_wasPlaying = false;
    bool m_pendingPlay = false;
    double m_speed = 1.0;
    double m_loopFrom = 0.0, m_loopTo = 0.0;
    double m_volume = 0.5;
    double m_midiFrom = 0.0;
    QString m_status;
    // Where playLive() sends, under m_liveMutex: set on this thread as the outputs change.
    std::mutex m_liveMutex;
    LivePlayer *m_livePlayer = nullptr;
    MidiOutput *m_liveOut = nullptr;
};

}  // namespace aichopin
