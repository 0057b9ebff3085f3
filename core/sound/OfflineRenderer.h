#pragma once
// Offline rendering of notes through FluidSynth, much faster than real time: to a WAV file
// (stereo, 16-bit PCM or float) or to float samples in memory (mono or stereo, any sample rate
// FluidSynth supports). Output never clips: the peak is normalised (or only limited) to
// peakDb, and a tail lets the last notes and the reverb ring out.
//
// One renderer keeps its soundfont loaded, so rendering many pieces (the classifier's training
// set) pays the load once. Blocking; one thread at a time per renderer; use one renderer per
// worker thread to render in parallel.

#include "common/CancelToken.h"
#include "common/Progress.h"
#include "common/Result.h"
#include "midi/NoteSequence.h"
#include "sound/SynthOptions.h"
#include "sound/WavWriter.h"

#include <QString>

#include <memory>
#include <vector>

namespace aichopin {

class SynthEngine;

struct RenderOptions {
    SynthOptions synth;
    double tailSeconds = 2.0;     // rendered after the last event, 0..60
    bool normalize = true;        // scale so the peak is exactly peakDb; off: scale down only if above it
    double peakDb = -1.0;         // dBFS, <= 0
    WavFormat format = WavFormat::Pcm16;  // for WAV output
    double maxSeconds = 3 * 3600.0;  // longer pieces (usually a broken file) are refused
};

struct RenderStats {
    double musicSeconds = 0.0;    // end of the last note or pedal event
    double audioSeconds = 0.0;    // musicSeconds + tail
    qint64 frames = 0;
    int sampleRate = 0;
    double rawPeak = 0.0;         // peak amplitude before the output gain
    double outputGain = 1.0;      // what the samples were multiplied by
    double elapsedSeconds = 0.0;  // wall time of the render
    double realtimeFactor() const { return elapsedSeconds > 0 ? audioSeconds / elapsedSeconds : 0.0; }
};

class OfflineRenderer {
public:
    // Loads the soundfont. Errors: none installed (naming the package to install), bad options.
    static Result<std::unique_ptr<OfflineRenderer>> create(const RenderOptions &options = {});
    ~OfflineRenderer();

    const RenderOptions &options() const;
    QString soundfont() const;  // the file actually loaded

    // Stereo WAV at options().synth.sampleRate, written atomically. Cancelling leaves no file.
    Result<RenderStats> renderToWav(const NoteSequence &sequence, const QString &wavPath,
                                    const ProgressSink &progress = {}, const CancelToken *cancel = nullptr);
    // Reads a MIDI file (pedal kept as CC64 events) and renders it to WAV.
    Result<RenderStats> renderFileToWav(const QString &midiPath, const QString &wavPath,
                                        const ProgressSink &progress = {}, const CancelToken *cancel = nullptr);
    // In memory: channels 1 (mono, the mean of left and right) or 2 (interleaved). Refused
    // when the result would pass 2 GiB (render such pieces to WAV instead).
    Result<std::vector<float>> renderSamples(const NoteSequence &sequence, int channels = 1,
                                             const ProgressSink &progress = {}, const CancelToken *cancel = nullptr,
                                             RenderStats *stats = nullptr);

    // One-shot mono render for callers that render once (loads the soundfont each call).
    static Result<std::vector<float>> renderMono(const NoteSequence &sequence, const RenderOptions &options,
                                                 const ProgressSink &progress = {}, const CancelToken *cancel = nullptr);

private:
    OfflineRenderer();
    struct Impl;
    std::unique_ptr<Impl> d;
};

}  // namespace aichopin
