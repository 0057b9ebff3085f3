#pragma once
// The Compose panel's transport row: Play/Pause, Stop Playback, speed, volume, where the
// music goes (FluidSynth or a MIDI device), the position against the piece's length, and
// why there is no sound when there is none. It drives a PlaybackController and reads the
// length from the roll's model; it owns neither. UI thread only.

#include <QStringList>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QPushButton;
class QSlider;

namespace aichopin {

class ElidedLabel;
class PianoRollModel;
class PlaybackController;

class TransportBar : public QWidget {
    Q_OBJECT
public:
    TransportBar(PlaybackController *playback, const PianoRollModel *piece, QWidget *parent = nullptr);

    // Plays from the position, or pauses.
    void togglePlay();
    // Appends a widget at the row's end (the panel's export buttons).
    void addTrailingWidget(QWidget *widget);

    QPushButton *playButton() const { return m_playButton; }
    QComboBox *speedBox() const { return m_speed; }
    // "Loop": the panel plays its selection over and over while ticked (it enables it).
    QCheckBox *loopBox() const { return m_loop; }
    QSlider *volumeSlider() const { return m_volume; }
    QComboBox *outputBox() const { return m_output; }
    QLabel *positionLabel() const { return m_position; }

    // "m:ss.s", as the position and the panel's history show times.
    static QString clock(double seconds);

private:
    void showPosition(double seconds);

    PlaybackController *m_playback;
    const PianoRollModel *m_piece;
    QStringList m_outputNames;  // each output item's port name ("" for FluidSynth)
    QHBoxLayout *m_row = nullptr;
    QPushButton *m_playButton = nullptr;
    QComboBox *m_speed = nullptr;
    QCheckBox *m_loop = nullptr;
    QSlider *m_volume = nullptr;
    QComboBox *m_output = nullptr;
    QLabel *m_position = nullptr;
    ElidedLabel *m_soundStatus = nullptr;
    double m_shown = 0.0;
};

}  // namespace aichopin
