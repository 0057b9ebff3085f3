#pragma once
// Calibrates a classifier on the musician's own labelled recordings (a folder with chopin/ and
// other/, or one folder per composer) on a worker thread (ClassifierCalibration): writes a copy
// of the model with its decision between their Chopin and other pieces, and says in words what
// moved. One run at a time; cancellable; the destructor cancels and waits. UI thread only.
#include "common/CancelToken.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <memory>

namespace aichopin {

class ClassifyCalibrator : public QObject {
    Q_OBJECT
public:
    explicit ClassifyCalibrator(QObject *parent = nullptr);
    ~ClassifyCalibrator() override;

    // Starts calibrating modelPath on folder into outPath; false while a run is going.
    bool start(const QString &modelPath, const QString &folder, const QString &outPath);
    void cancel();
    bool isRunning() const { return m_watcher.isRunning(); }
    // Where a calibration on folder is written by default: the user's model folder, named after
    // the folder and the time, never over an existing file.
    static QString defaultOutPath(const QString &folder);

Q_SIGNALS:
    void progress(const QString &stage);
    // ok: message says what moved and modelPath is the copy; otherwise message is the reason
    // ("cancelled" when stopped) and modelPath is empty.
    void finished(bool ok, const QString &message, const QString &modelPath);

private:
    struct Outcome;
    QFutureWatcher<std::shared_ptr<Outcome>> m_watcher;
    std::shared_ptr<CancelToken> m_cancel;
};

}  // namespace aichopin
