#pragma once
// Runs one training job on the Training panel's worker thread and reports through queued
// signals: steps (every few batches), epochs, coarse stages, then finished, stopped (cancelled:
// a checkpoint was written, so the run can be resumed) or failed.

#include "common/CancelToken.h"
#include "common/Result.h"
#include "training/TrainingTypes.h"

#include <QObject>

#include <memory>

namespace aichopin {

// A training time as the panel shows it (elapsed, time left, a run's length): "42 s", "3:05" or
// "2 h 05 min"; "?" when unknown (negative).
QString trainingDuration(double seconds);

class TrainingWorker : public QObject {
    Q_OBJECT
public:
    explicit TrainingWorker(std::shared_ptr<CancelToken> cancel, QObject *parent = nullptr);

public Q_SLOTS:
    void run(const aichopin::TrainingRequest &request);

Q_SIGNALS:
    void step(const aichopin::TrainingStep &step);
    void epoch(const aichopin::TrainingEpoch &epoch);
    void stage(double fraction, const QString &stage);
    void finished(const aichopin::TrainingOutcome &outcome);
    void stopped(const QString &modelPath);
    void failed(const QString &message);

private:
    void runComposer(const ComposerTrainingOptions &options);
    void runClassifier(const ClassifierJob &job);
    // Emits stopped() or failed() when the run was cancelled or failed; true when it did.
    template <typename T>
    bool endedWithoutModel(const Result<T> &result, const QString &modelPath)
    {
        if (m_cancel->isCancelled())
            Q_EMIT stopped(modelPath);
        else if (!result)
            Q_EMIT failed(result.error().toString());
        else
            return false;
        return true;
    }
    std::shared_ptr<CancelToken> m_cancel;
};

}  // namespace aichopin
