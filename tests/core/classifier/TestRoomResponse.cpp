// The synthetic room used as augmentation: its impulse response (the direct sound, then a tail
// at the energy the direct-to-reverb ratio sets, falling about 60 dB in RT60, its treble sooner),
// the FFT convolution against a direct one, how rooms are drawn and named in cache keys, and a
// room applied by AudioAugmentation::apply.
#include "classifier/AudioAugmentation.h"
#include "classifier/RoomResponse.h"

#include <QtTest>

#include <cmath>
#include <random>
#include <set>

using namespace aichopin;

namespace {

constexpr int kRate = 22050;

double energy(const std::vector<float> &h, double from, double to)
{
    double e = 0;
    for (size_t i = size_t(from * kRate); i < size_t(to * kRate) && i < h.size(); ++i)
        e += double(h[i]) * h[i];
    return e;
}

// Energy of the first difference: mostly the treble.
double trebleEnergy(const std::vector<float> &h, double from, double to)
{
    double e = 0;
    for (size_t i = std::max<size_t>(2, size_t(from * kRate)); i < size_t(to * kRate) && i < h.size(); ++i) {
        const double d = double(h[i]) - h[i - 1];
        e += d * d;
    }
    return e;
}

RoomParams room(double rt60, double drr, quint64 seed) { return RoomParams{rt60, drr, seed}; }

// Amplitude of the sine at freq in x[from, from + n), by projection on a Hann-windowed pair.
double amplitude(const std::vector<float> &x, double freq, size_t from, size_t n)
{
    double re = 0, im = 0, wsum = 0;
    for (size_t i = 0; i < n; ++i) {
        const double w = 0.5 - 0.5 * std::cos(2 * M_PI * double(i) / double(n - 1));
        const double phase = 2 * M_PI * freq * double(from + i) / kRate;
        re += w * x[from + i] * std::cos(phase);
        im += w * x[from + i] * std::sin(phase);
        wsum += w;
    }
    return 2.0 * std::hypot(re, im) / wsum;
}

double db(double ratio) { return 20.0 * std::log10(std::max(ratio, 1e-12)); }

}  // namespace

class TestRoomResponse : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void impulseHasTheDirectSoundThenTheRoomAtItsLevel()
    {
        for (double drr : {-4.0, 0.0, 10.0}) {
            const std::vector<float> h = RoomResponse::impulse(room(1.5, drr, 5), kRate);
            QCOMPARE(h.size(), size_t(1.5 * kRate));
            QCOMPARE(h[0], 1.0f);
            const double reverb = energy(h, 1.0 / kRate, 2.0);
            QVERIFY2(std::fabs(10.0 * std::log10(1.0 / reverb) - drr) < 0.01, qPrintable(QString::number(reverb)));
        }
        QCOMPARE(RoomResponse::impulse(room(5.0, 0, 1), kRate).size(), size_t(3 * kRate));  // at most 3 s
        QVERIFY(RoomResponse::impulse(RoomParams{}, kRate).empty());
    }

    void tailFallsAtTheRateRt60SetsTrebleFirst()
    {
        for (double rt60 : {0.8, 2.0}) {
            const std::vector<float> h = RoomResponse::impulse(room(rt60, 0, 11), kRate);
            // Broadband level from a quarter to three quarters of RT60 (after the reflections):
            // between the bass's rate (60 dB per RT60) and the treble's (per 0.6 RT60), near the bass's.
            const double w = 0.05 * rt60;
            const double early = energy(h, 0.25 * rt60, 0.25 * rt60 + w);
            const double late = energy(h, 0.75 * rt60, 0.75 * rt60 + w);
            const double dbPerRt60 = 10.0 * std::log10(early / late) / 0.5;
            QVERIFY2(dbPerRt60 > 50 && dbPerRt60 < 80, qPrintable(QString::number(dbPerRt60)));
            // The tail darkens: the treble's share of the energy falls.
            const double shareEarly = trebleEnergy(h, 0.1 * rt60, 0.3 * rt60) / energy(h, 0.1 * rt60, 0.3 * rt60);
            const double shareLate = trebleEnergy(h, 0.6 * rt60, 0.8 * rt60) / energy(h, 0.6 * rt60, 0.8 * rt60);
            QVERIFY2(shareLate < 0.7 * shareEarly, qPrintable(QStringLiteral("%1 %2").arg(shareEarly).arg(shareLate)));
        }
    }

    void impulseIsSeeded()
    {
        QCOMPARE(RoomResponse::impulse(room(1.0, 2, 3), kRate), RoomResponse::impulse(room(1.0, 2, 3), kRate));
        QVERIFY(RoomResponse::impulse(room(1.0, 2, 3), kRate) != RoomResponse::impulse(room(1.0, 2, 4), kRate));
    }

    void convolutionMatchesTheDirectSum()
    {
        std::mt19937 rng(2);
        std::normal_distribution<float> normal(0.0f, 1.0f);
        std::vector<float> x(1001), h(257);
        for (float &v : x)
            v = normal(rng);
        for (float &v : h)
            v = normal(rng) * 0.1f;
        const std::vector<float> y = RoomResponse::convolve(x, h);
        QCOMPARE(y.size(), x.size());
        for (size_t n = 0; n < x.size(); ++n) {
            double s = 0;
            for (size_t k = 0; k < h.size() && k <= n; ++k)
                s += double(h[k]) * x[n - k];
            QVERIFY2(std::fabs(s - y[n]) < 1e-4, qPrintable(QStringLiteral("%1: %2 %3").arg(n).arg(s).arg(y[n])));
        }
        QCOMPARE(RoomResponse::convolve(x, {}), x);
        QVERIFY(RoomResponse::convolve({}, h).empty());
    }

    void roomsAreDrawnAtTheirShareAndNamedInKeys()
    {
        std::mt19937_64 rng(9);
        int active = 0;
        for (int i = 0; i < 2000; ++i) {
            const RoomParams r = AugmentationParams::drawRoom(rng, 0.5);
            if (!r.active())
                continue;
            ++active;
            QVERIFY(r.rt60 >= 0.3 && r.rt60 <= 2.6);
            QVERIFY(r.directToReverbDb >= -4 && r.directToReverbDb <= 10);
        }
        QVERIFY2(active > 900 && active < 1100, qPrintable(QString::number(active)));
        std::mt19937_64 a(4), b(4);
        QVERIFY(!AugmentationParams::drawRoom(a, 0.0).active());
        QCOMPARE(a(), b());  // no room: nothing drawn
        QVERIFY(AugmentationParams::drawRoom(a, 1.0).active());

        AugmentationParams p;
        const QString plain = p.key();
        QVERIFY(!plain.contains(QStringLiteral("room")));  // keys without a room are as before rooms
        p.room = room(1.2, 3, 8);
        QCOMPARE(p.key(), plain + QStringLiteral(" room1.2/3/8"));
    }

    void applyHearsTheSignalInTheRoomFirst()
    {
        // A click through a room with no other augmentation comes out as the room's response.
        std::vector<float> x(kRate, 0.0f);
        x[0] = 0.5f;
        AugmentationParams p;
        p.room = room(0.6, 6, 2);
        QVERIFY(AudioAugmentation::apply(x, kRate, p));
        const std::vector<float> h = RoomResponse::impulse(p.room, kRate);
        QCOMPARE(x.size(), size_t(kRate));
        for (size_t i = 0; i < h.size(); i += 97)
            QVERIFY2(std::fabs(x[i] - 0.5f * h[i]) < 1e-5, qPrintable(QString::number(i)));
        QVERIFY(energy(x, 0.3, 0.6) > 0);
        QVERIFY(energy(x, 0.6, 1.0) < 1e-10);  // after the response, nothing (to rounding)
    }

    void bandLimitKeepsWhatIsBelowItsCutoffAndNothingAbove()
    {
        // Sines of 0.1 at 1,000, 3,500, 4,300 and 7,000 Hz, limited as an 8,000 Hz file (4,000 Hz).
        const double freqs[] = {1000.0, 3500.0, 4300.0, 7000.0};
        std::vector<float> x(static_cast<size_t>(kRate));
        for (size_t i = 0; i < x.size(); ++i)
            for (double f : freqs)
                x[i] += float(0.1 * std::sin(2 * M_PI * f * double(i) / kRate));
        const std::vector<float> original = x;
        AudioAugmentation::lowPass(x, kRate, 4000.0);
        QCOMPARE(x.size(), original.size());
        const size_t from = 4000, n = 8192;  // away from the edges, where the filter runs out
        for (double f : {1000.0, 3500.0}) {
            const double change = db(amplitude(x, f, from, n) / amplitude(original, f, from, n));
            QVERIFY2(std::fabs(change) < 0.1, qPrintable(QStringLiteral("%1 Hz changed by %2 dB").arg(f).arg(change)));
        }
        for (double f : {4300.0, 7000.0}) {
            const double left = db(amplitude(x, f, from, n) / 0.1);
            QVERIFY2(left < -70, qPrintable(QStringLiteral("%1 Hz only %2 dB down").arg(f).arg(left)));
        }
        // Delay-free: the output follows the input sample by sample below the cutoff.
        std::vector<float> low(static_cast<size_t>(kRate));
        for (size_t i = 0; i < low.size(); ++i)
            low[i] = float(0.3 * std::sin(2 * M_PI * 440.0 * double(i) / kRate));
        std::vector<float> y = low;
        AudioAugmentation::lowPass(y, kRate, 5512.0);
        for (size_t i = 1000; i < 20000; i += 101)
            QVERIFY2(std::fabs(y[i] - low[i]) < 1e-3, qPrintable(QString::number(i)));
        // At or above Nyquist, and for nothing, it does nothing.
        std::vector<float> same = original;
        AudioAugmentation::lowPass(same, kRate, 11025.0);
        QCOMPARE(same, original);
        std::vector<float> none;
        AudioAugmentation::lowPass(none, kRate, 4000.0);
        QVERIFY(none.empty());
    }

    void bandLimitsAreDrawnAtTheirShareAppliedAndNamedInKeys()
    {
        std::mt19937_64 rng(3);
        int limited = 0;
        std::set<int> limits;
        for (int i = 0; i < 2000; ++i) {
            const int hz = AugmentationParams::drawBandLimit(rng, 0.25);
            if (hz == 0)
                continue;
            ++limited;
            limits.insert(hz);
        }
        QVERIFY2(limited > 420 && limited < 580, qPrintable(QString::number(limited)));
        QCOMPARE(limits, (std::set<int>{4000, 5512, 8000}));
        std::mt19937_64 a(4), b(4);
        QCOMPARE(AugmentationParams::drawBandLimit(a, 0.0), 0);
        QCOMPARE(a(), b());  // no share: nothing drawn

        AugmentationParams p;
        const QString plain = p.key();
        QVERIFY(!plain.contains(QStringLiteral("band")));  // keys without a limit are as before
        p.bandLimitHz = 5512;
        QCOMPARE(p.key(), plain + QStringLiteral(" band5512"));

        // apply() limits the band: a 7 kHz sine is gone, a 1 kHz one stays.
        std::vector<float> x(static_cast<size_t>(kRate));
        for (size_t i = 0; i < x.size(); ++i)
            x[i] = float(0.2 * std::sin(2 * M_PI * 1000.0 * double(i) / kRate) + 0.2 * std::sin(2 * M_PI * 7000.0 * double(i) / kRate));
        QVERIFY(AudioAugmentation::apply(x, kRate, p));
        QVERIFY(db(amplitude(x, 7000.0, 4000, 8192) / 0.2) < -70);
        QVERIFY(std::fabs(db(amplitude(x, 1000.0, 4000, 8192) / 0.2)) < 0.1);
    }
};

QTEST_GUILESS_MAIN(TestRoomResponse)
#include "TestRoomResponse.moc"
