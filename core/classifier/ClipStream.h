#pragma once
// Audio samples in, normalised network clips out: streams samples through the log-mel (or
// MFCC) front end and cuts fixed-length clips every ClassifierFeatureSettings::hopFrames(), so
// classifying an hour of audio keeps only one clip of frames in memory (unless keepFrames).
// A signal shorter than one clip gives one clip of its own length, prepared on its own
// (ClassifierModel hears it repeated up to a clip's length, never padded with a constant, which
// the network never heard in training and called every excerpt under 10 s "Other"). A tail
// longer than a quarter clip after the last full clip gives one more clip aligned to the end.
// With trimSilence (what classifying a recording uses), clips hear only the music: silence
// before the first sound and after the last is not cut into clips (the end-aligned clip ends
// where the sound ends), and a silence of a clip's length or more ends a passage, so no clip is
// all silence. A passage shorter than a clip is one short clip when it lasts half a clip or more,
// or when it ends the only passage; shorter passages are not judged (sound in such passages alone
// gives no clip). Silence: no band as
// loud as a -60 dBFS sine's (room hiss below about -45 dBFS counts as silence). For semitone
// bands, sound must also be notes: a loud frame counts only in a run of kTonalRun frames whose
// bands peak over their neighbours (isTonal), so applause, audience noise and hiss around a
// live recording are trimmed like silence (the network heard plain noise as Chopin, P 1.00),
// and a recording of noise alone gives no clip. Training and evaluation windows are cut without trimming, as before.
// One object per stream, one thread at a time. No LibTorch.
#include "classifier/ClassifierTypes.h"
#include "listen/LevelMeter.h"

#include <QtGlobal>
#include <functional>
#include <memory>
#include <vector>

namespace aichopin {

class StreamingFeatureExtractor;

class ClipStream {
public:
    // clip: frames x bins values, row-major [frame][bin], standardised (mean 0, std 1); frames is
    // clipFrames() except for a signal or passage shorter than a clip (see above).
    // startFrame: first frame of the clip in the stream. The pointer is valid during the call.
    using ClipSink = std::function<void(const float *clip, qint64 startFrame, int frames)>;

    ClipStream(const ClassifierFeatureSettings &settings, bool keepFrames = false, bool trimSilence = false);
    ~ClipStream();

    void push(const float *samples, qsizetype count, const ClipSink &sink);
    // Flushes the last frames and clips. Call once.
    void finish(const ClipSink &sink);

    qint64 frameCount() const { return m_total; }
    // All frames pushed (before normalisation), when keepFrames; else empty.
    const std::vector<float> &keptFrames() const { return m_kept; }

    // Standardises n values in place (a constant input becomes zeros).
    static void normalise(float *values, qsizetype n);
    // Removes the first `terms` cosine terms (over the band axis) of the frames' mean band levels
    // from every frame of frames x bins values, in place. terms <= 0: nothing.
    static void flatten(float *values, int frames, int bins, int terms);
    // A band-limited recording (a telephone, an old disc, a file sampled at 8 or 11 kHz) leaves
    // the top semitone bands at the front end's floor, which the network never heard in training:
    // such a recording at 11,025 Hz was called Other every time (classifier card, "Band-limited
    // recordings"). For semitone bands, when the clip's top band is dead, the bands above the
    // edge of the recording's range are filled from the bands whole octaves below, continuing the
    // edge's level down the slope of a full-range piano's top octave. Dead: the top band's mean
    // is at the front end's floor, or kDeadGapDb or more under the clip's loudest band on a flat
    // floor: it and the kFlatTopBands - 1 bands under it within kFlatTopDb of each other, or the
    // top 2 * kFlatTopBands within kFlatWideTopDb (a resampled recording's empty top follows the
    // music's level). Frames x bins log-band values before prepare(), in place; true when it
    // filled. Other features: nothing.
    static bool restoreTop(float *values, int frames, const ClassifierFeatureSettings &settings);
    // A band at or under this level (dB) holds nothing: within 15 dB of the front end's floor,
    // 10 log10 of 1e-10 (isTonal leaves such bands out; restoreTop fills them).
    static constexpr float kDeadBandDb = -100.0f + 15.0f;
    static constexpr int kFlatTopBands = 3;
    static constexpr double kFlatTopDb = 3.0;
    static constexpr double kFlatWideTopDb = 8.0;
    static constexpr double kDeadGapDb = 55.0;
    // Filled only when the kCutBands bands ending at the first dead one fall by kCutFallDb or
    // more: a filter's cut. Measured on the clips that reach this test: the renderings of 134
    // recordings at 8,000 or 11,025 Hz fell 33 dB or more in 99 % of their clips (median 67),
    // MuseScore's full-range piano, whose top octave fades into the floor, at most 30 (median 21).
    static constexpr int kCutBands = 6;
    static constexpr double kCutFallDb = 32.0;
    // Every recording (a file classified, or an audio file of a dataset) is heard with its loud
    // passages (LevelMeter::loudLevelDb) at kHeardLoudLevelDb, whatever level it was recorded or
    // mastered at: the front end's floor, the silence level and restoreTop's dead level are
    // levels in dBFS, so the same music 20 dB quieter was heard differently (on the unheard
    // MuseScore soundfont, P(Chopin) of nearly every piece rose as the level fell; classifier
    // card, "Heard at one level"). -8 dBFS is where renderings peak-normalised to -1 dBFS have
    // them (medians -9 and -7 dBFS on the 67 held-out pieces through FluidR3_GM and MuseScore):
    // such recordings, and most mastered ones, are heard within a few dB of their own level.
    // A recording is raised by at most kMostLevelGainDb (a file whose loudest sample is under
    // -80 dBFS is refused as silent before). The gain that does it for what the meter measured
    // (1 for nothing measured):
    static float levelGain(const LevelMeter &meter);
    static constexpr double kHeardLoudLevelDb = -8.0;
    static constexpr double kMostLevelGainDb = 80.0;
    // Classifying: every clip gets restoreTop() before prepare() (training windows do not).
    void setRestoreTop(bool on) { m_restoreTop = on; }
    // Clips emitted so far whose top bands restoreTop() filled.
    int restoredClips() const { return m_restoredClips; }
    // What every clip gets before the network: flatten (when the settings ask) and normalise.
    // frames: the clip's length (0: clipFrames()).
    static void prepare(float *clip, const ClassifierFeatureSettings &settings, int frames = 0);
    // A short clip (frames x bins) heard over and over up to length frames, as the network hears
    // it (see above).
    static std::vector<float> repeated(const float *clip, int frames, int bins, int length);
    // Convenience: every clip of a whole signal, concatenated (each frames x bins; frames is
    // clipFrames() but for a short clip, whose length frameCounts gives).
    static std::vector<float> clipsOf(const ClassifierFeatureSettings &settings, const float *samples, qsizetype n,
                                      std::vector<qint64> *startFrames = nullptr, bool trimSilence = false,
                                      std::vector<int> *frameCounts = nullptr);
    // The level (in the front end's log-band dB) below which a frame counts as silence when
    // trimming: the loudest band of a 440 Hz sine at -60 dBFS under these settings.
    static float silenceLevel(const ClassifierFeatureSettings &settings);
    // A frame of semitone-band levels (dB) with notes in it rather than noise: the mean of its
    // eight highest bands over the median of the seven bands around each is kTonalContrast dB or
    // more. Measured on twelve pieces rendered whole through four chains (two soundfonts, a phone
    // chain, a room and a hall: 222,000 frames within 45 dB of each file's loudest) and on white,
    // pink and brown noise, hiss and synthetic applause: a run of three such frames held 99.9 %
    // of the music's frames and none of the noise's (classifier card, "Applause and noise").
    static bool isTonal(const float *frame, int bins);
    // Whether trimming with these settings also leaves out sound without notes (semitone bands).
    static bool trimsNoise(const ClassifierFeatureSettings &settings) { return settings.kind == ClassifierFeatureKind::Pitch; }
    static constexpr float kTonalContrast = 5.0f;
    static constexpr int kTonalRun = 3;

private:
    void onFrame(const float *frame, int bins, const ClipSink &sink);
    void emitClip(qint64 start, const ClipSink &sink, int frames = 0);  // frames 0: a whole clip
    void emitReady(const ClipSink &sink);
    // Ends the current passage: the clips waiting in its trailing silence are dropped and the
    // last one is aligned to the end of its sound. atEnd: the stream is finishing.
    void endPassage(const ClipSink &sink, bool atEnd);
    void keepWindowFrom(qint64 frame);

    ClassifierFeatureSettings m_settings;
    std::unique_ptr<StreamingFeatureExtractor> m_extractor;
    std::vector<float> m_dct;     // nMfcc x nMels orthonormal DCT-II, for MFCC
    std::vector<float> m_window;  // frames m_windowStart .. m_total-1
    qint64 m_windowStart = 0;
    qint64 m_total = 0;
    qint64 m_samples = 0;
    qint64 m_nextClip = 0;
    qint64 m_lastClipEnd = 0;
    int m_clipsEmitted = 0;
    int m_restoredClips = 0;
    bool m_keep = false;
    bool m_trim = false;
    bool m_restoreTop = false;
    float m_silence = 0.0f;       // silenceLevel(), when trimming
    bool m_tonalGate = false;     // trimming semitone bands: sound must be notes
    int m_tonalRun = 0;           // tonal frames in a row so far
    qint64 m_loudFrames = 0;      // frames above the silence level (with the tonal gate)
    qint64 m_passageStart = -1;   // first sounding frame of the passage; -1: waiting for sound
    qint64 m_lastSound = -1;      // last sounding frame
    int m_passageClips = 0;
    std::vector<float> m_kept;
    std::vector<float> m_clip;
    std::vector<float> m_frame;
};

}  // namespace aichopin
