#pragma once
// Calibrating a classifier on a musician's own labelled recordings: every file of a folder laid
// out as ClassifierDataset::scan reads it (chopin/ and other/, or one folder per composer) is
// classified as Classify does (ClassifierModel::classifyFile: MIDI rendered plainly, silence and
// noise around the music left out), and a copy of the model is written whose decision sits
// halfway between the Chopin and the other pieces' verdicts (ClassifierModel::writeCalibrated).
// Blocking, no LibTorch in this header; call from a worker thread.
#include "common/CancelToken.h"
#include "common/Progress.h"
#include "common/Result.h"

#include <QString>
#include <QStringList>

namespace aichopin {

struct FolderCalibration {
    QString modelPath;       // the copy written
    int chopinPieces = 0, otherPieces = 0;
    double biasBefore = 0, biasAfter = 0;  // log-odds
    int rightBefore = 0, rightAfter = 0;   // pieces given the right verdict at each decision
    QStringList skipped;     // files that could not be read, with why
};

class ClassifierCalibration {
public:
    // Errors as values: an unreadable model or folder, a folder without pieces of both classes
    // (among those that could be judged), cancellation ("cancelled"; nothing is written then).
    // A file that cannot be judged (unreadable, too little music) is left out and named in
    // FolderCalibration::skipped.
    static Result<FolderCalibration> calibrateOnFolder(const QString &modelPath, const QString &folder, const QString &outPath,
                                                       const ProgressSink &progress = {}, const CancelToken *cancel = nullptr);
};

}  // namespace aichopin
