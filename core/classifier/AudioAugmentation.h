#pragma once
// Timbre augmentation of rendered or decoded audio (a synthetic room, gain, two-band shelving
// equalisation, pink-ish noise at a signal-to-noise ratio, a lossy MP3/AAC round trip) and of MIDI before
// rendering (velocity curve, tempo, transposition), with parameters drawn from a seeded
// generator so a clip's cache key can name them. Pure functions; any thread.
#include "classifier/RoomResponse.h"
#include "midi/NoteSequence.h"

#include <QString>
#include <random>
#include <vector>

namespace aichopin {

struct AugmentationParams {
    // MIDI
    double velocityGamma = 1.0;  // v' = 127 * (v/127)^gamma
    double tempoScale = 1.0;     // > 1 plays faster
    int transpose = 0;           // semitones
    int soundfont = 0;           // index into the soundfont list
    int effects = 0;             // 0 dry, 1 room reverb, 2 hall reverb + chorus
    // Audio
    double gainDb = 0;
    double lowShelfDb = 0;       // below ~300 Hz
    double highShelfDb = 0;      // above ~3 kHz
    double snrDb = 100;          // >= 100: no noise
    quint64 noiseSeed = 0;
    int lossyKbps = 0;           // > 0: MP3 (or AAC) encode/decode at this bit rate, last
    RoomParams room;             // active: heard in this room first (not drawn by draw(); see drawRoom)
    // > 0: nothing above this frequency (Hz) is left, as in a file sampled at twice it (8,000 Hz:
    // 4,000) and resampled for listening; after the noise, before the codec. Not drawn by draw();
    // see drawBandLimit.
    int bandLimitHz = 0;

    static AugmentationParams draw(std::mt19937_64 &rng, int soundfontCount);
    // With probability share, a room from RoomParams::draw; else none. From its own generator,
    // so adding rooms leaves every other field of a rendering as draw() made it.
    static RoomParams drawRoom(std::mt19937_64 &rng, double share);
    // With probability share, a band limit of a file sampled at 8,000, 11,025 or 16,000 Hz (4,000,
    // 5,512 or 8,000 Hz); else 0. From its own generator, like drawRoom.
    static int drawBandLimit(std::mt19937_64 &rng, double share);
    QString key() const;  // every field, for cache keys
};

class AudioAugmentation {
public:
    // The notes sounding in [from, from + seconds) (notes begun earlier start at 0, cut to
    // what is left), moved to start at 0, with velocity curve, tempo and transposition applied.
    static NoteSequence window(const NoteSequence &seq, double from, double seconds, const AugmentationParams &p);
    // In place: the room, equalisation, gain, then noise, then the band limit, then the lossy
    // round trip (as a recording is made, then sampled and compressed). Returns false, leaving the signal without the round trip, only
    // when the codec fails (LossyRoundTrip::codecName() empty: FFmpeg has no encoder).
    static bool apply(std::vector<float> &samples, int sampleRate, const AugmentationParams &p);
    // In place: a linear-phase low-pass (a windowed sinc, Blackman window, 511 taps) whose stop
    // band starts at cutoffHz, more than 70 dB down from there on. Delay-free: the output lines up
    // with the input. A cutoff at or above Nyquist leaves the signal as it is.
    static void lowPass(std::vector<float> &samples, int sampleRate, double cutoffHz);
};

}  // namespace aichopin
