// libFuzzer target for the model-file loaders (ComposerModel::load, ClassifierModel::load): any
// file must load or give an error, never a crash, abort or sanitizer report. LibTorch is not
// instrumented, so coverage comes from our validation in front of it and the header parsing
// after it. Build with clang (see tests/fuzz/README.md).

#include "FuzzEntryPoints.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return aichopin::fuzz::modelLoader(QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size)));
}
