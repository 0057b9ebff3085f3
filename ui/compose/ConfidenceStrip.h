#pragma once
// "What the model thought": a strip under the piano roll, on the roll's time axis, showing
// the probability the model gave each event it chose. High dots: it was sure; low: it
// wandered. A line shows the running mean. Hovering shows the event and its probability.

#include "compose/ComposeTypes.h"

#include <QWidget>

#include <vector>

namespace aichopin {

class PianoRollView;

class ConfidenceStrip : public QWidget {
    Q_OBJECT
public:
    ConfidenceStrip(PianoRollView *roll, QWidget *parent = nullptr);

    void clear();
    void append(const std::vector<StepConfidence> &steps);
    const std::vector<StepConfidence> &steps() const { return m_steps; }
    // Mean probability of the steps in [from, to] seconds; -1 when there are none.
    double meanIn(double from, double to) const;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;
    QSize sizeHint() const override { return {600, 64}; }

private:
    PianoRollView *m_roll;
    std::vector<StepConfidence> m_steps;  // sorted by time
};

}  // namespace aichopin
