// bench_features: decoding + log-mel speed on a 5-minute MP3 (goal: >= 500x real time on one
// core) and peak memory (VmHWM) when streaming a 5-minute and a 30-minute MP3, each measured in
// a fresh child process so the peaks do not mix. The MP3s are synthesised piano-like tones
// encoded by the ffmpeg command-line tool (libmp3lame), cached in $TMPDIR/aichopin-bench.
// Prints numbers only; never fails on time.
//
// Usage: bench_features [--keep] | bench_features --measure FILE.mp3

#include "BenchResult.h"
#include "listen/AudioDecoder.h"
#include "listen/StreamingFeatureExtractor.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

#include <cmath>
#include <cstdio>
#include <ctime>
#include <vector>

using namespace aichopin;

namespace {

qint64 vmHwmKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

// Piano-like: a note every 250 ms from a repeating pattern, each with 6 decaying harmonics.
void synthesize(qint64 frameStart, int count, int sr, std::vector<qint16> &stereo)
{
    static const int pattern[] = {60, 64, 67, 72, 71, 67, 64, 62, 57, 60, 65, 69, 74, 72, 69, 65};
    stereo.resize(size_t(count) * 2);
    const int noteLen = sr / 4;
    for (int i = 0; i < count; ++i) {
        const qint64 n = frameStart + i;
        double v = 0;
        for (int back = 0; back < 4; ++back) {  // the last notes still ring
            const qint64 note = n / noteLen - back;
            if (note < 0)
                break;
            const double t = double(n - note * noteLen) / sr;
            const int midi = pattern[note % 16] - 12 * int((note / 16) % 2);
            const double f0 = 440.0 * std::pow(2.0, (midi - 69) / 12.0);
            for (int h = 1; h <= 6; ++h)
                v += std::exp(-t * (2.0 + h)) * std::sin(2 * M_PI * f0 * h * t) / (h * h);
        }
        const auto s = qint16(std::clamp(v * 6000.0, -32767.0, 32767.0));
        stereo[size_t(i) * 2] = s;
        stereo[size_t(i) * 2 + 1] = s;
    }
}

bool makeMp3(const QString &path, int seconds)
{
    if (QFileInfo(path).size() > 0)
        return true;
    const QString ffmpeg = QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
    if (ffmpeg.isEmpty())
        return false;
    const int sr = 44100;
    QProcess p;
    p.start(ffmpeg, {"-hide_banner", "-loglevel", "error", "-y", "-f", "s16le", "-ar", QString::number(sr), "-ac", "2",
                     "-i", "-", "-c:a", "libmp3lame", "-b:a", "192k", path + ".part.mp3"});
    if (!p.waitForStarted())
        return false;
    std::vector<qint16> buf;
    const int block = sr * 10;
    for (qint64 done = 0; done < qint64(seconds) * sr; done += block) {
        synthesize(done, block, sr, buf);
        p.write(reinterpret_cast<const char *>(buf.data()), qint64(buf.size() * 2));
        while (p.bytesToWrite() > 4 << 20)
            p.waitForBytesWritten(-1);
    }
    p.closeWriteChannel();
    p.waitForFinished(-1);
    if (p.exitCode() != 0) {
        std::fprintf(stderr, "ffmpeg failed: %s\n", p.readAllStandardError().constData());
        return false;
    }
    return QFile::rename(path + ".part.mp3", path);
}

// CPU time of this process: less disturbed than wall time when the machine is shared.
double cpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + ts.tv_nsec / 1e9;
}

int measure(const QString &path)
{
    const qint64 before = vmHwmKb();
    FeatureParams params;
    StreamingFeatureExtractor ex(params, FrameKind::LogMel);
    double checksum = 0;
    const FrameSink sink = [&](const float *f, int) { checksum += f[10]; };
    QElapsedTimer timer;
    timer.start();
    const double cpu0 = cpuSeconds();
    DecodeOptions options;
    options.sampleRate = params.sampleRate;
    const Result<DecodeReport> r = AudioDecoder::decode(path, options, [&](const float *s, qsizetype n) { ex.push(s, n, sink); });
    ex.finish(sink);
    const double wall = timer.nsecsElapsed() / 1e9;
    const double cpu = cpuSeconds() - cpu0;
    if (!r) {
        std::fprintf(stderr, "error: %s\n", qPrintable(r.error().toString()));
        return 1;
    }
    const double audio = double(r->samples) / r->sampleRate;
    std::printf("  %-18s audio %6.0f s  wall %6.3f s = %5.0fx real time  CPU %6.3f s = %5.0fx  frames %lld  "
                "VmHWM %lld KB (at start %lld KB)  [checksum %.1f]\n",
                qPrintable(QFileInfo(path).fileName()), audio, wall, audio / wall, cpu, audio / cpu, (long long)ex.framesEmitted(),
                (long long)vmHwmKb(), (long long)before, checksum);
    const QString key = QStringLiteral("features.%1min").arg(qRound(audio / 60));
    bench::result(qPrintable(key + QStringLiteral(".realtime_x")), audio / wall, "x");
    bench::result(qPrintable(key + QStringLiteral(".cpu_realtime_x")), audio / cpu, "x");
    bench::result(qPrintable(key + QStringLiteral(".peak_mib")), vmHwmKb() / 1024.0, "MiB");
    return 0;
}

}  // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 3 && args[1] == QLatin1String("--measure"))
        return measure(args[2]);

    const QString dir = QDir::temp().filePath(QStringLiteral("aichopin-bench"));
    QDir().mkpath(dir);
    std::printf("bench_features: decoding (FFmpeg, one thread) + streaming log-mel (n_fft 2048, hop 512, 128 mels, 22,050 Hz)\n");
    std::printf("goal: >= 500x real time for a 5-minute MP3; peak RSS independent of length\n");
    struct Input { int seconds; QString name; };
    const Input inputs[] = {{300, QStringLiteral("piano-5min.mp3")}, {1800, QStringLiteral("piano-30min.mp3")}};
    for (const Input &in : inputs) {
        const QString path = QDir(dir).filePath(in.name);
        QElapsedTimer t;
        t.start();
        const bool fresh = QFileInfo(path).size() <= 0;
        if (!makeMp3(path, in.seconds)) {
            std::printf("SKIP: cannot make %s (no ffmpeg command-line tool with libmp3lame)\n", qPrintable(in.name));
            return 0;
        }
        if (fresh)
            std::printf("  made %s (%.1f MB) in %.1f s\n", qPrintable(in.name), QFileInfo(path).size() / 1e6, t.elapsed() / 1000.0);
        // Three runs of the 5-minute file (the first warms the page cache), one of the long one.
        for (int run = 0; run < (in.seconds <= 300 ? 3 : 1); ++run) {
            std::fflush(stdout);
            QProcess child;
            child.setProcessChannelMode(QProcess::ForwardedChannels);
            child.start(app.applicationFilePath(), {QStringLiteral("--measure"), path});
            child.waitForFinished(-1);
        }
    }
    if (!args.contains(QLatin1String("--keep")))
        std::printf("(inputs cached in %s; delete them to regenerate)\n", qPrintable(dir));
    return 0;
}
