// Every kind of malformed input in tests/data/bad through the GUI, as a user would feed it: File >
// Open and a drop on the main window, a drop on the Classify area, Compose's primer and model
// choices, Classify's model choice, the Training area's data folder and the Dataset area's
// folders. One window lives through all rows, holding a piece in the roll, a classified file
// and loaded models; each row checks the specific error is shown, the window still works, and
// none of that was lost.

#include "support/DropFiles.h"
#include "BadInputs.h"
#include "support/TestAudio.h"

#include "classify/ClassifyDropZone.h"
#include "classify/ClassifyPanel.h"
#include "classify/ClassifyResultsModel.h"
#include "compose/ComposePanel.h"
#include "dataset/DatasetPanel.h"
#include "main/MainWindow.h"
#include "pianoroll/PianoRollModel.h"
#include "training/TrainingPanel.h"

#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QTreeWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace aichopin;
using namespace aichopin::test;

namespace {
constexpr int kWaitMs = 120000;

void drop(QWidget *target, const QString &path)
{
    test::dropFiles(target, {path});
}

QString viaName(Via v)
{
    switch (v) {
    case GuiOpen: return QStringLiteral("open and drop on the window");
    case GuiPrimer: return QStringLiteral("Compose primer");
    case GuiClassify: return QStringLiteral("Classify add and drop");
    case GuiComposeModel: return QStringLiteral("Compose model");
    case GuiClassifyModel: return QStringLiteral("Classify model");
    case GuiTrainClassifier: return QStringLiteral("Training classifier data");
    case GuiTrainComposer: return QStringLiteral("Training composer data");
    case GuiDataset: return QStringLiteral("Dataset folder");
    default: return {};
    }
}

// Everything the Dataset area shows about its folders: tree cells and the summary.
QString datasetText(DatasetPanel *panel)
{
    QStringList parts{panel->summary()};
    QList<QTreeWidgetItem *> todo;
    for (int i = 0; i < panel->tree()->topLevelItemCount(); ++i)
        todo << panel->tree()->topLevelItem(i);
    while (!todo.isEmpty()) {
        QTreeWidgetItem *item = todo.takeFirst();
        for (int c = 0; c < item->columnCount(); ++c)
            parts << item->text(c);
        for (int i = 0; i < item->childCount(); ++i)
            todo << item->child(i);
    }
    return parts.join('\n');
}
}  // namespace

class TestBadInputGui : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    QString m_piece;        // the piece in the roll
    size_t m_pieceNotes = 0;
    QString m_goodAudio;    // classified once; its row must survive every bad input
    double m_goodPChopin = -1;
    QString m_goodFolder;   // a dataset folder the Dataset area already shows
    QString m_composerModel, m_classifierModel;

    ComposePanel *compose() const { return m_window->composePanel(); }
    ClassifyPanel *classify() const { return m_window->classifyPanel(); }
    DatasetPanel *dataset() const { return m_window->findChild<DatasetPanel *>(); }

    // What the user had is all still there, and the window still answers.
    void verifyNothingLost()
    {
        QVERIFY(m_window->isVisible());
        QCOMPARE(m_window->currentFile(), m_piece);
        QCOMPARE(m_window->pianoRollModel()->sequence().notes.size(), m_pieceNotes);
        QCOMPARE(compose()->piece().notes.size(), m_pieceNotes);
        QVERIFY(!compose()->isComposing());
        QVERIFY(compose()->modelReady());
        QCOMPARE(compose()->modelPath(), m_composerModel);
        QVERIFY(compose()->composeButton()->isEnabled());
        QVERIFY(classify()->modelState() == ClassifyPanel::ModelState::Ready);
        QCOMPARE(classify()->modelPath(), m_classifierModel);
        const ClassifyResultsModel::Row *first = classify()->results()->row(0);
        QVERIFY(first);
        QCOMPARE(first->path, m_goodAudio);
        QVERIFY(first->state == ClassifyResultsModel::State::Done);
        QCOMPARE(first->result.verdict.pChopin, m_goodPChopin);
        QVERIFY(dataset()->folders().contains(m_goodFolder));
        QVERIFY(m_window->trainingPanel()->state() == TrainingPanel::State::Idle);
    }

    // Waits until the main window has finished opening a file and shown the outcome.
    void settle()
    {
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->isLoading(), kWaitMs);
        QCoreApplication::processEvents();  // the watcher's "finished" is queued
    }

    // Opens the user's piece again: the error banner goes, the same piece stays.
    void reopenPiece()
    {
        m_window->openFile(m_piece);
        settle();
        QVERIFY2(m_window->lastError().isEmpty(), qPrintable(m_window->lastError()));
    }

    // Classifies path (added, or dropped on the panel) and returns the new row's error, or the
    // drop zone's message when nothing was queued.
    QString classifyOnce(const QString &path, bool byDrop)
    {
        const int before = classify()->results()->rowCount();
        if (byDrop)
            drop(classify(), path);
        else
            classify()->addFiles({path});
        if (classify()->results()->rowCount() == before)
            return classify()->dropZone()->message();
        [&] { QTRY_VERIFY_WITH_TIMEOUT(!classify()->isBusy(), kWaitMs); }();
        const ClassifyResultsModel::Row *row = classify()->results()->row(before);
        if (!row)
            return QStringLiteral("(no row)");
        if (row->state != ClassifyResultsModel::State::Failed)
            return QStringLiteral("(classified without an error: %1)").arg(row->result.verdict.pChopin);
        return row->result.error;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_composerModel = QStringLiteral(AICHOPIN_RESOURCE_DIR_FOR_TESTS "/models/composer-default.pt");
        m_classifierModel = QStringLiteral(AICHOPIN_RESOURCE_DIR_FOR_TESTS "/models/classifier-default.pt");
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

        // A piece in the roll.
        m_piece = m_dir.filePath("keep.mid");
        QVERIFY(writeBytes(m_piece, QByteArray("MThd\0\0\0\6\0\0\0\1\1\xe0MTrk\0\0\0\x16\0\x90\x3c\x40\x83\x60\x80\x3c\0"
                                               "\0\x90\x40\x40\x83\x60\x80\x40\0\0\xff\x2f\0", 44)));
        m_window->openFile(m_piece);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->pianoRollModel()->sequence().notes.size(), size_t(2), kWaitMs);
        m_pieceNotes = 2;

        // Models loaded.
        QTRY_VERIFY_WITH_TIMEOUT(compose()->modelReady(), kWaitMs);
        QCOMPARE(compose()->modelPath(), m_composerModel);
        QTRY_VERIFY_WITH_TIMEOUT(classify()->modelState() == ClassifyPanel::ModelState::Ready, kWaitMs);
        QCOMPARE(classify()->modelPath(), m_classifierModel);

        // A classified recording.
        m_goodAudio = m_dir.filePath("tone.wav");
        QVERIFY(writeSineWav(m_goodAudio, 6.0));
        QCOMPARE(classify()->addFiles({m_goodAudio}), 1);
        QTRY_VERIFY_WITH_TIMEOUT(!classify()->isBusy(), kWaitMs);
        QVERIFY(classify()->results()->row(0)->state == ClassifyResultsModel::State::Done);
        m_goodPChopin = classify()->results()->row(0)->result.verdict.pChopin;

        // A dataset folder in the Dataset area.
        m_goodFolder = m_dir.filePath("good-dataset");
        QDir().mkpath(m_goodFolder + "/chopin");
        QVERIFY(QFile::copy(m_piece, m_goodFolder + "/chopin/keep.mid"));
        dataset()->addFolder(m_goodFolder);
        QTRY_VERIFY_WITH_TIMEOUT(!dataset()->isScanning(), kWaitMs);
        verifyNothingLost();
    }

    void cleanupTestCase()
    {
        m_window.reset();
        unlockForRemoval(m_dir.path());
    }

    void badInput_data() { addBadInputRows(GuiOpen, GuiDataset, viaName); }

    void badInput()
    {
        QFETCH(int, index);
        QFETCH(int, via);
        const BadInput &in = badInputs()[size_t(index)];
        QString skip;
        const QString scratch = m_dir.filePath(QStringLiteral("run%1-%2").arg(index).arg(via));
        const QString path = badInputPath(in, scratch, &skip);
        if (!skip.isEmpty())
            QSKIP(qPrintable(skip));
        QVERIFY(!path.isEmpty());
        const QString expected = QString::fromUtf8(in.error);
        const QString name = QFileInfo(path).fileName();

        switch (Via(via)) {
        case GuiOpen: {
            reopenPiece();
            m_window->openFile(path);
            settle();
            QVERIFY2(m_window->lastError().contains(expected) && m_window->lastError().contains(name), qPrintable(m_window->lastError()));
            auto *banner = m_window->findChild<QLabel *>("errorBanner");
            QVERIFY(banner->isVisible());
            QCOMPARE(banner->text(), m_window->lastError());
            verifyNothingLost();
            // Open the piece again (clears the error), then drop the bad file.
            reopenPiece();
            drop(m_window.get(), path);
            settle();
            QVERIFY2(m_window->lastError().contains(expected) && m_window->lastError().contains(name), qPrintable(m_window->lastError()));
            break;
        }
        case GuiPrimer:
            compose()->setSource(ComposePanel::Source::MidiFile, path);
            compose()->compose();
            QVERIFY2(compose()->message().contains(expected) && compose()->message().contains(name), qPrintable(compose()->message()));
            compose()->setSource(ComposePanel::Source::Nothing);
            break;
        case GuiClassify: {
            const QString expected = in.guiError ? QString::fromUtf8(in.guiError) : QString::fromUtf8(in.error);
            const QString added = classifyOnce(path, false);
            QVERIFY2(added.contains(expected), qPrintable(added));
            const QString dropped = classifyOnce(path, true);
            QVERIFY2(dropped.contains(expected), qPrintable(dropped));
            break;
        }
        case GuiComposeModel: {
            QSignalSpy spy(compose(), &ComposePanel::messageChanged);
            compose()->setModelPath(path);
            QTRY_VERIFY_WITH_TIMEOUT(!spy.isEmpty(), kWaitMs);
            QVERIFY2(compose()->message().contains(expected), qPrintable(compose()->message()));
            QVERIFY2(compose()->message().contains("Still using composer-default.pt"), qPrintable(compose()->message()));
            break;
        }
        case GuiClassifyModel: {
            QSignalSpy spy(classify(), &ClassifyPanel::modelStateChanged);
            classify()->setModelPath(path);
            QTRY_VERIFY_WITH_TIMEOUT(!spy.isEmpty(), kWaitMs);
            const QString said = classify()->dropZone()->message();
            QVERIFY2(said.contains(expected) && said.contains("Still using classifier-default.pt"), qPrintable(said));
            break;
        }
        case GuiTrainClassifier:
        case GuiTrainComposer: {
            TrainingPanel *t = m_window->trainingPanel();
            const QString wanted = via == GuiTrainComposer && in.composerError ? QString::fromUtf8(in.composerError) : expected;
            const int logBefore = t->log().size();
            t->setTask(via == GuiTrainComposer ? TrainingTask::Composer : TrainingTask::Classifier);
            t->setDataDir(path);
            t->setOutputPath(scratch + "/model.pt");
            t->setEpochs(1);
            t->start();
            QTRY_VERIFY_WITH_TIMEOUT(t->state() == TrainingPanel::State::Idle, kWaitMs);
            const QString said = t->log().mid(logBefore);
            QVERIFY2(said.contains(wanted), qPrintable(said));
            QVERIFY(!QFileInfo::exists(scratch + "/model.pt"));
            break;
        }
        case GuiDataset: {
            const QString wanted = in.guiError ? QString::fromUtf8(in.guiError) : expected;
            dataset()->addFolder(path);
            QTRY_VERIFY_WITH_TIMEOUT(!dataset()->isScanning(), kWaitMs);
            const QString said = datasetText(dataset());
            QVERIFY2(said.contains(wanted), qPrintable(said));
            dataset()->removeFolder(QFileInfo(path).absoluteFilePath());
            break;
        }
        default:
            QFAIL("not a GUI path");
        }
        verifyNothingLost();
    }

    // After every bad input the window still does its work.
    void stillWorksAfterAll()
    {
        verifyNothingLost();
        const int before = classify()->results()->rowCount();
        QCOMPARE(classify()->addFiles({m_goodAudio}), 1);
        QTRY_VERIFY_WITH_TIMEOUT(!classify()->isBusy(), kWaitMs);
        QVERIFY(classify()->results()->row(before)->state == ClassifyResultsModel::State::Done);
        QCOMPARE(classify()->results()->row(before)->result.verdict.pChopin, m_goodPChopin);
        reopenPiece();
        QCOMPARE(m_window->pianoRollModel()->sequence().notes.size(), m_pieceNotes);
    }
};

QTEST_MAIN(TestBadInputGui)
#include "TestBadInputGui.moc"
