// bench_render: offline rendering speed (FluidSynth, one core) as a multiple of real time, on
// the Chopin files of ../shared/data/piano-midi, written as 44.1 kHz stereo 16-bit WAV with the
// default reverb. Usage: bench_render [--files N] [--memory] [DIR]   (N: 0 = all, default 8)

#include "BenchResult.h"
#include "common/DataPaths.h"
#include "midi/SmfReader.h"
#include "sound/OfflineRenderer.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

using namespace aichopin;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QStringList args = app.arguments().mid(1);
    int maxFiles = 8;
    bool memory = false;
    QString dir;
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == "--files" && i + 1 < args.size())
            maxFiles = args[++i].toInt();
        else if (args[i] == "--memory")
            memory = true;
        else
            dir = args[i];
    }
    if (dir.isEmpty()) {
        const QString piano = DataPaths::pianoMidiDir();
        if (!piano.isEmpty())
            dir = piano + "/midis/Chopin";
    }
    if (dir.isEmpty() || !QDir(dir).exists()) {
        out << "bench_render: skipped: no Chopin MIDI folder (../shared/data/piano-midi/midis/Chopin absent; give DIR)\n";
        return 0;
    }
    QStringList files = QDir(dir).entryList({"*.mid", "*.midi", "*.MID"}, QDir::Files, QDir::Name);
    if (maxFiles > 0 && files.size() > maxFiles)
        files = files.mid(0, maxFiles);

    QElapsedTimer load;
    load.start();
    auto renderer = OfflineRenderer::create();
    if (!renderer) {
        out << "bench_render: skipped: " << renderer.error().message << "\n";
        return 0;
    }
    out << "soundfont " << renderer.value()->soundfont() << " loaded in " << load.elapsed() << " ms\n";
    out << "target: " << (memory ? "memory (stereo float)" : "WAV (stereo 16-bit)") << ", 44100 Hz, reverb on, one core\n";
    QTemporaryDir tmp;
    double totalAudio = 0.0, totalTime = 0.0;
    for (const QString &name : files) {
        const Result<NoteSequence> seq = SmfReader::readFile(dir + "/" + name);
        if (!seq) {
            out << name << ": skipped: " << seq.error().toString() << "\n";
            continue;
        }
        QElapsedTimer t;
        t.start();
        RenderStats stats;
        if (memory) {
            auto samples = renderer.value()->renderSamples(seq.value(), 2, {}, nullptr, &stats);
            if (!samples) {
                out << name << ": error: " << samples.error().message << "\n";
                continue;
            }
        } else {
            auto r = renderer.value()->renderToWav(seq.value(), tmp.path() + "/out.wav");
            if (!r) {
                out << name << ": error: " << r.error().message << "\n";
                continue;
            }
            stats = r.value();
        }
        const double elapsed = t.nsecsElapsed() / 1e9;
        totalAudio += stats.audioSeconds;
        totalTime += elapsed;
        out << QString("%1 %2 s audio, %3 notes, %4 s -> %5x realtime\n")
                   .arg(name, -16)
                   .arg(stats.audioSeconds, 7, 'f', 1)
                   .arg(seq->notes.size(), 5)
                   .arg(elapsed, 6, 'f', 2)
                   .arg(stats.audioSeconds / elapsed, 6, 'f', 1);
        out.flush();
    }
    if (totalTime > 0)
        out << QString("TOTAL %1 files, %2 s of audio in %3 s: %4x realtime\n")
                   .arg(files.size())
                   .arg(totalAudio, 0, 'f', 1)
                   .arg(totalTime, 0, 'f', 2)
                   .arg(totalAudio / totalTime, 0, 'f', 1);
    out.flush();
    if (totalTime > 0)
        bench::result(memory ? "render.memory.realtime_x" : "render.wav.realtime_x", totalAudio / totalTime, "x");
    return 0;
}
