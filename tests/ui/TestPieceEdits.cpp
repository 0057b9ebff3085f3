// Editing the piece on the Compose panel's roll as a user would: the Edit menu's range edits
// (delete, crop, transpose, louder and softer, slow down and speed up), the roll's note gestures
// (right-click menu, double-click to add, drag a note or its end), each an undo step, and an
// edit while the piece plays. No composer model is needed: pieces are shown as opened files.
// Selecting some notes and editing them together is in TestNoteSelection; the strips under the
// roll in TestRollStrips.

#include "compose/ComposePanel.h"
#include "compose/PieceEdits.h"
#include "compose/PlaybackController.h"
#include "midi/SmfReader.h"
#include "pianoroll/PianoRollModel.h"
#include "pianoroll/PianoRollRenderer.h"
#include "pianoroll/PianoRollView.h"
#include "support/FreshCompose.h"
#include "support/Mouse.h"
#include "support/Notes.h"

#include <QMenu>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <memory>

using namespace aichopin;

using test::twoNotes;

class TestPieceEdits : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<test::FreshCompose> m_fresh;  // each test as at a first start

private Q_SLOTS:
    void init() { m_fresh = std::make_unique<test::FreshCompose>(); }

    void selectedNotesAreDeletedAndTransposedUndoably()
    {
        ComposePanel panel;
        panel.resize(1000, 500);
        panel.show();
        QAction *del = panel.edits()->deleteNotesAction();
        const QList<QAction *> transpose = panel.edits()->transposeActions();
        QCOMPARE(transpose.size(), 4);
        QCOMPARE(del->shortcut(), QKeySequence(QKeySequence::Delete));
        QCOMPARE(transpose[0]->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Up));
        QVERIFY(!del->isEnabled());  // no piece, no selection
        QVERIFY(!transpose[0]->isEnabled());
        const NoteSequence scale = test::scale(20);  // a note every 0.5 s: 60..71, 60..67
        panel.showPiece(scale, QStringLiteral("Open scale.mid"), QStringLiteral("scale.mid"));
        QVERIFY(!del->isEnabled());
        QVERIFY(transpose[0]->isEnabled());

        // Delete: the notes that start in the selection go, the time stays.
        panel.roll()->setSelection(2.0, 4.0);  // the notes at 2.0, 2.5, 3.0 and 3.5 s
        QVERIFY(del->isEnabled());
        panel.roll()->setPixelsPerSecond(300);  // zoomed in on the selection...
        panel.roll()->scrollToTime(2.0);
        const int scrolled = panel.roll()->horizontalScrollBar()->value();
        QVERIFY(scrolled > 0);
        del->trigger();
        QCOMPARE(panel.roll()->pixelsPerSecond(), 300.0);  // ...it stays there
        QCOMPARE(panel.roll()->horizontalScrollBar()->value(), scrolled);
        QCOMPARE(panel.piece().notes.size(), size_t(16));
        QCOMPARE(panel.rollModel()->sequence().notes.size(), size_t(16));
        QCOMPARE(panel.piece().notes[4].start, 4.0);
        QCOMPARE(panel.piece().duration(), scale.duration());
        QCOMPARE(panel.pieceName(), QStringLiteral("scale.mid"));  // still that piece
        QCOMPARE(panel.undoStack()->undoText(), QStringLiteral("Deleted 4 note(s) in 0:02.0 to 0:04.0"));
        del->trigger();  // nothing left there
        QCOMPARE(panel.piece().notes.size(), size_t(16));
        QVERIFY2(panel.message().startsWith(QLatin1String("No notes start in 0:02.0 to 0:04.0")), qPrintable(panel.message()));
        panel.undoStack()->undo();
        QCOMPARE(panel.piece().notes.size(), size_t(20));
        QCOMPARE(panel.roll()->pixelsPerSecond(), 300.0);

        // Transpose the selection up a semitone: only its notes move.
        panel.roll()->setSelection(0.0, 1.0);
        transpose[0]->trigger();
        QCOMPARE(panel.piece().notes[0].pitch, 61);
        QCOMPARE(panel.piece().notes[1].pitch, 62);
        QCOMPARE(panel.piece().notes[2].pitch, 62);
        QCOMPARE(panel.rollModel()->sequence().notes[0].pitch, 61);
        QCOMPARE(panel.undoStack()->undoText(), QStringLiteral("Transposed 0:00.0 to 0:01.0 up a semitone"));
        // With no selection, the whole piece, down an octave.
        panel.roll()->setSelection(-1, -1);
        transpose[3]->trigger();
        QCOMPARE(panel.piece().notes[0].pitch, 49);
        QCOMPARE(panel.piece().notes[19].pitch, 55);
        QCOMPARE(panel.undoStack()->undoText(), QStringLiteral("Transposed the piece down an octave"));
        panel.undoStack()->undo();
        panel.undoStack()->undo();
        QCOMPARE(panel.piece().notes[0].pitch, 60);
        QCOMPARE(panel.piece().notes[19].pitch, 67);
        QCOMPARE(panel.roll()->selectionTo(), 1.0);  // the selection the first edit was made with
        panel.roll()->setSelection(-1, -1);
        // Beyond the MIDI range: nothing moves, and the message says why.
        for (int i = 0; i < 4; ++i)
            transpose[2]->trigger();  // the top note, 71, up to 119
        QCOMPARE(panel.piece().highestPitch(), 119);
        transpose[2]->trigger();  // 131 is no MIDI note
        QCOMPARE(panel.piece().highestPitch(), 119);
        QCOMPARE(panel.piece().lowestPitch(), 108);
        QVERIFY2(panel.message().contains(QLatin1String("would leave the MIDI range")), qPrintable(panel.message()));
        QCOMPARE(panel.undoStack()->undoText(), QStringLiteral("Transposed the piece up an octave"));

        // Select All (Ctrl+A): the whole piece's time, so Delete empties it (undoably).
        QAction *all = panel.edits()->selectAllAction();
        QCOMPARE(all->shortcut(), QKeySequence(QKeySequence::SelectAll));
        all->trigger();
        QVERIFY(panel.roll()->hasSelection());
        QCOMPARE(panel.roll()->selectionFrom(), 0.0);
        QCOMPARE(panel.roll()->selectionTo(), panel.piece().duration());
        del->trigger();
        QCOMPARE(panel.piece().notes.size(), size_t(0));
        QVERIFY(!all->isEnabled());
        QVERIFY(!transpose[0]->isEnabled());
        panel.undoStack()->undo();
        QCOMPARE(panel.piece().notes.size(), size_t(20));

        // Crop to Selection: the range becomes the piece, from 0, named for it.
        QAction *crop = panel.edits()->cropAction();
        QCOMPARE(crop->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X));
        panel.roll()->setSelection(-1, -1);
        QVERIFY(!crop->isEnabled());
        panel.roll()->setSelection(3.0, 5.0);  // the notes at 3.0 to 4.5 s
        crop->trigger();
        QCOMPARE(panel.piece().notes.size(), size_t(4));
        QCOMPARE(panel.piece().notes[0].start, 0.0);
        QCOMPARE(panel.piece().notes[0].pitch, 66 + 48);  // (transposed up four octaves above)
        QCOMPARE(panel.pieceName(), QStringLiteral("scale.mid, 0:03.0 to 0:05.0"));
        QCOMPARE(panel.exportName(), QStringLiteral("scale, 0,03.0 to 0,05.0"));  // no colons in file names
        QCOMPARE(panel.undoStack()->undoText(), QStringLiteral("Cropped to 0:03.0 to 0:05.0"));
        QVERIFY(!panel.roll()->hasSelection());
        panel.undoStack()->undo();
        QCOMPARE(panel.piece().notes.size(), size_t(20));
        QCOMPARE(panel.pieceName(), QStringLiteral("scale.mid"));
    }

    void selectionPlaysLouderOrSofterUndoably()
    {
        ComposePanel panel;
        panel.resize(1000, 500);
        panel.show();
        const QList<QAction *> dynamics = panel.edits()->dynamicsActions();
        QCOMPARE(dynamics.size(), 2);
        QAction *louder = dynamics[0], *softer = dynamics[1];
        QCOMPARE(louder->shortcut(), QKeySequence(Qt::ALT | Qt::Key_Up));
        QCOMPARE(softer->shortcut(), QKeySequence(Qt::ALT | Qt::Key_Down));
        QVERIFY(!louder->isEnabled());  // no piece
        panel.showPiece(test::scale(20), QStringLiteral("Open scale.mid"), QStringLiteral("scale.mid"));  // velocity 70
        QVERIFY(louder->isEnabled());

        // The selection's notes only, and the roll shows it.
        panel.roll()->setSelection(1.0, 2.0);  // the notes at 1.0 and 1.5 s
        louder->trigger();
        QCOMPARE(panel.piece().notes[1].velocity, 70);
        QCOMPARE(panel.piece().notes[2].velocity, 84);
        QCOMPARE(panel.piece().notes[3].velocity, 84);
        QCOMPARE(panel.piece().notes[4].velocity, 70);
        QCOMPARE(panel.rollModel()->sequence().notes[2].velocity, 84);
        QCOMPARE(panel.undoStack()->undoText(), QStringLiteral("Made 0:01.0 to 0:02.0 louder"));
        // No selection: the whole piece, down to velocity 1 and no further.
        panel.roll()->setSelection(-1, -1);
        softer->trigger();
        QCOMPARE(panel.piece().notes[0].velocity, 58);
        QCOMPARE(panel.piece().notes[2].velocity, 70);
        QCOMPARE(panel.undoStack()->undoText(), QStringLiteral("Made the piece softer"));
        for (int i = 0; i < 40 && panel.piece().notes[2].velocity > 1; ++i)
            softer->trigger();
        QCOMPARE(panel.piece().notes[2].velocity, 1);
        const int steps = panel.undoStack()->count();
        softer->trigger();
        QCOMPARE(panel.undoStack()->count(), steps);  // no empty undo step
        QVERIFY2(panel.message().contains(QLatin1String("as soft as MIDI goes")), qPrintable(panel.message()));
        // Undo all the way back: the piece as it was opened.
        while (panel.undoStack()->undoText() != QLatin1String("Made 0:01.0 to 0:02.0 louder"))
            panel.undoStack()->undo();
        panel.undoStack()->undo();
        for (const Note &n : panel.piece().notes)
            QCOMPARE(n.velocity, 70);
        // A selection with no notes in it says so.
        panel.roll()->setSelection(0.1, 0.4);
        louder->trigger();
        QVERIFY2(panel.message().startsWith(QLatin1String("No notes start in 0:00.1 to 0:00.4")), qPrintable(panel.message()));
    }

    void thePieceIsSlowedDownOrSpedUpForGood()
    {
        ComposePanel panel;
        panel.resize(1000, 500);
        panel.show();
        const QList<QAction *> tempo = panel.edits()->tempoActions();
        QCOMPARE(tempo.size(), 2);
        QCOMPARE(tempo[0]->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_BracketLeft));
        QVERIFY(!tempo[0]->isEnabled());  // no piece
        NoteSequence piece = test::scale(20);  // a note every 0.5 s at 120 bpm, 19 x 0.5 + 0.4 = 9.9 s
        piece.timeSignatures = {TimeSignature{0, 4, 4}};
        panel.showPiece(piece, QStringLiteral("Open scale.mid"), QStringLiteral("scale.mid"));
        QVERIFY(tempo[0]->isEnabled());
        panel.roll()->setSelection(2.0, 4.0);  // the whole piece, selection or not
        tempo[0]->trigger();
        QVERIFY(std::abs(panel.piece().notes[19].start - 9.5 * 1.1) < 1e-9);
        QVERIFY(std::abs(panel.piece().notes[19].duration - 0.4 * 1.1) < 1e-9);
        QCOMPARE(panel.piece().tempoMap.changes().front().microsPerQuarter, 550000);
        QCOMPARE(panel.undoStack()->undoText(), QStringLiteral("Slowed the piece down (now 0:10.9 long)"));
        QCOMPARE(panel.rollModel()->barAt(2.25), 2);  // the bars slowed with it: bar 2 from 2.2 s
        // Exported, the file keeps the slower tempo.
        const QString midi = m_dir.filePath("slower.mid");
        QVERIFY(panel.exportMidi(midi));
        const auto back = SmfReader::readFile(midi);
        QVERIFY(back.ok());
        QVERIFY(std::abs(back->notes[19].start - 10.45) < 0.01);
        // Sped up again: as it was.
        tempo[1]->trigger();
        QVERIFY(std::abs(panel.piece().notes[19].start - 9.5) < 1e-9);
        QCOMPARE(panel.piece().tempoMap.changes().front().microsPerQuarter, 500000);
        panel.undoStack()->undo();
        panel.undoStack()->undo();
        QCOMPARE(panel.piece().notes[19].start, 9.5);
    }

    void oneNoteIsEditedFromTheRollMenu()
    {
        ComposePanel panel;
        panel.resize(1000, 500);
        panel.show();
        NoteSequence chord;
        for (int pitch : {60, 64, 67})
            chord.notes.push_back(test::note(pitch, 1.0, 1.0, 70));
        chord.notes.push_back(test::note(127, 2.0, 0.5, 127));
        chord.syncTicksFromSeconds();
        panel.showPiece(chord, QStringLiteral("Open chord.mid"), QStringLiteral("chord.mid"));
        PieceEdits *edits = panel.edits();

        // The menu for the E: the note named, its edits, then the range edits.
        QMenu menu;
        edits->fillMenu(&menu, 1);
        QStringList texts;
        for (QAction *a : menu.actions())
            if (!a->isSeparator())
                texts << a->text();
        QCOMPARE(texts.first(), QStringLiteral("E4, velocity 70, at 0:01.0"));
        QVERIFY(!menu.actions().first()->isEnabled());
        QVERIFY(texts.contains(QStringLiteral("Delete This &Note")));
        QVERIFY(texts.contains(QStringLiteral("T&his Note Softer")));
        QVERIFY(menu.actions().contains(edits->deleteNotesAction()));
        QVERIFY(menu.actions().contains(edits->dynamicsActions()[0]));
        // Over no note: the range edits only.
        QMenu plain;
        edits->fillMenu(&plain, -1);
        QCOMPARE(plain.actions().first(), edits->clipboardActions().first());
        QVERIFY(plain.actions().contains(edits->selectAllAction()));

        // The E alone: up a semitone, the chord's other notes stay; the piece stays sorted.
        menu.actions()[2]->trigger();  // This Note Up a Semitone
        QCOMPARE(panel.piece().notes.size(), size_t(4));
        QCOMPARE(panel.piece().notes[1].pitch, 65);
        QCOMPARE(panel.piece().notes[0].pitch, 60);
        QCOMPARE(panel.piece().notes[2].pitch, 67);
        QCOMPARE(panel.undoStack()->undoText(), QStringLiteral("Moved E4 at 0:01.0 up a semitone"));
        // Louder, then deleted; each undoable.
        const Note f = panel.piece().notes[1];
        edits->editNote(f, PieceEdits::NoteEdit::Louder);
        QCOMPARE(panel.piece().notes[1].velocity, 84);
        QCOMPARE(panel.piece().notes[0].velocity, 70);
        QCOMPARE(panel.rollModel()->sequence().notes[1].velocity, 84);
        edits->editNote(panel.piece().notes[1], PieceEdits::NoteEdit::Delete);
        QCOMPARE(panel.piece().notes.size(), size_t(3));
        QCOMPARE(panel.undoStack()->undoText(), QStringLiteral("Deleted F4 at 0:01.0"));
        panel.undoStack()->undo();
        panel.undoStack()->undo();
        panel.undoStack()->undo();
        QCOMPARE(panel.piece().notes[1].pitch, 64);
        QCOMPARE(panel.piece().notes[1].velocity, 70);
        // A note gone since the menu opened, and the MIDI range's and velocity's ends, say so.
        edits->editNote(test::note(50, 9.0, 1.0), PieceEdits::NoteEdit::Delete);
        QVERIFY2(panel.message().contains(QLatin1String("not in the piece")), qPrintable(panel.message()));
        const int steps = panel.undoStack()->count();
        const Note top = panel.piece().notes[3];
        edits->editNote(top, PieceEdits::NoteEdit::SemitoneUp);
        QVERIFY2(panel.message().contains(QLatin1String("MIDI range")), qPrintable(panel.message()));
        edits->editNote(top, PieceEdits::NoteEdit::Louder);
        QVERIFY2(panel.message().contains(QLatin1String("as loud as MIDI goes")), qPrintable(panel.message()));
        QCOMPARE(panel.undoStack()->count(), steps);
        edits->editNote(top, PieceEdits::NoteEdit::OctaveDown);
        QCOMPARE(panel.piece().notes[3].pitch, 115);
    }

    void aNoteIsAddedWhereTheRollIsDoubleClicked()
    {
        ComposePanel panel;
        panel.resize(1000, 500);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        NoteSequence piece = twoNotes();
        piece.notes.push_back(test::note(67, 9.0, 1.0, 30));
        piece.syncTicksFromSeconds();
        panel.showPiece(piece, QStringLiteral("Open p.mid"), QStringLiteral("p.mid"));

        // No bars: half a second from where it was asked for, as loud as the notes around it.
        Q_EMIT panel.roll()->addNoteRequested(62, 1.234);
        QCOMPARE(panel.piece().notes.size(), size_t(4));
        const Note &added = panel.piece().notes[2];
        QCOMPARE(added.pitch, 62);
        QCOMPARE(added.start, 1.23);
        QCOMPARE(added.duration, 0.5);
        QCOMPARE(added.velocity, 75);  // the mean of 60 and 90
        QCOMPARE(added.startTick, panel.piece().tempoMap.tickAt(1.23));
        QCOMPARE(panel.undoStack()->undoText(), QStringLiteral("Added D4 at 0:01.2"));
        QCOMPARE(panel.rollModel()->sequence().notes.size(), size_t(4));
        panel.undoStack()->undo();
        QCOMPARE(panel.piece().notes.size(), size_t(3));

        // The menu over an empty place offers it too.
        QMenu menu;
        panel.edits()->fillMenu(&menu, -1, 72, 5.0);
        QCOMPARE(menu.actions().first()->text(), QStringLiteral("Add a &Note Here (C5 at 0:05.0)"));
        menu.actions().first()->trigger();
        QCOMPARE(panel.piece().notes[2].pitch, 72);
        QCOMPARE(panel.piece().notes[2].velocity, 80);  // nothing within two seconds
        panel.undoStack()->undo();

        // In bars (4/4 at 120 bpm): a quarter note from the nearest sixteenth.
        piece.timeSignatures = {TimeSignature{0, 4, 4}};
        panel.showPiece(piece, QStringLiteral("Open bars.mid"), QStringLiteral("bars.mid"));
        panel.edits()->addNote(65, 2.36);  // sixteenths are 0.125 s: 2.375
        const Note &onGrid = panel.piece().notes[2];
        QCOMPARE(onGrid.start, 2.375);
        QCOMPARE(onGrid.duration, 0.5);
        QCOMPARE(onGrid.startTick, 2280);
        QCOMPARE(onGrid.durationTicks, 480);
    }

    void aDraggedNoteMovesOnRelease()
    {
        constexpr auto Move = PianoRollView::NoteDrag::Move, Resize = PianoRollView::NoteDrag::Resize;
        ComposePanel panel;
        panel.resize(1000, 500);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        NoteSequence piece = twoNotes();
        panel.showPiece(piece, QStringLiteral("Open p.mid"), QStringLiteral("p.mid"));
        QVERIFY(panel.roll()->notesMovable());
        PieceEdits *edits = panel.edits();
        QSignalSpy heard(edits, &PieceEdits::audition);

        // While dragging the roll shows where it would go (and sounds the new key); the piece
        // changes at the release.
        edits->dragNote(1, Move, 3, 0.456, false);
        QCOMPARE(panel.rollModel()->sequence().notes[1].pitch, 67);
        QCOMPARE(panel.rollModel()->sequence().notes[1].start, 1.46);
        QCOMPARE(panel.piece().notes[1].pitch, 64);
        QCOMPARE(heard.size(), 1);
        QCOMPARE(heard[0][0].toInt(), 67);
        edits->dragNote(1, Move, 3, 0.5, false);  // same key: not sounded again
        QCOMPARE(heard.size(), 1);
        edits->dragNote(1, Move, 3, 0.5, true);
        QCOMPARE(panel.piece().notes[1].pitch, 67);
        QCOMPARE(panel.piece().notes[1].start, 1.5);
        QCOMPARE(panel.piece().notes[1].duration, 1.0);
        QCOMPARE(panel.piece().notes[1].velocity, 90);
        QCOMPARE(panel.piece().notes[1].startTick, panel.piece().tempoMap.tickAt(1.5));
        QCOMPARE(panel.undoStack()->undoText(), QStringLiteral("Moved E4 at 0:01.0 to G4 at 0:01.5"));
        panel.undoStack()->undo();
        QCOMPARE(panel.piece().notes[1].pitch, 64);
        // Dragged before the start: it stops at 0, and the piece stays sorted.
        const int steps = panel.undoStack()->count();
        edits->dragNote(1, Move, 0, -5.0, true);
        QCOMPARE(panel.piece().notes[0].start, 0.0);
        QCOMPARE(panel.piece().notes[0].pitch, 60);
        QCOMPARE(panel.piece().notes[1].pitch, 64);
        QCOMPARE(panel.piece().notes[1].start, 0.0);
        panel.undoStack()->undo();
        QCOMPARE(panel.undoStack()->count(), steps);
        // Back where it was: no edit, and the roll shows the piece.
        edits->dragNote(1, Move, 2, 0.3, false);
        edits->dragNote(1, Move, 0, 0.001, true);
        QCOMPARE(panel.undoStack()->count(), steps);
        QCOMPARE(panel.rollModel()->sequence().notes[1].pitch, 64);

        // Its end dragged: longer or shorter, its start and key kept; never shorter than 0.05 s.
        edits->dragNote(1, Resize, 5, 0.254, false);
        QCOMPARE(panel.rollModel()->sequence().notes[1].duration, 1.25);
        QCOMPARE(panel.rollModel()->sequence().notes[1].pitch, 64);
        edits->dragNote(1, Resize, 5, 0.254, true);
        QCOMPARE(panel.piece().notes[1].start, 1.0);
        QCOMPARE(panel.piece().notes[1].duration, 1.25);
        QCOMPARE(panel.piece().notes[1].durationTicks, panel.piece().tempoMap.tickAt(2.25) - panel.piece().notes[1].startTick);
        QCOMPARE(panel.undoStack()->undoText(), QStringLiteral("Set the length of E4 at 0:01.0 to 1.25 s"));
        edits->dragNote(1, Resize, 0, -3.0, true);
        QVERIFY(qAbs(panel.piece().notes[1].duration - 0.05) < 1e-9);
        panel.undoStack()->undo();
        panel.undoStack()->undo();
        QCOMPARE(panel.piece().notes[1].duration, 1.0);

        // In bars, the start goes to the nearest sixteenth (0.125 s at 120 bpm in 4/4), and so
        // does an end, at least a sixteenth after the start.
        piece.timeSignatures = {TimeSignature{0, 4, 4}};
        panel.showPiece(piece, QStringLiteral("Open bars.mid"), QStringLiteral("bars.mid"));
        edits->dragNote(1, Move, -1, 0.3, true);
        QCOMPARE(panel.piece().notes[1].start, 1.25);
        QCOMPARE(panel.piece().notes[1].pitch, 63);
        QCOMPARE(panel.piece().notes[1].startTick, 1200);
        edits->dragNote(1, Resize, 0, -0.7, true);  // the end, 2.25 s, to 1.55: 1.5
        QCOMPARE(panel.piece().notes[1].duration, 0.25);
        QCOMPARE(panel.piece().notes[1].durationTicks, 240);
        edits->dragNote(1, Resize, 0, -2.0, true);
        QCOMPARE(panel.piece().notes[1].duration, 0.125);
        panel.undoStack()->undo();
        panel.undoStack()->undo();

        // With the mouse, as a user does it.
        panel.roll()->setPixelsPerSecond(100);
        panel.roll()->scrollToTime(0);
        const PianoRollViewport &v = panel.roll()->viewportState();
        const QPointF from(PianoRollRenderer::xForTime(v, 0.5), PianoRollRenderer::yForPitch(v, 60) + v.keyHeight / 2);
        const QPointF to = from + QPointF(100, -12 * v.keyHeight);  // a second later, an octave up
        const auto mouse = [&panel](QEvent::Type type, QPointF pos, Qt::MouseButtons buttons) {
            test::sendMouse(panel.roll()->viewport(), type, pos, buttons);
        };
        mouse(QEvent::MouseButtonPress, from, Qt::LeftButton);
        mouse(QEvent::MouseMove, from + QPointF(20, 0), Qt::LeftButton);
        mouse(QEvent::MouseMove, to, Qt::LeftButton);
        mouse(QEvent::MouseButtonRelease, to, Qt::NoButton);
        QCOMPARE(panel.piece().notes.front().pitch, 72);  // the note from 0 s, now first at 1 s
        QCOMPARE(panel.piece().notes.front().start, 1.0);
        QCOMPARE(panel.piece().notes.back().pitch, 63);
    }

    void anEditWhilePlayingPlaysOnFromWhereItWas()
    {
        ComposePanel panel;
        panel.resize(1100, 600);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTRY_VERIFY_WITH_TIMEOUT(panel.playback()->isReady(), 20000);
        panel.showPiece(test::scale(24, 60, 12, 0.5), QStringLiteral("scale"));
        panel.playAction()->trigger();  // (a silent clock without an audio device)
        QTRY_VERIFY_WITH_TIMEOUT(panel.playback()->position() > 1.0, 5000);
        const double before = panel.playback()->position();
        panel.edits()->dynamicsActions()[0]->trigger();  // Louder, the whole piece
        QCOMPARE(panel.piece().notes[0].velocity, 84);
        QVERIFY(panel.playback()->isPlaying());
        QVERIFY2(panel.playback()->position() >= before, qPrintable(QString::number(panel.playback()->position())));
        QTRY_VERIFY_WITH_TIMEOUT(panel.playback()->position() > before + 0.3, 5000);
        // Undone while playing: the same.
        panel.undoStack()->undo();
        QCOMPARE(panel.piece().notes[0].velocity, 70);
        QVERIFY(panel.playback()->isPlaying());
        QVERIFY(panel.playback()->position() > before);
        // Paused, an edit keeps the place; Play goes on from there.
        panel.playAction()->trigger();
        QTRY_VERIFY(!panel.playback()->isPlaying());
        const double pausedAt = panel.playback()->position();
        panel.edits()->transposeActions()[0]->trigger();
        QVERIFY(!panel.playback()->isPlaying());
        QCOMPARE(panel.playback()->position(), pausedAt);
        QCOMPARE(panel.roll()->playhead(), pausedAt);
        // Stopped, the roll's playhead goes back to the start with the transport.
        panel.playback()->stop();
        QCOMPARE(panel.roll()->playhead(), 0.0);
        // Another piece starts from its beginning.
        panel.playAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(panel.playback()->position() > 0.5, 5000);
        panel.showPiece(test::scale(8), QStringLiteral("another"));
        QVERIFY(!panel.playback()->isPlaying());
        QCOMPARE(panel.playback()->position(), 0.0);
        QCOMPARE(panel.roll()->playhead(), 0.0);
    }
};

QTEST_MAIN(TestPieceEdits)
#include "TestPieceEdits.moc"
