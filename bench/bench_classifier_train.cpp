// Classifier training speed on the thread that runs it: the same epochs of the default preset
// on the same clips, once on the main thread (as aichopin-cli train-classifier runs them) and
// once on a worker thread (as the Training panel runs them), with the page faults each run took.
// A thread other than the main one gets its own malloc arena, which may serve large blocks
// differently (see common/HeapRetention.h). Prints numbers; never fails on time.
//
//   bench_classifier_train [--data DIR] [--pieces N] [--epochs N] [--threads N] [--cache DIR] [--own-arenas]
//
// Like the programs, it first makes every thread allocate from malloc's main arena
// (HeapRetention::useMainArenaOnly); --own-arenas leaves glibc's default, to compare.
//
// The clips are those the Training panel prepares (default preset: 4 windows per piece,
// 2 augmented renderings), of N pieces spread over the composers (default 40); they are cached,
// so a second run starts training at once.

#include "BenchResult.h"
#include "classifier/ClassifierDataset.h"
#include "classifier/ClassifierTrainer.h"
#include "common/DataPaths.h"
#include "common/HeapRetention.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QThread>

#include <sys/resource.h>

#include <cstdio>

using namespace aichopin;

namespace {

QString arg(const QStringList &args, const QString &name, const QString &fallback = {})
{
    const int i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args[i + 1] : fallback;
}

long minorFaults()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_minflt;
}

struct Run {
    bool ok = false;
    double secondsPerEpoch = 0;
    double faultsPerEpoch = 0;
    QString error;
};

Run trainOnce(const ClipSet &clips, const ClassifierTrainingOptions &options)
{
    Run run;
    const long faults = minorFaults();
    QElapsedTimer timer;
    timer.start();
    const auto r = ClassifierTrainer::train(clips, options);
    const double seconds = timer.nsecsElapsed() / 1e9;
    if (!r) {
        run.error = r.error().toString();
        return run;
    }
    run.ok = true;
    run.secondsPerEpoch = seconds / std::max(1, r->epochsCompleted);
    run.faultsPerEpoch = double(minorFaults() - faults) / std::max(1, r->epochsCompleted);
    return run;
}

}  // namespace

int main(int argc, char **argv)
{
    // As the programs do (common/HeapRetention.h), unless --own-arenas asks for glibc's default.
    const bool ownArenas = bench::hasOwnArenasOption(argc, argv);
    if (!ownArenas)
        HeapRetention::useMainArenaOnly();
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString data = arg(args, QStringLiteral("--data"), DataPaths::pianoMidiDir() + QStringLiteral("/midis"));
    const int pieces = arg(args, QStringLiteral("--pieces"), QStringLiteral("40")).toInt();
    const int epochs = arg(args, QStringLiteral("--epochs"), QStringLiteral("1")).toInt();
    const int threads = arg(args, QStringLiteral("--threads"), QStringLiteral("0")).toInt();
    if (!QFileInfo(data).isDir()) {
        std::printf("bench_classifier_train: no data folder (%s); pass one with --data\n", qPrintable(data));
        return 0;
    }
    const auto entries = ClassifierDataset::scan(data);
    if (!entries) {
        std::printf("bench_classifier_train: %s\n", qPrintable(entries.error().toString()));
        return 1;
    }
    ClassifierDatasetOptions dataOptions;
    dataOptions.features = ClassifierHyperparameters::presetFeatures(QStringLiteral("default"));
    dataOptions.maxPieces = pieces;
    dataOptions.cacheDir = arg(args, QStringLiteral("--cache"));
    QElapsedTimer prep;
    prep.start();
    const auto clips = ClassifierDataset::build(entries.value(), dataOptions);
    if (!clips) {
        std::printf("bench_classifier_train: %s\n", qPrintable(clips.error().toString()));
        return 1;
    }
    std::printf("%s\n", ownArenas ? "each thread with its own malloc arena (glibc's default)" : "every thread on malloc's main arena");
    std::printf("%d clips of %d pieces ready in %.1f s\n", clips->clipCount(), int(clips->pieces.size()),
                prep.nsecsElapsed() / 1e9);

    QTemporaryDir dir;
    ClassifierTrainingOptions options;
    options.hyper = *ClassifierHyperparameters::fromPreset(QStringLiteral("default"));
    options.epochs = epochs;
    options.threads = threads;
    options.device = QStringLiteral("cpu");
    options.outPath = dir.filePath(QStringLiteral("main.pt"));
    const Run onMain = trainOnce(clips.value(), options);

    options.outPath = dir.filePath(QStringLiteral("worker.pt"));
    Run onWorker;
    QThread *worker = QThread::create([&] { onWorker = trainOnce(clips.value(), options); });
    worker->start();
    worker->wait();
    delete worker;

    for (const auto &[name, run] : {std::pair{"main", onMain}, std::pair{"worker", onWorker}}) {
        if (!run.ok) {
            std::printf("training on the %s thread failed: %s\n", name, qPrintable(run.error));
            return 1;
        }
        std::printf("%s thread: %.1f s and %.0f page faults per epoch\n", name, run.secondsPerEpoch, run.faultsPerEpoch);
    }
    bench::result("classifier.train.main_thread.epoch_s", onMain.secondsPerEpoch, "s");
    bench::result("classifier.train.worker_thread.epoch_s", onWorker.secondsPerEpoch, "s");
    bench::result("classifier.train.main_thread.faults_per_epoch", onMain.faultsPerEpoch, "faults");
    bench::result("classifier.train.worker_thread.faults_per_epoch", onWorker.faultsPerEpoch, "faults");
    return 0;
}
