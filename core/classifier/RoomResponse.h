#pragma once
// A synthetic room for training augmentation: an impulse response made of the direct sound,
// scattered early reflections and a diffuse tail whose treble dies away sooner than its bass (as
// air and walls absorb high frequencies), and its convolution with a signal. A rendered clip heard
// through it sounds as a piano recorded from a seat in a room or hall rather than close up.
// KissFFT stays in RoomResponse.cpp. Pure functions; any thread.
#include <QString>
#include <QtGlobal>
#include <random>
#include <vector>

namespace aichopin {

struct RoomParams {
    double rt60 = 0;              // seconds the tail takes to fall by 60 dB; 0: no room
    double directToReverbDb = 0;  // the direct sound's energy over the room's (negative: far back)
    quint64 seed = 0;             // of the reflections and the tail's noise

    bool active() const { return rt60 > 0; }
    // From small rooms to a large hall (RT60 0.3–2.6 s), from close up to far back (D/R −4 to
    // +10 dB).
    static RoomParams draw(std::mt19937_64 &rng);
    QString key() const;  // every field, for cache keys; empty when not active
    // How a listener names it: "none", or "2.2 s:0 dB" (RT60, then the D/R ratio).
    QString label() const;
    // The rooms a decision is calibrated in (seed 1): as rendered, a room (1.5 s, the direct
    // sound 6 dB over the room) and a seat well back in a hall (2.2 s, 0 dB).
    static std::vector<RoomParams> calibrationRooms();
};

class RoomResponse {
public:
    // The impulse response at sampleRate: 1 at sample 0, then the room (reflections and tail,
    // as long as the tail takes to fall 60 dB, at most 3 s) at the energy the D/R ratio sets.
    // Empty when the room is not active.
    static std::vector<float> impulse(const RoomParams &room, int sampleRate);
    // x convolved with h (by FFT), cut to x's length: what a recording of x's length made in the
    // room would hold (the tail after its end is not kept). x unchanged when h is empty.
    static std::vector<float> convolve(const std::vector<float> &x, const std::vector<float> &h);
};

}  // namespace aichopin
