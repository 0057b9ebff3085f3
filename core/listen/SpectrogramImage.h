#pragma once
// A spectrogram (or any FeatureMatrix) as a picture in plain data, so core stays free of QtGui:
// the GUI wraps `argb` in a QImage (Format_ARGB32, bytesPerLine = 4 * width), the CLI writes
// it with PngWriter. Time runs left to right, bin 0 (low frequencies) is the bottom row.
// Pure functions: any thread.

#include "listen/FeatureMatrix.h"

#include <QtGlobal>

#include <vector>

namespace aichopin {

enum class ColorMap { Magma, Viridis, Gray };

struct SpectrogramImage {
    int width = 0;
    int height = 0;
    std::vector<quint32> argb;  // row-major from the top row, 0xAARRGGBB
    quint32 pixel(int x, int y) const { return argb[size_t(y) * size_t(width) + size_t(x)]; }
};

struct SpectrogramRenderOptions {
    float minDb = -80.0f;      // values at or below map to the colour map's start
    float maxDb = 0.0f;        // values at or above map to its end
    ColorMap colorMap = ColorMap::Magma;
    int maxWidth = 0;          // > 0: frames are merged (max per column) so width <= maxWidth
};

class SpectrogramRenderer {
public:
    static SpectrogramImage render(const FeatureMatrix &db, const SpectrogramRenderOptions &options = {});
    // Colour of t in [0, 1] (clamped) as 0xFFRRGGBB.
    static quint32 color(ColorMap map, float t);
};

}  // namespace aichopin
