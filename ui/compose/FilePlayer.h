#pragma once
// Plays one file at a time, for the Classify and Spectrogram areas: a recording is decoded in
// the background and played through RecordingPlayer (without an audio device on a silent clock,
// so the playhead still runs), a MIDI file through PlaybackController (which loads the
// synthesizer in the background). Nothing is loaded until the first toggle(). UI thread only.
#include "common/CancelToken.h"
#include "common/Result.h"
#include "listen/AudioDecoder.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>

namespace aichopin {

class PlaybackController;
class RecordingPlayer;

class FilePlayer : public QObject {
    Q_OBJECT
public:
    explicit FilePlayer(QObject *parent = nullptr);
    ~FilePlayer() override;  // waits for a decoding in flight and closes the audio device

    // The file that toggle() plays from now on (empty: none); stops what plays.
    void setFile(const QString &path, bool midi);
    // Plays the file from `from` seconds, loading it first when needed (a recording is decoded,
    // then played), or pauses it while it plays.
    void toggle(double from);
    void stop();
    // Moves a loaded file's position; before the file is loaded, toggle()'s `from` says where.
    void seek(double seconds);

Q_SIGNALS:
    void positionChanged(double seconds);
    void playingChanged(bool playing);
    void statusChanged(const QString &text);

private:
    void toggleMidi(double from);
    void toggleRecording(double from);
    void onDecoded();
    void tick();

    QString m_path;
    bool m_midiFile = false;

    std::unique_ptr<RecordingPlayer> m_recording;
    QString m_recordingPath;  // loaded into m_recording
    QFutureWatcher<std::shared_ptr<Result<AudioSignal>>> m_decoding;
    QString m_decodingPath;
    std::shared_ptr<CancelToken> m_decodingCancel;  // the decoding in flight, cancelled when replaced
    bool m_playWhenDecoded = false;
    double m_playFrom = 0;  // where the decoded recording starts playing
    bool m_audioTried = false;
    bool m_audioOpen = false;
    QElapsedTimer m_silentClock;  // drives m_recording without an audio device
    QTimer m_timer;

    PlaybackController *m_midi = nullptr;
    QString m_midiPath;       // loaded into m_midi
    double m_midiSeek = -1;   // a seek waiting for the synthesizer to load
};

}  // namespace aichopin
