#pragma once

namespace aichopin {

// Keeps freed memory in the process for reuse while heavy tensor work runs.
//
// A training step or a batch of clips allocates and frees the same large buffers again and again
// (one activation of the classifier's first block is about 60 MB for a batch of 32 clips). glibc
// serves every block above its mmap threshold (at most 32 MiB) with mmap and gives it back with
// munmap when freed, so the next batch faults the same memory in again, page by page, in the
// kernel. On the 2-core build machine one epoch of the shipped classifier's training took 133 s
// that way (the run spent 122 s in the kernel), and 18 s with the memory kept (see the classifier's model
// card, "Speed").
//
// While at least one HeapRetention lives (in any thread), malloc serves large blocks from its heap
// and never trims it, so freed buffers are reused as they are. When the last one goes, large
// blocks are mmapped again and the heap's free memory is handed back to the system
// (malloc_trim), so the process does not keep a training run's peak for the rest of its life.
// Without glibc it does nothing. On a thread other than the main one, glibc still maps a block
// that does not fit in that thread's arena heap (64 MiB) fresh each time: there only blocks up to
// about 63 MiB are kept (the shipped classifier's largest are 60 MB; its training in the GUI runs
// on a worker thread, the command line's on the main one).
class HeapRetention {
public:
    HeapRetention();
    ~HeapRetention();
    HeapRetention(const HeapRetention &) = delete;
    HeapRetention &operator=(const HeapRetention &) = delete;

    // True while some HeapRetention lives and malloc has been told to keep memory.
    static bool active();
};

}  // namespace aichopin
