// Metrics against hand-computed values, and the clip stream's framing and normalisation.
#include "classifier/ClassifierMetrics.h"
#include "classifier/ClipStream.h"
#include "listen/AudioDecoder.h"
#include "sound/WavWriter.h"

#include <QtTest>
#include <random>

#include <cmath>

using namespace aichopin;

class TestClassifierMetrics : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void confusionAndScores()
    {
        // 3 Chopin (2 found), 5 Other (1 taken for Chopin).
        const std::vector<ScoredItem> items{{0.9, true, QStringLiteral("Chopin")},  {0.7, true, QStringLiteral("Chopin")},
                                            {0.2, true, QStringLiteral("Chopin")},  {0.6, false, QStringLiteral("Liszt")},
                                            {0.4, false, QStringLiteral("Liszt")},  {0.1, false, QStringLiteral("Bach")},
                                            {0.3, false, QStringLiteral("Bach")},   {0.05, false, QStringLiteral("Bach")}};
        const BinaryMetrics m = BinaryMetrics::compute(items);
        QCOMPARE(m.count, 8);
        QCOMPARE(m.truePositives, 2);
        QCOMPARE(m.falseNegatives, 1);
        QCOMPARE(m.falsePositives, 1);
        QCOMPARE(m.trueNegatives, 4);
        QVERIFY(std::abs(m.accuracy - 6.0 / 8) < 1e-12);
        QVERIFY(std::abs(m.precision - 2.0 / 3) < 1e-12);
        QVERIFY(std::abs(m.recall - 2.0 / 3) < 1e-12);
        QVERIFY(std::abs(m.f1 - 2.0 / 3) < 1e-12);
        QVERIFY(std::abs(m.f05 - 2.0 / 3) < 1e-12);
        // Pairs (pos, neg) ranked right: 0.9 beats 5, 0.7 beats 5, 0.2 beats 0.1 and 0.05 -> 12/15.
        QVERIFY(std::abs(m.rocAuc - 12.0 / 15) < 1e-12);
        QCOMPARE(m.groupAccuracy.at(QStringLiteral("Liszt")).first, 2);
        QVERIFY(std::abs(m.groupAccuracy.at(QStringLiteral("Liszt")).second - 0.5) < 1e-12);
        QVERIFY(std::abs(m.groupAccuracy.at(QStringLiteral("Bach")).second - 1.0) < 1e-12);
    }

    void fHalfWeighsPrecision()
    {
        // precision 1, recall 0.5: F1 = 2/3, F0.5 = 1.25*0.5/(0.25+0.5) = 5/6.
        const std::vector<ScoredItem> items{{0.9, true, {}}, {0.1, true, {}}, {0.2, false, {}}};
        const BinaryMetrics m = BinaryMetrics::compute(items);
        QVERIFY(std::abs(m.f1 - 2.0 / 3) < 1e-12);
        QVERIFY(std::abs(m.f05 - 5.0 / 6) < 1e-12);
        QCOMPARE(m.rocAuc, 0.5);  // 0.9 > 0.2 but 0.1 < 0.2
    }

    void aucTiesAndOneClass()
    {
        QCOMPARE(BinaryMetrics::areaUnderRoc({{0.5, true, {}}, {0.5, false, {}}}), 0.5);
        QCOMPARE(BinaryMetrics::areaUnderRoc({{0.5, true, {}}, {0.7, true, {}}}), -1.0);
        const QJsonObject j = BinaryMetrics::compute({{0.8, true, {}}, {0.3, false, {}}}).toJson();
        QCOMPARE(j.value(QStringLiteral("roc_auc")).toDouble(), 1.0);
        QCOMPARE(j.value(QStringLiteral("confusion")).toObject().value(QStringLiteral("true_chopin")).toInt(), 1);
    }

    void clipFraming()
    {
        ClassifierFeatureSettings s;
        s.nMels = 32;
        s.clipSeconds = 2.0;
        s.clipHopSeconds = 1.0;
        const int frames = s.clipFrames();  // 86
        QCOMPARE(frames, int(2.0 * 22050 / 512));
        // 10 s of a tone: 1 + 10*22050/512 = 431 frames -> clips at 0, 43, ... while start+86 <= 431.
        std::vector<float> y(size_t(10 * s.sampleRate));
        for (size_t i = 0; i < y.size(); ++i)
            y[i] = 0.3f * float(std::sin(2 * M_PI * 440.0 * double(i) / s.sampleRate));
        std::vector<qint64> starts;
        const std::vector<float> clips = ClipStream::clipsOf(s, y.data(), qsizetype(y.size()), &starts);
        const qint64 total = 1 + qint64(y.size()) / s.hop;
        qint64 expected = 0;
        for (qint64 st = 0; st + frames <= total; st += s.hopFrames())
            ++expected;
        const qint64 lastEnd = (expected - 1) * s.hopFrames() + frames;
        if (total - lastEnd >= frames / 4)
            ++expected;
        QCOMPARE(qint64(starts.size()), expected);
        QCOMPARE(clips.size(), size_t(expected) * size_t(frames) * 32);
        QCOMPARE(starts[1], qint64(s.hopFrames()));
        // Each clip is standardised.
        double sum = 0, sq = 0;
        for (size_t i = 0; i < size_t(frames) * 32; ++i) {
            sum += clips[i];
            sq += double(clips[i]) * clips[i];
        }
        QVERIFY(std::abs(sum / (frames * 32)) < 1e-4);
        QVERIFY(std::abs(sq / (frames * 32) - 1.0) < 1e-3);
    }

    void shortSignalGivesOneShortClip()
    {
        ClassifierFeatureSettings s;
        s.kind = ClassifierFeatureKind::Mfcc;
        s.clipSeconds = 3.0;
        std::vector<float> y(size_t(s.sampleRate / 2), 0.1f);
        for (size_t i = 0; i < y.size(); ++i)
            y[i] = 0.2f * float(std::sin(2 * M_PI * (300.0 + 400.0 * double(i) / double(y.size())) * double(i) / s.sampleRate));
        std::vector<qint64> starts;
        std::vector<int> lengths;
        const std::vector<float> clips = ClipStream::clipsOf(s, y.data(), qsizetype(y.size()), &starts, false, &lengths);
        QCOMPARE(starts.size(), size_t(1));
        QCOMPARE(lengths.size(), size_t(1));
        // Its own frames only (half a second of a 3-s clip), standardised on their own: no
        // padding, which the network never heard in training.
        const int frames = lengths.front();
        QVERIFY2(frames > 0 && frames < s.clipFrames() / 4, qPrintable(QString::number(frames)));
        QCOMPARE(clips.size(), size_t(frames) * size_t(s.nMfcc));
        double sum = 0, sq = 0;
        for (float v : clips) {
            sum += v;
            sq += double(v) * v;
        }
        QVERIFY(std::abs(sum / double(clips.size())) < 1e-4);
        QVERIFY(std::abs(sq / double(clips.size()) - 1.0) < 1e-3);
        // Nothing at all gives no clip.
        QVERIFY(ClipStream::clipsOf(s, y.data(), 0).empty());
    }

    // Classifying trims silence: clips start where the sound starts, the last one ends where the
    // sound ends, a long silence between passages gives no clip, and a recording that never rises
    // above the silence level is still judged. Untrimmed (training windows) cuts as before.
    void silenceAroundTheMusicIsNotJudged()
    {
        ClassifierFeatureSettings s;
        s.nMels = 32;
        s.clipSeconds = 2.0;
        s.clipHopSeconds = 1.0;
        const double rate = s.sampleRate;
        const auto music = [&](double seconds, double amplitude) {
            std::vector<float> y(size_t(seconds * rate));
            for (size_t i = 0; i < y.size(); ++i) {
                const double t = double(i) / rate;
                const double f = 220.0 * std::pow(2.0, double(int(t * 4) % 12) / 12.0);  // a note every 0.25 s
                y[i] = float(amplitude * std::sin(2 * M_PI * f * t));
            }
            return y;
        };
        const auto join = [](std::initializer_list<std::vector<float>> parts) {
            std::vector<float> y;
            for (const std::vector<float> &p : parts)
                y.insert(y.end(), p.begin(), p.end());
            return y;
        };
        const std::vector<float> tune = music(7.0, 0.3);
        const std::vector<float> before(size_t(3 * rate), 0.0f), after(size_t(4 * rate), 0.0f);
        const std::vector<float> padded = join({before, tune, after});
        const double spf = s.secondsPerFrame();
        const int frames = s.clipFrames();

        std::vector<qint64> alone, trimmed, untrimmed;
        const std::vector<float> clipsAlone = ClipStream::clipsOf(s, tune.data(), qsizetype(tune.size()), &alone, true);
        ClipStream::clipsOf(s, padded.data(), qsizetype(padded.size()), &trimmed, true);
        ClipStream::clipsOf(s, padded.data(), qsizetype(padded.size()), &untrimmed, false);
        QCOMPARE(trimmed.size(), alone.size());
        QVERIFY(alone.size() >= 5);
        QCOMPARE(alone.front(), qint64(0));
        // The first clip starts at the first sound, the last one ends at the last (within the
        // analysis window's reach, under 0.1 s).
        QVERIFY2(std::abs(trimmed.front() * spf - 3.0) < 0.1, qPrintable(QString::number(trimmed.front() * spf)));
        QVERIFY2(std::abs((trimmed.back() + frames) * spf - 10.0) < 0.1, qPrintable(QString::number((trimmed.back() + frames) * spf)));
        for (size_t i = 0; i < trimmed.size(); ++i)
            QCOMPARE(trimmed[i] - trimmed.front(), alone[i] - alone.front());
        // Without trimming the clips run from the first sample to the last, silence and all.
        QCOMPARE(untrimmed.front(), qint64(0));
        QVERIFY((untrimmed.back() + frames) * spf > 13.9);
        QVERIFY(untrimmed.size() > trimmed.size());
        // The music alone (no silence around it) is cut the same either way.
        std::vector<qint64> aloneUntrimmed;
        const std::vector<float> clipsAloneUntrimmed =
            ClipStream::clipsOf(s, tune.data(), qsizetype(tune.size()), &aloneUntrimmed, false);
        QCOMPARE(aloneUntrimmed, alone);
        QCOMPARE(clipsAloneUntrimmed, clipsAlone);

        // Two passages 12 s apart (more than a clip of silence): clips in both, none in between.
        const std::vector<float> gap(size_t(12 * rate), 0.0f);
        const std::vector<float> two = join({tune, gap, tune});
        std::vector<qint64> starts;
        ClipStream::clipsOf(s, two.data(), qsizetype(two.size()), &starts, true);
        int first = 0, second = 0;
        for (qint64 st : starts) {
            const double a = st * spf, e = (st + frames) * spf;
            QVERIFY2(e <= 7.1 || a >= 18.9, qPrintable(QStringLiteral("clip %1-%2 s is in the silence").arg(a).arg(e)));
            (a < 7.0 ? first : second)++;
        }
        QCOMPARE(first, int(alone.size()));
        QCOMPARE(second, int(alone.size()));
        // A short silence inside a passage (a rest) is music: clips run through it.
        const std::vector<float> rest(size_t(1 * rate), 0.0f);
        const std::vector<float> withRest = join({tune, rest, tune});
        starts.clear();
        ClipStream::clipsOf(s, withRest.data(), qsizetype(withRest.size()), &starts, true);
        bool across = false;
        for (qint64 st : starts)
            across = across || (st * spf < 7.0 && (st + frames) * spf > 8.0);
        QVERIFY(across);

        // Never louder than the silence level (a -70 dBFS tune): still one verdict's worth of clips.
        const std::vector<float> faint = join({music(5.0, std::pow(10.0, -70.0 / 20.0))});
        starts.clear();
        ClipStream::clipsOf(s, faint.data(), qsizetype(faint.size()), &starts, true);
        QCOMPARE(starts.size(), size_t(1));
        // Digital silence is below the level, a -50 dBFS tone above it.
        const float level = ClipStream::silenceLevel(s);
        QVERIFY(level > -100.0f);
        const std::vector<float> soft = music(5.0, std::pow(10.0, -50.0 / 20.0));
        starts.clear();
        ClipStream::clipsOf(s, soft.data(), qsizetype(soft.size()), &starts, true);
        QCOMPARE(starts.size(), size_t(4));
    }

    // With semitone bands, sound must be notes: white noise (applause, hiss) before and after a
    // tune is trimmed like silence, noise alone gives no clip, and noise under the music does not
    // break it up. Log-mel clips (no tonal gate) still take loud noise for sound.
    void noiseAroundTheMusicIsNotJudged()
    {
        ClassifierFeatureSettings s = ClassifierFeatureSettings::forKind(ClassifierFeatureKind::Pitch);
        s.clipSeconds = 2.0;
        s.clipHopSeconds = 1.0;
        const double rate = s.sampleRate;
        const auto tune = [&](double seconds) {
            std::vector<float> y(size_t(seconds * rate));
            for (size_t i = 0; i < y.size(); ++i) {
                const double t = double(i) / rate;
                const double f = 220.0 * std::pow(2.0, double(int(t * 4) % 12) / 12.0);  // a note every 0.25 s
                double v = 0.0;
                for (int k = 1; k <= 4; ++k)  // with partials, as a piano's note has
                    v += std::sin(2 * M_PI * k * f * t) / k;
                y[i] = float(0.15 * v);
            }
            return y;
        };
        std::mt19937 rng(5);
        const auto noise = [&](double seconds, double amplitude) {
            std::uniform_real_distribution<float> u(-1.0f, 1.0f);
            std::vector<float> y(size_t(seconds * rate));
            for (float &v : y)
                v = float(amplitude) * u(rng);
            return y;
        };
        std::vector<float> live = noise(4.0, 0.2);
        const std::vector<float> music = tune(7.0), after = noise(5.0, 0.2);
        live.insert(live.end(), music.begin(), music.end());
        live.insert(live.end(), after.begin(), after.end());
        const double spf = s.secondsPerFrame();
        const int frames = s.clipFrames();

        std::vector<qint64> alone, trimmed;
        ClipStream::clipsOf(s, music.data(), qsizetype(music.size()), &alone, true);
        ClipStream::clipsOf(s, live.data(), qsizetype(live.size()), &trimmed, true);
        QVERIFY(alone.size() >= 5);
        QCOMPARE(trimmed.size(), alone.size());
        QVERIFY2(std::abs(trimmed.front() * spf - 4.0) < 0.2, qPrintable(QString::number(trimmed.front() * spf)));
        QVERIFY2(std::abs((trimmed.back() + frames) * spf - 11.0) < 0.2, qPrintable(QString::number((trimmed.back() + frames) * spf)));

        // Noise alone: no clip (the classifier then says there is no music to judge).
        const std::vector<float> hiss = noise(10.0, 0.2);
        std::vector<qint64> none;
        ClipStream::clipsOf(s, hiss.data(), qsizetype(hiss.size()), &none, true);
        QVERIFY2(none.empty(), qPrintable(QString::number(none.size())));
        // Frame by frame: the tune's frames are tonal, the noise's not.
        const auto tonalShare = [&](const std::vector<float> &y) {
            ClipStream kept(s, true);
            kept.push(y.data(), qsizetype(y.size()), {});
            kept.finish({});
            const std::vector<float> &f = kept.keptFrames();
            const int n = int(f.size()) / s.bins();
            int tonal = 0;
            for (int i = 0; i < n; ++i)
                tonal += ClipStream::isTonal(f.data() + size_t(i) * s.bins(), s.bins()) ? 1 : 0;
            return double(tonal) / n;
        };
        QVERIFY2(tonalShare(hiss) < 0.05, qPrintable(QString::number(tonalShare(hiss))));
        QVERIFY2(tonalShare(music) > 0.95, qPrintable(QString::number(tonalShare(music))));

        // Hiss 20 dB under the tune, all through: the tune is cut as it is alone.
        std::vector<float> noisy = music;
        const std::vector<float> under = noise(7.0, 0.015);
        for (size_t i = 0; i < noisy.size(); ++i)
            noisy[i] += under[i];
        std::vector<qint64> throughNoise;
        ClipStream::clipsOf(s, noisy.data(), qsizetype(noisy.size()), &throughNoise, true);
        QCOMPARE(throughNoise, alone);

        // Log-mel bands have no tonal gate: the noise before the tune is cut into clips.
        ClassifierFeatureSettings mel;
        mel.nMels = 32;
        mel.clipSeconds = 2.0;
        mel.clipHopSeconds = 1.0;
        std::vector<qint64> melStarts;
        ClipStream::clipsOf(mel, live.data(), qsizetype(live.size()), &melStarts, true);
        QCOMPARE(melStarts.front(), qint64(0));
    }

    // A recording sampled at 8 kHz and played at full level, as the app decodes it (resampled to
    // 22,050 Hz): its empty top bands lie on a flat floor that follows the music's level, far
    // above the front end's own floor, and they are filled all the same (before, such a
    // recording was never restored and was called Other every time; classifier card,
    // "Band-limited recordings"). The same tune at full range is left as it is.
    void restoreTopFindsAResampledRecordingsEmptyTop()
    {
        QTemporaryDir dir;
        const auto tune = [](int rate, double highest) {
            std::mt19937 rng(11);
            std::uniform_int_distribution<int> pitch(45, 84);
            std::vector<float> y(size_t(rate) * 24);
            const int note = rate / 4;
            for (size_t start = 0; start + size_t(note) <= y.size(); start += size_t(note)) {
                const double f = 440.0 * std::pow(2.0, (pitch(rng) - 69) / 12.0) * 1.003;  // between FFT bins
                for (int k = 1; k * f < highest; ++k)
                    for (int i = 0; i < 2 * note && start + size_t(i) < y.size(); ++i)
                        y[start + size_t(i)] += float(0.3 / k * std::exp(-3.0 * i / rate) * std::sin(2 * M_PI * k * f * i / rate));
            }
            float peak = 0;
            for (float v : y)
                peak = std::max(peak, std::abs(v));
            for (float &v : y)
                v *= 0.9f / peak;  // about -1 dBFS
            return y;
        };
        const ClassifierFeatureSettings s = ClassifierFeatureSettings::forKind(ClassifierFeatureKind::Pitch);
        const auto restoredOf = [&](const QString &name, int rate, double highest, int *clips) {
            const std::vector<float> y = tune(rate, highest);
            const QString path = dir.filePath(name);
            if (!WavWriter::writeFile(path, y.data(), qint64(y.size()), rate, 1, WavFormat::Pcm16))
                return -1;
            const Result<AudioSignal> decoded = AudioDecoder::decodeAll(path, DecodeOptions{});
            if (!decoded || decoded->sampleRate != s.sampleRate)
                return -1;
            ClipStream stream(s, false, true);
            stream.setRestoreTop(true);
            *clips = 0;
            const ClipStream::ClipSink count = [clips](const float *, qint64, int) { ++*clips; };
            stream.push(decoded->samples.data(), qsizetype(decoded->samples.size()), count);
            stream.finish(count);
            return stream.restoredClips();
        };
        int clips = 0;
        const int limited = restoredOf(QStringLiteral("phone.wav"), 8000, 3900.0, &clips);
        QVERIFY(clips >= 4);
        QCOMPARE(limited, clips);
        const int full = restoredOf(QStringLiteral("full.wav"), 44100, 20000.0, &clips);
        QVERIFY(clips >= 4);
        QCOMPARE(full, 0);
    }

    // restoreTop() fills the top semitone bands of a band-limited clip from whole octaves below,
    // continuing the edge's level down a full-range piano's slope; it leaves a full-range clip,
    // a silent one and other features alone.
    void restoreTopFillsADeadTopFromTheOctavesBelow()
    {
        const ClassifierFeatureSettings s = ClassifierFeatureSettings::forKind(ClassifierFeatureKind::Pitch);
        const int bins = s.bins(), frames = 40, live = 70;  // sound up to band 69 (about 4 kHz)
        std::mt19937 rng(3);
        std::uniform_real_distribution<float> level(-60.0f, -20.0f);
        std::vector<float> full(size_t(frames) * bins);
        for (float &v : full)
            v = level(rng);
        std::vector<float> limited = full;
        for (int t = 0; t < frames; ++t)
            for (int b = live; b < bins; ++b)
                limited[size_t(t) * bins + b] = -100.0f;
        std::vector<float> same = full;
        QVERIFY(!ClipStream::restoreTop(same.data(), frames, s));
        QCOMPARE(same, full);
        std::vector<float> restored = limited;
        QVERIFY(ClipStream::restoreTop(restored.data(), frames, s));
        const auto meanOf = [&](const std::vector<float> &v, int b) {
            double m = 0;
            for (int t = 0; t < frames; ++t)
                m += v[size_t(t) * bins + b];
            return m / frames;
        };
        // The edge is the last live band (no slope before the cut here); below it nothing moves.
        for (int t = 0; t < frames; ++t)
            for (int b = 0; b < live; ++b)
                QCOMPARE(restored[size_t(t) * bins + b], limited[size_t(t) * bins + b]);
        const int edge = live - 1;
        for (int b = live; b < bins; ++b) {
            const int from = b - 12 * ((b - edge + 11) / 12);
            QVERIFY(from <= edge && from > edge - 12);
            const float offset = restored[size_t(b)] - limited[size_t(from)];
            for (int t = 1; t < frames; ++t)
                QVERIFY(std::abs(restored[size_t(t) * bins + b] - limited[size_t(t) * bins + from] - offset) < 1e-3f);
            QVERIFY2(std::abs(meanOf(restored, b) - (meanOf(limited, edge) - 1.5 * (b - edge))) < 1e-3,
                     qPrintable(QStringLiteral("band %1: %2").arg(b).arg(meanOf(restored, b))));
        }
        // A top that falls band by band, as a full-range piano's, is alive however far under the
        // loudest band it ends; a flat floor as far under is dead.
        std::vector<float> falling = full, flat = full;
        for (int t = 0; t < frames; ++t)
            for (int b = live; b < bins; ++b) {
                falling[size_t(t) * bins + b] = -2.5f * float(b - live + 1);  // -2.5 to -65 dB
                flat[size_t(t) * bins + b] = -100.0f + 15.0f + 5.0f + float(t % 2);
            }
        std::vector<float> kept = falling;
        QVERIFY(!ClipStream::restoreTop(kept.data(), frames, s));
        QCOMPARE(kept, falling);
        // A top octave that fades into the front end's floor at 3.5 dB a semitone (MuseScore's
        // piano) is not a filter's cut: it is left as it is, where a cut as deep is filled.
        std::vector<float> fading = full;
        for (int t = 0; t < frames; ++t)
            for (int b = live; b < bins; ++b)
                fading[size_t(t) * bins + b] = std::max(-100.0f, -40.0f - 3.5f * float(b - live + 1));
        std::vector<float> faded = fading;
        QVERIFY(!ClipStream::restoreTop(faded.data(), frames, s));
        QCOMPARE(faded, fading);
        for (int t = 0; t < frames; ++t)
            for (int b = 0; b < live; ++b)
                flat[size_t(t) * bins + b] += 30.0f;  // music -30 to +10, the floor at -80 to -79
        QVERIFY(ClipStream::restoreTop(flat.data(), frames, s));
        // ... also with the images of a mu-law recording's noise on its top two bands (the top
        // six within 8 dB), but not with a top that rises 12 dB over them.
        std::vector<float> bumped = flat, risen;  // the music under band 70 as above
        for (int t = 0; t < frames; ++t)
            for (int b = live; b < bins; ++b)
                bumped[size_t(t) * bins + b] = -80.0f + float(t % 2) + (b >= bins - 2 ? 6.0f : 0.0f);
        risen = bumped;
        for (int t = 0; t < frames; ++t)
            for (int b = bins - 2; b < bins; ++b)
                risen[size_t(t) * bins + b] += 6.0f;
        std::vector<float> risenKept = risen;
        QVERIFY(ClipStream::restoreTop(bumped.data(), frames, s));
        QVERIFY(!ClipStream::restoreTop(risenKept.data(), frames, s));
        QCOMPARE(risenKept, risen);
        // Silence, or sound only under about 1 kHz, is left as it is; so are mel bands.
        std::vector<float> silent(full.size(), -100.0f);
        QVERIFY(!ClipStream::restoreTop(silent.data(), frames, s));
        std::vector<float> bass = limited;
        for (int t = 0; t < frames; ++t)
            for (int b = 40; b < bins; ++b)
                bass[size_t(t) * bins + b] = -100.0f;
        QVERIFY(!ClipStream::restoreTop(bass.data(), frames, s));
        ClassifierFeatureSettings mel;
        mel.nMels = bins;
        std::vector<float> melLimited = limited;
        QVERIFY(!ClipStream::restoreTop(melLimited.data(), frames, mel));
        QCOMPARE(melLimited, limited);
    }

    // flatten() takes a smooth colour across the bands out of every frame and leaves the notes:
    // the same notes under two colours made of the removed terms come out the same.
    void flattenTakesOutASmoothColourAndKeepsTheNotes()
    {
        const int frames = 40, bins = 96, terms = 3;
        std::vector<float> notes(size_t(frames) * bins), coloured(notes.size());
        for (int t = 0; t < frames; ++t)
            for (int b = 0; b < bins; ++b) {
                // A few notes that change every 10 frames, over a floor.
                const bool on = (b % 12 == (t / 10) % 12) || (b % 12 == ((t / 10) + 4) % 12 && b > 40);
                notes[size_t(t) * bins + b] = on ? 30.0f : 0.0f;
                // A bass rumble and a dull top: a tilt and a bowl over the bands.
                const double colour = 18.0 * std::cos(M_PI * (b + 0.5) / bins) + 9.0 * std::cos(2 * M_PI * (b + 0.5) / bins) - 5.0;
                coloured[size_t(t) * bins + b] = float(notes[size_t(t) * bins + b] + colour);
            }
        std::vector<float> untouched = coloured;
        ClipStream::flatten(untouched.data(), frames, bins, 0);
        QCOMPARE(untouched, coloured);  // 0 terms: nothing

        std::vector<float> a = notes, b = coloured;
        ClipStream::flatten(a.data(), frames, bins, terms);
        ClipStream::flatten(b.data(), frames, bins, terms);
        double worst = 0, notesSpread = 0;
        for (size_t i = 0; i < a.size(); ++i) {
            worst = std::max(worst, std::abs(double(a[i]) - b[i]));
            notesSpread = std::max(notesSpread, std::abs(double(a[i])));
        }
        QVERIFY2(worst < 1e-3, qPrintable(QString::number(worst)));
        QVERIFY(notesSpread > 20);  // the notes are still there
        // The mean band levels have nothing left of the removed terms.
        for (int k = 0; k < terms; ++k) {
            double dot = 0;
            for (int t = 0; t < frames; ++t)
                for (int band = 0; band < bins; ++band)
                    dot += b[size_t(t) * bins + band] * std::cos(M_PI * k * (band + 0.5) / bins);
            QVERIFY2(std::abs(dot / frames) < 1e-2, qPrintable(QStringLiteral("term %1: %2").arg(k).arg(dot / frames)));
        }
        // Without flattening the colour stays: the two differ.
        double unflattened = 0;
        for (size_t i = 0; i < notes.size(); ++i)
            unflattened = std::max(unflattened, std::abs(double(notes[i]) - coloured[i]));
        QVERIFY(unflattened > 20);

        // Clips made with the setting are flattened before they are standardised, and the
        // setting is kept in the settings' JSON (and so in model files and cache keys).
        ClassifierFeatureSettings s = ClassifierFeatureSettings::forKind(ClassifierFeatureKind::Pitch);
        QCOMPARE(s.flattenTerms, ClassifierFeatureSettings::kDefaultPitchFlattenTerms);  // semitone bands: on by default
        QVERIFY(!ClassifierFeatureSettings::forKind(ClassifierFeatureKind::LogMel).toJson().contains(QStringLiteral("flatten_terms")));  // off: keys as before
        s.flattenTerms = 0;
        QVERIFY(!s.toJson().contains(QStringLiteral("flatten_terms")));
        QJsonObject older = s.toJson();  // a model file from before: not flattened
        QCOMPARE(ClassifierFeatureSettings::fromJson(older)->flattenTerms, 0);
        std::vector<float> y(size_t(11 * s.sampleRate));
        for (size_t i = 0; i < y.size(); ++i)
            y[i] = 0.3f * float(std::sin(2 * M_PI * 261.63 * double(i) / s.sampleRate)) + 0.2f * float(std::sin(2 * M_PI * 55.0 * double(i) / s.sampleRate));
        const std::vector<float> plain = ClipStream::clipsOf(s, y.data(), qsizetype(y.size()));
        s.flattenTerms = terms;
        const std::vector<float> flat = ClipStream::clipsOf(s, y.data(), qsizetype(y.size()));
        QCOMPARE(flat.size(), plain.size());
        std::vector<float> expected(plain.begin(), plain.begin() + qsizetype(s.clipFrames()) * s.bins());
        ClipStream::prepare(expected.data(), s);  // flattening a standardised clip, then standardising again
        double differs = 0, matches = 0;
        for (size_t i = 0; i < expected.size(); ++i) {
            differs = std::max(differs, std::abs(double(flat[i]) - plain[i]));
            matches = std::max(matches, std::abs(double(flat[i]) - expected[i]));
        }
        QVERIFY(differs > 0.1);
        QVERIFY2(matches < 1e-3, qPrintable(QString::number(matches)));
        const auto back = ClassifierFeatureSettings::fromJson(s.toJson());
        QVERIFY(back);
        QCOMPARE(back->flattenTerms, terms);
        QVERIFY(back->cacheKey() != ClassifierFeatureSettings::fromJson(older)->cacheKey());
        QJsonObject bad = s.toJson();
        bad[QStringLiteral("flatten_terms")] = -1;
        QVERIFY(!ClassifierFeatureSettings::fromJson(bad));
        bad[QStringLiteral("flatten_terms")] = 49;  // more than half the bands
        QVERIFY(!ClassifierFeatureSettings::fromJson(bad));
    }

    void settingsRoundTrip()
    {
        ClassifierFeatureSettings s;
        s.kind = ClassifierFeatureKind::Mfcc;
        s.nMels = 64;
        const auto back = ClassifierFeatureSettings::fromJson(s.toJson());
        QVERIFY(back);
        QCOMPARE(back->cacheKey(), s.cacheKey());
        QJsonObject bad = s.toJson();
        bad[QStringLiteral("hop")] = 0;
        QVERIFY(!ClassifierFeatureSettings::fromJson(bad));
        // Semitone bands: their own FFT and hop, note range in the JSON; mel keys carry no note
        // range, so older model files and feature caches keep their keys.
        const ClassifierFeatureSettings pitch = ClassifierFeatureSettings::forKind(ClassifierFeatureKind::Pitch);
        QCOMPARE(pitch.nFft, 4096);
        QCOMPARE(pitch.hop, 1024);
        QCOMPARE(pitch.bins(), 96);
        QCOMPARE(pitch.clipFrames(), int(10.0 * 22050 / 1024));
        QCOMPARE(featureKindName(pitch.kind), QStringLiteral("pitch"));
        QCOMPARE(featureKindFromName(QStringLiteral("pitch")), std::optional<ClassifierFeatureKind>(ClassifierFeatureKind::Pitch));
        QVERIFY(!ClassifierFeatureSettings().toJson().contains(QStringLiteral("low_note")));
        const auto pitchBack = ClassifierFeatureSettings::fromJson(pitch.toJson());
        QVERIFY(pitchBack);
        QCOMPARE(pitchBack->cacheKey(), pitch.cacheKey());
        QCOMPARE(pitchBack->highNote, 119);
        QJsonObject tooHigh = pitch.toJson();
        tooHigh[QStringLiteral("high_note")] = 127;  // G9 = 12.5 kHz, above 22,050 / 2
        QVERIFY(!ClassifierFeatureSettings::fromJson(tooHigh));
        QJsonObject noRange = pitch.toJson();
        noRange.remove(QStringLiteral("low_note"));
        QVERIFY(!ClassifierFeatureSettings::fromJson(noRange));
        // Clips of semitone bands: [215 frames][96 bands], standardised.
        std::vector<float> y(size_t(12 * pitch.sampleRate));
        for (size_t i = 0; i < y.size(); ++i)
            y[i] = 0.3f * float(std::sin(2 * M_PI * 261.63 * double(i) / pitch.sampleRate));
        const std::vector<float> clips = ClipStream::clipsOf(pitch, y.data(), qsizetype(y.size()));
        QVERIFY(!clips.empty());
        QCOMPARE(clips.size() % (size_t(pitch.clipFrames()) * 96), size_t(0));
        const float *mid = clips.data() + size_t(pitch.clipFrames() / 2) * 96;
        QCOMPARE(int(std::max_element(mid, mid + 96) - mid), 60 - 24);  // middle C's band

        QVERIFY(ClassifierHyperparameters::fromPreset(QStringLiteral("paper")));
        QCOMPARE(ClassifierHyperparameters::fromPreset(QStringLiteral("paper"))->optimizer, QStringLiteral("adadelta"));
        QVERIFY(!ClassifierHyperparameters::fromPreset(QStringLiteral("nope")));
        const auto h = ClassifierHyperparameters::fromJson(ClassifierHyperparameters().toJson());
        QVERIFY(h);
        QCOMPARE(h->channels, ClassifierHyperparameters().channels);
    }
};

QTEST_GUILESS_MAIN(TestClassifierMetrics)
#include "TestClassifierMetrics.moc"
