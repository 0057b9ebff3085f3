#include "sound/AlsaErrors_p.h"

#include <dlfcn.h>

#include <mutex>

namespace aichopin {

namespace {
// libasound's snd_lib_error_handler_t; declared here so we need not link libasound ourselves
// (FluidSynth and RtMidi already load it where ALSA is used).
void ignoreAlsaError(const char *, int, const char *, int, const char *, ...) {}
using SetHandler = int (*)(void (*)(const char *, int, const char *, int, const char *, ...));
}  // namespace

void silenceAlsaLibErrors()
{
    static std::once_flag once;
    std::call_once(once, [] {
        if (auto set = reinterpret_cast<SetHandler>(dlsym(RTLD_DEFAULT, "snd_lib_error_set_handler")))
            set(ignoreAlsaError);
    });
}

}  // namespace aichopin
