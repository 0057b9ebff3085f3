// The strips under the Compose panel's roll, as a user uses them: drawing velocities on the
// velocity lane (the selection's notes only, when there is one; Esc cancels), hiding it, and
// making the strips taller, kept for the next start. No composer model is needed.

#include "compose/ComposePanel.h"
#include "compose/PieceEdits.h"
#include "pianoroll/PianoRollModel.h"
#include "pianoroll/PianoRollRenderer.h"
#include "pianoroll/PianoRollView.h"
#include "pianoroll/VelocityLane.h"
#include "support/FreshCompose.h"
#include "support/Mouse.h"
#include "support/Notes.h"

#include <QCheckBox>
#include <QSettings>
#include <QSplitter>
#include <QUndoStack>
#include <QtTest>

#include <memory>

using namespace aichopin;

class TestRollStrips : public QObject {
    Q_OBJECT
    std::unique_ptr<test::FreshCompose> m_fresh;  // each test as at a first start

private Q_SLOTS:
    void init() { m_fresh = std::make_unique<test::FreshCompose>(); }

    void velocitiesAreDrawnOnTheirLane()
    {
        ComposePanel panel;
        panel.resize(1000, 600);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        auto *lane = panel.findChild<VelocityLane *>(QStringLiteral("velocityLane"));
        QVERIFY(lane);
        QVERIFY(lane->isVisible());
        // A chord (48 + 60) every second for 8 s, all at velocity 70.
        NoteSequence piece;
        for (int i = 0; i < 8; ++i) {
            piece.notes.push_back(test::note(48, i, 0.5, 70));
            piece.notes.push_back(test::note(60, i, 0.5, 70));
        }
        piece.syncTicksFromSeconds();
        panel.showPiece(piece, QStringLiteral("Open p.mid"), QStringLiteral("p.mid"));
        PianoRollView *roll = panel.roll();
        roll->setPixelsPerSecond(100);
        roll->scrollToTime(0);
        const PianoRollViewport &v = roll->viewportState();
        const auto at = [&](double seconds, int velocity) { return QPointF(PianoRollRenderer::xForTime(v, seconds), lane->yForVelocity(velocity)); };
        QCOMPARE(lane->velocityAt(lane->yForVelocity(100)), 100);
        const auto velocity = [&panel](int pitch, double start) {
            for (const Note &n : panel.piece().notes)
                if (n.pitch == pitch && n.start == start)
                    return n.velocity;
            return -1;
        };

        // A stroke from 1.9 s (loud) to 5.1 s (soft): a diminuendo over the chords of 2 to 5 s,
        // both notes of each; the piece changes at the release, in one undo step.
        test::sendMouse(lane, QEvent::MouseButtonPress, at(1.9, 120), Qt::LeftButton);
        test::sendMouse(lane, QEvent::MouseMove, at(3.5, 80), Qt::LeftButton);
        test::sendMouse(lane, QEvent::MouseMove, at(5.1, 40), Qt::LeftButton);
        QCOMPARE(velocity(60, 2.0), 70);  // not yet
        QVERIFY(panel.rollModel()->sequence().notes[4].velocity > 100);  // but shown
        test::sendMouse(lane, QEvent::MouseButtonRelease, at(5.1, 40), Qt::NoButton);
        const int v2 = velocity(60, 2.0), v3 = velocity(60, 3.0), v4 = velocity(60, 4.0), v5 = velocity(60, 5.0);
        QVERIFY2(v2 > v3 && v3 > v4 && v4 > v5, qPrintable(QStringLiteral("%1 %2 %3 %4").arg(v2).arg(v3).arg(v4).arg(v5)));
        QVERIFY(std::abs(v2 - 117) <= 2 && std::abs(v5 - 42) <= 2);
        QCOMPARE(velocity(48, 3.0), v3);
        QCOMPARE(velocity(60, 1.0), 70);
        QCOMPARE(velocity(60, 6.0), 70);
        QCOMPARE(panel.undoStack()->undoText(), QStringLiteral("Drew the velocities of 8 note(s)"));
        panel.undoStack()->undo();
        QCOMPARE(velocity(60, 3.0), 70);

        // With a selection (the upper notes, boxed), only its notes are drawn.
        NoteRange top(0.0, 8.0, 55, 65);
        roll->setSelection(top);
        test::sendMouse(lane, QEvent::MouseButtonPress, at(0.9, 20), Qt::LeftButton);
        test::sendMouse(lane, QEvent::MouseMove, at(7.5, 20), Qt::LeftButton);
        test::sendMouse(lane, QEvent::MouseButtonRelease, at(7.5, 20), Qt::NoButton);
        QCOMPARE(velocity(60, 4.0), 20);
        QCOMPARE(velocity(48, 4.0), 70);
        QCOMPARE(velocity(60, 0.0), 70);  // before the stroke
        panel.undoStack()->undo();
        roll->setSelection(-1, -1);

        // Esc mid-stroke: back as they were, no edit.
        const int steps = panel.undoStack()->count();
        lane->setFocus();
        test::sendMouse(lane, QEvent::MouseButtonPress, at(2.9, 120), Qt::LeftButton);
        test::sendMouse(lane, QEvent::MouseMove, at(4.1, 120), Qt::LeftButton);
        QCOMPARE(panel.rollModel()->sequence().notes[6].velocity, 120);
        QTest::keyClick(lane, Qt::Key_Escape);
        test::sendMouse(lane, QEvent::MouseButtonRelease, at(4.1, 120), Qt::NoButton);
        QCOMPARE(panel.undoStack()->count(), steps);
        QCOMPARE(panel.rollModel()->sequence().notes[6].velocity, 70);
        // Hidden with its box, and remembered.
        for (QCheckBox *box : panel.findChildren<QCheckBox *>())
            if (box->text().contains(QLatin1String("elocities")))
                box->setChecked(false);
        QVERIFY(!lane->isVisible());
        QCOMPARE(QSettings().value(QStringLiteral("compose/showVelocities")).toBool(), false);
        QSettings().remove(QStringLiteral("compose/showVelocities"));
    }

    void theStripsCanBeMadeTallerAndStaySo()
    {
        int laneHeight = 0;
        {
            ComposePanel panel;
            panel.resize(1000, 700);
            panel.show();
            QVERIFY(QTest::qWaitForWindowExposed(&panel));
            auto *splitter = panel.findChild<QSplitter *>(QStringLiteral("rollSplitter"));
            QVERIFY(splitter);
            auto *lane = panel.findChild<VelocityLane *>(QStringLiteral("velocityLane"));
            const int before = lane->height(), rollBefore = panel.roll()->height();
            // The handle between the roll and the lane dragged 80 px up: the lane grows.
            QSplitterHandle *handle = splitter->handle(1);
            const QPoint mid(handle->width() / 2, handle->height() / 2);
            test::sendMouse(handle, QEvent::MouseButtonPress, mid, Qt::LeftButton);
            test::sendMouse(handle, QEvent::MouseMove, mid - QPoint(0, 40), Qt::LeftButton);
            test::sendMouse(handle, QEvent::MouseMove, mid - QPoint(0, 80), Qt::LeftButton);
            test::sendMouse(handle, QEvent::MouseButtonRelease, mid - QPoint(0, 80), Qt::NoButton);
            QVERIFY2(lane->height() >= before + 60, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(lane->height())));
            QVERIFY(panel.roll()->height() <= rollBefore - 60);
            laneHeight = lane->height();
        }
        // The next start lays them out as they were left.
        ComposePanel next;
        next.resize(1000, 700);
        next.show();
        QVERIFY(QTest::qWaitForWindowExposed(&next));
        QVERIFY(std::abs(next.findChild<VelocityLane *>(QStringLiteral("velocityLane"))->height() - laneHeight) <= 2);
    }
};

QTEST_MAIN(TestRollStrips)
#include "TestRollStrips.moc"
