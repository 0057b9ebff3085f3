// MIDI: port listing never crashes (and explains an empty list), port lookup, the output
// player's timing and all-notes-off, the phrase assembler, and a round trip through ALSA
// virtual ports where the sequencer exists.

#include "sound/MidiEventSchedule.h"
#include "sound/MidiOutput.h"
#include "sound/MidiOutputPlayer.h"
#include "sound/MidiPorts.h"
#include "sound/MidiRecorder.h"
#include "sound/PhraseAssembler.h"
#include "support/Notes.h"

#include <QTest>
#include <QThread>

#include <chrono>
#include <mutex>

using namespace aichopin;

namespace {
Note note(int pitch, double start, double duration, int channel = 0)
{
    Note n = test::note(pitch, start, duration, 90);
    n.channel = channel;
    return n;
}

struct Sent {
    double at;  // seconds since the start
    std::vector<unsigned char> bytes;
};

struct Recorder {
    std::mutex mutex;
    std::vector<Sent> sent;
    std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
    MidiOutputPlayer::Sink sink()
    {
        return [this](const unsigned char *b, size_t n) {
            std::lock_guard<std::mutex> lock(mutex);
            sent.push_back({std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), {b, b + n}});
        };
    }
};
}  // namespace

class TestMidiPorts : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void listingNeverFailsSilently()
    {
        for (const MidiPortList &list : {MidiPorts::outputs(), MidiPorts::inputs()}) {
            if (list.ports.isEmpty())
                QVERIFY(!list.explanation.isEmpty());
            else
                QVERIFY(!list.api.isEmpty());
        }
    }

    void resolveByIndexOrName()
    {
        const MidiPortList list{{"Midi Through Port-0", "Digital Piano MIDI 1"}, "ALSA", {}};
        QCOMPARE(MidiPorts::resolve(list, "1").value(), 1);
        QCOMPARE(MidiPorts::resolve(list, "digital piano").value(), 1);
        QCOMPARE(MidiPorts::resolve(list, "Through").value(), 0);
        const Result<int> missing = MidiPorts::resolve(list, "Harpsichord");
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message.contains("1: Digital Piano MIDI 1"));
        QVERIFY(!MidiPorts::resolve(list, "7").ok());
        const MidiPortList none{{}, {}, "no sequencer here"};
        QCOMPARE(MidiPorts::resolve(none, "0").error().message, QStringLiteral("no sequencer here"));
    }

    void openingAMissingPortIsAnError()
    {
        MidiOutput out;
        QVERIFY(!out.open("no port has this name 1234").ok());
        QVERIFY(!out.isOpen());
        out.send(reinterpret_cast<const unsigned char *>("\x90\x40\x40"), 3);  // closed: counted, no crash
        QCOMPARE(out.sendErrors(), 1);
        MidiRecorder rec;
        QVERIFY(!rec.start("no port has this name 1234").ok());
        QVERIFY(!rec.isRecording());
    }

    void outputPlayerTimingAndOrder()
    {
        NoteSequence seq;
        seq.notes = {note(60, 0.0, 0.2), note(64, 0.1, 0.2), note(67, 0.2, 0.2, 3)};
        PedalEvent down;
        down.time = 0.05;
        down.value = 127;
        seq.pedals = {down};
        Recorder rec;
        MidiOutputPlayer player(rec.sink());
        player.start(seq, 2.0);
        QVERIFY(player.position() < 0.4);
        QVERIFY(player.wait(5000));
        QVERIFY(!player.isRunning());
        QCOMPARE(player.position(), 0.4);  // the end
        std::lock_guard<std::mutex> lock(rec.mutex);
        // 6 note events + 1 pedal, then the silencing: pedal up + CC123 on 16 channels.
        QCOMPARE(int(rec.sent.size()), 7 + 32);
        // Never early: each event at or after its time / speed.
        const double due[] = {0.0, 0.025, 0.05, 0.1, 0.1, 0.15, 0.2};
        const unsigned char status[] = {0x90, 0xB0, 0x90, 0x80, 0x93, 0x80, 0x83};
        for (int i = 0; i < 7; ++i) {
            QVERIFY2(rec.sent[size_t(i)].at >= due[i] - 0.001, qPrintable(QString::number(i)));
            QCOMPARE(rec.sent[size_t(i)].bytes[0], status[i]);
        }
        QVERIFY(rec.sent[6].at < 1.0);  // and not absurdly late
        for (int ch = 0; ch < 16; ++ch) {
            const Sent &up = rec.sent[size_t(7 + 2 * ch)];
            const Sent &off = rec.sent[size_t(8 + 2 * ch)];
            QCOMPARE(up.bytes, (std::vector<unsigned char>{static_cast<unsigned char>(0xB0 | ch), 64, 0}));
            QCOMPARE(off.bytes, (std::vector<unsigned char>{static_cast<unsigned char>(0xB0 | ch), 123, 0}));
        }
    }

    void stopSendsNoteOffsForHeldKeys()
    {
        NoteSequence seq;
        seq.notes = {note(60, 0.0, 10.0), note(62, 0.0, 10.0, 5), note(64, 5.0, 1.0)};
        Recorder rec;
        MidiOutputPlayer player(rec.sink());
        player.start(seq);
        QTest::qWait(100);
        QVERIFY(player.isRunning());
        const double during = player.position();
        QVERIFY2(during >= 0.09 && during < 5.0, qPrintable(QString::number(during)));  // follows the clock
        player.stop();
        QVERIFY(!player.isRunning());
        const double stoppedAt = player.position();
        QVERIFY(stoppedAt >= during && stoppedAt < 5.0);
        QTest::qWait(50);
        QCOMPARE(player.position(), stoppedAt);  // stays where it stopped
        std::lock_guard<std::mutex> lock(rec.mutex);
        std::vector<std::vector<unsigned char>> tail;
        for (size_t i = 2; i < rec.sent.size(); ++i)
            tail.push_back(rec.sent[i].bytes);
        QCOMPARE(int(tail.size()), 2 + 32);
        QCOMPARE(tail[0], (std::vector<unsigned char>{0x80, 60, 0}));
        int cc123 = 0;
        bool channel5Off = false;
        for (const auto &m : tail) {
            cc123 += (m[0] & 0xF0) == 0xB0 && m[1] == 123;
            channel5Off = channel5Off || (m[0] == 0x85 && m[1] == 62);
        }
        QCOMPARE(cc123, 16);
        QVERIFY(channel5Off);
    }

    void startingLaterRestoresThePedal()
    {
        NoteSequence seq;
        seq.notes = {note(60, 0.0, 0.5), note(62, 1.0, 0.1)};
        PedalEvent down;
        down.time = 0.2;
        down.value = 100;
        seq.pedals = {down};
        Recorder rec;
        MidiOutputPlayer player(rec.sink());
        player.start(seq, 1.0, 0.9);
        QVERIFY(player.position() >= 0.9);  // absolute: includes the starting point
        QVERIFY(player.wait(5000));
        QCOMPARE(player.position(), 1.1);
        std::lock_guard<std::mutex> lock(rec.mutex);
        QVERIFY(rec.sent.size() >= 3);
        QCOMPARE(rec.sent[0].bytes, (std::vector<unsigned char>{0xB0, 64, 100}));  // pedal as it was at 0.9 s
        QCOMPARE(rec.sent[1].bytes, (std::vector<unsigned char>{0x90, 62, 90}));    // the note at 1.0 s, not the one before
        QVERIFY(rec.sent[1].at >= 0.099);
        QCOMPARE(rec.sent[2].bytes, (std::vector<unsigned char>{0x80, 62, 0}));
    }

    void assemblerPairsNotesAndPedal()
    {
        PhraseAssembler a;
        auto feed = [&a](double t, unsigned char s, unsigned char d1, unsigned char d2) {
            const unsigned char m[3] = {s, d1, d2};
            a.feed(t, m, 3);
        };
        feed(100.0, 0x90, 60, 80);   // C4 on
        feed(100.2, 0xB0, 64, 127);  // pedal down
        feed(100.5, 0x90, 60, 0);    // C4 off by velocity 0
        feed(100.6, 0x91, 64, 70);   // E4 on channel 1
        feed(100.8, 0x91, 64, 90);   // E4 re-struck: ends the first
        feed(101.0, 0xB0, 7, 100);   // volume: ignored
        feed(101.2, 0x90, 67, 60);   // G4 still held at the end
        feed(101.4, 0xB0, 64, 0);    // pedal up
        feed(101.5, 0x81, 64, 0);    // E4 off
        QCOMPARE(a.noteCount(), 4);
        const NoteSequence seq = a.sequence(102.0);
        QCOMPARE(int(seq.notes.size()), 4);
        QCOMPARE(seq.notes[0].pitch, 60);
        QCOMPARE(seq.notes[0].start, 0.0);
        QVERIFY(std::fabs(seq.notes[0].duration - 0.5) < 1e-9);
        QCOMPARE(seq.notes[0].velocity, 80);
        QCOMPARE(seq.notes[1].pitch, 64);
        QCOMPARE(seq.notes[1].channel, 1);
        QVERIFY(std::fabs(seq.notes[1].duration - 0.2) < 1e-9);
        QCOMPARE(seq.notes[2].pitch, 64);
        QVERIFY(std::fabs(seq.notes[2].start - 0.8) < 1e-9);
        QVERIFY(std::fabs(seq.notes[2].duration - 0.7) < 1e-9);
        QCOMPARE(seq.notes[2].velocity, 90);
        QCOMPARE(seq.notes[3].pitch, 67);
        QVERIFY(std::fabs(seq.notes[3].duration - 0.8) < 1e-9);  // held: ends at 102.0
        QCOMPARE(int(seq.pedals.size()), 2);
        QVERIFY(seq.pedals[0].down());
        QVERIFY(std::fabs(seq.pedals[1].time - 1.4) < 1e-9);
        QVERIFY(seq.notes[2].startTick > 0);  // ticks filled in
        a.clear();
        QCOMPARE(a.noteCount(), 0);
        QVERIFY(a.sequence(0).notes.empty());
    }

    void recorderQueueWithoutPort()
    {
        MidiRecorder rec;
        int signalled = 0;
        rec.setDataAvailableCallback([&] { ++signalled; });
        const unsigned char on[3] = {0x90, 69, 100}, off[3] = {0x80, 69, 0}, clock[1] = {0xF8};
        rec.receive(10.0, on, 3);
        rec.receive(10.5, off, 3);
        rec.receive(10.6, clock, 1);  // not a channel message: ignored
        QCOMPARE(signalled, 1);  // once per batch
        QCOMPARE(rec.noteCount(), 1);
        rec.receive(11.0, on, 3);
        QCOMPARE(signalled, 2);
        const NoteSequence seq = rec.sequence();
        QCOMPARE(int(seq.notes.size()), 2);
        QVERIFY(std::fabs(seq.notes[0].duration - 0.5) < 1e-9);
    }

    void recordingWithoutAPortTakesWhatItIsGiven()
    {
        MidiRecorder rec;
        QVERIFY(!rec.isRecording());
        const unsigned char on[3] = {0x90, 69, 100}, off[3] = {0x80, 69, 0};
        rec.receive(1.0, on, 3);  // before: not part of the take
        rec.receive(1.2, off, 3);
        rec.startWithoutPort(QStringLiteral("the roll's keyboard"));
        QVERIFY(rec.isRecording());
        QCOMPARE(rec.portName(), QStringLiteral("the roll's keyboard"));
        QCOMPARE(rec.noteCount(), 0);
        rec.receive(2.0, on, 3);
        rec.receive(2.25, off, 3);
        const NoteSequence take = rec.stop();
        QVERIFY(!rec.isRecording());
        QCOMPARE(int(take.notes.size()), 1);
        QVERIFY(std::fabs(take.notes[0].duration - 0.25) < 1e-9);
    }

    void recorderPassesWhatIsPlayedThrough()
    {
        // Each channel message, as it comes, so the phrase can be heard while it is played.
        MidiRecorder rec;
        std::vector<MidiEvent> heard;
        rec.setThruCallback([&heard](const unsigned char *bytes, size_t size) {
            MidiEvent e;
            if (MidiEvent::fromBytes(bytes, size, &e))
                heard.push_back(e);
        });
        const unsigned char on[3] = {0x91, 60, 100}, silentOn[3] = {0x91, 60, 0}, pedal[3] = {0xB0, 64, 127},
                            program[3] = {0xC0, 5, 0}, clock[1] = {0xF8};
        rec.receive(1.0, on, 3);
        rec.receive(1.2, pedal, 3);
        rec.receive(1.3, clock, 1);  // not a channel message: not passed on
        rec.receive(1.4, program, 3);  // passed on, but not a note or controller
        rec.receive(1.5, silentOn, 3);
        QCOMPARE(int(heard.size()), 3);
        QCOMPARE(heard[0].type, MidiEvent::NoteOn);
        QCOMPARE(int(heard[0].channel), 1);
        QCOMPARE(int(heard[0].data1), 60);
        QCOMPARE(int(heard[0].data2), 100);
        QCOMPARE(heard[1].type, MidiEvent::Controller);
        QCOMPARE(int(heard[1].data1), 64);
        QCOMPARE(heard[2].type, MidiEvent::NoteOff);  // a note-on at velocity 0 lets the key go
        QCOMPARE(rec.noteCount(), 1);  // and the phrase is recorded as before
        // Back to bytes, as sent to a MIDI output.
        unsigned char bytes[3];
        heard[0].toBytes(bytes);
        QCOMPARE(int(bytes[0]), 0x91);
        const unsigned char broken[3] = {0x90, 0x80, 10};
        MidiEvent e;
        QVERIFY(!MidiEvent::fromBytes(broken, 3, &e));
        QVERIFY(!MidiEvent::fromBytes(on, 2, &e));
    }

    void virtualPortRoundTrip()
    {
        MidiOutput out;
        const QString name = QStringLiteral("AIChopinTest%1").arg(QCoreApplication::applicationPid());
        const Status s = out.openVirtual(name);
        if (!s.ok())
            QSKIP(qPrintable(QStringLiteral("No virtual MIDI ports here: %1").arg(s.error().message)));
        QThread::msleep(100);
        const MidiPortList inputs = MidiPorts::inputs();
        QVERIFY2(MidiPorts::resolve(inputs, name).ok(), qPrintable(inputs.ports.join(", ")));
        MidiRecorder rec;
        const Status started = rec.start(name);
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
        NoteSequence seq;
        seq.notes = {note(60, 0.0, 0.1), note(64, 0.15, 0.1)};
        PedalEvent down;
        down.time = 0.05;
        down.value = 127;
        seq.pedals = {down};
        MidiOutputPlayer player(&out);
        player.start(seq);
        QVERIFY(player.wait(5000));
        QThread::msleep(200);
        const NoteSequence got = rec.stop();
        QCOMPARE(int(got.notes.size()), 2);
        QCOMPARE(got.notes[0].pitch, 60);
        QCOMPARE(got.notes[1].pitch, 64);
        QVERIFY(std::fabs(got.notes[1].start - 0.15) < 0.05);
        QVERIFY(!got.pedals.empty());
        QVERIFY(got.pedals.front().down());
    }
};

QTEST_GUILESS_MAIN(TestMidiPorts)
#include "TestMidiPorts.moc"
