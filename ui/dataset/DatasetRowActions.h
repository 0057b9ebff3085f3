#pragma once
// What can be done with a row of the Dataset tree, from its right-click menu or with keys in the
// tree: Open in Compose (Enter; a MIDI file), Classify (Ctrl+Shift+L; a file, or a whole folder or
// label folder), Open in Spectrogram (Ctrl+Shift+S; a file) and Show in Folder (Ctrl+Shift+R).
// A double-click opens a MIDI file in Compose and a recording in the Spectrogram area. Enabled
// for the current row; a file with a problem is not handed on. UI thread only.

#include <QObject>
#include <QString>

class QAction;
class QTreeWidget;
class QTreeWidgetItem;

namespace aichopin {

// The Dataset tree's columns and what its items carry: the file's or folder's path, and a file's
// kind (MusicFile::Kind; none on folders).
namespace datasettree {
enum Column { Name, Label, Duration, Notes, Problem };
enum Role { PathRole = 0x0100, KindRole };  // Qt::UserRole and after
}  // namespace datasettree

class DatasetRowActions : public QObject {
    Q_OBJECT
public:
    explicit DatasetRowActions(QTreeWidget *tree);

    QAction *openInComposeAction() const { return m_openInCompose; }
    QAction *classifyAction() const { return m_classify; }
    QAction *openInSpectrogramAction() const { return m_openInSpectrogram; }
    QAction *showInFolderAction() const { return m_showInFolder; }
    void updateEnabled();

Q_SIGNALS:
    void openInComposeRequested(const QString &path);
    void classifyRequested(const QString &path);
    void openInSpectrogramRequested(const QString &path);

private:
    QTreeWidgetItem *current() const;
    QString path() const;
    bool isUsableFile() const;
    bool isMidi() const;

    QTreeWidget *m_tree;
    QAction *m_openInCompose;
    QAction *m_classify;
    QAction *m_openInSpectrogram;
    QAction *m_showInFolder;
};

}  // namespace aichopin
