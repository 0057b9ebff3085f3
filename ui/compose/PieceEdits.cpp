#include "compose/PieceEdits.h"

#include "common/Numbers.h"
#include "compose/TransportBar.h"
#include "pianoroll/PianoRollModel.h"
#include "pianoroll/PianoRollView.h"

#include <QAction>
#include <QMenu>

#include <algorithm>
#include <cmath>

namespace aichopin {

namespace {
constexpr double kLouder = 1.2;  // about one dynamic level (mf to f) per step
constexpr double kSlower = 1.1;  // the piece's length per Slow Down
}

PieceEdits::PieceEdits(PianoRollView *roll, PianoRollModel *model, std::function<const NoteSequence &()> piece, QObject *parent)
    : QObject(parent), m_roll(roll), m_model(model), m_piece(std::move(piece))
{
    m_cut = new QAction(tr("Cu&t"), this);
    m_cut->setShortcut(QKeySequence::Cut);
    m_cut->setStatusTip(tr("Take the selection's notes out of the piece, to paste them elsewhere"));
    connect(m_cut, &QAction::triggered, this, &PieceEdits::cutSelection);
    m_copy = new QAction(tr("Cop&y"), this);
    m_copy->setShortcut(QKeySequence::Copy);
    m_copy->setStatusTip(tr("Keep the selection's notes, to paste them elsewhere"));
    connect(m_copy, &QAction::triggered, this, &PieceEdits::copySelection);
    m_paste = new QAction(tr("&Paste"), this);
    m_paste->setShortcut(QKeySequence::Paste);
    m_paste->setStatusTip(tr("Put the notes copied into the piece from the playhead (click where they should start)"));
    connect(m_paste, &QAction::triggered, this, &PieceEdits::paste);
    m_duplicate = new QAction(tr("Dupl&icate"), this);
    m_duplicate->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_duplicate->setStatusTip(tr("Repeat the selection's notes just after it (a selection of bars: from the next bar)"));
    connect(m_duplicate, &QAction::triggered, this, &PieceEdits::duplicateSelection);
    m_selectAll = new QAction(tr("Select &All"), this);
    m_selectAll->setShortcut(QKeySequence::SelectAll);
    m_selectAll->setStatusTip(tr("Select the whole piece's time, to loop, rewrite or edit all of it"));
    connect(m_selectAll, &QAction::triggered, this, [this] {
        const double end = m_piece().duration();
        if (end > 0)
            m_roll->setSelection(0.0, end);
    });
    m_delete = new QAction(tr("&Delete Notes in Selection"), this);
    m_delete->setShortcut(QKeySequence::Delete);
    m_delete->setStatusTip(tr("Remove the selection's notes: those that start in its time (and, for a box, lie in its keys)"));
    connect(m_delete, &QAction::triggered, this, &PieceEdits::deleteSelectedNotes);
    m_crop = new QAction(tr("&Crop to Selection"), this);
    m_crop->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X));
    m_crop->setStatusTip(tr("Keep only the selected time range, as a piece of its own (to export or continue it)"));
    connect(m_crop, &QAction::triggered, this, &PieceEdits::cropToSelection);
    const struct {
        QString text;
        QKeySequence key;
        int semitones;
    } transpositions[] = {{tr("Transpose Up a &Semitone"), QKeySequence(Qt::CTRL | Qt::Key_Up), 1},
                          {tr("Transpose Down a S&emitone"), QKeySequence(Qt::CTRL | Qt::Key_Down), -1},
                          {tr("Transpose Up an &Octave"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Up), 12},
                          {tr("Transpose Down an Octa&ve"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Down), -12}};
    for (const auto &t : transpositions) {
        auto *action = new QAction(t.text, this);
        action->setShortcut(t.key);
        action->setStatusTip(tr("Move the selection's notes, or the whole piece's with no selection"));
        connect(action, &QAction::triggered, this, [this, semitones = t.semitones] { transpose(semitones); });
        m_transpose << action;
    }
    const auto action = [this](const QString &text, const QKeySequence &key, const QString &tip, auto run) {
        auto *a = new QAction(text, this);
        a->setShortcut(key);
        a->setStatusTip(tip);
        connect(a, &QAction::triggered, this, run);
        return a;
    };
    m_earlier = action(tr("&Move Notes Earlier"), QKeySequence(Qt::ALT | Qt::Key_Left),
                       tr("Move the selection's notes a step earlier (a sixteenth in a piece with bars, else 0.05 s)"), [this] { nudge(-1); });
    m_later = action(tr("Move &Notes Later"), QKeySequence(Qt::ALT | Qt::Key_Right),
                     tr("Move the selection's notes a step later (a sixteenth in a piece with bars, else 0.05 s)"), [this] { nudge(1); });
    m_louder = action(tr("&Louder"), QKeySequence(Qt::ALT | Qt::Key_Up),
                      tr("Play the selection's notes, or the whole piece's with no selection, louder (velocities times 1.2)"),
                      [this] { scaleVelocities(kLouder); });
    m_softer = action(tr("So&fter"), QKeySequence(Qt::ALT | Qt::Key_Down),
                      tr("Play the selection's notes, or the whole piece's with no selection, softer (velocities divided by 1.2)"),
                      [this] { scaleVelocities(1.0 / kLouder); });
    m_slower = action(tr("Slo&w Down the Piece"), QKeySequence(Qt::CTRL | Qt::Key_BracketLeft),
                      tr("Make the whole piece 10% slower for good, its tempo with it (the transport's Speed only changes playback)"),
                      [this] { stretchPiece(kSlower); });
    m_faster = action(tr("Speed Up t&he Piece"), QKeySequence(Qt::CTRL | Qt::Key_BracketRight),
                      tr("Make the whole piece 10% faster for good, its tempo with it (the transport's Speed only changes playback)"),
                      [this] { stretchPiece(1.0 / kSlower); });

    // The roll's own gestures: right-click for what can be done to the note there (or adding
    // one) and the range edits; double-click an empty place to add a note; drag a note or its end.
    connect(m_roll, &PianoRollView::contextMenuRequested, this, [this](int noteIndex, int pitch, double seconds, QPoint globalPos) {
        QMenu menu(m_roll);
        menu.setObjectName(QStringLiteral("rollMenu"));
        fillMenu(&menu, noteIndex, pitch, seconds);
        menu.exec(globalPos);
    });
    connect(m_roll, &PianoRollView::addNoteRequested, this, &PieceEdits::addNote);
    connect(m_roll, &PianoRollView::noteDragged, this, &PieceEdits::dragNote);
}

void PieceEdits::updateEnabled(bool busy)
{
    m_busy = busy;
    m_roll->setNotesMovable(!busy);
    m_selectAll->setEnabled(!busy && !m_piece().notes.empty());
    m_delete->setEnabled(!busy && m_roll->hasSelection());
    for (QAction *a : {m_cut, m_copy, m_duplicate, m_earlier, m_later})
        a->setEnabled(!busy && m_roll->hasSelection());
    m_paste->setEnabled(!busy && !m_clipboard.empty());
    m_crop->setEnabled(!busy && m_roll->hasSelection());
    for (QAction *a : m_transpose + dynamicsActions() + tempoActions())
        a->setEnabled(!busy && !m_piece().notes.empty());
}

QString PieceEdits::selectionText(const PianoRollView *roll, const PianoRollModel *model)
{
    const NoteRange &range = roll->selection();
    const double from = range.from, to = range.to;
    const int firstBar = model->barAt(from), lastBar = model->barAt(std::max(from, to - 1e-6));
    const QString time = firstBar > 0 ? tr("bars %1 to %2").arg(firstBar).arg(lastBar)
                                      : tr("%1 to %2").arg(TransportBar::clock(from), TransportBar::clock(to));
    if (range.allKeys())
        return time;
    // A box: its keys too.
    return range.lowPitch == range.highPitch ? tr("%1 (%2 only)").arg(time, pitchName(range.lowPitch))
                                             : tr("%1 (%2 to %3)").arg(time, pitchName(range.lowPitch), pitchName(range.highPitch));
}

void PieceEdits::deleteSelectedNotes()
{
    if (!m_delete->isEnabled())
        return;
    NoteSequence changed = m_piece();
    const int removed = changed.removeNotesIn(m_roll->selection());
    const QString where = selectionText(m_roll, m_model);
    if (removed == 0)
        Q_EMIT message(tr("No notes start in %1: nothing to delete.").arg(where));
    else
        Q_EMIT edited(changed, tr("Deleted %n note(s) in %1", nullptr, removed).arg(where), {});
}

std::vector<Note> PieceEdits::selectedNotes() const
{
    const NoteRange &range = m_roll->selection();
    std::vector<Note> notes;
    for (Note n : m_piece().notes)
        if (range.holds(n)) {
            n.start -= range.from;
            notes.push_back(n);
        }
    return notes;
}

NoteRange PieceEdits::insertNotes(NoteSequence &piece, const std::vector<Note> &notes, const NoteRange &source, double at)
{
    NoteRange inserted(at, at + (source.to - source.from), source.lowPitch, source.highPitch);
    for (Note n : notes) {
        n.start += at;
        n.startTick = piece.tempoMap.tickAt(n.start);
        n.durationTicks = std::max<qint64>(1, piece.tempoMap.tickAt(n.end()) - n.startTick);
        inserted.to = std::max(inserted.to, std::nextafter(n.start, n.start + 1.0));
        piece.notes.push_back(n);
        inserted.only.push_back(n);
    }
    piece.sortNotes();
    return inserted;
}

bool PieceEdits::keepSelectedNotes(const QString &nothingMessage)
{
    std::vector<Note> notes = selectedNotes();
    if (notes.empty()) {
        Q_EMIT message(nothingMessage.arg(selectionText(m_roll, m_model)));
        return false;
    }
    m_clipboard = std::move(notes);
    m_clipboardRange = m_roll->selection();
    m_paste->setEnabled(!m_busy);
    return true;
}

void PieceEdits::copySelection()
{
    if (m_copy->isEnabled() && keepSelectedNotes(tr("No notes start in %1: nothing to copy.")))
        Q_EMIT message(tr("Copied %n note(s) of %1: click where they should go and paste them (Ctrl+V).", nullptr, int(m_clipboard.size()))
                           .arg(selectionText(m_roll, m_model)));
}

void PieceEdits::cutSelection()
{
    if (!m_cut->isEnabled() || !keepSelectedNotes(tr("No notes start in %1: nothing to cut.")))
        return;
    const QString where = selectionText(m_roll, m_model);
    const int count = int(m_clipboard.size());
    NoteSequence changed = m_piece();
    changed.removeNotesIn(m_clipboardRange);
    Q_EMIT edited(changed, tr("Cut %n note(s) of %1", nullptr, count).arg(where), {});
}

void PieceEdits::paste()
{
    if (!m_paste->isEnabled() || m_clipboard.empty())
        return;
    const double at = snapped(std::max(0.0, m_roll->playhead()));
    NoteSequence changed = m_piece();
    const NoteRange pasted = insertNotes(changed, m_clipboard, m_clipboardRange, at);
    const int bar = m_model->barAt(at);
    const QString where = bar > 0 ? tr("bar %1").arg(bar) : TransportBar::clock(at);
    Q_EMIT edited(changed, tr("Pasted %n note(s) at %1", nullptr, int(m_clipboard.size())).arg(where), {});
    m_roll->setSelection(pasted);
}

void PieceEdits::duplicateSelection()
{
    if (!m_duplicate->isEnabled())
        return;
    const QString where = selectionText(m_roll, m_model);
    const std::vector<Note> notes = selectedNotes();
    if (notes.empty()) {
        Q_EMIT message(tr("No notes start in %1: nothing to duplicate.").arg(where));
        return;
    }
    const NoteRange source = m_roll->selection();
    NoteSequence changed = m_piece();
    const NoteRange copy = insertNotes(changed, notes, source, source.to);
    Q_EMIT edited(changed, tr("Duplicated %1", nullptr).arg(where), {});
    m_roll->setSelection(copy);
}

void PieceEdits::cropToSelection()
{
    if (!m_crop->isEnabled())
        return;
    const QString where = selectionText(m_roll, m_model);
    const NoteSequence excerpt = m_piece().excerpt(m_roll->selection());
    if (excerpt.notes.empty()) {
        Q_EMIT message(tr("No notes start in %1: nothing to keep.").arg(where));
        return;
    }
    Q_EMIT edited(excerpt, tr("Cropped to %1").arg(where), tr(", %1").arg(where));
    m_roll->setSelection(-1, -1);  // the selection is the whole piece now
}

PieceEdits::Target PieceEdits::target() const
{
    if (m_roll->hasSelection())
        return {m_roll->selection(), selectionText(m_roll, m_model)};
    return {NoteRange(-1.0, m_piece().duration() + 1.0), tr("the piece")};
}

void PieceEdits::transpose(int semitones)
{
    if (m_transpose.isEmpty() || !m_transpose.first()->isEnabled() || semitones == 0)
        return;
    NoteSequence changed = m_piece();
    const Target t = target();
    const QString &what = t.what;
    if (changed.countNotesIn(t.range) == 0) {
        Q_EMIT message(tr("No notes start in %1: nothing to transpose.").arg(what));
        return;
    }
    if (!changed.transposeNotesIn(t.range, semitones)) {
        Q_EMIT message(tr("Cannot transpose %1 so far: a note would leave the MIDI range (C-1 to G9).").arg(what));
        return;
    }
    QString label;
    switch (semitones) {
    case 1: label = tr("Transposed %1 up a semitone").arg(what); break;
    case -1: label = tr("Transposed %1 down a semitone").arg(what); break;
    case 12: label = tr("Transposed %1 up an octave").arg(what); break;
    case -12: label = tr("Transposed %1 down an octave").arg(what); break;
    default: label = tr("Transposed %1 by %2 semitones").arg(what).arg(semitones); break;
    }
    Q_EMIT edited(changed, label, {});
    if (m_roll->hasSelection() && !t.range.allPitches())
        m_roll->setSelection(t.range.moved(0.0, semitones));  // a box follows its notes, to move them again
}

void PieceEdits::nudge(int direction)
{
    if (!m_later->isEnabled() || direction == 0)
        return;
    const QString what = selectionText(m_roll, m_model);
    NoteSequence changed = m_piece();
    // These notes, wherever they go (a time range would take in others as it moves).
    const NoteRange held = changed.pinned(m_roll->selection());
    if (held.only.empty()) {
        Q_EMIT message(tr("No notes start in %1: nothing to move.").arg(what));
        return;
    }
    const Note &first = held.only.front();
    const TempoMap &tempo = changed.tempoMap;
    double delta = direction * 0.05;
    if (!m_model->barStarts().empty()) {
        const qint64 sixteenth = std::max(1, tempo.ticksPerQuarter() / 4);
        delta = tempo.secondsAt(std::max<qint64>(0, tempo.tickAt(first.start) + direction * sixteenth)) - first.start;
    }
    delta = std::max(delta, -first.start);
    if (delta == 0.0) {
        Q_EMIT message(tr("The notes of %1 start at the beginning: they cannot move earlier.").arg(what));
        return;
    }
    for (Note &n : changed.notes)
        if (held.holds(n))
            placeNote(n, tempo, n.start + delta, n.pitch);
    changed.sortNotes();
    Q_EMIT edited(changed, direction < 0 ? tr("Moved %1 earlier").arg(what) : tr("Moved %1 later").arg(what), {});
    m_roll->setSelection(held.moved(delta, 0));
}

void PieceEdits::scaleVelocities(double factor)
{
    if (!m_louder->isEnabled() || factor <= 0 || factor == 1.0)
        return;
    NoteSequence changed = m_piece();
    const Target t = target();
    const QString &what = t.what;
    const bool louder = factor > 1.0;
    if (changed.countNotesIn(t.range) == 0) {
        Q_EMIT message(louder ? tr("No notes start in %1: nothing to make louder.").arg(what)
                              : tr("No notes start in %1: nothing to make softer.").arg(what));
        return;
    }
    if (changed.scaleVelocitiesIn(t.range, factor) == 0) {
        Q_EMIT message(louder ? tr("The notes of %1 are as loud as MIDI goes (velocity 127).").arg(what)
                              : tr("The notes of %1 are as soft as MIDI goes (velocity 1).").arg(what));
        return;
    }
    Q_EMIT edited(changed, louder ? tr("Made %1 louder").arg(what) : tr("Made %1 softer").arg(what), {});
}

void PieceEdits::stretchPiece(double factor)
{
    if (!m_slower->isEnabled())
        return;
    NoteSequence changed = m_piece();
    const bool slower = factor > 1.0;
    if (!changed.stretch(factor)) {
        Q_EMIT message(slower ? tr("The piece cannot be slower: its tempo would leave MIDI's range.")
                              : tr("The piece cannot be faster: its tempo would leave MIDI's range."));
        return;
    }
    const QString length = TransportBar::clock(changed.duration());
    Q_EMIT edited(changed, slower ? tr("Slowed the piece down (now %1 long)").arg(length) : tr("Sped the piece up (now %1 long)").arg(length), {});
}

std::vector<Note>::iterator PieceEdits::findNote(NoteSequence &piece, const Note &note)
{
    return std::find_if(piece.notes.begin(), piece.notes.end(), [&](const Note &n) { return sameNote(n, note); });
}

void PieceEdits::editNote(const Note &note, NoteEdit edit)
{
    if (m_busy)
        return;
    NoteSequence changed = m_piece();
    const auto it = findNote(changed, note);
    if (it == changed.notes.end()) {
        Q_EMIT message(tr("That note is not in the piece any more."));
        return;
    }
    const QString what = tr("%1 at %2").arg(pitchName(note.pitch), TransportBar::clock(note.start));
    const auto move = [&](int semitones, const QString &label) {
        if (it->pitch + semitones < 0 || it->pitch + semitones > 127) {
            Q_EMIT message(tr("Cannot move %1 so far: it would leave the MIDI range (C-1 to G9).").arg(what));
            return;
        }
        it->pitch += semitones;
        changed.sortNotes();
        Q_EMIT edited(changed, label, {});
    };
    const auto scale = [&](double factor, const QString &label, const QString &atEnd) {
        const int v = scaledVelocity(it->velocity, factor);
        if (v == it->velocity) {
            Q_EMIT message(atEnd);
            return;
        }
        it->velocity = v;
        Q_EMIT edited(changed, label, {});
    };
    switch (edit) {
    case NoteEdit::Delete:
        changed.notes.erase(it);
        Q_EMIT edited(changed, tr("Deleted %1").arg(what), {});
        break;
    case NoteEdit::SemitoneUp: move(1, tr("Moved %1 up a semitone").arg(what)); break;
    case NoteEdit::SemitoneDown: move(-1, tr("Moved %1 down a semitone").arg(what)); break;
    case NoteEdit::OctaveUp: move(12, tr("Moved %1 up an octave").arg(what)); break;
    case NoteEdit::OctaveDown: move(-12, tr("Moved %1 down an octave").arg(what)); break;
    case NoteEdit::Louder:
        scale(kLouder, tr("Made %1 louder").arg(what), tr("%1 is as loud as MIDI goes (velocity 127).").arg(what));
        break;
    case NoteEdit::Softer:
        scale(1.0 / kLouder, tr("Made %1 softer").arg(what), tr("%1 is as soft as MIDI goes (velocity 1).").arg(what));
        break;
    }
}

double PieceEdits::snapped(double seconds) const
{
    const TempoMap &tempo = m_piece().tempoMap;
    seconds = std::max(0.0, seconds);
    if (m_model->barStarts().empty())
        return std::round(seconds * 100.0) / 100.0;
    const qint64 sixteenth = std::max(1, tempo.ticksPerQuarter() / 4);
    return tempo.secondsAt(std::llround(double(tempo.tickAt(seconds)) / double(sixteenth)) * sixteenth);
}

void PieceEdits::placeNote(Note &n, const TempoMap &tempo, double start, int pitch)
{
    const double end = start + n.duration;
    n.pitch = pitch;
    n.start = start;
    n.startTick = tempo.tickAt(start);
    n.durationTicks = std::max<qint64>(1, tempo.tickAt(end) - n.startTick);
}

void PieceEdits::setNoteEnd(Note &n, const TempoMap &tempo, double end) const
{
    // On the grid, and at least its step long: a sixteenth in a piece with bars, else 0.05 s.
    const bool bars = !m_model->barStarts().empty();
    const double shortest = bars ? tempo.secondsAt(n.startTick + std::max(1, tempo.ticksPerQuarter() / 4)) - n.start : 0.05;
    end = std::max(snapped(end), n.start + shortest);
    n.duration = end - n.start;
    n.durationTicks = std::max<qint64>(1, tempo.tickAt(end) - n.startTick);
}

void PieceEdits::dragNote(int noteIndex, PianoRollView::NoteDrag kind, int semitones, double seconds, bool finished)
{
    if (m_busy) {
        // Composing or recording began mid-drag: the roll shows that now; the drag is dropped.
        m_dragged.reset();
        return;
    }
    if (!m_dragged) {
        const std::vector<Note> &shown = m_model->sequence().notes;
        if (noteIndex < 0 || size_t(noteIndex) >= shown.size())
            return;
        m_dragged = shown[size_t(noteIndex)];
        m_draggedPitch = m_dragged->pitch;
        // A note of the selection, moved, takes the selection's other notes with it.
        const NoteRange &selection = m_roll->selection();
        m_dragGroup.reset();
        if (kind == PianoRollView::NoteDrag::Move && m_roll->hasSelection() && selection.holds(*m_dragged)
            && m_piece().countNotesIn(selection) > 1)
            m_dragGroup = m_piece().pinned(selection);  // these notes, not others it takes in as it moves
    }
    if (m_dragGroup) {
        dragSelection(semitones, seconds, finished);
        return;
    }
    const Note from = *m_dragged;
    NoteSequence changed = m_piece();
    const auto it = findNote(changed, from);
    if (it == changed.notes.end()) {
        m_dragged.reset();
        m_model->replaceSequence(m_piece());
        return;
    }
    const bool resize = kind == PianoRollView::NoteDrag::Resize;
    const int pitch = resize ? from.pitch : std::clamp(from.pitch + semitones, 0, 127);
    if (resize)
        setNoteEnd(*it, changed.tempoMap, from.end() + seconds);
    else
        placeNote(*it, changed.tempoMap, snapped(from.start + seconds), pitch);
    const Note to = *it;
    changed.sortNotes();
    if (!finished) {
        m_model->replaceSequence(changed);  // shown where it would go
        if (pitch != m_draggedPitch) {
            m_draggedPitch = pitch;
            Q_EMIT audition(pitch, to.velocity);
        }
        return;
    }
    m_dragged.reset();
    if (to.pitch == from.pitch && to.start == from.start && to.duration == from.duration) {
        m_model->replaceSequence(m_piece());  // back where it was: no edit
        return;
    }
    const QString what = tr("%1 at %2").arg(pitchName(from.pitch), TransportBar::clock(from.start));
    if (resize) {
        Q_EMIT edited(changed, tr("Set the length of %1 to %2 s").arg(what, decimal(to.duration, 2)), {});
        return;
    }
    Q_EMIT edited(changed, tr("Moved %1 to %2").arg(what, tr("%1 at %2").arg(pitchName(to.pitch), TransportBar::clock(to.start))), {});
}

void PieceEdits::dragSelection(int semitones, double seconds, bool finished)
{
    const Note from = *m_dragged;
    const NoteRange range = *m_dragGroup;  // as when the drag began
    NoteSequence changed = m_piece();
    // As far as the pressed note goes onto the grid, but no note before 0 or off the keys.
    double earliest = changed.duration();
    int lowest = 127, highest = 0, count = 0;
    for (const Note &n : changed.notes)
        if (range.holds(n)) {
            earliest = std::min(earliest, n.start);
            lowest = std::min(lowest, n.pitch);
            highest = std::max(highest, n.pitch);
            ++count;
        }
    const double delta = std::max(snapped(from.start + seconds) - from.start, -earliest);
    const int shift = std::clamp(semitones, -lowest, 127 - highest);
    for (Note &n : changed.notes)
        if (range.holds(n))
            placeNote(n, changed.tempoMap, n.start + delta, n.pitch + shift);
    changed.sortNotes();
    // The selection goes with its notes (to move them again), or back with them.
    m_roll->setSelection(range.moved(delta, shift));
    if (!finished) {
        m_model->replaceSequence(changed);  // shown where they would go
        if (from.pitch + shift != m_draggedPitch) {
            m_draggedPitch = from.pitch + shift;
            Q_EMIT audition(m_draggedPitch, from.velocity);
        }
        return;
    }
    m_dragged.reset();
    m_dragGroup.reset();
    if (delta == 0.0 && shift == 0) {
        m_model->replaceSequence(m_piece());  // back where they were: no edit
        return;
    }
    m_roll->setSelection(range);  // as it was for the undo step, and to name it
    Q_EMIT edited(changed, tr("Moved the %n note(s) of %1", nullptr, count).arg(selectionText(m_roll, m_model)), {});
    m_roll->setSelection(range.moved(delta, shift));
}

void PieceEdits::drawVelocities(const std::vector<int> &velocities, bool finished)
{
    NoteSequence changed = m_piece();
    if (m_busy || velocities.size() != changed.notes.size())
        return;  // composing or recording began meanwhile: the roll shows that
    int count = 0;
    for (size_t i = 0; i < velocities.size(); ++i) {
        const int v = std::clamp(velocities[i], 1, 127);
        if (changed.notes[i].velocity != v) {
            changed.notes[i].velocity = v;
            ++count;
        }
    }
    if (!finished) {
        m_model->replaceSequence(changed);  // seen as drawn, the piece unchanged until the release
        return;
    }
    if (count == 0) {
        m_model->replaceSequence(m_piece());
        return;
    }
    Q_EMIT edited(changed, tr("Drew the velocities of %n note(s)", nullptr, count), {});
}

void PieceEdits::addNote(int pitch, double seconds)
{
    if (m_busy || pitch < 0 || pitch > 127 || seconds < 0)
        return;
    NoteSequence changed = m_piece();
    Note n;
    n.pitch = pitch;
    const TempoMap &tempo = changed.tempoMap;
    n.start = snapped(seconds);
    n.startTick = tempo.tickAt(n.start);
    if (!m_model->barStarts().empty()) {
        // On the beat grid: a quarter note long.
        n.durationTicks = tempo.ticksPerQuarter();
        n.duration = tempo.secondsAt(n.startTick + n.durationTicks) - n.start;
    } else {
        n.duration = 0.5;
        n.durationTicks = tempo.tickAt(n.end()) - n.startTick;
    }
    // As loud as the notes within two seconds (their mean), on the track and channel of the
    // nearest one; 80 in an empty stretch.
    int sum = 0, count = 0;
    const Note *nearest = nullptr;
    for (const Note &o : changed.notes) {
        if (std::abs(o.start - n.start) <= 2.0) {
            sum += o.velocity;
            ++count;
        }
        if (!nearest || std::abs(o.start - n.start) < std::abs(nearest->start - n.start))
            nearest = &o;
    }
    n.velocity = count > 0 ? std::clamp(int(std::lround(double(sum) / count)), 1, 127) : 80;
    if (nearest) {
        n.track = nearest->track;
        n.channel = nearest->channel;
    }
    const QString what = tr("%1 at %2").arg(pitchName(pitch), TransportBar::clock(n.start));
    changed.notes.push_back(n);
    changed.sortNotes();
    Q_EMIT edited(changed, tr("Added %1").arg(what), {});
    Q_EMIT audition(n.pitch, n.velocity);
}

void PieceEdits::fillMenu(QMenu *menu, int noteIndex, int pitch, double seconds)
{
    const std::vector<Note> &shown = m_model->sequence().notes;
    if ((noteIndex < 0 || size_t(noteIndex) >= shown.size()) && pitch >= 0 && seconds >= 0) {
        QAction *add = menu->addAction(tr("Add a &Note Here (%1 at %2)").arg(pitchName(pitch), TransportBar::clock(seconds)), this,
                                       [this, pitch, seconds] { addNote(pitch, seconds); });
        add->setEnabled(!m_busy);
        menu->addSeparator();
    }
    if (noteIndex >= 0 && size_t(noteIndex) < shown.size()) {
        const Note note = shown[size_t(noteIndex)];
        QAction *title = menu->addAction(tr("%1, velocity %2, at %3").arg(pitchName(note.pitch)).arg(note.velocity).arg(TransportBar::clock(note.start)));
        title->setEnabled(false);
        const struct {
            QString text;
            NoteEdit edit;
        } items[] = {{tr("Delete This &Note"), NoteEdit::Delete},
                     {tr("This Note &Up a Semitone"), NoteEdit::SemitoneUp},
                     {tr("This Note Do&wn a Semitone"), NoteEdit::SemitoneDown},
                     {tr("This Note U&p an Octave"), NoteEdit::OctaveUp},
                     {tr("This Note Down an Octa&ve"), NoteEdit::OctaveDown},
                     {tr("This Note Loude&r"), NoteEdit::Louder},
                     {tr("T&his Note Softer"), NoteEdit::Softer}};
        for (const auto &item : items) {
            QAction *a = menu->addAction(item.text, this, [this, note, edit = item.edit] { editNote(note, edit); });
            a->setEnabled(!m_busy);
        }
        menu->addSeparator();
    }
    addActionsTo(menu);
}

void PieceEdits::addActionsTo(QMenu *menu) const
{
    menu->addActions(clipboardActions());
    menu->addSeparator();
    menu->addActions({m_selectAll, m_delete, m_crop});
    menu->addSeparator();
    menu->addActions(m_transpose);
    menu->addActions(nudgeActions());
    menu->addSeparator();
    menu->addActions(dynamicsActions());
    menu->addSeparator();
    menu->addActions(tempoActions());
}

}  // namespace aichopin
