#pragma once
// The main window: Compose, Classify, Spectrogram, Training and Dataset areas as tabs, the
// File menu, and opening MIDI files by menu, command line or drag and drop. UI thread only.

#include <QFutureWatcher>
#include <QMainWindow>

#include "common/Result.h"
#include "midi/NoteSequence.h"

class QLabel;
class QTabWidget;

namespace aichopin {

class ClassifyPanel;
class ComposePanel;
class SpectrogramPanel;
class DatasetPanel;
class RecentFilesMenu;
class TrainingPanel;
class PianoRollModel;
class PianoRollView;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    PianoRollView *pianoRoll() const;
    PianoRollModel *pianoRollModel() const;
    ComposePanel *composePanel() const { return m_compose; }
    ClassifyPanel *classifyPanel() const { return m_classify; }
    TrainingPanel *trainingPanel() const { return m_training; }
    DatasetPanel *datasetPanel() const { return m_dataset; }
    RecentFilesMenu *recentFiles() const { return m_recent; }
    SpectrogramPanel *spectrogramPanel() const { return m_spectrogram; }
    QTabWidget *areas() const { return m_areas; }
    // The error shown for the last file that could not be opened (empty when none).
    QString lastError() const { return m_lastError; }
    // The file shown in the piano roll (empty when none).
    QString currentFile() const { return m_currentFile; }
    bool isLoading() const { return m_loader.isRunning(); }

public Q_SLOTS:
    // Opens a file by its kind: a MIDI file is read off the UI thread and shown in the piano
    // roll; a recording (mediafiles: MP3, WAV, ..., a video's sound) or a folder goes to
    // Classify. Errors appear in the window, not a crash.
    void openFile(const QString &path);
    // Files from the command line or the desktop's "Open with": one file opens as openFile()
    // does; several go to Classify together (it takes MIDI and recordings; the piano roll shows
    // one piece).
    void openFiles(const QStringList &paths);
    void openDialog();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    // Folders dropped while the Dataset or Training area is in view: added to the dataset, or
    // made the training data (one; not while training). False for the other areas.
    bool dropFoldersOnArea(const QStringList &folders);
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void loadFinished();
    void showError(const QString &message);
    // Files and folders for a verdict each: the Classify area is shown, and an error where none
    // of them can be classified.
    void classifyPaths(const QStringList &paths);
    // A file shown in the Spectrogram area (Open in Spectrogram from Classify's and Dataset's rows).
    void lookAt(const QString &path);
    // Compose > Classify This Piece: the piece on the roll goes to Classify for a verdict.
    void classifyPiece();
    // The line at the top of the Compose area and the window title: what the Compose roll holds.
    void showPieceInfo(const QString &name);

    QTabWidget *m_areas = nullptr;
    ComposePanel *m_compose = nullptr;
    ClassifyPanel *m_classify = nullptr;
    TrainingPanel *m_training = nullptr;
    DatasetPanel *m_dataset = nullptr;
    RecentFilesMenu *m_recent = nullptr;  // File > Open Recent
    SpectrogramPanel *m_spectrogram = nullptr;
    QLabel *m_banner = nullptr;
    QLabel *m_fileInfo = nullptr;
    QFutureWatcher<Result<NoteSequence>> m_loader;
    QString m_loadingPath;
    QString m_currentFile;
    QString m_lastError;
};

}  // namespace aichopin
