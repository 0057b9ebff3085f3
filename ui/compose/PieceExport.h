#pragma once
// Exporting the Compose area's piece: the file name it suggests, the save dialog (in the last
// export's folder, the suffix added when a typed name has none) and rendering to WAV with a
// progress dialog that can cancel. UI thread.

#include "common/Result.h"
#include "midi/NoteSequence.h"

#include <QCoreApplication>
#include <QString>

class QWidget;

namespace aichopin {

class PieceExport {
    Q_DECLARE_TR_FUNCTIONS(PieceExport)
public:
    // The piece's name made a file name, without suffix: "chpn-p4.mid (Chopin Prelude No. 4)"
    // -> "chpn-p4", "scale.mid, rewritten" -> "scale, rewritten", "Composition 2: 30 s, T 1,
    // seed 7" -> "Composition 2, 30 s, T 1, seed 7"; "composition" when nothing is left.
    static QString fileStem(const QString &pieceName);
    // Asks where to save stem.suffix; empty when the user cancels.
    static QString askPath(QWidget *parent, const QString &title, const QString &stem, const QString &suffix, const QString &filter);
    // Renders the piece to a WAV file through FluidSynth off the UI thread, showing progress
    // (Cancel stops it). Blocks in a local event loop until done.
    static Status renderWav(QWidget *parent, const NoteSequence &piece, const QString &path);
};

}  // namespace aichopin
