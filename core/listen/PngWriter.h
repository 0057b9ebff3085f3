#pragma once
// A minimal PNG encoder (8-bit RGBA, no filtering) for core, where QImage is not available.
// The zlib stream comes from qCompress; the chunk CRC32 is computed here. Any thread.

#include "common/Result.h"
#include "listen/SpectrogramImage.h"

#include <QByteArray>
#include <QString>

namespace aichopin {

class PngWriter {
public:
    // Precondition: argb.size() == width * height, width and height > 0.
    static QByteArray encode(int width, int height, const std::vector<quint32> &argb);
    static Status write(const QString &path, const SpectrogramImage &image);
    static quint32 crc32(const QByteArray &bytes);  // the PNG / zlib CRC-32
};

}  // namespace aichopin
