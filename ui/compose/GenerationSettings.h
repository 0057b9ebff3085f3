#pragma once
// The Compose area's steering: Length, Temperature, Top-p and the seed (SeedControl), each with
// its label. Length, temperature and top-p are remembered for the next start (the seed is drawn
// anew). UI thread only.

#include <QWidget>

class QDoubleSpinBox;

namespace aichopin {

struct GenerationOptions;
class SeedControl;

class GenerationSettings : public QWidget {
    Q_OBJECT
public:
    explicit GenerationSettings(QWidget *parent = nullptr);

    void setSeconds(double seconds);
    void setTemperature(double t);
    void setTopP(double p);
    SeedControl *seed() const { return m_seed; }

    // Fills in the temperature, top-p and seed of a run about to start (the seed drawn anew
    // when it should be, see SeedControl::takeForRun) and, with withLength, the length.
    void fill(GenerationOptions &options, bool withLength);

private:
    QDoubleSpinBox *m_seconds = nullptr;
    QDoubleSpinBox *m_temperature = nullptr;
    QDoubleSpinBox *m_topP = nullptr;
    SeedControl *m_seed = nullptr;
};

}  // namespace aichopin
