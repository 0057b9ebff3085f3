#pragma once
// Private to core/sound: stops libasound printing its own lines ("ALSA lib confmisc.c: cannot
// find card '0'") to stderr when FluidSynth or RtMidi probe a machine without sound hardware;
// our errors already say what failed. Idempotent; any thread.

namespace aichopin {

void silenceAlsaLibErrors();

}  // namespace aichopin
