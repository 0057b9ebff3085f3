#pragma once
// Notes and pedal events for tests, built from the few fields a test states.

#include "midi/NoteSequence.h"

namespace aichopin::test {

inline Note note(int pitch, double start, double duration, int velocity = 100)
{
    Note n;
    n.pitch = pitch;
    n.start = start;
    n.duration = duration;
    n.velocity = velocity;
    return n;
}

inline PedalEvent pedal(double time, bool down)
{
    PedalEvent p;
    p.time = time;
    p.value = down ? 127 : 0;
    return p;
}

// A rising scale: count notes, one every 0.5 s, each `length` long at velocity 70, from `low`
// up through `span` keys and round again; ticks follow the default tempo map (120 bpm).
inline NoteSequence scale(int count, int low = 60, int span = 12, double length = 0.4)
{
    NoteSequence seq;
    for (int i = 0; i < count; ++i)
        seq.notes.push_back(note(low + i % span, i * 0.5, length, 70));
    seq.syncTicksFromSeconds();
    return seq;
}

// C4 for a second from 0 (velocity 60), E4 for a second from 1 s (velocity 90).
inline NoteSequence twoNotes()
{
    NoteSequence piece;
    piece.notes.push_back(note(60, 0.0, 1.0, 60));
    piece.notes.push_back(note(64, 1.0, 1.0, 90));
    piece.syncTicksFromSeconds();
    return piece;
}

}  // namespace aichopin::test
