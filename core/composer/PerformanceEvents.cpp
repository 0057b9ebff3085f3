#include "composer/PerformanceEvents.h"

#include <algorithm>
#include <cmath>

namespace aichopin {

namespace {
// Notes still sounding after this long are cut: generated notes must never hang.
constexpr double kMaxNoteSeconds = 10.0;

struct Edge {
    qint64 step;
    bool on;
    int key;       // 0..87
    int velocity;
    size_t note;   // which note this edge belongs to
};
}  // namespace

int PerformanceEvents::velocityBin(int velocity)
{
    return std::clamp((std::clamp(velocity, 1, 127) - 1) * kVelocityBins / 127, 0, kVelocityBins - 1);
}

int PerformanceEvents::binVelocity(int bin)
{
    bin = std::clamp(bin, 0, kVelocityBins - 1);
    return std::clamp(int(std::lround((bin + 0.5) * 127.0 / kVelocityBins)) + 1, 1, 127);
}

std::vector<int> PerformanceEvents::encode(const NoteSequence &input)
{
    NoteSequence seq = input;
    seq.applySustainPedal();
    seq.sortNotes();

    std::vector<Edge> edges;
    edges.reserve(seq.notes.size() * 2);
    for (size_t i = 0; i < seq.notes.size(); ++i) {
        const Note &n = seq.notes[i];
        if (n.pitch < kPianoLowest || n.pitch > kPianoHighest)
            continue;
        const qint64 on = std::llround(std::max(0.0, n.start) / kStepSeconds);
        const qint64 off = std::max(on + 1, qint64(std::llround(n.end() / kStepSeconds)));
        edges.push_back({on, true, n.pitch - kPianoLowest, n.velocity, i});
        edges.push_back({off, false, n.pitch - kPianoLowest, n.velocity, i});
    }
    // Within a step, releases come before attacks so a re-struck key sounds again.
    std::stable_sort(edges.begin(), edges.end(), [](const Edge &a, const Edge &b) {
        if (a.step != b.step)
            return a.step < b.step;
        if (a.on != b.on)
            return !a.on;
        return a.key < b.key;
    });

    std::vector<int> tokens;
    tokens.reserve(edges.size() * 2);
    std::vector<long long> owner(kKeys, -1);  // the note now sounding on each key
    qint64 now = 0;
    int bin = -1;
    for (const Edge &e : edges) {
        if (!e.on && owner[e.key] != static_cast<long long>(e.note))
            continue;  // this note was already cut by a re-strike of its key
        while (e.step > now) {
            const qint64 shift = std::min<qint64>(kShiftSteps, e.step - now);
            tokens.push_back(kShiftBase + int(shift) - 1);
            now += shift;
        }
        if (e.on) {
            if (owner[e.key] >= 0)
                tokens.push_back(kNoteOffBase + e.key);
            const int b = velocityBin(e.velocity);
            if (b != bin) {
                tokens.push_back(kVelocityBase + b);
                bin = b;
            }
            tokens.push_back(kNoteOnBase + e.key);
            owner[e.key] = static_cast<long long>(e.note);
        } else {
            tokens.push_back(kNoteOffBase + e.key);
            owner[e.key] = -1;
        }
    }
    return tokens;
}

NoteSequence PerformanceEvents::decode(const std::vector<int> &tokens)
{
    Decoder d;
    for (int t : tokens)
        d.feed(t);
    return d.finish();
}

QString PerformanceEvents::tokenName(int token)
{
    if (token >= kNoteOnBase && token < kNoteOffBase)
        return QStringLiteral("on ") + pitchName(token - kNoteOnBase + kPianoLowest);
    if (token >= kNoteOffBase && token < kShiftBase)
        return QStringLiteral("off ") + pitchName(token - kNoteOffBase + kPianoLowest);
    if (token >= kShiftBase && token < kVelocityBase)
        return QStringLiteral("shift %1ms").arg((token - kShiftBase + 1) * 10);
    if (token >= kVelocityBase && token < kVocabularySize)
        return QStringLiteral("vel %1").arg(binVelocity(token - kVelocityBase));
    return QStringLiteral("?%1").arg(token);
}

void PerformanceEvents::Decoder::close(int key)
{
    if (!m_open[key])
        return;
    Note &n = m_notes[size_t(m_open[key] - 1)];
    n.duration = std::clamp(m_time - n.start, kStepSeconds, kMaxNoteSeconds);
    m_open[key] = 0;
}

void PerformanceEvents::Decoder::feed(int token, ComposedEvent *event)
{
    if (event) {
        event->pitches.clear();
        event->velocity = 0;
        event->duration = -1.0;
    }
    if (token >= kNoteOnBase && token < kNoteOffBase) {
        const int key = token - kNoteOnBase;
        close(key);
        Note n;
        n.pitch = key + kPianoLowest;
        n.start = m_time;
        n.duration = kStepSeconds;
        n.velocity = m_velocity;
        m_notes.push_back(n);
        m_open[key] = int(m_notes.size());
        if (event) {
            event->kind = ComposedEvent::Kind::NoteOn;
            event->pitches = {n.pitch};
            event->velocity = m_velocity;
        }
    } else if (token >= kNoteOffBase && token < kShiftBase) {
        const int key = token - kNoteOffBase;
        close(key);
        if (event) {
            event->kind = ComposedEvent::Kind::NoteOff;
            event->pitches = {key + kPianoLowest};
        }
    } else if (token >= kShiftBase && token < kVelocityBase) {
        m_time += (token - kShiftBase + 1) * kStepSeconds;
        // Keep rounding error from piling up over long pieces.
        m_time = std::round(m_time / kStepSeconds) * kStepSeconds;
        for (int k = 0; k < kKeys; ++k)
            if (heldFor(k) >= kMaxNoteSeconds)
                close(k);
        if (event)
            event->kind = ComposedEvent::Kind::TimeShift;
    } else if (token >= kVelocityBase && token < kVocabularySize) {
        m_velocity = binVelocity(token - kVelocityBase);
        if (event) {
            event->kind = ComposedEvent::Kind::Velocity;
            event->velocity = m_velocity;
        }
    }
    if (event) {
        event->token = token;
        event->time = m_time;
        event->name = tokenName(token);
    }
}

int PerformanceEvents::Decoder::longestHeld(double *seconds) const
{
    int key = -1;
    double longest = -1.0;
    for (int k = 0; k < kKeys; ++k) {
        const double held = heldFor(k);
        if (held > longest) {
            longest = held;
            key = k;
        }
    }
    if (seconds)
        *seconds = std::max(0.0, longest);
    return key;
}

int PerformanceEvents::Decoder::openNotes() const
{
    return int(std::count_if(std::begin(m_open), std::end(m_open), [](int v) { return v != 0; }));
}

NoteSequence PerformanceEvents::Decoder::finish()
{
    for (int k = 0; k < kKeys; ++k)
        close(k);
    NoteSequence seq;
    seq.notes = std::move(m_notes);
    m_notes.clear();
    seq.sortNotes();
    seq.syncTicksFromSeconds();
    return seq;
}

}  // namespace aichopin
