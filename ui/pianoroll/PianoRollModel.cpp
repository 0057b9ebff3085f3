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
    Q_EMIT reset();
}

void PianoRollModel::clear() { setSequence(NoteSequence{}); }

void PianoRollModel::replaceSequence(NoteSequence sequence)
{
    m_sequence = std::move(sequence);
    m_sequence.sortNotes();
    m_duration = m_sequence.duration();
    m_longest = m_sequence.longestNote();
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

}  // namespace aichopin
