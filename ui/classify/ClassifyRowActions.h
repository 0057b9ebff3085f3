#pragma once
// What can be done to one row of the Classify list, from its context menu or with its keys in
// the list: Remove from List (Delete; a finished row), Open in Compose (Enter; a MIDI file), Open in
// Spectrogram (Ctrl+Shift+S; a file that is there: zoom into it, read off notes and levels, switch to mel or MFCC)
// and Show in Folder (Ctrl+Shift+R: the file manager at the file's folder). Enabled for the current row. UI thread only.

#include <QObject>

class QAction;
class QTableView;

namespace aichopin {

class ClassifyResultsModel;

class ClassifyRowActions : public QObject {
    Q_OBJECT
public:
    // Adds the actions to the table's context menu (and Delete as its shortcut there).
    ClassifyRowActions(QTableView *table, ClassifyResultsModel *model, QObject *parent);

    QAction *removeAction() const { return m_remove; }
    QAction *openInComposeAction() const { return m_openInCompose; }
    QAction *openInSpectrogramAction() const { return m_openInSpectrogram; }
    QAction *showInFolderAction() const { return m_showInFolder; }
    // After the current row or its state changed.
    void updateEnabled();

Q_SIGNALS:
    void removeRequested(int row);
    void openInComposeRequested(const QString &path);
    void openInSpectrogramRequested(const QString &path);

private:
    int currentRow() const;

    QTableView *m_table;
    ClassifyResultsModel *m_model;
    QAction *m_remove;
    QAction *m_openInCompose;
    QAction *m_openInSpectrogram;
    QAction *m_showInFolder;
};

}  // namespace aichopin
