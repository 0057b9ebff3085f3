#pragma once
// The tiny network, its quick training options and synthetic two-class clips shared by the
// classifier's training tests (TestClassifierTraining, TestClassifierTrainingOptions), and their main().
#include "classifier/ClassifierTrainer.h"
#include "classifier/ClipSet.h"
#include "classifier/ClipStream.h"
#include "common/HeapRetention.h"

#include <QCoreApplication>
#include <QString>
#include <QtTest>

#include <random>
#include <vector>

namespace aichopin::test {

inline ClassifierHyperparameters tinyHyper()
{
    ClassifierHyperparameters h;
    h.channels = {4, 8};
    h.learningRate = 3e-3;
    h.batchSize = 16;
    h.dropout = 0.1;
    return h;
}

// Short single-threaded CPU training of the tiny network, without calibration.
inline ClassifierTrainingOptions quickOptions(const QString &outPath, int epochs)
{
    ClassifierTrainingOptions o;
    o.outPath = outPath;
    o.hyper = tinyHyper();
    o.epochs = epochs;
    o.device = QStringLiteral("cpu");
    o.threads = 1;
    o.calibrate = false;
    return o;
}

// Two classes of synthetic "spectrograms": a band low (Chopin) or high (Other) plus noise.
inline ClipSet syntheticClips(int pieces, quint64 seed, int chopinEvery = 2, float signal = 1.5f)
{
    ClipSet set;
    set.settings.nMels = 16;
    set.settings.clipSeconds = 0.5;
    std::mt19937_64 rng(seed);
    std::normal_distribution<float> noise(0.0f, 0.6f);
    const int frames = set.settings.clipFrames(), bins = 16;
    for (int p = 0; p < pieces; ++p) {
        const bool chopin = p % chopinEvery == 0;
        set.pieces.push_back({QStringLiteral("piece%1").arg(p), chopin ? QStringLiteral("Chopin") : QStringLiteral("Other%1").arg(p % 3),
                              chopin, p % 5 == 4});
        for (int c = 0; c < 4; ++c) {
            std::vector<float> clip(size_t(frames) * bins);
            const int band = chopin ? 3 : 10;
            for (int t = 0; t < frames; ++t)
                for (int b = 0; b < bins; ++b)
                    clip[size_t(t) * bins + b] = noise(rng) + ((b >= band && b < band + 3) ? signal : 0.0f);
            ClipStream::normalise(clip.data(), qsizetype(clip.size()));
            set.add(p, clip.data(), 1, c * 0.5);
        }
    }
    return set;
}

}  // namespace aichopin::test

// QTEST_GUILESS_MAIN, after what the programs do first in main() (the one heap they keep).
#define AICHOPIN_CLASSIFIER_TEST_MAIN(TestClass)               \
    int main(int argc, char **argv)                           \
    {                                                         \
        aichopin::HeapRetention::useMainArenaOnly();          \
        QCoreApplication app(argc, argv);                     \
        TestClass test;                                       \
        QTEST_SET_MAIN_SOURCE_PATH                            \
        return QTest::qExec(&test, argc, argv);               \
    }
