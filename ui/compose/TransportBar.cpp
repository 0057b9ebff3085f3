#include "compose/TransportBar.h"

#include "common/ElidedLabel.h"
#include "compose/PlaybackController.h"
#include "pianoroll/PianoRollModel.h"
#include "sound/MidiPorts.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSlider>

namespace aichopin {

QString TransportBar::clock(double seconds)
{
    const int m = int(seconds) / 60;
    return QStringLiteral("%1:%2").arg(m).arg(seconds - 60 * m, 4, 'f', 1, QLatin1Char('0'));
}

TransportBar::TransportBar(PlaybackController *playback, const PianoRollModel *piece, QWidget *parent)
    : QWidget(parent), m_playback(playback), m_piece(piece)
{
    m_row = new QHBoxLayout(this);
    m_row->setContentsMargins(0, 0, 0, 0);
    m_playButton = new QPushButton(tr("Play"), this);
    m_playButton->setObjectName(QStringLiteral("playButton"));
    m_playButton->setToolTip(tr("Play or pause (Space)"));
    auto *stopPlay = new QPushButton(tr("Stop Playback"), this);
    stopPlay->setToolTip(tr("Stop playing and go back to the start"));
    m_loop = new QCheckBox(tr("Loop"), this);
    m_loop->setObjectName(QStringLiteral("loop"));
    m_speed = new QComboBox(this);
    for (double s : {0.5, 0.75, 1.0, 1.25, 1.5, 2.0})
        m_speed->addItem(QStringLiteral("%1x").arg(s), s);
    m_speed->setCurrentIndex(2);
    m_speed->setToolTip(tr("Playback speed"));
    m_volume = new QSlider(Qt::Horizontal, this);
    m_volume->setRange(0, 100);
    m_volume->setValue(QSettings().value(QStringLiteral("playback/volume"), int(m_playback->volume() * 100 + 0.5)).toInt());
    m_playback->setVolume(m_volume->value() / 100.0);
    m_volume->setFixedWidth(110);
    m_volume->setToolTip(tr("Volume"));
    m_output = new QComboBox(this);
    m_output->setToolTip(tr("Where the music goes: the built-in synthesizer or a MIDI device"));
    m_output->addItem(tr("FluidSynth (built in)"), QString());
    const MidiPortList outputs = MidiPorts::outputs();
    for (int i = 0; i < outputs.ports.size(); ++i)
        m_output->addItem(tr("MIDI: %1").arg(outputs.ports[i]), QString::number(i));
    m_outputNames = QStringList{QString()} + outputs.ports;  // by item: what is remembered
    if (outputs.ports.isEmpty() && !outputs.explanation.isEmpty())
        m_output->setToolTip(m_output->toolTip() + "\n" + tr("No MIDI outputs: %1").arg(outputs.explanation));
    m_position = new QLabel(this);
    m_position->setObjectName(QStringLiteral("position"));
    m_position->setMinimumWidth(130);
    m_soundStatus = new ElidedLabel(this);
    m_soundStatus->setObjectName(QStringLiteral("soundStatus"));
    m_soundStatus->setEnabled(false);
    m_row->addWidget(m_playButton);
    m_row->addWidget(stopPlay);
    m_row->addWidget(m_loop);
    m_row->addWidget(new QLabel(tr("Speed"), this));
    m_row->addWidget(m_speed);
    m_row->addWidget(new QLabel(tr("Volume"), this));
    m_row->addWidget(m_volume);
    m_row->addWidget(m_output);
    m_row->addWidget(m_position);
    m_row->addWidget(m_soundStatus, 1);
    showPosition(0);

    connect(m_playback, &PlaybackController::statusChanged, this, [this](const QString &status) {
        m_soundStatus->setFullText(status);
    });
    connect(m_playback, &PlaybackController::positionChanged, this, &TransportBar::showPosition);
    connect(m_playback, &PlaybackController::playingChanged, this,
            [this](bool playing) { m_playButton->setText(playing ? tr("Pause") : tr("Play")); });
    // The length grows while a piece streams in and changes with every piece shown.
    connect(m_piece, &PianoRollModel::reset, this, [this] { showPosition(m_shown); });
    connect(m_piece, &PianoRollModel::notesAppended, this, [this] { showPosition(m_shown); });

    connect(m_playButton, &QPushButton::clicked, this, &TransportBar::togglePlay);
    connect(stopPlay, &QPushButton::clicked, m_playback, &PlaybackController::stop);
    connect(m_speed, &QComboBox::currentIndexChanged, this, [this] { m_playback->setSpeed(m_speed->currentData().toDouble()); });
    // The volume and the output are remembered for the next start (a MIDI device by its name,
    // taken again when it is there).
    connect(m_volume, &QSlider::valueChanged, this, [this](int v) {
        m_playback->setVolume(v / 100.0);
        QSettings().setValue(QStringLiteral("playback/volume"), v);
    });
    connect(m_output, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_playback->setOutput(m_output->currentData().toString()))
            m_output->setCurrentIndex(0);
        else
            QSettings().setValue(QStringLiteral("playback/output"), m_outputNames.value(m_output->currentIndex()));
    });
    const int remembered = m_outputNames.indexOf(QSettings().value(QStringLiteral("playback/output")).toString());
    if (remembered > 0)
        m_output->setCurrentIndex(remembered);
}

void TransportBar::togglePlay()
{
    if (m_playback->isPlaying())
        m_playback->pause();
    else
        m_playback->play();
}

void TransportBar::addTrailingWidget(QWidget *widget)
{
    m_row->addWidget(widget);
}

void TransportBar::showPosition(double seconds)
{
    m_shown = seconds;
    const QString time = QStringLiteral("%1 / %2").arg(clock(seconds), clock(m_piece->duration()));
    // In a piece with bars, the bar too, as a musician finds the place in the score.
    const int bar = m_piece->barAt(seconds);
    m_position->setText(bar > 0 ? tr("%1, bar %2").arg(time).arg(bar) : time);
}

}  // namespace aichopin
