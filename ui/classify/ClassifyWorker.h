#pragma once
// The Classify area's worker: owns one ClassifierModel on its own thread (moved to a QThread by
// ClassifyPanel), classifies files one after another in the order they were queued and works
// out where the model listened. A verdict is sent as soon as it is made (with the clip
// contributions as its overlay); the occlusion maps, ten times the network's work, are made
// afterwards, when no file waits for its verdict: one that is queued meanwhile interrupts the
// map, which starts again after it. Talks only through queued signals; progress is throttled to
// whole percents. The owner raises the cancel token and waits for the thread in its destructor.
#include "classify/ClassifyTypes.h"
#include "common/CancelToken.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <deque>
#include <memory>

namespace aichopin {

class ClassifierModel;

class ClassifyWorker : public QObject {
    Q_OBJECT
public:
    // cancel, skipBelow and queued belong to the owner and outlive the worker: a raised cancel
    // stops everything; jobs with an id below skipBelow (cleared from the list) are skipped;
    // queued counts the classify calls the owner has queued and the worker not yet begun (the
    // owner adds one per call, the worker takes it off when it begins the call).
    ClassifyWorker(const CancelToken *cancel, const std::atomic<int> *skipBelow, std::atomic<int> *queued);
    ~ClassifyWorker() override;

public Q_SLOTS:
    // Worker thread. Replaces the model; emits modelLoaded. A file that cannot be loaded leaves
    // the model loaded before in place. Maps not yet made for the model before are given up
    // (overlayReady with no weights).
    void loadModel(const QString &path);
    // Worker thread. Emits progress, then finished (an error result when there is no model or
    // the file cannot be read). A verdict's occlusion map follows later (overlayReady).
    void classify(int id, const QString &path);

Q_SIGNALS:
    // kept (on failure): the model the worker still holds (loaded before), empty when none.
    void modelLoaded(bool ok, const QString &path, const QString &message, const QString &kept);
    void started(int id);
    void progress(int id, double fraction, const QString &stage);
    void finished(int id, const aichopin::ClassifyResult &result);
    // For every verdict (finished without an error), once: its occlusion map, or no weights.
    void overlayProgress(int id, double fraction);
    void overlayReady(int id, const aichopin::ClassifyOverlay &overlay);

private:
    struct PendingMap {
        int id = 0;
        ClassifierVerdict verdict;  // with its features
    };
    void classifyOne(int id, const QString &path);
    // Makes the maps waiting in m_maps, first queued first, while no classify call waits.
    void makeMaps();

    const CancelToken *m_cancel;
    const std::atomic<int> *m_skipBelow;
    std::atomic<int> *m_queued;
    std::deque<PendingMap> m_maps;
    std::unique_ptr<ClassifierModel> m_model;
    QString m_modelPath;
};

}  // namespace aichopin
