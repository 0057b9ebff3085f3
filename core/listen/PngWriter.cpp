#include "listen/PngWriter.h"

#include <QSaveFile>

#include <array>

namespace aichopin {

namespace {
void putU32(QByteArray &out, quint32 v)
{
    out.append(char(v >> 24)).append(char(v >> 16)).append(char(v >> 8)).append(char(v));
}

void chunk(QByteArray &out, const char *type, const QByteArray &data)
{
    putU32(out, quint32(data.size()));
    QByteArray body(type, 4);
    body.append(data);
    out.append(body);
    putU32(out, PngWriter::crc32(body));
}
}  // namespace

quint32 PngWriter::crc32(const QByteArray &bytes)
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t{};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    quint32 c = 0xffffffffu;
    for (const char ch : bytes)
        c = table[(c ^ quint8(ch)) & 0xff] ^ (c >> 8);
    return c ^ 0xffffffffu;
}

QByteArray PngWriter::encode(int width, int height, const std::vector<quint32> &argb)
{
    QByteArray raw;
    raw.reserve(qsizetype(height) * (1 + 4 * qsizetype(width)));
    for (int y = 0; y < height; ++y) {
        raw.append(char(0));  // filter: none
        const quint32 *row = argb.data() + size_t(y) * size_t(width);
        for (int x = 0; x < width; ++x) {
            const quint32 p = row[x];
            raw.append(char(p >> 16)).append(char(p >> 8)).append(char(p)).append(char(p >> 24));
        }
    }
    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    QByteArray ihdr;
    putU32(ihdr, quint32(width));
    putU32(ihdr, quint32(height));
    ihdr.append(char(8)).append(char(6)).append(char(0)).append(char(0)).append(char(0));  // RGBA8
    chunk(png, "IHDR", ihdr);
    chunk(png, "IDAT", qCompress(raw, 6).mid(4));  // qCompress prefixes a 4-byte length
    chunk(png, "IEND", QByteArray());
    return png;
}

Status PngWriter::write(const QString &path, const SpectrogramImage &image)
{
    if (image.width <= 0 || image.height <= 0 || image.argb.size() != size_t(image.width) * size_t(image.height))
        return Error{QStringLiteral("Nothing to draw (empty spectrogram)")};
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return Error{QStringLiteral("Cannot write %1: %2").arg(path, f.errorString())};
    f.write(encode(image.width, image.height, image.argb));
    if (!f.commit())
        return Error{QStringLiteral("Cannot write %1: %2").arg(path, f.errorString())};
    return Ok{};
}

}  // namespace aichopin
