#include "common/HeapRetention.h"

#include <mutex>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace aichopin {

namespace {
std::mutex g_mutex;
int g_holders = 0;
bool g_applied = false;

#if defined(__GLIBC__)
// glibc's own defaults (malloc(3), mallopt(3)).
constexpr int kDefaultMmapMax = 65536;
constexpr int kDefaultTrimThreshold = 128 * 1024;
#endif
}  // namespace

HeapRetention::HeapRetention()
{
    std::lock_guard<std::mutex> lock(g_mutex);
    if (g_holders++ > 0)
        return;
#if defined(__GLIBC__)
    // No mmap for large blocks (they come from the heap instead) and no trimming of the heap's
    // top: both calls return 1 on success.
    g_applied = mallopt(M_MMAP_MAX, 0) == 1 && mallopt(M_TRIM_THRESHOLD, 0x7fffffff) == 1;
#endif
}

HeapRetention::~HeapRetention()
{
    std::lock_guard<std::mutex> lock(g_mutex);
    if (--g_holders > 0)
        return;
#if defined(__GLIBC__)
    if (g_applied) {
        mallopt(M_MMAP_MAX, kDefaultMmapMax);
        mallopt(M_TRIM_THRESHOLD, kDefaultTrimThreshold);
        malloc_trim(0);
    }
#endif
    g_applied = false;
}

bool HeapRetention::useMainArenaOnly()
{
#if defined(__GLIBC__)
    return mallopt(M_ARENA_MAX, 1) == 1;
#else
    return false;
#endif
}

bool HeapRetention::active()
{
    std::lock_guard<std::mutex> lock(g_mutex);
    return g_holders > 0 && g_applied;
}

}  // namespace aichopin
