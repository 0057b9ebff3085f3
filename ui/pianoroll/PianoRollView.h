#pragma once
// A scrolling, zooming piano roll. Wheel scrolls pitch, Shift+wheel scrolls time, Ctrl+wheel
// zooms time around the pointer, Ctrl+Shift+wheel zooms pitch. Keys: arrows scroll, +/- zoom,
// Home/End jump, 0 fits the piece. A click in the ruler or notes asks to seek; a right-click asks
// for a menu, naming the note under the pointer; a double-click on an empty place asks for a note;
// a note can be dragged to another key or time. Shift+drag selects a time range; a drag from an
// empty place draws a box that selects the notes in it; Ctrl+click adds a note to the selection
// or takes it out. Hovering names the
// key, or the note (pitch, velocity, when and how long) under the pointer; pressing a key on the
// keyboard strip asks to sound it (keyPressed, keyReleased). UI thread only.

#include "pianoroll/PianoRollRenderer.h"

#include <QAbstractScrollArea>

#include <optional>

namespace aichopin {

class PianoRollModel;

class PianoRollView : public QAbstractScrollArea {
    Q_OBJECT
public:
    enum class NoteDrag { Move, Resize };
    Q_ENUM(NoteDrag)

    explicit PianoRollView(PianoRollModel *model, QWidget *parent = nullptr);

    PianoRollModel *model() const { return m_model; }
    const PianoRollViewport &viewportState() const { return m_view; }

    double pixelsPerSecond() const { return m_view.pixelsPerSecond; }
    void setPixelsPerSecond(double pps, double anchorSeconds = -1);
    void setKeyHeight(double pixels);
    void scrollToTime(double seconds);
    // Shows the whole piece horizontally and its pitch range vertically.
    void fitToPiece();

    double playhead() const { return m_view.playhead; }
    // Moves the playhead; with follow on (and 'scroll'), scrolls so it stays in view (page-wise).
    // scroll false: the view stays (a stopped or edited piece's playhead).
    void setPlayhead(double seconds, bool scroll = true);
    void setFollowPlayhead(bool follow) { m_follow = follow; }
    // Whether a note can be dragged to another key or time (noteDragged); off, a press on a note
    // seeks as anywhere else. Off while nothing can be edited (composing, recording).
    void setNotesMovable(bool movable);
    bool notesMovable() const { return m_notesMovable; }

    // A time range shown highlighted (for "rewrite these bars"), over every key; from >= to
    // clears it.
    void setSelection(double from, double to);
    // A selection of some keys only (a box over the roll's rows), or of all of them.
    void setSelection(const NoteRange &range);
    double selectionFrom() const { return m_view.selection.from; }
    double selectionTo() const { return m_view.selection.to; }
    bool hasSelection() const { return m_view.hasSelection(); }
    // The notes an edit of the selection applies to: those that start in its time and, for a
    // box, lie in its rows.
    const NoteRange &selection() const { return m_view.selection; }
    // Ctrl+click: the note at 'index' of the model joins the selection, or leaves it if it was
    // in it (a time range becomes the notes it held); the selection then spans its notes'
    // times and keys, and is cleared when none is left.
    void toggleNoteInSelection(int index);
    // Shift+Right (1) or Shift+Left (-1): the selection's moving end a bar (a second, without
    // bars) that way, from the bar line nearest the playhead when there is none.
    void extendSelection(int direction);

    // What hovering at pos (viewport coordinates) shows: over a note, its pitch, velocity, start,
    // end and length (and bar, in a piece with bars); over the keyboard or an empty row, the key's name; over the ruler, nothing.
    QString toolTipAt(QPointF pos) const;
    // The note drawn at pos (viewport coordinates), as an index into the model's notes; -1 where
    // there is none (the last one starting before pos is on top).
    int noteIndexAt(QPointF pos) const;

Q_SIGNALS:
    void seekRequested(double seconds);
    // Scrolled or zoomed: views aligned with the roll's time axis follow.
    void viewChanged();
    // Shift+drag over the notes or the ruler selected a time range, or a drag from an empty
    // place drew a box over some keys (selection() says which).
    void selectionChanged(double from, double to);
    // A key of the keyboard strip pressed with the mouse, and let go (or left for another key
    // while the button is held, which presses that one: a glissando).
    void keyPressed(int pitch);
    void keyReleased(int pitch);
    // Right-click (or the menu key) over the notes: noteIndex is the note there (noteIndexAt),
    // -1 over none; pitch and seconds the place (pitch -1 off the note area).
    void contextMenuRequested(int noteIndex, int pitch, double seconds, QPoint globalPos);
    // A double-click on an empty place among the notes: a note wanted there.
    void addNoteRequested(int pitch, double seconds);
    // A note dragged (notes movable): noteIndex as it was when pressed, by so many semitones and
    // seconds from where it was pressed (Resize: its end, grabbed within a few pixels, by so
    // many seconds); finished at the release (Esc: finished with no move). A press on a note
    // that does not move seeks there at the release.
    void noteDragged(int noteIndex, aichopin::PianoRollView::NoteDrag kind, int semitones, double seconds, bool finished);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    bool viewportEvent(QEvent *event) override;
    QSize sizeHint() const override { return {900, 480}; }

private:
    void updateScrollBars();
    void holdKey(int pitch);  // -1 lets go
    // Where a Shift+drag selection's edge at seconds goes: the nearest bar line in a piece with
    // bars (unless Ctrl is held), else seconds itself.
    double selectionEdge(double seconds, Qt::KeyboardModifiers modifiers) const;
    // The key and time at pos in the note area; false off it (the ruler, the keyboard).
    bool placeAt(QPointF pos, int *pitch, double *seconds) const;
    // A note drag: how far the pointer is from the press, in keys (up is positive) and seconds.
    int dragSemitones(QPointF pos) const;
    double dragSeconds(QPointF pos) const;
    void cancelNoteDrag();  // the note goes back (noteDragged with no move, finished)
    // Whether pos is on the end of note 'index' (a few pixels either side, on a note wide enough
    // to keep its middle for moving): a drag there changes its length.
    bool onNoteEnd(int index, QPointF pos) const;
    void syncFromScrollBars();
    double contentHeight() const;
    double noteAreaWidth() const;

    PianoRollModel *m_model;
    PianoRollRenderer m_renderer;
    PianoRollViewport m_view;
    bool m_follow = true;
    // Still as fitToPiece left it (no zoom or scroll since): a resize fits the piece again, so a
    // window made larger, a splitter moved, or a roll first shown (a piece given to it while hidden
    // was fitted to a size it never had) still shows the whole piece.
    bool m_fitted = false;
    bool m_fitting = false;
    double m_dragAnchor = -1.0;
    int m_heldKey = -1;  // the keyboard strip's key the mouse holds down
    bool m_notesMovable = false;
    // A press on a note (with notes movable): the note's index, where it was pressed, and
    // whether it has moved far enough to be a drag.
    int m_pressedNote = -1;
    NoteDrag m_pressedKind = NoteDrag::Move;
    QPointF m_pressedAt;
    bool m_draggingNote = false;
    // A press on an empty place of the note area (left button, no modifier): where, and
    // whether it has moved far enough to be drawing a box.
    std::optional<QPointF> m_boxFrom;
    bool m_boxing = false;
    double m_keyActiveEnd = -1;  // the selection's end Shift+arrows move
    void updateBox(QPointF to);
};

}  // namespace aichopin
