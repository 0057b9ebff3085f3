#pragma once
// Runs the composer off the UI thread: loads a model and generates, streaming events in
// batches (about 25 a second) through queued signals. Lives on the Compose panel's worker
// thread; its slots are invoked with queued calls. Cancel through the shared CancelToken.

#include "common/CancelToken.h"
#include "compose/ComposeTypes.h"

#include <QObject>

#include <memory>

namespace aichopin {

class ComposeWorker : public QObject {
    Q_OBJECT
public:
    explicit ComposeWorker(std::shared_ptr<CancelToken> cancel, QObject *parent = nullptr);

public Q_SLOTS:
    // Emits modelReady or modelFailed; on failure the model loaded before stays in use.
    void loadModel(const QString &path);
    // Emits eventsReady (repeatedly), then composed, cancelled or failed.
    void compose(const aichopin::GenerationOptions &options);

Q_SIGNALS:
    void modelReady(const QString &path, const QString &description);
    // kept: the model the worker still holds (loaded before), empty when none.
    void modelFailed(const QString &path, const QString &message, const QString &kept);
    void eventsReady(const aichopin::ComposedEvents &events);
    void composed(const aichopin::NoteSequence &piece, double firstEventMs);
    void cancelled();
    void failed(const QString &message);

private:
    std::shared_ptr<CancelToken> m_cancel;
    std::shared_ptr<ComposerModel> m_model;
    QString m_modelPath;
};

}  // namespace aichopin
