// libFuzzer target for the MIDI reader: any bytes must give a result or an error, never a
// crash, hang or sanitizer report. Build with clang (see tests/fuzz/CMakeLists.txt).

#include "midi/SmfReader.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    aichopin::MidiReadOptions options;
    options.applySustain = size % 2;
    const auto result = aichopin::SmfReader::parse(bytes, options);
    if (result.ok()) {
        // Touch the result so the optimiser keeps every path.
        volatile double d = result->duration();
        (void)d;
    }
    return 0;
}
