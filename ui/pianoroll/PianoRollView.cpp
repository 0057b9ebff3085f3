#include "pianoroll/PianoRollView.h"

#include "common/Numbers.h"
#include "common/TimeAxis.h"
#include "midi/Note.h"
#include "pianoroll/PianoRollModel.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QCursor>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <utility>

namespace aichopin {

namespace {
constexpr double kMinPps = 0.5;
constexpr double kMaxPps = 2000.0;
constexpr double kMinKey = 3.0;
constexpr double kMaxKey = 30.0;
constexpr int kScrollUnitsPerSecond = 100;  // horizontal scroll bar counts 10 ms steps
}  // namespace

using timeaxis::noteClock;

PianoRollView::PianoRollView(PianoRollModel *model, QWidget *parent) : QAbstractScrollArea(parent), m_model(model)
{
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Piano roll"));
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    viewport()->setMouseTracking(true);  // the hand over a movable note
    horizontalScrollBar()->setSingleStep(kScrollUnitsPerSecond / 2);
    verticalScrollBar()->setSingleStep(24);
    connect(model, &PianoRollModel::reset, this, [this] {
        fitToPiece();
        viewport()->update();
    });
    connect(model, &PianoRollModel::notesAppended, this, [this] {
        updateScrollBars();
        viewport()->update();
    });
    updateScrollBars();
    // Start centred on the piano's middle register.
    verticalScrollBar()->setValue(int(PianoRollRenderer::yForPitch(m_view, 84) - PianoRollRenderer::kRulerHeight));
}

double PianoRollView::contentHeight() const { return PianoRollRenderer::kPitchCount * m_view.keyHeight; }

double PianoRollView::noteAreaWidth() const
{
    return std::max(1, viewport()->width() - PianoRollRenderer::kKeyboardWidth);
}

void PianoRollView::updateScrollBars()
{
    m_view.size = viewport()->size();
    const double visibleSeconds = noteAreaWidth() / m_view.pixelsPerSecond;
    const double total = std::max(m_model->duration() + 1.0, visibleSeconds);
    QScrollBar *h = horizontalScrollBar();
    h->blockSignals(true);
    h->setRange(0, int(std::ceil((total - visibleSeconds) * kScrollUnitsPerSecond)));
    h->setPageStep(int(visibleSeconds * kScrollUnitsPerSecond));
    h->setValue(int(std::lround(m_view.startSeconds * kScrollUnitsPerSecond)));
    h->blockSignals(false);
    m_view.startSeconds = h->value() / double(kScrollUnitsPerSecond);

    const int visibleHeight = viewport()->height() - PianoRollRenderer::kRulerHeight;
    QScrollBar *v = verticalScrollBar();
    v->blockSignals(true);
    v->setRange(0, std::max(0, int(contentHeight()) - visibleHeight));
    v->setPageStep(std::max(1, visibleHeight));
    v->setValue(int(m_view.topPixel));
    v->blockSignals(false);
    m_view.topPixel = v->value();
}

void PianoRollView::syncFromScrollBars()
{
    m_view.startSeconds = horizontalScrollBar()->value() / double(kScrollUnitsPerSecond);
    m_view.topPixel = verticalScrollBar()->value();
}

void PianoRollView::scrollContentsBy(int, int)
{
    if (!m_fitting)
        m_fitted = false;
    syncFromScrollBars();
    viewport()->update();
    Q_EMIT viewChanged();
}

void PianoRollView::setSelection(double from, double to)
{
    setSelection(NoteRange(from, to));
}

void PianoRollView::setSelection(const NoteRange &range)
{
    m_view.selection = range;
    m_view.selection.lowPitch = std::clamp(range.lowPitch, 0, PianoRollRenderer::kPitchCount - 1);
    m_view.selection.highPitch = std::clamp(range.highPitch, m_view.selection.lowPitch, PianoRollRenderer::kPitchCount - 1);
    viewport()->update();
    Q_EMIT selectionChanged(range.from, range.to);
}

void PianoRollView::extendSelection(int direction)
{
    // The end that moves goes to the next bar line (or second) that way; the other stays: the
    // selection's start, or with none the bar line (or second) nearest the playhead.
    const std::vector<double> &bars = m_model->barStarts();
    const auto next = [&bars, direction](double t) {
        if (bars.empty())
            return std::max(0.0, direction > 0 ? std::floor(t + 1e-9) + 1.0 : std::ceil(t - 1e-9) - 1.0);
        if (direction > 0) {
            const auto it = std::upper_bound(bars.begin(), bars.end(), t + 1e-9);
            return it == bars.end() ? bars.back() : *it;
        }
        const auto it = std::lower_bound(bars.begin(), bars.end(), t - 1e-9);
        return it == bars.begin() ? bars.front() : *(it - 1);
    };
    double anchor = m_view.selection.from, active = m_view.selection.to;
    if (!hasSelection()) {
        anchor = active = bars.empty() ? std::round(std::max(0.0, m_view.playhead)) : selectionEdge(std::max(0.0, m_view.playhead), {});
    } else if (m_keyActiveEnd == m_view.selection.from) {
        std::swap(anchor, active);
    }
    active = next(active);
    m_keyActiveEnd = active;
    setSelection(std::min(anchor, active), std::max(anchor, active));
    const double visible = noteAreaWidth() / m_view.pixelsPerSecond;
    if (active < m_view.startSeconds || active > m_view.startSeconds + visible)
        scrollToTime(std::max(0.0, active - visible / 2));
}

void PianoRollView::toggleNoteInSelection(int index)
{
    const std::vector<Note> &notes = m_model->sequence().notes;
    if (index < 0 || size_t(index) >= notes.size())
        return;
    std::vector<Note> chosen = hasSelection() ? m_model->sequence().pinned(selection()).only : std::vector<Note>{};
    const Note &note = notes[size_t(index)];
    if (const auto it = std::find_if(chosen.begin(), chosen.end(), [&note](const Note &n) { return sameNote(n, note); }); it != chosen.end())
        chosen.erase(it);
    else
        chosen.push_back(note);
    if (chosen.empty()) {
        setSelection(-1, -1);
        return;
    }
    std::stable_sort(chosen.begin(), chosen.end(), [](const Note &a, const Note &b) { return a.start < b.start; });
    NoteRange range(chosen.front().start, chosen.front().end(), 127, 0);
    for (const Note &n : chosen) {
        range.to = std::max(range.to, n.end());
        range.lowPitch = std::min(range.lowPitch, n.pitch);
        range.highPitch = std::max(range.highPitch, n.pitch);
    }
    range.only = std::move(chosen);
    setSelection(range);
}

void PianoRollView::updateBox(QPointF to)
{
    // The rows and the time between the press and the pointer, the pointer held within the
    // note area.
    const QPointF from = *m_boxFrom;
    to.setY(std::max<double>(to.y(), PianoRollRenderer::kRulerHeight));
    to.setX(std::max<double>(to.x(), PianoRollRenderer::kKeyboardWidth));
    const double t0 = std::max(0.0, PianoRollRenderer::timeForX(m_view, from.x()));
    const double t1 = std::max(0.0, PianoRollRenderer::timeForX(m_view, to.x()));
    const int p0 = std::clamp(PianoRollRenderer::pitchForY(m_view, from.y()), 0, PianoRollRenderer::kPitchCount - 1);
    const int p1 = std::clamp(PianoRollRenderer::pitchForY(m_view, to.y()), 0, PianoRollRenderer::kPitchCount - 1);
    // The notes in the box now: those it goes on holding, wherever an edit moves them.
    setSelection(m_model->sequence().pinned(NoteRange(std::min(t0, t1), std::max(t0, t1), std::min(p0, p1), std::max(p0, p1))));
}

void PianoRollView::setPixelsPerSecond(double pps, double anchorSeconds)
{
    pps = std::clamp(pps, kMinPps, kMaxPps);
    m_fitted = false;
    if (anchorSeconds < 0)
        anchorSeconds = m_view.startSeconds + noteAreaWidth() / (2 * m_view.pixelsPerSecond);
    const double anchorX = PianoRollRenderer::xForTime(m_view, anchorSeconds);
    m_view.pixelsPerSecond = pps;
    m_view.startSeconds = std::max(0.0, anchorSeconds - (anchorX - PianoRollRenderer::kKeyboardWidth) / pps);
    updateScrollBars();
    viewport()->update();
    Q_EMIT viewChanged();
}

void PianoRollView::setKeyHeight(double pixels)
{
    const double centrePitchY = m_view.topPixel + (viewport()->height() - PianoRollRenderer::kRulerHeight) / 2.0;
    const double ratio = std::clamp(pixels, kMinKey, kMaxKey) / m_view.keyHeight;
    m_fitted = false;
    m_view.keyHeight *= ratio;
    m_view.topPixel = std::max(0.0, centrePitchY * ratio - (viewport()->height() - PianoRollRenderer::kRulerHeight) / 2.0);
    updateScrollBars();
    viewport()->update();
}

void PianoRollView::scrollToTime(double seconds)
{
    horizontalScrollBar()->setValue(int(std::lround(seconds * kScrollUnitsPerSecond)));
    syncFromScrollBars();
    viewport()->update();
}

void PianoRollView::fitToPiece()
{
    const NoteSequence &seq = m_model->sequence();
    const double duration = std::max(1.0, m_model->duration());
    m_fitting = true;
    m_view.startSeconds = 0;
    // The room updateScrollBars gives after the end (a second), so a fitted piece has nothing to
    // scroll to; a long one gets 2 % rather.
    m_view.pixelsPerSecond = std::clamp(noteAreaWidth() / std::max(duration * 1.02, m_model->duration() + 1.0), kMinPps, kMaxPps);
    const int lo = seq.lowestPitch(), hi = seq.highestPitch();
    const double visibleHeight = std::max(40, viewport()->height() - PianoRollRenderer::kRulerHeight);
    if (lo >= 0) {
        const int span = hi - lo + 5;
        m_view.keyHeight = std::clamp(visibleHeight / span, kMinKey, kMaxKey);
        m_view.topPixel = 0;
        updateScrollBars();
        const double centre = (PianoRollRenderer::yForPitch(m_view, hi + 2) + PianoRollRenderer::yForPitch(m_view, lo - 2)) / 2;
        verticalScrollBar()->setValue(int(centre - PianoRollRenderer::kRulerHeight - visibleHeight / 2 + m_view.topPixel));
        syncFromScrollBars();
    }
    updateScrollBars();
    m_fitting = false;
    m_fitted = true;
    Q_EMIT viewChanged();
}

void PianoRollView::setPlayhead(double seconds, bool scroll)
{
    if (seconds == m_view.playhead)
        return;
    m_view.playhead = seconds;
    if (m_follow && scroll && seconds >= 0) {
        const double visible = noteAreaWidth() / m_view.pixelsPerSecond;
        if (seconds < m_view.startSeconds || seconds > m_view.startSeconds + visible * 0.95)
            scrollToTime(std::max(0.0, seconds - visible * 0.05));
    }
    viewport()->update();
}

void PianoRollView::paintEvent(QPaintEvent *)
{
    QPainter p(viewport());
    m_view.size = viewport()->size();
    // Colours come from the palette at each paint, so a desktop palette change (a repaint) is
    // followed at once.
    m_renderer.setColors(SceneColors::forPalette(palette()));
    m_renderer.paint(p, *m_model, m_view);
    if (m_model->sequence().notes.empty()) {
        p.setPen(m_renderer.colors().placeholderText);
        p.drawText(viewport()->rect().adjusted(PianoRollRenderer::kKeyboardWidth, PianoRollRenderer::kRulerHeight, 0, 0),
                   Qt::AlignCenter, tr("Open a MIDI file (Ctrl+O) or drop one here"));
    }
}

void PianoRollView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    if (m_fitted) {
        fitToPiece();
        return;
    }
    updateScrollBars();
    Q_EMIT viewChanged();
}

void PianoRollView::wheelEvent(QWheelEvent *event)
{
    const QPoint angle = event->angleDelta();
    const double steps = (angle.y() != 0 ? angle.y() : angle.x()) / 120.0;
    const Qt::KeyboardModifiers mods = event->modifiers();
    if (mods & Qt::ControlModifier) {
        if (mods & Qt::ShiftModifier)
            setKeyHeight(m_view.keyHeight * std::pow(1.15, steps));
        else
            setPixelsPerSecond(m_view.pixelsPerSecond * std::pow(1.25, steps),
                               PianoRollRenderer::timeForX(m_view, event->position().x()));
    } else if (mods & Qt::ShiftModifier || angle.x() != 0) {
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - int(steps * horizontalScrollBar()->pageStep() / 8));
    } else {
        verticalScrollBar()->setValue(verticalScrollBar()->value() - int(steps * 3 * m_view.keyHeight));
    }
    event->accept();
}

void PianoRollView::keyPressEvent(QKeyEvent *event)
{
    QScrollBar *h = horizontalScrollBar();
    QScrollBar *v = verticalScrollBar();
    switch (event->key()) {
    case Qt::Key_Left:
    case Qt::Key_Right:
        if (event->modifiers() & Qt::ShiftModifier)
            extendSelection(event->key() == Qt::Key_Right ? 1 : -1);
        else
            h->setValue(h->value() + (event->key() == Qt::Key_Right ? 1 : -1) * h->pageStep() / 8);
        break;
    case Qt::Key_Up: v->setValue(v->value() - int(3 * m_view.keyHeight)); break;
    case Qt::Key_Down: v->setValue(v->value() + int(3 * m_view.keyHeight)); break;
    case Qt::Key_PageUp: h->setValue(h->value() - h->pageStep()); break;
    case Qt::Key_PageDown: h->setValue(h->value() + h->pageStep()); break;
    case Qt::Key_Home: h->setValue(0); break;
    case Qt::Key_End: h->setValue(h->maximum()); break;
    case Qt::Key_Plus: case Qt::Key_Equal: setPixelsPerSecond(m_view.pixelsPerSecond * 1.25); break;
    case Qt::Key_Minus: setPixelsPerSecond(m_view.pixelsPerSecond / 1.25); break;
    case Qt::Key_0: fitToPiece(); viewport()->update(); Q_EMIT viewChanged(); break;
    case Qt::Key_Escape:
        if (m_pressedNote >= 0) {
            cancelNoteDrag();  // the note goes back
        } else {
            m_boxFrom.reset();
            m_boxing = false;
            setSelection(-1, -1);
        }
        break;
    default: QAbstractScrollArea::keyPressEvent(event); return;
    }
    event->accept();
}

void PianoRollView::holdKey(int pitch)
{
    if (pitch == m_heldKey)
        return;
    if (m_heldKey >= 0)
        Q_EMIT keyReleased(m_heldKey);
    m_heldKey = pitch;
    m_view.pressedKey = pitch;
    viewport()->update();
    if (pitch >= 0)
        Q_EMIT keyPressed(pitch);
}

void PianoRollView::mousePressEvent(QMouseEvent *event)
{
    const QPointF pos = event->position();
    if (event->button() == Qt::LeftButton && pos.x() < PianoRollRenderer::kKeyboardWidth && pos.y() >= PianoRollRenderer::kRulerHeight) {
        const int pitch = PianoRollRenderer::pitchForY(m_view, pos.y());
        if (pitch >= 0 && pitch < PianoRollRenderer::kPitchCount) {
            holdKey(pitch);
            event->accept();
            return;
        }
    }
    if (event->button() == Qt::LeftButton && event->position().x() >= PianoRollRenderer::kKeyboardWidth) {
        const double t = std::max(0.0, PianoRollRenderer::timeForX(m_view, event->position().x()));
        m_boxFrom.reset();
        m_boxing = false;
        if (event->modifiers() & Qt::ShiftModifier) {
            m_dragAnchor = selectionEdge(t, event->modifiers());
            setSelection(m_dragAnchor, m_dragAnchor);
        } else if (const int note = event->modifiers() == Qt::ControlModifier ? noteIndexAt(pos) : -1; note >= 0) {
            m_dragAnchor = -1;
            toggleNoteInSelection(note);
        } else if (const int note = m_notesMovable && event->modifiers() == Qt::NoModifier ? noteIndexAt(pos) : -1; note >= 0) {
            // Maybe the start of a drag; a press that does not move seeks at the release.
            m_dragAnchor = -1;
            m_pressedNote = note;
            m_pressedKind = onNoteEnd(note, pos) ? NoteDrag::Resize : NoteDrag::Move;
            m_pressedAt = pos;
            m_draggingNote = false;
        } else {
            // On an empty place, maybe a box that selects the notes in it (dragged on) or a
            // click that seeks (at the release, so that drawing a box does not move the
            // music); elsewhere (the ruler, a note that cannot move) a seek at once.
            m_dragAnchor = -1;
            int pitch = -1;
            double seconds = -1;
            if (event->modifiers() == Qt::NoModifier && placeAt(pos, &pitch, &seconds) && noteIndexAt(pos) < 0)
                m_boxFrom = pos;
            else
                Q_EMIT seekRequested(t);
        }
        event->accept();
        return;
    }
    QAbstractScrollArea::mousePressEvent(event);
}

QString PianoRollView::toolTipAt(QPointF pos) const
{
    if (pos.y() < PianoRollRenderer::kRulerHeight)
        return {};
    const int pitch = PianoRollRenderer::pitchForY(m_view, pos.y());
    if (pitch < 0 || pitch >= PianoRollRenderer::kPitchCount)
        return {};
    const QString key = pitch == 60 ? tr("C4 (middle C)") : pitchName(pitch);
    const int index = noteIndexAt(pos);
    if (index < 0)
        return key;
    const Note *hit = &m_model->sequence().notes[size_t(index)];
    const QString text = tr("%1, velocity %2: %3 to %4 (%5 s)")
                             .arg(key).arg(hit->velocity).arg(noteClock(hit->start), noteClock(hit->end()), decimal(hit->duration, 2));
    const int bar = m_model->barAt(hit->start);
    return bar > 0 ? tr("%1, bar %2").arg(text).arg(bar) : text;
}

int PianoRollView::noteIndexAt(QPointF pos) const
{
    int pitch = -1;
    double t = -1;
    if (!placeAt(pos, &pitch, &t))
        return -1;
    // The note drawn here: of this pitch, from its start to its end, with two pixels to spare
    // for the shortest notes. The last one starting before the pointer is on top.
    const double slack = 2.0 / m_view.pixelsPerSecond;
    const std::vector<Note> &notes = m_model->sequence().notes;
    int hit = -1;
    for (size_t i = 0; i < notes.size(); ++i) {
        const Note &n = notes[i];
        if (n.pitch == pitch && n.start - slack <= t && t <= n.end() + slack && (hit < 0 || n.start >= notes[size_t(hit)].start))
            hit = int(i);
    }
    return hit;
}

void PianoRollView::contextMenuEvent(QContextMenuEvent *event)
{
    // The keyboard's menu key: the note or place under the pointer, if it is over the roll (else
    // the range edits only).
    const QPointF pos = event->reason() == QContextMenuEvent::Mouse ? QPointF(event->pos())
                                                                     : QPointF(viewport()->mapFromGlobal(QCursor::pos()));
    int pitch = -1;
    double seconds = -1;
    const bool onRoll = viewport()->rect().contains(pos.toPoint());
    if (!onRoll || !placeAt(pos, &pitch, &seconds))
        pitch = -1;
    Q_EMIT contextMenuRequested(onRoll ? noteIndexAt(pos) : -1, pitch, seconds, event->globalPos());
    event->accept();
}

void PianoRollView::setNotesMovable(bool movable)
{
    m_notesMovable = movable;
    if (!movable) {
        viewport()->unsetCursor();
        if (m_pressedNote >= 0)
            cancelNoteDrag();
    }
}

void PianoRollView::cancelNoteDrag()
{
    const int note = std::exchange(m_pressedNote, -1);
    if (std::exchange(m_draggingNote, false)) {
        viewport()->unsetCursor();
        Q_EMIT noteDragged(note, m_pressedKind, 0, 0.0, true);
    }
}

bool PianoRollView::onNoteEnd(int index, QPointF pos) const
{
    const Note &n = m_model->sequence().notes[size_t(index)];
    const double x0 = PianoRollRenderer::xForTime(m_view, n.start), x1 = PianoRollRenderer::xForTime(m_view, n.end());
    return x1 - x0 >= 12 && std::abs(pos.x() - x1) <= 4;
}

int PianoRollView::dragSemitones(QPointF pos) const
{
    return int(std::lround((m_pressedAt.y() - pos.y()) / m_view.keyHeight));
}

double PianoRollView::dragSeconds(QPointF pos) const
{
    return (pos.x() - m_pressedAt.x()) / m_view.pixelsPerSecond;
}

bool PianoRollView::placeAt(QPointF pos, int *pitch, double *seconds) const
{
    if (pos.y() < PianoRollRenderer::kRulerHeight || pos.x() < PianoRollRenderer::kKeyboardWidth)
        return false;
    *pitch = PianoRollRenderer::pitchForY(m_view, pos.y());
    *seconds = PianoRollRenderer::timeForX(m_view, pos.x());
    return *pitch >= 0 && *pitch < PianoRollRenderer::kPitchCount && *seconds >= 0;
}

void PianoRollView::mouseDoubleClickEvent(QMouseEvent *event)
{
    int pitch = -1;
    double seconds = -1;
    if (event->button() == Qt::LeftButton && event->modifiers() == Qt::NoModifier && placeAt(event->position(), &pitch, &seconds)
        && noteIndexAt(event->position()) < 0) {
        Q_EMIT addNoteRequested(pitch, seconds);
        event->accept();
        return;
    }
    mousePressEvent(event);  // elsewhere a second press as any other (a key struck again)
}

bool PianoRollView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, viewport());
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void PianoRollView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_heldKey >= 0 && (event->buttons() & Qt::LeftButton)) {
        const QPointF pos = event->position();
        const int pitch = PianoRollRenderer::pitchForY(m_view, std::max<double>(pos.y(), PianoRollRenderer::kRulerHeight));
        if (pos.x() < PianoRollRenderer::kKeyboardWidth && pitch >= 0 && pitch < PianoRollRenderer::kPitchCount)
            holdKey(pitch);
        event->accept();
        return;
    }
    if (m_pressedNote >= 0 && (event->buttons() & Qt::LeftButton)) {
        const QPointF pos = event->position();
        if (!m_draggingNote && (pos - m_pressedAt).manhattanLength() >= QApplication::startDragDistance()) {
            m_draggingNote = true;
            viewport()->setCursor(m_pressedKind == NoteDrag::Resize ? Qt::SizeHorCursor : Qt::ClosedHandCursor);
        }
        if (m_draggingNote)
            Q_EMIT noteDragged(m_pressedNote, m_pressedKind, dragSemitones(pos), dragSeconds(pos), false);
        event->accept();
        return;
    }
    if (m_boxFrom && (event->buttons() & Qt::LeftButton)) {
        const QPointF pos = event->position();
        if (!m_boxing && (pos - *m_boxFrom).manhattanLength() >= QApplication::startDragDistance())
            m_boxing = true;
        if (m_boxing)
            updateBox(pos);
        event->accept();
        return;
    }
    if (event->buttons() == Qt::NoButton && m_notesMovable) {
        // A hand over a note says it can be dragged; a double arrow over its end, stretched.
        const int note = noteIndexAt(event->position());
        if (note < 0)
            viewport()->unsetCursor();
        else
            viewport()->setCursor(onNoteEnd(note, event->position()) ? Qt::SizeHorCursor : Qt::OpenHandCursor);
    }
    if (m_dragAnchor >= 0 && (event->buttons() & Qt::LeftButton)) {
        const double t = selectionEdge(std::max(0.0, PianoRollRenderer::timeForX(m_view, event->position().x())), event->modifiers());
        setSelection(std::min(m_dragAnchor, t), std::max(m_dragAnchor, t));
        event->accept();
        return;
    }
    QAbstractScrollArea::mouseMoveEvent(event);
}

double PianoRollView::selectionEdge(double seconds, Qt::KeyboardModifiers modifiers) const
{
    // In a piece with bars a selection is of whole bars, as a musician means "rewrite bars 5
    // to 8"; with Ctrl held too it is free.
    const std::vector<double> &bars = m_model->barStarts();
    if (bars.empty() || (modifiers & Qt::ControlModifier))
        return seconds;
    const auto after = std::lower_bound(bars.begin(), bars.end(), seconds);
    if (after == bars.end())
        return bars.back();
    if (after == bars.begin())
        return *after;
    return seconds - *(after - 1) < *after - seconds ? *(after - 1) : *after;
}

void PianoRollView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_heldKey >= 0) {
        holdKey(-1);
        event->accept();
        return;
    }
    if (event->button() == Qt::LeftButton && m_boxFrom) {
        if (std::exchange(m_boxing, false))
            updateBox(event->position());
        else
            Q_EMIT seekRequested(std::max(0.0, PianoRollRenderer::timeForX(m_view, m_boxFrom->x())));  // a click
        m_boxFrom.reset();
        event->accept();
        return;
    }
    if (event->button() == Qt::LeftButton && m_pressedNote >= 0) {
        const int note = std::exchange(m_pressedNote, -1);
        if (std::exchange(m_draggingNote, false)) {
            viewport()->unsetCursor();
            Q_EMIT noteDragged(note, m_pressedKind, dragSemitones(event->position()), dragSeconds(event->position()), true);
        } else {
            Q_EMIT seekRequested(std::max(0.0, PianoRollRenderer::timeForX(m_view, m_pressedAt.x())));
        }
        event->accept();
        return;
    }
    QAbstractScrollArea::mouseReleaseEvent(event);
}

}  // namespace aichopin
