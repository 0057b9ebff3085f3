#include "compose/StreamingNotes.h"

#include <algorithm>

namespace aichopin {

namespace {
constexpr double kMinDuration = 0.01;
}

void StreamingNotes::close(int pitch, double time, std::vector<Note> &done)
{
    auto it = m_open.find(pitch);
    if (it == m_open.end())
        return;
    Note n;
    n.pitch = pitch;
    n.start = it->second.start;
    n.duration = std::max(kMinDuration, time - n.start);
    n.velocity = it->second.velocity;
    done.push_back(n);
    m_open.erase(it);
}

void StreamingNotes::closeExpired(double time, std::vector<Note> &done)
{
    for (auto it = m_open.begin(); it != m_open.end();) {
        const auto current = it++;
        if (time - current->second.start >= kMaxNoteSeconds)
            close(current->first, current->second.start + kMaxNoteSeconds, done);
    }
}

void StreamingNotes::add(const ComposedEvent &e, std::vector<Note> &done)
{
    const size_t before = done.size();
    closeExpired(e.time, done);
    switch (e.kind) {
    case ComposedEvent::Kind::NoteOn:
        for (int pitch : e.pitches) {
            close(pitch, e.time, done);  // a re-struck key ends the earlier note
            m_open[pitch] = Open{e.time, std::clamp(e.velocity, 1, 127)};
        }
        break;
    case ComposedEvent::Kind::NoteOff:
        for (int pitch : e.pitches)
            close(pitch, e.time, done);
        break;
    case ComposedEvent::Kind::Onset:
        // The paper's tokens: a new onset ends what the previous one struck unless its length is known.
        for (auto it = m_open.begin(); it != m_open.end();)
            close((it++)->first, e.time, done);
        for (int pitch : e.pitches) {
            if (e.duration > 0) {
                Note n;
                n.pitch = pitch;
                n.start = e.time;
                n.duration = e.duration;
                n.velocity = std::clamp(e.velocity > 0 ? e.velocity : 80, 1, 127);
                done.push_back(n);
            } else {
                m_open[pitch] = Open{e.time, std::clamp(e.velocity > 0 ? e.velocity : 80, 1, 127)};
            }
        }
        break;
    case ComposedEvent::Kind::TimeShift:
    case ComposedEvent::Kind::Velocity:
        break;
    }
    std::sort(done.begin() + before, done.end(), [](const Note &a, const Note &b) { return a.start < b.start; });
}

void StreamingNotes::finish(double time, std::vector<Note> &done)
{
    const size_t before = done.size();
    while (!m_open.empty())
        close(m_open.begin()->first, std::max(time, m_open.begin()->second.start + kMinDuration), done);
    std::sort(done.begin() + before, done.end(), [](const Note &a, const Note &b) { return a.start < b.start; });
}

}  // namespace aichopin
