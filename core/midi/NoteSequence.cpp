#include "midi/NoteSequence.h"

#include <algorithm>
#include <map>

namespace aichopin {

double NoteSequence::duration() const
{
    double end = 0.0;
    for (const Note &n : notes)
        end = std::max(end, n.end());
    for (const PedalEvent &p : pedals)
        end = std::max(end, p.time);
    return end;
}

int NoteSequence::lowestPitch() const
{
    int lo = -1;
    for (const Note &n : notes)
        if (lo < 0 || n.pitch < lo)
            lo = n.pitch;
    return lo;
}

int NoteSequence::highestPitch() const
{
    int hi = -1;
    for (const Note &n : notes)
        hi = std::max(hi, n.pitch);
    return hi;
}

double NoteSequence::longestNote() const
{
    double longest = 0.0;
    for (const Note &n : notes)
        longest = std::max(longest, n.duration);
    return longest;
}

void NoteSequence::sortNotes()
{
    std::stable_sort(notes.begin(), notes.end(), [](const Note &a, const Note &b) {
        return a.start != b.start ? a.start < b.start : a.pitch < b.pitch;
    });
    std::stable_sort(pedals.begin(), pedals.end(),
                     [](const PedalEvent &a, const PedalEvent &b) { return a.time < b.time; });
}

void NoteSequence::applySustainPedal()
{
    if (pedals.empty())
        return;
    sortNotes();
    // Per channel: the intervals during which the pedal is down.
    std::map<int, std::vector<std::pair<double, double>>> down;
    std::map<int, double> pressedAt;
    for (const PedalEvent &p : pedals) {
        auto it = pressedAt.find(p.channel);
        if (p.down() && it == pressedAt.end())
            pressedAt[p.channel] = p.time;
        else if (!p.down() && it != pressedAt.end()) {
            down[p.channel].push_back({it->second, p.time});
            pressedAt.erase(it);
        }
    }
    const double end = duration();
    for (auto &[channel, since] : pressedAt)
        down[channel].push_back({since, end});

    for (Note &n : notes) {
        auto it = down.find(n.channel);
        if (it == down.end())
            continue;
        for (const auto &[from, to] : it->second) {
            // Released while the pedal is held: it sounds until the pedal comes up.
            if (n.end() >= from && n.end() < to) {
                n.duration = to - n.start;
                break;
            }
        }
    }
    // A re-struck key cuts the sound of the earlier note of the same pitch and channel.
    std::map<std::pair<int, int>, size_t> last;
    for (size_t i = 0; i < notes.size(); ++i) {
        const auto key = std::make_pair(notes[i].channel, notes[i].pitch);
        auto it = last.find(key);
        if (it != last.end()) {
            Note &prev = notes[it->second];
            if (prev.end() > notes[i].start && notes[i].start > prev.start)
                prev.duration = notes[i].start - prev.start;
        }
        last[key] = i;
    }
    syncTicksFromSeconds();
}

void NoteSequence::syncTicksFromSeconds()
{
    for (Note &n : notes) {
        n.startTick = tempoMap.tickAt(n.start);
        n.durationTicks = std::max<qint64>(1, tempoMap.tickAt(n.end()) - n.startTick);
    }
    for (PedalEvent &p : pedals)
        p.tick = tempoMap.tickAt(p.time);
}

}  // namespace aichopin
