#include "classify/ListeningMap.h"

#include "classifier/ClassifierModel.h"
#include "classifier/ClipStream.h"

#include <algorithm>
#include <cmath>

namespace aichopin {

namespace {
double logit(double p)
{
    p = std::clamp(p, 1e-6, 1.0 - 1e-6);
    return std::log(p / (1.0 - p));
}

// Positive parts scaled so the largest is 1 (all zero when nothing is positive).
void normalisePositive(std::vector<float> &w)
{
    float top = 0;
    for (float &v : w) {
        v = std::max(0.0f, v);
        top = std::max(top, v);
    }
    if (top > 0)
        for (float &v : w)
            v /= top;
}
}  // namespace

ListeningMap clipContribution(const ClassifierVerdict &verdict, double secondsPerStep)
{
    ListeningMap map;
    if (verdict.timeline.empty() || secondsPerStep <= 0)
        return map;
    const double sign = verdict.pChopin >= 0.5 ? 1.0 : -1.0;
    double mean = 0;
    for (const ClipVerdict &c : verdict.timeline)
        mean += logit(c.pChopin);
    mean /= double(verdict.timeline.size());
    double end = verdict.durationSeconds;
    for (const ClipVerdict &c : verdict.timeline)
        end = std::max(end, c.endSeconds);
    const int steps = std::max(1, int(std::ceil(end / secondsPerStep)));
    std::vector<double> sum(size_t(steps), 0.0), count(size_t(steps), 0.0);
    for (const ClipVerdict &c : verdict.timeline) {
        const double dev = sign * (logit(c.pChopin) - mean);
        const int a = std::clamp(int(c.startSeconds / secondsPerStep), 0, steps - 1);
        const int b = std::clamp(int(std::ceil(c.endSeconds / secondsPerStep)), a + 1, steps);
        for (int s = a; s < b; ++s) {
            sum[size_t(s)] += dev;
            count[size_t(s)] += 1;
        }
    }
    // Deviation ranges from the least to the most verdict-supporting clip: shift to 0..1.
    double lo = 1e300, hi = -1e300;
    for (int s = 0; s < steps; ++s)
        if (count[size_t(s)] > 0) {
            lo = std::min(lo, sum[size_t(s)] / count[size_t(s)]);
            hi = std::max(hi, sum[size_t(s)] / count[size_t(s)]);
        }
    map.weights.assign(size_t(steps), 0.0f);
    for (int s = 0; s < steps; ++s)
        if (count[size_t(s)] > 0)
            map.weights[size_t(s)] = hi > lo ? float((sum[size_t(s)] / count[size_t(s)] - lo) / (hi - lo)) : 1.0f;
    map.secondsPerStep = secondsPerStep;
    map.method = QStringLiteral("clips");
    return map;
}

ListeningMap occlusionMap(ClassifierModel &model, const ClassifierVerdict &verdict, double spanSeconds,
                          const ProgressSink &progress, const CancelToken *cancel)
{
    ListeningMap map;
    const ClassifierFeatureSettings &fs = model.features();
    const int bins = verdict.featureBins, frames = verdict.featureFrames;
    if (verdict.features.empty() || bins != fs.bins() || frames <= 0 || verdict.timeline.empty() || spanSeconds <= 0
        || verdict.secondsPerFrame <= 0)
        return map;
    const int fullFrames = fs.clipFrames();
    const int spanFrames = std::max(1, int(std::lround(spanSeconds / verdict.secondsPerFrame)));
    const int maxSpans = (fullFrames + spanFrames - 1) / spanFrames;
    const double sign = verdict.pChopin >= 0.5 ? 1.0 : -1.0;
    // The verdict heard each clip at the model's band shifts too; the rebuild check does the
    // same. The masked spans are heard as they are only (the shifts would triple this map's
    // network calls, the longest part of a Classify result): where the network listens in
    // the clip itself.
    const std::vector<int> shifts = model.bandShifts();
    struct RestoreShifts {
        ClassifierModel &model;
        const std::vector<int> &shifts;
        ~RestoreShifts() { model.setBandShifts(shifts); }
    } restore{model, shifts};

    std::vector<double> sum(size_t(frames), 0.0), count(size_t(frames), 0.0);
    std::vector<float> batch(size_t(fullFrames) * size_t(bins) * size_t(maxSpans + 1));
    const int clips = int(verdict.timeline.size());
    for (int c = 0; c < clips; ++c) {
        if (isCancelled(cancel))
            return {};
        const ClipVerdict &clip = verdict.timeline[size_t(c)];
        const int start = std::clamp(int(std::lround(clip.startSeconds / verdict.secondsPerFrame)), 0, frames - 1);
        // The clip as the verdict heard it: a whole clip, or a short passage at its own length.
        const int clipFrames = std::min(clip.frames > 0 ? std::min(clip.frames, fullFrames) : fullFrames, frames - start);
        const int spans = (clipFrames + spanFrames - 1) / spanFrames;
        const size_t clipValues = size_t(clipFrames) * size_t(bins);
        float *base = batch.data();
        std::copy(verdict.features.begin() + ptrdiff_t(size_t(start) * bins),
                  verdict.features.begin() + ptrdiff_t(size_t(start) * bins + clipValues), base);
        ClipStream::restoreTop(base, clipFrames, fs);  // as classifying does
        ClipStream::prepare(base, fs, clipFrames);
        for (int s = 0; s < spans; ++s) {
            float *masked = batch.data() + clipValues * size_t(s + 1);
            std::copy(base, base + clipValues, masked);
            const int a = s * spanFrames, e = std::min(clipFrames, a + spanFrames);
            std::fill(masked + size_t(a) * bins, masked + size_t(e) * bins, 0.0f);
        }
        model.setBandShifts(shifts);
        std::vector<double> heardChopin, heardOther;
        const std::vector<double> heard = model.predictClips(base, 1, &heardChopin, &heardOther, clipFrames);
        model.setBandShifts({});
        const std::vector<double> p = model.predictClips(batch.data(), spans + 1, nullptr, nullptr, clipFrames);
        if (int(p.size()) != spans + 1 || heard.size() != 1)
            return {};
        // The timeline's clip probabilities carry the model's decision bias; so does the rebuild.
        const double rebuilt = ClassifierModel::probabilityAtDecision(heardChopin[0], heardOther[0], model.decisionBias());
        map.rebuildError = std::max(map.rebuildError, std::abs(rebuilt - clip.pChopin));
        const double baseLogit = logit(p[0]);
        for (int s = 0; s < spans; ++s) {
            const double drop = sign * (baseLogit - logit(p[size_t(s + 1)]));
            const int a = start + s * spanFrames, e = std::min({frames, start + (s + 1) * spanFrames, start + clipFrames});
            for (int f = a; f < e; ++f) {
                sum[size_t(f)] += drop;
                count[size_t(f)] += 1;
            }
        }
        report(progress, double(c + 1) / clips, QStringLiteral("Where the model listened"));
    }
    // Down to steps of a quarter span (plenty for a view; small to send between threads).
    const int stepFrames = std::max(1, spanFrames / 4);
    const int steps = (frames + stepFrames - 1) / stepFrames;
    map.weights.assign(size_t(steps), 0.0f);
    for (int s = 0; s < steps; ++s) {
        double v = 0, n = 0;
        for (int f = s * stepFrames; f < std::min(frames, (s + 1) * stepFrames); ++f) {
            v += sum[size_t(f)];
            n += count[size_t(f)];
        }
        map.weights[size_t(s)] = n > 0 ? float(v / n) : 0.0f;
    }
    normalisePositive(map.weights);
    map.secondsPerStep = stepFrames * verdict.secondsPerFrame;
    map.method = QStringLiteral("occlusion");
    return map;
}

}  // namespace aichopin
