#pragma once
// Scans a folder of music (MIDI and audio files) as a dataset: each file with its label (the
// folder below the root it lies in: chopin/, other/, or one folder per composer), duration,
// note count (MIDI) and the problem that makes it unusable, if any. Blocking; any thread;
// reports progress and can be cancelled.

#include "common/CancelToken.h"
#include "common/Progress.h"
#include "common/Result.h"

#include <QString>
#include <QStringList>

#include <map>
#include <vector>

namespace aichopin {

struct MusicFile {
    enum class Kind { Midi, Audio };
    QString path;
    QString relativePath;   // to the dataset root
    QString label;          // first folder below the root; empty for files directly in it
    Kind kind = Kind::Midi;
    double duration = -1.0; // seconds; -1 when unknown
    int notes = -1;         // MIDI only
    QString problem;        // empty when the file is usable

    bool usable() const { return problem.isEmpty(); }
};

struct LabelSummary {
    int pieces = 0;         // usable files
    int problems = 0;       // unusable files
    double seconds = 0.0;   // of the usable files whose duration is known
};

struct MusicFolder {
    QString root;           // the folder the labels are taken below (see scan())
    std::vector<MusicFile> files;  // sorted by relative path
    std::map<QString, LabelSummary> byLabel;  // "" for the files directly in the root
};

class MusicFolderScanner {
public:
    // Reads every MIDI file and probes every audio file below dir. A folder holding nothing but
    // one subfolder of music (piano-midi/midis/) is looked into, so its subfolders give the labels.
    static Result<MusicFolder> scan(const QString &dir, const ProgressSink &progress = {}, const CancelToken *cancel = nullptr);
};

}  // namespace aichopin
