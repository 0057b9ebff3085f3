// The lossy MP3/AAC round trip used as augmentation: it changes the signal (more at low bit
// rates), keeps its spectrum close, keeps its length and its alignment with the input, and is
// part of an augmentation's cache key.
#include "classifier/AudioAugmentation.h"
#include "classifier/LossyRoundTrip.h"
#include "listen/Stft.h"

#include <QtTest>

#include <cmath>
#include <random>
#include <set>

using namespace aichopin;

namespace {

constexpr int kRate = 22050;

// Piano-ish test music: decaying harmonic notes every 0.25 s with a little noise, an odd length
// so the last codec frame is partly padding.
std::vector<float> music(double seconds)
{
    std::vector<float> x(size_t(seconds * kRate) + 321, 0.0f);
    std::mt19937 rng(7);
    std::normal_distribution<float> noise(0.0f, 0.003f);
    const double freqs[] = {220.0, 329.6, 440.0, 261.6, 392.0, 523.3, 293.7, 587.3};
    for (size_t i = 0; i < x.size(); ++i) {
        const double t = double(i) / kRate;
        const int note = int(t / 0.25);
        const double since = t - note * 0.25;
        const double f = freqs[note % 8];
        double v = 0;
        for (int h = 1; h <= 6; ++h)
            v += std::sin(2 * M_PI * f * h * since) / h;
        x[i] = float(0.25 * v * std::exp(-6.0 * since)) + noise(rng);
    }
    return x;
}

double errorRatio(const std::vector<float> &a, const std::vector<float> &b)
{
    double e = 0, s = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        e += double(a[i] - b[i]) * double(a[i] - b[i]);
        s += double(a[i]) * double(a[i]);
    }
    return e / s;
}

// Mean over frames of the cosine similarity of magnitude spectra (1 = same spectral shape).
double spectralSimilarity(const std::vector<float> &a, const std::vector<float> &b)
{
    Stft stft(1024);
    std::vector<float> sa(size_t(stft.bins())), sb(size_t(stft.bins()));
    double sum = 0;
    int frames = 0;
    for (size_t from = 0; from + 1024 <= a.size(); from += 512) {
        stft.transform(a.data() + from, sa.data(), SpectrumKind::Magnitude);
        stft.transform(b.data() + from, sb.data(), SpectrumKind::Magnitude);
        double ab = 0, aa = 0, bb = 0;
        for (size_t k = 0; k < sa.size(); ++k) {
            ab += double(sa[k]) * sb[k];
            aa += double(sa[k]) * sa[k];
            bb += double(sb[k]) * sb[k];
        }
        sum += ab / std::sqrt(aa * bb + 1e-30);
        ++frames;
    }
    return sum / frames;
}

// The shift of b against a (in samples, within +-maxLag) with the highest correlation.
int bestLag(const std::vector<float> &a, const std::vector<float> &b, int maxLag)
{
    int best = 0;
    double bestValue = -1e300;
    for (int lag = -maxLag; lag <= maxLag; ++lag) {
        double c = 0;
        for (size_t i = size_t(maxLag); i + size_t(maxLag) < a.size(); ++i)
            c += double(a[i]) * double(b[size_t(qsizetype(i) + lag)]);
        if (c > bestValue) {
            bestValue = c;
            best = lag;
        }
    }
    return best;
}

}  // namespace

class TestLossyRoundTrip : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (LossyRoundTrip::codecName().isEmpty())
            QSKIP("FFmpeg has neither an MP3 nor an AAC encoder here");
        qInfo("codec: %s", qPrintable(LossyRoundTrip::codecName()));
    }

    void changesTheSignalButKeepsItClose()
    {
        const std::vector<float> x = music(3.0);
        const auto y = LossyRoundTrip::apply(x, kRate, 64);
        QVERIFY2(y, y ? "" : qPrintable(y.error().message));
        QCOMPARE(y->size(), x.size());
        const double err = errorRatio(x, y.value());
        const double similarity = spectralSimilarity(x, y.value());
        qInfo("64 kbit/s: error/signal energy %.5f, spectral similarity %.4f", err, similarity);
        QVERIFY2(err > 1e-5, "the round trip left the signal (nearly) untouched");
        QVERIFY2(err < 0.3, "the round trip lost the signal");
        QVERIFY(similarity > 0.95);
        QVERIFY(similarity < 0.99999);
    }

    void lowerRatesDamageMore()
    {
        const std::vector<float> x = music(3.0);
        const auto low = LossyRoundTrip::apply(x, kRate, 32);
        const auto high = LossyRoundTrip::apply(x, kRate, 128);
        QVERIFY(low && high);
        const double eLow = errorRatio(x, low.value()), eHigh = errorRatio(x, high.value());
        qInfo("error/signal energy: 32 kbit/s %.5f, 128 kbit/s %.5f", eLow, eHigh);
        QVERIFY(eLow > eHigh);
    }

    void keepsAlignment()
    {
        const std::vector<float> x = music(2.0);
        const auto y = LossyRoundTrip::apply(x, kRate, 96);
        QVERIFY(y);
        // Codec delays are around a thousand samples; an unremoved one would show here.
        QCOMPARE(bestLag(x, y.value(), 2000), 0);
        // A click stays where it was too (within a millisecond).
        std::vector<float> click(size_t(kRate), 0.0f);
        const size_t at = 12345;
        for (size_t i = 0; i < 40; ++i)
            click[at + i] = float(0.8 * std::exp(-0.2 * double(i)) * (i % 2 ? -1 : 1));
        const auto c = LossyRoundTrip::apply(click, kRate, 96);
        QVERIFY(c);
        size_t peak = 0;
        for (size_t i = 0; i < c->size(); ++i)
            if (std::fabs(c.value()[i]) > std::fabs(c.value()[peak]))
                peak = i;
        QVERIFY2(peak + 22 >= at && peak <= at + 22, qPrintable(QStringLiteral("click moved from %1 to %2").arg(at).arg(peak)));
    }

    void edgeCases()
    {
        const auto empty = LossyRoundTrip::apply({}, kRate, 64);
        QVERIFY(empty);
        QVERIFY(empty->empty());
        const std::vector<float> shortClip(100, 0.1f);  // shorter than one codec frame
        const auto s = LossyRoundTrip::apply(shortClip, kRate, 64);
        QVERIFY(s);
        QCOMPARE(s->size(), shortClip.size());
        QVERIFY(!LossyRoundTrip::apply(shortClip, 7001, 64));  // no codec takes this rate
        QVERIFY(!LossyRoundTrip::apply(shortClip, kRate, 0));
    }

    void isPartOfAugmentation()
    {
        // apply() runs the round trip last when asked, and the key names it.
        const std::vector<float> x = music(1.0);
        std::vector<float> plain = x, coded = x;
        AugmentationParams p;
        QVERIFY(AudioAugmentation::apply(plain, kRate, p));
        AugmentationParams q = p;
        q.lossyKbps = 48;
        QVERIFY(AudioAugmentation::apply(coded, kRate, q));
        QCOMPARE(plain, x);
        QVERIFY(coded != x);
        QCOMPARE(coded.size(), x.size());
        QVERIFY(p.key() != q.key());
        AugmentationParams r = q;
        r.lossyKbps = 96;
        QVERIFY(q.key() != r.key());

        // draw() sends a share of renders through the codec, at several rates.
        std::mt19937_64 rng(1);
        int lossy = 0;
        std::set<int> rates;
        for (int i = 0; i < 200; ++i) {
            const AugmentationParams d = AugmentationParams::draw(rng, 3);
            if (d.lossyKbps > 0) {
                ++lossy;
                rates.insert(d.lossyKbps);
            }
        }
        QVERIFY(lossy > 60 && lossy < 140);
        QVERIFY(rates.size() >= 3);
    }
};

QTEST_GUILESS_MAIN(TestLossyRoundTrip)
#include "TestLossyRoundTrip.moc"
