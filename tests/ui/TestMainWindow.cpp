// The main window as a user meets it: its areas, and MIDI files dropped on it.

#include "support/DropFiles.h"
#include "main/AboutDialog.h"
#include "classify/ClassifyPanel.h"
#include "classify/ClassifyResultsModel.h"
#include "common/RecentFolders.h"
#include "compose/ComposePanel.h"
#include "compose/PieceEdits.h"
#include "dataset/DatasetPanel.h"
#include "main/MainWindow.h"
#include "main/RecentFilesMenu.h"
#include "main/Translations.h"
#include "training/TrainingPanel.h"
#include "midi/SmfWriter.h"
#include "pianoroll/PianoRollModel.h"
#include "pianoroll/PianoRollView.h"
#include "spectrogram/SpectrogramPanel.h"
#include "support/TestAudio.h"

#include <QDir>
#include <QLabel>
#include <QMimeData>
#include <QAbstractButton>
#include <QTimer>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using namespace aichopin;

namespace {
QString writeScale(const QString &path, int notes)
{
    NoteSequence seq;
    for (int i = 0; i < notes; ++i)
        seq.notes.push_back(Note{60 + i % 12, i * 0.25, 0.25, 0, 0, 40 + i % 80, 0, 0});
    SmfWriter::writeFile(seq, path);
    return path;
}

void drop(QWidget *target, const QList<QUrl> &urls)
{
    QStringList paths;
    for (const QUrl &u : urls)
        paths << u.toLocalFile();
    test::dropFiles(target, paths);
}

// Pixels in the note area that carry a note colour (saturated, bright), for "the user sees notes".
int notePixels(PianoRollView *roll)
{
    const QImage img = roll->viewport()->grab().toImage();
    int count = 0;
    for (int y = PianoRollRenderer::kRulerHeight; y < img.height(); ++y)
        for (int x = PianoRollRenderer::kKeyboardWidth + 2; x < img.width(); ++x) {
            const QColor c = img.pixelColor(x, y);
            if (c.saturationF() > 0.4 && c.valueF() > 0.8)
                ++count;
        }
    return count;
}
}  // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { Translations::install(QLocale(QLocale::English, QLocale::UnitedStates)); }  // as the app does

    void areasArePresentAndHonest()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QStringList names;
        for (int i = 0; i < w.areas()->count(); ++i)
            names << w.areas()->tabText(i).remove('&');
        QCOMPARE(names, QStringList({"Compose", "Classify", "Spectrogram", "Training", "Dataset"}));
        // Every area is its working panel.
        const QStringList panels = {"aichopin::ComposePanel", "aichopin::ClassifyPanel",
                                    "aichopin::SpectrogramPanel", "aichopin::TrainingPanel",
                                    "aichopin::DatasetPanel"};
        for (int i = 0; i < w.areas()->count(); ++i)
            QCOMPARE(QString::fromLatin1(w.areas()->widget(i)->metaObject()->className()),
                     panels[i]);
    }

    void droppedMidiFileAppearsInPianoRoll()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(notePixels(w.pianoRoll()), 0);
        const QString path = writeScale(m_dir.filePath("scale.mid"), 48);
        drop(&w, {QUrl::fromLocalFile(path)});
        QTRY_COMPARE(w.pianoRollModel()->sequence().notes.size(), size_t(48));
        QCOMPARE(w.currentFile(), path);
        QVERIFY(w.windowTitle().contains("scale.mid"));
        QVERIFY(w.lastError().isEmpty());
        QTRY_VERIFY(notePixels(w.pianoRoll()) > 500);
        QLabel *infoLabel = w.findChild<QLabel *>("fileInfo");
        QVERIFY2(infoLabel->text().startsWith("scale.mid: 48 notes, 0:12, 2 tracks"), qPrintable(infoLabel->text()));
        // The line speaks of the roll, so it is part of the Compose area and not seen above the others.
        QVERIFY(w.composePanel()->isAncestorOf(infoLabel));
        w.areas()->setCurrentWidget(w.classifyPanel());
        QVERIFY(!infoLabel->isVisible());
        w.areas()->setCurrentWidget(w.composePanel());
        QVERIFY(infoLabel->isVisible());
        // The line and the title say what the roll holds, not what was opened last: another
        // piece replaces the file's name, and undo brings it back.
        NoteSequence other;
        other.notes.push_back(Note{60, 0.0, 1.0, 0, 0, 80, 0, 0});
        w.composePanel()->showPiece(other, QStringLiteral("Show"), QStringLiteral("Composition 1: 30 s"));
        QVERIFY2(infoLabel->text().startsWith("Composition 1: 30 s: 1 note, 0:01"), qPrintable(infoLabel->text()));
        QVERIFY(!infoLabel->text().contains("scale.mid"));
        QVERIFY(w.windowTitle().startsWith("Composition 1"));
        w.composePanel()->undoStack()->undo();
        QVERIFY2(infoLabel->text().startsWith("scale.mid: 48 notes"), qPrintable(infoLabel->text()));
        QVERIFY(w.windowTitle().contains("scale.mid"));
    }

    void brokenFileShowsErrorAndKeepsThePiece()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.openFile(writeScale(m_dir.filePath("keep.mid"), 20));
        QTRY_COMPARE(w.pianoRollModel()->sequence().notes.size(), size_t(20));

        const QString broken = m_dir.filePath("broken.mid");
        QFile f(broken);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("MThd\0\0\0\6\0\1\0\2\1\xe0MTrk\0\0\1\0\0\x90", 24));
        f.close();
        drop(&w, {QUrl::fromLocalFile(broken)});
        QTRY_VERIFY(!w.lastError().isEmpty());
        QVERIFY2(w.lastError().contains("broken.mid") && w.lastError().contains("at byte"), qPrintable(w.lastError()));
        auto *banner = w.findChild<QLabel *>("errorBanner");
        QVERIFY(banner->isVisible());
        QCOMPARE(banner->text(), w.lastError());
        QCOMPARE(w.pianoRollModel()->sequence().notes.size(), size_t(20));  // nothing lost

        // A good file afterwards clears the error.
        w.openFile(writeScale(m_dir.filePath("again.mid"), 30));
        QTRY_COMPARE(w.pianoRollModel()->sequence().notes.size(), size_t(30));
        QVERIFY(!banner->isVisible());
    }

    void modelsTrainedInTheTrainingAreaAreUsedWhereTheyBelong()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const QString classifier = QString::fromUtf8(AICHOPIN_RESOURCE_DIR_FOR_TESTS "/models/classifier-default.pt");
        Q_EMIT w.trainingPanel()->useClassifierModel(classifier);
        QCOMPARE(w.areas()->currentWidget(), static_cast<QWidget *>(w.classifyPanel()));
        QCOMPARE(w.classifyPanel()->modelPath(), classifier);
        QCOMPARE(QSettings().value("classify/model").toString(), classifier);
        QTRY_VERIFY(w.classifyPanel()->modelState() == ClassifyPanel::ModelState::Ready);

        const QString composer = QString::fromUtf8(AICHOPIN_RESOURCE_DIR_FOR_TESTS "/models/composer-default.pt");
        Q_EMIT w.trainingPanel()->useComposerModel(composer);
        QCOMPARE(w.areas()->currentWidget(), static_cast<QWidget *>(w.composePanel()));
        QCOMPARE(QSettings().value("compose/model").toString(), composer);
    }

    void aboutListsLibrariesLicencesAndData()
    {
        AboutDialog about;
        const QString text = about.findChild<QTextBrowser *>("aboutDetails")->toPlainText();
        for (const char *name : {"Qt", "LibTorch", "FFmpeg", "KissFFT", "FluidSynth", "RtMidi", "BLAS", "BSD-3-Clause", "LGPL", "piano-midi.de", "Bernd Krueger"})
            QVERIFY2(text.contains(QLatin1String(name)), name);
    }

    // What `aichopin FILE...` and the desktop's "Open with" do (app/gui/main.cpp calls openFiles).
    void commandLineFilesOpenByKind()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const QString mid = writeScale(m_dir.filePath("cli.mid"), 12);
        w.openFiles({mid});
        QTRY_COMPARE(w.pianoRollModel()->sequence().notes.size(), size_t(12));
        QCOMPARE(w.areas()->currentWidget(), static_cast<QWidget *>(w.composePanel()));

        // A recording goes to Classify and gets a verdict; the piece in the roll stays.
        const QString wav = m_dir.filePath("tone.wav");  // long enough for a verdict (5 s at least)
        QVERIFY(test::writeSineWav(wav, 6.0));
        w.openFiles({wav});
        QCOMPARE(w.areas()->currentWidget(), static_cast<QWidget *>(w.classifyPanel()));
        QCOMPARE(w.classifyPanel()->results()->rowCount(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(!w.classifyPanel()->isBusy(), 60000);
        QCOMPARE(w.classifyPanel()->results()->rows()[0].state, ClassifyResultsModel::State::Done);
        QCOMPARE(w.pianoRollModel()->sequence().notes.size(), size_t(12));
        QVERIFY(w.lastError().isEmpty());

        // Several files at once (MIDI and audio) all go to Classify; the roll is untouched.
        w.areas()->setCurrentWidget(w.composePanel());
        w.openFiles({writeScale(m_dir.filePath("other.mid"), 30), wav});
        QCOMPARE(w.areas()->currentWidget(), static_cast<QWidget *>(w.classifyPanel()));
        QCOMPARE(w.classifyPanel()->results()->rowCount(), 3);
        QCOMPARE(w.pianoRollModel()->sequence().notes.size(), size_t(12));
        QTRY_VERIFY_WITH_TIMEOUT(!w.classifyPanel()->isBusy(), 60000);

        // Any recording the decoder reads goes there too, AIFF from a Mac for one (it was
        // turned away as "cannot classify" while Classify knew fewer suffixes than the window).
        const QString aiff = m_dir.filePath("take.aiff");
        QVERIFY(QFile::copy(wav, aiff));
        w.openFiles({aiff});
        QCOMPARE(w.classifyPanel()->results()->rowCount(), 4);
        QVERIFY2(w.lastError().isEmpty(), qPrintable(w.lastError()));
        QTRY_VERIFY_WITH_TIMEOUT(!w.classifyPanel()->isBusy(), 60000);
        QCOMPARE(w.classifyPanel()->results()->rows()[3].state, ClassifyResultsModel::State::Done);

        // No files: nothing changes.
        w.openFiles({});
        QCOMPARE(w.classifyPanel()->results()->rowCount(), 4);
    }

    // The Dataset area's rows go where they are asked to: a MIDI file to Compose, a folder to
    // Classify, a recording to the Spectrogram area.
    void datasetRowsGoToTheirAreas()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const QString midi = writeScale(m_dir.filePath("from-dataset.mid"), 12);
        w.areas()->setCurrentWidget(w.datasetPanel());
        Q_EMIT w.datasetPanel()->openInComposeRequested(midi);
        QTRY_COMPARE(w.currentFile(), midi);
        QCOMPARE(w.areas()->currentWidget(), static_cast<QWidget *>(w.composePanel()));

        QDir(m_dir.path()).mkpath(QStringLiteral("dataset-folder"));
        const QString folder = m_dir.filePath("dataset-folder");
        QVERIFY(test::writeSineWav(folder + "/a.wav", 3.0));
        QVERIFY(test::writeSineWav(folder + "/b.wav", 3.0));
        const int before = w.classifyPanel()->results()->rowCount();
        Q_EMIT w.datasetPanel()->classifyRequested(folder);
        QCOMPARE(w.areas()->currentWidget(), static_cast<QWidget *>(w.classifyPanel()));
        QCOMPARE(w.classifyPanel()->results()->rowCount(), before + 2);
        QTRY_VERIFY_WITH_TIMEOUT(!w.classifyPanel()->isBusy(), 60000);

        Q_EMIT w.datasetPanel()->openInSpectrogramRequested(folder + "/a.wav");
        QCOMPARE(w.areas()->currentWidget(), static_cast<QWidget *>(w.spectrogramPanel()));
        // And from the Spectrogram area, the file shown goes to Classify.
        QPushButton *classify = w.spectrogramPanel()->classifyButton();
        QTRY_VERIFY_WITH_TIMEOUT(classify->isEnabled(), 20000);
        QTest::mouseClick(classify, Qt::LeftButton);
        QCOMPARE(w.areas()->currentWidget(), static_cast<QWidget *>(w.classifyPanel()));
        QCOMPARE(w.classifyPanel()->results()->rowCount(), before + 3);
        QTRY_VERIFY_WITH_TIMEOUT(!w.classifyPanel()->isBusy(), 60000);
    }

    void foldersAndSeveralFilesGoToClassify()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QDir(m_dir.path()).mkpath(QStringLiteral("recordings/inner"));
        const QString folder = m_dir.filePath("recordings");
        QVERIFY(test::writeSineWav(folder + "/take 1.wav", 6.0));
        QVERIFY(test::writeSineWav(folder + "/inner/take 2.wav", 6.0));
        // A folder on the command line ("aichopin ~/Recordings"): each recording in it gets a
        // verdict (it was refused as "a folder, not a MIDI file").
        w.openFiles({folder});
        QCOMPARE(w.areas()->currentWidget(), static_cast<QWidget *>(w.classifyPanel()));
        QCOMPARE(w.classifyPanel()->results()->rowCount(), 2);
        QVERIFY2(w.lastError().isEmpty(), qPrintable(w.lastError()));
        QTRY_VERIFY_WITH_TIMEOUT(!w.classifyPanel()->isBusy(), 60000);

        // Dropped on the window outside Classify, a folder, or several files, are classified
        // too: only the first was opened before, the others silently left out.
        w.areas()->setCurrentWidget(w.composePanel());
        drop(&w, {QUrl::fromLocalFile(folder)});
        QCOMPARE(w.areas()->currentWidget(), static_cast<QWidget *>(w.classifyPanel()));
        QCOMPARE(w.classifyPanel()->results()->rowCount(), 4);
        w.areas()->setCurrentWidget(w.composePanel());
        const QString mid = writeScale(m_dir.filePath("several.mid"), 20);
        drop(&w, {QUrl::fromLocalFile(mid), QUrl::fromLocalFile(folder + "/take 1.wav")});
        QCOMPARE(w.areas()->currentWidget(), static_cast<QWidget *>(w.classifyPanel()));
        QCOMPARE(w.classifyPanel()->results()->rowCount(), 6);
        QCOMPARE(w.pianoRollModel()->sequence().notes.size(), size_t(0));
        QTRY_VERIFY_WITH_TIMEOUT(!w.classifyPanel()->isBusy(), 60000);

        // A folder with nothing to classify says so.
        QDir(m_dir.path()).mkpath(QStringLiteral("empty"));
        w.openFiles({m_dir.filePath("empty")});
        QVERIFY2(w.lastError().startsWith(QLatin1String("Cannot classify empty")), qPrintable(w.lastError()));
        QCOMPARE(w.classifyPanel()->results()->rowCount(), 6);

        // One MIDI file dropped while the Spectrogram is in view is shown there; elsewhere it
        // opens in the roll.
        w.areas()->setCurrentWidget(w.spectrogramPanel());
        drop(&w, {QUrl::fromLocalFile(mid)});
        QCOMPARE(w.areas()->currentWidget(), static_cast<QWidget *>(w.spectrogramPanel()));
        QTRY_VERIFY_WITH_TIMEOUT(!w.spectrogramPanel()->isAnalysing(), 60000);
        QCOMPARE(w.spectrogramPanel()->currentFile(), mid);
        QCOMPARE(w.pianoRollModel()->sequence().notes.size(), size_t(0));
        w.areas()->setCurrentWidget(w.classifyPanel());
        drop(&w, {QUrl::fromLocalFile(mid)});
        QTRY_COMPARE(w.pianoRollModel()->sequence().notes.size(), size_t(20));
    }

    void foldersDroppedOnDatasetOrTrainingAreForThem()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QDir(m_dir.path()).mkpath(QStringLiteral("corpus/chopin"));
        QDir(m_dir.path()).mkpath(QStringLiteral("corpus2/other"));
        writeScale(m_dir.filePath("corpus/chopin/a.mid"), 12);
        writeScale(m_dir.filePath("corpus2/other/b.mid"), 12);
        const QString corpus = m_dir.filePath("corpus"), corpus2 = m_dir.filePath("corpus2");
        const int classified = w.classifyPanel()->results()->rowCount();

        // On the Dataset area: each folder is added and looked through, not classified.
        w.areas()->setCurrentWidget(w.datasetPanel());
        const QStringList before = w.datasetPanel()->folders();
        drop(&w, {QUrl::fromLocalFile(corpus), QUrl::fromLocalFile(corpus2)});
        QCOMPARE(w.areas()->currentWidget(), static_cast<QWidget *>(w.datasetPanel()));
        QCOMPARE(w.datasetPanel()->folders(), before + QStringList({corpus, corpus2}));
        QTRY_VERIFY_WITH_TIMEOUT(!w.datasetPanel()->isScanning(), 30000);
        QCOMPARE(w.classifyPanel()->results()->rowCount(), classified);

        // On the Training area: one folder becomes the data to train on; two are refused.
        w.areas()->setCurrentWidget(w.trainingPanel());
        drop(&w, {QUrl::fromLocalFile(corpus)});
        QCOMPARE(w.trainingPanel()->dataDir(), corpus);
        QCOMPARE(w.areas()->currentWidget(), static_cast<QWidget *>(w.trainingPanel()));
        drop(&w, {QUrl::fromLocalFile(corpus2), QUrl::fromLocalFile(corpus)});
        QCOMPARE(w.trainingPanel()->dataDir(), corpus);
        QVERIFY2(w.lastError().startsWith(QLatin1String("Drop one folder")), qPrintable(w.lastError()));
        QCOMPARE(w.classifyPanel()->results()->rowCount(), classified);

        // Elsewhere a folder is still classified.
        w.areas()->setCurrentWidget(w.composePanel());
        drop(&w, {QUrl::fromLocalFile(corpus)});
        QCOMPARE(w.areas()->currentWidget(), static_cast<QWidget *>(w.classifyPanel()));
        QCOMPARE(w.classifyPanel()->results()->rowCount(), classified + 1);
        QTRY_VERIFY_WITH_TIMEOUT(!w.classifyPanel()->isBusy(), 60000);
        for (const QString &dir : {corpus, corpus2})
            w.datasetPanel()->removeFolder(dir);
    }

    void quittingWithAnUnsavedPieceOffersToExportIt()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        ComposePanel *compose = w.composePanel();
        QVERIFY(!compose->hasUnsavedChanges());  // nothing on the roll
        const QString path = writeScale(m_dir.filePath("unsaved.mid"), 24);
        w.openFiles({path});
        QTRY_COMPARE(w.pianoRollModel()->sequence().notes.size(), size_t(24));
        QVERIFY(!compose->hasUnsavedChanges());  // it is in its file

        // The answer a user gives the question asked on quitting (it is modal).
        int asked = 0;
        const auto answer = [&asked](QMessageBox::StandardButton button) {
            QTimer::singleShot(0, [&asked, button] {
                auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
                QVERIFY(box);
                QCOMPARE(box->objectName(), QStringLiteral("unsavedChanges"));
                ++asked;
                box->button(button)->click();
            });
        };
        compose->edits()->transposeActions()[0]->trigger();
        QVERIFY(compose->hasUnsavedChanges());
        answer(QMessageBox::Cancel);
        QVERIFY(!w.close());  // cancelled: the window stays
        QCOMPARE(asked, 1);
        QVERIFY(w.isVisible());
        compose->undoStack()->undo();  // back to what the file holds
        QVERIFY(!compose->hasUnsavedChanges());
        compose->undoStack()->redo();
        QVERIFY(compose->hasUnsavedChanges());
        QVERIFY(compose->exportMidi(m_dir.filePath("transposed.mid")));
        QVERIFY(!compose->hasUnsavedChanges());  // exported
        compose->edits()->transposeActions()[1]->trigger();
        compose->edits()->transposeActions()[1]->trigger();
        QVERIFY(compose->hasUnsavedChanges());
        answer(QMessageBox::Discard);
        QVERIFY(w.close());  // quit without saving, as asked
        QCOMPARE(asked, 2);
    }

    void openRecentListsTheFilesOpenedNewestFirst()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        RecentFilesMenu *recent = w.recentFiles();
        QVERIFY(recent);
        recent->clearFiles();
        QVERIFY(!recent->menuAction()->isEnabled());  // nothing yet
        const QString a = writeScale(m_dir.filePath("recent a.mid"), 10), b = writeScale(m_dir.filePath("recent b.mid"), 12);
        w.openFiles({a});
        QTRY_COMPARE(w.currentFile(), a);
        w.openFiles({b});
        QTRY_COMPARE(w.currentFile(), b);
        QCOMPARE(recent->files(), QStringList({b, a}));
        QVERIFY(recent->menuAction()->isEnabled());

        // As the user sees it: the newest first, numbered, then Clear Menu.
        Q_EMIT recent->aboutToShow();
        QList<QAction *> items = recent->actions();
        QCOMPARE(items.size(), 4);  // b, a, separator, Clear Menu
        QCOMPARE(items[0]->text(), QStringLiteral("&1 recent b.mid"));
        QCOMPARE(items[1]->text(), QStringLiteral("&2 recent a.mid"));
        QVERIFY(items[2]->isSeparator());
        items[1]->trigger();  // a again: opened, and now the newest
        QTRY_COMPARE(w.currentFile(), a);
        QCOMPARE(w.pianoRollModel()->sequence().notes.size(), size_t(10));
        QCOMPARE(recent->files(), QStringList({a, b}));

        // A file gone since: shown disabled; opened anyway (it went after the menu was shown),
        // it says so and leaves the list.
        QVERIFY(QFile::remove(b));
        Q_EMIT recent->aboutToShow();
        QVERIFY(!recent->actions()[1]->isEnabled());
        Q_EMIT recent->fileChosen(b);
        QTRY_VERIFY(w.lastError().startsWith(QLatin1String("Could not open recent b.mid")));
        QCOMPARE(recent->files(), QStringList({a}));
        QCOMPARE(w.currentFile(), a);  // what was on screen stays

        // The next start lists them too; Clear Menu forgets them.
        RecentFilesMenu next;
        QCOMPARE(next.files(), QStringList({a}));
        next.actions().last()->trigger();
        QVERIFY(next.files().isEmpty());
        QVERIFY(!next.menuAction()->isEnabled());
    }

    void fileDialogsOpenWhereTheUserLastWent()
    {
        // Not in whatever folder the app started in: the last one used for that kind of file,
        // else the Music folder, else home.
        namespace rf = recentfolders;
        QSettings().remove(QStringLiteral("paths"));
        const QString music = QStandardPaths::writableLocation(QStandardPaths::MusicLocation);
        const QString fallback = QFileInfo(music).isDir() ? music : QDir::homePath();
        QCOMPARE(rf::folder(rf::kExport), fallback);
        QDir(m_dir.path()).mkpath(QStringLiteral("exports/inner"));
        rf::remember(rf::kExport, m_dir.filePath("exports/piece.mid"));  // a file: its folder
        QCOMPARE(rf::folder(rf::kExport), m_dir.filePath("exports"));
        QCOMPARE(rf::folder(rf::kRecordings), fallback);  // each kind its own
        rf::remember(rf::kRecordings, m_dir.filePath("exports/inner"));  // a folder: itself
        QCOMPARE(rf::folder(rf::kRecordings), m_dir.filePath("exports/inner"));
        QVERIFY(QDir(m_dir.filePath("exports/inner")).removeRecursively());
        QCOMPARE(rf::folder(rf::kRecordings), fallback);  // gone since: not offered
    }

    void thePieceOnTheRollCanBeClassified()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto *action = w.findChild<QAction *>(QStringLiteral("actionClassifyPiece"));
        QVERIFY(action);
        // Nothing on the roll: says so, queues nothing.
        action->trigger();
        QVERIFY2(w.lastError().contains(QLatin1String("no piece to classify")), qPrintable(w.lastError()));
        QCOMPARE(w.classifyPanel()->results()->rowCount(), 0);

        // The piece on the roll, as it is there (here: as opened),
        // gets a row named after it and a verdict.
        w.openFiles({writeScale(m_dir.filePath("to classify.mid"), 60)});
        QTRY_COMPARE(w.pianoRollModel()->sequence().notes.size(), size_t(60));
        action->trigger();
        QCOMPARE(w.areas()->currentWidget(), static_cast<QWidget *>(w.classifyPanel()));
        QCOMPARE(w.classifyPanel()->results()->rowCount(), 1);
        const ClassifyResultsModel::Row &row = w.classifyPanel()->results()->rows()[0];
        QCOMPARE(QFileInfo(row.path).fileName(), QStringLiteral("to classify.mid"));
        QVERIFY(!row.path.startsWith(m_dir.path()));  // a copy of what is on the roll, not the file opened
        QTRY_VERIFY_WITH_TIMEOUT(!w.classifyPanel()->isBusy(), 60000);
        QCOMPARE(w.classifyPanel()->results()->rows()[0].state, ClassifyResultsModel::State::Done);
    }

    void nonMidiDropIsRefusedWithAReason()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const QString text = m_dir.filePath("readme.txt");
        QFile f(text);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("hello");
        f.close();
        drop(&w, {QUrl::fromLocalFile(text)});
        QVERIFY2(w.lastError().contains("Drop MIDI files"), qPrintable(w.lastError()));
        w.openFile(m_dir.filePath("missing.mid"));
        QTRY_VERIFY(w.lastError().contains("not found"));
    }

    // Settings go to $XDG_CONFIG_HOME/aichopin/aichopin.conf and trained models, by default, to
    // the XDG data folder (ctest gives each suite its own XDG folders).
    void settingsAndTrainedModelsLiveInXdgFolders()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("aichopin"));
        QCoreApplication::setApplicationName(QStringLiteral("aichopin"));
        const QString config = qEnvironmentVariable("XDG_CONFIG_HOME");
        const QString data = qEnvironmentVariable("XDG_DATA_HOME");
        if (config.isEmpty() || data.isEmpty())
            QSKIP("run through ctest, which sets XDG_CONFIG_HOME and XDG_DATA_HOME");
        QCOMPARE(QSettings().fileName(), config + "/aichopin/aichopin.conf");
        MainWindow w;
        const QString models = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/models/";
        QVERIFY2(models.startsWith(data + "/"), qPrintable(models));
        for (const TrainingTask task : {TrainingTask::Composer, TrainingTask::Classifier}) {
            w.trainingPanel()->setTask(task);
            const QString out = w.trainingPanel()->outputPath();
            QVERIFY2(out.startsWith(models) && out.endsWith(".pt"), qPrintable(out));
        }
        QVERIFY(QFileInfo(models).isDir());
    }
};

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
