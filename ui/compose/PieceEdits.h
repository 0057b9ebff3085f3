#pragma once
// The Edit menu's changes of the piece on the roll: Cut, Copy, Paste and Duplicate (Ctrl+X, C,
// V, D) of the selection's notes, Select All (Ctrl+A, the whole piece's time),
// Delete Notes in Selection (Delete), Crop to Selection (Ctrl+Shift+X) and
// Transpose up or down a semitone (Ctrl+Up/Down) or an octave (Ctrl+Shift+Up/Down), and Louder or
// Softer (Alt+Up/Down, velocities times or divided by 1.2), for the selection's notes or, with
// nothing selected, the whole piece; Slow Down and Speed Up (Ctrl+[ and Ctrl+]) the whole piece
// by 10 %; and the roll's gestures: its right-click menu, which does
// these to one note (delete, move, louder, softer) or adds one, and offers the rest; a
// double-click that adds a note; dragging a note or its end. Each works out the edited
// piece and hands it over (edited) for the owner to make an undo step of; what cannot be done
// comes as a message. UI thread only.

#include "midi/NoteSequence.h"
#include "pianoroll/PianoRollView.h"

#include <QList>
#include <QObject>

#include <functional>
#include <optional>

class QAction;
class QMenu;

namespace aichopin {

class PianoRollModel;

class PieceEdits : public QObject {
    Q_OBJECT
public:
    // 'piece' gives the piece being edited (the roll's model may hold a draft).
    PieceEdits(PianoRollView *roll, PianoRollModel *model, std::function<const NoteSequence &()> piece, QObject *parent);

    QAction *selectAllAction() const { return m_selectAll; }  // the whole piece's time (Ctrl+A)
    QAction *deleteNotesAction() const { return m_delete; }
    QList<QAction *> transposeActions() const { return m_transpose; }  // +1, -1, +12, -12 semitones
    QAction *cropAction() const { return m_crop; }  // Crop to Selection (Ctrl+Shift+X)
    QList<QAction *> dynamicsActions() const { return {m_louder, m_softer}; }  // Alt+Up, Alt+Down
    QList<QAction *> nudgeActions() const { return {m_earlier, m_later}; }     // Alt+Left, Alt+Right
    QList<QAction *> tempoActions() const { return {m_slower, m_faster}; }     // Ctrl+[, Ctrl+]
    QList<QAction *> clipboardActions() const { return {m_cut, m_copy, m_paste, m_duplicate}; }  // Ctrl+X, C, V, D
    QList<QAction *> actions() const
    {
        return clipboardActions() + QList<QAction *>{m_selectAll, m_delete, m_crop} + m_transpose + nudgeActions() + dynamicsActions()
               + tempoActions();
    }
    // Enabled with something to edit (a selection for Delete, notes for Transpose and the
    // dynamics) unless busy.
    void updateEnabled(bool busy);

    // The roll's selection in words: "bars 2 to 3" where the piece has bars (a selection then
    // spans whole bars), else "0:10.0 to 0:15.0".
    static QString selectionText(const PianoRollView *roll, const PianoRollModel *model);

    void deleteSelectedNotes();
    // The selection's notes kept to paste (with their times from the selection's start, keys,
    // velocities and lengths; not the pedal), and for Cut taken out of the piece.
    void copySelection();
    void cutSelection();
    // The notes copied put in from the playhead (on the grid: the nearest sixteenth in a piece
    // with bars); they become the selection, to move or change at once.
    void paste();
    // The selection's notes copied to just after it (a selection of bars: from the next bar);
    // the copy becomes the selection, so pressing it again goes on repeating.
    void duplicateSelection();
    // The selection becomes the piece, starting at 0 (NoteSequence::excerpt).
    void cropToSelection();
    void transpose(int semitones);
    // The selection's notes a step earlier (-1) or later (+1): a sixteenth in a piece with bars,
    // else 0.05 s; never before 0. The selection goes with them.
    void nudge(int direction);

    enum class NoteEdit { Delete, SemitoneUp, SemitoneDown, OctaveUp, OctaveDown, Louder, Softer };
    // One note of the piece (found by its pitch, start and length): deleted, moved or made
    // louder or softer.
    void editNote(const Note &note, NoteEdit edit);
    // The roll's note drag (PianoRollView::noteDragged): the roll shows the note where it would
    // go, or as long as it would be (in a piece with bars its start or end on the nearest
    // sixteenth, else to the hundredth of a second), sounding each new key; at the end the move
    // is an edit. A note of the selection moved takes the selection's notes with it (none of
    // them before 0 or off the keys), and the selection follows them.
    void dragNote(int noteIndex, aichopin::PianoRollView::NoteDrag kind, int semitones, double seconds, bool finished);
    // Velocities drawn on the velocity lane (VelocityLane::velocitiesDrawn): one for each note
    // of the roll's model; shown while drawing, an edit when finished.
    void drawVelocities(const std::vector<int> &velocities, bool finished);
    // A note added at pitch and seconds: in a piece with bars a quarter note from the nearest
    // sixteenth, else half a second from there; as loud as the notes around it.
    void addNote(int pitch, double seconds);
    // The roll's right-click menu: for the note at noteIndex of the roll's model, what can be done
    // to it, or with none (-1) adding one at pitch and seconds (pitch -1: not offered), disabled
    // while busy; then the Edit menu's range edits.
    void fillMenu(QMenu *menu, int noteIndex, int pitch = -1, double seconds = -1);
    // The range edits (actions()), in groups: the Edit menu's and the roll menu's.
    void addActionsTo(QMenu *menu) const;
    // Velocities times 'factor' (1.2 louder, 1 / 1.2 softer), within 1..127.
    void scaleVelocities(double factor);
    // The whole piece 'factor' times as long (1.1: Slow Down, 1 / 1.1: Speed Up), its tempo
    // with it (NoteSequence::stretch): for good, unlike the transport's playback speed.
    void stretchPiece(double factor);

Q_SIGNALS:
    // nameSuffix: what the piece's name gets (", bars 5 to 12" for a crop), empty to keep it.
    void edited(const aichopin::NoteSequence &piece, const QString &label, const QString &nameSuffix);
    void message(const QString &text);
    // A note added or dragged to a new key (for the owner to sound it).
    void audition(int pitch, int velocity);

private:
    // What Transpose and the dynamics change: the selection, or with none the whole piece;
    // 'what' names it for messages and undo labels.
    struct Target {
        NoteRange range;
        QString what;
    };
    Target target() const;
    // A start at 'seconds' on the piece's grid: the nearest sixteenth in a piece with bars, else
    // the nearest hundredth of a second; never before 0.
    double snapped(double seconds) const;
    // The piece's note shown as 'note' (the same pitch, start and length), or notes.end() when
    // it has gone since (an undo meanwhile).
    static std::vector<Note>::iterator findNote(NoteSequence &piece, const Note &note);
    // Note n moved to its new start and pitch, its ticks following.
    static void placeNote(Note &n, const TempoMap &tempo, double start, int pitch);
    // Note n ending at 'end' on the grid (snapped), at least a step of it long.
    void setNoteEnd(Note &n, const TempoMap &tempo, double end) const;

    PianoRollView *m_roll;
    PianoRollModel *m_model;
    std::function<const NoteSequence &()> m_piece;
    QAction *m_cut = nullptr;
    QAction *m_copy = nullptr;
    QAction *m_paste = nullptr;
    QAction *m_duplicate = nullptr;
    // What Copy kept: notes from 0, the selection's length and keys.
    std::vector<Note> m_clipboard;
    NoteRange m_clipboardRange;
    // The selection's notes with their starts from its start (m_clipboard's form).
    std::vector<Note> selectedNotes() const;
    // The selection's notes kept in m_clipboard; false, with nothingMessage (%1: where), when it
    // holds none (what was copied before stays).
    bool keepSelectedNotes(const QString &nothingMessage);
    // Notes of that form put into 'piece' from 'at' (ticks following its tempo map); returns
    // the selection that holds them.
    static NoteRange insertNotes(NoteSequence &piece, const std::vector<Note> &notes, const NoteRange &source, double at);
    QAction *m_selectAll = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_crop = nullptr;
    QList<QAction *> m_transpose;
    QAction *m_earlier = nullptr;
    QAction *m_later = nullptr;
    QAction *m_louder = nullptr;
    QAction *m_softer = nullptr;
    QAction *m_slower = nullptr;
    QAction *m_faster = nullptr;
    bool m_busy = false;
    // The note being dragged, as it was, and the key it sounds at now; with a selection that
    // holds it (and another), the selection whose notes move with it.
    std::optional<Note> m_dragged;
    int m_draggedPitch = -1;
    std::optional<NoteRange> m_dragGroup;
    // dragNote for the selection's notes: each moved as far as the pressed note.
    void dragSelection(int semitones, double seconds, bool finished);
};

}  // namespace aichopin
