#pragma once
// The Compose area's list of compositions, with its title and a Folder button: the newest
// earlier ones, kept as MIDI files (CompositionKeeper; greyed, read from their file only when
// chosen), then this session's. Choosing one (double-click, Enter) asks for it to be shown;
// its context menu moves one to the trash; dragging one out drags its MIDI file.
// UI thread only.

#include "compose/CompositionKeeper.h"
#include "midi/NoteSequence.h"

#include <QWidget>

class QAction;
class QLabel;
class QListWidget;

namespace aichopin {

class CompositionList : public QWidget {
    Q_OBJECT
public:
    // Lists the newest `earlier` compositions kept in dir.
    explicit CompositionList(const QString &dir, int earlier = 50, QWidget *parent = nullptr);

    QListWidget *list() const { return m_list; }
    // The list's context menu: Move to Trash, for the chosen composition's file.
    QAction *trashAction() const { return m_trash; }
    const CompositionKeeper &keeper() const { return m_keeper; }

    // Lists a finished composition under label and keeps it as a file named after name. Empty,
    // or why it could not be kept (the item says so too).
    QString add(const NoteSequence &piece, const QString &label, const QString &name);

Q_SIGNALS:
    // A composition to show: label names it ("Composition 2: 30 s, ..." or its file's name).
    void chosen(const aichopin::NoteSequence &piece, const QString &label);
    // Something for the status line ("Cannot bring back ...").
    void message(const QString &text);

private:
    void choose(int row);
    // Moves the current item's file to the desktop's trash (never deletes it outright) and
    // takes it off the list; an item with no file only leaves the list.
    void trashCurrent();

    CompositionKeeper m_keeper;
    QListWidget *m_list = nullptr;
    QLabel *m_emptyHint = nullptr;  // shown while there is nothing listed
    QAction *m_trash = nullptr;
};

}  // namespace aichopin
