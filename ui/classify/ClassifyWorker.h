#pragma once
// The Classify area's worker: owns one ClassifierModel on its own thread (moved to a QThread by
// ClassifyPanel), classifies files one after another in the order they were queued and works
// out where the model listened. Talks only through queued signals; progress is throttled to
// whole percents. The owner raises the cancel token and waits for the thread in its destructor.
#include "classify/ClassifyTypes.h"
#include "common/CancelToken.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

namespace aichopin {

class ClassifierModel;

class ClassifyWorker : public QObject {
    Q_OBJECT
public:
    // cancel and skipBelow belong to the owner and outlive the worker: a raised cancel stops
    // everything; jobs with an id below skipBelow (cleared from the list) are skipped.
    ClassifyWorker(const CancelToken *cancel, const std::atomic<int> *skipBelow);
    ~ClassifyWorker() override;

public Q_SLOTS:
    // Worker thread. Replaces the model; emits modelLoaded. A file that cannot be loaded leaves
    // the model loaded before in place.
    void loadModel(const QString &path);
    // Worker thread. Emits progress, then finished (an error result when there is no model or
    // the file cannot be read).
    void classify(int id, const QString &path);

Q_SIGNALS:
    // kept (on failure): the model the worker still holds (loaded before), empty when none.
    void modelLoaded(bool ok, const QString &path, const QString &message, const QString &kept);
    void started(int id);
    void progress(int id, double fraction, const QString &stage);
    void finished(int id, const aichopin::ClassifyResult &result);

private:
    const CancelToken *m_cancel;
    const std::atomic<int> *m_skipBelow;
    std::unique_ptr<ClassifierModel> m_model;
    QString m_modelPath;
};

}  // namespace aichopin
