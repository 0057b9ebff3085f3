// aichopin-cli features: decode an audio file and compute log-mel, MFCC, semitone-band or STFT features;
// optionally save them as .npy and draw them as a PNG.

#include "CliOutput.h"
#include "CommandRegistry.h"
#include "common/EnglishCount.h"
#include "listen/Features.h"
#include "listen/NpyWriter.h"
#include "listen/PngWriter.h"
#include "listen/SpectrogramImage.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cmath>

namespace aichopin::cli {
namespace {

CancelToken g_cancel;

bool parseSeconds(const QCommandLineParser &parser, const QCommandLineOption &opt, double *value, const QString &cmd)
{
    if (!parser.isSet(opt))
        return true;
    bool ok = false;
    *value = parser.value(opt).toDouble(&ok);
    if (!ok || !std::isfinite(*value) || *value < 0) {
        err() << cmd << ": --" << opt.names().constFirst() << " needs a number of seconds >= 0, not '" << parser.value(opt) << "'\n";
        return false;
    }
    return true;
}

int runFeatures(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption kindOpt(QStringLiteral("kind"), QStringLiteral("mel (log-mel dB, ref max), mfcc, pitch (dB in one band per semitone, C1 to B8, as the classifier's pitch input) or stft (power dB, ref max). Default mel."), QStringLiteral("KIND"), QStringLiteral("mel"));
    const QCommandLineOption outOpt(QStringLiteral("out"), QStringLiteral("Write the features as NumPy .npy, float32, shape [frames, bins]."), QStringLiteral("FILE.npy"));
    const QCommandLineOption imageOpt(QStringLiteral("image"), QStringLiteral("Draw the features as a PNG (time left to right, low frequencies at the bottom)."), QStringLiteral("FILE.png"));
    const QCommandLineOption rateOpt(QStringLiteral("sample-rate"), QStringLiteral("Analysis sample rate in Hz (default 22050)."), QStringLiteral("R"), QStringLiteral("22050"));
    const QCommandLineOption startOpt(QStringLiteral("start"), QStringLiteral("Start time in seconds."), QStringLiteral("S"));
    const QCommandLineOption durOpt(QStringLiteral("duration"), QStringLiteral("Duration in seconds (default: to the end)."), QStringLiteral("D"));
    const QCommandLineOption widthOpt(QStringLiteral("image-width"), QStringLiteral("Maximum picture width in pixels; longer inputs are merged (default 4000)."), QStringLiteral("PX"), QStringLiteral("4000"));
    const QCommandLineOption mapOpt(QStringLiteral("colormap"), QStringLiteral("magma, viridis or gray (default magma)."), QStringLiteral("NAME"), QStringLiteral("magma"));
    for (const auto &o : {kindOpt, outOpt, imageOpt, rateOpt, startOpt, durOpt, widthOpt, mapOpt})
        parser.addOption(o);
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Audio file (mp3, wav, flac, ogg, opus, m4a, ...)."));
    int code = 0;
    if (!parseArgs(parser, args, QStringLiteral("Compute log-mel, MFCC, semitone-band or STFT features of an audio file."), &code))
        return code;
    const QString cmd = args.value(0);
    if (parser.positionalArguments().size() != 1) {
        err() << cmd << ": give exactly one audio file\n";
        return 2;
    }
    const QString file = parser.positionalArguments().constFirst();
    const QString kindName = parser.value(kindOpt).toLower();
    FeatureKind kind;
    FeatureParams params;
    if (kindName == QLatin1String("mel"))
        kind = FeatureKind::Mel;
    else if (kindName == QLatin1String("pitch")) {
        // The classifier's semitone bands (ClassifierFeatureSettings::forKind(Pitch)).
        kind = FeatureKind::Mel;
        params.scale = BandScale::Semitone;
        params.nFft = 4096;
        params.hop = 1024;
    }
    else if (kindName == QLatin1String("mfcc"))
        kind = FeatureKind::Mfcc;
    else if (kindName == QLatin1String("stft"))
        kind = FeatureKind::Stft;
    else {
        err() << cmd << ": --kind must be mel, mfcc, pitch or stft, not '" << kindName << "'\n";
        return 2;
    }
    bool ok = false;
    params.sampleRate = parser.value(rateOpt).toInt(&ok);
    if (!ok || params.sampleRate < 4000 || params.sampleRate > 192000) {
        err() << cmd << ": --sample-rate must be an integer from 4000 to 192000\n";
        return 2;
    }
    DecodeOptions decode;
    if (!parseSeconds(parser, startOpt, &decode.startSeconds, cmd) || !parseSeconds(parser, durOpt, &decode.durationSeconds, cmd))
        return 2;
    if (parser.isSet(durOpt) && decode.durationSeconds <= 0) {
        err() << cmd << ": --duration must be positive\n";
        return 2;
    }
    if (!parser.isSet(durOpt))
        decode.durationSeconds = -1;
    SpectrogramRenderOptions render;
    render.maxWidth = parser.value(widthOpt).toInt(&ok);
    if (!ok || render.maxWidth < 1) {
        err() << cmd << ": --image-width must be a positive integer\n";
        return 2;
    }
    const QString mapName = parser.value(mapOpt).toLower();
    if (mapName == QLatin1String("magma"))
        render.colorMap = ColorMap::Magma;
    else if (mapName == QLatin1String("viridis"))
        render.colorMap = ColorMap::Viridis;
    else if (mapName == QLatin1String("gray") || mapName == QLatin1String("grey"))
        render.colorMap = ColorMap::Gray;
    else {
        err() << cmd << ": --colormap must be magma, viridis or gray\n";
        return 2;
    }

    onInterrupt([] { g_cancel.cancel(); });
    QElapsedTimer timer;
    timer.start();
    const Result<FileFeatures> r = Features::fromFile(file, kind, params, decode, progressBar(), &g_cancel);
    endProgress();
    const double seconds = timer.nsecsElapsed() / 1e9;
    if (!r) {
        err() << file << ": error: " << r.error().toString() << "\n";
        return 1;
    }
    for (const QString &w : r->decode.warnings)
        err() << file << ": warning: " << w << "\n";
    const FeatureMatrix &m = r->matrix;
    const double audioSeconds = double(r->decode.samples) / r->decode.sampleRate;
    out() << file << "\n"
          << "  source     " << r->decode.info.codecName << ", " << r->decode.info.sampleRate << " Hz, "
          << counted(r->decode.info.channels, "channel", "channels") << "\n"
          << "  kind       " << kindName << "\n"
          << "  shape      [" << m.frames << ", " << m.bins << "] (frames, bins), "
          << QString::number(r->secondsPerFrame * 1000, 'f', 2) << " ms per frame\n"
          << "  audio      " << QString::number(audioSeconds, 'f', 2) << " s at " << r->decode.sampleRate << " Hz\n"
          << "  time       " << QString::number(seconds, 'f', 3) << " s ("
          << QString::number(seconds > 0 ? audioSeconds / seconds : 0.0, 'f', 0) << "x real time)\n";
    int failures = 0;
    if (parser.isSet(outOpt)) {
        const Status s = NpyWriter::write(parser.value(outOpt), m);
        if (s)
            out() << "  wrote      " << parser.value(outOpt) << " (float32 [" << m.frames << ", " << m.bins << "])\n";
        else {
            err() << cmd << ": " << s.error().toString() << "\n";
            ++failures;
        }
    }
    if (parser.isSet(imageOpt)) {
        if (kind == FeatureKind::Mfcc) {
            // MFCCs are not in dB: scale the picture to their own range.
            render.minDb = *std::min_element(m.data.begin(), m.data.end());
            render.maxDb = *std::max_element(m.data.begin(), m.data.end());
        }
        const SpectrogramImage img = SpectrogramRenderer::render(m, render);
        const Status s = PngWriter::write(parser.value(imageOpt), img);
        if (s)
            out() << "  wrote      " << parser.value(imageOpt) << " (" << img.width << " x " << img.height << " PNG)\n";
        else {
            err() << cmd << ": " << s.error().toString() << "\n";
            ++failures;
        }
    }
    out().flush();
    err().flush();
    return failures ? 1 : 0;
}

}  // namespace

AICHOPIN_CLI_COMMAND(features, "features", "Compute log-mel, MFCC or STFT features of an audio file (.npy, PNG)", runFeatures);

}  // namespace aichopin::cli
