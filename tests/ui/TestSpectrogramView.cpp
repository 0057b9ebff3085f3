// The spectrogram view: tiles show the right bins, requests coalesce, the view fills in and
// zooms; the Spectrogram area opens recordings and MIDI files and reports bad ones.

#include "spectrogram/SpectrogramPanel.h"
#include "spectrogram/SpectrogramView.h"
#include "midi/SmfWriter.h"
#include "support/TestAudio.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace aichopin;

namespace {
// 10 s at 10 frames a second, 8 bins; bin 5 loud, the rest silent.
SpectrogramDataPtr stripe()
{
    auto d = std::make_shared<SpectrogramData>();
    d->matrix = FeatureMatrix(100, 8);
    for (int f = 0; f < 100; ++f)
        for (int b = 0; b < 8; ++b)
            d->matrix.row(f)[b] = b == 5 ? 0.0f : -80.0f;
    d->secondsPerFrame = 0.1;
    d->kind = QStringLiteral("test");
    return d;
}
}  // namespace

class TestSpectrogramView : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void tileShowsTheLoudBinAtItsHeight()
    {
        const SpectrogramDataPtr d = stripe();
        const QImage tile = SpectrogramTileRenderer::renderTile(*d, TileKey{1, 25600, 0});  // 25.6 px/s: one tile = 10 s
        QCOMPARE(tile.height(), 8);
        const QColor loud = tile.pixelColor(100, 8 - 1 - 5);  // bin 5 counted from the bottom row
        const QColor quiet = tile.pixelColor(100, 8 - 1 - 2);
        QVERIFY(loud.valueF() > 0.8);
        QVERIFY(quiet.valueF() < 0.1);
    }

    void requestsCoalesce()
    {
        SpectrogramTileRenderer renderer;
        // Before the requests: the renderer's thread emits as soon as a tile is done, and a tile
        // emitted before the spy exists would be missed (seen under a loaded parallel ctest).
        QSignalSpy ready(&renderer, &SpectrogramTileRenderer::tileReady);
        const SpectrogramDataPtr d = stripe();
        std::vector<TileKey> many;
        for (int i = 0; i < 2000; ++i)
            many.push_back(TileKey{1, 1000000, i});
        renderer.request(d, many);
        renderer.request(d, {TileKey{1, 5000, 0}});  // the user zoomed: the old backlog is dropped
        QTRY_VERIFY(!ready.isEmpty());
        QTRY_VERIFY(ready.last()[0].value<TileKey>().zoom == 5000);
        QTest::qWait(100);
        QVERIFY2(renderer.rendered() < 2000, qPrintable(QString::number(renderer.rendered())));
    }

    // Data given while the view is hidden (Classify selects a file before its tab is shown) is
    // shown whole once the view appears at another width; resizes keep it whole until the user
    // zooms, and then keep the zoom.
    void fittedViewStaysFittedThroughShowAndResize()
    {
        SpectrogramView view;
        view.resize(300, 200);
        view.setData(stripe());
        QVERIFY(view.isFitted());
        QSignalSpy changed(&view, &SpectrogramView::viewChanged);
        view.resize(900, 200);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTRY_VERIFY(std::abs(view.visibleSeconds() - 10.0) < 0.01);
        QVERIFY(!changed.isEmpty());
        QVERIFY(std::abs(changed.last()[1].toDouble() - view.visibleSeconds()) < 1e-9);
        view.resize(1200, 200);
        QTRY_VERIFY(std::abs(view.visibleSeconds() - 10.0) < 0.01);
        view.resize(500, 200);
        QTRY_VERIFY(std::abs(view.visibleSeconds() - 10.0) < 0.01);

        view.setPixelsPerSecond(view.pixelsPerSecond() * 4, 2.0);
        QVERIFY(!view.isFitted());
        const double zoomed = view.pixelsPerSecond();
        view.resize(800, 200);
        QTRY_COMPARE(view.viewport()->width(), 800 - (view.width() - view.viewport()->width()));
        QCOMPARE(view.pixelsPerSecond(), zoomed);
        QVERIFY(view.visibleSeconds() < 10.0);
        view.fit();
        QVERIFY(view.isFitted());
        QVERIFY(std::abs(view.visibleSeconds() - 10.0) < 0.01);
    }

    void viewFillsInZoomsAndSeeks()
    {
        SpectrogramView view;
        view.resize(600, 200);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setData(stripe());
        QTRY_VERIFY_WITH_TIMEOUT((view.viewport()->repaint(), view.missingTilesLastPaint() == 0), 5000);
        QVERIFY(view.exactTilesLastPaint() > 0);
        const double fitted = view.pixelsPerSecond();
        view.setPixelsPerSecond(fitted * 4, 5.0);
        QVERIFY(view.visibleSeconds() < 3.0);
        QTRY_VERIFY_WITH_TIMEOUT((view.viewport()->repaint(), view.missingTilesLastPaint() == 0), 5000);
        QSignalSpy seek(&view, &SpectrogramView::seekRequested);
        QTest::mouseClick(view.viewport(), Qt::LeftButton, Qt::NoModifier, QPoint(0, 100));
        QCOMPARE(seek.size(), 1);
        QVERIFY(std::abs(seek[0][0].toDouble() - view.startSeconds()) < 0.05);
    }

    void panelOpensRecordingsAndMidiAndReportsBadFiles()
    {
        SpectrogramPanel panel;
        panel.show();
        const QString wav = m_dir.filePath("tone.wav");
        QVERIFY(test::writeSineWav(wav, 3.0, 440.0));
        panel.openFile(wav);
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isAnalysing(), 20000);
        QVERIFY2(panel.view()->data(), qPrintable(panel.message()));
        QCOMPARE(panel.view()->data()->matrix.bins, 128);
        {
            // The recording plays here too (without an audio device, on a silent clock): the
            // playhead runs from where it was put, and Pause stops it.
            QPushButton *play = panel.playButton();
            QVERIFY(play->isEnabled());
            Q_EMIT panel.view()->seekRequested(1.0);
            play->click();
            QTRY_COMPARE_WITH_TIMEOUT(play->text(), QStringLiteral("Pause"), 10000);
            QTRY_VERIFY2_WITH_TIMEOUT(panel.view()->playhead() > 1.2, qPrintable(panel.playStatus()), 10000);
            play->click();
            QTRY_COMPARE(play->text(), QStringLiteral("Play"));
            const double stopped = panel.view()->playhead();
            QTest::qWait(300);
            QCOMPARE(panel.view()->playhead(), stopped);
        }
        QVERIFY(std::abs(panel.view()->data()->duration() - 3.0) < 0.1);
        // The readout under the pointer names the time, the band's frequency and note, and the level;
        // in the middle of the 440 Hz tone, the loudest semitone band is A4.
        SpectrogramView *view = panel.view();
        panel.showKind(2);
        QCOMPARE(view->data()->matrix.bins, 96);
        QCOMPARE(view->data()->binHz.size(), size_t(96));
        const int h = view->viewport()->height();
        const int bandA4 = 69 - 24;
        const double x = (1.5 - view->startSeconds()) * view->pixelsPerSecond();
        const QString a4 = view->readoutAt(QPointF(x, h - (bandA4 + 0.5) * h / 96.0));
        QVERIFY2(a4.contains(QStringLiteral("440 Hz (A4)")) && a4.contains(QStringLiteral("dB")), qPrintable(a4));
        QVERIFY2(a4.startsWith(QStringLiteral("0:01.")), qPrintable(a4));
        const QString c2 = view->readoutAt(QPointF(x, h - (36 - 24 + 0.5) * h / 96.0));
        QVERIFY2(c2.contains(QStringLiteral("(C2)")), qPrintable(c2));
        auto level = [](const QString &r) { return r.section(QLatin1Char(' '), -2, -2).toDouble(); };
        QVERIFY2(level(a4) > level(c2) + 20, qPrintable(a4 + QStringLiteral(" / ") + c2));  // the tone, not the silence below it
        QVERIFY(view->readoutAt(QPointF(x, -5)).isEmpty());
        QTest::mouseMove(view->viewport(), QPoint(int(x), h / 2));
        QTRY_VERIFY(!view->readout().isEmpty());
        panel.showMfcc(false);
        QVERIFY2(view->readoutAt(QPointF(x, h / 2)).contains(QStringLiteral(" Hz (")), qPrintable(view->readoutAt(QPointF(x, h / 2))));
        panel.showMfcc(true);
        QCOMPARE(panel.view()->data()->matrix.bins, 20);
        QVERIFY2(view->readoutAt(QPointF(x, h / 2)).contains(QStringLiteral("band ")), qPrintable(view->readoutAt(QPointF(x, h / 2))));

        NoteSequence seq;
        for (int i = 0; i < 8; ++i)
            seq.notes.push_back(Note{60 + i, i * 0.25, 0.25, 0, 0, 90, 0, 0});
        const QString mid = m_dir.filePath("scale.mid");
        QVERIFY(SmfWriter::writeFile(seq, mid).ok());
        panel.openFile(mid);
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isAnalysing(), 20000);
        QCOMPARE(panel.currentFile(), mid);
        QVERIFY(panel.view()->data()->duration() > 2.0);  // two seconds of notes plus the tail

        const QString bad = m_dir.filePath("bad.mp3");
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not audio");
        f.close();
        panel.openFile(bad);
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isAnalysing(), 20000);
        QVERIFY2(panel.message().contains("Cannot show"), qPrintable(panel.message()));
        QCOMPARE(panel.currentFile(), mid);  // what was shown stays
    }
};

QTEST_MAIN(TestSpectrogramView)
#include "TestSpectrogramView.moc"
