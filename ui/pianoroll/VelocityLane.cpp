#include "pianoroll/VelocityLane.h"

#include "common/SceneColors.h"
#include "common/TimeAxis.h"
#include "pianoroll/PianoRollModel.h"
#include "pianoroll/PianoRollView.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace aichopin {

namespace {
constexpr int kTop = 5;
constexpr int kBottom = 3;
}  // namespace

VelocityLane::VelocityLane(PianoRollView *roll, QWidget *parent) : QWidget(parent), m_roll(roll)
{
    setObjectName(QStringLiteral("velocityLane"));
    setMinimumHeight(48);
    setFocusPolicy(Qt::ClickFocus);
    setToolTip(tr("How loud each note is; drag across it to draw the velocities (the selection's notes only, when there is one)"));
    connect(roll, &PianoRollView::viewChanged, this, qOverload<>(&QWidget::update));
    connect(roll, &PianoRollView::selectionChanged, this, qOverload<>(&QWidget::update));
    connect(roll->model(), &PianoRollModel::reset, this, qOverload<>(&QWidget::update));
    connect(roll->model(), &PianoRollModel::notesAppended, this, qOverload<>(&QWidget::update));
}

int VelocityLane::velocityAt(double y) const
{
    const double h = std::max(1, height() - kTop - kBottom);
    return std::clamp(int(std::lround(1 + (1.0 - (y - kTop) / h) * 126)), 1, 127);
}

double VelocityLane::yForVelocity(int velocity) const
{
    const double h = std::max(1, height() - kTop - kBottom);
    return kTop + (1.0 - (velocity - 1) / 126.0) * h;
}

void VelocityLane::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const SceneColors colors = SceneColors::forPalette(palette());
    PianoRollRenderer::paintStrip(p, colors, rect(), tr("velo-\ncity"));
    const PianoRollViewport &v = m_roll->viewportState();
    const int left = PianoRollRenderer::kKeyboardWidth;
    p.setPen(colors.octaveLine);
    for (const int level : {32, 64, 96, 127})  // p, mf, f, the top
        p.drawLine(QPointF(left, yForVelocity(level)), QPointF(width(), yForVelocity(level)));
    const PianoRollModel &model = *m_roll->model();
    const double from = PianoRollRenderer::timeForX(v, left) - 0.01;
    const double to = PianoRollRenderer::timeForX(v, width());
    const auto [first, last] = model.notesIn(from, to);
    const std::vector<Note> &notes = model.sequence().notes;
    const NoteRange &selection = m_roll->selection();
    const bool selected = m_roll->hasSelection();
    p.setClipRect(QRect(left, 0, width() - left, height()));
    // With a selection, the notes out of it (not drawn into) faded, and its own over them.
    for (const bool inSelection : {false, true}) {
        for (size_t i = first; i < last; ++i) {
            const Note &n = notes[i];
            if (n.start < from || n.start > to || (selected && selection.holds(n) != inSelection) || (!selected && !inSelection))
                continue;
            const int velocity = i < m_draft.size() ? m_draft[i] : n.velocity;
            const double x = PianoRollRenderer::xForTime(v, n.start);
            const double y = yForVelocity(velocity);
            QColor c = PianoRollRenderer::velocityColor(velocity);
            if (selected && !inSelection)
                c.setAlpha(35);
            p.setPen(QPen(c, 2));
            p.drawLine(QPointF(x, height() - kBottom), QPointF(x, y));
            p.setPen(Qt::NoPen);
            p.setBrush(c);
            p.drawEllipse(QPointF(x, y), 2.5, 2.5);
        }
    }
}

void VelocityLane::mousePressEvent(QMouseEvent *event)
{
    const std::vector<Note> &notes = m_roll->model()->sequence().notes;
    if (event->button() != Qt::LeftButton || !m_roll->notesMovable() || notes.empty()) {
        QWidget::mousePressEvent(event);
        return;
    }
    m_before.clear();
    for (const Note &n : notes)
        m_before.push_back(n.velocity);
    m_draft = m_before;
    m_last = event->position();
    drawTo(event->position());
    event->accept();
}

void VelocityLane::mouseMoveEvent(QMouseEvent *event)
{
    if (m_draft.empty() || !(event->buttons() & Qt::LeftButton)) {
        QWidget::mouseMoveEvent(event);
        return;
    }
    drawTo(event->position());
    event->accept();
}

void VelocityLane::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_draft.empty() || event->button() != Qt::LeftButton) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    const std::vector<int> drawn = std::exchange(m_draft, {});
    m_before.clear();
    Q_EMIT velocitiesDrawn(drawn, true);
    update();
    event->accept();
}

void VelocityLane::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && !m_draft.empty()) {
        m_draft.clear();
        Q_EMIT velocitiesDrawn(std::exchange(m_before, {}), true);  // as they were
        update();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

void VelocityLane::drawTo(QPointF pos)
{
    // Each note whose start lies between the last place and this one takes the height of the
    // line between them at its start (so a quick stroke misses none).
    const PianoRollViewport &v = m_roll->viewportState();
    const std::vector<Note> &notes = m_roll->model()->sequence().notes;
    if (m_draft.size() != notes.size())
        return;
    const double x0 = std::min(m_last.x(), pos.x()) - 1.5, x1 = std::max(m_last.x(), pos.x()) + 1.5;
    const double t0 = PianoRollRenderer::timeForX(v, x0), t1 = PianoRollRenderer::timeForX(v, x1);
    const NoteRange &selection = m_roll->selection();
    const bool selected = m_roll->hasSelection();
    bool changed = false;
    const auto [first, last] = m_roll->model()->notesIn(t0, t1);
    for (size_t i = first; i < last; ++i) {
        const Note &n = notes[i];
        if (n.start < t0 || n.start > t1 || (selected && !selection.holds(n)))
            continue;
        const double x = PianoRollRenderer::xForTime(v, n.start);
        const double along = pos.x() == m_last.x() ? 1.0 : std::clamp((x - m_last.x()) / (pos.x() - m_last.x()), 0.0, 1.0);
        const int velocity = velocityAt(m_last.y() + along * (pos.y() - m_last.y()));
        if (m_draft[i] != velocity) {
            m_draft[i] = velocity;
            changed = true;
        }
    }
    m_last = pos;
    if (changed) {
        update();
        Q_EMIT velocitiesDrawn(m_draft, false);
    }
}

int VelocityLane::noteNear(double x) const
{
    const PianoRollViewport &v = m_roll->viewportState();
    const double t = PianoRollRenderer::timeForX(v, x), slack = 4.0 / v.pixelsPerSecond;
    const std::vector<Note> &notes = m_roll->model()->sequence().notes;
    const auto [first, last] = m_roll->model()->notesIn(t - slack, t + slack);
    int best = -1;
    for (size_t i = first; i < last; ++i)
        if (std::abs(notes[i].start - t) <= slack && (best < 0 || notes[i].velocity > notes[size_t(best)].velocity))
            best = int(i);
    return best;
}

bool VelocityLane::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        if (const int i = noteNear(help->pos().x()); i >= 0) {
            const Note &n = m_roll->model()->sequence().notes[size_t(i)];
            QToolTip::showText(help->globalPos(), tr("%1 at %2: velocity %3").arg(pitchName(n.pitch), timeaxis::noteClock(n.start)).arg(n.velocity), this);
            return true;
        }
    }
    return QWidget::event(event);
}

}  // namespace aichopin
