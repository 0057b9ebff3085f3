#pragma once

namespace aichopin {

// Keeps freed memory in the process for reuse while heavy tensor work runs.
//
// A training step or a batch of clips allocates and frees the same large buffers again and again
// (one activation of the classifier's first block is about 60 MB for a batch of 32 clips). glibc
// serves every block above its mmap threshold (at most 32 MiB) with mmap and gives it back with
// munmap when freed, so the next batch faults the same memory in again, page by page, in the
// kernel. On the 2-core build machine one epoch of the shipped classifier's training took 133 s
// that way (the run spent 122 s in the kernel), and 16 s with the memory kept (see the
// classifier's model card, "Speed").
//
// While at least one HeapRetention lives (in any thread), malloc serves large blocks from its heap
// and never trims it, so freed buffers are reused as they are. When the last one goes, large
// blocks are mmapped again and the heap's free memory is handed back to the system
// (malloc_trim), so the process does not keep a training run's peak for the rest of its life.
// Without glibc it does nothing.
//
// Threads: glibc gives a thread other than the main one an arena of its own, made of 64 MiB
// heaps, and maps a block that does not fit one fresh each time, whatever the settings above.
// Several large blocks at once rarely fit. Training the default preset on a worker thread (as the
// Training panel does) took 2.6 to 3.8 times as long per epoch as on the main thread, with 7 to
// 14 times the page faults (bench_classifier_train --own-arenas). The programs therefore call
// useMainArenaOnly() first thing in main(), so that every thread allocates from the main arena,
// which grows as one heap.
class HeapRetention {
public:
    HeapRetention();
    ~HeapRetention();
    HeapRetention(const HeapRetention &) = delete;
    HeapRetention &operator=(const HeapRetention &) = delete;

    // True while some HeapRetention lives and malloc has been told to keep memory.
    static bool active();

    // Every thread started afterwards allocates from the main arena (mallopt M_ARENA_MAX 1; small
    // blocks still come from each thread's own cache, without the arena's lock). Call it at the
    // start of main(), before any thread starts: a thread that has already allocated keeps its
    // arena. Returns false where it cannot be done (not glibc).
    static bool useMainArenaOnly();
};

}  // namespace aichopin
