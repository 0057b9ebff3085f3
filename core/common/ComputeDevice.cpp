#include "common/ComputeDevice.h"
#include "common/TorchDevice.h"

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

Result<c10::Device> chooseTorchDevice(const QString &name)
{
    const bool cuda = torch::cuda::is_available();
    if (name.isEmpty() || name == QLatin1String("auto"))
        return c10::Device(cuda ? c10::kCUDA : c10::kCPU);
    if (name == QLatin1String("cpu"))
        return c10::Device(c10::kCPU);
    if (name == QLatin1String("cuda")) {
        if (!cuda)
            return Error{QStringLiteral("CUDA was asked for but this LibTorch build or machine has no CUDA device")};
        return c10::Device(c10::kCUDA);
    }
    return Error{QStringLiteral("unknown device '%1' (use auto, cpu or cuda)").arg(name)};
}

}  // namespace aichopin
