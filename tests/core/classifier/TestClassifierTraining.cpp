// Training, calibration, checkpoints, resume and cancel of a tiny CNN on synthetic clips (its
// training options are in TestClassifierTrainingOptions); model-file errors;
// classification of synthetic audio end to end (samples and a WAV file) with its timeline.
#include "classifier/ClassifierCalibration.h"
#include "classifier/ClassifierDataset.h"
#include "classifier/ClassifierModel.h"
#include "classifier/ClassifierNetwork.h"
#include "classifier/ClassifierTrainer.h"
#include "classifier/ClipStream.h"
#include "common/HeapRetention.h"
#include "listen/AudioDecoder.h"
#include "sound/WavWriter.h"
#include "SyntheticClassifierData.h"
#include "support/TonesClassifier.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <cmath>
#include <cstdlib>
#include <random>

// The heap tests measure glibc's own malloc, which AddressSanitizer replaces with its own.
#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
#define AICHOPIN_GLIBC_MALLOC 1
#include <sys/resource.h>
#endif

using namespace aichopin;
using namespace aichopin::test;

namespace {

#if defined(AICHOPIN_GLIBC_MALLOC)
// Minor page faults of allocating `bytes`, writing one byte of each page and freeing it: about one
// per page when the memory is fresh from the kernel, hardly any when malloc reuses what it kept.
long faultsOfFreshBuffer(size_t bytes)
{
    rusage before{}, after{};
    getrusage(RUSAGE_SELF, &before);
    char *p = static_cast<char *>(std::malloc(bytes));
    if (!p)
        return -1;
    volatile char *v = p;
    for (size_t i = 0; i < bytes; i += 4096)
        v[i] = char(i);
    std::free(p);
    getrusage(RUSAGE_SELF, &after);
    return after.ru_minflt - before.ru_minflt;
}
#endif

}  // namespace

class TestClassifierTraining : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void trainsAndSeparatesSyntheticClasses()
    {
        const ClipSet data = syntheticClips(40, 7);
        ClassifierTrainingOptions o;
        o.outPath = m_dir.filePath(QStringLiteral("syn.pt"));
        o.hyper = tinyHyper();
        o.epochs = 4;
        o.device = QStringLiteral("cpu");
        o.threads = 1;
        std::vector<ClassifierEpochStats> epochs;
        double lastFraction = -1;
        const auto r = ClassifierTrainer::train(data, o, [&](const ClassifierEpochStats &s) { epochs.push_back(s); },
                                                [&](const ProgressInfo &p) { lastFraction = p.fraction; });
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        QCOMPARE(r->epochsCompleted, 4);
        QCOMPARE(int(epochs.size()), 4);
        QCOMPARE(epochs.back().epoch, 4);
        QVERIFY(lastFraction > 0.99);
        QVERIFY(epochs.back().trainLoss < epochs.front().trainLoss);
        QVERIFY2(epochs.back().validationAccuracy >= 0.9, qPrintable(QString::number(epochs.back().validationAccuracy)));
        QVERIFY(r->validation.pieces.accuracy >= 0.9);
        QVERIFY(r->trainingClips > 0 && r->validationClips > 0);
        QCOMPARE(r->trainingClips + r->validationClips, data.clipCount());
        QVERIFY(QFile::exists(o.outPath));
        QVERIFY(QFile::exists(o.outPath + QStringLiteral(".ckpt")));
        QVERIFY(!QFile::exists(o.outPath + QStringLiteral(".part")));

        auto model = ClassifierModel::load(o.outPath);
        QVERIFY2(model, model ? "" : qPrintable(model.error().message));
        QCOMPARE(model.value()->features().nMels, 16);
        QCOMPARE(model.value()->hyperparameters().channels, tinyHyper().channels);
        const ClassifierEvaluation e = model.value()->evaluate(data, true);
        QVERIFY(e.clips.accuracy >= 0.9);
        QCOMPARE(e.clips.count, r->validationClips);
        // The piece verdict is the renormalised mean of the clip log-probabilities.
        std::vector<double> lc, lo;
        const std::vector<double> p = model.value()->predictClips(data.clips.data(), 4, &lc, &lo);
        ClassifierVerdict v;
        ClassifierModel::verdictFromClips(v, lc, lo);
        const double a = (lc[0] + lc[1] + lc[2] + lc[3]) / 4, b = (lo[0] + lo[1] + lo[2] + lo[3]) / 4;
        QVERIFY(std::abs(v.pChopin - std::exp(a) / (std::exp(a) + std::exp(b))) < 1e-9);
        QCOMPARE(v.label, QStringLiteral("Chopin"));
        QVERIFY(std::abs(p[0] - std::exp(lc[0])) < 1e-9);
    }

    void calibrationCentresTheDecision()
    {
        QCOMPARE(ClassifierModel::calibrateBias({1.0, 2.0, 3.0}, {-5.0, -3.0}), -1.0);
        QCOMPARE(ClassifierModel::calibrateBias({}, {-5.0}), 0.0);
        QCOMPARE(ClassifierModel::calibrateBias({2.0}, {}), 0.0);
        ClassifierVerdict v;
        ClassifierModel::verdictFromClips(v, {std::log(0.3)}, {std::log(0.7)}, std::log(0.3 / 0.7));
        QVERIFY(std::abs(v.pChopin - 0.5) < 1e-9);
        QCOMPARE(v.label, QStringLiteral("Chopin"));  // at the threshold
        ClassifierModel::verdictFromClips(v, {std::log(0.3)}, {std::log(0.7)}, 0.0);
        QVERIFY(std::abs(v.pChopin - 0.3) < 1e-9);
        QCOMPARE(v.label, QStringLiteral("Other"));
    }

    void semitoneBandModelsAlsoHearEachClipShifted()
    {
        // The same synthetic clips, read as 16 semitone bands.
        ClipSet data = syntheticClips(20, 5);
        data.settings.kind = ClassifierFeatureKind::Pitch;
        data.settings.lowNote = 60;
        data.settings.highNote = 75;
        QCOMPARE(data.settings.bins(), 16);
        const QString path = m_dir.filePath(QStringLiteral("pitch.pt"));
        QVERIFY(ClassifierTrainer::train(data, quickOptions(path, 2)));
        auto model = ClassifierModel::load(path);
        QVERIFY2(model, model ? "" : qPrintable(model.error().message));
        ClassifierModel &m = *model.value();
        QCOMPARE(m.bandShifts(), (std::vector<int>{-1, 1}));

        // Each clip's log-odds are the mean over the clip as it is, a semitone up (band b takes
        // band b-1's values, the lowest band repeated) and a semitone down; its probabilities
        // still add up to 1.
        const int n = 4, frames = data.settings.clipFrames(), bins = 16;
        const std::vector<float> clips(data.clips.begin(), data.clips.begin() + qsizetype(size_t(n) * data.clipValues()));
        std::vector<float> up(clips.size()), down(clips.size());
        for (int c = 0; c < n; ++c)
            for (int t = 0; t < frames; ++t) {
                const size_t row = (size_t(c) * frames + t) * bins;
                for (int b = 0; b < bins; ++b) {
                    up[row + b] = clips[row + size_t(std::max(0, b - 1))];
                    down[row + b] = clips[row + size_t(std::min(bins - 1, b + 1))];
                }
            }
        std::vector<double> lc, lo, asIs, asIsOther, lcUp, loUp, lcDown, loDown;
        m.predictClips(clips.data(), n, &lc, &lo);
        m.setBandShifts({});
        QVERIFY(m.bandShifts().empty());
        m.predictClips(clips.data(), n, &asIs, &asIsOther);
        m.predictClips(up.data(), n, &lcUp, &loUp);
        m.predictClips(down.data(), n, &lcDown, &loDown);
        double moved = 0;
        const auto odds = [](const std::vector<double> &c, const std::vector<double> &o, int i) { return c[size_t(i)] - o[size_t(i)]; };
        for (int i = 0; i < n; ++i) {
            QVERIFY(std::abs(odds(lc, lo, i) - (odds(asIs, asIsOther, i) + odds(lcUp, loUp, i) + odds(lcDown, loDown, i)) / 3) < 1e-5);
            QVERIFY(std::abs(std::exp(lc[size_t(i)]) + std::exp(lo[size_t(i)]) - 1.0) < 1e-6);
            moved += std::abs(odds(lc, lo, i) - odds(asIs, asIsOther, i));
        }
        QVERIFY(moved > 1e-6);  // the shifts change what the network hears
        // One shift: its direction counts (+1 is up).
        std::vector<double> lcOne, loOne;
        m.setBandShifts({1});
        m.predictClips(clips.data(), n, &lcOne, &loOne);
        for (int i = 0; i < n; ++i)
            QVERIFY(std::abs(odds(lcOne, loOne, i) - (odds(asIs, asIsOther, i) + odds(lcUp, loUp, i)) / 2) < 1e-5);
        // Zero, repeats and shifts as wide as the bands are dropped.
        m.setBandShifts({0, 2, 2, -16, 16, -3});
        QCOMPARE(m.bandShifts(), (std::vector<int>{2, -3}));

        // Classifying restores a dead top before the network hears a clip (ClipStream::
        // restoreTop): a chord up to C5 leaves the top bands at the floor. (Its notes sit on FFT
        // bins, so that the window lets no power leak more than a bin away.)
        m.setBandShifts({-1, 1});
        std::vector<float> chord(size_t(2 * 22050));
        const double bin = 22050.0 / m.features().nFft;
        for (size_t i = 0; i < chord.size(); ++i) {
            double y = 0;
            for (double note : {261.63, 329.63, 392.0, 523.25})
                y += 0.1 * std::sin(2 * M_PI * std::round(note / bin) * bin * double(i) / 22050);
            chord[i] = float(y);
        }
        ClassifyOptions keep;
        keep.keepFeatures = true;
        keep.trimSilence = false;
        const ClassifierVerdict chordVerdict = m.classifySamples(chord.data(), qsizetype(chord.size()), keep);
        QVERIFY(!chordVerdict.timeline.empty());
        QCOMPARE(chordVerdict.timeline.front().startSeconds, 0.0);
        QCOMPARE(chordVerdict.topRestoredClips, int(chordVerdict.timeline.size()));  // every clip was filled
        {
            // From a file the same; noise, which reaches the top band, fills nothing.
            const QString chordWav = m_dir.filePath(QStringLiteral("chord.wav"));
            QVERIFY(WavWriter::writeFile(chordWav, chord.data(), qint64(chord.size()), 22050, 1, WavFormat::Float32));
            const auto fromFile = m.classifyFile(chordWav, keep);
            QVERIFY2(fromFile, fromFile ? "" : qPrintable(fromFile.error().message));
            QCOMPARE(fromFile->topRestoredClips, int(fromFile->timeline.size()));
            std::mt19937_64 rng(3);
            std::uniform_real_distribution<float> white(-0.3f, 0.3f);
            std::vector<float> noise(chord.size());
            for (float &x : noise)
                x = white(rng);
            const ClassifierVerdict noiseVerdict = m.classifySamples(noise.data(), qsizetype(noise.size()), keep);
            QVERIFY(!noiseVerdict.timeline.empty());
            QCOMPARE(noiseVerdict.topRestoredClips, 0);
        }
        std::vector<float> firstClip(chordVerdict.features.begin(), chordVerdict.features.begin() + qsizetype(size_t(frames) * bins));
        std::vector<float> unrestored = firstClip;
        QString bandMeans;
        for (int b = 0; b < bins; ++b) {
            double mb = 0;
            for (int t = 0; t < frames; ++t)
                mb += firstClip[size_t(t) * bins + b];
            bandMeans += QStringLiteral(" %1").arg(mb / frames, 0, 'f', 0);
        }
        QVERIFY2(ClipStream::restoreTop(firstClip.data(), frames, m.features()), qPrintable(bandMeans));
        ClipStream::prepare(firstClip.data(), m.features());
        ClipStream::prepare(unrestored.data(), m.features());
        std::vector<double> rc, ro, uc, uo;
        m.predictClips(firstClip.data(), 1, &rc, &ro);
        m.predictClips(unrestored.data(), 1, &uc, &uo);
        const double heardFirst = chordVerdict.timeline.front().pChopin;
        QVERIFY(std::abs(ClassifierModel::probabilityAtDecision(rc[0], ro[0], m.decisionBias()) - heardFirst) < 1e-6);
        QVERIFY(std::abs(ClassifierModel::probabilityAtDecision(uc[0], uo[0], m.decisionBias()) - heardFirst) > 1e-6);

        // A calibration records the shifts it heard with, and the model file's list overrides
        // the default.
        m.setBandShifts({});
        const QString plain = m_dir.filePath(QStringLiteral("pitch-no-shifts.pt"));
        QVERIFY(ClassifierModel::writeCalibrated(path, plain, m.evaluate(data, true), 0.0, QStringLiteral("test"), m.bandShifts()));
        auto reloaded = ClassifierModel::load(plain);
        QVERIFY(reloaded);
        QVERIFY(reloaded.value()->bandShifts().empty());
        QCOMPARE(reloaded.value()->info().value(QStringLiteral("band_shifts")).toArray().size(), 0);
        // Other features have no semitone bands to shift.
        const QString mel = m_dir.filePath(QStringLiteral("mel.pt"));
        QVERIFY(ClassifierTrainer::train(syntheticClips(20, 5), quickOptions(mel, 1)));
        QVERIFY(ClassifierModel::load(mel).value()->bandShifts().empty());
    }

    void balancedSamplingDecaysAndCalibrates()
    {
        // One Chopin piece in four: balanced epochs hold every Chopin clip and as many Other ones.
        const ClipSet data = syntheticClips(40, 11, 4);
        int trainChopin = 0, trainClips = 0;
        for (int c = 0; c < data.clipCount(); ++c) {
            if (data.pieces[size_t(data.piece[size_t(c)])].validation)
                continue;
            ++trainClips;
            trainChopin += data.isChopin(c);
        }
        QVERIFY(trainChopin > 0 && 2 * trainChopin < trainClips);
        ClassifierTrainingOptions o;
        o.outPath = m_dir.filePath(QStringLiteral("balanced.pt"));
        o.hyper = tinyHyper();
        o.hyper.balancedSampling = true;
        o.hyper.lrDecay = 0.5;
        o.epochs = 8;
        o.device = QStringLiteral("cpu");
        o.threads = 1;
        std::vector<ClassifierEpochStats> epochs;
        int batches = 0;
        const auto r = ClassifierTrainer::train(data, o, [&](const ClassifierEpochStats &s) { epochs.push_back(s); },
                                                [&](const ProgressInfo &) { ++batches; });
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        QCOMPARE(int(epochs.size()), 8);
        const int batchesPerEpoch = (2 * trainChopin + o.hyper.batchSize - 1) / o.hyper.batchSize;
        QCOMPARE(batches, 8 * batchesPerEpoch);
        // The learning rate falls after each epoch that did not improve, and only then.
        QCOMPARE(epochs.front().learningRate, o.hyper.learningRate);
        for (size_t i = 1; i < epochs.size(); ++i)
            QCOMPARE(epochs[i].learningRate, epochs[i - 1].learningRate * (epochs[i - 1].improved ? 1.0 : 0.5));
        QVERIFY(r->validation.pieces.accuracy >= 0.9);

        // Calibration: the stored bias is the one the uncalibrated verdicts give, and verdicts use it.
        auto model = ClassifierModel::load(o.outPath);
        QVERIFY(model);
        QCOMPARE(model.value()->decisionBias(), r->decisionBias);
        QCOMPARE(model.value()->info().value(QStringLiteral("decision_bias")).toDouble(), r->decisionBias);
        std::vector<double> chopin, other;
        for (int pi = 0; pi < int(data.pieces.size()); ++pi) {
            if (!data.pieces[size_t(pi)].validation)
                continue;
            std::vector<float> clips;
            for (int c = 0; c < data.clipCount(); ++c)
                if (data.piece[size_t(c)] == pi)
                    clips.insert(clips.end(), data.clips.begin() + qsizetype(size_t(c) * data.clipValues()),
                                 data.clips.begin() + qsizetype(size_t(c + 1) * data.clipValues()));
            std::vector<double> lc, lo;
            model.value()->predictClips(clips.data(), int(clips.size() / data.clipValues()), &lc, &lo);
            ClassifierVerdict raw;
            ClassifierModel::verdictFromClips(raw, lc, lo);
            const double logOdds = raw.meanLogPChopin - raw.meanLogPOther;
            (data.pieces[size_t(pi)].isChopin ? chopin : other).push_back(logOdds);
            ClassifierVerdict calibrated;
            ClassifierModel::verdictFromClips(calibrated, lc, lo, model.value()->decisionBias());
            const auto found = std::find_if(r->validation.pieceResults.begin(), r->validation.pieceResults.end(),
                                            [&](const PieceResult &p) { return p.name == data.pieces[size_t(pi)].name; });
            QVERIFY(found != r->validation.pieceResults.end());
            QVERIFY(std::abs(found->pChopin - calibrated.pChopin) < 1e-6);
        }
        QVERIFY(!chopin.empty() && !other.empty());
        QVERIFY(std::abs(ClassifierModel::calibrateBias(chopin, other) - r->decisionBias) < 1e-6);
        QVERIFY(r->decisionBias != 0.0);

        // Without calibration the model keeps even odds.
        o.outPath = m_dir.filePath(QStringLiteral("uncalibrated.pt"));
        o.calibrate = false;
        o.epochs = 1;
        const auto u = ClassifierTrainer::train(data, o);
        QVERIFY(u);
        QCOMPARE(u->decisionBias, 0.0);
        QCOMPARE(ClassifierModel::load(o.outPath).value()->decisionBias(), 0.0);
    }

    void heapIsKeptDuringTrainingAndGivenBackAfter()
    {
#if !defined(AICHOPIN_GLIBC_MALLOC)
        QSKIP("HeapRetention only changes glibc's own malloc");
#else
        const size_t big = size_t(96) << 20;  // above glibc's largest mmap threshold (32 MiB)
        const long pages = long(big / 4096);
        QVERIFY(!HeapRetention::active());
        faultsOfFreshBuffer(big);
        QVERIFY(faultsOfFreshBuffer(big) > pages * 3 / 4);  // mmapped, unmapped, faulted in again
        {
            const HeapRetention keep;
            QVERIFY(HeapRetention::active());
            faultsOfFreshBuffer(big);                          // the heap grows once
            QVERIFY(faultsOfFreshBuffer(big) < pages / 20);    // then the same memory is reused
            {
                const HeapRetention nested;
            }
            QVERIFY(HeapRetention::active());  // the outer one still holds it
        }
        QVERIFY(!HeapRetention::active());
        QVERIFY(faultsOfFreshBuffer(big) > pages * 3 / 4);  // given back: fresh pages again

        // Training holds it for its whole run, and lets go at the end.
        const ClipSet data = syntheticClips(20, 9);
        bool heldInEpochs = true;
        const auto r = ClassifierTrainer::train(data, quickOptions(m_dir.filePath(QStringLiteral("heap.pt")), 2),
                                                [&](const ClassifierEpochStats &) { heldInEpochs = heldInEpochs && HeapRetention::active(); });
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        QVERIFY(heldInEpochs);
        QVERIFY(!HeapRetention::active());
#endif
    }

    // The programs (and this test's main) make every thread allocate from the main arena, so a
    // worker thread (the Training panel's, the Classify panel's) keeps large blocks too. With a
    // thread arena of its own, a block above 64 MiB would be mapped and faulted in afresh each time.
    void heapIsKeptOnAWorkerThreadToo()
    {
#if !defined(AICHOPIN_GLIBC_MALLOC)
        QSKIP("HeapRetention only changes glibc's own malloc");
#else
        const size_t big = size_t(96) << 20;
        const long pages = long(big / 4096);
        long reused = -1;
        QThread *worker = QThread::create([&] {
            const HeapRetention keep;
            faultsOfFreshBuffer(big);
            reused = faultsOfFreshBuffer(big);
        });
        worker->start();
        QVERIFY(worker->wait(60000));
        delete worker;
        QVERIFY2(reused >= 0 && reused < pages / 20, qPrintable(QStringLiteral("%1 page faults for %2 pages").arg(reused).arg(pages)));
#endif
    }

    void resumesFromCheckpoint()
    {
        const ClipSet data = syntheticClips(20, 3);
        for (const QString &preset : {QStringLiteral("default"), QStringLiteral("paper")}) {
            ClassifierTrainingOptions o;
            o.outPath = m_dir.filePath(QStringLiteral("resume-%1.pt").arg(preset));
            o.hyper = *ClassifierHyperparameters::fromPreset(preset);
            o.hyper.channels = {4, 4};
            o.epochs = 2;
            o.device = QStringLiteral("cpu");
            const auto first = ClassifierTrainer::train(data, o);
            QVERIFY2(first, first ? "" : qPrintable(first.error().message));
            QCOMPARE(first->epochsCompleted, 2);
            o.resumePath = o.outPath;  // finds the .ckpt next to it
            o.epochs = 3;
            std::vector<int> seen;
            const auto second = ClassifierTrainer::train(data, o, [&](const ClassifierEpochStats &s) { seen.push_back(s.epoch); });
            QVERIFY2(second, second ? "" : qPrintable(second.error().message));
            QCOMPARE(second->epochsCompleted, 3);
            QCOMPARE(seen, std::vector<int>{3});
            // Resumed with no epoch left: nothing trained, the run still counts its checkpoint's epochs.
            seen.clear();
            const auto done = ClassifierTrainer::train(data, o, [&](const ClassifierEpochStats &s) { seen.push_back(s.epoch); });
            QVERIFY2(done, done ? "" : qPrintable(done.error().message));
            QVERIFY(seen.empty());
            QCOMPARE(done->epochsCompleted, 3);
            // A finished model is not a checkpoint.
            QFile::remove(o.outPath + QStringLiteral(".ckpt"));
            const auto third = ClassifierTrainer::train(data, o);
            QVERIFY(!third);
            QVERIFY(third.error().message.contains(QStringLiteral("checkpoint")));
        }
    }

    void cancelStopsWithinABatch()
    {
        const ClipSet data = syntheticClips(20, 5);
        ClassifierTrainingOptions o;
        o.outPath = m_dir.filePath(QStringLiteral("cancel.pt"));
        o.hyper = tinyHyper();
        o.epochs = 50;
        CancelToken token;
        int calls = 0;
        const auto r = ClassifierTrainer::train(data, o, {}, [&](const ProgressInfo &) {
            if (++calls == 3)
                token.cancel();
        }, &token);
        QVERIFY(!r);
        QCOMPARE(r.error().message, QStringLiteral("cancelled"));
        QCOMPARE(calls, 3);
    }

    void rejectsBadModelFiles()
    {
        QVERIFY(!ClassifierModel::load(m_dir.filePath(QStringLiteral("missing.pt"))));
        const QString garbage = m_dir.filePath(QStringLiteral("garbage.pt"));
        QFile f(garbage);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(1000, 'x'));
        f.close();
        auto r = ClassifierModel::load(garbage);
        QVERIFY(!r);
        QVERIFY(r.error().message.contains(QStringLiteral("not a classifier model")));
        // A truncated real model.
        const ClipSet data = syntheticClips(10, 1);
        ClassifierTrainingOptions o;
        o.outPath = m_dir.filePath(QStringLiteral("whole.pt"));
        o.hyper = tinyHyper();
        o.epochs = 1;
        QVERIFY(ClassifierTrainer::train(data, o));
        QFile whole(o.outPath);
        QVERIFY(whole.open(QIODevice::ReadOnly));
        const QByteArray bytes = whole.readAll();
        const QString cut = m_dir.filePath(QStringLiteral("cut.pt"));
        QFile c(cut);
        QVERIFY(c.open(QIODevice::WriteOnly));
        c.write(bytes.left(bytes.size() / 2));
        c.close();
        r = ClassifierModel::load(cut);
        QVERIFY(!r);
        QVERIFY(!ClassifierModel::load(o.outPath, QStringLiteral("tpu")));
    }

    // A musician's own pieces (chopin/ and other/) set the decision of a copy of the model: halfway
    // between the two classes' verdicts, as the copy then hears them.
    void calibratesOnAFolderOfOwnPieces()
    {
        const QString model = m_dir.filePath(QStringLiteral("tones-to-calibrate.pt"));
        QVERIFY(trainTonesModel(model));
        const QString mine = m_dir.filePath(QStringLiteral("mine"));
        QVERIFY(writeTones(mine + QStringLiteral("/chopin/a.wav"), 3.0, true, 2000));
        QVERIFY(writeTones(mine + QStringLiteral("/chopin/b.wav"), 4.0, true, 2001));
        QVERIFY(writeTones(mine + QStringLiteral("/chopin/c.wav"), 2.0, true, 2002));
        QVERIFY(writeTones(mine + QStringLiteral("/other/d.wav"), 3.0, false, 2003));
        QVERIFY(writeTones(mine + QStringLiteral("/other/e.wav"), 5.0, false, 2004));
        QVERIFY(writeTones(mine + QStringLiteral("/other/blip.wav"), 0.3, false, 2006));  // too short to judge
        const QString out = m_dir.filePath(QStringLiteral("calibrated/tones.pt"));
        QVERIFY(QDir().mkpath(QFileInfo(out).absolutePath()));
        const auto c = ClassifierCalibration::calibrateOnFolder(model, mine, out);
        QVERIFY2(c, c ? "" : qPrintable(c.error().message));
        QCOMPARE(c->modelPath, out);
        QCOMPARE(c->chopinPieces, 3);
        QCOMPARE(c->otherPieces, 2);  // the blip is left out, and named
        QCOMPARE(c->skipped.size(), 1);
        QVERIFY2(c->skipped.first().contains(QStringLiteral("blip.wav")) && c->skipped.first().contains(QStringLiteral("too short")),
                 qPrintable(c->skipped.join(QStringLiteral("; "))));
        const auto before = ClassifierModel::load(model);
        const auto after = ClassifierModel::load(out);
        QVERIFY(before && after);
        QCOMPARE(c->biasBefore, before.value()->decisionBias());
        QCOMPARE(after.value()->decisionBias(), c->biasAfter);
        QVERIFY(after.value()->info().value(QStringLiteral("decision_bias_from")).toString().contains(QStringLiteral("own pieces in mine")));
        // Classified as Classify does, the copy's verdicts straddle even odds: the medians of the
        // Chopin and the other pieces' log-odds lie equally far either side of 0.
        std::vector<double> chopin, other;
        int right = 0;
        const auto entries = ClassifierDataset::scan(mine);
        QVERIFY(entries);
        for (const DatasetEntry &entry : entries.value()) {
            const auto v = after.value()->classifyFile(entry.path);
            if (!v)
                continue;  // the blip
            (entry.isChopin ? chopin : other).push_back(std::log(v->pChopin / (1.0 - v->pChopin)));
            right += (v->pChopin >= 0.5) == entry.isChopin;
        }
        std::sort(chopin.begin(), chopin.end());
        QCOMPARE(int(chopin.size()), 3);
        QCOMPARE(int(other.size()), 2);
        QVERIFY2(std::abs(chopin[1] + 0.5 * (other[0] + other[1])) < 1e-4, qPrintable(QStringLiteral("%1 %2 %3").arg(chopin[1]).arg(other[0]).arg(other[1])));
        QCOMPARE(c->rightAfter, right);
        QCOMPARE(c->rightAfter, 5);  // the tones are easy

        // One class only: refused before anything is heard, nothing written.
        const QString onlyChopin = m_dir.filePath(QStringLiteral("only-chopin"));
        QVERIFY(writeTones(onlyChopin + QStringLiteral("/chopin/a.wav"), 3.0, true, 2005));
        const QString refusedOut = m_dir.filePath(QStringLiteral("refused.pt"));
        const auto one = ClassifierCalibration::calibrateOnFolder(model, onlyChopin, refusedOut);
        QVERIFY(!one);
        QVERIFY2(one.error().message.contains(QStringLiteral("no files of other composers")), qPrintable(one.error().message));
        // No model, or stopped: an error, nothing written.
        QVERIFY(!ClassifierCalibration::calibrateOnFolder(m_dir.filePath(QStringLiteral("none.pt")), mine, refusedOut));
        CancelToken stop;
        stop.cancel();
        const auto stopped = ClassifierCalibration::calibrateOnFolder(model, mine, refusedOut, {}, &stop);
        QVERIFY(!stopped);
        QCOMPARE(stopped.error().message, QStringLiteral("cancelled"));
        QVERIFY(!QFileInfo::exists(refusedOut));
    }

    void classifiesAudioWithTimeline()
    {
        ClassifierTrainingOptions o;
        o.outPath = m_dir.filePath(QStringLiteral("tones.pt"));
        QVERIFY(trainTonesModel(o.outPath));
        auto model = ClassifierModel::load(o.outPath);
        QVERIFY(model);

        const std::vector<float> low = tones(3.0, true, 1000), high = tones(3.0, false, 1001);
        ClassifyOptions co;
        co.keepFeatures = true;
        const ClassifierVerdict vl = model.value()->classifySamples(low.data(), qsizetype(low.size()), co);
        const ClassifierVerdict vh = model.value()->classifySamples(high.data(), qsizetype(high.size()));
        QCOMPARE(vl.label, QStringLiteral("Chopin"));
        QCOMPARE(vh.label, QStringLiteral("Other"));
        QVERIFY(vl.pChopin > 0.5 && vh.pChopin < 0.5);
        QVERIFY(vl.timeline.size() >= 10);
        QCOMPARE(vl.timeline.front().startSeconds, 0.0);
        for (size_t i = 1; i < vl.timeline.size(); ++i)
            QVERIFY(vl.timeline[i].startSeconds > vl.timeline[i - 1].startSeconds);
        QVERIFY(vl.timeline.back().endSeconds <= 3.0 + 1e-9);
        QCOMPARE(vl.featureBins, 32);
        QCOMPARE(vl.featureFrames, 1 + int(low.size()) / 512);
        QCOMPARE(vl.features.size(), size_t(vl.featureFrames) * 32);
        QVERIFY(vh.features.empty());

        // Silence around the music is not judged: the same tones with 2 s of silence on either
        // side get the same clips, from the first sound to the last, and the same verdict.
        std::vector<float> padded(size_t(2 * 22050), 0.0f);
        padded.insert(padded.end(), low.begin(), low.end());
        padded.insert(padded.end(), size_t(2 * 22050), 0.0f);
        const ClassifierVerdict vp = model.value()->classifySamples(padded.data(), qsizetype(padded.size()));
        QCOMPARE(vp.timeline.size(), vl.timeline.size());
        QVERIFY2(std::abs(vp.timeline.front().startSeconds - 2.0) < 0.1, qPrintable(QString::number(vp.timeline.front().startSeconds)));
        QVERIFY(vp.timeline.back().endSeconds < 5.1);
        QVERIFY2(std::abs(vp.pChopin - vl.pChopin) < 0.02, qPrintable(QStringLiteral("%1 vs %2").arg(vp.pChopin).arg(vl.pChopin)));
        ClassifyOptions whole;
        whole.trimSilence = false;
        const ClassifierVerdict vu = model.value()->classifySamples(padded.data(), qsizetype(padded.size()), whole);
        QCOMPARE(vu.timeline.front().startSeconds, 0.0);
        QVERIFY(vu.timeline.size() > vl.timeline.size());
        // Every recording is heard at one level: the same tones 30 dB quieter, and 60 dB quieter
        // (all of it below the silence level, about -70 dBFS), get the same clips, from the first
        // sound to the last, and the same verdict, from memory and from a file alike.
        for (const float scale : {0.03f, 1e-3f}) {
            std::vector<float> quiet = padded;
            for (float &x : quiet)
                x *= scale;
            const ClassifierVerdict vq = model.value()->classifySamples(quiet.data(), qsizetype(quiet.size()));
            QCOMPARE(vq.timeline.size(), vp.timeline.size());
            QVERIFY2(std::abs(vq.pChopin - vp.pChopin) < 1e-4, qPrintable(QStringLiteral("%1 vs %2").arg(vq.pChopin).arg(vp.pChopin)));
            const QString quietWav = m_dir.filePath(QStringLiteral("quiet.wav"));
            QVERIFY(WavWriter::writeFile(quietWav, quiet.data(), qint64(quiet.size()), 22050, 1, WavFormat::Float32));
            const auto vqf = model.value()->classifyFile(quietWav);
            QVERIFY2(vqf, vqf ? "" : qPrintable(vqf.error().message));
            QCOMPARE(vqf->timeline.size(), vp.timeline.size());
            QVERIFY2(std::abs(vqf->pChopin - vp.pChopin) < 1e-4, qPrintable(QStringLiteral("%1 vs %2").arg(vqf->pChopin).arg(vp.pChopin)));
        }

        // The same through a WAV file.
        const QString wav = m_dir.filePath(QStringLiteral("low.wav"));
        QVERIFY(WavWriter::writeFile(wav, low.data(), qint64(low.size()), 22050, 1, WavFormat::Float32));
        const auto vf = model.value()->classifyFile(wav);
        QVERIFY2(vf, vf ? "" : qPrintable(vf.error().message));
        QCOMPARE(vf->label, QStringLiteral("Chopin"));
        QCOMPARE(vf->timeline.size(), vl.timeline.size());
        QVERIFY(std::abs(vf->pChopin - vl.pChopin) < 1e-3);
        QVERIFY(!model.value()->classifyFile(m_dir.filePath(QStringLiteral("garbage.pt"))));

        // A passage shorter than a clip (0.4 s of tones, then silence, in a 2-s file; clips are
        // 0.5 s) is one clip of its own frames, prepared alone and heard repeated up to a clip's
        // length, never padded with a constant.
        const ClassifierFeatureSettings &fs = model.value()->features();
        std::vector<float> brief = tones(0.4, true, 1002);
        brief.resize(size_t(2 * 22050), 0.0f);
        // As classifying hears it: at the set level.
        LevelMeter briefMeter;
        briefMeter.add(brief.data(), qsizetype(brief.size()));
        std::vector<float> briefHeard = brief;
        for (float &x : briefHeard)
            x *= ClipStream::levelGain(briefMeter);
        std::vector<qint64> briefStarts;
        std::vector<int> briefLengths;
        const std::vector<float> briefClip =
            ClipStream::clipsOf(fs, briefHeard.data(), qsizetype(briefHeard.size()), &briefStarts, true, &briefLengths);
        QCOMPARE(briefLengths.size(), size_t(1));
        const int shortFrames = briefLengths.front();
        QVERIFY2(shortFrames >= fs.clipFrames() / 2 && shortFrames < fs.clipFrames(),
                 qPrintable(QStringLiteral("%1 of %2").arg(shortFrames).arg(fs.clipFrames())));
        QCOMPARE(briefClip.size(), size_t(shortFrames) * fs.bins());
        const std::vector<float> heard = ClipStream::repeated(briefClip.data(), shortFrames, fs.bins(), fs.clipFrames());
        QCOMPARE(heard.size(), size_t(fs.clipFrames()) * fs.bins());
        for (int t = 0; t < fs.clipFrames(); ++t)
            QCOMPARE(heard[size_t(t) * fs.bins() + 3], briefClip[size_t(t % shortFrames) * fs.bins() + 3]);
        std::vector<double> sc, so, rc, ro;
        model.value()->predictClips(briefClip.data(), 1, &sc, &so, shortFrames);
        model.value()->predictClips(heard.data(), 1, &rc, &ro);
        QCOMPARE(sc.front(), rc.front());
        const QString briefWav = m_dir.filePath(QStringLiteral("brief.wav"));
        QVERIFY(WavWriter::writeFile(briefWav, brief.data(), qint64(brief.size()), 22050, 1, WavFormat::Float32));
        const auto vb = model.value()->classifyFile(briefWav);
        QVERIFY2(vb, vb ? "" : qPrintable(vb.error().message));
        QCOMPARE(vb->timeline.size(), size_t(1));
        QCOMPARE(vb->timeline.front().frames, shortFrames);
        QVERIFY(std::abs(vb->timeline.front().endSeconds - vb->timeline.front().startSeconds - shortFrames * fs.secondsPerFrame()) < 1e-9);
        QVERIFY(std::abs(vb->pChopin - ClassifierModel::probabilityAtDecision(sc.front(), so.front(), model.value()->decisionBias())) < 1e-9);
        // Under half a clip of sound, or a file under a second, is not judged.
        std::vector<float> blip = tones(0.1, true, 1003);
        blip.resize(size_t(2 * 22050), 0.0f);
        const QString blipWav = m_dir.filePath(QStringLiteral("blip.wav"));
        QVERIFY(WavWriter::writeFile(blipWav, blip.data(), qint64(blip.size()), 22050, 1, WavFormat::Float32));
        const auto vblip = model.value()->classifyFile(blipWav);
        QVERIFY(!vblip);
        QVERIFY2(vblip.error().message.contains(QStringLiteral("too little music")), qPrintable(vblip.error().message));
        const QString shortWav = m_dir.filePath(QStringLiteral("short.wav"));
        QVERIFY(WavWriter::writeFile(shortWav, low.data(), qint64(22050 * 0.8), 22050, 1, WavFormat::Float32));
        const auto vshort = model.value()->classifyFile(shortWav);
        QVERIFY(!vshort);
        QVERIFY2(vshort.error().message.contains(QStringLiteral("at least 1 s")), qPrintable(vshort.error().message));
    }

    void longRecordingsAreHeardAtOneLevelToo()
    {
        // A file over three times kLevelExcerpts clips long has its level measured on excerpts
        // spread over it (the tones model's clips are 0.5 s: 20 s is long): the same music
        // 30 dB quieter still gets the same clips and verdict.
        const QString path = m_dir.filePath(QStringLiteral("tones-long.pt"));
        QVERIFY(trainTonesModel(path));
        auto model = ClassifierModel::load(path);
        QVERIFY(model);
        std::vector<float> music = tones(20.0, true, 1010);
        for (size_t i = 0; i < music.size() / 4; ++i)
            music[i] *= 0.1f;  // a quiet opening
        std::vector<float> quiet = music;
        for (float &x : quiet)
            x *= 0.0316227766f;
        const QString loudWav = m_dir.filePath(QStringLiteral("long-loud.wav"));
        const QString quietWav = m_dir.filePath(QStringLiteral("long-quiet.wav"));
        QVERIFY(WavWriter::writeFile(loudWav, music.data(), qint64(music.size()), 22050, 1, WavFormat::Float32));
        QVERIFY(WavWriter::writeFile(quietWav, quiet.data(), qint64(quiet.size()), 22050, 1, WavFormat::Float32));
        const auto loud = model.value()->classifyFile(loudWav);
        const auto soft = model.value()->classifyFile(quietWav);
        QVERIFY2(loud && soft, qPrintable(loud ? soft.error().message : loud.error().message));
        QCOMPARE(soft->timeline.size(), loud->timeline.size());
        QVERIFY(loud->timeline.size() > 30);
        QVERIFY2(std::abs(soft->pChopin - loud->pChopin) < 1e-4, qPrintable(QStringLiteral("%1 vs %2").arg(soft->pChopin).arg(loud->pChopin)));
        for (size_t i = 0; i < loud->timeline.size(); ++i)
            QVERIFY(std::abs(soft->timeline[i].pChopin - loud->timeline[i].pChopin) < 1e-3);
    }

    void stereoWhoseChannelsCancelIsHeardFromOneChannel()
    {
        // Left the tones, right the same tones inverted (a wiring or editing fault): the mean of
        // the channels is silent, so the file is heard from its first channel alone and gets the
        // verdict the tones get, where it was refused as silent.
        const QString path = m_dir.filePath(QStringLiteral("tones-phase.pt"));
        QVERIFY(trainTonesModel(path));
        auto model = ClassifierModel::load(path);
        QVERIFY(model);
        const std::vector<float> mono = tones(6.0, true, 1020);
        std::vector<float> stereo;
        for (float x : mono)
            stereo.insert(stereo.end(), {x, -x});
        const QString monoWav = m_dir.filePath(QStringLiteral("phase-mono.wav"));
        const QString stereoWav = m_dir.filePath(QStringLiteral("phase-stereo.wav"));
        QVERIFY(WavWriter::writeFile(monoWav, mono.data(), qint64(mono.size()), 22050, 1, WavFormat::Float32));
        QVERIFY(WavWriter::writeFile(stereoWav, stereo.data(), qint64(mono.size()), 22050, 2, WavFormat::Float32));
        DecodeOptions mean;
        std::vector<float> mixed;
        QVERIFY(AudioDecoder::decode(stereoWav, mean, [&](const float *x, qsizetype n) { mixed.insert(mixed.end(), x, x + n); }));
        QVERIFY(*std::max_element(mixed.begin(), mixed.end()) < 1e-6f);
        DecodeOptions left;
        left.onlyChannel = 0;
        const auto first = AudioDecoder::decodeAll(stereoWav, left);
        QVERIFY(first);
        QVERIFY(*std::max_element(first->samples.begin(), first->samples.end()) > 0.3f);
        const auto plain = model.value()->classifyFile(monoWav);
        const auto cancelled = model.value()->classifyFile(stereoWav);
        QVERIFY2(plain && cancelled, qPrintable(plain ? cancelled.error().message : plain.error().message));
        QVERIFY(!plain->heardOneChannel);
        QVERIFY(cancelled->heardOneChannel);
        QCOMPARE(cancelled->timeline.size(), plain->timeline.size());
        QVERIFY2(std::abs(cancelled->pChopin - plain->pChopin) < 1e-4, qPrintable(QStringLiteral("%1 vs %2").arg(cancelled->pChopin).arg(plain->pChopin)));
    }

private:
    QTemporaryDir m_dir;
};

AICHOPIN_CLASSIFIER_TEST_MAIN(TestClassifierTraining)
#include "TestClassifierTraining.moc"
