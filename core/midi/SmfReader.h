#pragma once
// Reads Standard MIDI Files (format 0 and 1) into a NoteSequence. Blocking, reentrant: call it
// from any thread. Bad input gives an Error naming the problem and its byte offset; it never
// crashes and never loops without bound (work is linear in the file size).

#include "common/Result.h"
#include "midi/NoteSequence.h"

#include <QByteArray>
#include <QString>

namespace aichopin {

struct MidiReadOptions {
    bool applySustain = false;       // lengthen notes held by the sustain pedal
    bool keepDrums = false;          // channel 10 (index 9) is left out unless this is set
    qint64 maxFileBytes = 256 << 20; // larger files are refused before reading
};

class SmfReader {
public:
    static Result<NoteSequence> readFile(const QString &path, const MidiReadOptions &options = {});
    static Result<NoteSequence> parse(const QByteArray &bytes, const MidiReadOptions &options = {});
};

}  // namespace aichopin
