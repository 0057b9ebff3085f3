#pragma once
// The Classify area: files dropped or chosen are classified one by one on a worker thread (one
// ClassifierModel there: the shipped default or one the user picks); each gets a row with its
// verdict, P(Chopin) as a bar and its duration, or an error text. Selecting a row shows its
// P(Chopin) timeline and the spectrogram the model heard on one time axis, with "where the
// model listened" as a switchable overlay, and plays the file (FilePlayer) with a
// playhead; clicking either view seeks. Results export
// to CSV or JSON. The model in use can be calibrated on the musician's own labelled pieces
// (ClassifyCalibrator). UI thread only; the destructor cancels the worker and waits for it.
#include "classify/ClassifyTypes.h"
#include "common/CancelToken.h"

#include <QWidget>

#include <atomic>
#include <memory>

class QCheckBox;
class QHBoxLayout;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
class QThread;

namespace aichopin {

class ElidedLabel;
class ClassifyCalibrator;
class ClassifyDropZone;
class ClassifyRowActions;
class FilePlayer;
class ClassifyResultsModel;
class ClassifyTimelineChart;
class ClassifyWorker;
class SpectrogramView;

class ClassifyPanel : public QWidget {
    Q_OBJECT
public:
    enum class ModelState { Loading, Ready, Missing };

    explicit ClassifyPanel(QWidget *parent = nullptr);
    ~ClassifyPanel() override;

    // Loads a model on the worker (asynchronously; modelStateChanged tells the outcome).
    void setModelPath(const QString &path);
    QString modelPath() const { return m_modelPath; }
    ModelState modelState() const { return m_modelState; }

    // Queues files and folders (expanded recursively). Returns how many files were queued;
    // none while no model can be used (the drop zone says why).
    int addFiles(const QStringList &paths);
    // Files wait for their verdict, or verdicts for their occlusion maps (made after every
    // queued file has its verdict).
    bool isBusy() const;
    // Writes the finished rows; ".csv" gives CSV, anything else JSON. Error text on failure.
    bool exportResults(const QString &path, QString *error = nullptr);
    void selectRow(int row);
    int selectedRow() const;
    // Takes a finished row off the list (its context menu's Remove from List, Delete).
    void removeResult(int row);
    ClassifyRowActions *rowActions() const { return m_rowActions; }
    // Calibrates the model in use on a folder of the musician's own labelled pieces (chopin/ and
    // other/, or one folder per composer) on a worker thread, writes the calibrated copy to
    // outPath (empty: the user's model folder) and classifies with it; the drop zone says what
    // moved. "Calibrate..." asks for the folder; pressed again while running, it stops.
    void calibrateOn(const QString &folder, const QString &outPath = {});
    bool isCalibrating() const;

    ClassifyDropZone *dropZone() const { return m_drop; }
    ClassifyResultsModel *results() const { return m_model; }
    QTableView *table() const { return m_table; }
    ClassifyTimelineChart *chart() const { return m_chart; }
    SpectrogramView *spectrogram() const { return m_view; }
    QCheckBox *overlayCheck() const { return m_overlay; }
    QPushButton *playButton() const { return m_play; }
    QString statusText() const;  // the playback status in full
    double playhead() const { return m_playhead; }

public Q_SLOTS:
    void seek(double seconds);
    void togglePlay();

Q_SIGNALS:
    void modelStateChanged(aichopin::ClassifyPanel::ModelState state, const QString &message);
    void allFinished();
    // Open in Compose, on a MIDI file's row: the file to show in the piano roll.
    void openInComposeRequested(const QString &path);
    void openInSpectrogramRequested(const QString &path);
    void calibrationFinished(bool ok, const QString &message);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildUi();
    void onModelLoaded(bool ok, const QString &path, const QString &message, const QString &kept);
    void onFinished(int id, const ClassifyResult &result);
    void onMapProgress(int id, double fraction);
    void onMapReady(int id, const ClassifyOverlay &overlay);
    bool isShown(int id) const;  // the row of id is the one selected and shown
    void showDetail(int row);
    void showRow(int row);
    void showStatus(const QString &text);
    void setPlayhead(double seconds);
    void updateSummary();
    void alignAxes();
    void chooseModel();
    void exportDialog();
    void clearResults();
    void calibrateDialog();
    void onCalibrated(bool ok, const QString &message, const QString &modelPath);

    ClassifyDropZone *m_drop = nullptr;
    QLabel *m_modelLabel = nullptr;
    QPushButton *m_chooseModel = nullptr;
    QPushButton *m_calibrate = nullptr;
    ClassifyCalibrator *m_calibrator = nullptr;
    QString m_calibratedPath;  // the copy being loaded, and what to say once it is
    QString m_calibratedNote;
    bool m_dropSaysLeftOut = false;  // the drop zone names files left out of the last batch
    QPushButton *m_export = nullptr;
    QPushButton *m_clear = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_summary = nullptr;
    ClassifyResultsModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    ClassifyRowActions *m_rowActions = nullptr;
    ClassifyTimelineChart *m_chart = nullptr;
    SpectrogramView *m_view = nullptr;
    QCheckBox *m_overlay = nullptr;
    QPushButton *m_play = nullptr;
    QLabel *m_position = nullptr;
    ElidedLabel *m_status = nullptr;
    QLabel *m_detail = nullptr;
    QHBoxLayout *m_specRow = nullptr;

    QThread *m_thread = nullptr;
    ClassifyWorker *m_worker = nullptr;
    CancelToken m_cancel;
    std::atomic<int> m_skipBelow{0};
    std::atomic<int> m_queued{0};  // classify calls queued and not yet begun by the worker
    int m_nextId = 1;
    ModelState m_modelState = ModelState::Loading;
    QString m_modelPath;
    QString m_modelMessage;
    QString m_readyModelPath;  // the model the worker holds (kept when a newer choice fails)
    QString m_readyModelMessage;

    // Playback of the selected file.
    FilePlayer *m_player = nullptr;
    QString m_shownPath;
    double m_shownDuration = 0;
    double m_playhead = -1;
};

}  // namespace aichopin
