// STFT, mel filterbank, log-mel and MFCC against NumPy references of librosa's formulas
// (tests/tools/make_listen_fixtures.py), known-signal checks, and streaming == batch.
#include "listen/Features.h"
#include "listen/MelFilterbank.h"
#include "listen/StreamingFeatureExtractor.h"
#include "sound/WavWriter.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace aichopin;

namespace {
QString fixture(const char *name) { return QStringLiteral(AICHOPIN_TEST_DATA "/listen/") + QLatin1String(name); }

std::vector<float> readF32(const char *name)
{
    QFile f(fixture(name));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray b = f.readAll();
    std::vector<float> v(size_t(b.size()) / 4);
    std::memcpy(v.data(), b.constData(), v.size() * 4);
    return v;
}

std::vector<float> tone(double hz, int sr, int n, double amp = 0.5)
{
    std::vector<float> y(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i)
        y[size_t(i)] = float(amp * std::sin(2 * M_PI * hz * i / sr));
    return y;
}
}  // namespace

class TestFeatures : public QObject {
    Q_OBJECT
private:
    std::vector<float> m_signal;

private Q_SLOTS:
    void initTestCase()
    {
        m_signal = readF32("signal.f32");
        QCOMPARE(m_signal.size(), size_t(22050));
    }

    void stftMatchesReference()
    {
        const FeatureMatrix p = Features::stft(m_signal.data(), qsizetype(m_signal.size()));
        QCOMPARE(p.frames, 44);  // 1 + 22050 / 512, centred
        QCOMPARE(p.bins, 1025);
        const std::vector<float> ref = readF32("ref_power_frames.f32");
        QCOMPARE(ref.size(), size_t(4 * 1025));
        const int frames[4] = {0, 10, 22, 43};
        for (int i = 0; i < 4; ++i) {
            float peak = 0;
            for (int b = 0; b < 1025; ++b)
                peak = std::max(peak, ref[size_t(i) * 1025 + size_t(b)]);
            for (int b = 0; b < 1025; ++b) {
                const float r = ref[size_t(i) * 1025 + size_t(b)], v = p.at(frames[i], b);
                // Float32 FFT against float64: relative 1e-3 of the bin, or 1e-6 of the frame peak.
                QVERIFY2(std::abs(v - r) <= 1e-3f * r + 1e-6f * peak,
                         qPrintable(QStringLiteral("frame %1 bin %2: %3 vs %4").arg(frames[i]).arg(b).arg(v).arg(r)));
            }
        }
        const FeatureMatrix mag = Features::stft(m_signal.data(), qsizetype(m_signal.size()), {}, SpectrumKind::Magnitude);
        QVERIFY(std::abs(mag.at(10, 20) - std::sqrt(p.at(10, 20))) <= 1e-4f * mag.at(10, 20));
    }

    void melFilterbankMatchesLibrosa()
    {
        const MelFilterbank fb(22050, 2048, 128);
        const std::vector<float> w = fb.dense();
        std::vector<float> ref(w.size(), 0.0f);
        QFile f(fixture("ref_mel_sparse.txt"));
        QVERIFY(f.open(QIODevice::ReadOnly | QIODevice::Text));
        int entries = 0;
        while (!f.atEnd()) {
            const QByteArray line = f.readLine().trimmed();
            if (line.isEmpty() || line.startsWith('#'))
                continue;
            const QList<QByteArray> parts = line.split(' ');
            QCOMPARE(parts.size(), 3);
            ref[size_t(parts[0].toInt()) * 1025 + size_t(parts[1].toInt())] = parts[2].toFloat();
            ++entries;
        }
        QVERIFY(entries > 1000);
        for (size_t i = 0; i < w.size(); ++i)
            QVERIFY2(std::abs(w[i] - ref[i]) <= 1e-6f * std::max(1.0f, std::abs(ref[i]) * 1e3f),
                     qPrintable(QStringLiteral("band %1 bin %2: %3 vs %4").arg(i / 1025).arg(i % 1025).arg(w[i]).arg(ref[i])));
        QCOMPARE(MelFilterbank::hzToMel(1000.0), 15.0);
        QVERIFY(std::abs(MelFilterbank::melToHz(MelFilterbank::hzToMel(4321.0)) - 4321.0) < 1e-9);
    }

    void logMelAndMfccMatchReference()
    {
        const FeatureMatrix lm = Features::logMel(m_signal.data(), qsizetype(m_signal.size()));
        QCOMPARE(lm.frames, 44);
        QCOMPARE(lm.bins, 128);
        const std::vector<float> ref = readF32("ref_logmel.f32");
        QCOMPARE(ref.size(), lm.data.size());
        float worst = 0;
        for (size_t i = 0; i < ref.size(); ++i)
            worst = std::max(worst, std::abs(lm.data[i] - ref[i]));
        qInfo("log-mel max abs error vs NumPy: %g dB", double(worst));
        QVERIFY2(worst < 1e-3f, qPrintable(QString::number(worst)));
        QCOMPARE(*std::max_element(lm.data.begin(), lm.data.end()), 0.0f);  // ref = max

        const FeatureMatrix mf = Features::mfcc(m_signal.data(), qsizetype(m_signal.size()));
        QCOMPARE(mf.frames, 44);
        QCOMPARE(mf.bins, 20);
        const std::vector<float> mref = readF32("ref_mfcc.f32");
        QCOMPARE(mref.size(), mf.data.size());
        float mworst = 0;
        for (size_t i = 0; i < mref.size(); ++i)
            mworst = std::max(mworst, std::abs(mf.data[i] - mref[i]));
        qInfo("MFCC max abs error vs NumPy: %g", double(mworst));
        QVERIFY2(mworst < 1e-3f, qPrintable(QString::number(mworst)));
    }

    void toneLandsInTheRightBinAndBand()
    {
        const std::vector<float> y = tone(440.0, 22050, 22050);
        const FeatureMatrix p = Features::stft(y.data(), qsizetype(y.size()));
        const float *mid = p.row(p.frames / 2);
        const int bin = int(std::max_element(mid, mid + p.bins) - mid);
        QCOMPARE(bin, int(std::lround(440.0 * 2048 / 22050)));  // 41
        // A full-scale-ish sine: Hann-windowed peak power is (A * N / 4)^2 near the bin centre.
        QVERIFY(mid[bin] > 0.5f * float(std::pow(0.5 * 2048 / 4, 2)));

        const FeatureMatrix mel = Features::melSpectrogram(y.data(), qsizetype(y.size()));
        const float *m = mel.row(mel.frames / 2);
        const int band = int(std::max_element(m, m + mel.bins) - m);
        const MelFilterbank fb(22050, 2048);
        const auto &edges = fb.edgesHz();
        QVERIFY2(edges[size_t(band)] < 440.0 && 440.0 < edges[size_t(band) + 2],
                 qPrintable(QStringLiteral("band %1").arg(band)));
    }

    void semitoneBandsFollowTheNotes()
    {
        // C1..B8 at n_fft 4096: every band has weights summing to 1, centred on its note.
        const MelFilterbank fb = MelFilterbank::semitones(22050, 4096, 24, 119);
        QCOMPARE(fb.nMels(), 96);
        QCOMPARE(fb.bins(), 2049);
        const std::vector<float> w = fb.dense();
        for (int m = 0; m < fb.nMels(); ++m) {
            double sum = 0;
            for (int k = 0; k < fb.bins(); ++k)
                sum += w[size_t(m) * size_t(fb.bins()) + size_t(k)];
            QVERIFY2(std::abs(sum - 1.0) < 1e-4, qPrintable(QStringLiteral("band %1 sums to %2").arg(m).arg(sum)));
        }
        QVERIFY(std::abs(fb.edgesHz()[1 + 69 - 24] - 440.0) < 1e-9);
        QVERIFY(std::abs(MelFilterbank::noteToHz(60) - 261.6256) < 1e-3);

        // A tone at a note's frequency is loudest in that note's band, also low down where
        // semitones are narrower than the FFT's bins (A1 = 55 Hz: 3.3 Hz against 5.4 Hz).
        FeatureParams p;
        p.nFft = 4096;
        p.hop = 1024;
        p.scale = BandScale::Semitone;
        for (int note : {33, 45, 60, 69, 70, 96, 119}) {
            const std::vector<float> y = tone(MelFilterbank::noteToHz(note), 22050, 22050);
            const FeatureMatrix s = Features::melSpectrogram(y.data(), qsizetype(y.size()), p);
            QCOMPARE(s.bins, 96);
            const float *row = s.row(s.frames / 2);
            const int band = int(std::max_element(row, row + s.bins) - row);
            QCOMPARE(band + 24, note);
        }
        // Neighbouring semitones high up are told apart: a quarter-tone off A4 still lands in A4 or A#4.
        const std::vector<float> y = tone(MelFilterbank::noteToHz(69.4), 22050, 22050);
        const FeatureMatrix s = Features::melSpectrogram(y.data(), qsizetype(y.size()), p);
        const float *row = s.row(s.frames / 2);
        QCOMPARE(int(std::max_element(row, row + s.bins) - row) + 24, 69);
    }

    void streamingEqualsBatch()
    {
        const FeatureMatrix batch = Features::melSpectrogram(m_signal.data(), qsizetype(m_signal.size()));
        FeatureParams p;
        StreamingFeatureExtractor ex(p, FrameKind::LogMel);
        std::vector<float> got;
        int frames = 0;
        const FrameSink sink = [&](const float *f, int bins) {
            QCOMPARE(bins, 128);
            got.insert(got.end(), f, f + bins);
            ++frames;
        };
        // Odd chunk sizes, including 1 and larger than the FFT.
        size_t pos = 0;
        const size_t sizes[] = {1, 7, 511, 513, 3000, 2048, 100};
        for (int i = 0; pos < m_signal.size(); ++i) {
            const size_t n = std::min(sizes[i % 7], m_signal.size() - pos);
            ex.push(m_signal.data() + pos, qsizetype(n), sink);
            pos += n;
        }
        ex.finish(sink);
        QCOMPARE(frames, batch.frames);
        QCOMPARE(ex.framesEmitted(), qint64(44));
        for (size_t i = 0; i < got.size(); ++i)
            QCOMPARE(got[i], 10.0f * std::log10(std::max(batch.data[i], 1e-10f)));

        // Short signals still give 1 + n / hop frames.
        const FeatureMatrix tiny = Features::stft(m_signal.data(), 100);
        QCOMPARE(tiny.frames, 1);
        const FeatureMatrix none = Features::stft(m_signal.data(), 0);
        QCOMPARE(none.frames, 1);
    }

    void powerToDbClipsAtTopDb()
    {
        FeatureMatrix m(1, 4);
        m.data = {1.0f, 1e-3f, 1e-9f, 0.0f};
        Features::powerToDb(m, true);
        QCOMPARE(m.data[0], 0.0f);
        QVERIFY(std::abs(m.data[1] + 30.0f) < 1e-4f);
        QCOMPARE(m.data[2], -80.0f);
        QCOMPARE(m.data[3], -80.0f);
    }

    void fromFileAndErrors()
    {
        const Result<FileFeatures> r = Features::fromFile(fixture("tone440.flac"), FeatureKind::Mel);
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QCOMPARE(r->matrix.bins, 128);
        QCOMPARE(r->matrix.frames, int(1 + r->decode.samples / 512));
        const Result<FileFeatures> m = Features::fromFile(fixture("tone440.ogg"), FeatureKind::Mfcc);
        QVERIFY(m.ok());
        QCOMPARE(m->matrix.bins, 20);
        const Result<FileFeatures> bad = Features::fromFile(fixture("not_audio.txt"), FeatureKind::Stft);
        QVERIFY(!bad.ok());
    }

    void channelsThatCancelGiveTheFirstChannelsFeatures()
    {
        // Left a tone, right the same tone inverted: the mean is silence, so the features are
        // computed from the first channel (the 440 Hz bin stands out) and the report says so.
        QTemporaryDir dir;
        const QString wav = dir.filePath(QStringLiteral("cancel.wav"));
        std::vector<float> stereo;
        for (const float x : tone(440.0, 22050, 22050))
            stereo.insert(stereo.end(), {0.5f * x, -0.5f * x});
        QVERIFY(WavWriter::writeFile(wav, stereo.data(), 22050, 22050, 2, WavFormat::Float32));
        const Result<FileFeatures> r = Features::fromFile(wav, FeatureKind::Stft);
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        const float *mid = r->matrix.row(r->matrix.frames / 2);
        const int bin = int(std::max_element(mid, mid + r->matrix.bins) - mid);
        QCOMPARE(bin, int(std::lround(440.0 * 2048 / 22050)));
        QCOMPARE(mid[bin], 0.0f);  // dB relative to the loudest: the tone is the loudest
        QCOMPARE(r->decode.warnings.size(), qsizetype(1));
        QVERIFY(r->decode.warnings.front().contains(QLatin1String("cancel")));
        // A file that is silent in both channels stays silence, without the warning.
        const QString quiet = dir.filePath(QStringLiteral("quiet.wav"));
        const std::vector<float> zeros(2 * 22050, 0.0f);
        QVERIFY(WavWriter::writeFile(quiet, zeros.data(), 22050, 22050, 2, WavFormat::Float32));
        const Result<FileFeatures> z = Features::fromFile(quiet, FeatureKind::Stft);
        QVERIFY(z.ok());
        QVERIFY(z->decode.warnings.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFeatures)
#include "TestFeatures.moc"
