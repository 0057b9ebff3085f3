// Selecting some notes of the piece on the Compose panel's roll and editing them together, as a
// user would: a box over some keys, Ctrl+click, the Edit menu on the selection's notes, dragging
// them all by one, Cut, Copy, Paste and Duplicate, moving them earlier or later, and many edits
// in a random order that must leave the piece sound and undoable. No composer model is needed.

#include "compose/ComposePanel.h"
#include "compose/PieceEdits.h"
#include "pianoroll/PianoRollModel.h"
#include "pianoroll/PianoRollRenderer.h"
#include "pianoroll/PianoRollView.h"
#include "pianoroll/VelocityLane.h"
#include "support/FreshCompose.h"
#include "support/Mouse.h"
#include "support/Notes.h"

#include <QRandomGenerator>
#include <QUndoStack>
#include <QtTest>

#include <memory>

using namespace aichopin;

class TestNoteSelection : public QObject {
    Q_OBJECT
    std::unique_ptr<test::FreshCompose> m_fresh;  // each test as at a first start

private Q_SLOTS:
    void init() { m_fresh = std::make_unique<test::FreshCompose>(); }

    void aBoxOfNotesIsEditedAndDraggedTogether()
    {
        // A melody (60, 61, ... one a second) over a bass note (48) every second.
        NoteSequence piece;
        for (int i = 0; i < 8; ++i) {
            piece.notes.push_back(test::note(48, i, 0.5, 70));
            piece.notes.push_back(test::note(60 + i, i, 0.5, 70));
        }
        piece.syncTicksFromSeconds();
        ComposePanel panel;
        panel.resize(1000, 500);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.showPiece(piece, QStringLiteral("Open p.mid"), QStringLiteral("p.mid"));
        PianoRollView *roll = panel.roll();
        roll->setPixelsPerSecond(100);
        roll->scrollToTime(0);
        const PianoRollViewport &v = roll->viewportState();
        const auto at = [&v](double seconds, int pitch) {
            return QPointF(PianoRollRenderer::xForTime(v, seconds), PianoRollRenderer::yForPitch(v, pitch) + v.keyHeight / 2);
        };
        const auto mouse = [roll](QEvent::Type type, QPointF pos, Qt::MouseButtons buttons) {
            test::sendMouse(roll->viewport(), type, pos, buttons);
        };
        const auto count = [&panel](int pitch) { return panel.piece().countNotesIn(NoteRange(0.0, 100.0, pitch, pitch)); };

        // The bass of 2 to 4 s boxed with the mouse, from an empty place to another.
        mouse(QEvent::MouseButtonPress, at(1.7, 49), Qt::LeftButton);
        mouse(QEvent::MouseMove, at(3.0, 48), Qt::LeftButton);
        mouse(QEvent::MouseMove, at(4.7, 47), Qt::LeftButton);
        mouse(QEvent::MouseButtonRelease, at(4.7, 47), Qt::NoButton);
        const NoteRange box = roll->selection();
        QCOMPARE(box.lowPitch, 47);
        QCOMPARE(box.highPitch, 49);
        QVERIFY(panel.edits()->deleteNotesAction()->isEnabled());

        // Delete: those three only.
        panel.edits()->deleteNotesAction()->trigger();
        QCOMPARE(panel.piece().notes.size(), size_t(13));
        QCOMPARE(count(48), 5);
        QVERIFY2(panel.undoStack()->undoText().startsWith(QLatin1String("Deleted 3 note(s) in 0:01.7 to 0:04.7 (B2 to C#3)")),
                 qPrintable(panel.undoStack()->undoText()));
        panel.undoStack()->undo();
        QCOMPARE(panel.piece().notes.size(), size_t(16));

        // Up an octave, and again: the box follows its notes, so the same three move twice.
        const QList<QAction *> transpose = panel.edits()->transposeActions();
        transpose[2]->trigger();
        QCOMPARE(count(60), 4);  // the melody's 60 at 0 s, and the three
        QCOMPARE(roll->selection().lowPitch, 59);
        QCOMPARE(roll->selection().highPitch, 61);
        transpose[2]->trigger();
        QCOMPARE(count(72), 3);
        QCOMPARE(count(48), 5);
        QCOMPARE(count(62), 1);  // the melody stayed
        panel.undoStack()->undo();
        panel.undoStack()->undo();
        QCOMPARE(count(48), 8);
        QCOMPARE(roll->selection().lowPitch, 47);  // the box came back down with them

        // Louder: those three; Crop: they become a piece of their own.
        roll->setSelection(box);
        panel.edits()->dynamicsActions()[0]->trigger();
        QCOMPARE(panel.piece().countNotesIn(NoteRange(0.0, 100.0, 0, 127)), 16);
        int loud = 0;
        for (const Note &n : panel.piece().notes)
            loud += n.velocity == 84 ? 1 : 0;
        QCOMPARE(loud, 3);
        panel.undoStack()->undo();
        panel.edits()->cropAction()->trigger();
        QCOMPARE(panel.piece().notes.size(), size_t(3));
        QCOMPARE(count(48), 3);
        panel.undoStack()->undo();
        QCOMPARE(panel.piece().notes.size(), size_t(16));

        // A note of the box dragged a second later and two keys up takes the other two with it;
        // the box goes with them.
        roll->setSelection(box);
        mouse(QEvent::MouseButtonPress, at(2.2, 48), Qt::LeftButton);
        mouse(QEvent::MouseMove, at(2.6, 48), Qt::LeftButton);
        mouse(QEvent::MouseMove, at(3.2, 50), Qt::LeftButton);
        QCOMPARE(panel.piece().notes.size(), size_t(16));
        QCOMPARE(count(50), 0);  // shown while dragging, the piece unchanged...
        mouse(QEvent::MouseButtonRelease, at(3.2, 50), Qt::NoButton);
        QCOMPARE(count(50), 3);  // ...moved at the release
        QCOMPARE(count(48), 5);
        const NoteSequence moved = panel.piece();
        QCOMPARE(moved.countNotesIn(NoteRange(3.0, 3.01, 50, 50)), 1);
        QCOMPARE(moved.countNotesIn(NoteRange(5.0, 5.01, 50, 50)), 1);
        QCOMPARE(moved.countNotesIn(NoteRange(0.0, 100.0, 60, 67)), 8);  // the melody stayed
        QVERIFY2(panel.undoStack()->undoText().startsWith(QLatin1String("Moved the 3 note(s) of")),
                 qPrintable(panel.undoStack()->undoText()));
        QCOMPARE(roll->selection().lowPitch, 49);
        QCOMPARE(roll->selection().highPitch, 51);
        QVERIFY(std::fabs(roll->selection().from - (box.from + 1.0)) < 1e-9);
        QCOMPARE(panel.piece().countNotesIn(roll->selection()), 3);
        // Undone, the box goes back with its notes; redone, with them again.
        panel.undoStack()->undo();
        QCOMPARE(count(48), 8);
        QCOMPARE(roll->selection().lowPitch, 47);
        QCOMPARE(panel.piece().countNotesIn(roll->selection()), 3);
        panel.undoStack()->redo();
        QCOMPARE(roll->selection().lowPitch, 49);
        QCOMPARE(panel.piece().countNotesIn(roll->selection()), 3);
        panel.undoStack()->undo();

        // A time range's notes dragged half a second later: the selection holds those six, not
        // the two of 5 s that its time now takes in.
        roll->setSelection(2.0, 5.0);
        panel.edits()->dragNote(4, PianoRollView::NoteDrag::Move, 0, 0.5, true);  // the bass at 2 s
        QCOMPARE(panel.piece().countNotesIn(NoteRange(4.5, 4.51)), 2);
        QCOMPARE(roll->selection().from, 2.5);
        QCOMPARE(panel.piece().countNotesIn(roll->selection()), 6);
        QCOMPARE(panel.piece().countNotesIn(NoteRange(2.5, 5.5)), 8);
        panel.edits()->transposeActions()[1]->trigger();  // and those six only go down
        QCOMPARE(count(47), 3);
        QCOMPARE(panel.piece().countNotesIn(roll->selection()), 6);
        panel.undoStack()->undo();
        panel.undoStack()->undo();
        QCOMPARE(count(48), 8);
        QCOMPARE(count(47), 0);

        // A note out of the box moves alone; so does one dragged by its end.
        roll->setSelection(box);
        mouse(QEvent::MouseButtonPress, at(6.2, 66), Qt::LeftButton);
        mouse(QEvent::MouseMove, at(6.6, 67), Qt::LeftButton);
        mouse(QEvent::MouseButtonRelease, at(6.6, 67), Qt::NoButton);
        QCOMPARE(count(67), 2);
        QCOMPARE(count(48), 8);
        panel.undoStack()->undo();
        // Dragged far back, the box's first note stops at 0 and the others keep their distance.
        panel.edits()->dragNote(2 * 3, PianoRollView::NoteDrag::Move, 0, -10.0, false);  // the bass at 3 s
        panel.edits()->dragNote(2 * 3, PianoRollView::NoteDrag::Move, 0, -10.0, true);
        QCOMPARE(panel.piece().countNotesIn(NoteRange(0.0, 0.01, 48, 48)), 2);  // the one at 0 s and the one from 2 s
        QCOMPARE(panel.piece().countNotesIn(NoteRange(1.0, 1.01, 48, 48)), 2);
        QCOMPARE(panel.piece().countNotesIn(NoteRange(2.0, 2.01, 48, 48)), 1);
        QCOMPARE(panel.piece().countNotesIn(NoteRange(3.0, 3.01, 48, 48)), 0);
    }

    void notesAreCutCopiedPastedAndDuplicated()
    {
        ComposePanel panel;
        panel.resize(1000, 500);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        PieceEdits *edits = panel.edits();
        const QList<QAction *> clip = edits->clipboardActions();
        QAction *cut = clip[0], *copy = clip[1], *paste = clip[2], *duplicate = clip[3];
        QCOMPARE(copy->shortcut(), QKeySequence(QKeySequence::Copy));
        QCOMPARE(duplicate->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_D));
        // Four bars of 4/4 at 120 bpm (2 s each), a note on every beat, 60 up to 75.
        NoteSequence piece;
        for (int i = 0; i < 16; ++i)
            piece.notes.push_back(test::note(60 + i, i * 0.5, 0.4, 50 + i));
        piece.timeSignatures = {TimeSignature{0, 4, 4}};
        piece.syncTicksFromSeconds();
        panel.showPiece(piece, QStringLiteral("Open bars.mid"), QStringLiteral("bars.mid"));
        QVERIFY(!copy->isEnabled());  // nothing selected
        QVERIFY(!paste->isEnabled());  // nothing copied

        // Bar 2 copied, then pasted where the playhead is (bar 4, from a click on the roll
        // off the grid: on the nearest sixteenth).
        PianoRollView *roll = panel.roll();
        roll->setSelection(2.0, 4.0);
        QVERIFY(copy->isEnabled());
        copy->trigger();
        QVERIFY2(panel.message().startsWith(QLatin1String("Copied 4 note(s) of bars 2 to 2")), qPrintable(panel.message()));
        QVERIFY(paste->isEnabled());
        QCOMPARE(panel.piece().notes.size(), size_t(16));  // copying changes nothing
        Q_EMIT roll->seekRequested(6.03);
        paste->trigger();
        const NoteSequence &pasted = panel.piece();
        QCOMPARE(pasted.notes.size(), size_t(20));
        QCOMPARE(pasted.countNotesIn(NoteRange(6.0, 6.01, 64, 64)), 1);  // bar 2's first note, now at 6 s
        QCOMPARE(pasted.countNotesIn(NoteRange(7.5, 7.51, 67, 67)), 1);
        const auto it = std::find_if(pasted.notes.begin(), pasted.notes.end(), [](const Note &n) { return n.pitch == 67 && n.start == 7.5; });
        QCOMPARE(it->velocity, 57);
        QCOMPARE(it->duration, 0.4);
        QCOMPARE(it->startTick, qint64(pasted.tempoMap.tickAt(7.5)));
        QCOMPARE(panel.undoStack()->undoText(), QStringLiteral("Pasted 4 note(s) at bar 4"));
        // The pasted notes are the selection: Transpose moves them and not bar 4's own.
        QCOMPARE(pasted.countNotesIn(roll->selection()), 4);
        edits->transposeActions()[2]->trigger();
        QCOMPARE(panel.piece().countNotesIn(NoteRange(6.0, 8.0, 76, 79)), 4);
        QCOMPARE(panel.piece().countNotesIn(NoteRange(6.0, 8.0, 72, 75)), 4);
        panel.undoStack()->undo();
        panel.undoStack()->undo();
        QCOMPARE(panel.piece().notes.size(), size_t(16));

        // Duplicate bar 1: its copy fills bar 2 beside bar 2's notes, and is the selection, so
        // Duplicate again fills bar 3.
        roll->setSelection(0.0, 2.0);
        duplicate->trigger();
        QCOMPARE(panel.piece().notes.size(), size_t(20));
        QCOMPARE(panel.piece().countNotesIn(NoteRange(2.0, 4.0, 60, 63)), 4);
        QCOMPARE(panel.undoStack()->undoText(), QStringLiteral("Duplicated bars 1 to 1"));
        QCOMPARE(roll->selectionFrom(), 2.0);
        duplicate->trigger();
        QCOMPARE(panel.piece().countNotesIn(NoteRange(4.0, 6.0, 60, 63)), 4);
        panel.undoStack()->undo();
        panel.undoStack()->undo();

        // Cut: out of the piece, one undo step, and pasted back elsewhere.
        roll->setSelection(0.0, 2.0);
        cut->trigger();
        QCOMPARE(panel.piece().notes.size(), size_t(12));
        QCOMPARE(panel.piece().countNotesIn(NoteRange(0.0, 2.0)), 0);
        QCOMPARE(panel.undoStack()->undoText(), QStringLiteral("Cut 4 note(s) of bars 1 to 1"));
        Q_EMIT roll->seekRequested(8.0);
        paste->trigger();
        QCOMPARE(panel.piece().notes.size(), size_t(16));
        QCOMPARE(panel.piece().countNotesIn(NoteRange(8.0, 10.0, 60, 63)), 4);
        QCOMPARE(panel.piece().duration(), 9.9);
        panel.undoStack()->undo();
        panel.undoStack()->undo();
        QCOMPARE(panel.piece().notes.size(), size_t(16));
        QCOMPARE(panel.piece().countNotesIn(NoteRange(0.0, 2.0)), 4);

        // Nothing to copy in an empty stretch: a message, and what was copied stays.
        roll->setSelection(NoteRange(0.0, 2.0, 100, 110));
        copy->trigger();
        QVERIFY2(panel.message().contains(QLatin1String("nothing to copy")), qPrintable(panel.message()));
        Q_EMIT roll->seekRequested(0.0);
        paste->trigger();
        QCOMPARE(panel.piece().countNotesIn(NoteRange(0.0, 2.0, 60, 63)), 8);
    }

    void selectedNotesAreNudgedInTime()
    {
        ComposePanel panel;
        panel.resize(1000, 500);
        panel.show();
        const QList<QAction *> nudge = panel.edits()->nudgeActions();
        QCOMPARE(nudge[0]->shortcut(), QKeySequence(Qt::ALT | Qt::Key_Left));
        QCOMPARE(nudge[1]->shortcut(), QKeySequence(Qt::ALT | Qt::Key_Right));
        NoteSequence piece = test::twoNotes();  // C4 from 0 s, E4 from 1 s
        panel.showPiece(piece, QStringLiteral("Open p.mid"), QStringLiteral("p.mid"));
        QVERIFY(!nudge[1]->isEnabled());  // nothing selected
        // Without bars, 0.05 s a step; the selection goes with its note.
        panel.roll()->setSelection(0.5, 1.5);
        nudge[1]->trigger();
        nudge[1]->trigger();
        QVERIFY(std::abs(panel.piece().notes[1].start - 1.1) < 1e-9);
        QCOMPARE(panel.piece().notes[1].startTick, panel.piece().tempoMap.tickAt(panel.piece().notes[1].start));
        QCOMPARE(panel.piece().notes[0].start, 0.0);
        QCOMPARE(panel.piece().countNotesIn(panel.roll()->selection()), 1);
        QVERIFY2(panel.undoStack()->undoText().startsWith(QLatin1String("Moved 0:00.6 to 0:01.6 later")), qPrintable(panel.undoStack()->undoText()));
        panel.undoStack()->undo();
        panel.undoStack()->undo();
        QCOMPARE(panel.piece().notes[1].start, 1.0);
        // Not before 0: at the start, a message and no edit.
        panel.roll()->setSelection(0.0, 0.5);
        const int steps = panel.undoStack()->count();
        nudge[0]->trigger();
        QCOMPARE(panel.undoStack()->count(), steps);
        QVERIFY2(panel.message().contains(QLatin1String("cannot move earlier")), qPrintable(panel.message()));
        // In bars (120 bpm, 4/4), a sixteenth: 0.125 s.
        piece.timeSignatures = {TimeSignature{0, 4, 4}};
        panel.showPiece(piece, QStringLiteral("Open bars.mid"), QStringLiteral("bars.mid"));
        panel.roll()->setSelection(0.5, 2.0);
        nudge[0]->trigger();
        QCOMPARE(panel.piece().notes[1].start, 0.875);
        QCOMPARE(panel.piece().notes[1].startTick, qint64(840));
        nudge[1]->trigger();
        nudge[1]->trigger();
        QCOMPARE(panel.piece().notes[1].start, 1.125);
    }

    void randomEditsKeepThePieceSoundAndUndoable()
    {
        // Many edits in a random order, as a user trying everything: after each the piece stays
        // sorted, on the keyboard and in MIDI's ranges; undoing them all gives back the piece.
        // Four orders here; AICHOPIN_EDIT_SEEDS=N tries N.
        const int seeds = std::max(4, qEnvironmentVariableIntValue("AICHOPIN_EDIT_SEEDS"));
        for (int seed = 1; seed <= seeds && !QTest::currentTestFailed(); ++seed)
            randomEdits(quint32(seed));
    }

private:
    void randomEdits(quint32 seed)
    {
        ComposePanel panel;
        panel.resize(1000, 600);
        panel.show();
        NoteSequence piece = test::scale(60);
        piece.timeSignatures = {TimeSignature{0, 3, 4}};
        piece.syncTicksFromSeconds();
        panel.showPiece(piece, QStringLiteral("Open p.mid"), QStringLiteral("p.mid"));
        const int start = panel.undoStack()->count();
        PieceEdits *edits = panel.edits();
        PianoRollView *roll = panel.roll();
        auto *lane = panel.findChild<VelocityLane *>(QStringLiteral("velocityLane"));
        QList<QAction *> actions = edits->actions();
        actions.removeAll(edits->cropAction());  // a crop keeps part of the piece: checked on its own above
        QRandomGenerator random{seed};
        const auto anyTime = [&random, &panel] { return random.bounded(std::max(1.0, panel.piece().duration() + 2.0)); };
        for (int step = 0; step < 400; ++step) {
            const int shown = int(panel.rollModel()->sequence().notes.size());
            const int kind = random.bounded(10);
            QString did = QString::number(kind);
            switch (kind) {
            case 0: {
                const double a = anyTime(), b = anyTime();
                roll->setSelection(std::min(a, b), std::max(a, b));
                break;
            }
            case 1: {
                const double a = anyTime(), b = anyTime();
                const int p = random.bounded(50, 80), q = random.bounded(50, 80);
                NoteRange box(std::min(a, b), std::max(a, b), std::min(p, q), std::max(p, q));
                for (const Note &n : panel.rollModel()->sequence().notes)
                    if (NoteRange(box.from, box.to, box.lowPitch, box.highPitch).holds(n))
                        box.only.push_back(n);
                roll->setSelection(box);
                break;
            }
            case 2:
                if (shown > 0)
                    roll->toggleNoteInSelection(random.bounded(shown));
                break;
            case 3:
                if (shown > 0) {
                    const int note = random.bounded(shown);
                    const auto kind = random.bounded(3) == 0 ? PianoRollView::NoteDrag::Resize : PianoRollView::NoteDrag::Move;
                    edits->dragNote(note, kind, random.bounded(-14, 15), random.bounded(4.0) - 2.0, false);
                    edits->dragNote(note, kind, random.bounded(-14, 15), random.bounded(4.0) - 2.0, true);
                }
                break;
            case 4: {
                std::vector<int> velocities;
                for (const Note &n : panel.rollModel()->sequence().notes)
                    velocities.push_back(random.bounded(3) == 0 ? random.bounded(1, 128) : n.velocity);
                edits->drawVelocities(velocities, true);
                break;
            }
            case 5:
                Q_EMIT roll->seekRequested(anyTime());
                break;
            case 8: {
                // A gesture with the mouse on the roll or the velocity lane: a press, moves
                // (perhaps Esc among them) and a release, with any modifiers.
                static constexpr Qt::KeyboardModifiers mods[] = {Qt::NoModifier, Qt::ShiftModifier, Qt::ControlModifier,
                                                                 Qt::ShiftModifier | Qt::ControlModifier, Qt::AltModifier};
                QWidget *target = random.bounded(4) == 0 ? static_cast<QWidget *>(lane) : roll->viewport();
                const Qt::KeyboardModifiers m = mods[random.bounded(5)];
                const auto place = [&] { return QPointF(random.bounded(double(target->width())), random.bounded(double(target->height()))); };
                const auto send = [&](QEvent::Type type, QPointF pos, Qt::MouseButtons held) {
                    QMouseEvent e(type, pos, target->mapToGlobal(pos), type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton, held, m);
                    QApplication::sendEvent(target, &e);
                };
                send(random.bounded(5) == 0 ? QEvent::MouseButtonDblClick : QEvent::MouseButtonPress, place(), Qt::LeftButton);
                for (int k = random.bounded(5); k > 0; --k) {
                    send(QEvent::MouseMove, place(), Qt::LeftButton);
                    if (random.bounded(8) == 0)
                        QTest::keyClick(target == lane ? static_cast<QWidget *>(lane) : roll, Qt::Key_Escape);
                }
                send(QEvent::MouseButtonRelease, place(), Qt::NoButton);
                did = QStringLiteral("mouse on the %1").arg(target == lane ? QStringLiteral("lane") : QStringLiteral("roll"));
                break;
            }
            case 9:
                roll->scrollToTime(anyTime());
                roll->setPixelsPerSecond(10.0 + random.bounded(290.0));
                break;
            case 6:
                if (panel.undoStack()->index() > start && random.bounded(2) == 0)
                    panel.undoStack()->undo();
                else if (panel.undoStack()->canRedo())
                    panel.undoStack()->redo();
                break;
            default: {
                QAction *a = actions[random.bounded(int(actions.size()))];
                did = a->text();
                a->trigger();
                break;
            }
            }
            const NoteSequence &p = panel.piece();
            QCOMPARE(panel.rollModel()->sequence().notes.size(), p.notes.size());  // no draft left showing
            for (size_t i = 0; i < p.notes.size(); ++i) {
                const Note &n = p.notes[i];
                QVERIFY2(n.pitch >= 0 && n.pitch <= 127 && n.velocity >= 1 && n.velocity <= 127 && n.duration > 0 && n.start >= 0,
                         qPrintable(QStringLiteral("seed %7, step %1 (%8): note %2 pitch %3 velocity %4 at %5 for %6").arg(step).arg(i).arg(n.pitch)
                                        .arg(n.velocity).arg(n.start).arg(n.duration).arg(seed).arg(did)));
                // On one clock: an exported file plays the notes where the roll shows them.
                QVERIFY2(std::abs(p.tempoMap.tickAt(n.start) - n.startTick) <= 1 && std::abs(p.tempoMap.tickAt(n.end()) - n.startTick - n.durationTicks) <= 1,
                         qPrintable(QStringLiteral("seed %1, step %2 (%3): note %4 at %5 s is at tick %6, not %7").arg(seed).arg(step).arg(did)
                                        .arg(i).arg(n.start).arg(n.startTick).arg(p.tempoMap.tickAt(n.start))));
                if (i > 0) {
                    const Note &m = p.notes[i - 1];
                    QVERIFY2(m.start < n.start || (m.start == n.start && m.pitch <= n.pitch), qPrintable(QStringLiteral("seed %3, step %1 (%4): unsorted at %2").arg(step).arg(i).arg(seed).arg(did)));
                }
            }
        }
        QVERIFY(panel.undoStack()->index() > start);  // it did edit
        while (panel.undoStack()->index() > start)
            panel.undoStack()->undo();
        QCOMPARE(panel.piece().notes.size(), piece.notes.size());
        for (size_t i = 0; i < piece.notes.size(); ++i) {
            QCOMPARE(panel.piece().notes[i].pitch, piece.notes[i].pitch);
            QCOMPARE(panel.piece().notes[i].start, piece.notes[i].start);
            QCOMPARE(panel.piece().notes[i].velocity, piece.notes[i].velocity);
        }
        while (panel.undoStack()->canRedo())  // and redoing them all is sound too
            panel.undoStack()->redo();
        QCOMPARE(panel.rollModel()->sequence().notes.size(), panel.piece().notes.size());
        while (panel.undoStack()->index() > start)
            panel.undoStack()->undo();
    }
};

QTEST_MAIN(TestNoteSelection)
#include "TestNoteSelection.moc"
