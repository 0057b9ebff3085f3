#pragma once
// The one machine-readable line every benchmark prints next to its human-readable text:
//   RESULT <key> <value> <unit>
// bench_report runs the benchmarks, collects these lines and prints one table or JSON object.

#include <cstdio>

namespace aichopin::bench {

inline void result(const char *key, double value, const char *unit)
{
    std::fflush(stdout);
    std::printf("RESULT %s %.6g %s\n", key, value, unit);
    std::fflush(stdout);
}

}  // namespace aichopin::bench
