#include "classify/ClassifyPanel.h"

#include "classifier/ClassifierModel.h"
#include "classify/ClassifyCalibrator.h"
#include "classify/ClassifyDropZone.h"
#include "classify/ClassifyResultsModel.h"
#include "classify/ClassifyRowActions.h"
#include "classify/ClassifyTimelineChart.h"
#include "classify/ClassifyWorker.h"
#include "classify/PChopinBarDelegate.h"
#include "common/ElidedLabel.h"
#include "common/Numbers.h"
#include "common/RecentFolders.h"
#include "compose/FilePlayer.h"
#include "listen/MediaFiles.h"
#include "spectrogram/SpectrogramView.h"

#include <QChart>
#include <QCheckBox>
#include <QDragEnterEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QThread>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <utility>

namespace aichopin {

namespace {
constexpr int kAxisMargin = 56;  // room for the P(Chopin) labels left of both views

bool isMidi(const QString &path)
{
    const QString s = QFileInfo(path).suffix().toLower();
    return s == QLatin1String("mid") || s == QLatin1String("midi") || s == QLatin1String("kar");
}

QString clockText(double seconds)
{
    const int s = std::max(0, int(seconds));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

// The spectrogram the verdict's network heard, coloured between robust percentiles.
SpectrogramDataPtr spectrogramOf(const ClassifyResult &r)
{
    const ClassifierVerdict &v = r.verdict;
    if (v.features.empty() || v.featureFrames <= 0 || v.featureBins <= 0)
        return nullptr;
    auto data = std::make_shared<SpectrogramData>();
    data->matrix.frames = v.featureFrames;
    data->matrix.bins = v.featureBins;
    data->matrix.data = v.features;
    data->secondsPerFrame = v.secondsPerFrame;
    data->binHz = r.featureBinHz;
    if (r.featureKind == QLatin1String("mfcc"))
        data->unit.clear();
    data->kind = r.featureKind == QLatin1String("pitch")  ? QObject::tr("semitone bands")
               : r.featureKind == QLatin1String("mfcc") ? QObject::tr("MFCC")
                                                        : QObject::tr("log-mel");
    std::vector<float> sorted = v.features;
    const size_t lo = sorted.size() / 50, hi = std::min(sorted.size() - 1, sorted.size() * 995 / 1000);
    std::nth_element(sorted.begin(), sorted.begin() + lo, sorted.end());
    data->low = sorted[lo];
    std::nth_element(sorted.begin(), sorted.begin() + hi, sorted.end());
    data->high = std::max(sorted[hi], data->low + 1e-3f);
    return data;
}
}  // namespace

ClassifyPanel::ClassifyPanel(QWidget *parent) : QWidget(parent)
{
    qRegisterMetaType<aichopin::ClassifyResult>();
    qRegisterMetaType<aichopin::ClassifyOverlay>();
    setAcceptDrops(true);
    buildUi();

    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("ClassifyWorker"));
    m_worker = new ClassifyWorker(&m_cancel, &m_skipBelow, &m_queued);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &ClassifyWorker::modelLoaded, this, &ClassifyPanel::onModelLoaded);
    connect(m_worker, &ClassifyWorker::started, this, [this](int id) { m_model->setWorking(id); });
    connect(m_worker, &ClassifyWorker::progress, this, [this](int id, double f, const QString &stage) {
        m_model->setProgress(id, f, stage);
    });
    connect(m_worker, &ClassifyWorker::finished, this, &ClassifyPanel::onFinished);
    connect(m_worker, &ClassifyWorker::overlayProgress, this, &ClassifyPanel::onMapProgress);
    connect(m_worker, &ClassifyWorker::overlayReady, this, &ClassifyPanel::onMapReady);
    m_thread->start();

    m_player = new FilePlayer(this);
    connect(m_player, &FilePlayer::positionChanged, this, &ClassifyPanel::setPlayhead);
    connect(m_player, &FilePlayer::playingChanged, this,
            [this](bool playing) { m_play->setText(playing ? tr("Pause") : tr("Play")); });
    connect(m_player, &FilePlayer::statusChanged, this, &ClassifyPanel::showStatus);

    QString model = QSettings().value(QStringLiteral("classify/model")).toString();
    if (model.isEmpty() || !QFileInfo::exists(model))
        model = ClassifierModel::defaultModelPath();
    setModelPath(model);
}

ClassifyPanel::~ClassifyPanel()
{
    m_cancel.cancel();
    // The player is a child made after the views, so it outlives them: from here on nothing it
    // says reaches them (its own destructor waits for a decoding and closes the audio device).
    m_player->disconnect(this);
    m_thread->quit();
    m_thread->wait();
}

void ClassifyPanel::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    m_drop = new ClassifyDropZone(this);
    connect(m_drop, &ClassifyDropZone::filesChosen, this, [this](const QStringList &files) { addFiles(files); });
    layout->addWidget(m_drop);

    auto *bar = new QHBoxLayout;
    m_modelLabel = new QLabel(this);
    m_modelLabel->setObjectName(QStringLiteral("modelLabel"));
    m_chooseModel = new QPushButton(tr("Model..."), this);
    m_chooseModel->setObjectName(QStringLiteral("chooseModel"));
    m_chooseModel->setToolTip(tr("Classify with the shipped model or another model file (.pt)"));
    auto *models = new QMenu(m_chooseModel);
    QAction *shipped = models->addAction(tr("The Shipped Model (classifier-default.pt)"), this, [this] {
        const QString path = ClassifierModel::defaultModelPath();
        if (path.isEmpty()) {
            m_drop->setMessage(tr("The shipped model classifier-default.pt was not found; choose a model file instead."), true);
            return;
        }
        QSettings().setValue(QStringLiteral("classify/model"), path);
        setModelPath(path);
    });
    shipped->setObjectName(QStringLiteral("shippedModel"));
    models->addAction(tr("Another Model File..."), this, &ClassifyPanel::chooseModel);
    connect(models, &QMenu::aboutToShow, this, [this, shipped] {
        const QString path = ClassifierModel::defaultModelPath();
        shipped->setEnabled(!path.isEmpty() && QFileInfo(path).canonicalFilePath() != QFileInfo(m_modelPath).canonicalFilePath());
    });
    m_chooseModel->setMenu(models);
    m_calibrate = new QPushButton(tr("Calibrate..."), this);
    m_calibrate->setObjectName(QStringLiteral("calibrate"));
    m_calibrate->setToolTip(tr("Set the Chopin decision from your own recordings: choose a folder with chopin/ and other/ "
                               "subfolders (or one subfolder per composer); a calibrated copy of the model is saved and used"));
    connect(m_calibrate, &QPushButton::clicked, this, &ClassifyPanel::calibrateDialog);
    m_calibrator = new ClassifyCalibrator(this);
    connect(m_calibrator, &ClassifyCalibrator::progress, this,
            [this](const QString &stage) { m_drop->setMessage(tr("Calibrating on your pieces: %1").arg(stage)); });
    connect(m_calibrator, &ClassifyCalibrator::finished, this, &ClassifyPanel::onCalibrated);
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(200);
    m_progress->setTextVisible(true);
    m_progress->hide();
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_export = new QPushButton(tr("Export..."), this);
    m_export->setToolTip(tr("Save the results as CSV or JSON (JSON includes each file's timeline)"));
    m_export->setEnabled(false);
    connect(m_export, &QPushButton::clicked, this, &ClassifyPanel::exportDialog);
    m_clear = new QPushButton(tr("Clear"), this);
    m_clear->setToolTip(tr("Remove every result from the list"));
    connect(m_clear, &QPushButton::clicked, this, &ClassifyPanel::clearResults);
    bar->addWidget(m_modelLabel, 1);
    bar->addWidget(m_chooseModel);
    bar->addWidget(m_calibrate);
    bar->addWidget(m_progress);
    bar->addWidget(m_summary);
    bar->addWidget(m_export);
    bar->addWidget(m_clear);
    layout->addLayout(bar);

    auto *split = new QSplitter(Qt::Vertical, this);
    m_model = new ClassifyResultsModel(this);
    m_table = new QTableView(split);
    m_table->setObjectName(QStringLiteral("classifyResults"));
    m_table->setAccessibleName(tr("Classify list"));  // also names its keys in Help > Keyboard Shortcuts
    m_table->setModel(m_model);
    m_table->setItemDelegateForColumn(ClassifyResultsModel::PChopinColumn, new PChopinBarDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);  // long error texts elide on one line (the tooltip has them whole)
    m_table->horizontalHeader()->setSectionResizeMode(ClassifyResultsModel::FileColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(ClassifyResultsModel::VerdictColumn, QHeaderView::Interactive);
    m_table->setColumnWidth(ClassifyResultsModel::VerdictColumn, 220);
    m_table->setColumnWidth(ClassifyResultsModel::PChopinColumn, 200);
    // Wide enough for its header in every translation ("Czas trwania").
    m_table->setColumnWidth(ClassifyResultsModel::DurationColumn,
                            std::max(80, m_table->horizontalHeader()->sectionSizeHint(ClassifyResultsModel::DurationColumn)));
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showRow(current.row()); });
    m_rowActions = new ClassifyRowActions(m_table, m_model, this);
    connect(m_rowActions, &ClassifyRowActions::removeRequested, this, &ClassifyPanel::removeResult);
    connect(m_rowActions, &ClassifyRowActions::openInComposeRequested, this, &ClassifyPanel::openInComposeRequested);
    connect(m_rowActions, &ClassifyRowActions::openInSpectrogramRequested, this, &ClassifyPanel::openInSpectrogramRequested);
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &from) {
        if (from.row() == selectedRow() && m_shownPath.isEmpty())
            showRow(from.row());
    });

    auto *detail = new QWidget(split);
    auto *dl = new QVBoxLayout(detail);
    dl->setContentsMargins(0, 0, 0, 0);
    m_detail = new QLabel(tr("Select a classified file to see where it sounded like Chopin"), detail);
    m_detail->setObjectName(QStringLiteral("detailLabel"));
    // Wrapped: a long file name or line must not widen the window.
    m_detail->setWordWrap(true);
    dl->addWidget(m_detail);
    m_chart = new ClassifyTimelineChart(detail);
    connect(m_chart, &ClassifyTimelineChart::seekRequested, this, &ClassifyPanel::seek);
    dl->addWidget(m_chart, 2);
    auto *specRow = new QHBoxLayout;
    specRow->setContentsMargins(kAxisMargin, 0, 8, 0);
    m_specRow = specRow;
    m_view = new SpectrogramView(detail);
    m_view->setObjectName(QStringLiteral("classifySpectrogram"));
    m_view->setOverlayVisible(true);
    connect(m_view, &SpectrogramView::viewChanged, m_chart, &ClassifyTimelineChart::setTimeRange);
    connect(m_view, &SpectrogramView::seekRequested, this, &ClassifyPanel::seek);
    specRow->addWidget(m_view);
    dl->addLayout(specRow, 3);
    // One time axis: the spectrogram's left and right edges follow the chart's plot area.
    connect(m_chart->chart(), &QChart::plotAreaChanged, this, [this] { QTimer::singleShot(0, this, &ClassifyPanel::alignAxes); });

    auto *transport = new QHBoxLayout;
    m_play = new QPushButton(tr("Play"), detail);
    m_play->setObjectName(QStringLiteral("classifyPlay"));
    m_play->setToolTip(tr("Play or pause the selected file"));
    m_play->setEnabled(false);
    connect(m_play, &QPushButton::clicked, this, &ClassifyPanel::togglePlay);
    m_position = new QLabel(detail);
    m_position->setMinimumWidth(90);
    m_overlay = new QCheckBox(tr("Where the model listened"), detail);
    m_overlay->setObjectName(QStringLiteral("listenedOverlay"));
    m_overlay->setChecked(true);
    m_overlay->setToolTip(tr("Brighter: masking that second changed the verdict most (occlusion, 1 s spans)"));
    connect(m_overlay, &QCheckBox::toggled, m_view, &SpectrogramView::setOverlayVisible);
    m_status = new ElidedLabel(detail);
    m_status->setObjectName(QStringLiteral("playbackStatus"));
    transport->addWidget(m_play);
    transport->addWidget(m_position);
    transport->addWidget(m_overlay);
    transport->addWidget(m_status, 1);
    dl->addLayout(transport);

    split->addWidget(m_table);
    split->addWidget(detail);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 5);
    split->setSizes({300, 400});
    layout->addWidget(split, 1);
    updateSummary();
}

void ClassifyPanel::setModelPath(const QString &path)
{
    m_modelPath = path;
    m_modelState = ModelState::Loading;
    m_modelLabel->setText(tr("Loading model %1...").arg(QFileInfo(path).fileName()));
    QMetaObject::invokeMethod(m_worker, [w = m_worker, path] { w->loadModel(path); }, Qt::QueuedConnection);
}

void ClassifyPanel::onModelLoaded(bool ok, const QString &path, const QString &message, const QString &kept)
{
    if (path != m_modelPath)
        return;  // a newer choice is on its way
    if (ok) {
        m_readyModelPath = path;
        m_readyModelMessage = message;
    } else if (!m_readyModelPath.isEmpty() && kept == m_readyModelPath) {
        // A bad choice never costs the model that worked: the worker still holds it.
        QSettings settings;
        if (settings.value(QStringLiteral("classify/model")).toString() == path)
            settings.setValue(QStringLiteral("classify/model"), m_readyModelPath);
        m_modelPath = m_readyModelPath;
        m_modelState = ModelState::Ready;
        m_modelMessage = m_readyModelMessage;
        m_modelLabel->setText(tr("%1 (%2 could not be loaded)").arg(m_readyModelMessage, QFileInfo(path).fileName()));
        m_modelLabel->setStyleSheet(QString());
        m_drop->setMessage(tr("%1. Still using %2.").arg(message, QFileInfo(m_readyModelPath).fileName()), true);
        Q_EMIT modelStateChanged(m_modelState, message);
        return;
    }
    m_modelState = ok ? ModelState::Ready : ModelState::Missing;
    m_modelMessage = message;
    m_modelLabel->setText(message);
    m_modelLabel->setStyleSheet(ok ? QString() : QStringLiteral("color: #e07070;"));
    if (ok && !m_calibratedPath.isEmpty() && path == m_calibratedPath) {
        m_calibratedPath.clear();
        m_drop->setMessage(std::exchange(m_calibratedNote, QString()));
    } else if (ok)
        m_drop->setMessage(ClassifyDropZone::hint());
    else
        m_drop->setMessage(tr("Nothing can be classified yet: %1").arg(message), true);
    Q_EMIT modelStateChanged(m_modelState, message);
}

void ClassifyPanel::chooseModel()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose a classifier model"), QFileInfo(m_modelPath).absolutePath(),
                                                      tr("Classifier models (*.pt);;All files (*)"));
    if (path.isEmpty())
        return;
    QSettings().setValue(QStringLiteral("classify/model"), path);
    setModelPath(path);
}

void ClassifyPanel::calibrateDialog()
{
    if (m_calibrator->isRunning()) {
        m_calibrator->cancel();
        return;
    }
    const QString folder = QFileDialog::getExistingDirectory(
        this, tr("Choose a folder of your pieces, with chopin/ and other/ subfolders"),
        QSettings().value(QStringLiteral("classify/calibrationFolder")).toString());
    if (folder.isEmpty())
        return;
    QSettings().setValue(QStringLiteral("classify/calibrationFolder"), folder);
    calibrateOn(folder);
}

void ClassifyPanel::calibrateOn(const QString &folder, const QString &outPath)
{
    if (m_calibrator->isRunning())
        return;
    if (m_readyModelPath.isEmpty()) {
        const QString why = m_modelState == ModelState::Loading ? tr("the model is still loading; try again in a moment")
                                                                 : m_modelMessage;
        m_drop->setMessage(tr("Calibrating needs a model to start from: %1").arg(why), true);
        Q_EMIT calibrationFinished(false, why);
        return;
    }
    const QString out = outPath.isEmpty() ? ClassifyCalibrator::defaultOutPath(folder) : outPath;
    m_calibrator->start(m_readyModelPath, folder, out);
    m_calibrate->setText(tr("Stop Calibrating"));
    m_drop->setMessage(tr("Calibrating %1 on your pieces in %2...").arg(QFileInfo(m_readyModelPath).fileName(), QFileInfo(folder).fileName()));
}

bool ClassifyPanel::isCalibrating() const { return m_calibrator->isRunning(); }

void ClassifyPanel::onCalibrated(bool ok, const QString &message, const QString &modelPath)
{
    m_calibrate->setText(tr("Calibrate..."));
    if (ok) {
        m_calibratedPath = modelPath;
        m_calibratedNote = message;
        QSettings().setValue(QStringLiteral("classify/model"), modelPath);
        setModelPath(modelPath);
    } else if (message == QLatin1String("cancelled")) {
        m_drop->setMessage(tr("Calibration stopped; the model in use is unchanged."));
    } else {
        m_drop->setMessage(tr("Cannot calibrate: %1. The model in use is unchanged.").arg(message), true);
    }
    Q_EMIT calibrationFinished(ok, message);
}

int ClassifyPanel::addFiles(const QStringList &paths)
{
    if (m_modelState == ModelState::Missing) {
        m_drop->setMessage(tr("Nothing can be classified: %1").arg(m_modelMessage), true);
        return 0;
    }
    const QStringList files = ClassifyDropZone::expand(paths);
    if (files.isEmpty() && !paths.isEmpty()) {
        // Say why nothing happened rather than nothing at all.
        const QFileInfo first(paths.first());
        const QString mediaList = (mediafiles::audioSuffixes() + mediafiles::midiSuffixes()).join(QStringLiteral(", "));
        m_drop->setMessage(first.isDir() ? tr("Nothing to classify: %1 holds no recordings or MIDI files (%2)")
                                               .arg(first.fileName(), mediaList)
                                         : tr("Nothing to classify: %1 is not a recording or MIDI file (%2)")
                                               .arg(first.fileName(), mediaList),
                           true);
        return 0;
    }
    // A file named among others that is not music (notes.txt with the recordings) is said to be
    // left out, not silently dropped; folders are looked into for music only, as asked.
    QStringList leftOut;
    for (const QString &p : paths) {
        const QFileInfo info(p);
        if (info.isFile() && !ClassifyDropZone::isClassifiable(p))
            leftOut << info.fileName();
    }
    if (!leftOut.isEmpty()) {
        m_drop->setMessage(tr("Left out %n file(s) that are not recordings or MIDI files: %1", "", int(leftOut.size()))
                               .arg(leftOut.join(QStringLiteral(", "))));
        m_dropSaysLeftOut = true;
    } else if (std::exchange(m_dropSaysLeftOut, false)) {
        m_drop->setMessage(ClassifyDropZone::hint());
    }
    for (const QString &f : files) {
        const int id = m_nextId++;
        m_model->addFile(id, f);
        m_queued.fetch_add(1);
        QMetaObject::invokeMethod(m_worker, [w = m_worker, id, f] { w->classify(id, f); }, Qt::QueuedConnection);
    }
    if (!files.isEmpty() && selectedRow() < 0)
        selectRow(m_model->rowCount() - int(files.size()));
    updateSummary();
    return int(files.size());
}

bool ClassifyPanel::isBusy() const { return m_model->pendingCount() > 0 || m_model->mapsPendingCount() > 0; }

void ClassifyPanel::onFinished(int id, const ClassifyResult &result)
{
    m_model->setResult(id, result);
    const int row = m_model->rowOfId(id);
    if (row >= 0 && row == selectedRow())
        showRow(row);
    updateSummary();
    if (!isBusy())
        Q_EMIT allFinished();
}

bool ClassifyPanel::isShown(int id) const
{
    const int row = m_model->rowOfId(id);
    return row >= 0 && row == selectedRow() && m_model->row(row)->path == m_shownPath;
}

void ClassifyPanel::onMapProgress(int id, double fraction)
{
    m_model->setMapProgress(id, fraction);
    if (isShown(id))
        showDetail(m_model->rowOfId(id));
}

void ClassifyPanel::onMapReady(int id, const ClassifyOverlay &overlay)
{
    m_model->setMap(id, overlay);
    if (isShown(id)) {
        const int row = m_model->rowOfId(id);
        const ClassifyResult &res = m_model->row(row)->result;
        m_view->setOverlay(res.overlay, res.overlayStepSeconds > 0 ? res.overlayStepSeconds : 1.0);
        showDetail(row);
    }
    if (!isBusy())
        Q_EMIT allFinished();
}

void ClassifyPanel::updateSummary()
{
    int done = 0, chopin = 0, failed = 0, close = 0;
    for (const auto &r : m_model->rows()) {
        const bool judged = r.state == ClassifyResultsModel::State::Done;
        done += judged ? 1 : 0;
        failed += r.state == ClassifyResultsModel::State::Failed ? 1 : 0;
        chopin += (judged && r.result.verdict.pChopin >= 0.5) ? 1 : 0;
        close += (judged && ClassifyResultsModel::isCloseCall(r.result.verdict.pChopin)) ? 1 : 0;
    }
    const int total = m_model->rowCount();
    const int pending = m_model->pendingCount();
    m_progress->setVisible(pending > 0);
    m_progress->setRange(0, std::max(1, total));
    m_progress->setValue(total - pending);
    m_progress->setFormat(tr("%v of %m"));
    m_summary->setText(total == 0 ? QString()
                                  : tr("%1 Chopin, %2 Other%3%4").arg(chopin).arg(done - chopin)
                                        .arg(failed ? tr(", %1 not judged").arg(failed) : QString(),
                                             close ? tr("; close calls: %1").arg(close) : QString()));
    m_export->setEnabled(done + failed > 0);
}

void ClassifyPanel::selectRow(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    m_table->selectionModel()->setCurrentIndex(m_model->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

int ClassifyPanel::selectedRow() const
{
    const QModelIndex i = m_table->selectionModel()->currentIndex();
    return i.isValid() ? i.row() : -1;
}

void ClassifyPanel::showRow(int row)
{
    const ClassifyResultsModel::Row *r = m_model->row(row);
    const bool done = r && r->state == ClassifyResultsModel::State::Done;
    const QString path = done ? r->path : QString();
    if (path == m_shownPath && done)
        return;
    m_shownPath = path;
    m_player->setFile(path, isMidi(path));
    m_chart->clear();
    m_view->setData(nullptr);
    m_view->setOverlay({}, 1.0);
    m_play->setEnabled(done);
    m_position->clear();
    showStatus({});
    if (!r) {
        m_detail->setText(tr("Select a classified file to see where it sounded like Chopin"));
        return;
    }
    const QString name = QFileInfo(r->path).fileName();
    if (!done) {
        m_detail->setText(r->state == ClassifyResultsModel::State::Failed ? tr("%1: %2").arg(name, r->result.error)
                                                                          : tr("%1: not classified yet").arg(name));
        return;
    }
    const ClassifyResult &res = r->result;
    m_shownDuration = res.verdict.durationSeconds;
    showDetail(row);
    m_chart->setTimeline(res.verdict.timeline);
    m_view->setData(spectrogramOf(res));
    m_view->setOverlay(res.overlay, res.overlayStepSeconds > 0 ? res.overlayStepSeconds : 1.0);
    m_view->setOverlayVisible(m_overlay->isChecked());
    m_view->fit();
    m_chart->setTimeRange(m_view->startSeconds(), m_view->visibleSeconds());
    setPlayhead(0);
}

void ClassifyPanel::showDetail(int row)
{
    const ClassifyResultsModel::Row *r = m_model->row(row);
    if (!r || r->state != ClassifyResultsModel::State::Done)
        return;
    const ClassifyResult &res = r->result;
    // The clips run from the first sound to the last (silence around the music is not judged).
    const QString heard = (res.verdict.timeline.empty()
                               ? QString()
                               : tr(" from %1 to %2").arg(clockText(res.verdict.timeline.front().startSeconds),
                                                           clockText(res.verdict.timeline.back().endSeconds)))
                          + (res.verdict.heardOneChannel
                                 ? tr(", heard from its first channel alone (its two channels cancel each other out)")
                                 : QString());
    const QString kind = res.featureKind == QLatin1String("mfcc")    ? tr("MFCC")
                         : res.featureKind == QLatin1String("pitch") ? tr("semitone bands")
                                                                     : tr("log-mel");
    const QString overlay = res.overlayMethod == QLatin1String("occlusion") ? tr("; overlay: occlusion of 1 s spans")
                            : r->mapPending ? tr("; overlay: clip contributions until the occlusion map is made (%1%)")
                                                  .arg(int(r->mapProgress * 100))
                                            : tr("; overlay: clip contributions");
    // One arg() call, so a %1 or %2 inside a file name is shown as it is, not filled in.
    if (res.verdict.topRestoredClips > 0) {
        // A band-limited recording: the view shows the decoded bands, the network heard the
        // empty top ones filled from the octaves below.
        m_detail->setText(tr("%1: %2, P(Chopin) %3 over %4%5; spectrogram: %6 as decoded (nothing was recorded in "
                             "the top bands, so in %7 of the clips the model heard them filled from the octaves below)%8")
                              .arg(QFileInfo(r->path).fileName(), ClassifyResultsModel::verdictText(res.verdict.label, res.verdict.pChopin),
                                   decimal(res.verdict.pChopin, 2),
                                   tr("%n clip(s)", nullptr, int(res.verdict.timeline.size())), heard, kind,
                                   QString::number(res.verdict.topRestoredClips), overlay));
        return;
    }
    m_detail->setText(tr("%1: %2, P(Chopin) %3 over %4%5; spectrogram: %6 as the model heard it%7")
                          .arg(QFileInfo(r->path).fileName(), ClassifyResultsModel::verdictText(res.verdict.label, res.verdict.pChopin),
                                   decimal(res.verdict.pChopin, 2),
                                   tr("%n clip(s)", nullptr, int(res.verdict.timeline.size())), heard, kind, overlay));
}

void ClassifyPanel::alignAxes()
{
    QWidget *row = m_view->parentWidget();
    const QRectF plot = m_chart->chart()->plotArea();
    if (!row || plot.width() <= 0)
        return;
    const int left = m_chart->mapTo(row, m_chart->mapFromScene(plot.topLeft())).x();
    const int right = row->width() - m_chart->mapTo(row, m_chart->mapFromScene(plot.topRight())).x();
    const QMargins now = m_specRow->contentsMargins();
    if (left >= 0 && right >= 0 && (std::abs(now.left() - left) > 1 || std::abs(now.right() - right) > 1))
        m_specRow->setContentsMargins(left, 0, right, 0);
    m_chart->setTimeRange(m_view->startSeconds(), m_view->visibleSeconds());
}

void ClassifyPanel::togglePlay()
{
    if (!m_shownPath.isEmpty())
        m_player->toggle(std::max(0.0, m_playhead));
}

void ClassifyPanel::setPlayhead(double seconds)
{
    m_playhead = seconds;
    m_view->setPlayhead(seconds);
    m_chart->setPlayhead(seconds);
    if (seconds >= 0)
        m_position->setText(QStringLiteral("%1 / %2").arg(clockText(seconds), clockText(m_shownDuration)));
    // Keep the playhead in view while playing.
    const double start = m_view->startSeconds(), visible = m_view->visibleSeconds();
    if (seconds >= 0 && visible > 0 && (seconds < start || seconds > start + visible))
        m_view->scrollToTime(std::max(0.0, seconds - 0.1 * visible));
}

void ClassifyPanel::seek(double seconds)
{
    if (m_shownPath.isEmpty())
        return;
    seconds = std::clamp(seconds, 0.0, std::max(0.0, m_shownDuration));
    m_player->seek(seconds);
    setPlayhead(seconds);
}

QString ClassifyPanel::statusText() const { return m_status->fullText(); }

void ClassifyPanel::showStatus(const QString &text)
{
    // Driver errors name every driver tried: one line here, all of it in the tooltip.
    m_status->setFullText(text);
}

bool ClassifyPanel::exportResults(const QString &path, QString *error)
{
    const bool csv = QFileInfo(path).suffix().compare(QLatin1String("csv"), Qt::CaseInsensitive) == 0;
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(csv ? m_model->toCsv() : m_model->toJson()) < 0 || !f.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

void ClassifyPanel::exportDialog()
{
    QString filter;
    QString path = QFileDialog::getSaveFileName(this, tr("Export results"),
                                                QDir(recentfolders::folder(recentfolders::kExport)).filePath(QStringLiteral("classification.json")),
                                                tr("JSON with timelines (*.json);;CSV (*.csv)"), &filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += filter.contains(QLatin1String("*.csv")) ? QStringLiteral(".csv") : QStringLiteral(".json");
    recentfolders::remember(recentfolders::kExport, path);
    QString error;
    if (!exportResults(path, &error))
        m_drop->setMessage(error, true);
    else
        m_summary->setText(tr("Exported to %1").arg(QFileInfo(path).fileName()));
}

void ClassifyPanel::removeResult(int row)
{
    const ClassifyResultsModel::Row *r = m_model->row(row);
    if (!r || r->state == ClassifyResultsModel::State::Queued || r->state == ClassifyResultsModel::State::Working)
        return;
    if (row == selectedRow())
        showRow(-1);  // stops playing it; the row that takes its place is shown next
    m_model->removeRowAt(row);
    showRow(selectedRow());
    updateSummary();
}

void ClassifyPanel::clearResults()
{
    m_skipBelow.store(m_nextId);
    m_player->stop();
    m_model->clear();
    showRow(-1);
    updateSummary();
}

void ClassifyPanel::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void ClassifyPanel::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile())
            paths << url.toLocalFile();
    event->acceptProposedAction();
    addFiles(paths);
}

}  // namespace aichopin
