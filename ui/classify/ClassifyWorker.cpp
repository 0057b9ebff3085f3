#include "listen/MelFilterbank.h"
#include "classify/ClassifyWorker.h"

#include "classifier/ClassifierModel.h"
#include "classify/ListeningMap.h"

#include <QFileInfo>

#include <cmath>

namespace aichopin {

ClassifyWorker::ClassifyWorker(const CancelToken *cancel, const std::atomic<int> *skipBelow)
    : m_cancel(cancel), m_skipBelow(skipBelow)
{
}

ClassifyWorker::~ClassifyWorker() = default;

void ClassifyWorker::loadModel(const QString &path)
{
    if (path.isEmpty()) {
        m_model.reset();
        Q_EMIT modelLoaded(false, path,
                           tr("No classifier model was found (resources/models/classifier-default.pt is not installed). "
                              "Choose a model file (train one with 'aichopin-cli train-classifier')."), QString());
        return;
    }
    Result<std::unique_ptr<ClassifierModel>> loaded = ClassifierModel::load(path);
    if (!loaded) {
        Q_EMIT modelLoaded(false, path, tr("Cannot use the model %1: %2").arg(QFileInfo(path).fileName(), loaded.error().toString()),
                           m_model ? m_modelPath : QString());
        return;
    }
    m_model = std::move(loaded).value();
    m_modelPath = path;
    const ClassifierFeatureSettings &f = m_model->features();
    Q_EMIT modelLoaded(true, path,
                       tr("Model %1 (%2, %3 s clips)")
                           .arg(QFileInfo(path).fileName(),
                                f.kind == ClassifierFeatureKind::Pitch  ? tr("%1 semitone bands").arg(f.bins())
                                : f.kind == ClassifierFeatureKind::Mfcc ? tr("%1 MFCCs").arg(f.bins())
                                                                        : tr("%1 log-mel bands").arg(f.bins()))
                           .arg(f.clipSeconds),
                       QString());
}

void ClassifyWorker::classify(int id, const QString &path)
{
    if (isCancelled(m_cancel) || id < m_skipBelow->load())
        return;
    Q_EMIT started(id);
    ClassifyResult result;
    result.path = path;
    if (!m_model) {
        result.error = tr("No classifier model is loaded");
        Q_EMIT finished(id, result);
        return;
    }
    int lastPercent = -1;
    auto sink = [&](const ProgressInfo &p, double from, double span) {
        const int percent = p.fraction < 0 ? -1 : int(std::floor(100 * (from + span * p.fraction)));
        if (percent != lastPercent) {
            lastPercent = percent;
            Q_EMIT progress(id, percent / 100.0, p.stage);
        }
    };
    ClassifyOptions options;
    options.keepFeatures = true;
    Result<ClassifierVerdict> verdict = m_model->classifyFile(
        path, options, [&](const ProgressInfo &p) { sink(p, 0.0, 0.8); }, m_cancel);
    if (isCancelled(m_cancel))
        return;
    if (!verdict) {
        result.error = verdict.error().toString();
        Q_EMIT finished(id, result);
        return;
    }
    result.verdict = std::move(verdict).value();
    result.featureKind = featureKindName(m_model->features().kind);
    const ClassifierFeatureSettings &fs = m_model->features();
    if (fs.kind == ClassifierFeatureKind::Pitch) {
        for (int n = fs.lowNote; n <= fs.highNote; ++n)
            result.featureBinHz.push_back(MelFilterbank::noteToHz(n));
    } else if (fs.kind == ClassifierFeatureKind::LogMel) {
        const std::vector<double> &edges = MelFilterbank(fs.sampleRate, fs.nFft, fs.nMels).edgesHz();
        result.featureBinHz.assign(edges.begin() + 1, edges.end() - 1);
    }
    ListeningMap map = occlusionMap(*m_model, result.verdict, 1.0, [&](const ProgressInfo &p) { sink(p, 0.8, 0.2); }, m_cancel);
    if (isCancelled(m_cancel))
        return;
    if (map.isEmpty())
        map = clipContribution(result.verdict);
    result.overlay = std::move(map.weights);
    result.overlayStepSeconds = map.secondsPerStep;
    result.overlayMethod = map.method;
    Q_EMIT finished(id, result);
}

}  // namespace aichopin
