#include "compose/PlaybackController.h"

#include "sound/LivePlayer.h"
#include "sound/MidiOutput.h"
#include "sound/MidiOutputPlayer.h"

#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

#include <vector>

namespace aichopin {

struct PlaybackController::Created {
    std::unique_ptr<LivePlayer> player;
    QString error;
    QString audioError;
};

PlaybackController::PlaybackController(QObject *parent) : QObject(parent)
{
    m_timer.setInterval(33);
    connect(&m_timer, &QTimer::timeout, this, &PlaybackController::tick);
    connect(&m_creating, &QFutureWatcher<std::shared_ptr<Created>>::finished, this, [this] {
        std::shared_ptr<Created> c = m_creating.result();
        if (!c->player) {
            setStatus(tr("No sound: %1").arg(c->error));
            return;
        }
        m_player = std::move(c->player);
        m_audioOpen = c->audioError.isEmpty();
        m_player->setGain(m_volume);
        m_player->setSpeed(m_speed);
        m_player->setLoop(m_loopFrom, m_loopTo);
        updateLiveTargets();
        if (!m_sequence.notes.empty())
            m_player->setSequence(m_sequence);
        if (m_midiPort.isEmpty())  // else the MIDI output chosen meanwhile is what sounds
            setStatus(m_audioOpen ? tr("Sound: FluidSynth (%1) through %2").arg(QFileInfo(m_player->soundfont()).fileName(), m_player->audioDriver())
                                  : tr("No audio device (%1): playing silently; MIDI output and WAV export still work").arg(c->audioError));
        m_timer.start();
        Q_EMIT ready();
        if (m_pendingPlay) {
            m_pendingPlay = false;
            play();
        }
    });
}

PlaybackController::~PlaybackController()
{
    m_creating.waitForFinished();
    {
        std::lock_guard<std::mutex> lock(m_liveMutex);
        m_livePlayer = nullptr;
        m_liveOut = nullptr;
    }
    if (m_midiPlayer)
        m_midiPlayer->stop();
    if (m_player)
        m_player->closeAudio();
}

void PlaybackController::initialise()
{
    if (m_player || m_creating.isRunning())
        return;
    setStatus(tr("Loading the soundfont..."));
    m_creating.setFuture(QtConcurrent::run([] {
        auto created = std::make_shared<Created>();
        auto player = LivePlayer::create();
        if (!player) {
            created->error = player.error().toString();
            return created;
        }
        created->player = std::move(player.value());
        const Status audio = created->player->openAudio();
        if (!audio)
            created->audioError = audio.error().toString();
        return created;
    }));
}

void PlaybackController::setStatus(const QString &status)
{
    m_status = status;
    Q_EMIT statusChanged(status);
}

void PlaybackController::setLoop(double from, double to)
{
    m_loopFrom = from;
    m_loopTo = to;
    if (m_player)
        m_player->setLoop(from, to);
}

void PlaybackController::updateLiveTargets()
{
    std::lock_guard<std::mutex> lock(m_liveMutex);
    m_liveOut = m_midiOut.get();
    m_livePlayer = m_audioOpen && !m_liveOut ? m_player.get() : nullptr;
}

void PlaybackController::playLive(const MidiEvent &event)
{
    std::lock_guard<std::mutex> lock(m_liveMutex);
    if (m_liveOut) {
        unsigned char bytes[3];
        event.toBytes(bytes);
        m_liveOut->send(bytes, 3);
    } else if (m_livePlayer) {
        m_livePlayer->playLive(event);
    }
}

bool PlaybackController::setOutput(const QString &midiPort)
{
    stop();
    {
        std::lock_guard<std::mutex> lock(m_liveMutex);
        m_liveOut = nullptr;
    }
    m_midiPlayer.reset();
    m_midiOut.reset();
    m_midiPort.clear();
    if (midiPort.isEmpty()) {
        updateLiveTargets();
        if (m_player)
            setStatus(m_audioOpen ? tr("Sound: FluidSynth through %1").arg(m_player->audioDriver()) : tr("No audio device: playing silently"));
        return true;
    }
    auto out = std::make_unique<MidiOutput>();
    const Status opened = out->open(midiPort);
    if (!opened) {
        setStatus(tr("MIDI output unavailable: %1").arg(opened.error().toString()));
        updateLiveTargets();
        return false;
    }
    m_midiPort = midiPort;
    m_midiOut = std::move(out);
    m_midiPlayer = std::make_unique<MidiOutputPlayer>(m_midiOut.get());
    updateLiveTargets();
    setStatus(tr("Sound: MIDI output %1").arg(m_midiOut->portName()));
    return true;
}

void PlaybackController::setSequence(const NoteSequence &sequence)
{
    m_sequence = sequence;
    if (m_player)
        m_player->setSequence(sequence);
}

void PlaybackController::appendNotes(const std::vector<Note> &notes)
{
    m_sequence.notes.insert(m_sequence.notes.end(), notes.begin(), notes.end());
    if (m_player)
        m_player->appendNotes(notes);
}

void PlaybackController::setOpenEnded(bool open)
{
    if (m_player)
        m_player->setOpenEnded(open);
    if (!open)
        m_sequence.sortNotes();
}

void PlaybackController::play()
{
    if (m_midiPlayer) {
        m_sequence.sortNotes();
        m_midiPlayer->start(m_sequence, m_speed, m_midiFrom);
        m_timer.start();
        return;
    }
    if (!m_player) {
        m_pendingPlay = true;
        initialise();
        return;
    }
    m_silentClock.restart();
    m_player->play();
}

void PlaybackController::pause()
{
    m_pendingPlay = false;
    if (m_midiPlayer) {
        m_midiFrom = m_midiPlayer->isRunning() ? m_midiPlayer->position() : m_midiFrom;
        m_midiPlayer->stop();
        return;
    }
    if (m_player)
        m_player->pause();
}

void PlaybackController::stop()
{
    m_pendingPlay = false;
    m_midiFrom = 0;
    if (m_midiPlayer)
        m_midiPlayer->stop();
    if (m_player)
        m_player->stop();
    tick();
}

void PlaybackController::seek(double seconds)
{
    m_midiFrom = std::max(0.0, seconds);
    if (m_midiPlayer && m_midiPlayer->isRunning())
        m_midiPlayer->start(m_sequence, m_speed, m_midiFrom);
    if (m_player)
        m_player->seek(seconds);
    tick();
}

void PlaybackController::setSpeed(double factor)
{
    m_speed = std::clamp(factor, 0.25, 4.0);
    if (m_player)
        m_player->setSpeed(m_speed);
}

void PlaybackController::setVolume(double volume)
{
    m_volume = std::clamp(volume, 0.0, 1.0);
    if (m_player)
        m_player->setGain(m_volume);
}

bool PlaybackController::isPlaying() const
{
    if (m_midiPlayer)
        return m_midiPlayer->isRunning();
    return m_pendingPlay || (m_player && m_player->state() == LivePlayer::State::Playing);
}

double PlaybackController::position() const
{
    if (m_midiPlayer)
        return m_midiPlayer->isRunning() ? m_midiPlayer->position() : m_midiFrom;  // position() is absolute
    return m_player ? m_player->position() : 0.0;
}

void PlaybackController::tick()
{
    // No audio device: advance the synth by the time that passed, so playback goes on silently.
    if (m_player && !m_audioOpen && !m_midiPlayer && m_player->state() == LivePlayer::State::Playing) {
        const qint64 elapsedNs = m_silentClock.nsecsElapsed();
        m_silentClock.restart();
        int frames = int(std::min<qint64>(elapsedNs, 200'000'000) * m_player->sampleRate() / 1'000'000'000);
        static thread_local std::vector<float> left, right;
        while (frames > 0) {
            const int n = std::min(frames, 4096);
            left.resize(size_t(n));
            right.resize(size_t(n));
            m_player->process(left.data(), right.data(), n);
            frames -= n;
        }
    }
    const bool playing = isPlaying();
    Q_EMIT positionChanged(position());
    if (playing != m_wasPlaying) {
        m_wasPlaying = playing;
        Q_EMIT playingChanged(playing);
    }
}

}  // namespace aichopin
