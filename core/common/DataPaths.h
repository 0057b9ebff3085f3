#pragma once
// Where the app finds what it ships (models, soundfont lists) and where it keeps what the user
// makes. Works both installed (share/aichopin) and run from the build tree. Any thread.

#include <QString>

namespace aichopin {

class DataPaths {
public:
    // Directory holding the shipped resources (contains models/). Order: $AICHOPIN_RESOURCE_DIR,
    // <exe>/../share/aichopin, the source tree's resources/ (build-tree runs). Empty if none.
    static QString resourceDir();
    // Full path of a shipped model ("composer-default.pt"), or empty when it is not found.
    static QString shippedModel(const QString &fileName);
    // XDG data folder for user-trained models (created on demand).
    static QString userModelDir();
    // XDG data folder where every composition is kept as a MIDI file (created on demand).
    static QString userCompositionDir();
    // ../shared/data/piano-midi relative to the source tree, or $AICHOPIN_PIANO_MIDI; empty if absent.
    static QString pianoMidiDir();
};

}  // namespace aichopin
