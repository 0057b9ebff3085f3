#include "pianoroll/PianoRollModel.h"

#include <algorithm>

namespace aichopin {

PianoRollModel::PianoRollModel(QObject *parent) : QObject(parent) {}

void PianoRollModel::setSequence(NoteSequence sequence)
{
    m_sequence = std::move(sequence);
    m_sequence.sortNotes();
    m_duration = m_sequence.duration();
    m_longest = m_sequence.longestNote();
    updateBars();
    Q_EMIT reset();
}

void PianoRollModel::clear() { setSequence(NoteSequence{}); }

void PianoRollModel::replaceSequence(NoteSequence sequence)
{
    m_sequence = std::move(sequence);
    m_sequence.sortNotes();
    m_duration = m_sequence.duration();
    m_longest = m_sequence.longestNote();
    updateBars();
    Q_EMIT notesAppended(0);
}

void PianoRollModel::appendNotes(const std::vector<Note> &notes)
{
    if (notes.empty())
        return;
    const size_t first = m_sequence.notes.size();
    for (const Note &n : notes) {
        m_sequence.notes.push_back(n);
        m_duration = std::max(m_duration, n.end());
        m_longest = std::max(m_longest, n.duration);
    }
    // Keep the sort invariant even if a caller appends slightly out of order.
    if (first > 0 && m_sequence.notes[first].start < m_sequence.notes[first - 1].start)
        m_sequence.sortNotes();
    if (!m_bars.empty() && m_duration >= m_bars.back())
        updateBars();
    Q_EMIT notesAppended(first);
}

std::pair<size_t, size_t> PianoRollModel::notesIn(double from, double to) const
{
    const auto &notes = m_sequence.notes;
    auto lo = std::lower_bound(notes.begin(), notes.end(), from - m_longest,
                               [](const Note &n, double t) { return n.start < t; });
    auto hi = std::upper_bound(lo, notes.end(), to, [](double t, const Note &n) { return t < n.start; });
    return {size_t(lo - notes.begin()), size_t(hi - notes.begin())};
}

void PianoRollModel::updateBars()
{
    m_bars.clear();
    const std::vector<TimeSignature> &signatures = m_sequence.timeSignatures;
    if (signatures.empty() || m_duration <= 0)
        return;
    const TempoMap &tempo = m_sequence.tempoMap;
    const int quarter = tempo.ticksPerQuarter();
    // Bars from tick 0 in the metre in force (4/4 before the first signature, as the SMF
    // specification says); a signature takes over at the first bar line at or after its tick.
    constexpr size_t kMostBars = 20000;
    size_t next = 0;
    TimeSignature metre;
    qint64 tick = 0;
    while (m_bars.size() < kMostBars) {
        while (next < signatures.size() && signatures[next].tick <= tick)
            metre = signatures[next++];
        const double seconds = tempo.secondsAt(tick);
        m_bars.push_back(seconds);
        if (seconds > m_duration)
            break;  // one past the end of the music
        const qint64 length = qint64(quarter) * 4 * std::max(1, metre.numerator) / std::max(1, metre.denominator);
        tick += std::max<qint64>(1, length);
    }
}

int PianoRollModel::barAt(double seconds) const
{
    if (m_bars.empty() || seconds < m_bars.front())
        return 0;
    return int(std::upper_bound(m_bars.begin(), m_bars.end(), seconds) - m_bars.begin());
}

}  // namespace aichopin
