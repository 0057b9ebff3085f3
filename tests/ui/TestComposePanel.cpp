// The Compose panel driven as a user would: click Compose with a tiny model, watch the notes
// arrive in the roll, stop, undo and redo, bring back a composition, export MIDI and WAV.
// Editing the piece (the Edit menu, the roll's note gestures) is TestPieceEdits.

#include "compose/ComposePanel.h"
#include "compose/ConfidenceStrip.h"
#include "compose/GenerationSettings.h"
#include "compose/PhraseRecorder.h"
#include "compose/PieceEdits.h"
#include "compose/PlaybackController.h"
#include "compose/TransportBar.h"
#include "midi/SmfReader.h"
#include "pianoroll/PianoRollModel.h"
#include "pianoroll/PianoRollRenderer.h"
#include "pianoroll/PianoRollView.h"
#include "sound/MidiPorts.h"
#include "support/Notes.h"
#include "support/TinyComposer.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollBar>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <memory>

using namespace aichopin;

class TestComposePanel : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_model;
    std::unique_ptr<QTemporaryDir> m_data;  // each test's own XDG data folder (kept compositions)

    void waitReady(ComposePanel &panel)
    {
        panel.setModelPath(m_model);
        QTRY_VERIFY_WITH_TIMEOUT(panel.modelReady(), 20000);
        QVERIFY(panel.composeButton()->isEnabled());
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_model = test::trainTinyComposer(m_dir.filePath("model"));
        QVERIFY(!m_model.isEmpty());
    }

    void init()
    {
        // Compositions are kept in the XDG data folder: each test starts with none.
        m_data = std::make_unique<QTemporaryDir>();
        qputenv("XDG_DATA_HOME", m_data->path().toLocal8Bit());
        // Length, temperature, top-p and volume are remembered: each test starts from the defaults.
        for (const char *key : {"compose/seconds", "compose/temperature", "compose/topP", "playback/volume"})
            QSettings().remove(QLatin1String(key));
    }

    void compositionsAreKeptAndComeBackNextTime()
    {
        QString keptDir;
        std::vector<size_t> sizes;
        {
            ComposePanel panel;
            panel.show();
            waitReady(panel);
            keptDir = panel.keeper().dir();
            QVERIFY2(keptDir.startsWith(m_data->path()), qPrintable(keptDir));
            QCOMPARE(panel.history()->count(), 0);
            // Nothing listed yet: a line says what will be.
            auto *hint = panel.findChild<QLabel *>(QStringLiteral("compositionsHint"));
            QVERIFY(hint && hint->isVisibleTo(&panel));
            panel.setSeconds(3);
            for (int seed : {5, 6}) {
                panel.setSeed(quint64(seed));
                panel.compose();
                QTRY_VERIFY_WITH_TIMEOUT(!panel.isComposing(), 30000);
                sizes.push_back(panel.piece().notes.size());
            }
            QVERIFY2(!panel.message().contains(QLatin1String("could not be kept")), qPrintable(panel.message()));
            QVERIFY(!hint->isVisibleTo(&panel));
        }  // the session ends: nothing was exported
        const QStringList files = QDir(keptDir).entryList({QStringLiteral("*.mid")}, QDir::Files, QDir::Name);
        QCOMPARE(files.size(), 2);
        QVERIFY2(files[0].contains(QLatin1String("Composition 1, 3 s")) && files[1].contains(QLatin1String("Composition 2, 3 s")),
                 qPrintable(files.join(" | ")));

        // The next session lists them, oldest first, and brings one back from its file.
        ComposePanel next;
        next.show();
        QCOMPARE(next.history()->count(), 2);
        QVERIFY(!next.findChild<QLabel *>(QStringLiteral("compositionsHint"))->isVisibleTo(&next));
        QCOMPARE(next.history()->item(1)->text(), QFileInfo(files[1]).completeBaseName());
        Q_EMIT next.history()->itemActivated(next.history()->item(1));
        QCOMPARE(next.piece().notes.size(), sizes[1]);
        QCOMPARE(next.pieceName(), QFileInfo(files[1]).completeBaseName());
        // Dragged out (to a sequencer, a file manager), an item is its MIDI file.
        QVERIFY(next.history()->dragEnabled());
        const QModelIndexList both = {next.history()->model()->index(0, 0), next.history()->model()->index(1, 0)};
        std::unique_ptr<QMimeData> dragged(next.history()->model()->mimeData(both));
        QVERIFY(dragged);
        QCOMPARE(dragged->urls().size(), 2);
        QCOMPARE(dragged->urls()[1].toLocalFile(), QDir(keptDir).filePath(files[1]));
        // A file gone since says so and leaves the piece as it is.
        QVERIFY(QFile::remove(QDir(keptDir).filePath(files[0])));
        Q_EMIT next.history()->itemActivated(next.history()->item(0));
        QVERIFY2(next.message().startsWith(QLatin1String("Cannot bring back")), qPrintable(next.message()));
        QVERIFY(!next.history()->model()->mimeData({next.history()->model()->index(0, 0)}));  // nothing to drag
        QCOMPARE(next.piece().notes.size(), sizes[1]);

        // Move to Trash (the list's context menu): the file goes to the desktop's trash, not
        // deleted, and the item off the list; the session after does not list it.
        QAction *trash = next.findChild<QAction *>(QStringLiteral("trashComposition"));
        QVERIFY(trash);
        QVERIFY(next.history()->actions().contains(trash));
        next.history()->setCurrentRow(1);
        QVERIFY(trash->isEnabled());
        trash->trigger();
        QCOMPARE(next.history()->count(), 1);
        QVERIFY2(next.message().startsWith(QLatin1String("Moved ")), qPrintable(next.message()));
        QVERIFY(!QFile::exists(QDir(keptDir).filePath(files[1])));
        const QString trashed = m_data->filePath("Trash/files/" + files[1]);  // $XDG_DATA_HOME/Trash
        QVERIFY2(QFile::exists(trashed), qPrintable(trashed));
        next.history()->setCurrentRow(0);  // its file is gone already: only off the list
        next.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&next));
        next.history()->setFocus();
        QTest::keyClick(next.history(), Qt::Key_Delete, Qt::ShiftModifier);  // the key, in the list
        QCOMPARE(next.history()->count(), 0);
        QVERIFY2(next.message().startsWith(QLatin1String("Took ")), qPrintable(next.message()));
        QVERIFY(next.findChild<QLabel *>(QStringLiteral("compositionsHint"))->isVisibleTo(&next));
        ComposePanel third;
        QCOMPARE(third.history()->count(), 0);
    }

    void aCompositionThatCannotBeKeptSaysSo()
    {
        // The data folder cannot be made (a file stands where a folder should be): the piece is
        // still composed, shown and listed, and the message asks to export it before quitting.
        // (How many notes the tiny test model writes in 3 s may be none: not counted here.)
        QFile blocker(m_data->filePath("blocker"));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        qputenv("XDG_DATA_HOME", m_data->filePath("blocker/data").toLocal8Bit());
        ComposePanel panel;
        panel.show();
        waitReady(panel);
        panel.setSeconds(3);
        panel.setSeed(5);
        panel.compose();
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isComposing(), 30000);
        QCOMPARE(panel.rollModel()->sequence().notes.size(), panel.piece().notes.size());
        QVERIFY2(panel.message().contains(QLatin1String("could not be kept as a file"))
                     && panel.message().contains(QLatin1String("export it before you quit")),
                 qPrintable(panel.message()));
        QCOMPARE(panel.history()->count(), 1);
        QVERIFY(panel.history()->item(0)->toolTip().startsWith(QLatin1String("Not kept as a file")));
    }

    void composeStreamsIntoTheRollAndExports()
    {
        ComposePanel panel;
        panel.resize(1100, 600);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        waitReady(panel);
        panel.setSeconds(25);  // long enough that held notes end (and stream) before the piece does
        panel.setSeed(7);
        QSignalSpy appended(panel.rollModel(), &PianoRollModel::notesAppended);
        QTest::mouseClick(panel.composeButton(), Qt::LeftButton);
        QVERIFY(panel.isComposing() || panel.history()->count() == 1);
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isComposing(), 30000);
        QVERIFY(appended.size() >= 2);  // streamed batches before the final replacement, not all at once
        const NoteSequence piece = panel.piece();
        QVERIFY(piece.notes.size() > 3);
        QCOMPARE(panel.rollModel()->sequence().notes.size(), piece.notes.size());
        for (const Note &n : piece.notes) {
            QVERIFY(n.pitch >= 21 && n.pitch <= 108);
            QVERIFY(n.duration > 0);
        }
        QVERIFY(!panel.confidence()->steps().empty());
        for (const StepConfidence &s : panel.confidence()->steps())
            QVERIFY(s.probability > 0 && s.probability <= 1);
        QCOMPARE(panel.history()->count(), 1);
        QVERIFY(panel.message().contains("Composed"));

        const QString midi = m_dir.filePath("out.mid");
        QVERIFY(panel.exportMidi(midi));
        const auto back = SmfReader::readFile(midi);
        QVERIFY(back.ok());
        QCOMPARE(back->notes.size(), piece.notes.size());
        QVERIFY2(back->texts.join(' ').contains("seed=7"), qPrintable(back->texts.join(' ')));
        QVERIFY(back->texts.join(' ').contains("temperature=1"));

        const QString wav = m_dir.filePath("out.wav");
        QVERIFY2(panel.exportWav(wav), qPrintable(panel.message()));
        QVERIFY(QFileInfo(wav).size() > 44100);
    }

    void theConfidenceStripAndSelectionBelongToTheirPiece()
    {
        ComposePanel panel;
        panel.resize(1100, 600);
        panel.show();
        waitReady(panel);
        panel.setSeconds(8);
        panel.setSeed(3);
        panel.compose();
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isComposing(), 30000);
        const size_t steps = panel.confidence()->steps().size();
        QVERIFY(steps > 0);
        // An edit of it: still how its notes came (and the selection stays).
        panel.roll()->setSelection(1.0, 3.0);
        panel.edits()->transposeActions()[0]->trigger();
        QCOMPARE(panel.confidence()->steps().size(), steps);
        QVERIFY(panel.roll()->hasSelection());
        // A piece the model did not write: nothing to show, and the last piece's range is gone.
        panel.showPiece(test::scale(8), QStringLiteral("Open scale.mid"), QStringLiteral("scale.mid"));
        QVERIFY(panel.confidence()->steps().empty());
        QVERIFY(!panel.roll()->hasSelection());
        // Back to the composition (undo, twice: the opened file, then the edit): its steps again.
        panel.undoStack()->undo();
        QCOMPARE(panel.confidence()->steps().size(), steps);
        panel.undoStack()->undo();
        QCOMPARE(panel.confidence()->steps().size(), steps);
    }

    void sameSeedSameNotesUndoRedoAndHistory()
    {
        ComposePanel panel;
        panel.show();
        waitReady(panel);
        panel.setSeconds(4);
        panel.setSeed(11);
        panel.compose();
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isComposing(), 30000);
        const NoteSequence first = panel.piece();
        panel.compose();
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isComposing(), 30000);
        QCOMPARE(panel.piece().notes.size(), first.notes.size());
        for (size_t i = 0; i < first.notes.size(); ++i) {
            QCOMPARE(panel.piece().notes[i].pitch, first.notes[i].pitch);
            QCOMPARE(panel.piece().notes[i].start, first.notes[i].start);
        }
        panel.setSeed(12);
        panel.compose();
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isComposing(), 30000);
        const NoteSequence third = panel.piece();
        QCOMPARE(panel.history()->count(), 3);
        // The piece on screen is named, and the name follows undo and redo.
        QSignalSpy named(&panel, &ComposePanel::pieceChanged);
        QVERIFY2(panel.pieceName().startsWith(QStringLiteral("Composition 3: 4 s")), qPrintable(panel.pieceName()));

        panel.undoStack()->undo();
        QCOMPARE(panel.piece().notes.size(), first.notes.size());
        QVERIFY2(panel.pieceName().startsWith(QStringLiteral("Composition 2: ")), qPrintable(panel.pieceName()));
        QCOMPARE(named.size(), 1);
        QCOMPARE(named.last().at(0).toString(), panel.pieceName());
        panel.undoStack()->undo();
        panel.undoStack()->undo();
        QVERIFY(panel.piece().notes.empty());
        QVERIFY(panel.pieceName().isEmpty());
        QVERIFY(panel.rollModel()->sequence().notes.empty());
        panel.undoStack()->redo();
        panel.undoStack()->redo();
        panel.undoStack()->redo();
        QCOMPARE(panel.piece().notes.size(), third.notes.size());
        QVERIFY(panel.pieceName().startsWith(QStringLiteral("Composition 3: ")));

        // Going back to the first composition from the list is itself undoable.
        Q_EMIT panel.history()->itemActivated(panel.history()->item(0));
        QCOMPARE(panel.piece().notes.size(), first.notes.size());
        panel.undoStack()->undo();
        QCOMPARE(panel.piece().notes.size(), third.notes.size());
    }

    void stopKeepsWhatWasWrittenAndContinueFromRoll()
    {
        ComposePanel panel;
        panel.show();
        waitReady(panel);
        panel.setSeconds(600);
        panel.compose();
        QTRY_VERIFY_WITH_TIMEOUT(panel.rollModel()->sequence().notes.size() > 5, 30000);
        panel.stopComposing();
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isComposing(), 5000);
        QVERIFY(panel.piece().notes.size() > 5);
        QVERIFY(panel.piece().duration() < 600);
        QVERIFY(panel.history()->item(0)->text().contains("stopped"));

        // Continue the piece in the roll: the old notes stay, new ones follow.
        // (A fixed seed and 10 s, so the continuation surely holds notes; the messages say what
        // happened if it does not.)
        const NoteSequence before = panel.piece();
        panel.setSource(ComposePanel::Source::Roll);
        panel.setSeed(21);
        panel.setSeconds(10);
        panel.compose();
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isComposing(), 30000);
        const QString what = QStringLiteral("%1 notes before, %2 after; %3 s before, %4 s after; message: %5")
                                 .arg(before.notes.size()).arg(panel.piece().notes.size())
                                 .arg(before.duration()).arg(panel.piece().duration()).arg(panel.message());
        QVERIFY2(panel.piece().notes.size() > before.notes.size(), qPrintable(what));
        QVERIFY2(panel.piece().duration() > before.duration(), qPrintable(what));
    }

    void aPhraseClickedOnTheKeysIsRecordedSeenAndContinued()
    {
        if (!MidiPorts::inputs().ports.isEmpty())
            QSKIP("a MIDI keyboard is connected: Record opens it rather than the roll's keys");
        ComposePanel panel;
        panel.resize(1000, 600);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        waitReady(panel);
        panel.showPiece(test::scale(8), QStringLiteral("Open scale.mid"), QStringLiteral("scale.mid"));
        PhraseRecorder *record = panel.recordButton();
        QVERIFY(record);

        // No keyboard here (CI, this machine): Record says so and records the roll's keys.
        QTest::mouseClick(record, Qt::LeftButton);
        QVERIFY(record->isRecording());
        QVERIFY(record->isChecked());
        QCOMPARE(record->text(), QStringLiteral("Stop Recording"));
        QVERIFY2(panel.message().contains(QLatin1String("No MIDI keyboard")) && panel.message().contains(QLatin1String("click the keys")),
                 qPrintable(panel.message()));
        QCOMPARE(panel.rollModel()->sequence().notes.size(), size_t(0));  // the phrase will show here
        QCOMPARE(panel.piece().notes.size(), size_t(8));                  // the piece is untouched
        // ...and not edited or rewritten unseen meanwhile.
        QVERIFY(!panel.edits()->transposeActions()[0]->isEnabled());
        panel.roll()->setSelection(0.5, 1.5);
        QVERIFY(!panel.rewriteAction()->isEnabled());
        QVERIFY(!panel.edits()->deleteNotesAction()->isEnabled());
        panel.roll()->setSelection(-1, -1);

        // Two keys clicked: each sounds, is recorded and appears in the roll as it is played,
        // and the keys stay where they are under the mouse.
        PianoRollView *roll = panel.roll();
        const PianoRollViewport &v = roll->viewportState();
        const int high = PianoRollRenderer::pitchForY(v, PianoRollRenderer::kRulerHeight + 60);
        auto yOf = [&v](int pitch) { return int(PianoRollRenderer::yForPitch(v, pitch) + v.keyHeight / 2); };
        const int scrolled = roll->verticalScrollBar()->value();
        const double keyHeight = v.keyHeight;
        for (int pitch : {high, high - 3}) {
            const QPoint key(20, yOf(pitch));
            QTest::mousePress(roll->viewport(), Qt::LeftButton, Qt::NoModifier, key);
            QTest::qWait(120);
            QTest::mouseRelease(roll->viewport(), Qt::LeftButton, Qt::NoModifier, key);
            QTest::qWait(30);
        }
        QTRY_COMPARE(panel.rollModel()->sequence().notes.size(), size_t(2));
        QCOMPARE(panel.rollModel()->sequence().notes[0].pitch, high);
        QCOMPARE(panel.rollModel()->sequence().notes[1].pitch, high - 3);
        QVERIFY(panel.rollModel()->sequence().notes[0].duration > 0.05);
        QCOMPARE(roll->verticalScrollBar()->value(), scrolled);
        QCOMPARE(roll->viewportState().keyHeight, keyHeight);
        QVERIFY2(panel.message().contains(QLatin1String("so far")), qPrintable(panel.message()));
        QCOMPARE(panel.piece().notes.size(), size_t(8));

        // Compose, pressed while recording, stops and continues the phrase.
        panel.setSeconds(6);
        panel.setSeed(4);
        QTest::mouseClick(panel.composeButton(), Qt::LeftButton);
        QVERIFY(!record->isRecording());
        QVERIFY(panel.isComposing());
        QVERIFY(!record->isEnabled());  // not while composing
        QCOMPARE(record->text(), QStringLiteral("Record"));
        QCOMPARE(panel.findChild<QComboBox *>(QStringLiteral("continueFrom"))->currentData().toInt(), int(ComposePanel::Source::Recording));
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isComposing(), 30000);
        QCOMPARE(roll->viewportState().keyHeight, keyHeight);  // not zoomed onto the phrase's few keys
        QVERIFY2(panel.piece().notes.size() > 2, qPrintable(panel.message()));
        QCOMPARE(panel.piece().notes[0].pitch, high);
        QCOMPARE(panel.piece().notes[1].pitch, high - 3);
        QVERIFY(record->isEnabled());
        QVERIFY(panel.edits()->transposeActions()[0]->isEnabled());
        QVERIFY(!panel.hasUnsavedChanges());  // the composition is kept as a file
        panel.undoStack()->undo();  // the composition
        QCOMPARE(panel.piece().notes.size(), size_t(2));
        QCOMPARE(panel.undoStack()->undoText(), QStringLiteral("Recorded phrase"));
        QVERIFY(panel.hasUnsavedChanges());  // the phrase is in no file

        // Recording nothing: the roll shows the piece again, and the message says so.
        QTest::mouseClick(record, Qt::LeftButton);
        QVERIFY(record->isRecording());
        QCOMPARE(panel.rollModel()->sequence().notes.size(), size_t(0));
        QTest::mouseClick(record, Qt::LeftButton);
        QVERIFY(!record->isRecording());
        QCOMPARE(panel.rollModel()->sequence().notes.size(), size_t(2));
        QVERIFY2(panel.message().contains(QLatin1String("Nothing was played")), qPrintable(panel.message()));
        // Not recording, a clicked key only sounds.
        QTest::mousePress(roll->viewport(), Qt::LeftButton, Qt::NoModifier, QPoint(20, yOf(high)));
        QTest::mouseRelease(roll->viewport(), Qt::LeftButton, Qt::NoModifier, QPoint(20, yOf(high)));
        QTest::qWait(50);
        QCOMPARE(panel.rollModel()->sequence().notes.size(), size_t(2));
    }

    void lengthTemperatureTopPAndVolumeAreRememberedNextTime()
    {
        {
            GenerationSettings first;
            GenerationOptions o;
            first.fill(o, true);
            QCOMPARE(o.seconds, 30.0);  // the defaults, with nothing remembered yet
            QCOMPARE(o.temperature, 1.0);
            QCOMPARE(o.topP, 0.95);
            first.setSeconds(75);
            first.setTemperature(0.85);
            first.setTopP(0.9);
        }
        {
            ComposePanel panel;
            panel.transport()->volumeSlider()->setValue(37);
            QCOMPARE(panel.playback()->volume(), 0.37);
        }
        ComposePanel panel;  // the volume too
        QCOMPARE(panel.transport()->volumeSlider()->value(), 37);
        QCOMPARE(panel.playback()->volume(), 0.37);
        GenerationSettings next;  // the next start
        GenerationOptions o;
        o.seconds = 5;
        next.fill(o, false);  // a rewrite: the length is the selection's
        QCOMPARE(o.seconds, 5.0);
        QCOMPARE(o.temperature, 0.85);
        QCOMPARE(o.topP, 0.9);
        next.fill(o, true);
        QCOMPARE(o.seconds, 75.0);
    }

    void eachRunDrawsANewSeedUnlessTheUserSetsOne()
    {
        // Compose clicked again (or the same bars rewritten again) with the seed just used would
        // write the same notes: "New each time", ticked at start, draws another, shown in the field.
        ComposePanel panel;
        panel.show();
        waitReady(panel);
        panel.setSeconds(3);
        QVERIFY(panel.newSeedEachTime()->isChecked());
        auto lastLabel = [&panel] { return panel.history()->item(panel.history()->count() - 1)->text(); };
        auto seedIn = [](const QString &label) { return label.section(QLatin1String("seed "), 1).section(QLatin1Char(':'), 0, 0).toULongLong(); };
        const quint64 shown = panel.seed();
        panel.compose();
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isComposing(), 30000);
        QCOMPARE(seedIn(lastLabel()), shown);  // the seed shown is the first one used
        QCOMPARE(panel.seed(), shown);
        panel.compose();
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isComposing(), 30000);
        const quint64 second = panel.seed();
        QVERIFY(second != shown);
        QCOMPARE(seedIn(lastLabel()), second);

        NoteSequence scale = test::scale(24);
        panel.showPiece(scale, QStringLiteral("Open scale.mid"), QStringLiteral("scale.mid"));
        QStringList rewrites;
        for (int i = 0; i < 2; ++i) {
            panel.roll()->setSelection(4.0, 8.0);
            panel.rewriteSelection();
            QTRY_VERIFY_WITH_TIMEOUT(!panel.isComposing(), 30000);
            rewrites << panel.undoStack()->undoText();
        }
        QVERIFY2(rewrites[0].contains(QLatin1String("seed ")) && rewrites[0] != rewrites[1], qPrintable(rewrites.join(" | ")));

        // A seed the user sets is kept: the box is unticked and each run repeats it, notes and all.
        panel.setSeed(9);
        QVERIFY(!panel.newSeedEachTime()->isChecked());
        std::vector<NoteSequence> pieces;
        for (int i = 0; i < 2; ++i) {
            panel.compose();
            QTRY_VERIFY_WITH_TIMEOUT(!panel.isComposing(), 30000);
            QCOMPARE(seedIn(lastLabel()), quint64(9));
            pieces.push_back(panel.piece());
        }
        QCOMPARE(pieces[0].notes.size(), pieces[1].notes.size());
        for (size_t i = 0; i < pieces[0].notes.size(); ++i)
            QCOMPARE(pieces[0].notes[i].pitch, pieces[1].notes[i].pitch);
        // Ticked again, the next run moves on from the seed already used.
        panel.newSeedEachTime()->setChecked(true);
        panel.compose();
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isComposing(), 30000);
        QVERIFY(panel.seed() != 9);
        QCOMPARE(seedIn(lastLabel()), panel.seed());
    }

    void exportsSuggestThePiecesName()
    {
        ComposePanel panel;
        QCOMPARE(panel.exportName(), QStringLiteral("composition"));  // nothing on the roll yet
        NoteSequence one;
        one.notes.push_back(Note{60, 0.0, 1.0, 0, 0, 80, 0, 0});
        const QStringList names{QStringLiteral("chpn-p4.mid (Chopin Prelude No. 4, Opus 28)"), QStringLiteral("scale.mid, rewritten"),
                                QStringLiteral("Composition 2: 30 s, T 1, seed 7"), QStringLiteral("a/b: c?.MIDI")};
        const QStringList expected{QStringLiteral("chpn-p4"), QStringLiteral("scale, rewritten"),
                                   QStringLiteral("Composition 2, 30 s, T 1, seed 7"), QStringLiteral("a-b, c-")};
        for (int i = 0; i < names.size(); ++i) {
            panel.showPiece(one, QStringLiteral("Show"), names[i]);
            QCOMPARE(panel.exportName(), expected[i]);
        }
    }

    void continueThisPieceWritesMoreAfterIt()
    {
        // Compose > Continue This Piece (Ctrl+Shift+Enter): Length more seconds after the piece
        // on the roll, whatever "Continue from" says (it stays as it was).
        ComposePanel panel;
        panel.show();
        waitReady(panel);
        QVERIFY(!panel.continueAction()->isEnabled());  // nothing on the roll to continue
        const NoteSequence scale = test::scale(12);
        panel.showPiece(scale, QStringLiteral("Open scale.mid"), QStringLiteral("scale.mid"));
        QVERIFY(panel.continueAction()->isEnabled());
        panel.setSeconds(4);
        panel.setSeed(8);
        panel.continueAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isComposing(), 30000);
        const NoteSequence &piece = panel.piece();
        QVERIFY2(piece.notes.size() >= scale.notes.size(), qPrintable(panel.message()));
        for (size_t i = 0; i < scale.notes.size(); ++i)  // the piece as it was, then more
            QCOMPARE(piece.notes[i].pitch, scale.notes[i].pitch);
        // (How much the tiny test model writes in 4 s may be little: not counted here.)
        QVERIFY(piece.duration() >= scale.duration());
        QVERIFY2(panel.pieceName().startsWith(QLatin1String("Composition 1")), qPrintable(panel.pieceName()));
        QCOMPARE(panel.history()->count(), 1);
        QCOMPARE(panel.findChild<QComboBox *>(QStringLiteral("continueFrom"))->currentData().toInt(), int(ComposePanel::Source::Nothing));
    }

    void rewritingBarsOfAPieceWithAMetre()
    {
        // A MIDI file in 4/4 at 120 bpm: bars of 2 s. The rewrite is named in bars and the
        // piece keeps its metre, so the roll still counts bars.
        ComposePanel panel;
        panel.resize(1000, 500);
        panel.show();
        waitReady(panel);
        NoteSequence piece = test::scale(32);
        piece.timeSignatures = {TimeSignature{0, 4, 4}};
        panel.showPiece(piece, QStringLiteral("Open march.mid"), QStringLiteral("march.mid"));
        QVERIFY(!panel.rollModel()->barStarts().empty());
        panel.roll()->setSelection(2.0, 6.0);
        panel.setSeed(3);
        panel.rewriteSelection();
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isComposing(), 30000);
        QCOMPARE(panel.undoStack()->undoText(), QStringLiteral("Rewrote bars 2 to 3, seed 3"));
        QVERIFY(!panel.rollModel()->barStarts().empty());
        QCOMPARE(panel.rollModel()->barAt(6.5), 4);
    }

    void rewriteSelectionKeepsTheRest()
    {
        ComposePanel panel;
        panel.resize(1000, 500);
        panel.show();
        waitReady(panel);
        NoteSequence piece = test::scale(40, 48, 24, 0.4);
        // The pedal held over the whole selection, released after it.
        piece.pedals.push_back(PedalEvent{0.2, 0, 127, 0, 0});
        piece.pedals.push_back(PedalEvent{15.0, 0, 0, 0, 0});
        piece.syncTicksFromSeconds();
        panel.showPiece(piece, QStringLiteral("Open scale.mid"), QStringLiteral("scale.mid"));
        QCOMPARE(panel.pieceName(), QStringLiteral("scale.mid"));
        panel.roll()->setSelection(5.0, 10.0);
        panel.rewriteSelection();
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isComposing(), 30000);
        // Still the same piece, rewritten: its name says so, once, and so does its kept file.
        QCOMPARE(panel.pieceName(), QStringLiteral("scale.mid, rewritten"));
        const auto kept = panel.keeper().recent(1);
        QCOMPARE(kept.size(), size_t(1));
        QVERIFY2(kept.back().name.endsWith(QLatin1String(" scale.mid, rewritten")), qPrintable(kept.back().name));
        panel.roll()->setSelection(1.0, 2.0);
        panel.rewriteSelection();
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isComposing(), 30000);
        QCOMPARE(panel.pieceName(), QStringLiteral("scale.mid, rewritten"));
        panel.undoStack()->undo();
        const NoteSequence &after = panel.piece();
        int beforeCount = 0, afterCount = 0;
        for (const Note &n : after.notes) {
            if (n.start < 5.0)
                ++beforeCount;
            if (n.start >= 10.0)
                ++afterCount;
            if (n.start >= 5.0 && n.start < 10.0)
                QVERIFY(n.end() <= 10.0 + 1e-9);
        }
        QCOMPARE(beforeCount, 10);
        QCOMPARE(afterCount, 20);
        // Played, the new notes sound no longer than written: the old pedal does not hold them.
        NoteSequence sounding = after;
        sounding.applySustainPedal();
        int rewritten = 0;
        for (const Note &n : sounding.notes)
            if (n.start >= 5.0 && n.start < 10.0) {
                ++rewritten;
                QVERIFY2(n.end() <= 10.0 + 1e-9, qPrintable(QStringLiteral("note at %1 sounds to %2").arg(n.start).arg(n.end())));
            }
        QVERIFY(rewritten > 0);
        // The pedalling before the selection is kept, and so is the old release after it.
        QVERIFY(!after.pedals.empty());
        QCOMPARE(after.pedals.front().time, 0.2);
        QVERIFY(after.pedals.front().down());
        QCOMPARE(after.pedals.back().time, 15.0);
        QVERIFY(!after.pedals.back().down());
    }

    void loopPlaysTheSelectionOverAndOver()
    {
        ComposePanel panel;
        panel.resize(1100, 600);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTRY_VERIFY_WITH_TIMEOUT(panel.playback()->isReady(), 20000);
        NoteSequence piece = test::scale(24, 60, 12, 0.5);
        panel.showPiece(piece, QStringLiteral("scale"));
        QCheckBox *loop = panel.transport()->loopBox();
        QVERIFY(!loop->isEnabled());  // nothing selected: nothing to loop
        panel.roll()->setSelection(2.0, 3.0);
        QVERIFY(loop->isEnabled());
        loop->setChecked(true);
        // Play starts at the selection and goes round it (without an audio device the synth
        // runs on a silent clock, in real time).
        QTest::mouseClick(panel.transport()->playButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(panel.playback()->position() > 2.5, 5000);
        QTest::qWait(1500);
        QVERIFY2(panel.playback()->position() >= 2.0 && panel.playback()->position() < 3.0, qPrintable(QString::number(panel.playback()->position())));
        QVERIFY(panel.playback()->isPlaying());
        // The menu's Loop Selection (Ctrl+L) is the same switch.
        QVERIFY(panel.loopAction()->isEnabled() && panel.loopAction()->isChecked());
        // Unticked, it plays on past the selection.
        panel.loopAction()->trigger();
        QVERIFY(!loop->isChecked());
        QTRY_VERIFY_WITH_TIMEOUT(panel.playback()->position() > 3.2, 5000);
        panel.playback()->stop();
        // The selection cleared: Loop is disabled again.
        panel.roll()->setSelection(-1, -1);
        QVERIFY(!loop->isEnabled());
        QVERIFY(!panel.loopAction()->isEnabled());
    }

    void transportPlaysPausesAndShowsTheLength()
    {
        ComposePanel panel;
        panel.resize(1100, 600);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        TransportBar *transport = panel.transport();
        QCOMPARE(transport->positionLabel()->text(), QStringLiteral("0:00.0 / 0:00.0"));
        NoteSequence piece = test::scale(24, 60, 12, 0.5);
        panel.showPiece(piece, QStringLiteral("scale"));
        // The length follows the piece shown, before anything plays.
        QCOMPARE(transport->positionLabel()->text(), QStringLiteral("0:00.0 / 0:12.0"));

        // Play (without an audio device the synth runs on a silent clock): the button says
        // Pause and the position moves; Play again pauses where it is.
        QTest::mouseClick(transport->playButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(transport->playButton()->text(), QStringLiteral("Pause"), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(panel.playback()->position() > 0.2, 5000);
        QTRY_VERIFY(!transport->positionLabel()->text().startsWith(QStringLiteral("0:00.0")));
        QVERIFY(transport->positionLabel()->text().endsWith(QStringLiteral(" / 0:12.0")));
        QTest::mouseClick(transport->playButton(), Qt::LeftButton);
        QTRY_COMPARE(transport->playButton()->text(), QStringLiteral("Play"));
        const double pausedAt = panel.playback()->position();
        QVERIFY(pausedAt > 0.2);
        QTest::qWait(200);
        QCOMPARE(panel.playback()->position(), pausedAt);

        // Speed and volume reach the player.
        transport->speedBox()->setCurrentIndex(transport->speedBox()->findData(1.5));
        QCOMPARE(panel.playback()->speed(), 1.5);
        transport->volumeSlider()->setValue(20);
        QCOMPARE(panel.playback()->volume(), 0.2);
        QCOMPARE(transport->outputBox()->itemText(0), QStringLiteral("FluidSynth (built in)"));

        // The sound's status is one line that fits its room, shortened with an ellipsis and
        // whole in the tooltip (without an audio device it is a long explanation).
        auto *status = transport->findChild<QLabel *>(QStringLiteral("soundStatus"));
        QVERIFY(status);
        QTRY_VERIFY(!status->toolTip().isEmpty());
        panel.resize(800, 600);
        QTRY_VERIFY(status->fontMetrics().horizontalAdvance(status->text()) <= status->contentsRect().width());
        QVERIFY(!status->text().contains(QLatin1Char('\n')));
        if (status->fontMetrics().horizontalAdvance(status->toolTip()) > status->contentsRect().width())
            QVERIFY2(status->text().endsWith(QChar(0x2026)), qPrintable(status->text()));
        else
            QCOMPARE(status->text(), status->toolTip());

        // A piece with bars (4/4 at 120 bpm: 2 s each) names the bar too.
        piece.timeSignatures = {TimeSignature{0, 4, 4}};
        panel.showPiece(piece, QStringLiteral("in bars"));
        QCOMPARE(transport->positionLabel()->text(), QStringLiteral("0:00.0 / 0:12.0, bar 1"));
    }

    void missingModelSaysSoAndDisablesCompose()
    {
        ComposePanel panel;
        panel.setModelPath(m_dir.filePath("no-such-model.pt"));
        QTRY_VERIFY_WITH_TIMEOUT(panel.message().contains("Could not load"), 10000);
        QVERIFY(!panel.composeButton()->isEnabled());
        panel.compose();  // does nothing harmful
        QVERIFY(!panel.isComposing());
    }
};

QTEST_MAIN(TestComposePanel)
#include "TestComposePanel.moc"
