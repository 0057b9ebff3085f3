#pragma once
// Live training curves (Qt Charts): step loss, per-epoch training and validation loss, and for
// the classifier accuracy on a second axis. Points are gathered as they arrive and drawn on a
// timer (4 times a second), so a fast stream of batches never stalls the UI. Hovering a curve
// shows its value. The chart theme follows the palette (dark or light). UI thread.

#include "training/TrainingTypes.h"

#include <QPen>
#include <QPointF>
#include <QTimer>
#include <QWidget>

#include <QList>

class QChart;
class QChartView;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace aichopin {

class TrainingCharts : public QWidget {
    Q_OBJECT
public:
    explicit TrainingCharts(QWidget *parent = nullptr);

    void clear();
    // The chart's title: what the loss is measured in, per task (the panel sets it).
    void setChartTitle(const QString &title);
    QString chartTitle() const;
    void addStep(const TrainingStep &step);
    void addEpoch(const TrainingEpoch &epoch);
    // Draws what has been gathered now (the timer does this on its own).
    void flush();

    int stepPointCount() const;
    int epochPointCount() const;            // validation loss points
    int trainingEpochPointCount() const;    // training loss points (one per epoch, with validation or not)
    int aucPointCount() const;
    bool showsAccuracy() const;  // the accuracy axis and curves (a classifier run's)
    // The epoch axis: 0 to the last epoch, labelled at whole epochs this far apart.
    double epochAxisEnd() const;
    double epochTickInterval() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void setEpochRange(double epochs);  // 0..epochs, with whole-epoch ticks
    // Dark or light chart theme by the palette, then our series pens (setTheme resets them).
    void applyTheme();
    void showValue(const QPointF &point, bool state, const QString &what);
    void showAccuracy(bool shown);

    QChart *m_chart = nullptr;
    QChartView *m_view = nullptr;
    QLineSeries *m_step = nullptr;
    QLineSeries *m_train = nullptr;
    QLineSeries *m_validation = nullptr;
    QScatterSeries *m_best = nullptr;
    QLineSeries *m_trainAccuracy = nullptr;
    QLineSeries *m_validationAccuracy = nullptr;
    QLineSeries *m_validationAuc = nullptr;
    QValueAxis *m_x = nullptr;
    QValueAxis *m_loss = nullptr;
    QValueAxis *m_accuracy = nullptr;
    QList<QPointF> m_pendingStep, m_pendingTrain, m_pendingValidation, m_pendingBest, m_pendingTrainAcc, m_pendingValAcc, m_pendingValAuc;
    double m_maxX = 1.0, m_minLoss = 1e9, m_maxLoss = 0.0;
    QList<QPair<QLineSeries *, QPen>> m_pens;
    QTimer m_timer;
};

}  // namespace aichopin
