#pragma once
// The notes a piano roll shows. Lives on the UI thread; notes may be appended while a piece is
// still being written (streaming generation), so views listen to notesAppended as well as reset.

#include "midi/NoteSequence.h"

#include <QObject>

namespace aichopin {

class PianoRollModel : public QObject {
    Q_OBJECT
public:
    explicit PianoRollModel(QObject *parent = nullptr);

    const NoteSequence &sequence() const { return m_sequence; }
    void setSequence(NoteSequence sequence);
    void clear();
    // Replaces the notes without resetting the view (a finished composition replacing its
    // streamed draft); views repaint as for appended notes.
    void replaceSequence(NoteSequence sequence);
    // Appends notes whose starts are not earlier than the last note's start (generation order).
    void appendNotes(const std::vector<Note> &notes);

    double duration() const { return m_duration; }
    // Indices [first, last) of notes that may overlap [from, to] seconds. Notes are sorted by
    // start, so the search is a binary search bounded by the longest note.
    std::pair<size_t, size_t> notesIn(double from, double to) const;

    // Where the bars start, in seconds, for a piece with a metre (a MIDI file's time signatures,
    // through its tempo map): one past the end of the music. Empty for a piece without one (a
    // composition: performance timing, no bars), whose roll counts seconds.
    const std::vector<double> &barStarts() const { return m_bars; }
    // The bar (1 = the first) holding a time, 0 when there are no bars.
    int barAt(double seconds) const;

Q_SIGNALS:
    void reset();
    void notesAppended(size_t firstNewIndex);

private:
    NoteSequence m_sequence;
    double m_duration = 0.0;
    double m_longest = 0.0;
    std::vector<double> m_bars;

    void updateBars();
};

}  // namespace aichopin
