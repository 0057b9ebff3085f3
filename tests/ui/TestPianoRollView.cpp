// The piano roll: zoom, scroll, seek, playhead, hovering, keys that sound, visible-note queries,
// long pieces.

#include "pianoroll/PianoRollModel.h"
#include "pianoroll/PianoRollRenderer.h"
#include "pianoroll/PianoRollView.h"
#include "support/Mouse.h"
#include "common/SceneColors.h"
#include "common/TimeAxis.h"

#include <QElapsedTimer>
#include <QHelpEvent>
#include <QPainter>
#include <QScrollBar>
#include <QSignalSpy>
#include <QToolTip>
#include <QtTest>

using namespace aichopin;

namespace {
NoteSequence longPiece(double minutes)
{
    NoteSequence seq;
    int i = 0;
    for (double t = 0; t < minutes * 60; t += 0.06, ++i)
        seq.notes.push_back(Note{36 + (i * 7) % 60, t, 0.05 + (i % 10) * 0.1, 0, 0, 20 + i % 100, 0, 0});
    return seq;
}
}  // namespace

class TestPianoRollView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Numbers in tooltips follow the user's locale: English here, whatever the machine's.
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void visibleRangeQueryFindsLongNotes()
    {
        PianoRollModel model;
        NoteSequence seq;
        seq.notes.push_back(Note{60, 0.0, 100.0, 0, 0, 80, 0, 0});  // long held note
        for (int i = 1; i <= 100; ++i)
            seq.notes.push_back(Note{62, double(i), 0.5, 0, 0, 80, 0, 0});
        model.setSequence(seq);
        const auto [first, last] = model.notesIn(50.2, 51.1);
        bool hasLong = false, has51 = false;
        for (size_t i = first; i < last; ++i) {
            hasLong |= model.sequence().notes[i].duration == 100.0;
            has51 |= model.sequence().notes[i].start == 51.0;
        }
        QVERIFY(hasLong);
        QVERIFY(has51);
    }

    void ctrlWheelAndKeysZoom()
    {
        PianoRollModel model;
        PianoRollView view(&model);
        view.resize(800, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        model.setSequence(longPiece(2));
        const double before = view.pixelsPerSecond();
        QWheelEvent wheel(QPointF(400, 200), view.mapToGlobal(QPointF(400, 200)), QPoint(), QPoint(0, 120),
                          Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view.viewport(), &wheel);
        QVERIFY(view.pixelsPerSecond() > before * 1.2);
        QTest::keyClick(&view, Qt::Key_Minus);
        QTest::keyClick(&view, Qt::Key_Minus);
        QVERIFY(view.pixelsPerSecond() < before);
        QTest::keyClick(&view, Qt::Key_0);
        QCOMPARE(view.pixelsPerSecond(), before);
        // Shift+wheel and End scroll in time.
        QTest::keyClick(&view, Qt::Key_Plus);
        QTest::keyClick(&view, Qt::Key_Plus);
        QTest::keyClick(&view, Qt::Key_End);
        QVERIFY(view.viewportState().startSeconds > 30);
        QTest::keyClick(&view, Qt::Key_Home);
        QCOMPARE(view.viewportState().startSeconds, 0.0);
    }

    // A piece given to a roll that has never been on screen (an area not yet opened, a preview
    // page not yet shown) is fitted again when the roll first shows, at the size it has then; a
    // zoom chosen before that is kept.
    void aPieceSetBeforeTheFirstShowIsFittedWhenShown()
    {
        PianoRollModel model;
        PianoRollView view(&model);
        model.setSequence(longPiece(0.5));
        view.resize(800, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const double shown = (view.viewport()->width() - PianoRollRenderer::kKeyboardWidth) / view.pixelsPerSecond();
        QVERIFY2(shown > model.duration() && shown < model.duration() * 1.1, qPrintable(QString::number(shown)));

        PianoRollModel model2;
        PianoRollView chosen(&model2);
        model2.setSequence(longPiece(0.5));
        chosen.setPixelsPerSecond(50);
        chosen.resize(800, 400);
        chosen.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chosen));
        QCOMPARE(chosen.pixelsPerSecond(), 50.0);
    }

    // A roll still as it was fitted follows its size (a window made larger, a splitter moved):
    // the whole piece stays in view. Once zoomed or scrolled, a resize keeps the user's view.
    void aFittedRollStaysFittedWhenResized()
    {
        PianoRollModel model;
        PianoRollView view(&model);
        view.resize(600, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        model.setSequence(longPiece(0.5));
        const auto shownSeconds = [&view] {
            return (view.viewport()->width() - PianoRollRenderer::kKeyboardWidth) / view.pixelsPerSecond();
        };
        view.resize(1000, 400);
        QTRY_COMPARE(view.viewport()->width() > 800, true);
        QVERIFY2(shownSeconds() > model.duration() && shownSeconds() < model.duration() * 1.1, qPrintable(QString::number(shownSeconds())));
        QCOMPARE(view.horizontalScrollBar()->maximum(), 0);  // a fitted piece has nothing to scroll to

        QTest::keyClick(&view, Qt::Key_Plus);  // zoomed in: the user's view from now on
        const double zoomed = view.pixelsPerSecond();
        view.resize(700, 400);
        QTRY_COMPARE(view.viewport()->width() < 700, true);
        QCOMPARE(view.pixelsPerSecond(), zoomed);

        QTest::keyClick(&view, Qt::Key_0);  // fitted again, then scrolled through the keys
        QTest::keyClick(&view, Qt::Key_Down);
        const int keysScrolled = view.verticalScrollBar()->value();
        const double fitted = view.pixelsPerSecond();
        view.resize(900, 400);
        QTRY_COMPARE(view.viewport()->width() > 800, true);
        QCOMPARE(view.pixelsPerSecond(), fitted);
        QCOMPARE(view.verticalScrollBar()->value(), keysScrolled);
    }

    // A time label that would not fit before the right edge is left out, not cut ("0:2" read as
    // a time of its own); the labels before it are drawn.
    void rulerLabelsAreWholeOrLeftOut()
    {
        PianoRollModel model;
        PianoRollView view(&model);
        view.resize(900, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        model.setSequence(longPiece(1));
        const int width = view.viewport()->width();
        // A tick at 10 s, 5 pixels before the edge.
        view.setPixelsPerSecond((width - 5 - PianoRollRenderer::kKeyboardWidth) / 10.0);
        view.scrollToTime(0);
        const double tickX = PianoRollRenderer::kKeyboardWidth + 10 * view.pixelsPerSecond();
        QVERIFY(std::abs(tickX - (width - 5)) < 1);
        const QImage image = view.viewport()->grab().toImage();
        const QRgb background = SceneColors::forPalette(view.palette()).rulerBackground.rgb();
        const auto inkBetween = [&](int from, int to) {
            int ink = 0;
            for (int x = from; x < to; ++x)
                for (int y = 0; y < PianoRollRenderer::kRulerHeight - 9; ++y)
                    ink += image.pixel(x, y) != background ? 1 : 0;
            return ink;
        };
        QCOMPARE(inkBetween(int(tickX) + 2, width), 0);
        const double stepPixels = timeaxis::step(view.pixelsPerSecond()) * view.pixelsPerSecond();
        QVERIFY(inkBetween(int(tickX - stepPixels) + 2, int(tickX - stepPixels) + 30) > 0);
    }

    void clickSeeksAndPlayheadFollows()
    {
        PianoRollModel model;
        PianoRollView view(&model);
        view.resize(800, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        model.setSequence(longPiece(5));
        view.setPixelsPerSecond(100);
        view.scrollToTime(10);
        QSignalSpy seek(&view, &PianoRollView::seekRequested);
        const int x = PianoRollRenderer::kKeyboardWidth + 250;
        QTest::mouseClick(view.viewport(), Qt::LeftButton, Qt::NoModifier, QPoint(x, 100));
        QCOMPARE(seek.size(), 1);
        QVERIFY(qAbs(seek[0][0].toDouble() - 12.5) < 0.02);

        view.setPlayhead(200);  // far outside the view: it scrolls there
        QVERIFY(view.viewportState().startSeconds <= 200);
        QVERIFY(view.viewportState().startSeconds + 7 >= 200);
    }

    void hoveringNamesTheNoteOrKey()
    {
        PianoRollModel model;
        PianoRollView view(&model);
        view.resize(800, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        NoteSequence seq;
        seq.notes.push_back(Note{63, 1.0, 0.7, 0, 0, 72, 0, 0});
        seq.notes.push_back(Note{60, 2.0, 0.5, 0, 0, 90, 0, 0});
        seq.notes.push_back(Note{60, 64.0, 1.25, 0, 0, 30, 0, 0});
        model.setSequence(seq);
        view.setPixelsPerSecond(100);
        view.scrollToTime(0);
        const PianoRollViewport &v = view.viewportState();
        auto at = [&v](double seconds, int pitch) {
            return QPointF(PianoRollRenderer::xForTime(v, seconds), PianoRollRenderer::yForPitch(v, pitch) + v.keyHeight / 2);
        };
        QCOMPARE(view.toolTipAt(at(1.3, 63)), QStringLiteral("D#4, velocity 72: 0:01.00 to 0:01.70 (0.70 s)"));
        QCOMPARE(view.toolTipAt(at(2.1, 60)), QStringLiteral("C4 (middle C), velocity 90: 0:02.00 to 0:02.50 (0.50 s)"));
        // Beside a note, its row's key; on the keyboard, the key; on the ruler, nothing.
        QCOMPARE(view.toolTipAt(at(1.3, 62)), QStringLiteral("D4"));
        QCOMPARE(view.toolTipAt(at(3.0, 63)), QStringLiteral("D#4"));
        QCOMPARE(view.toolTipAt(QPointF(10, at(0, 63).y())), QStringLiteral("D#4"));
        QCOMPARE(view.toolTipAt(QPointF(300, 5)), QString());
        view.scrollToTime(63);
        QCOMPARE(view.toolTipAt(at(64.5, 60)), QStringLiteral("C4 (middle C), velocity 30: 1:04.00 to 1:05.25 (1.25 s)"));

        // The note under the pointer by index, and a right-click names it.
        QCOMPARE(view.noteIndexAt(at(64.5, 60)), 2);
        QCOMPARE(view.noteIndexAt(at(64.5, 61)), -1);
        QCOMPARE(view.noteIndexAt(QPointF(10, at(0, 60).y())), -1);  // the keyboard
        QSignalSpy menu(&view, &PianoRollView::contextMenuRequested);
        const QPoint onNote = at(64.5, 60).toPoint();
        QContextMenuEvent right(QContextMenuEvent::Mouse, onNote, view.viewport()->mapToGlobal(onNote));
        QApplication::sendEvent(view.viewport(), &right);
        QCOMPARE(menu.size(), 1);
        QCOMPARE(menu[0][0].toInt(), 2);
        QCOMPARE(menu[0][1].toInt(), 60);
        QVERIFY(qAbs(menu[0][2].toDouble() - 64.5) < 0.02);
        QCOMPARE(menu[0][3].toPoint(), view.viewport()->mapToGlobal(onNote));
        const QPoint offNote = at(66.0, 61).toPoint();
        QContextMenuEvent rightOff(QContextMenuEvent::Mouse, offNote, view.viewport()->mapToGlobal(offNote));
        QApplication::sendEvent(view.viewport(), &rightOff);
        QCOMPARE(menu.size(), 2);
        QCOMPARE(menu[1][0].toInt(), -1);
        QCOMPARE(menu[1][1].toInt(), 61);
        QVERIFY(qAbs(menu[1][2].toDouble() - 66.0) < 0.02);
        // On the keyboard: no place among the notes.
        const QPoint onKeys(10, int(at(0, 60).y()));
        QContextMenuEvent rightKeys(QContextMenuEvent::Mouse, onKeys, view.viewport()->mapToGlobal(onKeys));
        QApplication::sendEvent(view.viewport(), &rightKeys);
        QCOMPARE(menu[2][1].toInt(), -1);
        // The menu key with the pointer away from the roll: the range edits only.
        QCursor::setPos(view.mapToGlobal(QPoint(-200, -200)));
        QContextMenuEvent key(QContextMenuEvent::Keyboard, QPoint(5, 5), view.viewport()->mapToGlobal(QPoint(5, 5)));
        QApplication::sendEvent(view.viewport(), &key);
        QCOMPARE(menu.size(), 4);
        QCOMPARE(menu[3][0].toInt(), -1);
        QCOMPARE(menu[3][1].toInt(), -1);
        // ... and over a note, that note.
        QCursor::setPos(view.viewport()->mapToGlobal(onNote));
        QApplication::sendEvent(view.viewport(), &key);
        QCOMPARE(QCursor::pos(), view.viewport()->mapToGlobal(onNote));
        QCOMPARE(menu[4][0].toInt(), 2);

        // A double-click on an empty place asks for a note there; on a note, it does not.
        QSignalSpy add(&view, &PianoRollView::addNoteRequested);
        QTest::mouseDClick(view.viewport(), Qt::LeftButton, Qt::NoModifier, offNote);
        QCOMPARE(add.size(), 1);
        QCOMPARE(add[0][0].toInt(), 61);
        QVERIFY(qAbs(add[0][1].toDouble() - 66.0) < 0.02);
        QTest::mouseDClick(view.viewport(), Qt::LeftButton, Qt::NoModifier, onNote);
        QCOMPARE(add.size(), 1);

        // Notes movable: a press on a note and a move drag it, in keys and seconds from the
        // press; a press that does not move seeks at the release.
        view.setNotesMovable(true);
        test::sendMouse(view.viewport(), QEvent::MouseMove, at(64.5, 60), Qt::NoButton);
        QCOMPARE(view.viewport()->cursor().shape(), Qt::OpenHandCursor);  // it can be dragged
        test::sendMouse(view.viewport(), QEvent::MouseMove, at(66.0, 61), Qt::NoButton);
        QCOMPARE(view.viewport()->cursor().shape(), Qt::ArrowCursor);
        QSignalSpy drag(&view, &PianoRollView::noteDragged);
        QSignalSpy seek(&view, &PianoRollView::seekRequested);
        const auto mouse = [&view](QEvent::Type type, QPointF pos, Qt::MouseButtons buttons) {
            test::sendMouse(view.viewport(), type, pos, buttons);
        };
        const QPointF from = at(64.5, 60);
        mouse(QEvent::MouseButtonPress, from, Qt::LeftButton);
        QCOMPARE(seek.size(), 0);
        mouse(QEvent::MouseMove, from + QPointF(1, 0), Qt::LeftButton);  // not yet a drag
        QCOMPARE(drag.size(), 0);
        const QPointF to = from + QPointF(50, -2 * v.keyHeight);  // 0.5 s later, two keys up
        mouse(QEvent::MouseMove, to, Qt::LeftButton);
        QCOMPARE(drag.size(), 1);
        QCOMPARE(drag[0][0].toInt(), 2);
        QCOMPARE(drag[0][1].value<PianoRollView::NoteDrag>(), PianoRollView::NoteDrag::Move);
        QCOMPARE(drag[0][2].toInt(), 2);
        QVERIFY(qAbs(drag[0][3].toDouble() - 0.5) < 1e-9);
        QCOMPARE(drag[0][4].toBool(), false);
        mouse(QEvent::MouseButtonRelease, to, Qt::NoButton);
        QCOMPARE(drag.size(), 2);
        QCOMPARE(drag[1][4].toBool(), true);
        QCOMPARE(seek.size(), 0);
        mouse(QEvent::MouseButtonPress, from, Qt::LeftButton);
        mouse(QEvent::MouseButtonRelease, from, Qt::NoButton);
        QCOMPARE(drag.size(), 2);
        QCOMPARE(seek.size(), 1);
        QVERIFY(qAbs(seek[0][0].toDouble() - 64.5) < 0.02);
        // Esc mid-drag: the note goes back (finished, no move).
        view.setFocus();
        mouse(QEvent::MouseButtonPress, from, Qt::LeftButton);
        mouse(QEvent::MouseMove, to, Qt::LeftButton);
        QTest::keyClick(&view, Qt::Key_Escape);
        QCOMPARE(drag.size(), 4);
        QCOMPARE(drag[3][2].toInt(), 0);
        QCOMPARE(drag[3][3].toDouble(), 0.0);
        QCOMPARE(drag[3][4].toBool(), true);
        mouse(QEvent::MouseButtonRelease, to, Qt::NoButton);
        QCOMPARE(drag.size(), 4);
        // Its end (1:05.25, 125 px from its start) grabbed: a resize, with a double arrow.
        const QPointF end = at(65.25, 60) - QPointF(2, 0);
        mouse(QEvent::MouseMove, end, Qt::NoButton);
        QCOMPARE(view.viewport()->cursor().shape(), Qt::SizeHorCursor);
        mouse(QEvent::MouseButtonPress, end, Qt::LeftButton);
        mouse(QEvent::MouseMove, end + QPointF(30, 0), Qt::LeftButton);
        mouse(QEvent::MouseButtonRelease, end + QPointF(30, 0), Qt::NoButton);
        QCOMPARE(drag.size(), 6);
        QCOMPARE(drag[5][1].value<PianoRollView::NoteDrag>(), PianoRollView::NoteDrag::Resize);
        QVERIFY(qAbs(drag[5][3].toDouble() - 0.3) < 1e-9);
        QCOMPARE(drag[5][4].toBool(), true);
        // Not movable: a press on a note seeks at once, as anywhere.
        view.setNotesMovable(false);
        mouse(QEvent::MouseButtonPress, from, Qt::LeftButton);
        QCOMPARE(seek.size(), 2);
        mouse(QEvent::MouseMove, to, Qt::LeftButton);
        mouse(QEvent::MouseButtonRelease, to, Qt::NoButton);
        QCOMPARE(drag.size(), 6);

        // The hover itself shows it.
        const QPoint pos = at(64.5, 60).toPoint();
        QHelpEvent help(QEvent::ToolTip, pos, view.viewport()->mapToGlobal(pos));
        QApplication::sendEvent(view.viewport(), &help);
        QTRY_COMPARE(QToolTip::text(), QStringLiteral("C4 (middle C), velocity 30: 1:04.00 to 1:05.25 (1.25 s)"));
    }

    void pressingAKeySoundsIt()
    {
        PianoRollModel model;
        PianoRollView view(&model);
        view.resize(800, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy pressed(&view, &PianoRollView::keyPressed);
        QSignalSpy released(&view, &PianoRollView::keyReleased);
        QSignalSpy seek(&view, &PianoRollView::seekRequested);
        const PianoRollViewport &v = view.viewportState();
        const int top = PianoRollRenderer::pitchForY(v, PianoRollRenderer::kRulerHeight + 40);
        auto yOf = [&v](int pitch) { return int(PianoRollRenderer::yForPitch(v, pitch) + v.keyHeight / 2); };
        QTest::mousePress(view.viewport(), Qt::LeftButton, Qt::NoModifier, QPoint(20, yOf(top)));
        QCOMPARE(pressed.size(), 1);
        QCOMPARE(pressed[0][0].toInt(), top);
        QCOMPARE(released.size(), 0);
        // Sliding down the keys with the button held: each key in turn (a glissando).
        QMouseEvent move(QEvent::MouseMove, QPointF(20, yOf(top - 2)), view.viewport()->mapToGlobal(QPointF(20, yOf(top - 2))),
                         Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(view.viewport(), &move);
        QCOMPARE(released.size(), 1);
        QCOMPARE(released[0][0].toInt(), top);
        QCOMPARE(pressed.size(), 2);
        QCOMPARE(pressed[1][0].toInt(), top - 2);
        QTest::mouseRelease(view.viewport(), Qt::LeftButton, Qt::NoModifier, QPoint(20, yOf(top - 2)));
        QCOMPARE(released.size(), 2);
        QCOMPARE(released[1][0].toInt(), top - 2);
        QCOMPARE(seek.size(), 0);  // the keyboard sounds keys; it does not move the playhead
        // In the notes, a click still seeks and sounds nothing.
        QTest::mouseClick(view.viewport(), Qt::LeftButton, Qt::NoModifier, QPoint(300, yOf(top)));
        QCOMPARE(seek.size(), 1);
        QCOMPARE(pressed.size(), 2);
    }

    void keysOfSoundingNotesAreLit()
    {
        // As on a player piano: the keys of the notes under the playhead light up in their
        // notes' colours, and so does a key held down with the mouse.
        PianoRollModel model;
        NoteSequence seq;
        seq.notes.push_back(Note{60, 0.0, 2.0, 0, 0, 100, 0, 0});  // white key, sounding at 1 s
        seq.notes.push_back(Note{61, 0.5, 1.0, 0, 0, 30, 0, 0});   // black key, sounding at 1 s
        seq.notes.push_back(Note{64, 1.5, 1.0, 0, 0, 100, 0, 0});  // not yet at 1 s
        model.setSequence(seq);
        PianoRollViewport v;
        v.size = QSize(400, 300);
        v.keyHeight = 8;
        v.topPixel = (PianoRollRenderer::kPitchCount - 72) * v.keyHeight;  // C5 near the top
        v.playhead = 1.0;
        PianoRollRenderer renderer;
        renderer.setColors(SceneColors::lightScheme());
        QImage image(v.size, QImage::Format_RGB32);
        auto keyColour = [&](int pitch) {
            QPainter painter(&image);
            renderer.paint(painter, model, v);
            painter.end();
            return image.pixelColor(10, int(PianoRollRenderer::yForPitch(v, pitch) + v.keyHeight / 2)).rgb();
        };
        QCOMPARE(keyColour(60), PianoRollRenderer::velocityColor(100).rgb());
        QCOMPARE(keyColour(61), PianoRollRenderer::velocityColor(30).rgb());
        QCOMPARE(keyColour(64), SceneColors::lightScheme().keyWhite.rgb());
        QCOMPARE(keyColour(63), SceneColors::lightScheme().keyBlack.rgb());
        v.pressedKey = 64;
        QVERIFY(keyColour(64) != SceneColors::lightScheme().keyWhite.rgb());
        v.playhead = -1;  // no playhead: only the held key
        v.pressedKey = -1;
        QCOMPARE(keyColour(60), SceneColors::lightScheme().keyWhite.rgb());
    }

    void aPieceWithAMetreCountsBars()
    {
        // A MIDI file's time signatures, through its tempo map (120 bpm here: a quarter is
        // 0.5 s): 3/4, then 2/4 from a signature in the middle of bar 2, which takes over at
        // the next bar line.
        NoteSequence seq;
        seq.notes.push_back(Note{60, 0.0, 4.0, 0, 0, 80, 0, 0});
        seq.timeSignatures = {TimeSignature{0, 3, 4}, TimeSignature{480 * 4, 2, 4}};
        seq.syncTicksFromSeconds();
        PianoRollModel model;
        model.setSequence(seq);
        QCOMPARE(model.barStarts(), (std::vector<double>{0.0, 1.5, 3.0, 4.0, 5.0}));  // one past the end
        QCOMPARE(model.barAt(0.0), 1);
        QCOMPARE(model.barAt(1.6), 2);
        QCOMPARE(model.barAt(3.9), 3);
        // A composition has no metre: no bars, the roll counts seconds.
        NoteSequence composed = seq;
        composed.timeSignatures.clear();
        PianoRollModel plain;
        plain.setSequence(composed);
        QVERIFY(plain.barStarts().empty());
        QCOMPARE(plain.barAt(1.0), 0);

        // Marks stand at least so far apart: every bar when wide, every fourth when 15 px.
        PianoRollViewport v;
        v.size = QSize(800, 300);
        v.pixelsPerSecond = 100;
        QCOMPARE(PianoRollRenderer::visibleBars(model, v, 36).every, 1);
        QCOMPARE(PianoRollRenderer::visibleBars(plain, v, 36).every, 0);
        v.pixelsPerSecond = 15;  // the narrowest bar, 1 s, is 15 px
        QCOMPARE(PianoRollRenderer::visibleBars(model, v, 36).every, 4);

        // Hovering a note names its bar too.
        PianoRollView view(&model);
        view.resize(800, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setPixelsPerSecond(100);
        view.scrollToTime(0);
        const PianoRollViewport &shown = view.viewportState();
        const QPointF at(PianoRollRenderer::xForTime(shown, 2.0), PianoRollRenderer::yForPitch(shown, 60) + shown.keyHeight / 2);
        QVERIFY2(view.toolTipAt(at).endsWith(QLatin1String("(4.00 s), bar 1")), qPrintable(view.toolTipAt(at)));

        // Shift+drag selects whole bars (to the nearest bar lines); with Ctrl too, any range.
        auto xAt = [&shown](double seconds) { return int(std::lround(PianoRollRenderer::xForTime(shown, seconds))); };
        auto drag = [&](double from, double to, Qt::KeyboardModifiers mods) {
            const int y = 200;
            QTest::mousePress(view.viewport(), Qt::LeftButton, mods, QPoint(xAt(from), y));
            QMouseEvent move(QEvent::MouseMove, QPointF(xAt(to), y), view.viewport()->mapToGlobal(QPointF(xAt(to), y)), Qt::NoButton,
                             Qt::LeftButton, mods);
            QApplication::sendEvent(view.viewport(), &move);
            QTest::mouseRelease(view.viewport(), Qt::LeftButton, mods, QPoint(xAt(to), y));
        };
        drag(1.3, 3.2, Qt::ShiftModifier);
        QCOMPARE(view.selectionFrom(), 1.5);
        QCOMPARE(view.selectionTo(), 3.0);
        drag(1.3, 3.2, Qt::ShiftModifier | Qt::ControlModifier);
        QVERIFY(std::fabs(view.selectionFrom() - 1.3) < 0.02 && std::fabs(view.selectionTo() - 3.2) < 0.02);

        // From the keyboard: Shift+Right selects from the bar line nearest the playhead, a bar
        // at a time; Shift+Left takes the last bar back.
        view.setSelection(-1, -1);
        view.setPlayhead(1.4, false);
        view.setFocus();
        QTest::keyClick(&view, Qt::Key_Right, Qt::ShiftModifier);
        QCOMPARE(view.selectionFrom(), 1.5);
        QCOMPARE(view.selectionTo(), 3.0);
        QTest::keyClick(&view, Qt::Key_Right, Qt::ShiftModifier);
        QCOMPARE(view.selectionTo(), 4.0);
        QTest::keyClick(&view, Qt::Key_Left, Qt::ShiftModifier);
        QCOMPARE(view.selectionFrom(), 1.5);
        QCOMPARE(view.selectionTo(), 3.0);
        // Leftwards from the playhead's bar line, a second at a time without bars.
        PianoRollModel plainModel;
        plainModel.setSequence(composed);
        PianoRollView secs(&plainModel);
        secs.resize(800, 400);
        secs.show();
        secs.setPlayhead(2.3, false);
        secs.setFocus();
        QTest::keyClick(&secs, Qt::Key_Left, Qt::ShiftModifier);
        QCOMPARE(secs.selectionFrom(), 1.0);
        QCOMPARE(secs.selectionTo(), 2.0);
        QTest::keyClick(&secs, Qt::Key_Left, Qt::ShiftModifier);
        QCOMPARE(secs.selectionFrom(), 0.0);
        QTest::keyClick(&secs, Qt::Key_Right, Qt::ShiftModifier);  // the start moves back right
        QCOMPARE(secs.selectionFrom(), 1.0);
        QCOMPARE(secs.selectionTo(), 2.0);
        QTest::keyClick(&secs, Qt::Key_Right);  // without Shift, a scroll
        QCOMPARE(secs.selectionTo(), 2.0);
    }

    void aDragFromAnEmptyPlaceDrawsABox()
    {
        // A note at 48 and one at 60 every second.
        PianoRollModel model;
        NoteSequence seq;
        for (int i = 0; i < 8; ++i) {
            seq.notes.push_back(Note{48, double(i), 0.5, 0, 0, 80, 0, 0});
            seq.notes.push_back(Note{60, double(i), 0.5, 0, 0, 80, 0, 0});
        }
        model.setSequence(seq);
        PianoRollView view(&model);
        view.resize(800, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setPixelsPerSecond(100);
        view.setKeyHeight(10);
        view.scrollToTime(0);
        view.verticalScrollBar()->setValue(int(PianoRollRenderer::yForPitch(view.viewportState(), 64) - PianoRollRenderer::kRulerHeight
                                               + view.viewportState().topPixel));
        const PianoRollViewport &v = view.viewportState();
        const auto at = [&v](double seconds, int pitch) {
            return QPointF(PianoRollRenderer::xForTime(v, seconds), PianoRollRenderer::yForPitch(v, pitch) + v.keyHeight / 2);
        };
        QSignalSpy seek(&view, &PianoRollView::seekRequested);
        QSignalSpy changed(&view, &PianoRollView::selectionChanged);

        // From an empty place (1.7 s, key 50) to another (4.7 s, key 46): the box holds the
        // notes at 48 of 2, 3 and 4 s. Drawing it does not move the playhead.
        test::sendMouse(view.viewport(), QEvent::MouseButtonPress, at(1.7, 50), Qt::LeftButton);
        QCOMPARE(seek.size(), 0);
        test::sendMouse(view.viewport(), QEvent::MouseMove, at(3.0, 47), Qt::LeftButton);
        test::sendMouse(view.viewport(), QEvent::MouseMove, at(4.7, 46), Qt::LeftButton);
        test::sendMouse(view.viewport(), QEvent::MouseButtonRelease, at(4.7, 46), Qt::NoButton);
        QVERIFY(changed.size() >= 2);
        const NoteRange box = view.selection();
        QVERIFY(std::fabs(box.from - 1.7) < 0.02 && std::fabs(box.to - 4.7) < 0.02);
        QCOMPARE(box.lowPitch, 46);
        QCOMPARE(box.highPitch, 50);
        QCOMPARE(model.sequence().countNotesIn(box), 3);
        QCOMPARE(seek.size(), 0);

        // Painted: the box's rows shaded, not the rows above; the notes it holds outlined.
        QImage image(view.viewport()->size(), QImage::Format_RGB32);
        PianoRollRenderer renderer;
        renderer.setColors(SceneColors::lightScheme());
        const auto paint = [&] {
            QPainter painter(&image);
            renderer.paint(painter, model, v);
        };
        paint();
        const QPoint inBox = at(2.7, 49).toPoint(), aboveBox = at(2.7, 53).toPoint();
        QVERIFY(image.pixelColor(inBox) != image.pixelColor(aboveBox));
        const QPointF held = at(3.25, 48), free = at(3.25, 60);  // the middle of a note
        // The darkest of a note's top three pixel rows: the ruler's dark text colour (under the
        // box's light shade) on a note of the box, its own colour on another.
        const auto topEdge = [&](QPointF middle, int pitch) {
            const int y = int(PianoRollRenderer::yForPitch(v, pitch));
            int darkest = 255;
            for (int dy = 0; dy < 3; ++dy)
                darkest = std::min(darkest, image.pixelColor(int(middle.x()), y + dy).lightness());
            return darkest;
        };
        QCOMPARE(topEdge(free, 60), PianoRollRenderer::velocityColor(80).lightness());
        QVERIFY(topEdge(held, 48) < SceneColors::lightScheme().rulerText.lightness() + 40);
        QVERIFY(image.pixelColor(held.toPoint()).lightness() > 150);  // inside: the note's colour

        // A click (no move) seeks at the release and leaves the box; Esc clears it; Shift+drag
        // selects time over all keys.
        test::sendMouse(view.viewport(), QEvent::MouseButtonPress, at(6.7, 50), Qt::LeftButton);
        QCOMPARE(seek.size(), 0);
        test::sendMouse(view.viewport(), QEvent::MouseButtonRelease, at(6.7, 50), Qt::NoButton);
        QCOMPARE(seek.size(), 1);
        QVERIFY(std::fabs(seek[0][0].toDouble() - 6.7) < 0.02);
        QCOMPARE(view.selection().lowPitch, 46);
        view.setFocus();
        QTest::keyClick(&view, Qt::Key_Escape);
        QVERIFY(!view.hasSelection());
        QTest::mousePress(view.viewport(), Qt::LeftButton, Qt::ShiftModifier, at(1.7, 50).toPoint());
        QMouseEvent move(QEvent::MouseMove, at(4.7, 46), view.viewport()->mapToGlobal(at(4.7, 46)), Qt::NoButton, Qt::LeftButton,
                         Qt::ShiftModifier);
        QApplication::sendEvent(view.viewport(), &move);
        QTest::mouseRelease(view.viewport(), Qt::LeftButton, Qt::ShiftModifier, at(4.7, 46).toPoint());
        QVERIFY(view.selection().allPitches());
        QCOMPARE(model.sequence().countNotesIn(view.selection()), 6);

        // Ctrl+click a note: out of the selection it goes (the time range becoming its other
        // five notes), clicked again it comes back; a note elsewhere joins, and the selection
        // spans them all.
        const auto ctrlClick = [&view](QPointF pos) { QTest::mouseClick(view.viewport(), Qt::LeftButton, Qt::ControlModifier, pos.toPoint()); };
        ctrlClick(at(3.25, 60));
        QCOMPARE(model.sequence().countNotesIn(view.selection()), 5);
        QVERIFY(!view.selection().allPitches());
        QCOMPARE(view.selection().lowPitch, 48);
        QCOMPARE(view.selection().highPitch, 60);
        ctrlClick(at(3.25, 60));
        QCOMPARE(model.sequence().countNotesIn(view.selection()), 6);
        ctrlClick(at(6.25, 48));
        QCOMPARE(model.sequence().countNotesIn(view.selection()), 7);
        QCOMPARE(view.selectionTo(), 6.5);
        QCOMPARE(model.sequence().countNotesIn(NoteRange(view.selectionFrom(), view.selectionTo())), 10);  // 5 and 6 s not chosen
        QTest::keyClick(&view, Qt::Key_Escape);
        ctrlClick(at(0.25, 60));  // with none: that note alone
        QCOMPARE(model.sequence().countNotesIn(view.selection()), 1);
        QCOMPARE(view.selectionFrom(), 0.0);
        ctrlClick(at(0.25, 60));
        QVERIFY(!view.hasSelection());
        QCOMPARE(seek.size(), 1);  // Ctrl+clicks do not seek (the one seek: the click)
    }

    void twentyMinutePieceRendersQuickly()
    {
        PianoRollModel model;
        PianoRollView view(&model);
        view.resize(1200, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        model.setSequence(longPiece(20));
        QVERIFY(model.sequence().notes.size() > 19000);
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 20; ++i) {
            view.scrollToTime(i * 50);
            view.viewport()->repaint();
        }
        qInfo("20 repaints of a 20-minute piece: %lld ms", timer.elapsed());
        // Streaming: appended notes are shown without a reset.
        QSignalSpy reset(&model, &PianoRollModel::reset);
        model.appendNotes({Note{70, 1300, 1, 0, 0, 90, 0, 0}});
        QCOMPARE(reset.size(), 0);
        QCOMPARE(model.duration(), 1301.0);
    }
};

QTEST_MAIN(TestPianoRollView)
#include "TestPianoRollView.moc"
