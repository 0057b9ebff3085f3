#pragma once
// Lists the MIDI output and input ports of the system (ALSA sequencer, JACK, as RtMidi was
// built). Never throws and never crashes: without a MIDI system (no /dev/snd/seq, as in a
// container or CI) the list is empty and explanation says why. Any thread; blocks briefly.

#include "common/Result.h"

#include <QString>
#include <QStringList>

namespace aichopin {

struct MidiPortList {
    QStringList ports;    // port names, in RtMidi's index order
    QString api;          // the MIDI system they belong to ("ALSA", "JACK"), empty when none works
    QString explanation;  // why the list is empty (empty when it is not)
};

class MidiPorts {
public:
    static MidiPortList outputs();
    static MidiPortList inputs();
    // A port by index ("1") or by a case-insensitive part of its name ("Digital Piano").
    // The error lists the ports there are (or explains why there are none).
    static Result<int> resolve(const MidiPortList &list, const QString &spec);
};

}  // namespace aichopin
