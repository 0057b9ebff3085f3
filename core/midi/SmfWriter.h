#pragma once
// Writes a NoteSequence as a Standard MIDI File of format 1: track 0 holds tempo, time
// signatures, title and text events; one further track per note track, with its notes and
// sustain pedal. Ticks are computed from the seconds fields through the sequence's tempo map,
// so reading the file back gives the same notes. Blocking; any thread.

#include "common/Result.h"
#include "midi/NoteSequence.h"

#include <QByteArray>
#include <QString>

namespace aichopin {

class SmfWriter {
public:
    static QByteArray toBytes(const NoteSequence &sequence);
    // Writes atomically (a temporary file renamed into place): a failure leaves any old file intact.
    static Status writeFile(const NoteSequence &sequence, const QString &path);
};

}  // namespace aichopin
