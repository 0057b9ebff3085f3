#include "spectrogram/SpectrogramTileRenderer.h"

#include "listen/SpectrogramImage.h"

#include <algorithm>
#include <cmath>

namespace aichopin {

SpectrogramTileRenderer::SpectrogramTileRenderer(QObject *parent) : QThread(parent)
{
    qRegisterMetaType<aichopin::TileKey>();
    start(QThread::LowPriority);
}

SpectrogramTileRenderer::~SpectrogramTileRenderer()
{
    {
        QMutexLocker lock(&m_mutex);
        m_quit = true;
        m_pending.clear();
        m_wake.wakeOne();
    }
    wait();
}

void SpectrogramTileRenderer::request(SpectrogramDataPtr data, const std::vector<TileKey> &tiles)
{
    QMutexLocker lock(&m_mutex);
    m_data = std::move(data);
    m_pending = tiles;
    std::reverse(m_pending.begin(), m_pending.end());  // taken from the back: first asked, first done
    m_wake.wakeOne();
}

QImage SpectrogramTileRenderer::renderTile(const SpectrogramData &data, const TileKey &key)
{
    const FeatureMatrix &m = data.matrix;
    QImage image(kTileWidth, std::max(1, m.bins), QImage::Format_RGB32);
    image.fill(QColor(0, 0, 0));
    if (m.isEmpty())
        return image;
    const double pps = key.zoom / 1000.0;
    const double framesPerPixel = 1.0 / (pps * data.secondsPerFrame);
    const float range = std::max(1e-6f, data.high - data.low);
    std::vector<float> column(size_t(m.bins));
    for (int x = 0; x < kTileWidth; ++x) {
        const double f0 = (double(key.index) * kTileWidth + x) * framesPerPixel;
        const int first = int(std::floor(f0));
        const int last = std::max(first + 1, int(std::floor(f0 + framesPerPixel)));
        if (first >= m.frames)
            break;
        std::fill(column.begin(), column.end(), -1e30f);
        for (int f = std::max(0, first); f < std::min(last, m.frames); ++f) {
            const float *row = m.row(f);
            for (int b = 0; b < m.bins; ++b)
                column[size_t(b)] = std::max(column[size_t(b)], row[b]);
        }
        for (int b = 0; b < m.bins; ++b) {
            const float t = (column[size_t(b)] - data.low) / range;
            image.setPixel(x, m.bins - 1 - b, SpectrogramRenderer::color(ColorMap::Magma, t));
        }
    }
    return image;
}

void SpectrogramTileRenderer::run()
{
    for (;;) {
        TileKey key;
        SpectrogramDataPtr data;
        {
            QMutexLocker lock(&m_mutex);
            while (!m_quit && m_pending.empty())
                m_wake.wait(&m_mutex);
            if (m_quit)
                return;
            key = m_pending.back();
            m_pending.pop_back();
            data = m_data;
        }
        if (!data)
            continue;
        const QImage image = renderTile(*data, key);
        m_rendered.fetchAndAddRelaxed(1);
        Q_EMIT tileReady(key, image);
    }
}

}  // namespace aichopin
