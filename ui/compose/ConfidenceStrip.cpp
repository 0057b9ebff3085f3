#include "compose/ConfidenceStrip.h"

#include "common/Numbers.h"
#include "common/SceneColors.h"
#include "pianoroll/PianoRollView.h"

#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <algorithm>

namespace aichopin {

namespace {
constexpr int kTop = 6;
constexpr int kBottom = 4;

QColor confidenceColor(double p, bool dark)
{
    // Unsure red, sure green; darker on a light background, where yellow on white is hard to see.
    return QColor::fromHsvF(std::clamp(p, 0.0, 1.0) * 120.0 / 360.0, 0.75, dark ? 0.95 : 0.78);
}
}  // namespace

ConfidenceStrip::ConfidenceStrip(PianoRollView *roll, QWidget *parent) : QWidget(parent), m_roll(roll)
{
    setObjectName(QStringLiteral("confidenceStrip"));
    setMinimumHeight(48);
    setToolTip(tr("How sure the model was of each event it chose (top: certain, bottom: a long shot)"));
    connect(roll, &PianoRollView::viewChanged, this, qOverload<>(&QWidget::update));
}

void ConfidenceStrip::clear()
{
    m_steps.clear();
    update();
}

void ConfidenceStrip::append(const std::vector<StepConfidence> &steps)
{
    m_steps.insert(m_steps.end(), steps.begin(), steps.end());
    if (!steps.empty() && m_steps.size() > steps.size() && steps.front().time < m_steps[m_steps.size() - steps.size() - 1].time)
        std::stable_sort(m_steps.begin(), m_steps.end(), [](const StepConfidence &a, const StepConfidence &b) { return a.time < b.time; });
    update();
}

double ConfidenceStrip::meanIn(double from, double to) const
{
    double sum = 0;
    int n = 0;
    for (const StepConfidence &s : m_steps)
        if (s.time >= from && s.time <= to) {
            sum += s.probability;
            ++n;
        }
    return n ? sum / n : -1.0;
}

void ConfidenceStrip::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    // Colours from the palette at each paint: follows the desktop's light or dark scheme.
    const SceneColors colors = SceneColors::forPalette(palette());
    PianoRollRenderer::paintStrip(p, colors, rect(), tr("model\nsure?"));
    const PianoRollViewport &v = m_roll->viewportState();
    const int left = PianoRollRenderer::kKeyboardWidth;
    const double h = height() - kTop - kBottom;
    p.setPen(colors.octaveLine);
    p.drawLine(left, kTop, width(), kTop);
    if (!m_steps.empty())
        p.drawLine(left, kTop + int(h / 2), width(), kTop + int(h / 2));
    if (m_steps.empty()) {
        // An opened file, a recorded phrase or an empty roll: the model chose none of it.
        p.setPen(colors.placeholderText);
        p.drawText(QRect(left, 0, width() - left, height()), Qt::AlignCenter,
                   tr("Shown for the model's compositions: how sure it was of each event it chose"));
        return;
    }
    const double from = PianoRollRenderer::timeForX(v, left);
    const double to = PianoRollRenderer::timeForX(v, width());
    auto first = std::lower_bound(m_steps.begin(), m_steps.end(), from,
                                  [](const StepConfidence &s, double t) { return s.time < t; });
    p.setRenderHint(QPainter::Antialiasing);
    QPainterPath mean;
    double running = -1;
    bool started = false;
    for (auto it = first; it != m_steps.end() && it->time <= to; ++it) {
        const double x = PianoRollRenderer::xForTime(v, it->time);
        const double y = kTop + (1.0 - it->probability) * h;
        p.setPen(Qt::NoPen);
        p.setBrush(confidenceColor(it->probability, colors.dark));
        p.drawEllipse(QPointF(x, y), 1.6, 1.6);
        running = running < 0 ? it->probability : 0.9 * running + 0.1 * it->probability;
        const QPointF point(x, kTop + (1.0 - running) * h);
        if (!started) {
            mean.moveTo(point);
            started = true;
        } else {
            mean.lineTo(point);
        }
    }
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(colors.trace, 1.2));
    p.drawPath(mean);
}

bool ConfidenceStrip::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && !m_steps.empty()) {
        auto *help = static_cast<QHelpEvent *>(event);
        const double t = PianoRollRenderer::timeForX(m_roll->viewportState(), help->pos().x());
        auto it = std::lower_bound(m_steps.begin(), m_steps.end(), t,
                                   [](const StepConfidence &s, double time) { return s.time < time; });
        if (it != m_steps.begin() && (it == m_steps.end() || std::abs((it - 1)->time - t) < std::abs(it->time - t)))
            --it;
        if (it != m_steps.end()) {
            QToolTip::showText(help->globalPos(), tr("%1 s: %2 (p = %3)").arg(decimal(it->time, 2)).arg(it->name).arg(decimal(it->probability, 2)), this);
            return true;
        }
    }
    return QWidget::event(event);
}

}  // namespace aichopin
