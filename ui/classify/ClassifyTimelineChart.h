#pragma once
// P(Chopin) over a piece: one point per classifier clip (at its middle), joined by a line within
// each passage (a silence the classifier skipped breaks the line), a dashed 0.5 threshold and a
// playhead, on a time axis the owner keeps equal to the spectrogram's visible range (labelled as its
// ruler, "m:ss" at the same steps). A
// click asks to seek. The chart theme follows the palette (dark or light). UI thread.
#include "classifier/ClassifierTypes.h"

#include <QChartView>

class QCategoryAxis;
class QLineSeries;
class QValueAxis;

namespace aichopin {

class ClassifyTimelineChart : public QChartView {
    Q_OBJECT
public:
    explicit ClassifyTimelineChart(QWidget *parent = nullptr);
    void setTimeline(const std::vector<ClipVerdict> &timeline);
    void clear();
    void setTimeRange(double start, double seconds);
    void setPlayhead(double seconds);  // < 0 hides it

    // The first passage's clips (all of them when no silence was skipped), then one series per
    // later passage.
    QLineSeries *pSeries() const { return m_p; }
    QList<QLineSeries *> passageSeries() const;
    QCategoryAxis *timeAxis() const { return m_x; }
    QValueAxis *pAxis() const { return m_y; }

Q_SIGNALS:
    void seekRequested(double seconds);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    // Dark or light chart theme by the palette, then our series pens (setTheme resets them).
    void applyTheme();
    void removeLaterPassages();

    QLineSeries *m_p;
    QList<QLineSeries *> m_later;  // passages after the first, owned by the chart
    QLineSeries *m_threshold;
    QLineSeries *m_playhead;
    QCategoryAxis *m_x;
    QValueAxis *m_y;
};

}  // namespace aichopin
