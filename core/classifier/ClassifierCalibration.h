#pragma once
// Calibrating a classifier on a musician's own labelled recordings: every file of a folder laid
// out as ClassifierDataset::scan reads it (chopin/ and other/, or one folder per composer) is
// heard as it is (MIDI rendered plainly), and a copy of the model is written whose decision sits
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
    // Clip windows heard per piece, spread over it.
    static constexpr int kClipsPerPiece = 12;
    // Errors as values: an unreadable model or folder, a folder without pieces of both classes,
    // no clips, cancellation ("cancelled"; nothing is written then).
    static Result<FolderCalibration> calibrateOnFolder(const QString &modelPath, const QString &folder, const QString &outPath,
                                                       const QString &cacheDir = {}, const ProgressSink &progress = {},
                                                       const CancelToken *cancel = nullptr);
};

}  // namespace aichopin
