#include "composer/PaperTokens.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace aichopin {

namespace {
constexpr double kChordWindow = 0.01;

int pitchClass(const QString &name)
{
    static const char *const names[] = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};
    for (int i = 0; i < 12; ++i)
        if (name == QLatin1String(names[i]))
            return i;
    return -1;
}
}  // namespace

QStringList PaperTokens::tokenize(const NoteSequence &input)
{
    NoteSequence seq = input;
    seq.sortNotes();
    QStringList tokens;
    size_t i = 0;
    while (i < seq.notes.size()) {
        const double onset = seq.notes[i].start;
        std::set<int> pitches;
        size_t j = i;
        for (; j < seq.notes.size() && seq.notes[j].start - onset < kChordWindow; ++j)
            if (seq.notes[j].pitch >= kPianoLowest && seq.notes[j].pitch <= kPianoHighest)
                pitches.insert(seq.notes[j].pitch);
        i = j;
        if (pitches.empty())
            continue;
        if (pitches.size() == 1) {
            tokens << pitchName(*pitches.begin());
            continue;
        }
        std::set<int> classes;
        for (int p : pitches)
            classes.insert(p % 12);
        if (classes.size() == 1) {  // octaves: one pitch class, still a chord in the paper's terms
            tokens << QString::number(*classes.begin());
            continue;
        }
        QStringList parts;
        for (int c : classes)
            parts << QString::number(c);
        tokens << parts.join(QLatin1Char('.'));
    }
    return tokens;
}

std::vector<int> PaperTokens::pitchesOf(const QString &token)
{
    std::vector<int> out;
    if (token.isEmpty())
        return out;
    if (token.at(0).isDigit()) {
        for (const QString &part : token.split(QLatin1Char('.'))) {
            bool ok = false;
            const int c = part.toInt(&ok);
            if (!ok || c < 0 || c > 11)
                return {};
            out.push_back(60 + c);
        }
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        return out;
    }
    int split = 1;
    if (token.size() > 1 && token.at(1) == QLatin1Char('#'))
        split = 2;
    const int pc = pitchClass(token.left(split));
    bool ok = false;
    const int octave = token.mid(split).toInt(&ok);
    if (pc < 0 || !ok)
        return {};
    const int pitch = (octave + 1) * 12 + pc;
    if (pitch < kPianoLowest || pitch > kPianoHighest)
        return {};
    return {pitch};
}

void PaperTokens::describe(const QString &token, int index, ComposedEvent *event)
{
    const double step = kBeatsPerToken * kSecondsPerBeat;
    event->kind = ComposedEvent::Kind::Onset;
    event->name = token;
    event->time = index * step;
    event->pitches = pitchesOf(token);
    event->velocity = kVelocity;
    event->duration = step;
}

NoteSequence PaperTokens::decode(const QStringList &tokens)
{
    NoteSequence seq;
    ComposedEvent e;
    for (int i = 0; i < tokens.size(); ++i) {
        describe(tokens[i], i, &e);
        for (int p : e.pitches) {
            Note n;
            n.pitch = p;
            n.start = e.time;
            n.duration = e.duration;
            n.velocity = e.velocity;
            seq.notes.push_back(n);
        }
    }
    seq.sortNotes();
    seq.syncTicksFromSeconds();
    return seq;
}

}  // namespace aichopin
