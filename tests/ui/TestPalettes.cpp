// Light and dark palettes: the custom-painted views (piano roll, confidence strip, spectrogram)
// and the charts take their colours from the palette and follow an app-wide palette change, as
// when the desktop switches between light and dark. With AICHOPIN_SCREENSHOT_DIR set, the main
// window is saved there in both schemes (run under Xvfb, optionally with QT_SCALE_FACTOR=2).

#include "classify/ClassifyPanel.h"
#include "classify/ClassifyResultsModel.h"
#include "classify/ClassifyTimelineChart.h"
#include "common/SceneColors.h"
#include "compose/ComposePanel.h"
#include "compose/ConfidenceStrip.h"
#include "main/MainWindow.h"
#include "midi/SmfReader.h"
#include "pianoroll/PianoRollModel.h"
#include "pianoroll/PianoRollRenderer.h"
#include "pianoroll/PianoRollView.h"
#include "spectrogram/SpectrogramView.h"
#include "training/TrainingCharts.h"
#include "training/TrainingPanel.h"

#include <QChart>
#include <QChartView>
#include <QLineSeries>
#include <QDir>
#include <QStyle>
#include <QTabWidget>
#include <QtTest>

using namespace aichopin;

namespace {
QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2d, 0x2d, 0x30));
    p.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
    p.setColor(QPalette::Base, QColor(0x1f, 0x1f, 0x22));
    p.setColor(QPalette::AlternateBase, QColor(0x28, 0x28, 0x2c));
    p.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
    p.setColor(QPalette::Button, QColor(0x38, 0x38, 0x3c));
    p.setColor(QPalette::ButtonText, QColor(0xe8, 0xe8, 0xe8));
    p.setColor(QPalette::ToolTipBase, QColor(0x38, 0x38, 0x3c));
    p.setColor(QPalette::ToolTipText, QColor(0xe8, 0xe8, 0xe8));
    p.setColor(QPalette::PlaceholderText, QColor(0x98, 0x98, 0x98));
    p.setColor(QPalette::Highlight, QColor(0x3a, 0x8f, 0xd0));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Light, QColor(0x50, 0x50, 0x55));
    p.setColor(QPalette::Midlight, QColor(0x44, 0x44, 0x48));
    p.setColor(QPalette::Mid, QColor(0x30, 0x30, 0x33));
    p.setColor(QPalette::Dark, QColor(0x18, 0x18, 0x1a));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Link, QColor(0x6a, 0xb0, 0xf0));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x78, 0x78, 0x78));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x78, 0x78, 0x78));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x78, 0x78, 0x78));
    return p;
}

QPalette lightPalette() { return QApplication::style()->standardPalette(); }

// Mean lightness (0-255) of a widget's pixels in a rectangle of its own coordinates.
double lightness(QWidget *w, QRect r)
{
    const QImage img = w->grab().toImage();
    const double scale = img.width() / double(w->width());
    r = QRect(int(r.x() * scale), int(r.y() * scale), int(r.width() * scale), int(r.height() * scale)).intersected(img.rect());
    double sum = 0;
    int n = 0;
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x, ++n)
            sum += img.pixelColor(x, y).lightness();
    return n ? sum / n : -1;
}

QChart::ChartTheme themeOf(QWidget *w)
{
    auto *view = qobject_cast<QChartView *>(w);
    if (!view)
        view = w->findChild<QChartView *>();
    return view ? view->chart()->theme() : QChart::ChartTheme(-1);
}

void setAppPalette(const QPalette &p)
{
    QApplication::setPalette(p);
    QCoreApplication::processEvents();
}
}  // namespace

class TestPalettes : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { setAppPalette(lightPalette()); }

    void schemeFollowsWindowLightness()
    {
        QVERIFY(SceneColors::isDark(darkPalette()));
        QVERIFY(!SceneColors::isDark(lightPalette()));
        QVERIFY(SceneColors::forPalette(darkPalette()).background.lightness() < 60);
        QVERIFY(SceneColors::forPalette(lightPalette()).background.lightness() > 230);
    }

    void paintedViewsFollowThePalette()
    {
        setAppPalette(darkPalette());
        PianoRollModel model;
        PianoRollView roll(&model);
        ConfidenceStrip strip(&roll);
        SpectrogramView spectrogram;
        for (QWidget *w : {static_cast<QWidget *>(&roll), static_cast<QWidget *>(&strip), static_cast<QWidget *>(&spectrogram)}) {
            w->resize(500, 240);
            w->show();
            QVERIFY(QTest::qWaitForWindowExposed(w));
        }
        // Away from the keyboard, the ruler and the placeholder text in the middle.
        const QRect rollArea(PianoRollRenderer::kKeyboardWidth + 10, PianoRollRenderer::kRulerHeight + 10, 120, 40);
        const QRect plain(PianoRollRenderer::kKeyboardWidth + 10, 10, 100, 20);
        QVERIFY2(lightness(roll.viewport(), rollArea) < 70, "dark piano roll");
        QVERIFY(lightness(&strip, QRect(plain.x(), 20, 100, 20)) < 70);
        QVERIFY(lightness(spectrogram.viewport(), plain) < 70);

        // The desktop switches to light: the same widgets repaint light.
        setAppPalette(lightPalette());
        QTRY_VERIFY2(lightness(roll.viewport(), rollArea) > 200, "light piano roll");
        QVERIFY(lightness(&strip, QRect(plain.x(), 20, 100, 20)) > 200);
        QVERIFY(lightness(spectrogram.viewport(), plain) > 200);
        // The keyboard stays a keyboard: white keys light in both schemes.
        QVERIFY(lightness(roll.viewport(), QRect(40, 60, 10, 20)) > 150);
    }

    void chartsSwitchTheme()
    {
        setAppPalette(darkPalette());
        ClassifyTimelineChart timeline;
        TrainingCharts training;
        QCOMPARE(themeOf(&timeline), QChart::ChartThemeDark);
        QCOMPARE(themeOf(&training), QChart::ChartThemeDark);
        setAppPalette(lightPalette());
        QCOMPARE(themeOf(&timeline), QChart::ChartThemeLight);
        QCOMPARE(themeOf(&training), QChart::ChartThemeLight);
        // Our series colours survive the theme change (setTheme resets them).
        QCOMPARE(timeline.pSeries()->pen().color(), QColor(0x3a, 0x8f, 0xd0));
        setAppPalette(darkPalette());
        QCOMPARE(themeOf(&timeline), QChart::ChartThemeDark);
        QCOMPARE(timeline.pSeries()->pen().color(), QColor(0x3a, 0x8f, 0xd0));
    }

    void mainWindowInBothSchemes()
    {
        const QString out = qEnvironmentVariable("AICHOPIN_SCREENSHOT_DIR");
        const QString chopin = QStringLiteral(AICHOPIN_TEST_PIANO_MIDI "/midis/Chopin/chpn_op25_e1.mid");
        for (const bool dark : {true, false}) {
            setAppPalette(dark ? darkPalette() : lightPalette());
            MainWindow w;
            w.resize(1200, 760);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            if (QFile::exists(chopin)) {
                w.openFile(chopin);
                QTRY_VERIFY(!w.pianoRollModel()->sequence().notes.empty());
            }
            QCOMPARE(themeOf(w.trainingPanel()->charts()), dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
            QCOMPARE(themeOf(w.classifyPanel()->chart()), dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
            if (out.isEmpty())
                continue;
            QDir().mkpath(out);
            const QString scheme = dark ? QStringLiteral("dark") : QStringLiteral("light");
            const qreal dpr = w.devicePixelRatioF();
            const QString suffix = dpr > 1 ? QStringLiteral("@%1x").arg(dpr) : QString();
            for (int tab : {0, 1, 3}) {
                w.areas()->setCurrentIndex(tab);
                if (tab == 1 && w.classifyPanel()->results()->rowCount() == 0 && QFile::exists(chopin)) {
                    QTRY_VERIFY_WITH_TIMEOUT(w.classifyPanel()->modelState() != ClassifyPanel::ModelState::Loading, 30000);
                    w.classifyPanel()->addFiles({chopin});
                    QTRY_VERIFY_WITH_TIMEOUT(!w.classifyPanel()->isBusy(), 120000);
                    w.classifyPanel()->selectRow(0);
                }
                QTest::qWait(300);
                const QString name = QStringLiteral("%1/%2-%3%4.png").arg(out, scheme, w.areas()->tabText(tab).remove('&').toLower(), suffix);
                // Opaque RGB: a grab can carry alpha, which image viewers show over white.
                QVERIFY(w.grab().toImage().convertToFormat(QImage::Format_RGB32).save(name));
            }
        }
    }
};

QTEST_MAIN(TestPalettes)
#include "TestPalettes.moc"
