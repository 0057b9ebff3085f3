#pragma once
// Which devices LibTorch can train on here, for choosers in the GUI and CLI. Header without
// LibTorch. Any thread.

#include <QString>

namespace aichopin {

class ComputeDevice {
public:
    // False with Debian's CPU-only LibTorch or without a GPU.
    static bool cudaAvailable();
    static int cudaDeviceCount();
    // "CPU (2 threads)" or "CUDA (1 device) and CPU".
    static QString describe();
};

}  // namespace aichopin
