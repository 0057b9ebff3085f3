#include "compose/FilePlayer.h"

#include "compose/PlaybackController.h"
#include "midi/SmfReader.h"
#include "sound/RecordingPlayer.h"

#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <utility>
#include <vector>

namespace aichopin {

namespace {
constexpr int kPlaybackRate = 44100;
}

FilePlayer::FilePlayer(QObject *parent) : QObject(parent)
{
    m_timer.setInterval(33);
    connect(&m_timer, &QTimer::timeout, this, &FilePlayer::tick);
    connect(&m_decoding, &QFutureWatcherBase::finished, this, &FilePlayer::onDecoded);
}

FilePlayer::~FilePlayer()
{
    m_timer.stop();
    if (m_decodingCancel)
        m_decodingCancel->cancel();
    m_decoding.waitForFinished();
    if (m_recording)
        m_recording->closeAudio();
}

void FilePlayer::setFile(const QString &path, bool midi)
{
    stop();
    m_path = path;
    m_midiFile = midi;
}

void FilePlayer::stop()
{
    m_timer.stop();
    m_playWhenDecoded = false;
    if (m_recording)
        m_recording->stop();
    if (m_midi)
        m_midi->stop();
    Q_EMIT playingChanged(false);
}

void FilePlayer::toggle(double from)
{
    if (m_path.isEmpty())
        return;
    if (m_midiFile)
        toggleMidi(from);
    else
        toggleRecording(from);
}

void FilePlayer::toggleMidi(double from)
{
    if (!m_midi) {
        m_midi = new PlaybackController(this);
        connect(m_midi, &PlaybackController::statusChanged, this, &FilePlayer::statusChanged);
        connect(m_midi, &PlaybackController::ready, this, [this] {
            if (m_midiSeek >= 0)
                m_midi->seek(std::exchange(m_midiSeek, -1.0));
        });
        connect(m_midi, &PlaybackController::positionChanged, this, [this](double seconds) {
            if (m_midiSeek < 0)  // not while a seek waits for the synthesizer
                Q_EMIT positionChanged(seconds);
        });
        connect(m_midi, &PlaybackController::playingChanged, this, &FilePlayer::playingChanged);
        m_midi->initialise();
    }
    if (m_midiPath != m_path) {
        const Result<NoteSequence> seq = SmfReader::readFile(m_path);
        if (!seq) {
            Q_EMIT statusChanged(tr("Cannot play: %1").arg(seq.error().toString()));
            return;
        }
        // The synthesizer loads in the background; playback starts at `from`.
        m_midiSeek = std::max(0.0, from);
        m_midi->stop();
        m_midi->setSequence(seq.value());
        m_midiPath = m_path;
        if (m_midi->isReady())
            m_midi->seek(std::exchange(m_midiSeek, -1.0));
    }
    if (m_midi->isPlaying())
        m_midi->pause();
    else
        m_midi->play();
}

void FilePlayer::toggleRecording(double from)
{
    if (!m_recording)
        m_recording = std::make_unique<RecordingPlayer>(kPlaybackRate);
    if (m_recordingPath != m_path) {
        if (m_decodingPath != m_path) {
            // A decoding of another file still running is cancelled, not waited for: the UI
            // thread never blocks on a long file. The watcher drops its result.
            if (m_decodingCancel)
                m_decodingCancel->cancel();
            m_decodingCancel = std::make_shared<CancelToken>();
            m_decodingPath = m_path;
            Q_EMIT statusChanged(tr("Decoding %1...").arg(QFileInfo(m_path).fileName()));
            const QString path = m_path;
            m_decoding.setFuture(QtConcurrent::run([path, cancel = m_decodingCancel] {
                DecodeOptions o;
                o.sampleRate = kPlaybackRate;
                return std::make_shared<Result<AudioSignal>>(AudioDecoder::decodeAll(path, o, {}, cancel.get()));
            }));
        }
        m_playWhenDecoded = true;
        m_playFrom = from;
        return;
    }
    if (m_recording->state() == RecordingPlayer::State::Playing) {
        m_recording->pause();
        m_timer.stop();
        Q_EMIT playingChanged(false);
        tick();
        return;
    }
    if (!m_audioTried) {
        m_audioTried = true;
        const Status s = m_recording->openAudio();
        m_audioOpen = s.ok();
        if (!s)
            Q_EMIT statusChanged(tr("No audio device: playing silently, the playhead still runs (%1)").arg(s.error().message));
    }
    // At the end (or nearly), play() starts again from the start.
    if (from >= 0 && from < m_recording->duration() - 0.01)
        m_recording->seek(from);
    m_recording->play();
    if (m_audioOpen)
        Q_EMIT statusChanged(tr("Playing through %1").arg(m_recording->audioDriver()));
    m_silentClock.start();
    m_timer.start();
    Q_EMIT playingChanged(true);
}

void FilePlayer::onDecoded()
{
    const std::shared_ptr<Result<AudioSignal>> signal = m_decoding.result();
    const QString path = m_decodingPath;
    m_decodingPath.clear();
    if (path != m_path)
        return;  // another file was chosen meanwhile
    if (!signal || !*signal) {
        Q_EMIT statusChanged(tr("Cannot play %1: %2").arg(QFileInfo(path).fileName(), signal ? signal->error().toString() : QString()));
        m_playWhenDecoded = false;
        return;
    }
    m_recording->setSamples(std::move(signal->value().samples));
    m_recordingPath = path;
    if (std::exchange(m_playWhenDecoded, false))
        toggleRecording(m_playFrom);
}

void FilePlayer::seek(double seconds)
{
    m_playFrom = seconds;
    if (m_midiFile) {
        if (m_midi && m_midiPath == m_path) {
            if (m_midiSeek >= 0)
                m_midiSeek = seconds;  // the synthesizer is still loading: start there
            else
                m_midi->seek(seconds);
        }
    } else if (m_recording && m_recordingPath == m_path) {
        m_recording->seek(seconds);
    }
}

void FilePlayer::tick()
{
    if (!m_recording)
        return;
    if (!m_audioOpen && m_recording->state() == RecordingPlayer::State::Playing) {
        // No device: advance the player by the time that passed, discarding the sound.
        static thread_local std::vector<float> l, r;
        const qint64 ms = m_silentClock.restart();
        int frames = int(ms * kPlaybackRate / 1000);
        l.resize(4096);
        r.resize(4096);
        while (frames > 0) {
            const int n = std::min(frames, 4096);
            m_recording->process(l.data(), r.data(), n);
            frames -= n;
        }
    }
    Q_EMIT positionChanged(m_recording->position());
    if (m_recording->state() != RecordingPlayer::State::Playing) {
        m_timer.stop();
        Q_EMIT playingChanged(false);
    }
}

}  // namespace aichopin
