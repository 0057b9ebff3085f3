#pragma once
// The Compose area's seed: a number (the same seed and settings compose the same notes), a
// Random button, and "New each time". Ticked (at start), each run that asks for a seed after the
// shown one was used gets a new one, so pressing Compose again gives new music; a seed the user
// types (or that is set) unticks it and is repeated. UI thread only.

#include <QWidget>

class QCheckBox;
class QSpinBox;

namespace aichopin {

class SeedControl : public QWidget {
    Q_OBJECT
public:
    explicit SeedControl(QWidget *parent = nullptr);

    quint64 seed() const;
    // A seed chosen: kept (the box is unticked), as if typed.
    void setSeed(quint64 seed);
    // The seed for the run about to start, drawn anew first when the shown one was used and
    // the box is ticked.
    quint64 takeForRun();
    QSpinBox *spinBox() const { return m_seed; }
    QCheckBox *newEachTime() const { return m_newEachTime; }

private:
    void draw();

    QSpinBox *m_seed = nullptr;
    QCheckBox *m_newEachTime = nullptr;
    bool m_used = false;     // the seed shown has composed something
    bool m_drawing = false;  // the seed is being drawn, not set by the user
};

}  // namespace aichopin
