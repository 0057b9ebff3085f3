#pragma once
// Converts between ticks and seconds across tempo changes. Immutable after construction;
// any thread may read it.

#include "midi/Note.h"

#include <vector>

namespace aichopin {

class TempoMap {
public:
    // 120 bpm at 480 ticks per quarter note.
    TempoMap();
    // changes need not be sorted; their 'seconds' fields are recomputed. A missing change at
    // tick 0 means 120 bpm until the first one, as the SMF specification says.
    TempoMap(int ticksPerQuarter, std::vector<TempoChange> changes);

    int ticksPerQuarter() const { return m_ticksPerQuarter; }
    const std::vector<TempoChange> &changes() const { return m_changes; }

    double secondsAt(qint64 tick) const;
    qint64 tickAt(double seconds) const;  // rounded to the nearest tick

private:
    int m_ticksPerQuarter = 480;
    std::vector<TempoChange> m_changes;  // sorted, first at tick 0
};

}  // namespace aichopin
