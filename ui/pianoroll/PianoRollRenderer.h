#pragma once
// Paints a piano roll (keyboard, time ruler, grid, notes coloured by velocity, playhead, the
// selection shaded with its notes outlined) for a
// given viewport; a piece with a metre (a MIDI file's) gets bar lines and bar numbers, others
// seconds. The keys of the notes sounding at the playhead, and a key held down, are lit
// on the keyboard in their notes' colours, as on a player piano. Knows nothing of scrolling or input, so views and image exports share it.
// UI thread (or any thread painting on a QImage).

#include "common/SceneColors.h"
#include "midi/NoteSequence.h"

#include <QColor>
#include <QRect>

class QPainter;

namespace aichopin {

class PianoRollModel;

struct PianoRollViewport {
    QSize size;                   // whole widget area
    double startSeconds = 0.0;    // time at the left edge of the note area
    double pixelsPerSecond = 80.0;
    double topPixel = 0.0;        // vertical scroll inside the pitch area
    double keyHeight = 8.0;       // pixels per semitone
    double playhead = -1.0;       // seconds; negative hides it
    NoteRange selection{-1.0, -1.0};  // shown when from < to: its time over all keys or a box's rows
    int pressedKey = -1;          // a key held down with the mouse, lit on the keyboard

    bool hasSelection() const { return selection.from < selection.to; }
};

class PianoRollRenderer {
public:
    static constexpr int kKeyboardWidth = 56;
    static constexpr int kRulerHeight = 22;
    static constexpr int kPitchCount = 128;

    void paint(QPainter &painter, const PianoRollModel &model, const PianoRollViewport &v) const;
    // Background, grid, keyboard and ruler colours (the dark scheme until set); notes keep
    // their velocity colours in both schemes.
    void setColors(const SceneColors &colors) { m_colors = colors; }
    const SceneColors &colors() const { return m_colors; }

    // Geometry shared with the view for hit testing.
    static double xForTime(const PianoRollViewport &v, double seconds);
    static double timeForX(const PianoRollViewport &v, double x);
    static double yForPitch(const PianoRollViewport &v, int pitch);  // top edge of the row
    static int pitchForY(const PianoRollViewport &v, double y);
    static QColor velocityColor(int velocity);
    // For a piece with bars: the visible bars [first, last) and every how many to mark (so
    // that marks stand at least minPixels apart); {0, 0, 0} without bars.
    struct BarSpan {
        size_t first = 0, last = 0;
        int every = 0;
    };
    static BarSpan visibleBars(const PianoRollModel &model, const PianoRollViewport &v, double minPixels);
    // A strip under the roll on its time axis (the velocity lane, the confidence strip): its
    // background in 'rect', and its name (small, wrapped) where the roll's keyboard is.
    static void paintStrip(QPainter &p, const SceneColors &colors, QRect rect, const QString &name);

private:
    void paintGrid(QPainter &p, const PianoRollModel &model, const PianoRollViewport &v) const;
    void paintNotes(QPainter &p, const PianoRollModel &model, const PianoRollViewport &v) const;
    void paintKeyboard(QPainter &p, const PianoRollModel &model, const PianoRollViewport &v) const;
    void paintRuler(QPainter &p, const PianoRollModel &model, const PianoRollViewport &v) const;

    SceneColors m_colors = SceneColors::darkScheme();
};

}  // namespace aichopin
