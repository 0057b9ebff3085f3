#pragma once
// The LibTorch device a user asked for by name ("auto" or empty, "cpu", "cuda"), for the
// composer and the classifier alike: "auto" takes CUDA when this build and machine have it.
// Implemented in ComputeDevice.cpp (which already includes LibTorch's CUDA header).

#include "common/Result.h"

#include <c10/core/Device.h>

#include <QString>

namespace aichopin {

Result<c10::Device> chooseTorchDevice(const QString &name);

}  // namespace aichopin
