#include "training/TrainingCharts.h"

#include "common/Numbers.h"
#include "common/SceneColors.h"

#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QLineSeries>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>
#include <QVBoxLayout>

namespace aichopin {

TrainingCharts::TrainingCharts(QWidget *parent) : QWidget(parent)
{
    m_chart = new QChart;
    m_chart->setLocalizeNumbers(true);  // "0,25" on the axes in Polish, as everywhere else in the UI
    m_chart->setTitle(tr("Loss (nats per event) by epoch"));
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    auto line = [this](const QString &name, const QColor &color, qreal width) {
        auto *s = new QLineSeries(m_chart);
        s->setName(name);
        QPen pen(color);
        pen.setWidthF(width);
        s->setPen(pen);
        m_pens.append({s, pen});
        m_chart->addSeries(s);
        return s;
    };
    m_step = line(tr("batch loss"), QColor(150, 170, 200), 1.0);
    m_train = line(tr("training (epoch)"), QColor(40, 110, 220), 2.5);
    m_validation = line(tr("validation (epoch)"), QColor(235, 120, 30), 2.5);
    m_best = new QScatterSeries(m_chart);
    m_best->setName(tr("best so far (saved)"));
    m_best->setMarkerSize(9);
    m_best->setColor(QColor(235, 120, 30));
    m_chart->addSeries(m_best);
    m_trainAccuracy = line(tr("training accuracy"), QColor(60, 170, 90), 1.5);
    m_validationAccuracy = line(tr("validation accuracy"), QColor(20, 120, 50), 2.0);
    m_validationAuc = line(tr("validation piece ROC AUC"), QColor(150, 60, 170), 2.0);

    m_x = new QValueAxis(m_chart);
    m_x->setTitleText(tr("epoch"));
    m_x->setTickType(QValueAxis::TicksDynamic);
    m_x->setTickAnchor(0);
    m_x->setLabelFormat(QStringLiteral("%.0f"));
    setEpochRange(1);
    m_loss = new QValueAxis(m_chart);
    m_loss->setTitleText(tr("loss"));
    m_accuracy = new QValueAxis(m_chart);
    m_accuracy->setTitleText(tr("accuracy, AUC"));
    m_accuracy->setRange(0, 1);
    m_chart->addAxis(m_x, Qt::AlignBottom);
    m_chart->addAxis(m_loss, Qt::AlignLeft);
    m_chart->addAxis(m_accuracy, Qt::AlignRight);
    for (QLineSeries *s : {m_step, m_train, m_validation}) {
        s->attachAxis(m_x);
        s->attachAxis(m_loss);
    }
    m_best->attachAxis(m_x);
    m_best->attachAxis(m_loss);
    for (QLineSeries *s : {m_trainAccuracy, m_validationAccuracy, m_validationAuc}) {
        s->attachAxis(m_x);
        s->attachAxis(m_accuracy);
        s->setVisible(false);
    }
    m_accuracy->setVisible(false);

    connect(m_step, &QLineSeries::hovered, this, [this](const QPointF &p, bool s) { showValue(p, s, tr("batch loss")); });
    connect(m_train, &QLineSeries::hovered, this, [this](const QPointF &p, bool s) { showValue(p, s, tr("training loss")); });
    connect(m_validation, &QLineSeries::hovered, this, [this](const QPointF &p, bool s) { showValue(p, s, tr("validation loss")); });
    connect(m_validationAccuracy, &QLineSeries::hovered, this, [this](const QPointF &p, bool s) { showValue(p, s, tr("validation accuracy")); });
    connect(m_validationAuc, &QLineSeries::hovered, this, [this](const QPointF &p, bool s) { showValue(p, s, tr("validation piece ROC AUC")); });

    m_view = new QChartView(m_chart, this);
    m_view->setRenderHint(QPainter::Antialiasing);
    applyTheme();
    m_view->setMinimumHeight(240);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);

    m_timer.setInterval(250);
    connect(&m_timer, &QTimer::timeout, this, &TrainingCharts::flush);
    m_timer.start();
}

void TrainingCharts::applyTheme()
{
    m_chart->setTheme(SceneColors::isDark(palette()) ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    for (const auto &[series, pen] : std::as_const(m_pens))
        series->setPen(pen);
    m_best->setColor(QColor(235, 120, 30));
    m_best->setBorderColor(QColor(235, 120, 30));
}

void TrainingCharts::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
    QWidget::changeEvent(event);
}

void TrainingCharts::showValue(const QPointF &point, bool state, const QString &what)
{
    if (state)
        QToolTip::showText(QCursor::pos(), tr("%1 at epoch %2: %3").arg(what).arg(decimal(point.x(), 2)).arg(decimal(point.y(), 4)), this);
    else
        QToolTip::hideText();
}

void TrainingCharts::clear()
{
    for (QLineSeries *s : {m_step, m_train, m_validation, m_trainAccuracy, m_validationAccuracy, m_validationAuc})
        s->clear();
    m_best->clear();
    for (auto *l : {&m_pendingStep, &m_pendingTrain, &m_pendingValidation, &m_pendingBest, &m_pendingTrainAcc, &m_pendingValAcc, &m_pendingValAuc})
        l->clear();
    m_maxX = 1.0;
    m_minLoss = 1e9;
    m_maxLoss = 0.0;
    setEpochRange(1);
    showAccuracy(false);  // until a run reports accuracy (a composer run after a classifier's does not)
}

void TrainingCharts::showAccuracy(bool shown)
{
    if (!shown)
        for (QLineSeries *s : {m_trainAccuracy, m_validationAccuracy, m_validationAuc})
            s->setVisible(false);
    m_accuracy->setVisible(shown);
    // The classifier reports no batch losses: no empty entry in the legend for them.
    m_step->setVisible(!shown || m_step->count() > 0);
    // Seven curves' names do not fit in a row under the chart (Qt cuts them short); stacked at
    // the side they are whole.
    m_chart->legend()->setAlignment(shown ? Qt::AlignRight : Qt::AlignBottom);
}

bool TrainingCharts::showsAccuracy() const { return m_accuracy->isVisible(); }

void TrainingCharts::addStep(const TrainingStep &step)
{
    if (!step.batchLoss)
        return;
    m_pendingStep.append(QPointF(step.epochPosition, step.loss));
}

void TrainingCharts::addEpoch(const TrainingEpoch &epoch)
{
    m_pendingTrain.append(QPointF(epoch.epoch, epoch.trainLoss));
    // Without validation pieces only the training curves are drawn, and the kept epochs are
    // marked on the training loss, by which they were chosen.
    if (epoch.hasValidation)
        m_pendingValidation.append(QPointF(epoch.epoch, epoch.validationLoss));
    if (epoch.improved)
        m_pendingBest.append(QPointF(epoch.epoch, epoch.hasValidation ? epoch.validationLoss : epoch.trainLoss));
    if (epoch.validationAccuracy >= 0)
        m_pendingTrainAcc.append(QPointF(epoch.epoch, epoch.trainAccuracy));
    if (epoch.validationAccuracy >= 0 && epoch.hasValidation)
        m_pendingValAcc.append(QPointF(epoch.epoch, epoch.validationAccuracy));
    if (epoch.validationAuc >= 0 && epoch.hasValidation)
        m_pendingValAuc.append(QPointF(epoch.epoch, epoch.validationAuc));
}

void TrainingCharts::flush()
{
    if (m_pendingStep.isEmpty() && m_pendingTrain.isEmpty())
        return;
    auto grow = [this](const QList<QPointF> &points) {
        for (const QPointF &p : points) {
            m_maxX = std::max(m_maxX, p.x());
            m_minLoss = std::min(m_minLoss, p.y());
            m_maxLoss = std::max(m_maxLoss, p.y());
        }
    };
    grow(m_pendingStep);
    grow(m_pendingTrain);
    grow(m_pendingValidation);
    m_step->append(m_pendingStep);
    m_train->append(m_pendingTrain);
    m_validation->append(m_pendingValidation);
    m_best->append(m_pendingBest);
    if (!m_pendingTrainAcc.isEmpty()) {  // the classifier's (without validation pieces, training accuracy alone)
        m_trainAccuracy->append(m_pendingTrainAcc);
        m_trainAccuracy->setVisible(true);
        if (!m_accuracy->isVisible())
            showAccuracy(true);
    }
    if (!m_pendingValAcc.isEmpty()) {
        m_validationAccuracy->append(m_pendingValAcc);
        m_validationAccuracy->setVisible(true);
    }
    if (!m_pendingValAuc.isEmpty()) {
        m_validationAuc->append(m_pendingValAuc);
        m_validationAuc->setVisible(true);
    }
    for (auto *l : {&m_pendingStep, &m_pendingTrain, &m_pendingValidation, &m_pendingBest, &m_pendingTrainAcc, &m_pendingValAcc, &m_pendingValAuc})
        l->clear();
    setEpochRange(std::ceil(m_maxX));
    const double pad = std::max(0.05, (m_maxLoss - m_minLoss) * 0.08);
    m_loss->setRange(std::max(0.0, m_minLoss - pad), m_maxLoss + pad);
}

void TrainingCharts::setEpochRange(double epochs)
{
    // Whole epochs on the axis, at most about eight of them labelled: 1, 2, 5, 10, 20, 50... apart.
    epochs = std::max(1.0, epochs);
    double step = 1;
    for (double scale = 1; epochs / step > 8; scale *= 10)
        for (double m : {1.0, 2.0, 5.0})
            if (epochs / step > 8)
                step = m * scale;
    m_x->setRange(0, epochs);
    m_x->setTickInterval(step);
}

double TrainingCharts::epochAxisEnd() const { return m_x->max(); }

double TrainingCharts::epochTickInterval() const { return m_x->tickInterval(); }

void TrainingCharts::setChartTitle(const QString &title) { m_chart->setTitle(title); }

QString TrainingCharts::chartTitle() const { return m_chart->title(); }

int TrainingCharts::stepPointCount() const { return int(m_step->count()); }

int TrainingCharts::epochPointCount() const { return int(m_validation->count()); }

int TrainingCharts::trainingEpochPointCount() const { return int(m_train->count()); }

int TrainingCharts::aucPointCount() const { return int(m_validationAuc->count()); }

}  // namespace aichopin
