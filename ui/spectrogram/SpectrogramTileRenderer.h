#pragma once
// Renders spectrogram tiles (256 pixels of time at a given zoom, every frequency bin) on its
// own thread. Requests coalesce: each request() replaces the tiles still waiting from the
// previous one, so scrolling or zooming quickly never builds a backlog (as Qt's Mandelbrot
// example's RenderThread). Finished tiles come back through the queued tileReady signal.

#include "spectrogram/SpectrogramData.h"

#include <QImage>
#include <QMutex>
#include <QThread>
#include <QWaitCondition>

#include <vector>

namespace aichopin {

struct TileKey {
    quint64 generation = 0;  // which SpectrogramData (changes when the data changes)
    int zoom = 0;            // pixels per second x 1000, rounded
    int index = 0;           // tile number from time 0
    bool operator==(const TileKey &o) const { return generation == o.generation && zoom == o.zoom && index == o.index; }
};

inline size_t qHash(const TileKey &k, size_t seed = 0)
{
    return ::qHash(k.generation, seed) ^ ::qHash(k.zoom, seed * 31 + 7) ^ ::qHash(k.index, seed * 131 + 3);
}

class SpectrogramTileRenderer : public QThread {
    Q_OBJECT
public:
    static constexpr int kTileWidth = 256;

    explicit SpectrogramTileRenderer(QObject *parent = nullptr);
    ~SpectrogramTileRenderer() override;

    // Any thread. Replaces what is still waiting with these tiles (rendered in order).
    void request(SpectrogramDataPtr data, const std::vector<TileKey> &tiles);
    // Renders one tile synchronously (the worker's code path; also for tests).
    static QImage renderTile(const SpectrogramData &data, const TileKey &key);
    int rendered() const { return m_rendered.loadRelaxed(); }

Q_SIGNALS:
    void tileReady(const aichopin::TileKey &key, const QImage &image);

protected:
    void run() override;

private:
    QMutex m_mutex;
    QWaitCondition m_wake;
    SpectrogramDataPtr m_data;
    std::vector<TileKey> m_pending;
    bool m_quit = false;
    QAtomicInt m_rendered;
};

}  // namespace aichopin

Q_DECLARE_METATYPE(aichopin::TileKey)
