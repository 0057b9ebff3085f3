#pragma once
// A zoomable, scrollable spectrogram: time to the right, low frequencies at the bottom. Tiles
// come from a SpectrogramTileRenderer thread and are cached; while a tile is missing the view
// shows the nearest zoom level it has, stretched, so zooming and scrolling stay smooth on a
// 20-minute recording. Ctrl+wheel zooms around the pointer, wheel scrolls, a click asks to
// seek. An optional overlay (one value 0..1 per frame) shows where a model listened. UI thread.

#include "spectrogram/SpectrogramData.h"
#include "spectrogram/SpectrogramTileRenderer.h"

#include <QAbstractScrollArea>
#include <QHash>

#include <vector>

namespace aichopin {

class SpectrogramView : public QAbstractScrollArea {
    Q_OBJECT
public:
    explicit SpectrogramView(QWidget *parent = nullptr);

    void setData(SpectrogramDataPtr data);
    SpectrogramDataPtr data() const { return m_data; }
    // Values 0..1 per time step of 'secondsPerStep' (e.g. per classifier clip or per frame).
    void setOverlay(std::vector<float> weights, double secondsPerStep);
    void setOverlayVisible(bool visible);
    bool overlayVisible() const { return m_overlayVisible; }

    double pixelsPerSecond() const { return m_pps; }
    void setPixelsPerSecond(double pps, double anchorSeconds = -1);
    double startSeconds() const { return m_start; }
    double visibleSeconds() const;
    void scrollToTime(double seconds);
    // Shows the whole recording. The view stays fitted, also through resizes and while it is
    // hidden, until the user zooms or scrolls.
    void fit();
    bool isFitted() const { return m_fitted; }
    void setPlayhead(double seconds);
    double playhead() const { return m_playhead; }  // negative: none

    // What is under a viewport position: time, frequency (and the nearest note) or band, and the
    // value there, e.g. "1:23.4  440 Hz (A4)  -23 dB". Empty outside the data. Shown at the top
    // left while the pointer is over the view.
    QString readoutAt(QPointF pos) const;
    QString readout() const { return m_readout; }

    // For tests and the benchmark: tiles drawn from the cache at the exact zoom in the last paint.
    int exactTilesLastPaint() const { return m_exactTiles; }
    int missingTilesLastPaint() const { return m_missingTiles; }
    SpectrogramTileRenderer *renderer() const { return m_renderer; }

Q_SIGNALS:
    void seekRequested(double seconds);
    void viewChanged(double startSeconds, double visibleSeconds);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    QSize sizeHint() const override { return {800, 260}; }

private:
    int zoomKey() const { return int(std::lround(m_pps * 1000)); }
    void updateScrollBar();
    void requestVisibleTiles();
    const QImage *bestTile(int index, double *tileStart, double *tileSeconds) const;

    SpectrogramTileRenderer *m_renderer;
    SpectrogramDataPtr m_data;
    quint64 m_generation = 0;
    QHash<TileKey, QImage> m_cache;
    double m_pps = 20.0;
    double m_start = 0.0;
    bool m_fitted = true;
    double m_playhead = -1.0;
    std::vector<float> m_overlay;
    double m_overlayStep = 1.0;
    bool m_overlayVisible = true;
    QString m_readout;
    int m_exactTiles = 0;
    int m_missingTiles = 0;
};

}  // namespace aichopin
