#pragma once
// The note model every part of the app shares: one sounding note, in seconds and in ticks.

#include <QString>

namespace aichopin {

constexpr int kPianoLowest = 21;   // A0
constexpr int kPianoHighest = 108; // C8

struct Note {
    int pitch = 60;          // MIDI key number 0..127
    double start = 0.0;      // onset in seconds
    double duration = 0.0;   // seconds, > 0
    qint64 startTick = 0;    // onset in ticks of the source file (0 for generated notes)
    qint64 durationTicks = 0;
    int velocity = 64;       // 1..127
    int track = 0;
    int channel = 0;         // 0..15

    double end() const { return start + duration; }
};

// Whether a and b are the same note of a piece, as an edit finds it again: the same key, start
// and length (velocity, channel and ticks aside).
inline bool sameNote(const Note &a, const Note &b)
{
    return a.pitch == b.pitch && a.start == b.start && a.duration == b.duration;
}

// A sustain pedal (CC64) change. value >= 64 means down.
struct PedalEvent {
    double time = 0.0;
    qint64 tick = 0;
    int value = 0;
    int channel = 0;
    int track = 0;

    bool down() const { return value >= 64; }
};

// A tempo change at a tick; seconds is when it happens.
struct TempoChange {
    qint64 tick = 0;
    double seconds = 0.0;
    int microsPerQuarter = 500000;

    double bpm() const { return 60'000'000.0 / microsPerQuarter; }
};

struct TimeSignature {
    qint64 tick = 0;
    int numerator = 4;
    int denominator = 4;
};

// Scientific pitch name with sharps: 60 -> "C4", 61 -> "C#4", 21 -> "A0".
inline QString pitchName(int pitch)
{
    static const char *const names[] = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};
    return QString::fromLatin1(names[((pitch % 12) + 12) % 12]) + QString::number(pitch / 12 - 1);
}

}  // namespace aichopin
