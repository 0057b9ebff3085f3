#pragma once
// The seed paper's representation, reproduced: one token per onset. A single note is its pitch
// name with octave ("C#4"); several notes struck together are their sorted pitch classes
// ("0.4.7"). Timing, duration and dynamics are lost; on output every token sounds 0.5 beat
// after the previous one. Pure functions; any thread.

#include "composer/ComposedEvent.h"
#include "midi/NoteSequence.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace aichopin {

class PaperTokens {
public:
    static constexpr double kBeatsPerToken = 0.5;
    static constexpr double kSecondsPerBeat = 0.5;  // output tempo: 120 bpm
    static constexpr int kVelocity = 80;

    // Notes whose onsets lie within 10 ms of the first note of a group form one chord token.
    static QStringList tokenize(const NoteSequence &sequence);
    // The MIDI keys a token strikes: "C#4" -> {61}; "0.4.7" -> {60, 64, 67} (octave 4, as music21
    // places a chord of pitch classes). Empty for a malformed token.
    static std::vector<int> pitchesOf(const QString &token);
    static NoteSequence decode(const QStringList &tokens);
    // The event for the token at position 'index' of an output piece.
    static void describe(const QString &token, int index, ComposedEvent *event);
};

}  // namespace aichopin
