#include "pianoroll/PianoRollRenderer.h"

#include "common/TimeAxis.h"
#include "pianoroll/PianoRollModel.h"

#include <QCoreApplication>
#include <QPainter>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace aichopin {

namespace {
bool isBlackKey(int pitch)
{
    switch (pitch % 12) {
    case 1: case 3: case 6: case 8: case 10: return true;
    default: return false;
    }
}

// A ruler label just right of its tick, whole or not at all: cut at the right edge, "0:2" read
// as a time of its own.
void drawRulerLabel(QPainter &p, double x, int width, const QString &label)
{
    if (x + 3 + p.fontMetrics().horizontalAdvance(label) <= width)
        p.drawText(QPointF(x + 3, PianoRollRenderer::kRulerHeight - 8), label);
}

}  // namespace

double PianoRollRenderer::xForTime(const PianoRollViewport &v, double seconds)
{
    return kKeyboardWidth + (seconds - v.startSeconds) * v.pixelsPerSecond;
}

double PianoRollRenderer::timeForX(const PianoRollViewport &v, double x)
{
    return v.startSeconds + (x - kKeyboardWidth) / v.pixelsPerSecond;
}

double PianoRollRenderer::yForPitch(const PianoRollViewport &v, int pitch)
{
    return kRulerHeight + (kPitchCount - 1 - pitch) * v.keyHeight - v.topPixel;
}

int PianoRollRenderer::pitchForY(const PianoRollViewport &v, double y)
{
    return kPitchCount - 1 - int(std::floor((y - kRulerHeight + v.topPixel) / v.keyHeight));
}

QColor PianoRollRenderer::velocityColor(int velocity)
{
    // Soft notes cool blue, loud notes warm orange: hue from 210 deg down to 20 deg.
    const double t = std::clamp((velocity - 20) / 107.0, 0.0, 1.0);
    return QColor::fromHsvF((210 - 190 * t) / 360.0, 0.55 + 0.35 * t, 0.95);
}

void PianoRollRenderer::paint(QPainter &p, const PianoRollModel &model, const PianoRollViewport &v) const
{
    p.fillRect(QRect(QPoint(0, 0), v.size), m_colors.background);
    paintGrid(p, model, v);
    paintNotes(p, model, v);
    if (v.hasSelection()) {
        // The selected time, over all keys or, for a box, over its rows.
        const NoteRange &s = v.selection;
        const double x0 = std::max<double>(kKeyboardWidth, xForTime(v, s.from));
        const double x1 = xForTime(v, s.to);
        const double y0 = std::max<double>(kRulerHeight, s.allKeys() ? kRulerHeight : yForPitch(v, s.highPitch));
        const double y1 = s.allKeys() ? v.size.height() : yForPitch(v, s.lowPitch) + v.keyHeight;
        if (x1 > x0 && y1 > y0)
            p.fillRect(QRectF(x0, y0, x1 - x0, y1 - y0), m_colors.selection);
    }
    if (v.playhead >= 0) {
        const double x = xForTime(v, v.playhead);
        if (x >= kKeyboardWidth && x <= v.size.width()) {
            p.setPen(QPen(m_colors.playhead, 2));
            p.drawLine(QPointF(x, kRulerHeight), QPointF(x, v.size.height()));
        }
    }
    paintKeyboard(p, model, v);
    paintRuler(p, model, v);
}

PianoRollRenderer::BarSpan PianoRollRenderer::visibleBars(const PianoRollModel &model, const PianoRollViewport &v, double minPixels)
{
    const std::vector<double> &bars = model.barStarts();
    if (bars.size() < 2)
        return {};
    const double from = timeForX(v, kKeyboardWidth), to = timeForX(v, v.size.width());
    BarSpan span;
    span.first = size_t(std::max<std::ptrdiff_t>(0, std::upper_bound(bars.begin(), bars.end(), from) - bars.begin() - 1));
    span.last = size_t(std::upper_bound(bars.begin(), bars.end(), to) - bars.begin());
    // The narrowest bar in view sets the spacing, so marks never crowd where the tempo rushes.
    double narrowest = std::numeric_limits<double>::max();
    for (size_t i = span.first; i + 1 < bars.size() && i < span.last; ++i)
        narrowest = std::min(narrowest, bars[i + 1] - bars[i]);
    if (narrowest == std::numeric_limits<double>::max())
        narrowest = bars[1] - bars[0];
    span.every = 1;
    while (span.every < 1024 && narrowest * span.every * v.pixelsPerSecond < minPixels)
        span.every *= 2;
    return span;
}

void PianoRollRenderer::paintStrip(QPainter &p, const SceneColors &colors, QRect rect, const QString &name)
{
    p.fillRect(rect, colors.background);
    p.setPen(colors.placeholderText);
    QFont f = p.font();
    f.setPixelSize(10);
    p.setFont(f);
    p.drawText(QRect(rect.left() + 2, rect.top(), kKeyboardWidth - 4, rect.height()), Qt::AlignCenter | Qt::TextWordWrap, name);
}

void PianoRollRenderer::paintGrid(QPainter &p, const PianoRollModel &model, const PianoRollViewport &v) const
{
    const int w = v.size.width();
    const int first = std::clamp(pitchForY(v, v.size.height()), 0, kPitchCount - 1);
    const int last = std::clamp(pitchForY(v, kRulerHeight), 0, kPitchCount - 1);
    for (int pitch = first; pitch <= last; ++pitch) {
        const double y = yForPitch(v, pitch);
        if (isBlackKey(pitch))
            p.fillRect(QRectF(kKeyboardWidth, y, w - kKeyboardWidth, v.keyHeight), m_colors.laneShade);
        if (pitch % 12 == 0) {
            p.setPen(m_colors.octaveLine);
            p.drawLine(QPointF(kKeyboardWidth, y + v.keyHeight), QPointF(w, y + v.keyHeight));
        }
    }
    p.setPen(m_colors.timeGrid);
    if (const BarSpan bars = visibleBars(model, v, 6); bars.every > 0) {
        for (size_t i = bars.first; i < bars.last; ++i) {
            const double x = xForTime(v, model.barStarts()[i]);
            if (i % size_t(bars.every) == 0 && x >= kKeyboardWidth)
                p.drawLine(QPointF(x, kRulerHeight), QPointF(x, v.size.height()));
        }
        return;
    }
    const double step = timeaxis::step(v.pixelsPerSecond);
    const double endSeconds = timeForX(v, w);
    for (double t = std::floor(v.startSeconds / step) * step; t <= endSeconds; t += step) {
        const double x = xForTime(v, t);
        if (x >= kKeyboardWidth)
            p.drawLine(QPointF(x, kRulerHeight), QPointF(x, v.size.height()));
    }
}

void PianoRollRenderer::paintNotes(QPainter &p, const PianoRollModel &model, const PianoRollViewport &v) const
{
    const double from = timeForX(v, kKeyboardWidth);
    const double to = timeForX(v, v.size.width());
    const auto [first, last] = model.notesIn(from, to);
    const auto &notes = model.sequence().notes;
    const double h = std::max(1.0, v.keyHeight - 1);
    // The notes an edit would change (those that start in the selection) are outlined.
    const NoteRange &selection = v.selection;
    const QPen outline(m_colors.rulerText, 1.0);
    p.setPen(Qt::NoPen);
    for (size_t i = first; i < last; ++i) {
        const Note &n = notes[i];
        if (n.end() < from)
            continue;
        const double y = yForPitch(v, n.pitch);
        if (y + h < kRulerHeight || y > v.size.height())
            continue;
        const double x0 = std::max(xForTime(v, n.start), double(kKeyboardWidth));
        const double x1 = xForTime(v, n.end());
        const QRectF rect(x0, y, std::max(1.5, x1 - x0), h);
        p.fillRect(rect, velocityColor(n.velocity));
        if (v.hasSelection() && selection.holds(n)) {
            p.setPen(outline);
            p.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5));
            p.setPen(Qt::NoPen);
        }
    }
}

void PianoRollRenderer::paintKeyboard(QPainter &p, const PianoRollModel &model, const PianoRollViewport &v) const
{
    p.fillRect(QRectF(0, kRulerHeight, kKeyboardWidth, v.size.height() - kRulerHeight), m_colors.keyWhite);
    const int first = std::clamp(pitchForY(v, v.size.height()), 0, kPitchCount - 1);
    const int last = std::clamp(pitchForY(v, kRulerHeight), 0, kPitchCount - 1);
    // Lit keys: each note sounding at the playhead, in its velocity's colour (the loudest of a
    // key's notes), and the key held down with the mouse.
    std::array<int, kPitchCount> lit{};
    if (v.playhead >= 0) {
        const auto [from, to] = model.notesIn(v.playhead, v.playhead);
        const std::vector<Note> &notes = model.sequence().notes;
        for (size_t i = from; i < to; ++i) {
            const Note &n = notes[i];
            if (n.start <= v.playhead && v.playhead < n.end() && n.pitch >= 0 && n.pitch < kPitchCount)
                lit[size_t(n.pitch)] = std::max(lit[size_t(n.pitch)], n.velocity);
        }
    }
    if (v.pressedKey >= 0 && v.pressedKey < kPitchCount)
        lit[size_t(v.pressedKey)] = std::max(lit[size_t(v.pressedKey)], 80);
    QFont font = p.font();
    font.setPixelSize(std::clamp(int(v.keyHeight * 1.3), 7, 11));
    p.setFont(font);
    for (int pitch = first; pitch <= last; ++pitch) {
        const double y = yForPitch(v, pitch);
        const bool black = isBlackKey(pitch);
        if (lit[size_t(pitch)] > 0)
            p.fillRect(QRectF(0, y, kKeyboardWidth * (black ? 0.6 : 1.0), v.keyHeight), velocityColor(lit[size_t(pitch)]));
        else if (black)
            p.fillRect(QRectF(0, y, kKeyboardWidth * 0.6, v.keyHeight), m_colors.keyBlack);
        if (!black && (pitch % 12 == 0 || pitch % 12 == 5)) {
            p.setPen(m_colors.keyLine);
            p.drawLine(QPointF(0, y + v.keyHeight), QPointF(kKeyboardWidth, y + v.keyHeight));
        }
        if (pitch % 12 == 0 && v.keyHeight >= 5) {
            p.setPen(m_colors.keyText);
            p.drawText(QRectF(kKeyboardWidth * 0.6, y - 2, kKeyboardWidth * 0.4 - 2, v.keyHeight + 4),
                       Qt::AlignRight | Qt::AlignVCenter, pitchName(pitch));
        }
    }
    p.setPen(m_colors.border);
    p.drawLine(QPointF(kKeyboardWidth - 0.5, kRulerHeight), QPointF(kKeyboardWidth - 0.5, v.size.height()));
}

void PianoRollRenderer::paintRuler(QPainter &p, const PianoRollModel &model, const PianoRollViewport &v) const
{
    const int w = v.size.width();
    p.fillRect(QRectF(0, 0, w, kRulerHeight), m_colors.rulerBackground);
    const double step = timeaxis::step(v.pixelsPerSecond);
    QFont font = p.font();
    font.setPixelSize(11);
    p.setFont(font);
    p.setPen(m_colors.rulerText);
    const BarSpan bars = visibleBars(model, v, 36);
    if (bars.every > 0) {
        // Bar numbers, 1 for the first bar, as a score counts them.
        for (size_t i = bars.first; i < bars.last; ++i) {
            const double x = xForTime(v, model.barStarts()[i]);
            if (i % size_t(bars.every) != 0 || x < kKeyboardWidth)
                continue;
            p.drawLine(QPointF(x, kRulerHeight - 6), QPointF(x, kRulerHeight));
            drawRulerLabel(p, x, w, QString::number(i + 1));
        }
    } else {
        const double endSeconds = timeForX(v, w);
        for (double t = std::max(0.0, std::floor(v.startSeconds / step) * step); t <= endSeconds; t += step) {
            const double x = xForTime(v, t);
            if (x < kKeyboardWidth)
                continue;
            p.drawLine(QPointF(x, kRulerHeight - 6), QPointF(x, kRulerHeight));
            drawRulerLabel(p, x, w, timeaxis::label(t, step));
        }
    }
    p.fillRect(QRectF(0, 0, kKeyboardWidth, kRulerHeight), m_colors.rulerBackground);
    p.drawText(QRectF(0, 0, kKeyboardWidth, kRulerHeight), Qt::AlignCenter,
               bars.every > 0 ? QCoreApplication::translate("PianoRollRenderer", "bar") : QStringLiteral("s"));
    if (v.playhead >= 0) {
        const double x = xForTime(v, v.playhead);
        if (x >= kKeyboardWidth) {
            p.setBrush(m_colors.playhead);
            p.setPen(Qt::NoPen);
            const QPointF tri[3] = {{x - 5, 0}, {x + 5, 0}, {x, 8}};
            p.drawPolygon(tri, 3);
        }
    }
}

}  // namespace aichopin
