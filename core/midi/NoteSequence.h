#pragma once
// A piece as the app sees it: notes, pedal, tempo and metadata, with times in seconds.
// A plain value type; copy it between threads freely.

#include "midi/Note.h"
#include "midi/TempoMap.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace aichopin {

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
};

}  // namespace aichopin
