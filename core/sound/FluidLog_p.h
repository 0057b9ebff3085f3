#pragma once
// FluidSynth reports errors through one global log function; ours keeps the latest message so
// our Errors can say what went wrong instead of FluidSynth printing to stderr. Shared by
// SynthEngine and AudioOutput (the log function is process-wide, so it is installed once).
#include <QString>

namespace aichopin {
void installFluidLogHandlers();  // idempotent, thread-safe
QString takeFluidError();        // the latest error or warning, cleared
}  // namespace aichopin
