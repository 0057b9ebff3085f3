#include "sound/PhraseAssembler.h"

#include <algorithm>

namespace aichopin {

namespace {
constexpr double kMinDuration = 0.005;  // a key released in the same instant still sounds
}

void PhraseAssembler::feed(double seconds, const unsigned char *bytes, size_t size)
{
    if (!bytes || size < 3)
        return;
    const int status = bytes[0] & 0xF0;
    const int channel = bytes[0] & 0x0F;
    const int data1 = bytes[1] & 0x7F;
    const int data2 = bytes[2] & 0x7F;
    const bool noteOn = status == 0x90 && data2 > 0;
    const bool noteOff = status == 0x80 || (status == 0x90 && data2 == 0);
    const bool pedal = status == 0xB0 && data1 == 64;
    if (!noteOn && !noteOff && !pedal)
        return;
    if (m_first < 0)
        m_first = seconds;
    seconds = std::max(seconds, m_first);
    m_last = std::max(m_last, seconds);
    Held &h = m_held[channel][data1];
    if (noteOn || noteOff) {
        if (h.start >= 0) {  // a release, or a re-strike ending the earlier note
            Note n;
            n.pitch = data1;
            n.channel = channel;
            n.velocity = h.velocity;
            n.start = h.start;
            n.duration = std::max(kMinDuration, seconds - h.start);
            m_notes.push_back(n);
            h.start = -1.0;
        }
        if (noteOn) {
            h.start = seconds;
            h.velocity = data2;
        }
    } else {
        PedalEvent p;
        p.time = seconds;
        p.value = data2;
        p.channel = channel;
        m_pedals.push_back(p);
    }
}

NoteSequence PhraseAssembler::sequence(double endSeconds) const
{
    NoteSequence seq;
    seq.notes = m_notes;
    for (int ch = 0; ch < 16; ++ch)
        for (int key = 0; key < 128; ++key) {
            const Held &h = m_held[ch][key];
            if (h.start < 0)
                continue;
            Note n;
            n.pitch = key;
            n.channel = ch;
            n.velocity = h.velocity;
            n.start = h.start;
            n.duration = std::max(kMinDuration, endSeconds - h.start);
            seq.notes.push_back(n);
        }
    seq.pedals = m_pedals;
    const double origin = m_first < 0 ? 0.0 : m_first;
    for (Note &n : seq.notes)
        n.start -= origin;
    for (PedalEvent &p : seq.pedals)
        p.time -= origin;
    seq.sortNotes();
    std::stable_sort(seq.pedals.begin(), seq.pedals.end(), [](const PedalEvent &a, const PedalEvent &b) { return a.time < b.time; });
    seq.syncTicksFromSeconds();
    return seq;
}

int PhraseAssembler::noteCount() const
{
    int held = 0;
    for (const auto &row : m_held)
        for (const Held &h : row)
            held += h.start >= 0;
    return int(m_notes.size()) + held;
}

void PhraseAssembler::clear() { *this = PhraseAssembler(); }

}  // namespace aichopin
