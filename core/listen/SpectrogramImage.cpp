#include "listen/SpectrogramImage.h"

#include <algorithm>
#include <cmath>

namespace aichopin {

namespace {
// Ten evenly spaced stops of matplotlib's colour maps, linearly interpolated.
constexpr quint32 kMagma[10] = {0x000004, 0x180f3d, 0x440f76, 0x721f81, 0x9e2f7f,
                                0xcd4071, 0xf1605d, 0xfd9668, 0xfeca8d, 0xfcfdbf};
constexpr quint32 kViridis[10] = {0x440154, 0x482878, 0x3e4989, 0x31688e, 0x26828e,
                                  0x1f9e89, 0x35b779, 0x6ece58, 0xb5de2b, 0xfde725};
}  // namespace

quint32 SpectrogramRenderer::color(ColorMap map, float t)
{
    if (!(t >= 0.0f))
        t = 0.0f;  // also NaN
    t = std::min(t, 1.0f);
    if (map == ColorMap::Gray) {
        const quint32 g = quint32(std::lround(t * 255.0f));
        return 0xff000000u | (g << 16) | (g << 8) | g;
    }
    const quint32 *stops = map == ColorMap::Magma ? kMagma : kViridis;
    const float pos = t * 9.0f;
    const int i = std::min(8, int(pos));
    const float f = pos - float(i);
    quint32 out = 0xff000000u;
    for (int shift = 0; shift <= 16; shift += 8) {
        const float a = float((stops[i] >> shift) & 0xff), b = float((stops[i + 1] >> shift) & 0xff);
        out |= quint32(std::lround(a + (b - a) * f)) << shift;
    }
    return out;
}

SpectrogramImage SpectrogramRenderer::render(const FeatureMatrix &db, const SpectrogramRenderOptions &options)
{
    SpectrogramImage img;
    if (db.isEmpty())
        return img;
    const int group = options.maxWidth > 0 ? (db.frames + options.maxWidth - 1) / options.maxWidth : 1;
    img.width = (db.frames + group - 1) / group;
    img.height = db.bins;
    img.argb.resize(size_t(img.width) * size_t(img.height));
    const float range = std::max(1e-6f, options.maxDb - options.minDb);
    std::vector<float> column(size_t(db.bins));
    for (int x = 0; x < img.width; ++x) {
        std::fill(column.begin(), column.end(), -INFINITY);
        for (int f = x * group; f < std::min(db.frames, (x + 1) * group); ++f) {
            const float *r = db.row(f);
            for (int b = 0; b < db.bins; ++b)
                column[size_t(b)] = std::max(column[size_t(b)], r[b]);
        }
        for (int b = 0; b < db.bins; ++b) {
            const int y = img.height - 1 - b;
            img.argb[size_t(y) * size_t(img.width) + size_t(x)] =
                color(options.colorMap, (column[size_t(b)] - options.minDb) / range);
        }
    }
    return img;
}

}  // namespace aichopin
