#pragma once
// Every composition is kept as a MIDI file the moment it is finished, in the user's compositions
// folder (DataPaths::userCompositionDir(): ~/.local/share/aichopin/aichopin/compositions), so quitting
// or a crash loses none of them, exported or not; the most recent are listed again at the next
// start. A file is named by when it was made and what it is:
// "2026-12-07 00.52.13 Composition 3, 30 s, T 1, seed 646347.mid". UI thread (small files).

#include "common/Result.h"
#include "midi/NoteSequence.h"

#include <QDateTime>
#include <QString>

#include <vector>

namespace aichopin {

class CompositionKeeper {
public:
    explicit CompositionKeeper(QString dir);
    QString dir() const { return m_dir; }

    // A file name (without suffix) every file system takes, from a piece's name: no separators,
    // colons or control characters; a trailing ".mid" or ".midi" dropped.
    static QString safeName(const QString &label);

    // Writes the piece under a new name made of when and label; the file's path, or why not.
    Result<QString> keep(const NoteSequence &piece, const QString &label, const QDateTime &when = QDateTime::currentDateTime());

    struct Kept {
        QString path;
        QString name;  // the file name without ".mid": when, then what
    };
    // The newest `count` kept files, oldest first (the order they were made).
    std::vector<Kept> recent(int count) const;

private:
    QString m_dir;
};

}  // namespace aichopin
