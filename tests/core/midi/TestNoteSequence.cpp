// The piece edits behind continuing and rewriting (the part before a time, a range written
// again from a continuation) and the Edit menu's (deleting and transposing a range's notes).

#include "midi/NoteSequence.h"
#include "support/Notes.h"

#include <QtTest>

using namespace aichopin;
using namespace aichopin::test;

namespace {

// One note a second, pitches 60.., each 1.5 s long (so each overlaps the next); the pedal down
// at 0.5 and up at 7.5.
NoteSequence tenSeconds()
{
    NoteSequence s;
    for (int i = 0; i < 10; ++i)
        s.notes.push_back(note(60 + i, i, 1.5));
    s.pedals = {pedal(0.5, true), pedal(7.5, false)};
    s.tempoMap = TempoMap(96, {{0, 0, 400000}});
    s.texts << QStringLiteral("old settings");
    return s;
}

}  // namespace

class TestNoteSequence : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void anExcerptIsAPieceOfItsOwn()
    {
        // One note a second at 0.4 s per quarter (150 bpm), 3/4 from the start; from 6 s on
        // 0.5 s per quarter (120 bpm) in 2/4.
        NoteSequence s = tenSeconds();
        s.tempoMap = TempoMap(96, {{0, 0, 400000}, {960, 0, 500000}});  // tick 960 = 4 s
        s.timeSignatures = {TimeSignature{0, 3, 4}, TimeSignature{960, 2, 4}};
        s.syncTicksFromSeconds();
        const NoteSequence e = s.excerpt(2.0, 6.0);
        QCOMPARE(e.notes.size(), size_t(4));  // the notes at 2, 3, 4 and 5 s
        QCOMPARE(e.notes[0].start, 0.0);
        QCOMPARE(e.notes[0].pitch, 62);
        QCOMPARE(e.notes[3].start, 3.0);
        QCOMPARE(e.notes[3].duration, 1.0);  // cut at the end (it was 1.5 s)
        QCOMPARE(e.duration(), 4.0);
        // The tempo and metre of 2 s go on from 0, the change at 4 s comes at 2 s.
        QCOMPARE(e.tempoMap.changes().size(), size_t(2));
        QCOMPARE(e.tempoMap.changes()[0].microsPerQuarter, 400000);
        QCOMPARE(e.tempoMap.changes()[1].seconds, 2.0);
        QCOMPARE(e.tempoMap.changes()[1].microsPerQuarter, 500000);
        QCOMPARE(e.timeSignatures.size(), size_t(2));
        QCOMPARE(e.timeSignatures[0].tick, qint64(0));
        QCOMPARE(e.timeSignatures[0].numerator, 3);
        QCOMPARE(e.tempoMap.secondsAt(e.timeSignatures[1].tick), 2.0);
        QCOMPARE(e.notes[1].startTick, qint64(240));  // 1 s at 0.4 s per 96 ticks
        // The pedal, down from 0.5 s to 7.5 s, is down from the start and up at the end.
        QCOMPARE(e.pedals.size(), size_t(2));
        QVERIFY(e.pedals[0].down());
        QCOMPARE(e.pedals[0].time, 0.0);
        QVERIFY(!e.pedals[1].down());
        QCOMPARE(e.pedals[1].time, 4.0);
        QCOMPARE(e.texts, s.texts);
        // An excerpt after the last tempo change has that tempo only; one with no notes, none.
        const NoteSequence late = s.excerpt(7.0, 20.0);
        QCOMPARE(late.tempoMap.changes().size(), size_t(1));
        QCOMPARE(late.tempoMap.changes()[0].microsPerQuarter, 500000);
        QCOMPARE(late.timeSignatures.size(), size_t(1));
        QCOMPARE(late.timeSignatures[0].numerator, 2);
        QCOMPARE(late.notes.size(), size_t(3));
        QCOMPARE(late.pedals.size(), size_t(2));  // held at 7 s, released at 7.5 s: down at 0, up at 0.5
        QVERIFY(late.pedals[0].down());
        QCOMPARE(late.pedals[1].time, 0.5);
        QVERIFY(!late.pedals[1].down());
        QVERIFY(s.excerpt(2.2, 2.8).notes.empty());
    }

    void notesOfARangeAreDeletedOrTransposed()
    {
        NoteSequence s = tenSeconds();
        QCOMPARE(s.countNotesIn(2.0, 5.0), 3);
        QCOMPARE(s.countNotesIn(2.5, 2.9), 0);
        // A note that starts before the range but sounds into it is not the range's.
        QCOMPARE(s.removeNotesIn(2.5, 5.0), 2);  // the notes at 3 and 4 s
        QCOMPARE(s.notes.size(), size_t(8));
        QCOMPARE(s.notes[2].pitch, 62);
        QCOMPARE(s.notes[3].pitch, 65);
        QCOMPARE(s.notes[3].start, 5.0);
        QCOMPARE(s.duration(), 10.5);  // the time stays
        QCOMPARE(s.pedals.size(), size_t(2));
        QCOMPARE(s.removeNotesIn(20, 30), 0);

        // Transposed: the range's notes move, the others stay, and order is kept.
        NoteSequence t = tenSeconds();
        t.notes.push_back(note(40, 6.0, 1.0));
        t.sortNotes();
        QVERIFY(t.transposeNotesIn(6.0, 8.0, 12));
        QCOMPARE(t.notes[6].start, 6.0);
        QCOMPARE(t.notes[6].pitch, 52);
        QCOMPARE(t.notes[7].pitch, 78);
        QCOMPARE(t.notes[8].pitch, 79);
        QCOMPARE(t.notes[5].pitch, 65);
        QCOMPARE(t.notes[9].pitch, 68);
        // Out of the MIDI range: nothing moves.
        QVERIFY(!t.transposeNotesIn(0.0, 20.0, 50));
        QCOMPARE(t.notes[8].pitch, 79);
        QCOMPARE(t.notes[0].pitch, 60);
        QVERIFY(t.transposeNotesIn(0.0, 20.0, -40));
        QCOMPARE(t.notes[6].pitch, 12);
        QVERIFY(!t.transposeNotesIn(0.0, 20.0, -13));
        QCOMPARE(t.notes[6].pitch, 12);
    }

    void aRangeOfSomePitchesLeavesTheOthers()
    {
        // A bass line under the melody: a note at 48 beside each of 60..69.
        NoteSequence s = tenSeconds();
        for (int i = 0; i < 10; ++i)
            s.notes.push_back(note(48, i, 0.5));
        s.sortNotes();
        const NoteRange bass(2.0, 5.0, 40, 59);
        QVERIFY(!bass.allPitches());
        QVERIFY(NoteRange(2.0, 5.0).allPitches());
        QCOMPARE(s.countNotesIn(bass), 3);
        QCOMPARE(s.countNotesIn(NoteRange(2.0, 5.0)), 6);

        // Transposed up two octaves, the bass of 2 to 4 s goes above the melody's notes of its
        // start: moved, the others not, and the notes sorted again (by start, then pitch).
        NoteSequence t = s;
        QVERIFY(t.transposeNotesIn(bass, 24));
        QCOMPARE(t.countNotesIn(NoteRange(0.0, 20.0, 72, 72)), 3);
        QCOMPARE(t.countNotesIn(NoteRange(0.0, 20.0, 48, 48)), 7);
        QCOMPARE(t.notes[4].start, 2.0);
        QCOMPARE(t.notes[4].pitch, 62);
        QCOMPARE(t.notes[5].pitch, 72);
        for (size_t i = 1; i < t.notes.size(); ++i)
            QVERIFY(t.notes[i - 1].start < t.notes[i].start
                    || (t.notes[i - 1].start == t.notes[i].start && t.notes[i - 1].pitch <= t.notes[i].pitch));
        QVERIFY(!t.transposeNotesIn(NoteRange(0.0, 20.0, 70, 127), 60));  // 72 + 60 is off the range
        QCOMPARE(t.countNotesIn(NoteRange(0.0, 20.0, 72, 72)), 3);

        // Softer, deleted and cut out: the range's pitches only.
        NoteSequence v = s;
        QCOMPARE(v.scaleVelocitiesIn(bass, 0.5), 3);
        QCOMPARE(v.countNotesIn(NoteRange(0.0, 20.0, 0, 127)), 20);
        int soft = 0;
        for (const Note &n : v.notes)
            soft += n.velocity == 50 ? 1 : 0;
        QCOMPARE(soft, 3);
        const NoteSequence melody = s.excerpt(NoteRange(2.0, 5.0, 60, 127));
        QCOMPARE(melody.notes.size(), size_t(3));
        QCOMPARE(melody.notes[0].pitch, 62);
        QCOMPARE(melody.notes[0].start, 0.0);
        // 'only': the notes a box took in, wherever they go; moved with them, it holds them
        // still and not the notes its time and keys take in there.
        NoteRange two(2.0, 5.0, 40, 59);
        two.only = {note(48, 2.0, 0.5), note(48, 4.0, 0.5)};
        QCOMPARE(s.countNotesIn(two), 2);
        QVERIFY(!two.allPitches());
        NoteSequence m = s;
        for (Note &n : m.notes)
            if (two.holds(n)) {
                n.start += 0.5;
                n.pitch += 12;
            }
        m.sortNotes();
        const NoteRange after = two.moved(0.5, 12);
        QCOMPARE(after.from, 2.5);
        QCOMPARE(after.lowPitch, 52);
        QCOMPARE(after.highPitch, 71);
        QCOMPARE(m.countNotesIn(after), 2);
        QCOMPARE(m.countNotesIn(NoteRange(after.from, after.to, after.lowPitch, after.highPitch)), 5);  // with 63, 64 and 65
        QCOMPARE(NoteRange(2.0, 5.0).moved(1.0, 12).lowPitch, 0);  // every key stays every key
        QCOMPARE(s.removeNotesIn(bass), 3);
        QCOMPARE(s.notes.size(), size_t(17));
        QCOMPARE(s.countNotesIn(NoteRange(2.0, 5.0)), 3);
    }

    void scalesVelocitiesInARange()
    {
        NoteSequence s = tenSeconds();  // every velocity 100
        s.notes[3].velocity = 120;
        s.notes[4].velocity = 1;
        // Louder: the range's notes only, rounded, kept at most 127.
        QCOMPARE(s.scaleVelocitiesIn(2.0, 5.0, 1.2), 3);  // the notes at 2, 3 and 4 s
        QCOMPARE(s.notes[1].velocity, 100);
        QCOMPARE(s.notes[2].velocity, 120);
        QCOMPARE(s.notes[3].velocity, 127);
        QCOMPARE(s.notes[4].velocity, 2);  // 1.2 rounds back to 1: one step
        QCOMPARE(s.notes[5].velocity, 100);
        // Already at the top: nothing changes there.
        QCOMPARE(s.scaleVelocitiesIn(3.0, 4.0, 1.2), 0);
        QCOMPARE(s.notes[3].velocity, 127);
        // Softer: never below 1, and the shape of the dynamics stays.
        QCOMPARE(s.scaleVelocitiesIn(0.0, 20.0, 1 / 1.2), 10);
        QCOMPARE(s.notes[0].velocity, 83);
        QCOMPARE(s.notes[2].velocity, 100);
        QCOMPARE(s.notes[3].velocity, 106);
        QCOMPARE(s.notes[4].velocity, 1);
        QCOMPARE(s.scaleVelocitiesIn(4.0, 5.0, 0.5), 0);
        QCOMPARE(s.notes[4].velocity, 1);
        QCOMPARE(s.scaleVelocitiesIn(20.0, 30.0, 1.2), 0);
    }

    void stretchKeepsTheNotesSorted()
    {
        // Two starts a rounding apart (as a drag's arithmetic leaves them), the higher note
        // first: scaled, they may become one start, and are then ordered by pitch.
        int merged = 0;
        for (int i = 1; i < 400; ++i) {
            const double a = i * 0.37, b = std::nextafter(a, 1e9);
            NoteSequence t;
            t.notes = {test::note(70, a, 0.5), test::note(50, b, 0.5)};
            QVERIFY(t.stretch(1 / 1.1));
            merged += t.notes[0].start == t.notes[1].start ? 1 : 0;
            QVERIFY(t.notes[0].start < t.notes[1].start || t.notes[0].pitch <= t.notes[1].pitch);
        }
        QVERIFY(merged > 0);  // the case arose
    }

    void stretchSlowsTheWholePieceAndItsTempos()
    {
        NoteSequence s = tenSeconds();  // 150 bpm (400000 us a quarter), 96 ticks a quarter
        s.tempoMap = TempoMap(96, {{0, 0, 400000}, {960, 0, 500000}});
        s.syncTicksFromSeconds();
        const NoteSequence before = s;
        QVERIFY(s.stretch(1.25));
        QCOMPARE(s.notes.size(), before.notes.size());
        QCOMPARE(s.notes[4].start, 5.0);
        QCOMPARE(s.notes[4].duration, 1.875);
        QCOMPARE(s.notes[4].startTick, before.notes[4].startTick);  // ticks and bars stay
        QCOMPARE(s.pedals[1].time, 9.375);
        QCOMPARE(s.tempoMap.changes()[0].microsPerQuarter, 500000);
        QCOMPARE(s.tempoMap.changes()[1].microsPerQuarter, 625000);
        QCOMPARE(s.tempoMap.secondsAt(960), 5.0);  // 10 quarters at 0.5 s
        for (const Note &n : s.notes)
            QVERIFY(std::abs(s.tempoMap.secondsAt(n.startTick) - n.start) < 1e-3);  // still one clock
        // Back again, and no further than MIDI's slowest tempo.
        QVERIFY(s.stretch(0.8));
        QCOMPARE(s.notes[4].start, 4.0);
        QCOMPARE(s.tempoMap.changes()[1].microsPerQuarter, 500000);
        QVERIFY(!s.stretch(40.0));
        QCOMPARE(s.notes[4].start, 4.0);
        QVERIFY(!s.stretch(0.0));
    }

    void beforeCutsNotesAndDropsLaterEvents()
    {
        NoteSequence s = tenSeconds();
        s.timeSignatures = {TimeSignature{0, 3, 4}};
        const NoteSequence b = s.before(3.2);
        QCOMPARE(b.notes.size(), size_t(4));  // the notes at 0, 1, 2 and 3 s
        QCOMPARE(b.notes[1].duration, 1.5);  // ends at 2.5: whole
        QVERIFY(qAbs(b.notes[2].duration - 1.2) < 1e-12);  // ended at 3.5: cut
        QVERIFY(qAbs(b.notes[3].duration - 0.2) < 1e-12);
        QCOMPARE(b.pedals.size(), size_t(1));
        QCOMPARE(b.pedals[0].time, 0.5);
        QCOMPARE(b.tempoMap.ticksPerQuarter(), 96);
        QCOMPARE(b.tempoMap.secondsAt(96), 0.4);
        QCOMPARE(b.timeSignatures.size(), size_t(1));  // the metre goes on too
        QCOMPARE(b.timeSignatures[0].numerator, 3);
        QVERIFY(b.duration() <= 3.2 + 1e-12);
        // A note starting exactly at the time belongs to what follows.
        QCOMPARE(s.before(3.0).notes.size(), size_t(3));
        QVERIFY(s.before(0.0).notes.empty());
    }

    void rewrittenRangeKeepsWhatIsOutsideIt()
    {
        const NoteSequence s = tenSeconds();
        // A continuation of before(3): the primer as given, then new notes from 3 s on, some
        // running past the range's end, and one after it.
        NoteSequence c = s.before(3.0);
        c.pedals.push_back(pedal(3.0, false));  // the release a continuation adds where its primer ends
        c.notes.push_back(note(40, 3.0, 0.5));
        c.notes.push_back(note(41, 5.5, 2.0));  // runs past 6: cut there
        c.notes.push_back(note(42, 6.0, 0.5));  // starts at the range's end: not taken
        c.notes.push_back(note(43, 1.0, 0.5));  // before the range: the old piece's part stays
        c.pedals.push_back(pedal(4.0, true));
        c.pedals.push_back(pedal(6.5, false));  // after the range: the old piece's pedalling wins
        c.texts = QStringList{QStringLiteral("new settings")};
        c.sortNotes();

        const NoteSequence r = s.withRangeRewritten(3.0, 6.0, c);
        QStringList got;
        for (const Note &n : r.notes)
            got << QStringLiteral("%1@%2+%3").arg(n.pitch).arg(n.start).arg(n.duration);
        QCOMPARE(got.join(QLatin1Char(' ')),
                 QStringLiteral("60@0+1.5 61@1+1.5 62@2+1 40@3+0.5 41@5.5+0.5 66@6+1.5 67@7+1.5 68@8+1.5 69@9+1.5"));
        QStringList pedals;
        for (const PedalEvent &p : r.pedals)
            pedals << QStringLiteral("%1%2").arg(p.down() ? "v" : "^").arg(p.time);
        QCOMPARE(pedals.join(QLatin1Char(' ')), QStringLiteral("v0.5 ^3 v4 ^7.5"));
        QCOMPARE(r.texts, QStringList{QStringLiteral("new settings")});
        QCOMPARE(r.tempoMap.ticksPerQuarter(), 96);

        // Played with its pedal, no rewritten note sounds past the range.
        NoteSequence sounding = r;
        sounding.pedals.erase(sounding.pedals.begin() + 2, sounding.pedals.begin() + 3);  // no pedal inside
        sounding.applySustainPedal();
        for (const Note &n : sounding.notes)
            if (n.pitch < 60)
                QVERIFY2(n.end() <= 6.0 + 1e-12, qPrintable(QStringLiteral("%1 ends at %2").arg(n.pitch).arg(n.end())));
    }

    void afterTheRangeThePedalIsWhereThePieceHadIt()
    {
        const auto pedalText = [](const NoteSequence &s) {
            QStringList out;
            for (const PedalEvent &p : s.pedals)
                out << QStringLiteral("%1%2").arg(p.down() ? "v" : "^").arg(p.time);
            return out.join(QLatin1Char(' '));
        };
        // The piece holds the pedal from 0.5 to 7.5; the continuation of before(3) releases it
        // at 3 (as a continuation does) and does not press it again: down again just after 6.
        const NoteSequence held = tenSeconds();
        NoteSequence c = held.before(3.0);
        c.pedals.push_back(pedal(3.0, false));
        c.notes.push_back(note(40, 5.0, 1.0));  // cut at 6, where the pedal comes back
        NoteSequence r = held.withRangeRewritten(3.0, 6.0, c);
        QCOMPARE(pedalText(r), QStringLiteral("v0.5 ^3 v6.005 ^7.5"));
        QVERIFY(r.pedals[2].tick > r.tempoMap.tickAt(6.0));
        NoteSequence sounding = r;
        sounding.applySustainPedal();
        for (const Note &n : sounding.notes) {
            if (n.pitch == 40)
                QCOMPARE(n.end(), 6.0);  // the press just after 6 does not catch it
            if (n.pitch == 66)
                QCOMPARE(n.end(), 7.5);  // the old note after the range is held as before
        }

        // The piece has the pedal up at 6 (released at 2.5); the continuation presses it at 4
        // and its release falls after the range: up at 6, or it would blur the rest.
        NoteSequence dry = tenSeconds();
        dry.pedals = {pedal(0.5, true), pedal(2.5, false)};
        c = dry.before(3.0);
        c.pedals.push_back(pedal(4.0, true));
        c.pedals.push_back(pedal(6.5, false));
        r = dry.withRangeRewritten(3.0, 6.0, c);
        QCOMPARE(pedalText(r), QStringLiteral("v0.5 ^2.5 v4 ^6"));

        // Where the piece itself changes the pedal at 'to', nothing is added.
        NoteSequence changing = tenSeconds();
        changing.pedals = {pedal(0.5, true), pedal(6.0, false), pedal(6.002, true)};
        c = changing.before(3.0);
        c.pedals.push_back(pedal(3.0, false));
        r = changing.withRangeRewritten(3.0, 6.0, c);
        QCOMPARE(pedalText(r), QStringLiteral("v0.5 ^3 ^6 v6.002"));
    }

    void anEmptyRangeChangesNothingButTheTexts()
    {
        const NoteSequence s = tenSeconds();
        NoteSequence c = s.before(4.0);
        c.notes.push_back(note(30, 4.0, 1.0));
        const NoteSequence r = s.withRangeRewritten(4.0, 4.0, c);
        QCOMPARE(r.notes.size(), s.notes.size());
        for (size_t i = 0; i < r.notes.size(); ++i)
            QCOMPARE(r.notes[i].pitch, s.notes[i].pitch);
        QVERIFY(r.texts.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestNoteSequence)
#include "TestNoteSequence.moc"
