// The one benchmark report: runs the other benchmarks of this folder one after another,
// collects their RESULT lines and prints the figures the README's table shows, as Markdown
// (default) or JSON (--json), with the machine they ran on. The benchmarks' own text goes to
// stderr, so `bench_report --json > bench.json` keeps a clean JSON file.
//
//   bench_report [--json] [--quick]      (or: cmake --build build --target bench)
//   bench_report --table REPORT.json     (the Markdown table of a saved --json report)
//
// --quick skips the slowest parts (the 60-minute file, the paper presets' training).
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSysInfo>
#include <QTextStream>
#include <QThread>

#include <cstdio>
#include <map>

namespace {

struct Figure {
    double value = 0;
    QString unit;
};
using Figures = std::map<QString, Figure>;

// Runs one benchmark program next to this one; its output goes to stderr, RESULT lines are kept.
bool runBenchmark(const QString &name, const QStringList &args, Figures &figures, const QProcessEnvironment &env)
{
    const QString program = QDir(QCoreApplication::applicationDirPath()).filePath(name);
    if (!QFile::exists(program)) {
        std::fprintf(stderr, "bench_report: %s is not built; skipped\n", qPrintable(name));
        return false;
    }
    std::fprintf(stderr, "\n== %s %s\n", qPrintable(name), qPrintable(args.join(QLatin1Char(' '))));
    QProcess p;
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    static const QRegularExpression resultLine(QStringLiteral("^RESULT (\\S+) (\\S+) (\\S+)$"));
    QByteArray pending;
    auto consume = [&](bool all) {
        pending += p.readAll();
        qsizetype nl;
        while ((nl = pending.indexOf('\n')) >= 0 || (all && !pending.isEmpty())) {
            const QByteArray line = nl >= 0 ? pending.left(nl) : pending;
            pending = nl >= 0 ? pending.mid(nl + 1) : QByteArray();
            std::fprintf(stderr, "%s\n", line.constData());
            const auto m = resultLine.match(QString::fromUtf8(line));
            if (m.hasMatch())
                figures[m.captured(1)] = Figure{m.captured(2).toDouble(), m.captured(3)};
        }
    };
    while (!p.waitForFinished(200))
        consume(false);
    consume(true);
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        std::fprintf(stderr, "bench_report: %s ended with exit code %d\n", qPrintable(name), p.exitCode());
        return false;
    }
    return true;
}

QString cpuModel()
{
    QFile f(QStringLiteral("/proc/cpuinfo"));
    if (f.open(QIODevice::ReadOnly))
        for (const QByteArray &line : f.readAll().split('\n'))
            if (line.startsWith("model name"))
                return QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
    return QSysInfo::currentCpuArchitecture();
}

struct Row {
    const char *what;
    const char *key;
    const char *goal;
};

// The README's table: what the issue asks to be measured, in its order.
const Row kRows[] = {
    {"Composer training, default preset", "composer.train.default.tokens_per_s", ""},
    {"Composer training, paper-benchmark preset", "composer.train.paper-benchmark.tokens_per_s", ""},
    {"Composer training, paper-optimized preset", "composer.train.paper-optimized.tokens_per_s", ""},
    {"Classifier training, default preset, 40 pieces: one epoch on the main thread (as the CLI)", "classifier.train.main_thread.epoch_s", ""},
    {"The same epoch on a worker thread (as the Training panel)", "classifier.train.worker_thread.epoch_s", ""},
    {"Generation (shipped model, batch 1, one thread)", "composer.generate.events_per_s", ""},
    {"Generation speed as a multiple of playing time", "composer.generate.realtime_x", ">= 20x"},
    {"Time to the first generated event", "composer.generate.first_event_ms", "< 100 ms"},
    {"Decoding + log-mel features, 5-minute MP3 (wall)", "features.5min.realtime_x", ">= 500x"},
    {"Decoding + log-mel features, 5-minute MP3 (CPU time)", "features.5min.cpu_realtime_x", ""},
    {"Classification verdict, 5-minute MP3", "classify.5min.verdict_s", "<= 1 s"},
    {"The same verdict on a worker thread (as the Classify panel runs it)", "classify.5min.worker_verdict_s", "<= 1 s"},
    {"The same verdict hearing each clip only as it is (no semitone shifts)", "classify.5min.verdict_without_shifts_s", ""},
    {"Peak memory classifying a 1-minute MP3", "classify.1min.peak_mib", ""},
    {"Peak memory classifying a 5-minute MP3", "classify.5min.peak_mib", ""},
    {"Peak memory classifying a 60-minute MP3", "classify.60min.peak_mib", "flat in length"},
    {"Offline rendering to WAV (FluidSynth, one core)", "render.wav.realtime_x", ">= 50x"},
    {"GUI start-up to the first painted window", "gui.startup_ms", ""},
};

QString formatValue(const Figure &f)
{
    const int decimals = f.value >= 100 ? 0 : (f.value >= 10 ? 1 : 2);
    return QString::number(f.value, 'f', decimals) + QLatin1Char(' ') + f.unit;
}

}  // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const bool json = args.contains(QStringLiteral("--json"));
    const bool quick = args.contains(QStringLiteral("--quick"));
    // --table FILE.json: print the Markdown table of a report saved earlier with --json.
    const qsizetype tableAt = args.indexOf(QStringLiteral("--table"));
    QJsonObject saved;
    if (tableAt > 0 && tableAt + 1 < args.size()) {
        QFile f(args[tableAt + 1]);
        if (!f.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "bench_report: cannot read %s\n", qPrintable(args[tableAt + 1]));
            return 1;
        }
        saved = QJsonDocument::fromJson(f.readAll()).object();
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!env.contains(QStringLiteral("DISPLAY")) && !env.contains(QStringLiteral("WAYLAND_DISPLAY")) &&
        !env.contains(QStringLiteral("QT_QPA_PLATFORM")))
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));

    QElapsedTimer total;
    total.start();
    Figures figures;
    const int threads = QThread::idealThreadCount();
    const QJsonObject savedResults = saved.value(QStringLiteral("results")).toObject();
    for (auto it = savedResults.begin(); it != savedResults.end(); ++it)
        figures[it.key()] = Figure{it->toObject().value(QStringLiteral("value")).toDouble(), it->toObject().value(QStringLiteral("unit")).toString()};
    if (saved.isEmpty()) {
    runBenchmark(QStringLiteral("bench_composer"),
                 {QStringLiteral("--train-seconds"), quick ? QStringLiteral("10") : QStringLiteral("30"), QStringLiteral("--threads"),
                  QString::number(threads)},
                 figures, env);
    runBenchmark(QStringLiteral("bench_classifier_train"), {QStringLiteral("--epochs"), quick ? QStringLiteral("1") : QStringLiteral("2")},
                 figures, env);
    runBenchmark(QStringLiteral("bench_features"), {}, figures, env);
    runBenchmark(QStringLiteral("bench_classify"), {QStringLiteral("--minutes"), quick ? QStringLiteral("5") : QStringLiteral("5,60")},
                 figures, env);
    runBenchmark(QStringLiteral("bench_render"), {}, figures, env);
    runBenchmark(QStringLiteral("bench_ui_startup"), {}, figures, env);
    }

    const QString machine = saved.isEmpty() ? QStringLiteral("%1, %2 logical CPUs, %3").arg(cpuModel()).arg(threads).arg(QSysInfo::prettyProductName())
                                            : saved.value(QStringLiteral("machine")).toString();
    const QString date = saved.isEmpty() ? QDateTime::currentDateTimeUtc().toString(Qt::ISODate) : saved.value(QStringLiteral("date")).toString();
    if (json) {
        QJsonObject results;
        for (const auto &[key, f] : figures)
            results[key] = QJsonObject{{QStringLiteral("value"), f.value}, {QStringLiteral("unit"), f.unit}};
        const QJsonObject report{{QStringLiteral("machine"), machine},
                                 {QStringLiteral("date"), date},
                                 {QStringLiteral("seconds"), total.elapsed() / 1000.0},
                                 {QStringLiteral("results"), results}};
        std::printf("%s", QJsonDocument(report).toJson().constData());
        return 0;
    }
    QTextStream out(stdout);
    out << "\nMachine: " << machine << "; " << date << "\n\n";
    out << "| Measure | Result | Goal |\n|---|---|---|\n";
    for (const Row &row : kRows) {
        const auto it = figures.find(QString::fromLatin1(row.key));
        out << "| " << row.what << " | " << (it == figures.end() ? QStringLiteral("not measured") : formatValue(it->second)) << " | "
            << row.goal << " |\n";
    }
    return 0;
}
