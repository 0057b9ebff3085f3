// aichopin-cli render: a MIDI file to a WAV file through FluidSynth, much faster than real time.

#include "CliOutput.h"
#include "CommandRegistry.h"
#include "common/CancelToken.h"
#include "sound/OfflineRenderer.h"

#include <QFileInfo>

namespace aichopin::cli {
namespace {

CancelToken g_cancel;
void cancelRender() { g_cancel.cancel(); }

int runRender(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption outOpt({QStringLiteral("o"), QStringLiteral("out")}, QStringLiteral("WAV file to write."), QStringLiteral("FILE"));
    const QCommandLineOption sfOpt(QStringLiteral("soundfont"), QStringLiteral("Soundfont (.sf2/.sf3); default: the first installed General MIDI one."), QStringLiteral("SF"));
    const QCommandLineOption rateOpt(QStringLiteral("sample-rate"), QStringLiteral("Sample rate in Hz (8000 to 96000, default 44100)."), QStringLiteral("R"), QStringLiteral("44100"));
    const QCommandLineOption floatOpt(QStringLiteral("float"), QStringLiteral("Write 32-bit float samples instead of 16-bit PCM."));
    const QCommandLineOption noReverbOpt(QStringLiteral("no-reverb"), QStringLiteral("Turn the reverb off."));
    const QCommandLineOption tailOpt(QStringLiteral("tail"), QStringLiteral("Seconds rendered after the last note (default 2)."), QStringLiteral("S"), QStringLiteral("2"));
    parser.addOptions({outOpt, sfOpt, rateOpt, floatOpt, noReverbOpt, tailOpt});
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("MIDI file (.mid) to render."));
    int code = 0;
    if (!parseArgs(parser, args, QStringLiteral("Render a MIDI file to a stereo WAV file (peak normalised to -1 dBFS)."), &code))
        return code;
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1) {
        err() << args[0] << ": give exactly one MIDI file\n";
        return 2;
    }
    if (!parser.isSet(outOpt)) {
        err() << args[0] << ": give the WAV file to write with --out FILE.wav\n";
        return 2;
    }
    RenderOptions options;
    bool ok = false;
    options.synth.sampleRate = parser.value(rateOpt).toInt(&ok);
    if (!ok) {
        err() << args[0] << ": --sample-rate needs a whole number of Hz, not '" << parser.value(rateOpt) << "'\n";
        return 2;
    }
    options.tailSeconds = parser.value(tailOpt).toDouble(&ok);
    if (!ok) {
        err() << args[0] << ": --tail needs a number of seconds, not '" << parser.value(tailOpt) << "'\n";
        return 2;
    }
    options.synth.soundfont = parser.value(sfOpt);
    options.synth.reverb = !parser.isSet(noReverbOpt);
    options.format = parser.isSet(floatOpt) ? WavFormat::Float32 : WavFormat::Pcm16;

    auto renderer = OfflineRenderer::create(options);
    if (!renderer) {
        err() << args[0] << ": error: " << renderer.error().toString() << "\n";
        return 1;
    }
    const QString wavPath = parser.value(outOpt);
    onInterrupt(cancelRender);
    const Result<RenderStats> stats = renderer.value()->renderFileToWav(files[0], wavPath, progressBar(), &g_cancel);
    endProgress();
    if (!stats) {
        err() << args[0] << ": error: " << stats.error().toString() << "\n";
        return g_cancel.isCancelled() ? 130 : 1;
    }
    const RenderStats &s = stats.value();
    out() << wavPath << "\n"
          << "  soundfont       " << QFileInfo(renderer.value()->soundfont()).fileName() << "\n"
          << "  music           " << QString::number(s.musicSeconds, 'f', 2) << " s\n"
          << "  audio           " << QString::number(s.audioSeconds, 'f', 2) << " s (" << s.frames << " frames at "
          << s.sampleRate << " Hz, stereo, " << (options.format == WavFormat::Float32 ? "float" : "16-bit") << ")\n"
          << "  gain            " << QString::number(s.outputGain, 'f', 3) << " (raw peak " << QString::number(s.rawPeak, 'f', 3) << ")\n"
          << "  render time     " << QString::number(s.elapsedSeconds, 'f', 2) << " s\n"
          << "  realtime factor " << QString::number(s.realtimeFactor(), 'f', 1) << "x\n";
    out().flush();
    return 0;
}

}  // namespace

AICHOPIN_CLI_COMMAND(render, "render", "Render a MIDI file to WAV through FluidSynth", runRender);

}  // namespace aichopin::cli
