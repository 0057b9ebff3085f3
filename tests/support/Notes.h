#pragma once
// Notes and pedal events for tests, built from the few fields a test states.

#include "midi/Note.h"

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

}  // namespace aichopin::test
