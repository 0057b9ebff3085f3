#pragma once
// The performance representation: a fixed vocabulary of 308 events that keeps timing, duration
// and dynamics (note-on and note-off for keys 21-108, time shifts of 10 ms up to 1 s, 32
// velocity bins). Encoding applies the sustain pedal first, so held notes become long notes.
// A piece encoded and decoded keeps every onset within 5 ms. Pure functions; any thread.

#include "composer/ComposedEvent.h"
#include "midi/NoteSequence.h"

#include <QString>

#include <vector>

namespace aichopin {

class PerformanceEvents {
public:
    static constexpr int kKeys = kPianoHighest - kPianoLowest + 1;  // 88
    static constexpr int kShiftSteps = 100;                          // 10 ms .. 1 s
    static constexpr int kVelocityBins = 32;
    static constexpr double kStepSeconds = 0.01;

    static constexpr int kNoteOnBase = 0;
    static constexpr int kNoteOffBase = kNoteOnBase + kKeys;
    static constexpr int kShiftBase = kNoteOffBase + kKeys;
    static constexpr int kVelocityBase = kShiftBase + kShiftSteps;
    static constexpr int kVocabularySize = kVelocityBase + kVelocityBins;  // 308

    static int velocityBin(int velocity);   // 1..127 -> 0..31
    static int binVelocity(int bin);        // 0..31 -> 1..127 (the middle of the bin)

    // Notes outside 21-108 are left out. Does not modify the input.
    static std::vector<int> encode(const NoteSequence &sequence);
    // Tokens outside the vocabulary are ignored; notes still sounding at the end are closed.
    static NoteSequence decode(const std::vector<int> &tokens);
    static QString tokenName(int token);

    // Decodes one token at a time (for streaming generation); finish() closes what still sounds.
    class Decoder {
    public:
        // Fills the kind, time, pitches and velocity of the event for the token.
        void feed(int token, ComposedEvent *event = nullptr);
        double time() const { return m_time; }
        NoteSequence finish();
        int openNotes() const;
        bool sounding(int key) const { return key >= 0 && key < kKeys && m_open[key] != 0; }
        // How long the key has sounded (seconds); -1 when it is silent.
        double heldFor(int key) const
        {
            return sounding(key) ? m_time - m_notes[size_t(m_open[key] - 1)].start : -1.0;
        }
        // The key (0..87) held longest now and for how long (seconds); -1 when none sounds.
        int longestHeld(double *seconds = nullptr) const;

    private:
        void close(int key);
        double m_time = 0.0;
        int m_velocity = 64;
        int m_open[kKeys] = {};      // 1 + index into m_notes of the sounding note, 0 if silent
        std::vector<Note> m_notes;
    };
};

}  // namespace aichopin
