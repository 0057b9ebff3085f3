#pragma once
// The Dataset area: folders of music (remembered across starts) shown as a tree of files with
// label (from the folder), duration, notes (MIDI) and problems; a summary of pieces and hours
// per label and of the pieces the composer's split holds out for validation. Selecting a file
// previews it (piano roll for MIDI, mel spectrogram for audio) and MIDI files play; a row's menu
// opens it in Compose or the Spectrogram area, or classifies it (a folder: all it holds).
// Scanning and previews run off the UI thread. UI thread only.

#include "dataset/MusicFolderScanner.h"

#include <QFutureWatcher>
#include <QImage>
#include <QWidget>

#include <memory>

class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace aichopin {

class DatasetRowActions;
class PianoRollModel;
class PianoRollView;
class PlaybackController;

class DatasetPanel : public QWidget {
    Q_OBJECT
public:
    explicit DatasetPanel(QWidget *parent = nullptr);
    ~DatasetPanel() override;

    QStringList folders() const { return m_folders; }
    void addFolder(const QString &dir);
    void removeFolder(const QString &dir);
    bool isScanning() const { return !m_scanning.isEmpty() || !m_queue.isEmpty(); }
    QTreeWidget *tree() const { return m_tree; }
    QString summary() const;
    PianoRollModel *previewModel() const { return m_previewModel; }
    PianoRollView *previewRoll() const { return m_previewRoll; }
    bool hasAudioPreview() const { return m_audioPreviewReady; }
    DatasetRowActions *rowActions() const { return m_rowActions; }

Q_SIGNALS:
    void scanned(const QString &dir);
    void openInComposeRequested(const QString &path);
    void classifyRequested(const QString &path);
    void openInSpectrogramRequested(const QString &path);

private:
    void buildUi();
    void rescan();
    void scanNext();
    void scanFinished();
    void showFolder(const MusicFolder &folder);
    void preview(QTreeWidgetItem *item);
    void updateSummary();
    void saveFolders();

    QListWidget *m_folderList = nullptr;
    QTreeWidget *m_tree = nullptr;
    DatasetRowActions *m_rowActions = nullptr;
    QStackedWidget *m_preview = nullptr;
    QLabel *m_previewMessage = nullptr;
    QLabel *m_spectrogram = nullptr;
    PianoRollModel *m_previewModel = nullptr;
    PianoRollView *m_previewRoll = nullptr;
    PlaybackController *m_playback = nullptr;
    QPushButton *m_play = nullptr;
    QLabel *m_summary = nullptr;

    QStringList m_folders;
    QStringList m_queue;
    QString m_scanning;
    struct Scanned;
    QFutureWatcher<std::shared_ptr<Scanned>> m_scan;
    QFutureWatcher<QImage> m_audioPreview;
    std::map<QString, MusicFolder> m_results;
    std::map<QString, QStringList> m_validation;  // root -> files the composer split holds out
    // What the classifier's training would make of a folder laid out for it.
    struct ClassifierSplit {
        int chopin = 0;
        int others = 0;
        int validationChopin = 0;
        QStringList validation;  // relative paths of the pieces held out
    };
    std::map<QString, ClassifierSplit> m_classifierSplit;
    bool m_audioPreviewReady = false;
};

}  // namespace aichopin
