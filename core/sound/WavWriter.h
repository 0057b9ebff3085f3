#pragma once
// Writes RIFF/WAVE files (16-bit PCM or 32-bit float) from float samples, streaming, and
// atomically: the file appears under its name only when commit() succeeds, so a failed or
// cancelled write leaves any old file intact. One thread at a time; blocking file I/O.

#include "common/Result.h"

#include <QString>

#include <memory>

namespace aichopin {

enum class WavFormat { Pcm16, Float32 };

class WavWriter {
public:
    WavWriter();
    ~WavWriter();  // without commit() the partial file is discarded
    WavWriter(const WavWriter &) = delete;
    WavWriter &operator=(const WavWriter &) = delete;

    // Preconditions: sampleRate in 1..768000, channels in 1..8.
    Status open(const QString &path, int sampleRate, int channels, WavFormat format = WavFormat::Pcm16);
    // Interleaved frames; samples outside [-1, 1] are clipped for Pcm16 and kept for Float32.
    Status write(const float *interleaved, qint64 frames);
    // Fixes the header sizes and renames the file into place.
    Status commit();

    qint64 framesWritten() const;

    // Convenience: the whole file in one call.
    static Status writeFile(const QString &path, const float *interleaved, qint64 frames, int sampleRate,
                            int channels, WavFormat format = WavFormat::Pcm16);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

}  // namespace aichopin
