#include "listen/MelFilterbank.h"
#include "classify/ClassifyWorker.h"

#include "classifier/ClassifierModel.h"
#include "classify/ListeningMap.h"

#include <QFileInfo>

#include <cmath>

namespace aichopin {

ClassifyWorker::ClassifyWorker(const CancelToken *cancel, const std::atomic<int> *skipBelow, std::atomic<int> *queued)
    : m_cancel(cancel), m_skipBelow(skipBelow), m_queued(queued)
{
}

ClassifyWorker::~ClassifyWorker() = default;

void ClassifyWorker::loadModel(const QString &path)
{
    // The maps waiting belong to the model before; the files keep their clip contributions.
    for (const PendingMap &m : m_maps)
        Q_EMIT overlayReady(m.id, ClassifyOverlay{});
    m_maps.clear();
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
    m_queued->fetch_sub(1);
    classifyOne(id, path);
    // Whatever became of this file, the maps still to make (this one's, or those that this
    // call interrupted) go on behind any classify call queued by now: the verdicts come first.
    if (!m_maps.empty())
        QMetaObject::invokeMethod(this, &ClassifyWorker::makeMaps, Qt::QueuedConnection);
}

void ClassifyWorker::classifyOne(int id, const QString &path)
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
    ClassifyOptions options;
    options.keepFeatures = true;
    Result<ClassifierVerdict> verdict = m_model->classifyFile(
        path, options,
        [&](const ProgressInfo &p) {
            const int percent = p.fraction < 0 ? -1 : int(std::floor(100 * p.fraction));
            if (percent != lastPercent) {
                lastPercent = percent;
                Q_EMIT progress(id, percent / 100.0, p.stage);
            }
        },
        m_cancel);
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
    ListeningMap clips = clipContribution(result.verdict);
    result.overlay = std::move(clips.weights);
    result.overlayStepSeconds = clips.secondsPerStep;
    result.overlayMethod = clips.method;
    m_maps.push_back({id, result.verdict});
    Q_EMIT finished(id, result);
}

void ClassifyWorker::makeMaps()
{
    while (!m_maps.empty() && m_model) {
        if (isCancelled(m_cancel) || m_queued->load() > 0)
            return;  // the queued classify call posts makeMaps again when it is done
        const int id = m_maps.front().id;
        if (id < m_skipBelow->load()) {
            m_maps.pop_front();  // cleared from the list
            continue;
        }
        // Interrupted when the panel is closed, the file is cleared or another file waits.
        CancelToken interrupt;
        int lastPercent = -1;
        auto sink = [&](const ProgressInfo &p) {
            if (isCancelled(m_cancel) || id < m_skipBelow->load() || m_queued->load() > 0)
                interrupt.cancel();
            const int percent = p.fraction < 0 ? -1 : int(std::floor(100 * p.fraction));
            if (percent != lastPercent) {
                lastPercent = percent;
                Q_EMIT overlayProgress(id, percent / 100.0);
            }
        };
        ListeningMap map = occlusionMap(*m_model, m_maps.front().verdict, 1.0, sink, &interrupt);
        if (interrupt.isCancelled() && map.isEmpty())
            continue;  // the checks above say whether to drop it, stop or start it again
        m_maps.pop_front();
        Q_EMIT overlayReady(id, ClassifyOverlay{std::move(map.weights), map.secondsPerStep, map.method});
    }
}

}  // namespace aichopin
