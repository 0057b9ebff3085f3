// Composer speed: training tokens/s, generation events/s (one core) and time to the first
// event, for the default preset and the paper's two designs. Prints numbers; never fails on time.
//
//   bench_composer [--model MODEL] [--data DIR] [--train-seconds S] [--threads N]
//
// Generation speed does not depend on the weights, so untrained networks of each preset are
// timed; the trained model (--model, else the shipped one) adds the real-time factor (seconds
// of music per second of computing), which depends on how many events a second of music takes.

#include "BenchResult.h"
#include "common/DataPaths.h"
#include "composer/ComposerModel.h"
#include "composer/ComposerNetwork.h"
#include "composer/ComposerTrainer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace aichopin;

namespace {

struct GenTiming {
    double eventsPerSecond = 0;
    double firstEventMs = 0;
    double musicSeconds = 0;
    double wallSeconds = 0;
    qint64 events = 0;
};

GenTiming timeGeneration(const ComposerModel &model, double seconds, int maxEvents, quint64 seed)
{
    GenerationOptions g;
    g.seconds = seconds;
    g.maxEvents = maxEvents;
    g.seed = seed;
    g.threads = 1;
    GenTiming t;
    QElapsedTimer timer;
    timer.start();
    qint64 first = -1;
    double lastTime = 0;
    const auto r = model.generate(g, [&](const ComposedEvent &e) {
        if (first < 0)
            first = timer.nsecsElapsed();
        ++t.events;
        lastTime = e.time;
    });
    t.wallSeconds = timer.nsecsElapsed() / 1e9;
    if (!r) {
        std::printf("  generation failed: %s\n", qPrintable(r.error().toString()));
        return t;
    }
    t.firstEventMs = first / 1e6;
    t.eventsPerSecond = t.events / t.wallSeconds;
    t.musicSeconds = lastTime;
    return t;
}

QString arg(const QStringList &args, const QString &name, const QString &fallback = {})
{
    const int i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args[i + 1] : fallback;
}

}  // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString modelPath = arg(args, QStringLiteral("--model"), DataPaths::shippedModel(QStringLiteral("composer-default.pt")));
    QString data = arg(args, QStringLiteral("--data"));
    if (data.isEmpty() && !DataPaths::pianoMidiDir().isEmpty())
        data = DataPaths::pianoMidiDir() + QStringLiteral("/midis/Chopin");
    const double trainSeconds = arg(args, QStringLiteral("--train-seconds"), QStringLiteral("30")).toDouble();
    const int trainThreads = arg(args, QStringLiteral("--threads"), QStringLiteral("1")).toInt();
    QTemporaryDir tmp;

    std::printf("LibTorch threads by default: %d; CUDA available: %s\n", at::get_num_threads(),
                torch::cuda::is_available() ? "yes" : "no");

    std::printf("\nGeneration, batch 1, one thread, untrained weights (best of 2 runs of 1000 events; first event = from the call to the first callback):\n");
    for (const QString &preset : ComposerHyperparameters::presetNames()) {
        for (Representation rep : {Representation::Performance, Representation::Paper}) {
            ComposerHyperparameters h = *ComposerHyperparameters::fromPreset(preset);
            h.representation = rep;
            EventCodec codec;
            if (rep == Representation::Paper) {
                // A vocabulary of the size the Chopin folder gives (with transpositions).
                QStringList tokens;
                for (int i = 0; i < 2500; ++i)
                    tokens << QStringLiteral("%1").arg(i % 12) + QStringLiteral(".%1").arg(i);
                codec = EventCodec::paperWithVocabulary(tokens);
            }
            torch::manual_seed(1);
            ComposerNetwork net(codec.vocabularySize(), h);
            const QString path = tmp.filePath(preset + representationName(rep) + QStringLiteral(".pt"));
            if (!ComposerFile::write(path, net, ComposerFileHeader{codec, h, {}, {}, false}).ok())
                return 1;
            const auto m = ComposerModel::load(path);
            if (!m)
                return 1;
            timeGeneration(*m.value(), 1e6, 100, 1);  // warm up
            GenTiming best;
            for (int run = 0; run < 2; ++run) {
                const GenTiming t = timeGeneration(*m.value(), 1e6, 1000, quint64(run + 1));
                if (t.eventsPerSecond > best.eventsPerSecond)
                    best = t;
            }
            std::printf("  %-16s %-12s vocab %5d  %8.0f events/s  first event %6.2f ms  (%lld parameters)\n",
                        qPrintable(preset), qPrintable(representationName(rep)), codec.vocabularySize(),
                        best.eventsPerSecond, best.firstEventMs, static_cast<long long>(m.value()->parameterCount()));
        }
    }

    if (!modelPath.isEmpty()) {
        QElapsedTimer load;
        load.start();
        const auto m = ComposerModel::load(modelPath);
        const double loadMs = load.nsecsElapsed() / 1e6;
        if (!m) {
            std::printf("\n%s: %s\n", qPrintable(modelPath), qPrintable(m.error().toString()));
        } else {
            std::printf("\nTrained model %s (%s, %s): load %.1f ms\n", qPrintable(modelPath),
                        qPrintable(m.value()->hyperparameters().preset), qPrintable(representationName(m.value()->representation())), loadMs);
            double eventsPerSecond = 0, firstMs = 0, speed = 0;
            for (quint64 seed : {1, 2, 3}) {
                const GenTiming t = timeGeneration(*m.value(), 60.0, 0, seed);
                eventsPerSecond += t.eventsPerSecond / 3;
                firstMs += t.firstEventMs / 3;
                speed += t.musicSeconds / t.wallSeconds / 3;
                std::printf("  seed %llu: %lld events for %.1f s of music in %.3f s: %.0f events/s, %.0fx faster than it plays, "
                            "first event %.2f ms\n",
                            static_cast<unsigned long long>(seed), static_cast<long long>(t.events), t.musicSeconds, t.wallSeconds,
                            t.eventsPerSecond, t.musicSeconds / t.wallSeconds, t.firstEventMs);
            }
            bench::result("composer.generate.events_per_s", eventsPerSecond, "events/s");
            bench::result("composer.generate.first_event_ms", firstMs, "ms");
            bench::result("composer.generate.realtime_x", speed, "x");
        }
    } else {
        std::printf("\nNo trained model found (give --model): real-time factor not measured.\n");
    }

    if (trainSeconds <= 0)
        return 0;
    if (data.isEmpty()) {
        std::printf("\nNo MIDI folder (give --data): training speed not measured.\n");
        return 0;
    }
    std::printf("\nTraining on %s, batch 32, chunk 128, %.0f s each, %d thread(s):\n", qPrintable(data), trainSeconds, trainThreads);
    for (const QString &preset : ComposerHyperparameters::presetNames()) {
        ComposerTrainingOptions o;
        o.dataDir = data;
        o.outPath = tmp.filePath(QStringLiteral("train-%1.pt").arg(preset));
        o.hyper = *ComposerHyperparameters::fromPreset(preset);
        o.maxMinutes = trainSeconds / 60.0;
        o.maxEpochs = 1000;
        o.threads = trainThreads;
        o.device = QStringLiteral("auto");
        double rate = 0;
        const auto r = ComposerTrainer::train(o, [&](const ComposerStepStats &s) { rate = s.tokensPerSecond; }, {}, {}, nullptr);
        if (!r) {
            std::printf("  %s: %s\n", qPrintable(preset), qPrintable(r.error().toString()));
            continue;
        }
        std::printf("  %-16s %8.0f tokens/s (steps only: %.0f) on %s\n", qPrintable(preset), r->tokensPerSecond, rate, qPrintable(r->device));
        bench::result(qPrintable(QStringLiteral("composer.train.%1.tokens_per_s").arg(preset)), r->tokensPerSecond, "tokens/s");
    }
    return 0;
}
