// Decoding every fixture format to mono float, seeking, and refusing bad input cleanly; which
// files the app takes for recordings or MIDI.
#include "listen/AudioDecoder.h"
#include "listen/Features.h"
#include "listen/LevelMeter.h"
#include "listen/MediaFiles.h"
#include "sound/WavWriter.h"
#include "support/TestAudio.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace aichopin;

namespace {
QString fixture(const char *name) { return QStringLiteral(AICHOPIN_TEST_DATA "/listen/") + QLatin1String(name); }

// Frequency of the strongest STFT bin over the whole signal.
double peakHz(const AudioSignal &s)
{
    FeatureParams p;
    p.sampleRate = s.sampleRate;
    const FeatureMatrix m = Features::stft(s.samples.data(), qsizetype(s.samples.size()), p);
    std::vector<double> sum(size_t(m.bins), 0.0);
    for (int f = 0; f < m.frames; ++f)
        for (int b = 0; b < m.bins; ++b)
            sum[size_t(b)] += m.at(f, b);
    const int best = int(std::max_element(sum.begin(), sum.end()) - sum.begin());
    return double(best) * s.sampleRate / p.nFft;
}

double rms(const float *x, size_t n)
{
    double acc = 0;
    for (size_t i = 0; i < n; ++i)
        acc += double(x[i]) * x[i];
    return n ? std::sqrt(acc / double(n)) : 0.0;
}
}  // namespace

class TestAudioDecoder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void formats_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("codec");
        QTest::newRow("wav") << "tone440.wav" << "pcm_s16le";
        QTest::newRow("flac") << "tone440.flac" << "flac";
        QTest::newRow("mp3") << "tone440.mp3" << "mp3";
        QTest::newRow("vorbis") << "tone440.ogg" << "vorbis";
        QTest::newRow("opus") << "tone440.opus" << "opus";
        QTest::newRow("aac") << "tone440.m4a" << "aac";
        QTest::newRow("aiff") << "tone440.aiff" << "pcm_s16be";
        QTest::newRow("video") << "tone440_video.mp4" << "aac";  // the sound of a filmed performance
    }
    void formats()
    {
        QFETCH(QString, file);
        QFETCH(QString, codec);
        const Result<AudioInfo> info = AudioDecoder::probe(fixture(file.toLatin1().constData()));
        QVERIFY2(info.ok(), qPrintable(info.error().toString()));
        QCOMPARE(info->codecName, codec);
        QCOMPARE(info->channels, 2);
        QVERIFY(std::abs(info->durationSeconds - 0.5) < 0.06);

        const Result<AudioSignal> s = AudioDecoder::decodeAll(fixture(file.toLatin1().constData()));
        QVERIFY2(s.ok(), qPrintable(s.error().toString()));
        QCOMPARE(s->sampleRate, 22050);
        QVERIFY2(std::abs(s->durationSeconds() - 0.5) < 0.06, qPrintable(QString::number(s->durationSeconds())));
        QVERIFY(std::abs(peakHz(s.value()) - 440.0) < 22050.0 / 2048);
        // Both channels carry the tone at amplitude 1/16: the mono mean keeps it (RMS 0.0442).
        const size_t n = s->samples.size();
        const double level = rms(s->samples.data() + n / 4, n / 2);
        QVERIFY2(std::abs(level - 0.0625 / std::sqrt(2.0)) < 0.006, qPrintable(QString::number(level)));
    }

    void nativeRateAndBlocks()
    {
        DecodeOptions o;
        o.sampleRate = 0;
        o.blockSamples = 1000;
        std::vector<qsizetype> blocks;
        const Result<DecodeReport> r = AudioDecoder::decode(fixture("tone440.wav"), o, [&](const float *, qsizetype n) { blocks.push_back(n); });
        QVERIFY(r.ok());
        QCOMPARE(r->sampleRate, 44100);
        QCOMPARE(r->samples, qint64(22050));
        QCOMPARE(blocks.size(), size_t(23));
        QCOMPARE(blocks.front(), qsizetype(1000));
        QCOMPARE(blocks.back(), qsizetype(50));
    }

    void plainWavIsResampledWithoutClicks()
    {
        // Most 16-bit WAV files (CD rips, ffmpeg's and many editors' output) name no channel
        // layout. Their frames must reach one resampler: rebuilding it at every frame flushed
        // it each time, a click every 1,024 input samples (up to 0.018 off in a piano
        // recording, enough to change its verdict).
        QTemporaryDir dir;
        const QString wav = dir.filePath(QStringLiteral("stereo.wav"));
        QVERIFY(test::writeSineWav(wav, 2.0, 440.0, 44100, 2));
        const Result<AudioSignal> s = AudioDecoder::decodeAll(wav);
        QVERIFY2(s.ok(), qPrintable(s.error().toString()));
        QCOMPARE(s->sampleRate, 22050);
        // Least-squares fit of a 440 Hz sinusoid to the middle; what is left over is the
        // resampler's and 16-bit rounding's error, far under a click's.
        const double w = 2 * M_PI * 440.0 / 22050;
        const size_t from = 2205, to = s->samples.size() - 2205;
        double ss = 0, sc = 0, cc = 0, xs = 0, xc = 0;
        for (size_t i = from; i < to; ++i) {
            const double si = std::sin(w * double(i)), co = std::cos(w * double(i)), x = s->samples[i];
            ss += si * si, sc += si * co, cc += co * co, xs += x * si, xc += x * co;
        }
        const double det = ss * cc - sc * sc;
        const double a = (xs * cc - xc * sc) / det, b = (xc * ss - xs * sc) / det;
        QVERIFY2(std::abs(std::hypot(a, b) - 12000.0 / 32768) < 0.005, qPrintable(QString::number(std::hypot(a, b))));
        double worst = 0;
        for (size_t i = from; i < to; ++i)
            worst = std::max(worst, std::abs(s->samples[i] - (a * std::sin(w * double(i)) + b * std::cos(w * double(i)))));
        QVERIFY2(worst < 1e-3, qPrintable(QString::number(worst)));
    }

    void loudLevelOfARecording()
    {
        // Nothing measured: the floor.
        LevelMeter none;
        QCOMPARE(none.loudLevelDb(), LevelMeter::kFloorDb);
        // A sine at 0.5 (-6.02 dBFS): its blocks all peak there, to the meter's step.
        const int rate = 22050;
        std::vector<float> x(size_t(10 * rate));
        for (size_t i = 0; i < x.size(); ++i)
            x[i] = float(0.5 * std::sin(2 * M_PI * 440.0 * double(i) / rate));
        LevelMeter sine;
        sine.add(x.data(), qsizetype(x.size()));
        QVERIFY2(std::abs(sine.loudLevelDb() + 6.02) < 0.05, qPrintable(QString::number(sine.loudLevelDb())));
        QCOMPARE(sine.samples(), qint64(x.size()));
        // Fed in uneven pieces, the same; a last, partial block counts.
        LevelMeter pieces;
        for (size_t at = 0; at < x.size(); at += 1000)
            pieces.add(x.data() + at, qsizetype(std::min<size_t>(1000, x.size() - at)));
        QCOMPARE(pieces.loudLevelDb(), sine.loudLevelDb());
        LevelMeter partial;
        partial.add(x.data(), 100);
        QVERIFY(std::abs(partial.loudLevelDb() - 20 * std::log10(partial.peak())) < LevelMeter::kStepDb);
        // A click at full scale sets the peak, not the loud level.
        x[size_t(5 * rate)] = 1.0f;
        LevelMeter click;
        click.add(x.data(), qsizetype(x.size()));
        QCOMPARE(click.peak(), 1.0f);
        QCOMPARE(click.loudLevelDb(), sine.loudLevelDb());
        // A quiet piece (-40 dBFS) with a loud passage of a few seconds is measured by the passage.
        for (size_t i = 0; i < x.size(); ++i)
            x[i] *= (i >= size_t(4 * rate) && i < size_t(6 * rate)) ? 1.0f : 0.02f;
        x[size_t(5 * rate)] = 0.5f;
        LevelMeter passage;
        passage.add(x.data(), qsizetype(x.size()));
        QVERIFY2(std::abs(passage.loudLevelDb() + 6.02) < 0.05, qPrintable(QString::number(passage.loudLevelDb())));
        // The same music 30 dB quieter measures 30 dB lower.
        for (float &v : x)
            v *= 0.0316227766f;
        LevelMeter quieter;
        quieter.add(x.data(), qsizetype(x.size()));
        QVERIFY2(std::abs(quieter.loudLevelDb() - passage.loudLevelDb() + 30.0) < 2 * LevelMeter::kStepDb,
                 qPrintable(QString::number(quieter.loudLevelDb())));
    }

    void channelsThatCancelAreHeardOneAtATime()
    {
        // Left a tone, right the same tone inverted: the mean is silence, so decodeAll (what
        // playback, the Spectrogram area and datasets use) gives the first channel, and says so.
        QTemporaryDir dir;
        const QString wav = dir.filePath(QStringLiteral("cancel.wav"));
        std::vector<float> stereo;
        for (int i = 0; i < 22050; ++i) {
            const float x = float(0.25 * std::sin(2 * M_PI * 440.0 * i / 22050));
            stereo.insert(stereo.end(), {x, -x});
        }
        QVERIFY(WavWriter::writeFile(wav, stereo.data(), 22050, 22050, 2, WavFormat::Float32));
        const Result<AudioSignal> s = AudioDecoder::decodeAll(wav);
        QVERIFY(s.ok());
        QVERIFY2(std::abs(rms(s->samples.data(), s->samples.size()) - 0.25 / std::sqrt(2.0)) < 0.01,
                 qPrintable(QString::number(rms(s->samples.data(), s->samples.size()))));
        QCOMPARE(s->report.warnings.size(), qsizetype(1));
        QVERIFY(s->report.warnings.front().contains(QLatin1String("cancel")));
        // Asked for the mean itself, through decode(): silence, as the file holds.
        DecodeOptions mean;
        std::vector<float> mixed;
        QVERIFY(AudioDecoder::decode(wav, mean, [&](const float *x, qsizetype n) { mixed.insert(mixed.end(), x, x + n); }).ok());
        QVERIFY(rms(mixed.data(), mixed.size()) < 1e-6);
        // An ordinary stereo file is the mean, without a warning.
        const Result<AudioSignal> tone = AudioDecoder::decodeAll(fixture("tone440.wav"));
        QVERIFY(tone.ok() && tone->report.warnings.isEmpty());
    }

    void startAndDurationAreExact()
    {
        // PCM at the native rate: the span must be the very same samples as in the full decode.
        DecodeOptions all;
        all.sampleRate = 0;
        const Result<AudioSignal> full = AudioDecoder::decodeAll(fixture("tone440.wav"), all);
        QVERIFY(full.ok());
        DecodeOptions part = all;
        part.startSeconds = 0.2;
        part.durationSeconds = 0.1;
        const Result<AudioSignal> s = AudioDecoder::decodeAll(fixture("tone440.wav"), part);
        QVERIFY(s.ok());
        QCOMPARE(s->samples.size(), size_t(4410));
        for (size_t i = 0; i < s->samples.size(); ++i)
            QCOMPARE(s->samples[i], full->samples[8820 + i]);

        // Compressed, resampled: about the right length and still the tone.
        DecodeOptions mp3;
        mp3.startSeconds = 0.1;
        mp3.durationSeconds = 0.25;
        const Result<AudioSignal> m = AudioDecoder::decodeAll(fixture("tone440.mp3"), mp3);
        QVERIFY2(m.ok(), qPrintable(m.error().toString()));
        QCOMPARE(m->samples.size(), size_t(std::lround(0.25 * 22050)));

        DecodeOptions past;
        past.startSeconds = 10;
        const Result<AudioSignal> none = AudioDecoder::decodeAll(fixture("tone440.flac"), past);
        QVERIFY(!none.ok());
        QVERIFY(none.error().message.contains(QLatin1String("past the end")));
    }

    void theFilesTheAppOpens()
    {
        // Every fixture the decoder reads above is a recording to the app, by its suffix, in
        // any case; MIDI files are told apart; text is neither.
        for (const char *name : {"tone440.wav", "tone440.flac", "tone440.mp3", "tone440.ogg", "tone440.opus", "tone440.m4a",
                                 "tone440.aiff", "tone440_video.mp4", "two_streams.mkv"}) {
            QVERIFY2(mediafiles::isAudio(fixture(name)), name);
            QVERIFY(!mediafiles::isMidi(fixture(name)));
        }
        QVERIFY(mediafiles::isAudio(QStringLiteral("/music/Take 1.AIFF")));
        QVERIFY(mediafiles::isAudio(QStringLiteral("concert.webm")));
        for (const char *name : {"etude.mid", "ETUDE.MIDI", "song.kar", "riff.rmi"}) {
            QVERIFY2(mediafiles::isMidi(QLatin1String(name)), name);
            QVERIFY(!mediafiles::isAudio(QLatin1String(name)));
        }
        QVERIFY(!mediafiles::isAudio(fixture("not_audio.txt")) && !mediafiles::isMidi(fixture("not_audio.txt")));
        QVERIFY(!mediafiles::isAudio(QStringLiteral("mp3")));  // a name, not a suffix
        QVERIFY(mediafiles::dialogPatterns().contains(QLatin1String("*.aiff")));
        QVERIFY(mediafiles::midiPatterns().startsWith(QLatin1String("*.mid ")));
    }

    void bestStreamOfSeveral()
    {
        const Result<AudioInfo> info = AudioDecoder::probe(fixture("two_streams.mkv"));
        QVERIFY2(info.ok(), qPrintable(info.error().toString()));
        QCOMPARE(info->streamCount, 2);
        const Result<AudioSignal> s = AudioDecoder::decodeAll(fixture("two_streams.mkv"));
        QVERIFY(s.ok());
        const double hz = peakHz(s.value());
        QVERIFY2(std::abs(hz - (info->codecName == QLatin1String("flac") ? 440.0 : 880.0)) < 11, qPrintable(QString::number(hz)));
    }

    void badInput_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expect");
        QTest::newRow("missing") << "/nonexistent/x.mp3" << "not found";
        QTest::newRow("not audio") << fixture("not_audio.txt") << "Not a recognised|No audio stream";
        QTest::newRow("video only") << fixture("video_only.mkv") << "No audio stream";
        QTest::newRow("directory") << QStringLiteral(AICHOPIN_TEST_DATA) << "Not a readable file";
    }
    void badInput()
    {
        QFETCH(QString, path);
        QFETCH(QString, expect);
        const Result<AudioSignal> s = AudioDecoder::decodeAll(path);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().message.contains(QRegularExpression(expect)), qPrintable(s.error().message));
        QVERIFY(!AudioDecoder::probe(path).ok());
    }

    void emptyTruncatedAndCorrupted()
    {
        QTemporaryDir dir;
        const QString empty = dir.filePath(QStringLiteral("empty.mp3"));
        QFile e(empty);
        QVERIFY(e.open(QIODevice::WriteOnly));
        e.close();
        const Result<AudioSignal> es = AudioDecoder::decodeAll(empty);
        QVERIFY(!es.ok());
        QVERIFY(es.error().message.contains(QLatin1String("empty")));

        for (const char *name : {"tone440.mp3", "tone440.ogg", "tone440.flac", "tone440.m4a", "tone440.wav"}) {
            QFile src(fixture(name));
            QVERIFY(src.open(QIODevice::ReadOnly));
            const QByteArray bytes = src.readAll();
            // Truncated to 60%: decodes the beginning (or fails cleanly for containers whose
            // index is at the end), never crashes.
            const QString cut = dir.filePath(QStringLiteral("cut_") + QLatin1String(name));
            QFile c(cut);
            QVERIFY(c.open(QIODevice::WriteOnly));
            c.write(bytes.left(bytes.size() * 6 / 10));
            c.close();
            const Result<AudioSignal> cs = AudioDecoder::decodeAll(cut);
            if (cs.ok())
                QVERIFY2(cs->durationSeconds() < 0.45, name);
            else
                QVERIFY(!cs.error().message.isEmpty());

            // Garbage in the middle third: what is good still decodes.
            QByteArray bad = bytes;
            quint32 x = 12345;
            for (qsizetype i = bytes.size() / 3; i < 2 * bytes.size() / 3; ++i) {
                x = x * 1664525u + 1013904223u;
                bad[i] = char(x >> 24);
            }
            const QString corrupt = dir.filePath(QStringLiteral("bad_") + QLatin1String(name));
            QFile b(corrupt);
            QVERIFY(b.open(QIODevice::WriteOnly));
            b.write(bad);
            b.close();
            const Result<AudioSignal> bs = AudioDecoder::decodeAll(corrupt);
            if (bs.ok())
                QVERIFY2(bs->samples.size() > 1000, name);
            else
                QVERIFY(!bs.error().message.isEmpty());
        }
        // The mp3 decoder resynchronises, so damaged mp3 frames give audio plus a warning.
        QFile src(fixture("tone440.mp3"));
        QVERIFY(src.open(QIODevice::ReadOnly));
        QByteArray bad = src.readAll();
        for (qsizetype i = bad.size() / 3; i < bad.size() / 2; i += 7)
            bad[i] = char(0xff);
        const QString corrupt = dir.filePath(QStringLiteral("frames.mp3"));
        QFile b(corrupt);
        QVERIFY(b.open(QIODevice::WriteOnly));
        b.write(bad);
        b.close();
        const Result<AudioSignal> bs = AudioDecoder::decodeAll(corrupt);
        QVERIFY2(bs.ok(), qPrintable(bs.error().toString()));
        QVERIFY(bs->samples.size() > 5000);
        QVERIFY(bs->report.decodeErrors > 0);
        QVERIFY(!bs->report.warnings.isEmpty());
    }

    void invalidOptionsAndCancel()
    {
        DecodeOptions o;
        o.startSeconds = -1;
        QVERIFY(!AudioDecoder::decodeAll(fixture("tone440.wav"), o).ok());
        o = {};
        o.sampleRate = 5;
        QVERIFY(!AudioDecoder::decodeAll(fixture("tone440.wav"), o).ok());

        CancelToken token;
        token.cancel();
        const Result<DecodeReport> r = AudioDecoder::decode(fixture("tone440.flac"), {}, {}, {}, &token);
        QVERIFY(r.ok() ? r->cancelled : !r.error().message.isEmpty());

        int calls = 0;
        double last = -1;
        const Result<AudioSignal> s = AudioDecoder::decodeAll(fixture("tone440.flac"), {}, [&](const ProgressInfo &p) {
            ++calls;
            QVERIFY(p.fraction >= last);
            last = p.fraction;
        });
        QVERIFY(s.ok());
        QVERIFY(calls >= 2);
        QCOMPARE(last, 1.0);
    }
};

QTEST_GUILESS_MAIN(TestAudioDecoder)
#include "TestAudioDecoder.moc"
