#include "common/ComputeDevice.h"

#include <torch/cuda.h>

#include <thread>

namespace aichopin {

bool ComputeDevice::cudaAvailable() { return torch::cuda::is_available(); }

int ComputeDevice::cudaDeviceCount() { return int(torch::cuda::device_count()); }

QString ComputeDevice::describe()
{
    const QString cpu = QStringLiteral("CPU (%1 cores)").arg(std::thread::hardware_concurrency());
    if (!cudaAvailable())
        return cpu;
    return QStringLiteral("CUDA (%1 device%2) and %3").arg(cudaDeviceCount()).arg(cudaDeviceCount() == 1 ? "" : "s", cpu);
}

}  // namespace aichopin
