#include "spectrogram/SpectrogramAnalysis.h"

#include "listen/AudioDecoder.h"
#include "listen/Features.h"
#include "listen/MediaFiles.h"
#include "listen/MelFilterbank.h"
#include "midi/Note.h"
#include "midi/SmfReader.h"
#include "sound/OfflineRenderer.h"

#include <algorithm>

namespace aichopin {

Result<SpectrogramAnalysis> SpectrogramAnalysis::analyse(const QString &path, const CancelToken *cancel)
{
    SpectrogramAnalysis out;
    FeatureParams params;
    std::vector<float> samples;
    if (mediafiles::isMidi(path)) {
        auto midi = SmfReader::readFile(path);
        if (!midi)
            return midi.error();
        aichopin::RenderOptions render;
        render.synth.sampleRate = params.sampleRate;
        auto rendered = OfflineRenderer::renderMono(midi.value(), render, {}, cancel);
        if (!rendered)
            return rendered.error();
        samples = std::move(rendered.value());
        out.midi = std::move(midi.value());
    } else {
        DecodeOptions decode;
        decode.sampleRate = params.sampleRate;
        auto signal = AudioDecoder::decodeAll(path, decode, {}, cancel);
        if (!signal)
            return signal.error();
        samples = std::move(signal->samples);
    }
    if (isCancelled(cancel))
        return Error{QStringLiteral("cancelled")};
    out.duration = double(samples.size()) / params.sampleRate;
    const double secondsPerFrame = double(params.hop) / params.sampleRate;

    auto mel = std::make_shared<SpectrogramData>();
    mel->matrix = Features::logMel(samples.data(), qsizetype(samples.size()), params);
    mel->secondsPerFrame = secondsPerFrame;
    mel->low = -80.0f;
    mel->high = 0.0f;
    mel->kind = QStringLiteral("log-mel (dB), %1 bands").arg(mel->matrix.bins);
    {
        const std::vector<double> &edges = MelFilterbank(params.sampleRate, params.nFft, params.nMels, params.fmin, params.fmax).edgesHz();
        mel->binHz.assign(edges.begin() + 1, edges.end() - 1);
    }

    // As the classifier's semitone input (ClassifierFeatureSettings::forKind(Pitch)), in dB.
    FeatureParams pitch = params;
    pitch.scale = BandScale::Semitone;
    pitch.nFft = 4096;
    pitch.hop = 1024;
    auto semitones = std::make_shared<SpectrogramData>();
    semitones->matrix = Features::logMel(samples.data(), qsizetype(samples.size()), pitch);
    semitones->secondsPerFrame = double(pitch.hop) / pitch.sampleRate;
    semitones->low = -80.0f;
    semitones->high = 0.0f;
    semitones->kind = QStringLiteral("semitone bands (dB), %1 to %2").arg(pitchName(pitch.lowNote), pitchName(pitch.highNote));
    for (int n = pitch.lowNote; n <= pitch.highNote; ++n)
        semitones->binHz.push_back(MelFilterbank::noteToHz(n));

    auto mfcc = std::make_shared<SpectrogramData>();
    mfcc->matrix = Features::mfcc(samples.data(), qsizetype(samples.size()), params);
    mfcc->secondsPerFrame = secondsPerFrame;
    if (!mfcc->matrix.data.empty()) {
        // Coefficients are not dB: colour between robust bounds of the values present.
        std::vector<float> sorted = mfcc->matrix.data;
        std::nth_element(sorted.begin(), sorted.begin() + sorted.size() / 50, sorted.end());
        mfcc->low = sorted[sorted.size() / 50];
        std::nth_element(sorted.begin(), sorted.begin() + sorted.size() * 49 / 50, sorted.end());
        mfcc->high = sorted[sorted.size() * 49 / 50];
    }
    mfcc->kind = QStringLiteral("MFCC, %1 coefficients").arg(mfcc->matrix.bins);
    mfcc->unit.clear();
    out.mel = mel;
    out.mfcc = mfcc;
    out.semitones = semitones;
    return out;
}

}  // namespace aichopin
