// OfflineRenderer, checked on the audio itself: notes sound at their fundamentals and at their
// times (also ten minutes in), nothing clips, the length is the music plus the tail, the
// sustain pedal holds notes, WAV files come out right, cancelling leaves no file.

#include "AudioProbe.h"
#include "midi/SmfWriter.h"
#include "sound/OfflineRenderer.h"
#include "sound/SoundfontLocator.h"
#include "support/Notes.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <cmath>

using namespace aichopin;
using namespace aichopin::test;

namespace {
constexpr double kA4 = 440.0;
constexpr double kC5 = 523.251;
constexpr double kUnplayed = 369.994;  // F#4
}  // namespace

class TestOfflineRenderer : public QObject {
    Q_OBJECT

    std::unique_ptr<OfflineRenderer> m_dry;  // reverb off, 22050 Hz

    bool haveSoundfont() { return SoundfontLocator::find().ok(); }

private Q_SLOTS:
    void initTestCase()
    {
        if (!haveSoundfont())
            QSKIP("No General MIDI soundfont installed (install fluid-soundfont-gm)");
        RenderOptions o;
        o.synth.reverb = false;
        o.synth.sampleRate = 22050;
        auto r = OfflineRenderer::create(o);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        m_dry = std::move(r).value();
    }

    void notesSoundAtTheirPitchAndTime()
    {
        NoteSequence seq;
        seq.notes = {note(69, 0.5, 1.0), note(72, 2.5, 1.0)};
        RenderStats stats;
        auto r = m_dry->renderSamples(seq, 1, {}, nullptr, &stats);
        QVERIFY(r.ok());
        const std::vector<float> &x = r.value();
        const int sr = 22050;
        // Length: music (3.5 s) plus the 2 s tail.
        QCOMPARE(qint64(x.size()), qint64(std::ceil(5.5 * sr)));
        QCOMPARE(stats.frames, qint64(x.size()));
        QCOMPARE(stats.musicSeconds, 3.5);
        // Silence before the first note; the onset within a few ms of 0.5 s.
        QVERIFY(rms(x, sr, 0.0, 0.45) < 1e-4);
        const double on = onset(x, sr, 0.01);
        QVERIFY2(on >= 0.5 && on < 0.52, qPrintable(QString::number(on)));
        // Not silent, never clipping, normalised to -1 dBFS.
        QVERIFY(rms(x, sr, 0.5, 1.5) > 0.01);
        QVERIFY(std::fabs(peak(x) - std::pow(10.0, -1.0 / 20.0)) < 1e-3);
        // Energy at the fundamentals of the notes played, not elsewhere.
        const double a4 = goertzel(x, sr, kA4, 0.6, 1.4);
        QVERIFY2(a4 > 50 * goertzel(x, sr, kUnplayed, 0.6, 1.4), qPrintable(QString::number(a4)));
        QVERIFY(a4 > 20 * goertzel(x, sr, kC5, 0.6, 1.4));
        const double c5 = goertzel(x, sr, kC5, 2.6, 3.4);
        QVERIFY(c5 > 50 * goertzel(x, sr, kUnplayed, 2.6, 3.4));
        QVERIFY(c5 > 20 * goertzel(x, sr, kA4, 2.6, 3.4));
    }

    void noDriftTenMinutesIn()
    {
        RenderOptions o;
        o.synth.reverb = false;
        o.synth.sampleRate = 8000;
        o.tailSeconds = 0.5;
        auto r = OfflineRenderer::create(o);
        QVERIFY(r.ok());
        NoteSequence seq;
        seq.notes = {note(69, 0.25, 0.25), note(69, 600.0, 1.0)};
        auto samples = r.value()->renderSamples(seq, 1);
        QVERIFY(samples.ok());
        const std::vector<float> &x = samples.value();
        QVERIFY(rms(x, 8000, 599.0, 599.99) < 1e-4);
        std::vector<float> late(x.begin() + 599 * 8000, x.end());
        const double on = 599.0 + onset(late, 8000, 0.01);
        QVERIFY2(on >= 600.0 && on < 600.02, qPrintable(QString::number(on, 'f', 4)));
        QVERIFY(goertzel(x, 8000, kA4, 600.1, 600.9) > 50 * goertzel(x, 8000, kUnplayed, 600.1, 600.9));
    }

    void sustainPedalHoldsNotes()
    {
        NoteSequence dry;
        dry.notes = {note(60, 0.1, 0.3)};
        NoteSequence pedalled = dry;
        PedalEvent down, up;
        down.time = 0.05;
        down.value = 127;
        up.time = 2.0;
        up.value = 0;
        pedalled.pedals = {down, up};
        RenderOptions o;
        o.synth.reverb = false;
        o.synth.sampleRate = 22050;
        o.normalize = false;  // compare levels across the two renders
        auto r = OfflineRenderer::create(o);
        QVERIFY(r.ok());
        auto a = r.value()->renderSamples(dry, 1);
        auto b = r.value()->renderSamples(pedalled, 1);
        QVERIFY(a.ok() && b.ok());
        const double without = rms(a.value(), 22050, 1.0, 1.5);
        const double with = rms(b.value(), 22050, 1.0, 1.5);
        QVERIFY2(with > 10 * without && with > 1e-3, qPrintable(QStringLiteral("%1 vs %2").arg(with).arg(without)));
        // Lifting the pedal at 2 s ends it.
        QVERIFY(rms(b.value(), 22050, 2.8, 3.2) < 0.2 * with);
    }

    void overlappingSameKeyDoesNotCutShort()
    {
        // A re-struck key: the first note's end (1.0 s) must not silence the second (until 2.0 s).
        NoteSequence seq;
        seq.notes = {note(69, 0.0, 1.0), note(69, 0.5, 1.5)};
        RenderOptions o;
        o.synth.reverb = false;
        o.synth.sampleRate = 22050;
        o.normalize = false;
        auto r = OfflineRenderer::create(o);
        QVERIFY(r.ok());
        auto x = r.value()->renderSamples(seq, 1);
        QVERIFY(x.ok());
        QVERIFY(rms(x.value(), 22050, 1.3, 1.9) > 0.2 * rms(x.value(), 22050, 0.6, 0.9));
    }

    void wavFileFromMidiFile()
    {
        QTemporaryDir dir;
        NoteSequence seq;
        seq.notes = {note(69, 0.0, 0.5), note(64, 0.5, 0.5), note(57, 1.0, 1.0)};
        QVERIFY(SmfWriter::writeFile(seq, dir.path() + "/t.mid").ok());
        auto r = OfflineRenderer::create();  // defaults: 44100 Hz, stereo 16-bit, reverb
        QVERIFY(r.ok());
        std::vector<double> fractions;
        auto stats = r.value()->renderFileToWav(dir.path() + "/t.mid", dir.path() + "/t.wav",
                                                [&](const ProgressInfo &p) { fractions.push_back(p.fraction); });
        QVERIFY2(stats.ok(), qPrintable(stats.ok() ? QString() : stats.error().message));
        QVERIFY(!fractions.empty());
        QCOMPARE(fractions.back(), 1.0);
        QVERIFY(std::is_sorted(fractions.begin(), fractions.end()));
        QFile f(dir.path() + "/t.wav");
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray b = f.readAll();
        QCOMPARE(qFromLittleEndian<quint16>(b.constData() + 22), quint16(2));
        QCOMPARE(qFromLittleEndian<quint32>(b.constData() + 24), quint32(44100));
        const qint64 frames = qFromLittleEndian<quint32>(b.constData() + 40) / 4;
        QCOMPARE(frames, qint64(std::ceil(4.0 * 44100)));  // 2 s of music + 2 s tail
        QCOMPARE(stats.value().frames, frames);
        int maxAbs = 0;
        for (qint64 i = 0; i < frames * 2; ++i)
            maxAbs = std::max(maxAbs, std::abs(int(qFromLittleEndian<qint16>(b.constData() + 44 + 2 * i))));
        QVERIFY2(maxAbs > 28000 && maxAbs < 32767, qPrintable(QString::number(maxAbs)));  // -1 dBFS = 29204
        QVERIFY(stats.value().realtimeFactor() > 1.0);
    }

    void badMidiFileIsAnError()
    {
        QTemporaryDir dir;
        QFile f(dir.path() + "/bad.mid");
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not midi at all");
        f.close();
        auto stats = m_dry->renderFileToWav(dir.path() + "/bad.mid", dir.path() + "/bad.wav");
        QVERIFY(!stats.ok());
        QVERIFY(stats.error().message.contains(QLatin1String("bad.mid")));
        QVERIFY(!QFile::exists(dir.path() + "/bad.wav"));
    }

    void cancelLeavesNoFile()
    {
        QTemporaryDir dir;
        NoteSequence seq;
        seq.notes = {note(60, 0.0, 30.0)};
        CancelToken cancel;
        auto stats = m_dry->renderToWav(seq, dir.path() + "/c.wav",
                                        [&](const ProgressInfo &p) { if (p.fraction > 0.1) cancel.cancel(); }, &cancel);
        QVERIFY(!stats.ok());
        QVERIFY(stats.error().message.contains(QLatin1String("cancel"), Qt::CaseInsensitive));
        QVERIFY(!QFile::exists(dir.path() + "/c.wav"));
    }

    void emptySequenceIsTheTail()
    {
        auto x = m_dry->renderSamples(NoteSequence(), 2);
        QVERIFY(x.ok());
        QCOMPARE(qint64(x.value().size()), qint64(2 * 2 * 22050));
        QCOMPARE(peak(x.value()), 0.0);  // silence stays silence: not normalised up, no leftovers
    }

    void badOptionsAreErrors()
    {
        RenderOptions o;
        o.synth.sampleRate = 1000;
        QVERIFY(!OfflineRenderer::create(o).ok());
        o = RenderOptions();
        o.tailSeconds = -1;
        QVERIFY(!OfflineRenderer::create(o).ok());
        o = RenderOptions();
        o.peakDb = 3;
        QVERIFY(!OfflineRenderer::create(o).ok());
        QVERIFY(!m_dry->renderSamples(NoteSequence(), 3).ok());
        // A broken file with a note ten hours in is refused, not rendered for an hour.
        NoteSequence huge;
        huge.notes = {note(60, 36000.0, 1.0)};
        const auto refused = m_dry->renderSamples(huge, 1);
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().message.contains(QLatin1String("allowed")));
        QVERIFY(!m_dry->renderToWav(huge, QDir::tempPath() + "/aichopin-never.wav").ok());
        QVERIFY(!QFile::exists(QDir::tempPath() + "/aichopin-never.wav"));
    }

    void monoAtAnotherRateWithOneShotApi()
    {
        RenderOptions o;
        o.synth.sampleRate = 16000;
        o.synth.reverb = true;
        o.synth.reverbLevel = 0.3;
        o.synth.chorus = true;
        o.tailSeconds = 1.0;
        NoteSequence seq;
        seq.notes = {note(69, 0.0, 1.0)};
        auto x = OfflineRenderer::renderMono(seq, o);
        QVERIFY(x.ok());
        QCOMPARE(qint64(x.value().size()), qint64(2 * 16000));
        QVERIFY(goertzel(x.value(), 16000, kA4, 0.1, 0.9) > 20 * goertzel(x.value(), 16000, kUnplayed, 0.1, 0.9));
    }
};

QTEST_GUILESS_MAIN(TestOfflineRenderer)
#include "TestOfflineRenderer.moc"
