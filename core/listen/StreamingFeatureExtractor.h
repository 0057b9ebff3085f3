#pragma once
// Push samples, get feature frames: STFT / mel frames of an arbitrarily long signal with memory
// bounded by one FFT window. Frames are exactly those of the batch functions in Features.h
// (librosa center=True with zero padding: n/2 zeros before the first sample and after the last;
// frame count 1 + samples / hop). One object per stream, one thread at a time.
//
// LogMel frames here are 10*log10(max(1e-10, mel power)), i.e. power_to_db with ref=1.0 and no
// top_db clip: librosa's ref=max and top_db need the whole file's maximum, which a stream does
// not know. Features::powerToDb gives the librosa result once all frames are in.

#include "listen/Stft.h"
#include "listen/MelFilterbank.h"

#include <QtGlobal>

#include <functional>
#include <memory>
#include <vector>

namespace aichopin {

enum class BandScale {
    Mel,        // librosa's Slaney mel bands (nMels, fmin, fmax)
    Semitone,   // one band per semitone, MIDI notes lowNote..highNote (MelFilterbank::semitones)
};

struct FeatureParams {
    int sampleRate = 22050;
    int nFft = 2048;
    int hop = 512;
    int nMels = 128;
    double fmin = 0.0;
    double fmax = -1.0;  // <= 0: sampleRate / 2
    int nMfcc = 20;
    BandScale scale = BandScale::Mel;  // the bands of MelPower / LogMel frames
    int lowNote = 24;
    int highNote = 119;
};

enum class FrameKind {
    Power,       // |STFT|^2, nFft/2+1 bins
    Magnitude,   // |STFT|, nFft/2+1 bins
    MelPower,    // filterbank of the power spectrum (params.scale): nMels mel bands (librosa
                 // melspectrogram) or highNote - lowNote + 1 semitone bands
    LogMel,      // 10*log10(max(1e-10, MelPower)) (ref 1.0, no top_db)
};

// Called once per frame, in order, on the pushing thread; the pointer is valid during the call.
using FrameSink = std::function<void(const float *frame, int bins)>;

class StreamingFeatureExtractor {
public:
    // Preconditions: params.nFft even >= 16, 0 < hop.
    StreamingFeatureExtractor(const FeatureParams &params, FrameKind kind);

    int frameBins() const;
    qint64 framesEmitted() const { return m_frames; }

    // Feeds samples; emits each frame as soon as its window is complete.
    void push(const float *samples, qsizetype count, const FrameSink &sink);
    // Pads the end with zeros and emits the last frames. Call once; reset() to start over.
    void finish(const FrameSink &sink);
    void reset();

private:
    void emitReady(const FrameSink &sink);

    FeatureParams m_params;
    FrameKind m_kind;
    Stft m_stft;
    std::unique_ptr<MelFilterbank> m_mel;
    std::vector<float> m_buffer;  // samples not yet consumed by a full hop (at most nFft + chunk)
    size_t m_readPos = 0;
    std::vector<float> m_spectrum;
    std::vector<float> m_out;
    qint64 m_frames = 0;
};

}  // namespace aichopin
