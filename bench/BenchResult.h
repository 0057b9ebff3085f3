#pragma once
// The one machine-readable line every benchmark prints next to its human-readable text:
//   RESULT <key> <value> <unit>
// bench_report runs the benchmarks, collects these lines and prints one table or JSON object.

#include <cstdio>
#include <cstring>

namespace aichopin::bench {

inline void result(const char *key, double value, const char *unit)
{
    std::fflush(stdout);
    std::printf("RESULT %s %.6g %s\n", key, value, unit);
    std::fflush(stdout);
}

// True when argv holds --own-arenas: the benchmark then leaves each thread its own malloc arena
// (glibc's default) instead of calling HeapRetention::useMainArenaOnly() as the programs do.
// Scanned before QCoreApplication exists, because that must come first.
inline bool hasOwnArenasOption(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--own-arenas") == 0)
            return true;
    return false;
}

}  // namespace aichopin::bench
