#pragma once
// A flag one thread raises and a long-running operation polls (every batch, every chunk).
// Thread-safe; cheap to poll.

#include <atomic>

namespace aichopin {

class CancelToken {
public:
    void cancel() { m_cancelled.store(true, std::memory_order_relaxed); }
    void reset() { m_cancelled.store(false, std::memory_order_relaxed); }
    bool isCancelled() const { return m_cancelled.load(std::memory_order_relaxed); }

private:
    std::atomic<bool> m_cancelled{false};
};

// Convenience for functions taking an optional token.
inline bool isCancelled(const CancelToken *token) { return token && token->isCancelled(); }

}  // namespace aichopin
