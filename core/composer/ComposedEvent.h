#pragma once
// One event as the generator makes it, streamed to the caller before the piece is finished.
// A plain value type (copy it into a queued signal).

#include <QString>

#include <vector>

namespace aichopin {

struct ComposedEvent {
    enum class Kind { NoteOn, NoteOff, TimeShift, Velocity, Onset };

    int index = 0;             // 0 for the first generated event (primer events are not streamed)
    int token = 0;             // index in the model's vocabulary
    QString name;              // "on C4", "shift 120ms", "vel 80", "C#4", "0.4.7"
    double probability = 0.0;  // the model's probability of this event (after temperature)
    double time = 0.0;         // seconds from the start of the output piece when it happens
    Kind kind = Kind::TimeShift;
    std::vector<int> pitches;  // NoteOn/NoteOff: one key; Onset (paper): the keys struck
    int velocity = 0;          // NoteOn/Onset: the velocity the note gets
    double duration = -1.0;    // Onset: how long the notes sound; -1 when not yet known
};

}  // namespace aichopin
