#include "spectrogram/SpectrogramView.h"

#include "common/Numbers.h"
#include "common/SceneColors.h"
#include "common/TimeAxis.h"
#include "midi/Note.h"

#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>

#include <cmath>

namespace aichopin {

namespace {
constexpr int kScrollUnitsPerSecond = 100;
constexpr int kMaxCachedTiles = 600;
constexpr double kMinPps = 0.2;
constexpr double kMaxPps = 800.0;
}  // namespace

SpectrogramView::SpectrogramView(QWidget *parent) : QAbstractScrollArea(parent), m_renderer(new SpectrogramTileRenderer(this))
{
    setFocusPolicy(Qt::StrongFocus);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    setToolTip(tr("Spectrogram: Ctrl+wheel zooms, wheel scrolls, click to play from there"));
    viewport()->setMouseTracking(true);  // the readout follows the pointer
    connect(m_renderer, &SpectrogramTileRenderer::tileReady, this, [this](const TileKey &key, const QImage &image) {
        if (key.generation != m_generation)
            return;
        if (m_cache.size() > kMaxCachedTiles) {
            // Keep the tiles of the current zoom; drop the rest.
            for (auto it = m_cache.begin(); it != m_cache.end();)
                it = it.key().zoom != zoomKey() ? m_cache.erase(it) : std::next(it);
        }
        m_cache.insert(key, image);
        viewport()->update();
    });
}

void SpectrogramView::setData(SpectrogramDataPtr data)
{
    m_data = std::move(data);
    ++m_generation;
    m_cache.clear();
    m_readout.clear();  // it spoke of the old data; the next pointer move fills it again
    m_overlay.clear();
    m_playhead = -1;
    fit();
}

void SpectrogramView::setOverlay(std::vector<float> weights, double secondsPerStep)
{
    m_overlay = std::move(weights);
    m_overlayStep = secondsPerStep > 0 ? secondsPerStep : 1.0;
    viewport()->update();
}

void SpectrogramView::setOverlayVisible(bool visible)
{
    m_overlayVisible = visible;
    viewport()->update();
}

double SpectrogramView::visibleSeconds() const { return viewport()->width() / m_pps; }

void SpectrogramView::updateScrollBar()
{
    const double duration = m_data ? m_data->duration() : 0.0;
    QScrollBar *h = horizontalScrollBar();
    h->blockSignals(true);
    h->setRange(0, std::max(0, int(std::ceil((duration - visibleSeconds()) * kScrollUnitsPerSecond))));
    h->setPageStep(std::max(1, int(visibleSeconds() * kScrollUnitsPerSecond)));
    h->setSingleStep(std::max(1, h->pageStep() / 10));
    m_start = std::clamp(m_start, 0.0, h->maximum() / double(kScrollUnitsPerSecond));
    h->setValue(int(std::lround(m_start * kScrollUnitsPerSecond)));
    h->blockSignals(false);
}

void SpectrogramView::scrollContentsBy(int, int)
{
    m_start = horizontalScrollBar()->value() / double(kScrollUnitsPerSecond);
    if (m_start > 0)
        m_fitted = false;
    requestVisibleTiles();
    viewport()->update();
    Q_EMIT viewChanged(m_start, visibleSeconds());
}

void SpectrogramView::setPixelsPerSecond(double pps, double anchorSeconds)
{
    pps = std::clamp(pps, kMinPps, kMaxPps);
    m_fitted = false;
    if (anchorSeconds < 0)
        anchorSeconds = m_start + visibleSeconds() / 2;
    const double anchorX = (anchorSeconds - m_start) * m_pps;
    m_pps = pps;
    m_start = std::max(0.0, anchorSeconds - anchorX / m_pps);
    updateScrollBar();
    requestVisibleTiles();
    viewport()->update();
    Q_EMIT viewChanged(m_start, visibleSeconds());
}

void SpectrogramView::scrollToTime(double seconds)
{
    horizontalScrollBar()->setValue(int(std::lround(seconds * kScrollUnitsPerSecond)));
}

void SpectrogramView::fit()
{
    const double duration = m_data ? std::max(1.0, m_data->duration()) : 10.0;
    m_start = 0;
    setPixelsPerSecond(std::max(1, viewport()->width()) / duration);
    m_fitted = true;
}

void SpectrogramView::setPlayhead(double seconds)
{
    m_playhead = seconds;
    if (seconds >= 0 && (seconds < m_start || seconds > m_start + visibleSeconds() * 0.95))
        scrollToTime(std::max(0.0, seconds - visibleSeconds() * 0.05));
    viewport()->update();
}

void SpectrogramView::requestVisibleTiles()
{
    if (!m_data)
        return;
    const int first = int(std::floor(m_start * m_pps / SpectrogramTileRenderer::kTileWidth));
    const int last = int(std::floor((m_start + visibleSeconds()) * m_pps / SpectrogramTileRenderer::kTileWidth));
    const int maxIndex = int(std::ceil(m_data->duration() * m_pps / SpectrogramTileRenderer::kTileWidth));
    std::vector<TileKey> wanted;
    // The visible tiles first, then one on each side for the next scroll.
    for (int i = first; i <= std::min(last, maxIndex); ++i)
        if (!m_cache.contains(TileKey{m_generation, zoomKey(), i}))
            wanted.push_back(TileKey{m_generation, zoomKey(), i});
    for (int i : {first - 1, last + 1})
        if (i >= 0 && i <= maxIndex && !m_cache.contains(TileKey{m_generation, zoomKey(), i}))
            wanted.push_back(TileKey{m_generation, zoomKey(), i});
    m_renderer->request(m_data, wanted);
}

const QImage *SpectrogramView::bestTile(int index, double *tileStart, double *tileSeconds) const
{
    const double seconds = SpectrogramTileRenderer::kTileWidth / m_pps;
    auto it = m_cache.constFind(TileKey{m_generation, zoomKey(), index});
    if (it != m_cache.constEnd()) {
        *tileStart = index * seconds;
        *tileSeconds = seconds;
        return &it.value();
    }
    return nullptr;
}

void SpectrogramView::paintEvent(QPaintEvent *)
{
    QPainter p(viewport());
    m_exactTiles = m_missingTiles = 0;
    if (!m_data) {
        // Empty, the view follows the desktop's light or dark palette; the spectrogram itself is
        // an image on a dark colour map, with its ruler drawn dark to match.
        const SceneColors colors = SceneColors::forPalette(palette());
        p.fillRect(viewport()->rect(), colors.background);
        p.setPen(colors.placeholderText);
        p.drawText(viewport()->rect(), Qt::AlignCenter, tr("No spectrogram yet"));
        return;
    }
    p.fillRect(viewport()->rect(), QColor(0x10, 0x10, 0x14));
    const int h = viewport()->height();
    const double end = std::min(m_data->duration(), m_start + visibleSeconds());
    const int first = int(std::floor(m_start * m_pps / SpectrogramTileRenderer::kTileWidth));
    const int last = int(std::floor(end * m_pps / SpectrogramTileRenderer::kTileWidth));
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    for (int i = first; i <= last; ++i) {
        double tileStart = 0, tileSeconds = 0;
        if (const QImage *tile = bestTile(i, &tileStart, &tileSeconds)) {
            ++m_exactTiles;
            const QRectF target((tileStart - m_start) * m_pps, 0, tileSeconds * m_pps, h);
            p.drawImage(target, *tile);
            continue;
        }
        ++m_missingTiles;
        // Meanwhile: any cached tile of another zoom that covers this span, stretched.
        const double from = i * SpectrogramTileRenderer::kTileWidth / m_pps;
        const double to = (i + 1) * SpectrogramTileRenderer::kTileWidth / m_pps;
        for (auto it = m_cache.constBegin(); it != m_cache.constEnd(); ++it) {
            if (it.key().generation != m_generation)
                continue;
            const double pps = it.key().zoom / 1000.0;
            const double s0 = it.key().index * SpectrogramTileRenderer::kTileWidth / pps;
            const double s1 = s0 + SpectrogramTileRenderer::kTileWidth / pps;
            if (s1 <= from || s0 >= to)
                continue;
            const double a = std::max(s0, from), b = std::min(s1, to);
            const QRectF source((a - s0) * pps, 0, (b - a) * pps, it.value().height());
            const QRectF target((a - m_start) * m_pps, 0, (b - a) * m_pps, h);
            p.drawImage(target, it.value(), source);
        }
    }
    if (m_overlayVisible && !m_overlay.empty()) {
        for (size_t k = 0; k < m_overlay.size(); ++k) {
            const double t0 = k * m_overlayStep, t1 = t0 + m_overlayStep;
            if (t1 < m_start || t0 > end)
                continue;
            const int alpha = int(std::clamp(m_overlay[k], 0.0f, 1.0f) * 140);
            p.fillRect(QRectF((t0 - m_start) * m_pps, 0, m_overlayStep * m_pps, h), QColor(80, 200, 255, alpha));
        }
    }
    if (m_playhead >= 0) {
        const double x = (m_playhead - m_start) * m_pps;
        p.setPen(QPen(QColor(255, 255, 255), 2));
        p.drawLine(QPointF(x, 0), QPointF(x, h));
    }
    // Time ruler along the top, and what is shown.
    const double tick = timeaxis::step(m_pps);
    QFont font = p.font();
    font.setPixelSize(11);
    p.setFont(font);
    p.fillRect(QRectF(0, 0, viewport()->width(), 18), QColor(0, 0, 0, 150));
    p.setPen(QColor(220, 220, 220));
    for (double t = std::floor(m_start / tick) * tick; t <= m_start + visibleSeconds(); t += tick) {
        const double x = (t - m_start) * m_pps;
        if (x < 0)
            continue;
        p.drawLine(QPointF(x, 12), QPointF(x, 18));
        const QString label = timeaxis::label(t, tick);
        if (x + 3 + p.fontMetrics().horizontalAdvance(label) <= viewport()->width())  // whole, or not at all ("4:3")
            p.drawText(QPointF(x + 3, 12), label);
    }
    const QString what = m_data->kind + tr("  (low frequencies at the bottom)");
    const int w = p.fontMetrics().horizontalAdvance(what) + 12;
    p.fillRect(QRectF(viewport()->width() - w, 18, w, 16), QColor(0, 0, 0, 150));
    p.drawText(QRect(viewport()->width() - w + 6, 18, w, 16), Qt::AlignLeft | Qt::AlignVCenter, what);
    if (!m_readout.isEmpty()) {
        const int rw = p.fontMetrics().horizontalAdvance(m_readout) + 12;
        p.fillRect(QRectF(0, 18, rw, 16), QColor(0, 0, 0, 170));
        p.drawText(QRect(6, 18, rw, 16), Qt::AlignLeft | Qt::AlignVCenter, m_readout);
    }
}

QString SpectrogramView::readoutAt(QPointF pos) const
{
    if (!m_data || m_data->matrix.frames <= 0 || m_data->matrix.bins <= 0)
        return {};
    const int h = viewport()->height();
    const double t = m_start + pos.x() / m_pps;
    if (h <= 0 || t < 0 || t >= m_data->duration() || pos.y() < 0 || pos.y() >= h)
        return {};
    const FeatureMatrix &m = m_data->matrix;
    const int frame = std::clamp(int(t / m_data->secondsPerFrame), 0, m.frames - 1);
    const int bin = std::clamp(int((h - pos.y()) / h * m.bins), 0, m.bins - 1);  // bin 0 at the bottom
    QString where;
    if (size_t(bin) < m_data->binHz.size() && m_data->binHz[size_t(bin)] > 0) {
        const double hz = m_data->binHz[size_t(bin)];
        const int note = int(std::lround(69 + 12 * std::log2(hz / 440.0)));
        where = tr("%1 Hz (%2)").arg(hz, 0, 'f', hz < 100 ? 1 : 0).arg(pitchName(note));
    } else {
        where = tr("band %1 of %2").arg(bin + 1).arg(m.bins);
    }
    return QStringLiteral("%1  %2  %3 %4").arg(timeaxis::label(t, 0.1), where).arg(decimal(m.row(frame)[bin], 1)).arg(m_data->unit).trimmed();
}

void SpectrogramView::mouseMoveEvent(QMouseEvent *event)
{
    const QString r = readoutAt(event->position());
    if (r != m_readout) {
        m_readout = r;
        viewport()->update();
    }
    QAbstractScrollArea::mouseMoveEvent(event);
}

void SpectrogramView::leaveEvent(QEvent *event)
{
    if (!m_readout.isEmpty()) {
        m_readout.clear();
        viewport()->update();
    }
    QAbstractScrollArea::leaveEvent(event);
}

void SpectrogramView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    // A fitted view refits: also the first resize after being shown, which has no old size, so
    // the old width cannot tell whether the whole recording was in view (a recording selected
    // while the view was hidden used to stay at the hidden width's zoom).
    if (m_fitted && m_data) {
        fit();
        return;
    }
    updateScrollBar();
    requestVisibleTiles();
    Q_EMIT viewChanged(m_start, visibleSeconds());
}

void SpectrogramView::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (event->modifiers() & Qt::ControlModifier)
        setPixelsPerSecond(m_pps * std::pow(1.25, steps), m_start + event->position().x() / m_pps);
    else
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - int(steps * horizontalScrollBar()->pageStep() / 8));
    event->accept();
}

void SpectrogramView::keyPressEvent(QKeyEvent *event)
{
    QScrollBar *h = horizontalScrollBar();
    switch (event->key()) {
    case Qt::Key_Left: h->setValue(h->value() - h->pageStep() / 8); break;
    case Qt::Key_Right: h->setValue(h->value() + h->pageStep() / 8); break;
    case Qt::Key_Home: h->setValue(0); break;
    case Qt::Key_End: h->setValue(h->maximum()); break;
    case Qt::Key_Plus: case Qt::Key_Equal: setPixelsPerSecond(m_pps * 1.25); break;
    case Qt::Key_Minus: setPixelsPerSecond(m_pps / 1.25); break;
    case Qt::Key_0: fit(); break;
    default: QAbstractScrollArea::keyPressEvent(event); return;
    }
    event->accept();
}

void SpectrogramView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_data) {
        Q_EMIT seekRequested(std::clamp(m_start + event->position().x() / m_pps, 0.0, m_data->duration()));
        event->accept();
        return;
    }
    QAbstractScrollArea::mousePressEvent(event);
}

}  // namespace aichopin
