#pragma once
// "Where the model listened": which parts of a classified piece moved its verdict most.
//
// clipContribution: each clip's log-odds deviation from the piece's mean, signed toward the
// verdict, spread over the time the clip covers and normalised to 0..1.
// occlusion: rebuilds each clip's network input from the verdict's kept features (cut at the
// clip's start, standardised per clip as the model does), masks one span (1 s) at a time to
// the clip mean (0 after standardisation), re-runs the network (ClassifierModel::predictClips)
// and measures how much the log-odds toward the verdict fall; spans whose masking lowers
// support most are brightest. The masked clips are heard as they are, without the model's band
// shifts (ClassifierModel::bandShifts, restored before it returns), which would triple the work.
// Blocks (about spans-per-clip forward passes per clip): call it on the worker thread that owns
// the model.
#include "classifier/ClassifierTypes.h"
#include "common/CancelToken.h"
#include "common/Progress.h"

#include <QString>
#include <vector>

namespace aichopin {

class ClassifierModel;

struct ListeningMap {
    std::vector<float> weights;  // 0..1 per step
    double secondsPerStep = 0;
    QString method;              // "occlusion" or "clips"
    // occlusion: largest |P(Chopin) of a rebuilt clip - the timeline's P(Chopin)| (a check that
    // the rebuilt input is the network's input; near 0).
    double rebuildError = 0;
    bool isEmpty() const { return weights.empty(); }
};

ListeningMap clipContribution(const ClassifierVerdict &verdict, double secondsPerStep = 0.25);
// Needs verdict.features (ClassifyOptions::keepFeatures). Empty map when there are none or
// when cancelled.
ListeningMap occlusionMap(ClassifierModel &model, const ClassifierVerdict &verdict, double spanSeconds = 1.0,
                          const ProgressSink &progress = {}, const CancelToken *cancel = nullptr);

}  // namespace aichopin
