#include "sound/MidiEventSchedule.h"

#include <algorithm>
#include <cstring>

namespace aichopin {

namespace {
uint8_t clamp7(int v) { return uint8_t(std::clamp(v, 0, 127)); }
uint8_t clampChannel(int c) { return uint8_t(std::clamp(c, 0, 15)); }
}  // namespace

void MidiEvent::toBytes(unsigned char out[3]) const
{
    static const unsigned char status[] = {0x80, 0xB0, 0x90};
    out[0] = status[type] | (channel & 0x0F);
    out[1] = data1 & 0x7F;
    out[2] = data2 & 0x7F;
}

bool MidiEvent::fromBytes(const unsigned char *bytes, size_t size, MidiEvent *event)
{
    if (size < 3 || (bytes[1] | bytes[2]) & 0x80)
        return false;
    MidiEvent e;
    e.channel = bytes[0] & 0x0F;
    e.data1 = bytes[1];
    e.data2 = bytes[2];
    switch (bytes[0] & 0xF0) {
    case 0x80: e.type = NoteOff; e.data2 = 0; break;
    case 0x90: e.type = e.data2 > 0 ? NoteOn : NoteOff; break;
    case 0xB0: e.type = Controller; break;
    default: return false;
    }
    *event = e;
    return true;
}

bool operator<(const MidiEvent &a, const MidiEvent &b)
{
    if (a.time != b.time)
        return a.time < b.time;
    return a.type < b.type;
}

std::vector<MidiEvent> MidiEventSchedule::build(const std::vector<Note> &notes, const std::vector<PedalEvent> &pedals)
{
    std::vector<MidiEvent> events;
    events.reserve(notes.size() * 2 + pedals.size());
    for (const Note &n : notes) {
        if (!(n.duration > 0.0) || !(n.start >= 0.0) || n.pitch < 0 || n.pitch > 127)
            continue;
        const uint8_t ch = clampChannel(n.channel);
        events.push_back({n.start, MidiEvent::NoteOn, ch, uint8_t(n.pitch), uint8_t(std::clamp(n.velocity, 1, 127))});
        events.push_back({n.end(), MidiEvent::NoteOff, ch, uint8_t(n.pitch), 0});
    }
    for (const PedalEvent &p : pedals) {
        if (!(p.time >= 0.0))
            continue;
        events.push_back({p.time, MidiEvent::Controller, clampChannel(p.channel), 64, clamp7(p.value)});
    }
    std::stable_sort(events.begin(), events.end());
    return events;
}

double MidiEventSchedule::endTime(const std::vector<MidiEvent> &events)
{
    return events.empty() ? 0.0 : events.back().time;
}

bool KeyCounter::admit(const MidiEvent &e)
{
    uint8_t &c = m_count[e.channel & 15][e.data1 & 127];
    if (e.type == MidiEvent::NoteOn) {
        if (c < 255)
            ++c;
        return true;
    }
    if (e.type == MidiEvent::NoteOff) {
        if (c == 0)
            return false;  // its note-on was never sent (e.g. skipped by a seek)
        return --c == 0;
    }
    return true;
}

void KeyCounter::reset() { std::memset(m_count, 0, sizeof m_count); }

}  // namespace aichopin
