// Measures how long the UI thread stalls while the Training panel trains (goal: never more
// than 50 ms). A 2 ms timer on the UI thread records the gap between its ticks; the panel
// trains the composer on the Chopin folder (or a folder given as the first argument) for the
// given number of seconds (second argument, default 30). Prints numbers; asserts nothing.
// With `classifier` as the third argument the panel trains the classifier instead, on 40 pieces
// of the folder (default: every composer's), for 5 epochs or the given seconds, and the panel's
// log (one time-stamped line per epoch) is printed too.
//
//   QT_QPA_PLATFORM=offscreen build/release/bench/bench_ui_training [DATA_DIR] [SECONDS] [classifier]

#include "common/DataPaths.h"
#include "common/HeapRetention.h"
#include "training/TrainingCharts.h"
#include "training/TrainingPanel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace aichopin;

int main(int argc, char **argv)
{
    HeapRetention::useMainArenaOnly();  // as the application does, before any thread starts
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("aichopin-bench"));
    const bool classifier = argc > 3 && QByteArray(argv[3]) == "classifier";
    const QString data = argc > 1 && argv[1][0] != '\0' ? QString::fromLocal8Bit(argv[1])
                                   : DataPaths::pianoMidiDir() + (classifier ? "/midis" : "/midis/Chopin");
    const double seconds = argc > 2 ? std::atof(argv[2]) : 30.0;
    if (!QFileInfo(data).isDir()) {
        std::printf("bench_ui_training: no data folder (%s); pass one as the first argument\n", qPrintable(data));
        return 0;
    }
    QTemporaryDir dir;
    TrainingPanel panel;
    panel.resize(1280, 800);
    panel.show();
    panel.setDataDir(data);
    panel.setOutputPath(dir.filePath("bench.pt"));
    panel.setPreset(QStringLiteral("default"));
    panel.setEpochs(1000);
    if (classifier) {
        panel.setTask(TrainingTask::Classifier);
        panel.setMaxPieces(40);
        panel.setEpochs(5);
        QObject::connect(&panel, &TrainingPanel::finished, &app, [&] { QTimer::singleShot(0, &app, &QApplication::quit); });
    }

    std::vector<double> gaps;
    gaps.reserve(100000);
    QElapsedTimer clock;
    QTimer probe;
    probe.setInterval(2);
    probe.setTimerType(Qt::PreciseTimer);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        static qint64 last = -1;
        const qint64 now = clock.nsecsElapsed();
        if (last >= 0)
            gaps.push_back((now - last) / 1e6);
        last = now;
    });
    clock.start();
    probe.start();
    panel.start();
    QTimer::singleShot(int(seconds * 1000), &app, [&] {
        panel.stop();
        probe.stop();
        app.quit();
    });
    app.exec();

    std::sort(gaps.begin(), gaps.end());
    auto pct = [&](double p) { return gaps.empty() ? 0.0 : gaps[std::min(gaps.size() - 1, size_t(p * gaps.size()))]; };
    const int over50 = int(std::count_if(gaps.begin(), gaps.end(), [](double g) { return g > 50; }));
    panel.charts()->flush();
    std::printf("UI thread while training (%s, %.0f s): %zu ticks of a 2 ms timer; gap median %.1f ms, p99 %.1f ms, "
                "max %.1f ms; gaps over 50 ms: %d; chart points: %d\n",
                qPrintable(QFileInfo(data).fileName()), seconds, gaps.size(), pct(0.5), pct(0.99),
                gaps.empty() ? 0.0 : gaps.back(), over50, panel.charts()->stepPointCount());
    if (classifier)
        std::printf("%s\n", qPrintable(panel.log()));
    return 0;
}
