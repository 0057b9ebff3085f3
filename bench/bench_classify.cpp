// bench_classify: time and memory of a verdict for long MP3 files (decoding, features and CNN
// together) with the shipped classifier (or --model). The MP3s are Chopin pieces from the
// piano-midi folder rendered through FluidSynth and encoded by the ffmpeg command-line tool,
// cached in $TMPDIR/aichopin-bench-classify. Prints numbers; never asserts on time.
//
//   bench_classify [--model MODEL] [--minutes 5,60] [--file AUDIO]   (a 1-minute file is always timed too)
#include "BenchResult.h"
#include "classifier/ClassifierModel.h"
#include "classifier/ClipStream.h"
#include "common/DataPaths.h"
#include "common/HeapRetention.h"
#include "listen/AudioDecoder.h"
#include "midi/SmfReader.h"
#include "sound/OfflineRenderer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTextStream>
#include <QThread>

#include <cstdio>

using namespace aichopin;

namespace {

QTextStream out(stdout);

long rssKb(const char *field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(int(strlen(field))).trimmed().split(' ').value(0).toLong();
    return -1;
}

void resetPeak()
{
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    if (f.open(QIODevice::WriteOnly))
        f.write("5");
}

// Chopin pieces rendered back to back until `seconds`, encoded to MP3 at 192 kbit/s.
QString makeMp3(double seconds)
{
    const QString dir = QDir::tempPath() + QStringLiteral("/aichopin-bench-classify");
    QDir().mkpath(dir);
    const QString mp3 = dir + QStringLiteral("/chopin-%1s.mp3").arg(int(seconds));
    if (QFile::exists(mp3))
        return mp3;
    const QString midis = DataPaths::pianoMidiDir() + QStringLiteral("/midis/Chopin");
    QStringList files;
    QDirIterator it(midis, {QStringLiteral("*.mid")}, QDir::Files);
    while (it.hasNext())
        files << it.next();
    files.sort();
    if (files.isEmpty())
        return {};
    RenderOptions ro;
    ro.synth.sampleRate = 44100;
    ro.tailSeconds = 1.0;
    auto renderer = OfflineRenderer::create(ro);
    if (!renderer)
        return {};
    std::vector<float> all;
    for (const QString &f : files) {
        if (all.size() >= size_t(seconds * 44100))
            break;
        const auto seq = SmfReader::readFile(f);
        if (!seq)
            continue;
        const auto samples = renderer.value()->renderSamples(seq.value(), 1);
        if (samples)
            all.insert(all.end(), samples->begin(), samples->end());
    }
    all.resize(size_t(seconds * 44100));
    QProcess ffmpeg;
    ffmpeg.start(QStringLiteral("ffmpeg"), {QStringLiteral("-hide_banner"), QStringLiteral("-loglevel"), QStringLiteral("error"),
                                            QStringLiteral("-y"), QStringLiteral("-f"), QStringLiteral("f32le"), QStringLiteral("-ar"),
                                            QStringLiteral("44100"), QStringLiteral("-ac"), QStringLiteral("1"), QStringLiteral("-i"),
                                            QStringLiteral("-"), QStringLiteral("-c:a"), QStringLiteral("libmp3lame"), QStringLiteral("-b:a"),
                                            QStringLiteral("192k"), mp3 + QStringLiteral(".part.mp3")});
    if (!ffmpeg.waitForStarted())
        return {};
    ffmpeg.write(reinterpret_cast<const char *>(all.data()), qint64(all.size() * sizeof(float)));
    ffmpeg.closeWriteChannel();
    ffmpeg.waitForFinished(-1);
    if (ffmpeg.exitCode() != 0)
        return {};
    QFile::rename(mp3 + QStringLiteral(".part.mp3"), mp3);
    return mp3;
}

}  // namespace

int main(int argc, char **argv)
{
    // As the programs do (common/HeapRetention.h), unless --own-arenas asks for glibc's default.
    if (!bench::hasOwnArenasOption(argc, argv))
        HeapRetention::useMainArenaOnly();
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption model(QStringLiteral("model"), QStringLiteral("Model file."), QStringLiteral("MODEL"));
    const QCommandLineOption minutes(QStringLiteral("minutes"), QStringLiteral("Lengths of the long test files, comma-separated."), QStringLiteral("M,..."), QStringLiteral("5,60"));
    const QCommandLineOption file(QStringLiteral("file"), QStringLiteral("Classify this file instead."), QStringLiteral("AUDIO"));
    const QCommandLineOption ownArenas(QStringLiteral("own-arenas"), QStringLiteral("Leave each thread its own malloc arena (glibc's default), to compare."));
    parser.addOptions({model, minutes, file, ownArenas});
    parser.process(app);

    const QString modelPath = parser.isSet(model) ? parser.value(model) : ClassifierModel::defaultModelPath();
    auto loaded = ClassifierModel::load(modelPath);
    if (!loaded) {
        out << "bench_classify: " << (modelPath.isEmpty() ? QStringLiteral("no shipped classifier model; give --model") : loaded.error().message) << "\n";
        return 1;
    }
    ClassifierModel &m = *loaded.value();
    out << "model " << modelPath << " (" << featureKindName(m.features().kind) << ", " << m.features().bins() << " bins, "
        << m.features().clipSeconds << " s clips every " << m.features().clipHopSeconds << " s)\n";

    QStringList inputs;
    if (parser.isSet(file)) {
        inputs << parser.value(file);
    } else {
        QList<double> lengths{60.0};
        for (const QString &m : parser.value(minutes).split(QLatin1Char(','), Qt::SkipEmptyParts))
            if (m.toDouble() > 0 && !lengths.contains(m.toDouble() * 60.0))
                lengths << m.toDouble() * 60.0;
        for (double s : lengths) {
            const QString mp3 = makeMp3(s);
            if (mp3.isEmpty()) {
                out << "bench_classify: cannot make a test MP3 (needs the piano-midi data, a soundfont and ffmpeg); give --file\n";
                return 1;
            }
            inputs << mp3;
        }
    }
    // Warm-up (first LibTorch call, page cache).
    (void)m.classifyFile(inputs.front());
    for (const QString &path : inputs) {
        const auto info = AudioDecoder::probe(path);
        // Decoding and features alone.
        QElapsedTimer t;
        resetPeak();
        t.start();
        ClipStream stream(m.features());
        int clips = 0;
        DecodeOptions d;
        d.sampleRate = m.features().sampleRate;
        (void)AudioDecoder::decode(path, d, [&](const float *x, qsizetype n) { stream.push(x, n, [&](const float *, qint64, int) { ++clips; }); });
        stream.finish([&](const float *, qint64, int) { ++clips; });
        const double front = t.elapsed() / 1000.0;
        // The whole verdict.
        resetPeak();
        const long before = rssKb("VmRSS:");
        t.restart();
        const auto v = m.classifyFile(path);
        const double total = t.elapsed() / 1000.0;
        const long peak = rssKb("VmHWM:");
        if (!v) {
            out << path << ": " << v.error().message << "\n";
            continue;
        }
        out << QStringLiteral("%1: %2 s of audio, %3 clips -> %4 (p_chopin %5)\n")
                   .arg(QFileInfo(path).fileName()).arg(info ? info->durationSeconds : v->durationSeconds, 0, 'f', 1)
                   .arg(v->timeline.size()).arg(v->label).arg(v->pChopin, 0, 'f', 3)
            << QStringLiteral("  decode + features %1 s, verdict total %2 s (%3x real time)\n")
                   .arg(front, 0, 'f', 3).arg(total, 0, 'f', 3).arg(v->durationSeconds / total, 0, 'f', 0)
            << QStringLiteral("  memory: RSS before %1 MiB, peak during the verdict %2 MiB (+%3 MiB)\n")
                   .arg(before / 1024.0, 0, 'f', 1).arg(peak / 1024.0, 0, 'f', 1).arg((peak - before) / 1024.0, 0, 'f', 1);
        out.flush();
        const QString key = QStringLiteral("classify.%1min").arg(qRound(v->durationSeconds / 60));
        // The same verdict on a worker thread, where the Classify panel runs it.
        double onWorker = 0;
        QThread *worker = QThread::create([&] {
            QElapsedTimer w;
            w.start();
            (void)m.classifyFile(path);
            onWorker = w.elapsed() / 1000.0;
        });
        worker->start();
        worker->wait();
        delete worker;
        out << QStringLiteral("  verdict on a worker thread %1 s\n").arg(onWorker, 0, 'f', 3);
        out.flush();
        // The network's share: the same verdict hearing each clip only as it is (the shipped
        // model also hears every clip a semitone up and down, three network inputs per clip).
        double asIs = 0;
        const std::vector<int> shifts = m.bandShifts();
        if (!shifts.empty()) {
            m.setBandShifts({});
            t.restart();
            (void)m.classifyFile(path);
            asIs = t.elapsed() / 1000.0;
            m.setBandShifts(shifts);
            out << QStringLiteral("  verdict hearing each clip only as it is (no band shifts) %1 s\n").arg(asIs, 0, 'f', 3);
            out.flush();
            bench::result(qPrintable(key + QStringLiteral(".verdict_without_shifts_s")), asIs, "s");
        }
        bench::result(qPrintable(key + QStringLiteral(".verdict_s")), total, "s");
        bench::result(qPrintable(key + QStringLiteral(".worker_verdict_s")), onWorker, "s");
        bench::result(qPrintable(key + QStringLiteral(".decode_features_s")), front, "s");
        bench::result(qPrintable(key + QStringLiteral(".peak_mib")), peak / 1024.0, "MiB");
        bench::result(qPrintable(key + QStringLiteral(".peak_above_rest_mib")), (peak - before) / 1024.0, "MiB");
    }
    return 0;
}
