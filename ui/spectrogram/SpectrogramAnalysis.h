#pragma once
// What the Spectrogram area shows for one file: its log-mel, MFCC and semitone-band spectrograms, computed
// from the decoded recording or, for MIDI, from a FluidSynth rendering. Blocking: call it off
// the UI thread.

#include "common/CancelToken.h"
#include "common/Result.h"
#include "midi/NoteSequence.h"
#include "spectrogram/SpectrogramData.h"

#include <optional>

namespace aichopin {

struct SpectrogramAnalysis {
    SpectrogramDataPtr mel;
    SpectrogramDataPtr mfcc;
    SpectrogramDataPtr semitones;  // the classifier's pitch input: one band per note, C1 to B8
    std::optional<NoteSequence> midi;  // set for MIDI files (they can be played)
    double duration = 0.0;

    static Result<SpectrogramAnalysis> analyse(const QString &path, const CancelToken *cancel = nullptr);
};

}  // namespace aichopin
