// RecordingPlayer and AudioOutput without an audio device: the recording comes out sample for
// sample through process(), the playhead counts samples exactly, transport (play, pause, seek,
// stop, end of the recording, gain) works, a WAV decodes at the player's rate, a broken file is
// an error that keeps the old recording, the playhead is readable from another thread while
// process() runs, and opening audio where there is no device is an error, not a crash.
#include "support/TestAudio.h"
#include "sound/AudioOutput.h"
#include "sound/RecordingPlayer.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <cmath>
#include <thread>

using namespace aichopin;

namespace {
constexpr int kRate = 22050;
constexpr int kBlock = 441;

std::vector<float> ramp(int n)
{
    std::vector<float> v(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i)
        v[size_t(i)] = float(i % 1000) / 1000.0f;
    return v;
}

std::vector<float> run(RecordingPlayer &p, int frames)
{
    std::vector<float> out, l(kBlock), r(kBlock);
    for (int done = 0; done < frames; done += kBlock) {
        const int n = std::min(kBlock, frames - done);
        p.process(l.data(), r.data(), n);
        for (int i = 0; i < n; ++i) {
            if (l[size_t(i)] != r[size_t(i)])
                return {};
            out.push_back(l[size_t(i)]);
        }
    }
    return out;
}
}  // namespace

class TestRecordingPlayer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void playsSamplesExactly()
    {
        RecordingPlayer p(kRate);
        const std::vector<float> src = ramp(kRate);  // 1 s
        p.setSamples(src);
        QCOMPARE(p.duration(), 1.0);
        QCOMPARE(p.state(), RecordingPlayer::State::Stopped);
        // Silence while stopped, and the playhead stays.
        std::vector<float> out = run(p, 1000);
        QVERIFY(std::all_of(out.begin(), out.end(), [](float v) { return v == 0.0f; }));
        QCOMPARE(p.position(), 0.0);
        p.play();
        out = run(p, 4410);
        QCOMPARE(out.size(), size_t(4410));
        for (int i = 0; i < 4410; ++i)
            QCOMPARE(out[size_t(i)], src[size_t(i)]);
        QCOMPARE(p.position(), 0.2);
    }

    void transport()
    {
        RecordingPlayer p(kRate);
        const std::vector<float> src = ramp(kRate);
        p.setSamples(src);
        p.play();
        run(p, 2205);
        p.pause();
        QCOMPARE(p.state(), RecordingPlayer::State::Paused);
        std::vector<float> out = run(p, 882);
        QVERIFY(std::all_of(out.begin(), out.end(), [](float v) { return v == 0.0f; }));
        QCOMPARE(p.position(), 0.1);
        // Seek is visible at once and playback continues from there.
        p.seek(0.5);
        QCOMPARE(p.position(), 0.5);
        p.play();
        out = run(p, 441);
        QCOMPARE(out.front(), src[size_t(kRate / 2)]);
        QCOMPARE(out.back(), src[size_t(kRate / 2 + 440)]);
        // Gain scales.
        p.setGain(0.5);
        out = run(p, 1);
        QCOMPARE(out.front(), 0.5f * src[size_t(kRate / 2 + 441)]);
        p.setGain(1.0);
        // Out-of-range seeks clamp.
        p.seek(-3);
        QCOMPARE(p.position(), 0.0);
        p.seek(99);
        QCOMPARE(p.position(), 1.0);
        // The end stops playback; play() afterwards starts again from the start.
        p.seek(0.9);
        run(p, kRate / 5);
        QCOMPARE(p.state(), RecordingPlayer::State::Stopped);
        QCOMPARE(p.position(), 1.0);
        p.play();
        out = run(p, 10);
        QCOMPARE(out.front(), src[0]);
        p.stop();
        QCOMPARE(p.position(), 0.0);
        QCOMPARE(p.state(), RecordingPlayer::State::Stopped);
        // An empty player does not start.
        p.clear();
        p.play();
        QCOMPARE(p.state(), RecordingPlayer::State::Stopped);
    }

    void loadsFilesAtItsRate()
    {
        QTemporaryDir dir;
        const QString wav = dir.filePath(QStringLiteral("tone.wav"));
        QVERIFY(test::writeSineWav(wav, 0.5, 440.0, 22050));
        RecordingPlayer p(44100);
        QVERIFY(p.load(wav).ok());
        QVERIFY(std::abs(p.duration() - 0.5) < 0.01);
        p.play();
        std::vector<float> out = run(p, 4410);
        float peak = 0;
        for (float v : out)
            peak = std::max(peak, std::abs(v));
        QVERIFY(peak > 0.3f && peak < 0.4f);  // 12000 / 32768

        const QString broken = dir.filePath(QStringLiteral("broken.mp3"));
        QFile f(broken);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is not audio at all");
        f.close();
        const Status s = p.load(broken);
        QVERIFY(!s.ok());
        QVERIFY(!s.error().message.isEmpty());
        QVERIFY(std::abs(p.duration() - 0.5) < 0.01);  // kept
        QVERIFY(!p.load(dir.filePath(QStringLiteral("missing.wav"))).ok());
    }

    void positionFromAnotherThread()
    {
        RecordingPlayer p(kRate);
        p.setSamples(ramp(kRate * 2));
        p.play();
        std::atomic<bool> done{false};
        std::thread audio([&] {
            std::vector<float> l(64), r(64);
            for (int i = 0; i < kRate * 2 / 64 + 10; ++i)
                p.process(l.data(), r.data(), 64);
            done = true;
        });
        double last = 0;
        bool monotonic = true;
        while (!done) {
            const double now = p.position();
            monotonic = monotonic && now >= last;
            last = now;
        }
        audio.join();
        QVERIFY(monotonic);
        QCOMPARE(p.position(), 2.0);
        QCOMPARE(p.state(), RecordingPlayer::State::Stopped);
    }

    void audioOutputErrors()
    {
        AudioOutput out;
        QVERIFY(!out.start({}, kRate).ok());
        QVERIFY(!out.start([](float *, float *, int) {}, 100).ok());
        const Status bad = out.start([](float *, float *, int) {}, kRate, QStringLiteral("no-such-driver"));
        QVERIFY(!bad.ok());
        QVERIFY(bad.error().message.contains(QLatin1String("no-such-driver")));
        QVERIFY(!out.isRunning());
        QVERIFY(out.driver().isEmpty());
    }

    void openAudioWithoutDeviceIsAnError()
    {
        RecordingPlayer p(kRate);
        p.setSamples(ramp(kRate));
        const Status s = p.openAudio();
        if (s.ok()) {
            QVERIFY(p.audioOpen());
            QVERIFY(!p.audioDriver().isEmpty());
            p.closeAudio();
            QVERIFY(!p.audioOpen());
            QSKIP("This machine has an audio device; the no-device path is not reachable here");
        }
        QVERIFY(!p.audioOpen());
        QVERIFY(s.error().message.contains(QLatin1String("No audio output device")));
        p.play();
        QCOMPARE(run(p, 441).size(), size_t(441));
        QCOMPARE(p.position(), 0.02);
    }
};

QTEST_GUILESS_MAIN(TestRecordingPlayer)
#include "TestRecordingPlayer.moc"
