#include "classify/ClassifyTimelineChart.h"

#include "common/SceneColors.h"
#include "common/TimeAxis.h"

#include <QCategoryAxis>
#include <QChart>
#include <QLineSeries>
#include <QMouseEvent>
#include <QValueAxis>

#include <algorithm>

namespace aichopin {

namespace {
QPen timelinePen()
{
    return QPen(QColor(0x3a, 0x8f, 0xd0), 2);
}
}  // namespace

ClassifyTimelineChart::ClassifyTimelineChart(QWidget *parent) : QChartView(parent)
{
    setObjectName(QStringLiteral("classifyTimeline"));
    auto *chart = new QChart;
    chart->setLocalizeNumbers(true);  // "0,5" on the axis in Polish, as everywhere else in the UI
    chart->legend()->hide();
    chart->setMargins(QMargins(0, 4, 0, 0));
    chart->setBackgroundRoundness(0);
    m_p = new QLineSeries;
    m_p->setName(tr("P(Chopin)"));
    m_p->setPointsVisible(true);
    m_threshold = new QLineSeries;
    m_playhead = new QLineSeries;
    chart->addSeries(m_threshold);
    chart->addSeries(m_p);
    chart->addSeries(m_playhead);
    // Labelled "m:ss" at round steps, as the spectrogram's ruler under it.
    m_x = new QCategoryAxis;
    m_x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    setTimeRange(0, 10);
    m_y = new QValueAxis;
    m_y->setRange(0, 1);
    m_y->setTickCount(3);
    m_y->setLabelFormat(QStringLiteral("%.1f"));
    m_y->setTitleText(tr("P(Chopin)"));
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_y, Qt::AlignLeft);
    for (QLineSeries *s : {m_p, m_threshold, m_playhead}) {
        s->attachAxis(m_x);
        s->attachAxis(m_y);
    }
    setChart(chart);
    applyTheme();
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(150);
    setToolTip(tr("P(Chopin) of each clip; click to play from there"));
}

void ClassifyTimelineChart::applyTheme()
{
    const bool dark = SceneColors::isDark(palette());
    chart()->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    for (QLineSeries *s : passageSeries())
        s->setPen(timelinePen());
    m_threshold->setPen(QPen(QColor(0xa0, 0xa0, 0xa0), 1, Qt::DashLine));
    m_playhead->setPen(QPen(dark ? QColor(0xff, 0xd0, 0x40) : QColor(0xd0, 0x30, 0x30), 1.5));
}

void ClassifyTimelineChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
    QChartView::changeEvent(event);
}

QList<QLineSeries *> ClassifyTimelineChart::passageSeries() const
{
    return QList<QLineSeries *>{m_p} + m_later;
}

void ClassifyTimelineChart::removeLaterPassages()
{
    for (QLineSeries *s : std::as_const(m_later)) {
        chart()->removeSeries(s);
        delete s;
    }
    m_later.clear();
}

void ClassifyTimelineChart::setTimeline(const std::vector<ClipVerdict> &timeline)
{
    // Classifying skips a silence as long as a clip; the clip after it starts past the end of
    // the one before, and no line should claim the music went on through the silence.
    QList<QList<QPointF>> passages(1);
    double end = 0;
    for (size_t i = 0; i < timeline.size(); ++i) {
        const ClipVerdict &c = timeline[i];
        if (i > 0 && c.startSeconds > timeline[i - 1].endSeconds)
            passages.append(QList<QPointF>{});
        passages.last() << QPointF(0.5 * (c.startSeconds + c.endSeconds), c.pChopin);
        end = std::max(end, c.endSeconds);
    }
    removeLaterPassages();
    m_p->replace(passages.first());
    for (qsizetype i = 1; i < passages.size(); ++i) {
        auto *s = new QLineSeries;
        s->setPointsVisible(true);
        s->replace(passages[i]);
        chart()->addSeries(s);
        s->attachAxis(m_x);
        s->attachAxis(m_y);
        s->setPen(timelinePen());  // after addSeries, which gives it the theme's next colour
        m_later.append(s);
    }
    m_threshold->replace(QList<QPointF>{{0.0, 0.5}, {std::max(end, 1.0), 0.5}});
    setPlayhead(-1);
}

void ClassifyTimelineChart::clear()
{
    removeLaterPassages();
    m_p->clear();
    m_threshold->clear();
    m_playhead->clear();
}

void ClassifyTimelineChart::setTimeRange(double start, double seconds)
{
    if (seconds <= 0)
        return;
    // The steps and labels of the spectrogram's ruler under it (the same pixels per second once
    // the owner has aligned the two), about 8 across before the chart is laid out.
    const double width = chart()->plotArea().width();
    const double step = width > 0 ? timeaxis::step(width / seconds) : timeaxis::step(1.0, seconds / 9);
    for (const QString &label : m_x->categoriesLabels())
        m_x->remove(label);
    // Each label sits at the end of its category: the first starts just before the first step.
    const double first = std::ceil(start / step - 1e-9) * step;
    m_x->setStartValue(first - step * 1e-3);
    for (double t = first; t <= start + seconds + 1e-9; t += step)
        m_x->append(timeaxis::label(t, step), t);
    m_x->setRange(start, start + seconds);
}

void ClassifyTimelineChart::setPlayhead(double seconds)
{
    if (seconds < 0)
        m_playhead->clear();
    else
        m_playhead->replace(QList<QPointF>{{seconds, 0.0}, {seconds, 1.0}});
}

void ClassifyTimelineChart::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && !m_p->points().isEmpty()) {
        const QPointF value =
            chart()->mapToValue(chart()->mapFromScene(mapToScene(event->position().toPoint())), m_threshold);
        const double clamped = std::clamp(value.x(), m_x->min(), m_x->max());
        Q_EMIT seekRequested(std::max(0.0, clamped));
        event->accept();
        return;
    }
    QChartView::mousePressEvent(event);
}

}  // namespace aichopin
