#include "main/MainWindow.h"

#include "main/RecentFilesMenu.h"
#include "main/ShortcutsDialog.h"

#include "main/AboutDialog.h"
#include "classify/ClassifyPanel.h"
#include "compose/ComposePanel.h"
#include "compose/PieceEdits.h"
#include "compose/CompositionKeeper.h"
#include "common/RecentFolders.h"
#include "dataset/DatasetPanel.h"
#include "listen/MediaFiles.h"
#include "spectrogram/SpectrogramPanel.h"
#include "training/TrainingPanel.h"
#include "midi/SmfReader.h"
#include "midi/SmfWriter.h"
#include "pianoroll/PianoRollModel.h"
#include "pianoroll/PianoRollView.h"

#include <QApplication>
#include <QDragEnterEvent>
#include <QFileInfo>
#include <QDir>
#include <QLabel>
#include <QMenuBar>
#include <QAbstractButton>
#include <QMessageBox>
#include <QCloseEvent>
#include <QSettings>
#include <QStandardPaths>
#include <QMimeData>
#include <QStatusBar>
#include <QTabWidget>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace aichopin {

namespace {
// A folder goes to Classify for what it holds. One named like a MIDI file ("take.mid/") is read
// as the file it claims to be, and the reader says what it is ("is a folder, not a MIDI file").
bool isFolderToClassify(const QString &path) { return QFileInfo(path).isDir() && !mediafiles::isMidi(path); }
}  // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("AI Chopin"));
    setAcceptDrops(true);
    resize(1200, 760);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_banner = new QLabel(central);
    m_banner->setObjectName(QStringLiteral("errorBanner"));
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setStyleSheet(QStringLiteral("QLabel { background: #5c1f1f; color: #ffdede; padding: 6px; border-radius: 3px; }"));
    m_banner->hide();
    // What is on the Compose area's roll (the file opened or the composition, kept current), at the top of that area.
    m_fileInfo = new QLabel(central);
    m_fileInfo->setObjectName(QStringLiteral("fileInfo"));
    m_fileInfo->setContentsMargins(2, 0, 2, 2);
    m_compose = new ComposePanel(this);
    m_compose->setHeader(m_fileInfo);
    connect(m_compose, &ComposePanel::pieceChanged, this, &MainWindow::showPieceInfo);
    showPieceInfo(m_compose->pieceName());
    connect(m_compose, &ComposePanel::messageChanged, this, [this](const QString &message) { statusBar()->showMessage(message, 15000); });

    m_areas = new QTabWidget(this);
    m_areas->setDocumentMode(true);
    m_areas->addTab(m_compose, tr("&Compose"));
    m_classify = new ClassifyPanel(this);
    connect(m_classify, &ClassifyPanel::openInComposeRequested, this, &MainWindow::openFile);
    m_areas->addTab(m_classify, tr("C&lassify"));
    m_spectrogram = new SpectrogramPanel(this);
    m_areas->addTab(m_spectrogram, tr("&Spectrogram"));
    connect(m_classify, &ClassifyPanel::openInSpectrogramRequested, this, &MainWindow::lookAt);
    connect(m_spectrogram, &SpectrogramPanel::classifyRequested, this, [this](const QString &path) { classifyPaths({path}); });
    m_training = new TrainingPanel(this);
    connect(m_training, &TrainingPanel::useComposerModel, this, [this](const QString &path) {
        QSettings().setValue(QStringLiteral("compose/model"), path);
        m_compose->setModelPath(path);
        m_areas->setCurrentWidget(m_compose);
        statusBar()->showMessage(tr("Compose now uses %1").arg(QFileInfo(path).fileName()), 8000);
    });
    connect(m_training, &TrainingPanel::useClassifierModel, this, [this](const QString &path) {
        QSettings().setValue(QStringLiteral("classify/model"), path);
        m_classify->setModelPath(path);
        m_areas->setCurrentWidget(m_classify);
        statusBar()->showMessage(tr("Classify now uses %1").arg(QFileInfo(path).fileName()), 8000);
    });
    m_areas->addTab(m_training, tr("&Training"));
    m_dataset = new DatasetPanel(this);
    m_areas->addTab(m_dataset, tr("&Dataset"));
    connect(m_dataset, &DatasetPanel::openInComposeRequested, this, &MainWindow::openFile);
    connect(m_dataset, &DatasetPanel::classifyRequested, this, [this](const QString &path) { classifyPaths({path}); });
    connect(m_dataset, &DatasetPanel::openInSpectrogramRequested, this, &MainWindow::lookAt);
    layout->addWidget(m_banner);
    layout->addWidget(m_areas, 1);
    setCentralWidget(central);

    buildMenus();
    connect(&m_loader, &QFutureWatcher<Result<NoteSequence>>::finished, this, &MainWindow::loadFinished);
    statusBar()->showMessage(tr("Ready"));
    restoreGeometry(QSettings().value(QStringLiteral("window/geometry")).toByteArray());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Never lose work: a piece edited, recorded or otherwise not in any file is offered for
    // export first.
    if (m_compose->hasUnsavedChanges()) {
        QMessageBox box(QMessageBox::Warning, tr("AI Chopin"),
                        tr("The piece on the roll (%1) has changes that are not saved in any file.")
                            .arg(m_compose->pieceName().isEmpty() ? tr("Untitled") : m_compose->pieceName()),
                        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
        box.setObjectName(QStringLiteral("unsavedChanges"));
        box.setInformativeText(tr("Export it as a MIDI file before quitting?"));
        box.setDefaultButton(QMessageBox::Save);
        box.button(QMessageBox::Save)->setText(tr("Export MIDI..."));
        box.button(QMessageBox::Discard)->setText(tr("Quit Without Saving"));
        const int answer = box.exec();
        if (answer == QMessageBox::Save)
            m_compose->exportMidiAs();
        if (answer == QMessageBox::Cancel || (answer == QMessageBox::Save && m_compose->hasUnsavedChanges())) {
            event->ignore();  // cancelled, or the export was cancelled or failed: stay
            return;
        }
    }
    QSettings().setValue(QStringLiteral("window/geometry"), saveGeometry());
    QMainWindow::closeEvent(event);
}

MainWindow::~MainWindow() { m_loader.waitForFinished(); }

PianoRollView *MainWindow::pianoRoll() const { return m_compose->roll(); }

PianoRollModel *MainWindow::pianoRollModel() const { return m_compose->rollModel(); }

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open MIDI File..."), this, &MainWindow::openDialog);
    open->setShortcut(QKeySequence::Open);
    open->setStatusTip(tr("Show a MIDI file in the piano roll"));
    m_recent = new RecentFilesMenu(this);
    connect(m_recent, &RecentFilesMenu::fileChosen, this, &MainWindow::openFile);
    file->addMenu(m_recent);
    file->addSeparator();
    QAction *exportMidi = file->addAction(tr("Export &MIDI..."), m_compose, &ComposePanel::exportMidiAs);
    exportMidi->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    QAction *exportWav = file->addAction(tr("Export &WAV..."), m_compose, &ComposePanel::exportWavAs);
    exportWav->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    // QKeySequence::Quit is empty on platforms without a Quit binding (Windows, offscreen).
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setStatusTip(tr("Close the window (the settings are kept)"));

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_compose->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_compose->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    m_compose->edits()->addActionsTo(edit);

    QMenu *compose = menuBar()->addMenu(tr("C&ompose"));
    compose->addAction(m_compose->composeAction());
    compose->addAction(m_compose->continueAction());
    compose->addAction(m_compose->stopAction());
    compose->addAction(m_compose->rewriteAction());
    compose->addSeparator();
    compose->addAction(m_compose->playAction());
    compose->addAction(m_compose->loopAction());
    compose->addSeparator();
    QAction *classifyPiece = compose->addAction(tr("Classify &This Piece"), this, &MainWindow::classifyPiece);
    classifyPiece->setObjectName(QStringLiteral("actionClassifyPiece"));
    classifyPiece->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    classifyPiece->setStatusTip(tr("Ask the classifier whether the piece on the roll sounds like Chopin"));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *zoomIn = view->addAction(tr("Zoom &In"), this, [this] { pianoRoll()->setPixelsPerSecond(pianoRoll()->pixelsPerSecond() * 1.25); });
    zoomIn->setShortcut(QKeySequence::ZoomIn);
    QAction *zoomOut = view->addAction(tr("Zoom &Out"), this, [this] { pianoRoll()->setPixelsPerSecond(pianoRoll()->pixelsPerSecond() / 1.25); });
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    QAction *fit = view->addAction(tr("&Fit Piece"), this, [this] {
        pianoRoll()->fitToPiece();
        pianoRoll()->viewport()->update();
    });
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *keys = help->addAction(tr("&Keyboard Shortcuts"), this, [this] { ShortcutsDialog(menuBar(), this).exec(); });
    keys->setObjectName(QStringLiteral("actionShortcuts"));
    keys->setShortcut(QKeySequence::HelpContents);
    keys->setStatusTip(tr("List every command's keys and the piano roll's gestures"));
    QAction *about = help->addAction(tr("&About AI Chopin"), this, [this] { AboutDialog(this).exec(); });
    about->setObjectName(QStringLiteral("actionAbout"));
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::openDialog()
{
    const QString path = recentfolders::openFile(this, tr("Open MIDI File"), recentfolders::kOpen,
                                                 tr("MIDI files (%1);;All files (*)").arg(mediafiles::midiPatterns()));
    if (!path.isEmpty())
        openFile(path);
}

void MainWindow::openFiles(const QStringList &paths)
{
    if (paths.size() == 1) {
        openFile(paths.first());
    } else if (paths.size() > 1) {
        classifyPaths(paths);
    }
}

void MainWindow::lookAt(const QString &path)
{
    m_spectrogram->openFile(path);
    m_areas->setCurrentWidget(m_spectrogram);
}

void MainWindow::classifyPaths(const QStringList &paths)
{
    m_areas->setCurrentWidget(m_classify);
    if (m_classify->addFiles(paths) > 0)
        return;
    if (paths.size() == 1)
        showError(tr("Cannot classify %1 (see the Classify area).").arg(QFileInfo(paths.first()).fileName()));
    else
        showError(tr("None of the %n file(s) can be classified (see the Classify area).", nullptr, int(paths.size())));
}

void MainWindow::openFile(const QString &path)
{
    if (mediafiles::isAudio(path) || isFolderToClassify(path)) {
        // A recording opened from the desktop is most likely a question for the classifier, and
        // so is a folder ("aichopin ~/Recordings"): each recording and MIDI file in it gets a verdict.
        classifyPaths({path});
        return;
    }
    if (m_loader.isRunning()) {
        statusBar()->showMessage(tr("Still opening %1...").arg(QFileInfo(m_loadingPath).fileName()));
        return;
    }
    m_loadingPath = path;
    statusBar()->showMessage(tr("Opening %1...").arg(QFileInfo(path).fileName()));
    QApplication::setOverrideCursor(Qt::BusyCursor);
    m_loader.setFuture(QtConcurrent::run([path] { return SmfReader::readFile(path); }));
}

void MainWindow::loadFinished()
{
    QApplication::restoreOverrideCursor();
    const Result<NoteSequence> result = m_loader.result();
    const QString name = QFileInfo(m_loadingPath).fileName();
    if (!result) {
        // The piece already shown stays: a bad file never costs the user what they had.
        showError(tr("Could not open %1: %2").arg(name, result.error().toString()));
        m_recent->remove(m_loadingPath);
        return;
    }
    const NoteSequence &seq = result.value();
    if (seq.notes.empty()) {
        // An empty roll in place of the user's piece helps nobody; say what the file holds.
        showError(tr("Could not open %1: it holds no notes (%2, no note-on events); the piece on screen stays")
                      .arg(name, tr("%n track(s)", nullptr, seq.trackCount)));
        return;
    }
    m_lastError.clear();
    m_banner->hide();
    m_currentFile = m_loadingPath;
    // The line at the top of the Compose area and the window title follow (showPieceInfo).
    m_compose->showPiece(seq, tr("Open %1").arg(name), seq.title.isEmpty() ? name : QStringLiteral("%1 (%2)").arg(name, seq.title));
    m_compose->markSaved();  // it is in its file
    m_recent->add(m_loadingPath);
    m_areas->setCurrentIndex(0);
    statusBar()->showMessage(tr("Opened %1").arg(name), 5000);
}

void MainWindow::showPieceInfo(const QString &name)
{
    const NoteSequence &seq = m_compose->piece();
    if (name.isEmpty() && seq.notes.empty()) {
        m_fileInfo->setText(tr("Click Compose (Ctrl+Enter) to write a piece, or open a MIDI file (Ctrl+O)."));
        setWindowTitle(tr("AI Chopin"));
        return;
    }
    const QString shown = name.isEmpty() ? tr("Untitled") : name;
    const int total = int(std::lround(seq.duration()));
    m_fileInfo->setText(tr("%1: %2, %3:%4%5")
                            .arg(shown, tr("%n note(s)", nullptr, int(seq.notes.size())), QString::number(total / 60),
                                 QStringLiteral("%1").arg(total % 60, 2, 10, QLatin1Char('0')),
                                 seq.trackCount > 1 ? tr(", %1").arg(tr("%n track(s)", nullptr, seq.trackCount)) : QString()));
    setWindowTitle(tr("%1 - AI Chopin").arg(shown));
}

void MainWindow::classifyPiece()
{
    const NoteSequence &piece = m_compose->piece();
    if (piece.notes.empty()) {
        showError(tr("There is no piece to classify yet: compose one or open a MIDI file."));
        return;
    }
    // The piece as it is on the roll (rewritten, undone...), as a MIDI file the classifier reads,
    // named as the piece is so its row says what it is.
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/classify");
    QString name = CompositionKeeper::safeName(m_compose->pieceName());
    if (name.isEmpty())
        name = tr("Untitled");
    const QString path = QDir(dir).filePath(name + QStringLiteral(".mid"));
    const Status written = QDir().mkpath(dir) ? SmfWriter::writeFile(piece, path) : Status(Error{tr("cannot create %1").arg(dir)});
    if (!written) {
        showError(tr("Cannot classify the piece: %1").arg(written.error().toString()));
        return;
    }
    m_areas->setCurrentWidget(m_classify);
    m_classify->addFiles({path});
}

void MainWindow::showError(const QString &message)
{
    m_lastError = message;
    m_banner->setText(message);
    m_banner->show();
    statusBar()->showMessage(message, 10000);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

bool MainWindow::dropFoldersOnArea(const QStringList &folders)
{
    if (m_areas->currentWidget() == m_dataset) {
        for (const QString &dir : folders)
            m_dataset->addFolder(dir);
        statusBar()->showMessage(tr("Added %n folder(s) to the dataset", nullptr, int(folders.size())), 8000);
        return true;
    }
    if (m_areas->currentWidget() != m_training)
        return false;
    if (m_training->state() != TrainingPanel::State::Idle)
        showError(tr("Training is under way: its data folder changes once it has finished or been stopped."));
    else if (folders.size() > 1)
        showError(tr("Drop one folder to train on, not %1.").arg(folders.size()));
    else {
        m_training->setDataDir(folders.first());
        statusBar()->showMessage(tr("Training data: %1").arg(QDir::toNativeSeparators(folders.first())), 8000);
    }
    return true;
}

void MainWindow::dropEvent(QDropEvent *event)
{
    // Folders dropped on the Dataset or Training area are for it: the dataset adds them, the
    // training takes one as its data.
    QStringList folders;
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isDir())
            folders << url.toLocalFile();
    if (!folders.isEmpty() && dropFoldersOnArea(folders)) {
        event->acceptProposedAction();
        return;
    }
    QStringList paths;  // what can be opened: MIDI files, recordings and folders
    for (const QUrl &url : event->mimeData()->urls()) {
        const QString path = url.toLocalFile();
        if (url.isLocalFile() && (mediafiles::isMidi(path) || mediafiles::isAudio(path) || isFolderToClassify(path)))
            paths << path;
    }
    if (paths.isEmpty()) {
        showError(tr("Drop MIDI files (.mid) or recordings (mp3, wav, flac, ogg, m4a, aiff, videos...) here."));
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    const QString &path = paths.first();
    if (paths.size() > 1 || isFolderToClassify(path)) {
        // Several files or a folder: one verdict each, where the first alone was opened before
        // and the others silently left out.
        classifyPaths(paths);
    } else if (mediafiles::isAudio(path) || m_areas->currentWidget() == m_spectrogram) {
        // One recording is shown and can be played in the Spectrogram area, which also shows a
        // MIDI file dropped while it is the area in view.
        m_spectrogram->openFile(path);
        m_areas->setCurrentWidget(m_spectrogram);
    } else {
        openFile(path);
    }
}

}  // namespace aichopin
