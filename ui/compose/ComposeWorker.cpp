#include "compose/ComposeWorker.h"

#include <QElapsedTimer>
#include <QFileInfo>

namespace aichopin {

namespace {
constexpr qint64 kBatchMs = 40;
}

ComposeWorker::ComposeWorker(std::shared_ptr<CancelToken> cancel, QObject *parent)
    : QObject(parent), m_cancel(std::move(cancel))
{
}

void ComposeWorker::loadModel(const QString &path)
{
    auto loaded = ComposerModel::load(path, QStringLiteral("cpu"));
    if (!loaded) {
        Q_EMIT modelFailed(path, loaded.error().toString(), m_model ? m_modelPath : QString());
        return;
    }
    m_model = loaded.value();
    m_modelPath = path;
    const QString description = tr("%1 (%2, %3k parameters)")
                                    .arg(QFileInfo(path).fileName(),
                                         m_model->representation() == Representation::Performance ? tr("performance events") : tr("paper tokens"))
                                    .arg(m_model->parameterCount() / 1000);
    Q_EMIT modelReady(path, description);
}

void ComposeWorker::compose(const GenerationOptions &options)
{
    if (!m_model) {
        Q_EMIT failed(tr("No composer model is loaded."));
        return;
    }
    ComposedEvents batch;
    QElapsedTimer sinceBatch, total;
    sinceBatch.start();
    total.start();
    double firstEventMs = -1;
    auto onEvent = [&](const ComposedEvent &e) {
        if (firstEventMs < 0)
            firstEventMs = total.nsecsElapsed() / 1e6;
        batch.push_back(e);
        // The first event goes out at once so the first note appears without waiting a batch.
        if ((batch.size() == 1 && e.index == 0) || sinceBatch.elapsed() >= kBatchMs) {
            Q_EMIT eventsReady(batch);
            batch.clear();
            sinceBatch.restart();
        }
    };
    auto result = m_model->generate(options, onEvent, m_cancel.get());
    if (!batch.empty())
        Q_EMIT eventsReady(batch);
    if (m_cancel->isCancelled()) {
        Q_EMIT cancelled();
        return;
    }
    if (!result) {
        Q_EMIT failed(result.error().toString());
        return;
    }
    Q_EMIT composed(result.value(), firstEventMs);
}

}  // namespace aichopin
