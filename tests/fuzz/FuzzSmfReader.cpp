// libFuzzer target for the MIDI reader: any bytes must give a result or an error, never a
// crash, hang or sanitizer report. Build with clang (see tests/fuzz/README.md).

#include "FuzzEntryPoints.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return aichopin::fuzz::smfReader(QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size)));
}
