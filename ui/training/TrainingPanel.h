#pragma once
// The Training area: pick the task, the data, a preset and its main hyperparameters and the
// device; Start, Pause, Resume and Stop; a progress bar with ETA and throughput; live charts
// and a log. Training runs on the panel's worker thread and writes a checkpoint every epoch
// (and when paused or closed), so closing the app or a crash loses at most the current epoch:
// the next start offers to resume. A finished model becomes the Compose model with one click.
// UI thread only.

#include "common/CancelToken.h"
#include "training/TrainingTypes.h"

#include <QThread>
#include <QWidget>

#include <memory>

class QComboBox;
class QFormLayout;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace aichopin {

class TrainingCharts;
class TrainingWorker;

class TrainingPanel : public QWidget {
    Q_OBJECT
public:
    enum class State { Idle, Running, Pausing, Paused, Stopping };

    explicit TrainingPanel(QWidget *parent = nullptr);
    ~TrainingPanel() override;  // stops a running job (its checkpoint is written) and waits

    State state() const { return m_state; }
    TrainingCharts *charts() const { return m_charts; }
    QString log() const;
    QString lastModel() const { return m_lastModel; }
    // An interrupted run found at start-up (its model path), empty when none.
    QString interruptedRun() const { return m_interrupted; }

    // The form, for tests and for scripted use.
    void setDataDir(const QString &dir);  // for the task shown; each task keeps its own
    QString dataDir() const;
    void setOutputPath(const QString &path);
    QString outputPath() const;  // by default a new file in DataPaths::userModelDir()
    void setPreset(const QString &preset);
    void setEpochs(int epochs);
    void setBatchSize(int batch);
    void setTask(TrainingTask task);
    TrainingTask task() const;
    // Classifier: a quick trial on this many pieces (0: all).
    void setMaxPieces(int pieces) { m_maxPieces = pieces; }
    // Small networks for quick trials and tests (width of the LSTM layers); 0 keeps the preset's.
    void setHiddenOverride(int hidden) { m_hiddenOverride = hidden; }

public Q_SLOTS:
    void start();
    void pause();
    void resume();
    void stop();
    void resumeInterrupted();
    void discardInterrupted();

Q_SIGNALS:
    void stateChanged(aichopin::TrainingPanel::State state);
    // "Use in Compose": the main window switches the Compose model.
    void useComposerModel(const QString &path);
    // "Use in Classify": the main window switches the Classify model.
    void useClassifierModel(const QString &path);
    void finished(const QString &modelPath);

private:
    void buildUi();
    void launch(const TrainingRequest &request);
    void setState(State state);
    void appendLog(const QString &line);
    void rememberRun(bool running);
    TrainingRequest requestFromForm() const;
    void showShippedMetrics();
    void taskChanged();
    void rememberDataDir();
    static QString dataSettingsKey(TrainingTask task);
    static QString defaultDataDir(TrainingTask task);

    TrainingCharts *m_charts = nullptr;
    QComboBox *m_task = nullptr;
    QLineEdit *m_data = nullptr;
    QPushButton *m_browse = nullptr;
    QComboBox *m_preset = nullptr;
    QComboBox *m_features = nullptr;  // classifier input
    QSpinBox *m_epochs = nullptr;
    QDoubleSpinBox *m_minutes = nullptr;
    QDoubleSpinBox *m_learningRate = nullptr;
    QSpinBox *m_batch = nullptr;
    QComboBox *m_device = nullptr;
    QLineEdit *m_output = nullptr;
    QPushButton *m_chooseOutput = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_pause = nullptr;
    QPushButton *m_resume = nullptr;
    QPushButton *m_stop = nullptr;
    QPushButton *m_useModel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_speed = nullptr;
    QLabel *m_result = nullptr;
    QLabel *m_shipped = nullptr;
    QWidget *m_resumeBanner = nullptr;
    QLabel *m_resumeText = nullptr;
    QPlainTextEdit *m_log = nullptr;

    QThread m_thread;
    TrainingWorker *m_worker = nullptr;
    std::shared_ptr<CancelToken> m_cancel;
    State m_state = State::Idle;
    TrainingRequest m_current;
    QString m_lastModel;
    QString m_interrupted;
    int m_hiddenOverride = 0;
    bool m_continuing = false;  // the composer preset chosen continues the shipped model
    int m_maxPieces = 0;
    QFormLayout *m_form = nullptr;
};

}  // namespace aichopin
