#include "classifier/ClassifierCalibration.h"

#include "classifier/ClassifierDataset.h"
#include "classifier/ClassifierModel.h"

#include <QFileInfo>

#include <algorithm>
#include <cmath>

namespace aichopin {

Result<FolderCalibration> ClassifierCalibration::calibrateOnFolder(const QString &modelPath, const QString &folder, const QString &outPath,
                                                                   const ProgressSink &progress, const CancelToken *cancel)
{
    Result<std::vector<DatasetEntry>> entries = ClassifierDataset::scan(folder);
    if (!entries)
        return entries.error();
    FolderCalibration c;
    for (const DatasetEntry &e : entries.value())
        ++(e.isChopin ? c.chopinPieces : c.otherPieces);
    if (c.chopinPieces == 0 || c.otherPieces == 0)
        return Error{QStringLiteral("calibrating needs pieces by Chopin and by other composers (found %1 by Chopin and %2 others in %3)")
                         .arg(c.chopinPieces).arg(c.otherPieces).arg(QFileInfo(folder).fileName())};
    Result<std::unique_ptr<ClassifierModel>> model = ClassifierModel::load(modelPath);
    if (!model)
        return model.error();
    // Each piece heard exactly as Classify hears it (its silence, applause and hiss left out, a
    // clip every 5 s), so the decision is centred on the verdicts the musician will see.
    ClassifierEvaluation e;
    const std::vector<DatasetEntry> &list = entries.value();
    for (size_t i = 0; i < list.size(); ++i) {
        if (isCancelled(cancel))
            return Error{QStringLiteral("cancelled")};
        const DatasetEntry &entry = list[i];
        const QString name = QFileInfo(entry.path).fileName();
        report(progress, double(i) / double(list.size()),
               QStringLiteral("Listening to %1 (%2 of %3)").arg(name).arg(i + 1).arg(list.size()));
        const Result<ClassifierVerdict> v = model.value()->classifyFile(entry.path, ClassifyOptions{}, {}, cancel);
        if (isCancelled(cancel))
            return Error{QStringLiteral("cancelled")};
        if (!v) {
            c.skipped << QStringLiteral("%1: %2").arg(entry.path, v.error().message);
            continue;
        }
        e.pieceResults.push_back({entry.path, entry.composer, entry.isChopin, v->pChopin, int(v->timeline.size())});
    }
    report(progress, 1.0, QStringLiteral("Listened to %1 pieces").arg(e.pieceResults.size()));
    c.biasBefore = model.value()->decisionBias();
    const Result<double> bias = ClassifierModel::writeCalibrated(modelPath, outPath, e, c.biasBefore,
                                                                 QStringLiteral("the musician's own pieces in %1").arg(QFileInfo(folder).fileName()),
                                                                 model.value()->bandShifts());
    if (!bias)
        return bias.error();
    c.modelPath = outPath;
    c.biasAfter = bias.value();
    // The pieces heard (those that were read), and how many each decision gets right.
    c.chopinPieces = c.otherPieces = 0;
    for (const PieceResult &p : e.pieceResults) {
        const double q = std::clamp(p.pChopin, 1e-12, 1.0 - 1e-12);
        const double logOdds = std::log(q / (1.0 - q)) + c.biasBefore;
        ++(p.isChopin ? c.chopinPieces : c.otherPieces);
        c.rightBefore += (logOdds >= c.biasBefore) == p.isChopin;
        c.rightAfter += (logOdds >= c.biasAfter) == p.isChopin;
    }
    return c;
}

}  // namespace aichopin
