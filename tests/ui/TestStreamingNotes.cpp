// Turning streamed composer events into finished notes.

#include "compose/StreamingNotes.h"

#include <QtTest>

using namespace aichopin;

namespace {
ComposedEvent ev(ComposedEvent::Kind kind, double time, std::vector<int> pitches, int velocity = 0, double duration = -1)
{
    ComposedEvent e;
    e.kind = kind;
    e.time = time;
    e.pitches = std::move(pitches);
    e.velocity = velocity;
    e.duration = duration;
    return e;
}
}  // namespace

class TestStreamingNotes : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pairsOnAndOff()
    {
        StreamingNotes s;
        std::vector<Note> done;
        s.add(ev(ComposedEvent::Kind::NoteOn, 0.0, {60}, 90), done);
        s.add(ev(ComposedEvent::Kind::NoteOn, 0.1, {64}, 70), done);
        QVERIFY(done.empty());
        s.add(ev(ComposedEvent::Kind::NoteOff, 0.5, {64}), done);
        s.add(ev(ComposedEvent::Kind::TimeShift, 0.6, {}), done);
        s.add(ev(ComposedEvent::Kind::NoteOff, 1.0, {60}), done);
        QCOMPARE(done.size(), size_t(2));
        QCOMPARE(done[0].pitch, 64);
        QCOMPARE(done[0].duration, 0.4);
        QCOMPARE(done[1].pitch, 60);
        QCOMPARE(done[1].velocity, 90);
        QCOMPARE(done[1].duration, 1.0);
        QCOMPARE(s.openNotes(), 0);
    }

    void restrikeAndFinishCloseNotes()
    {
        StreamingNotes s;
        std::vector<Note> done;
        s.add(ev(ComposedEvent::Kind::NoteOn, 0.0, {60}, 90), done);
        s.add(ev(ComposedEvent::Kind::NoteOn, 0.3, {60}, 50), done);
        QCOMPARE(done.size(), size_t(1));
        QCOMPARE(done[0].duration, 0.3);
        s.add(ev(ComposedEvent::Kind::NoteOn, 0.4, {67}, 50), done);
        s.finish(2.0, done);
        QCOMPARE(done.size(), size_t(3));
        QCOMPARE(done[1].start, 0.3);  // sorted by start within the call
        QCOMPARE(done[2].end(), 2.0);
    }

    void notesHeldTooLongEndLikeTheDecoder()
    {
        StreamingNotes s;
        std::vector<Note> done;
        s.add(ev(ComposedEvent::Kind::NoteOn, 1.0, {60}, 90), done);
        s.add(ev(ComposedEvent::Kind::TimeShift, 10.5, {}), done);
        QVERIFY(done.empty());
        s.add(ev(ComposedEvent::Kind::TimeShift, 11.5, {}), done);
        QCOMPARE(done.size(), size_t(1));
        QCOMPARE(done[0].duration, StreamingNotes::kMaxNoteSeconds);
    }

    void paperOnsets()
    {
        StreamingNotes s;
        std::vector<Note> done;
        s.add(ev(ComposedEvent::Kind::Onset, 0.0, {60, 64, 67}, 80, 0.25), done);
        QCOMPARE(done.size(), size_t(3));
        s.add(ev(ComposedEvent::Kind::Onset, 0.25, {62}, 80), done);
        s.add(ev(ComposedEvent::Kind::Onset, 0.5, {64}, 80), done);
        QCOMPARE(done.size(), size_t(4));
        QCOMPARE(done[3].pitch, 62);
        QCOMPARE(done[3].duration, 0.25);
    }
};

QTEST_GUILESS_MAIN(TestStreamingNotes)
#include "TestStreamingNotes.moc"
