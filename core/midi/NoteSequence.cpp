#include "midi/NoteSequence.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

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

NoteSequence NoteSequence::before(double time) const
{
    NoteSequence out;
    out.tempoMap = tempoMap;
    out.timeSignatures = timeSignatures;  // the metre goes on (a rewrite keeps the file's bars)
    for (Note n : notes)
        if (n.start < time) {
            n.duration = std::min(n.duration, time - n.start);
            out.notes.push_back(n);
        }
    for (const PedalEvent &p : pedals)
        if (p.time < time)
            out.pedals.push_back(p);
    return out;
}

NoteSequence NoteSequence::withRangeRewritten(double from, double to, const NoteSequence &continuation) const
{
    NoteSequence out = before(from);
    out.texts = continuation.texts;
    // A pedal this piece holds at 'from' must not reach into the new notes: they carry their
    // pedalling in their lengths, and held, it would blur all of them. The continuation's
    // pedalling before 'to' is the primer's with that release added.
    out.pedals.clear();
    for (const PedalEvent &p : continuation.pedals)
        if (p.time < to)
            out.pedals.push_back(p);
    for (Note n : continuation.notes)
        if (n.start >= from && n.start < to) {
            n.duration = std::min(n.duration, to - n.start);
            out.notes.push_back(n);
        }
    for (const Note &n : notes)
        if (n.start >= to)
            out.notes.push_back(n);
    // At 'to' the pedal goes back to where this piece had it, so the music after the range
    // sounds as it did: up at 'to' if the continuation leaves it down and this piece had it
    // up; down again just after 'to' if this piece held it there. Just after, not at: a press
    // at 'to' would catch the new notes cut there and hold them on.
    constexpr double kPressLag = 0.005;
    std::map<int, PedalEvent> was, now;  // per channel, the last event before 'to'
    std::set<int> changedJustAfter;
    for (const PedalEvent &p : pedals) {
        if (p.time < to)
            was[p.channel] = p;
        else if (p.time <= to + kPressLag)
            changedJustAfter.insert(p.channel);
    }
    for (const PedalEvent &p : out.pedals)
        now[p.channel] = p;
    const auto isDown = [](const std::map<int, PedalEvent> &last, int channel) {
        const auto it = last.find(channel);
        return it != last.end() && it->second.down();
    };
    for (const auto &[channel, last] : now)
        if (last.down() && !isDown(was, channel)) {
            PedalEvent up = last;
            up.time = to;
            up.value = 0;
            out.pedals.push_back(up);
        }
    for (const auto &[channel, last] : was)
        if (last.down() && !isDown(now, channel) && !changedJustAfter.count(channel)) {
            PedalEvent down = last;
            down.time = to + kPressLag;
            out.pedals.push_back(down);
        }
    for (const PedalEvent &p : pedals)
        if (p.time >= to)
            out.pedals.push_back(p);
    out.sortNotes();
    out.syncTicksFromSeconds();
    return out;
}

NoteSequence NoteSequence::excerpt(const NoteRange &range) const
{
    const double from = range.from, to = range.to;
    NoteSequence out;
    out.texts = texts;
    out.title = title;
    out.trackCount = trackCount;
    // Tempo and metre from 'from' on, their ticks counted from there.
    const qint64 offset = tempoMap.tickAt(from);
    std::vector<TempoChange> tempos;
    for (const TempoChange &t : tempoMap.changes()) {
        if (t.tick <= offset) {
            TempoChange first = t;
            first.tick = 0;
            tempos.assign(1, first);  // the last one at or before 'from'
        } else if (t.seconds < to) {
            TempoChange later = t;
            later.tick -= offset;
            tempos.push_back(later);
        }
    }
    out.tempoMap = TempoMap(tempoMap.ticksPerQuarter(), tempos);
    for (const TimeSignature &ts : timeSignatures) {
        if (ts.tick <= offset)
            out.timeSignatures.assign(1, TimeSignature{0, ts.numerator, ts.denominator});
        else if (tempoMap.secondsAt(ts.tick) < to)
            out.timeSignatures.push_back(TimeSignature{ts.tick - offset, ts.numerator, ts.denominator});
    }
    for (Note n : notes)
        if (range.holds(n)) {
            n.duration = std::min(n.duration, to - n.start);
            n.start -= from;
            out.notes.push_back(n);
        }
    // The pedal: down at 0 on each channel that held it at 'from', its changes in the range,
    // and up at the end where it is still down.
    std::map<int, PedalEvent> atFrom, last;
    for (const PedalEvent &p : pedals)
        if (p.time <= from)
            atFrom[p.channel] = p;
    for (auto [channel, p] : atFrom)
        if (p.down()) {
            p.time = 0;
            out.pedals.push_back(p);
            last[channel] = p;
        }
    for (PedalEvent p : pedals)
        if (p.time > from && p.time < to) {
            p.time -= from;
            out.pedals.push_back(p);
            last[p.channel] = p;
        }
    for (auto [channel, p] : last)
        if (p.down()) {
            p.time = to - from;
            p.value = 0;
            out.pedals.push_back(p);
        }
    out.syncTicksFromSeconds();
    return out;
}

bool NoteRange::holds(const Note &n) const
{
    if (n.start < from || n.start >= to || n.pitch < lowPitch || n.pitch > highPitch)
        return false;
    if (only.empty())
        return true;
    const auto first = std::lower_bound(only.begin(), only.end(), n.start, [](const Note &o, double t) { return o.start < t; });
    for (auto it = first; it != only.end() && it->start == n.start; ++it)
        if (sameNote(*it, n))
            return true;
    return false;
}

NoteRange NoteRange::moved(double seconds, int semitones) const
{
    NoteRange out(from + seconds, to + seconds, lowPitch, highPitch);
    if (lowPitch > 0 || highPitch < 127) {
        out.lowPitch = std::clamp(lowPitch + semitones, 0, 127);
        out.highPitch = std::clamp(highPitch + semitones, 0, 127);
    }
    out.only = only;
    for (Note &n : out.only) {
        n.start += seconds;
        n.pitch += semitones;
    }
    std::stable_sort(out.only.begin(), out.only.end(), [](const Note &a, const Note &b) { return a.start < b.start; });
    return out;
}

NoteRange NoteSequence::pinned(const NoteRange &range) const
{
    NoteRange out = range;
    if (out.only.empty())
        for (const Note &n : notes)
            if (range.holds(n))
                out.only.push_back(n);
    return out;
}

int NoteSequence::countNotesIn(const NoteRange &range) const
{
    return int(std::count_if(notes.begin(), notes.end(), [&](const Note &n) { return range.holds(n); }));
}

int NoteSequence::removeNotesIn(const NoteRange &range)
{
    const size_t before = notes.size();
    notes.erase(std::remove_if(notes.begin(), notes.end(), [&](const Note &n) { return range.holds(n); }), notes.end());
    return int(before - notes.size());
}

bool NoteSequence::transposeNotesIn(const NoteRange &range, int semitones)
{
    for (const Note &n : notes)
        if (range.holds(n) && (n.pitch + semitones < 0 || n.pitch + semitones > 127))
            return false;
    for (Note &n : notes)
        if (range.holds(n))
            n.pitch += semitones;
    // Notes of one start all move when the range holds every pitch, and their order stays; a
    // range of some pitches may move its notes past the others of their start.
    if (!range.allPitches())
        sortNotes();
    return true;
}

int NoteSequence::scaleVelocitiesIn(const NoteRange &range, double factor)
{
    int changed = 0;
    for (Note &n : notes) {
        if (!range.holds(n))
            continue;
        const int v = scaledVelocity(n.velocity, factor);
        if (v != n.velocity) {
            n.velocity = v;
            ++changed;
        }
    }
    return changed;
}

bool NoteSequence::stretch(double factor)
{
    if (!(factor > 0))
        return false;
    std::vector<TempoChange> changes = tempoMap.changes();
    for (TempoChange &c : changes) {
        const double micros = std::round(c.microsPerQuarter * factor);
        if (micros < 1 || micros > 0xFFFFFF)
            return false;
        c.microsPerQuarter = int(micros);
    }
    tempoMap = TempoMap(tempoMap.ticksPerQuarter(), std::move(changes));
    for (Note &n : notes) {
        n.start *= factor;
        n.duration *= factor;
    }
    for (PedalEvent &p : pedals)
        p.time *= factor;
    sortNotes();  // starts a rounding apart may now be one, and are then ordered by pitch
    return true;
}

int scaledVelocity(int velocity, double factor)
{
    const int v = std::clamp(int(std::lround(velocity * factor)), 1, 127);
    return v != velocity ? v : std::clamp(velocity + (factor > 1 ? 1 : factor < 1 ? -1 : 0), 1, 127);
}

}  // namespace aichopin
