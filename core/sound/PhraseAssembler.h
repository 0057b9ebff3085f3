#pragma once
// Turns a stream of timed raw MIDI messages (from a keyboard) into a NoteSequence: pairs
// note-on with note-off (a note-on with velocity 0 is a note-off), ends a held note when its key
// is struck again, records the sustain pedal (CC64). Pure logic; one thread at a time.

#include "midi/NoteSequence.h"

#include <cstddef>

namespace aichopin {

class PhraseAssembler {
public:
    // seconds: any steady clock; only differences matter. Non-channel messages are ignored.
    void feed(double seconds, const unsigned char *bytes, size_t size);

    // The phrase so far, starting at 0 (the first note or pedal change), with notes still held
    // ended at endSeconds (same clock as feed). Sorted, ticks filled in at 120 bpm.
    NoteSequence sequence(double endSeconds) const;
    int noteCount() const;  // completed and held notes
    void clear();

private:
    struct Held {
        double start = -1.0;  // < 0: not held
        int velocity = 0;
    };
    std::vector<Note> m_notes;
    std::vector<PedalEvent> m_pedals;
    Held m_held[16][128];
    double m_first = -1.0;
    double m_last = 0.0;
};

}  // namespace aichopin
