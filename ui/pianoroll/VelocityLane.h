#pragma once
// The notes' velocities on a strip under the piano roll, on the roll's time axis: a stem for
// each note at its start, as tall as it is loud, in its note's colour (with a selection, the
// notes out of it faded). Dragging across the strip draws the velocities of the notes whose
// starts it passes (only the selection's, when there is one) at the pointer's height, as a
// musician draws a crescendo; hovering names the note and its velocity. UI thread only.

#include <QWidget>

#include <vector>

namespace aichopin {

class PianoRollView;

class VelocityLane : public QWidget {
    Q_OBJECT
public:
    explicit VelocityLane(PianoRollView *roll, QWidget *parent = nullptr);

    // The velocity a pointer at height y stands for (1 at the bottom, 127 at the top).
    int velocityAt(double y) const;
    double yForVelocity(int velocity) const;

Q_SIGNALS:
    // A drag: every note of the roll's model (by index, as when the drag began) with its new
    // velocity; finished at the release (Esc: finished with the velocities as they were).
    void velocitiesDrawn(const std::vector<int> &velocities, bool finished);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;
    QSize sizeHint() const override { return {600, 64}; }

private:
    // The velocities between the last pointer place and pos drawn into the draft.
    void drawTo(QPointF pos);
    // The note whose stem is nearest x (within a few pixels), -1 for none.
    int noteNear(double x) const;

    PianoRollView *m_roll;
    std::vector<int> m_draft;  // while dragging: every note's velocity
    std::vector<int> m_before;
    QPointF m_last;
};

}  // namespace aichopin
