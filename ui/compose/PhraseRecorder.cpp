#include "compose/PhraseRecorder.h"

#include "sound/MidiPorts.h"
#include "sound/MidiRecorder.h"

#include <QInputDialog>
#include <QPointer>

namespace aichopin {

PhraseRecorder::PhraseRecorder(QWidget *parent) : QPushButton(parent), m_recorder(std::make_unique<MidiRecorder>())
{
    setObjectName(QStringLiteral("recordButton"));
    setCheckable(true);
    setRecordingLook(false);
    connect(this, &QPushButton::clicked, this, &PhraseRecorder::toggle);
    m_recorder->setThruCallback([this](const unsigned char *bytes, size_t size) {
        MidiEvent event;
        if (m_thru && MidiEvent::fromBytes(bytes, size, &event))
            m_thru(event);
    });
    // On RtMidi's thread, once per batch: the phrase is read here, on the UI thread.
    m_recorder->setDataAvailableCallback([self = QPointer<PhraseRecorder>(this)] {
        QMetaObject::invokeMethod(self.data(), [self] {
            if (self && !self->m_stopped)  // not one posted just before Stop
                Q_EMIT self->phraseChanged(self->m_recorder->sequence());
        }, Qt::QueuedConnection);
    });
}

PhraseRecorder::~PhraseRecorder()
{
    m_recorder.reset();  // joins RtMidi's thread while this object is whole
}

void PhraseRecorder::setThru(std::function<void(const MidiEvent &)> thru) { m_thru = std::move(thru); }

bool PhraseRecorder::isRecording() const { return m_recorder->isRecording(); }
QString PhraseRecorder::portName() const { return m_recorder->portName(); }

void PhraseRecorder::play(const MidiEvent &event)
{
    if (!isRecording())
        return;
    unsigned char bytes[3];
    event.toBytes(bytes);
    m_recorder->receive(MidiRecorder::now(), bytes, 3);
}

void PhraseRecorder::toggle()
{
    if (isRecording())
        stop();
    else
        start();
}

void PhraseRecorder::setRecordingLook(bool recording)
{
    setChecked(recording);
    setText(recording ? tr("Stop Recording") : tr("Record"));
    setToolTip(recording ? tr("Stop recording: Compose then continues the phrase")
                         : tr("Record a phrase for the model to continue, played on a MIDI keyboard or, without one, on the keys at the left of the roll"));
}

void PhraseRecorder::start()
{
    setRecordingLook(false);
    const MidiPortList inputs = MidiPorts::inputs();
    if (inputs.ports.isEmpty()) {
        // No keyboard to play on: the keys at the left of the roll, clicked, are the keyboard.
        m_recorder->startWithoutPort(tr("the roll's keyboard"));
        m_stopped = false;
        setRecordingLook(true);
        Q_EMIT started(m_recorder->portName());
        Q_EMIT message(tr("No MIDI keyboard (%1): click the keys at the left of the roll to play a phrase, then press Stop Recording.")
                           .arg(inputs.explanation.isEmpty() ? tr("no input ports") : inputs.explanation));
        return;
    }
    QString port = QStringLiteral("0");
    if (inputs.ports.size() > 1) {
        bool ok = false;
        const QString chosen = QInputDialog::getItem(this, tr("Record"), tr("MIDI input"), inputs.ports, 0, false, &ok);
        if (!ok)
            return;
        port = QString::number(inputs.ports.indexOf(chosen));
    }
    const Status opened = m_recorder->start(port);
    if (!opened) {
        Q_EMIT message(tr("Cannot record: %1").arg(opened.error().toString()));
        return;
    }
    m_stopped = false;
    setRecordingLook(true);
    Q_EMIT started(m_recorder->portName());
    Q_EMIT message(tr("Recording from %1: play a phrase, then press Stop Recording.").arg(m_recorder->portName()));
}

void PhraseRecorder::stop()
{
    const NoteSequence phrase = m_recorder->stop();
    m_stopped = true;
    setRecordingLook(false);
    Q_EMIT finished(phrase, m_recorder->portName());
}

}  // namespace aichopin
