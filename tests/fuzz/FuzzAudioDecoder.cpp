// libFuzzer target for the audio decoding front (AudioDecoder over FFmpeg): any file must decode
// or give an error, never a crash, hang or sanitizer report. FFmpeg itself is not instrumented
// (OSS-Fuzz fuzzes it), so coverage guides through our code: probing, option handling,
// resampling, trimming and the block delivery. Build with clang (see tests/fuzz/README.md).

#include "FuzzEntryPoints.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return aichopin::fuzz::audioDecoder(QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size)));
}
