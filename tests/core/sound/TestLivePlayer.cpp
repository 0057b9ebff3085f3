// LivePlayer driven through process() without an audio device: the playhead counts samples
// exactly, transport (play, pause, seek, stop, speed, gain) works, notes appended while playing
// sound at their times, an open-ended player waits for the generator, and opening audio where
// there is no device gives an error instead of a crash.

#include "AudioProbe.h"
#include "sound/LivePlayer.h"
#include "sound/SoundfontLocator.h"
#include "support/Notes.h"

#include <QTest>

#include <atomic>
#include <thread>

using namespace aichopin;
using namespace aichopin::test;

namespace {
constexpr int kRate = 22050;
constexpr int kBlock = 441;  // 20 ms, not a multiple of FluidSynth's 64

// Runs the player for seconds of audio and returns the mono mix.
std::vector<float> run(LivePlayer &p, double seconds)
{
    const int total = int(std::lround(seconds * kRate));
    std::vector<float> out;
    std::vector<float> l(kBlock), r(kBlock);
    for (int done = 0; done < total; done += kBlock) {
        const int n = std::min(kBlock, total - done);
        p.process(l.data(), r.data(), n);
        for (int i = 0; i < n; ++i)
            out.push_back(0.5f * (l[size_t(i)] + r[size_t(i)]));
    }
    return out;
}
}  // namespace

class TestLivePlayer : public QObject {
    Q_OBJECT

    std::unique_ptr<LivePlayer> make()
    {
        SynthOptions o;
        o.sampleRate = kRate;
        o.reverb = false;
        auto p = LivePlayer::create(o);
        if (!p.ok())
            return nullptr;
        return std::move(p).value();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!SoundfontLocator::find().ok())
            QSKIP("No General MIDI soundfont installed (install fluid-soundfont-gm)");
    }

    void playheadCountsSamples()
    {
        auto p = make();
        QVERIFY(p);
        NoteSequence seq;
        seq.notes = {note(69, 0.1, 0.5), note(72, 10.0, 0.5)};
        p->setSequence(seq);
        QCOMPARE(p->state(), LivePlayer::State::Stopped);
        run(*p, 0.5);
        QCOMPARE(p->position(), 0.0);  // stopped: no movement
        p->play();
        const std::vector<float> x = run(*p, 1.0);
        QVERIFY(std::fabs(p->position() - 1.0) < 1e-9);
        QVERIFY(goertzel(x, kRate, 440.0, 0.2, 0.55) > 50 * goertzel(x, kRate, 369.994, 0.2, 0.55));
        QVERIFY(rms(x, kRate, 0.0, 0.09) < 1e-4);
        const double on = onset(x, kRate, 0.005);
        QVERIFY2(on >= 0.1 && on < 0.11, qPrintable(QString::number(on)));
        // Hundreds of blocks later the note at 10 s starts exactly there (no drift).
        const std::vector<float> y = run(*p, 14.0);  // y starts at 1.0 s
        const double late = onset(y, kRate, 0.005) + 1.0;
        QVERIFY2(late >= 10.0 && late < 10.01, qPrintable(QString::number(late, 'f', 4)));
        QCOMPARE(p->state(), LivePlayer::State::Stopped);  // the music (10.5 s) ended
        QVERIFY(std::fabs(p->position() - 10.5) < 0.03);
    }

    void pauseSeekStop()
    {
        auto p = make();
        QVERIFY(p);
        NoteSequence seq;
        seq.notes = {note(69, 0.0, 20.0)};
        p->setSequence(seq);
        p->play();
        run(*p, 0.5);
        p->pause();
        QCOMPARE(p->state(), LivePlayer::State::Paused);
        const double at = p->position();
        run(*p, 0.5);
        QCOMPARE(p->position(), at);
        // Paused: the note is released and dies away.
        const std::vector<float> later = run(*p, 2.0);
        QVERIFY(rms(later, kRate, 1.5, 2.0) < 0.1 * rms(later, kRate, 0.0, 0.05) + 1e-4);
        p->seek(5.0);
        QCOMPARE(p->position(), 5.0);
        p->play();
        run(*p, 1.0);
        QVERIFY(std::fabs(p->position() - 6.0) < 1e-9);
        p->stop();
        QCOMPARE(p->position(), 0.0);
        const std::vector<float> afterStop = run(*p, 0.2);
        QCOMPARE(p->state(), LivePlayer::State::Stopped);
        QVERIFY(rms(afterStop, kRate, 0.05, 0.2) < 1e-3);
    }

    void speedAndGain()
    {
        auto p = make();
        QVERIFY(p);
        NoteSequence seq;
        seq.notes = {note(69, 0.0, 0.5), note(69, 2.0, 4.0)};
        p->setSequence(seq);
        p->setSpeed(2.0);
        p->play();
        run(*p, 0.5);
        QVERIFY(std::fabs(p->position() - 1.0) < 1e-9);
        p->setSpeed(1.0);
        const std::vector<float> x = run(*p, 1.5);
        QVERIFY(std::fabs(p->position() - 2.5) < 1e-9);
        // x starts at music 1.0 s; the note at 2.0 s comes 1 s into it at speed 1.
        QVERIFY(rms(x, kRate, 1.05, 1.45) > 5 * rms(x, kRate, 0.6, 0.95));
        p->setGain(0.0);
        const std::vector<float> muted = run(*p, 0.5);
        QVERIFY(peak(std::vector<float>(muted.begin() + kBlock, muted.end())) < 1e-6);
        QCOMPARE(p->gain(), 0.0);
        p->setSpeed(100.0);
        QCOMPARE(p->speed(), 4.0);
    }

    void appendedNotesSoundAndOpenEndedWaits()
    {
        auto p = make();
        QVERIFY(p);
        p->setOpenEnded(true);
        p->play();
        run(*p, 0.3);
        QCOMPARE(p->position(), 0.0);  // nothing generated yet: the playhead waits
        QCOMPARE(p->state(), LivePlayer::State::Playing);
        p->appendNotes({note(72, 0.0, 0.5), note(72, 0.5, 0.5)});
        const std::vector<float> a = run(*p, 1.0);
        QVERIFY(std::fabs(p->position() - 0.5) < 1e-9);  // waits at the latest note start
        QVERIFY(goertzel(a, kRate, 523.251, 0.1, 0.45) > 50 * goertzel(a, kRate, 369.994, 0.1, 0.45));
        p->appendNotes({note(69, 1.0, 0.5)});
        QVERIFY(std::fabs(p->knownEnd() - 1.5) < 1e-12);
        const std::vector<float> b = run(*p, 0.6);
        QVERIFY(std::fabs(p->position() - 1.0) < 1e-9);
        QCOMPARE(p->state(), LivePlayer::State::Playing);
        p->setOpenEnded(false);
        const std::vector<float> c = run(*p, 1.0);
        QCOMPARE(p->state(), LivePlayer::State::Stopped);
        QVERIFY(goertzel(c, kRate, 440.0, 0.05, 0.45) > 50 * goertzel(c, kRate, 369.994, 0.05, 0.45));
        // play() after the end starts again from the top.
        p->play();
        run(*p, 0.1);
        QVERIFY(p->position() > 0.09 && p->position() < 0.11);
    }

    void lateNotesStartAtOnceOrAreDropped()
    {
        auto p = make();
        QVERIFY(p);
        NoteSequence seq;
        seq.notes = {note(60, 5.0, 0.5)};
        p->setSequence(seq);
        p->play();
        run(*p, 1.0);
        // Starts in the past, still sounding: played at once. Entirely past: dropped.
        p->appendNotes({note(69, 0.5, 1.0), note(76, 0.1, 0.2)});
        const std::vector<float> x = run(*p, 0.4);
        QVERIFY(goertzel(x, kRate, 440.0, 0.05, 0.4) > 50 * goertzel(x, kRate, 659.255, 0.05, 0.4));
        QVERIFY(rms(x, kRate, 0.05, 0.4) > 0.005);
    }

    void appendFromAnotherThreadWhilePlaying()
    {
        auto p = make();
        QVERIFY(p);
        p->setOpenEnded(true);
        p->play();
        std::atomic<bool> done{false};
        std::thread generator([&] {
            for (int i = 0; i < 200; ++i) {
                p->appendNotes({note(60 + i % 12, 0.01 * i, 0.05)});
                std::this_thread::yield();
            }
            done.store(true);
        });
        while (!done.load())
            run(*p, 0.01);
        generator.join();
        p->setOpenEnded(false);
        run(*p, 3.0);
        QCOMPARE(p->state(), LivePlayer::State::Stopped);
        QVERIFY(std::fabs(p->knownEnd() - (0.01 * 199 + 0.05)) < 1e-9);
        QVERIFY(p->position() >= 0.01 * 199);
    }

    void liveKeysSoundWhateverTheTransport()
    {
        // A key clicked on the roll (or played on a MIDI keyboard while recording) sounds at
        // once, stopped or playing, and stops when let go.
        auto p = make();
        QVERIFY(p);
        QCOMPARE(p->state(), LivePlayer::State::Stopped);
        const std::vector<float> quiet = run(*p, 0.2);
        QVERIFY(rms(quiet, kRate, 0.0, 0.2) < 1e-4);
        p->playLive(MidiEvent{0.0, MidiEvent::NoteOn, 0, 69, 100});
        const std::vector<float> held = run(*p, 0.5);
        QVERIFY2(rms(held, kRate, 0.05, 0.5) > 0.01, qPrintable(QString::number(rms(held, kRate, 0.05, 0.5))));
        QVERIFY(goertzel(held, kRate, 440.0, 0.05, 0.5) > 10 * goertzel(held, kRate, 523.25, 0.05, 0.5));  // A4, not C5
        QCOMPARE(p->position(), 0.0);  // the playhead did not move
        p->playLive(MidiEvent{0.0, MidiEvent::NoteOff, 0, 69, 0});
        const std::vector<float> released = run(*p, 2.0);
        QVERIFY(rms(released, kRate, 1.5, 2.0) < 0.1 * rms(held, kRate, 0.05, 0.5));

        // While the piece plays the same key, letting the live key go does not cut its note.
        NoteSequence seq;
        seq.notes = {note(69, 0.0, 3.0)};
        p->setSequence(seq);
        p->play();
        run(*p, 0.3);
        p->playLive(MidiEvent{0.0, MidiEvent::NoteOn, 0, 69, 60});
        run(*p, 0.2);
        p->playLive(MidiEvent{0.0, MidiEvent::NoteOff, 0, 69, 0});
        const std::vector<float> piece = run(*p, 1.5);
        // The same piece alone, for its note's level as it dies away: a note cut short would
        // have faded to a fraction of it.
        auto alone = make();
        alone->setSequence(seq);
        alone->play();
        const std::vector<float> reference = run(*alone, 2.0);
        QVERIFY2(rms(piece, kRate, 1.0, 1.5) > 0.8 * rms(reference, kRate, 1.5, 2.0),
                 qPrintable(QStringLiteral("%1 against %2").arg(rms(piece, kRate, 1.0, 1.5)).arg(rms(reference, kRate, 1.5, 2.0))));
        // Another thread may send them too.
        p->stop();
        run(*p, 0.5);
        std::thread other([&p] { p->playLive(MidiEvent{0.0, MidiEvent::NoteOn, 0, 72, 90}); });
        other.join();
        const std::vector<float> fromThread = run(*p, 0.3);
        QVERIFY(rms(fromThread, kRate, 0.05, 0.3) > 0.01);
    }

    void loopPlaysTheRangeOverAndOver()
    {
        auto p = make();
        QVERIFY(p);
        NoteSequence seq;
        seq.notes = {note(69, 0.1, 0.8), note(72, 2.0, 1.0)};  // A4 inside the range, C5 after it
        p->setSequence(seq);
        p->setLoop(0.0, 1.5);
        p->play();
        const std::vector<float> rounds = run(*p, 4.0);
        QCOMPARE(p->state(), LivePlayer::State::Playing);
        QVERIFY2(p->position() < 1.5, qPrintable(QString::number(p->position())));
        QVERIFY(std::fabs(p->position() - (4.0 - 2 * 1.5)) < 1e-3);  // sample-exact rounds
        // A4 struck again in each round (at 0.1, 1.6 and 3.1 s); C5 never.
        for (double at : {0.1, 1.6, 3.1})
            QVERIFY2(goertzel(rounds, kRate, 440.0, at + 0.05, at + 0.4) > 10 * goertzel(rounds, kRate, 440.0, at - 0.1, at - 0.02) + 1e-6,
                     qPrintable(QStringLiteral("round at %1 s").arg(at)));
        QVERIFY(goertzel(rounds, kRate, 523.25, 0.0, 4.0) < 0.01 * goertzel(rounds, kRate, 440.0, 0.0, 4.0));

        // Play from outside the range starts at its beginning; a seek past its end plays on.
        p->pause();
        p->seek(2.5);
        p->play();
        run(*p, 0.2);
        QVERIFY2(p->position() < 0.3, qPrintable(QString::number(p->position())));
        p->seek(1.7);
        run(*p, 1.0);
        QVERIFY(std::fabs(p->position() - 2.7) < 1e-3);
        // No loop: straight through to the end.
        p->setLoop(0.0, 0.0);
        p->seek(0.0);
        run(*p, 2.0);
        QVERIFY(p->position() > 1.9);
        p->setLoop(1.0, 1.01);  // too short to be a loop
        p->seek(0.9);
        run(*p, 0.5);
        QVERIFY(p->position() > 1.3);
    }

    void openAudioWithoutDeviceIsAnError()
    {
        auto p = make();
        QVERIFY(p);
        const Status s = p->openAudio();
        if (s.ok()) {
            QVERIFY(p->audioOpen());
            QVERIFY(!p->audioDriver().isEmpty());
            p->closeAudio();
            QVERIFY(!p->audioOpen());
            QSKIP("This machine has an audio device; the no-device path is not reachable here");
        }
        QVERIFY(!p->audioOpen());
        QVERIFY(s.error().message.contains(QLatin1String("No audio output device")));
        // Still usable offline.
        NoteSequence seq;
        seq.notes = {note(69, 0.0, 0.5)};
        p->setSequence(seq);
        p->play();
        QVERIFY(rms(run(*p, 0.4), kRate, 0.05, 0.4) > 0.005);
        QVERIFY(!p->openAudio(QStringLiteral("no-such-driver")).ok());
    }
};

QTEST_GUILESS_MAIN(TestLivePlayer)
#include "TestLivePlayer.moc"
