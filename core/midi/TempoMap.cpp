#include "midi/TempoMap.h"

#include <algorithm>
#include <cmath>

namespace aichopin {

TempoMap::TempoMap() : TempoMap(480, {}) {}

TempoMap::TempoMap(int ticksPerQuarter, std::vector<TempoChange> changes)
    : m_ticksPerQuarter(ticksPerQuarter > 0 ? ticksPerQuarter : 480)
{
    std::stable_sort(changes.begin(), changes.end(),
                     [](const TempoChange &a, const TempoChange &b) { return a.tick < b.tick; });
    if (changes.empty() || changes.front().tick > 0)
        changes.insert(changes.begin(), TempoChange{0, 0.0, 500000});
    // Several changes on one tick: the last one wins.
    for (const TempoChange &c : changes) {
        if (!m_changes.empty() && m_changes.back().tick == c.tick)
            m_changes.back() = c;
        else
            m_changes.push_back(c);
    }
    m_changes.front().seconds = 0.0;
    for (size_t i = 1; i < m_changes.size(); ++i) {
        const TempoChange &prev = m_changes[i - 1];
        m_changes[i].seconds = prev.seconds + double(m_changes[i].tick - prev.tick) * prev.microsPerQuarter
                                                  / (1e6 * m_ticksPerQuarter);
    }
}

double TempoMap::secondsAt(qint64 tick) const
{
    auto it = std::upper_bound(m_changes.begin(), m_changes.end(), tick,
                               [](qint64 t, const TempoChange &c) { return t < c.tick; });
    const TempoChange &c = *(it == m_changes.begin() ? it : it - 1);
    return c.seconds + double(tick - c.tick) * c.microsPerQuarter / (1e6 * m_ticksPerQuarter);
}

qint64 TempoMap::tickAt(double seconds) const
{
    auto it = std::upper_bound(m_changes.begin(), m_changes.end(), seconds,
                               [](double s, const TempoChange &c) { return s < c.seconds; });
    const TempoChange &c = *(it == m_changes.begin() ? it : it - 1);
    return c.tick + std::llround((seconds - c.seconds) * 1e6 * m_ticksPerQuarter / c.microsPerQuarter);
}

}  // namespace aichopin
