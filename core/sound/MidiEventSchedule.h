#pragma once
// Notes and pedal changes turned into a time-ordered list of channel MIDI events (note-on,
// note-off, CC64), the one schedule every player in core/sound dispatches from. Pure data;
// any thread.

#include "midi/NoteSequence.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace aichopin {

struct MidiEvent {
    enum Type : uint8_t { NoteOff = 0, Controller = 1, NoteOn = 2 };  // order at equal times
    double time = 0.0;  // seconds of music
    Type type = NoteOn;
    uint8_t channel = 0;  // 0..15
    uint8_t data1 = 0;    // key or controller number
    uint8_t data2 = 0;    // velocity or controller value

    // Raw MIDI bytes (3 of them).
    void toBytes(unsigned char out[3]) const;
    // A note-on (velocity 0: a note-off), note-off or controller message of 3 bytes, at time 0;
    // false for anything else (clock, program change, system messages).
    static bool fromBytes(const unsigned char *bytes, size_t size, MidiEvent *event);
};

// Orders by time; at equal times note-offs first, then controllers, then note-ons, so a
// re-struck key and a pedal change right at a note boundary both behave as a pianist means.
bool operator<(const MidiEvent &a, const MidiEvent &b);

class MidiEventSchedule {
public:
    // Sorted events for notes (clamped to valid ranges; notes with duration <= 0 are left out)
    // and pedal changes (sent as CC64).
    static std::vector<MidiEvent> build(const std::vector<Note> &notes, const std::vector<PedalEvent> &pedals);
    static std::vector<MidiEvent> build(const NoteSequence &sequence) { return build(sequence.notes, sequence.pedals); }
    // Time of the last event (0 when empty): where the music ends.
    static double endTime(const std::vector<MidiEvent> &events);
};

// Tracks how many scheduled notes hold each key, so overlapping notes of the same key (a
// re-strike before the earlier note ends) do not cut each other short: the key is released
// only when the last of them ends. Not thread-safe; owned by the dispatching thread.
class KeyCounter {
public:
    // Returns true when the event should be sent on (always for note-ons and controllers).
    bool admit(const MidiEvent &event);
    void reset();

private:
    uint8_t m_count[16][128] = {};
};

}  // namespace aichopin
