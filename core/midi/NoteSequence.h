#pragma once
// A piece as the app sees it: notes, pedal, tempo and metadata, with times in seconds.
// A plain value type; copy it between threads freely.

#include "midi/Note.h"
#include "midi/TempoMap.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace aichopin {

// The notes an edit applies to: those that start in [from, to) with a pitch from lowPitch to
// highPitch (all 128 keys unless narrowed: a box drawn over the roll) and, when 'only' is not
// empty, that are one of those notes (the same pitch, start and length: the notes a box took in
// when it was drawn, wherever they have been moved since).
struct NoteRange {
    double from = 0.0;
    double to = 0.0;
    int lowPitch = 0;
    int highPitch = 127;
    std::vector<Note> only;  // sorted by start (sortNotes' order)

    NoteRange() = default;
    NoteRange(double from_, double to_, int low = 0, int high = 127) : from(from_), to(to_), lowPitch(low), highPitch(high) {}
    bool holds(const Note &n) const;
    // Every note that starts in the time (no keys left out, no 'only').
    bool allPitches() const { return allKeys() && only.empty(); }
    bool allKeys() const { return lowPitch <= 0 && highPitch >= 127; }
    // Moved by 'seconds' and 'semitones', as its notes are by an edit (a box's keys with them).
    NoteRange moved(double seconds, int semitones) const;
};

class NoteSequence {
public:
    std::vector<Note> notes;          // sorted by start, then pitch (see sortNotes)
    std::vector<PedalEvent> pedals;   // sorted by time
    std::vector<TimeSignature> timeSignatures;
    TempoMap tempoMap;
    QStringList texts;                // text and marker events, in file order
    QString title;                    // track name of the first track, if any
    int trackCount = 1;

    // End of the last note (or pedal release), in seconds.
    double duration() const;
    int lowestPitch() const;   // -1 when empty
    int highestPitch() const;  // -1 when empty
    // Longest single note, for range queries over notes sorted by start.
    double longestNote() const;

    void sortNotes();
    // Extends each note while the sustain pedal of its channel holds it (a note sounding when
    // the pedal goes up ends there; a re-struck pitch ends the earlier one).
    void applySustainPedal();
    // Recomputes every tick field from the seconds fields through tempoMap.
    void syncTicksFromSeconds();

    // The part before 'time': the notes that start before it, cut there, and the pedal events
    // before it, with this piece's tempo map and time signatures. What a continuation from 'time'
    // is primed with.
    NoteSequence before(double time) const;
    // This piece with the range [from, to) written again from 'continuation', a piece that
    // continues before(from) (its notes before 'from' are ignored): this piece's part before
    // 'from', the continuation's notes that start in the range (cut at 'to'), and this piece's
    // notes from 'to' on. Pedalling: the continuation's before 'to' (its primer's, with the
    // release it adds where the primer ends), then at 'to' back to this piece's state there,
    // and this piece's from 'to' on. Texts are the continuation's; ticks follow the tempo map.
    // Requires from <= to.
    NoteSequence withRangeRewritten(double from, double to, const NoteSequence &continuation) const;

    // The range [from, to) as a piece of its own, starting at 0: the notes it holds (cut at
    // 'to'), the pedal as it was at
    // 'from' and its changes in the range (released at the end), and the tempo and metre from
    // 'from' on, so its bars count from 1 where a bar started at 'from'. Texts and title stay.
    // Requires from <= to.
    NoteSequence excerpt(const NoteRange &range) const;
    NoteSequence excerpt(double from, double to) const { return excerpt(NoteRange(from, to)); }
    // The range holding just the notes it holds now ('only' set to them; a range with 'only'
    // as it is): moved with its notes by an edit, it holds them, not others its time and keys
    // then take in.
    NoteRange pinned(const NoteRange &range) const;
    // How many notes the range holds.
    int countNotesIn(const NoteRange &range) const;
    int countNotesIn(double from, double to) const { return countNotesIn(NoteRange(from, to)); }
    // Removes the notes the range holds (the time stays, silent); returns how many.
    int removeNotesIn(const NoteRange &range);
    int removeNotesIn(double from, double to) { return removeNotesIn(NoteRange(from, to)); }
    // Moves the notes the range holds by 'semitones' (the notes stay sorted). Nothing moves,
    // and it returns false, when one of them would leave the MIDI range 0..127.
    bool transposeNotesIn(const NoteRange &range, int semitones);
    bool transposeNotesIn(double from, double to, int semitones) { return transposeNotesIn(NoteRange(from, to), semitones); }
    // Multiplies the velocities of the notes the range holds by 'factor', rounded and kept
    // within 1..127 (so a crescendo keeps its shape until it reaches an end); returns how many
    // notes changed.
    int scaleVelocitiesIn(const NoteRange &range, double factor);
    int scaleVelocitiesIn(double from, double to, double factor) { return scaleVelocitiesIn(NoteRange(from, to), factor); }
    // Plays the whole piece 'factor' times as long (above 1 slower, below faster): every note's
    // start and length and every pedal change stretched, and each tempo of the tempo map
    // slowed as much, so ticks, bars and metre stay. False, with nothing changed, when a tempo
    // would leave MIDI's range (a quarter note longer than 16.7 s) or factor is not positive.
    bool stretch(double factor);
};

// A velocity times 'factor', rounded, within 1..127; a change too small to round to a step
// still moves one step, so repeating it always gets somewhere.
int scaledVelocity(int velocity, double factor);

}  // namespace aichopin
