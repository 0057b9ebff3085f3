#pragma once
// The one way long operations report progress: a callback the operation calls from its own
// thread. The CLI prints it as a bar; the GUI forwards it through a queued signal.

#include <QString>

#include <functional>

namespace aichopin {

struct ProgressInfo {
    double fraction = 0.0;  // 0..1, or negative when the total is unknown
    QString stage;          // short, human readable: "Decoding", "Epoch 3/20"
};

using ProgressSink = std::function<void(const ProgressInfo &)>;

inline void report(const ProgressSink &sink, double fraction, const QString &stage)
{
    if (sink)
        sink(ProgressInfo{fraction, stage});
}

}  // namespace aichopin
