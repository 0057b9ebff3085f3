#include "training/TrainingPanel.h"

#include "common/ComputeDevice.h"
#include "common/DataPaths.h"
#include "classifier/ClassifierModel.h"
#include "common/Numbers.h"
#include "composer/ComposerModel.h"
#include "training/TrainingCharts.h"
#include "training/TrainingWorker.h"

#include <QComboBox>
#include <QDateTime>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace aichopin {

namespace {
const char *kRunGroup = "training/run";
const char *kTaskKey = "training/task";      // composer or classifier, as last chosen
const char *kDeviceKey = "training/device";  // auto, cpu or cuda, as last chosen
// The composer "preset" that starts from the shipped model's weights instead of a new network.
const char *kContinueShipped = "shipped";
constexpr double kNewRate = 0.002;        // Adam's rate for a new network
constexpr double kContinueRate = 0.0005;  // and for continuing one that already knows Chopin
}  // namespace

TrainingPanel::TrainingPanel(QWidget *parent) : QWidget(parent), m_cancel(std::make_shared<CancelToken>())
{
    qRegisterMetaType<aichopin::TrainingRequest>();
    qRegisterMetaType<aichopin::TrainingStep>();
    qRegisterMetaType<aichopin::TrainingEpoch>();
    qRegisterMetaType<aichopin::TrainingOutcome>();
    buildUi();

    m_worker = new TrainingWorker(m_cancel);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &TrainingWorker::step, this, [this](const TrainingStep &s) {
        m_charts->addStep(s);
        if (s.etaSeconds > 0)
            m_progress->setValue(int(1000 * s.elapsedSeconds / (s.elapsedSeconds + s.etaSeconds)));
        m_speed->setText(tr("%1 %2, elapsed %3, about %4 left").arg(decimal(s.throughput, 0)).arg(s.throughputUnit)
                             .arg(trainingDuration(s.elapsedSeconds), trainingDuration(s.etaSeconds)));
    });
    connect(m_worker, &TrainingWorker::epoch, this, [this](const TrainingEpoch &e) {
        m_charts->addEpoch(e);
        if (!e.hasValidation)
            appendLog(tr("Epoch %1/%2: loss %3, accuracy %4 (training); no validation pieces, so the epoch kept is the one with "
                         "the lowest training loss%5")
                          .arg(e.epoch).arg(e.maxEpochs).arg(decimal(e.trainLoss, 4)).arg(decimal(e.trainAccuracy, 3))
                          .arg(e.improved ? tr(" (best so far, saved)") : QString()));
        else if (e.validationAccuracy < 0)
            appendLog(tr("Epoch %1/%2: training %3, validation %4 nats/event%5")
                          .arg(e.epoch).arg(e.maxEpochs).arg(decimal(e.trainLoss, 4)).arg(decimal(e.validationLoss, 4))
                          .arg(e.improved ? tr(" (best so far, saved)") : QString()));
        else
            appendLog(tr("Epoch %1/%2: loss %3 (training), %4 (validation); validation piece accuracy %5, piece ROC AUC %6%7")
                          .arg(e.epoch).arg(e.maxEpochs).arg(decimal(e.trainLoss, 4)).arg(decimal(e.validationLoss, 4))
                          .arg(decimal(e.validationAccuracy, 3))
                          .arg(e.validationAuc >= 0 ? decimal(e.validationAuc, 3) : tr("n/a (one class)"))
                          .arg(e.improved ? tr(" (best so far, saved)") : QString()));
    });
    connect(m_worker, &TrainingWorker::stage, this, [this](double fraction, const QString &stage) {
        if (fraction >= 0)
            m_progress->setValue(int(fraction * 1000));
        m_progress->setFormat(tr("%1  (%p% of the run)").arg(stage));
    });
    connect(m_worker, &TrainingWorker::finished, this, [this](const TrainingOutcome &o) {
        m_charts->flush();
        m_lastModel = o.modelPath;
        appendLog(o.summary);
        m_result->setText(o.summary);
        m_useModel->setEnabled(true);
        m_progress->setValue(1000);
        m_progress->setFormat(tr("Finished"));
        rememberRun(false);
        setState(State::Idle);
        Q_EMIT finished(o.modelPath);
    });
    connect(m_worker, &TrainingWorker::stopped, this, [this](const QString &path) {
        m_charts->flush();
        if (m_state == State::Pausing) {
            appendLog(tr("Paused; the checkpoint is saved. Resume continues from it."));
            m_progress->setFormat(tr("Paused at %p% of the run"));
            setState(State::Paused);
            return;
        }
        appendLog(tr("Stopped. The best model so far is in %1; the run can be resumed later from its checkpoint.").arg(path));
        m_progress->setFormat(tr("Stopped at %p% of the run"));
        m_lastModel = QFileInfo::exists(path) ? path : QString();
        m_useModel->setEnabled(!m_lastModel.isEmpty());
        rememberRun(false);
        setState(State::Idle);
    });
    connect(m_worker, &TrainingWorker::failed, this, [this](const QString &message) {
        appendLog(tr("Training failed: %1").arg(message));
        m_result->setText(tr("Training failed: %1").arg(message));
        m_progress->setFormat(tr("Failed at %p% of the run"));
        rememberRun(false);
        setState(State::Idle);
    });
    m_thread.start();

    // A run that was going when the app last closed or crashed can be resumed.
    QSettings settings;
    settings.beginGroup(QLatin1String(kRunGroup));
    const QString model = settings.value(QStringLiteral("model")).toString();
    if (settings.value(QStringLiteral("running")).toBool() && QFileInfo::exists(model + ".ckpt")) {
        m_interrupted = model;
        m_resumeText->setText(tr("A training run was interrupted (%1). Resume it from its last checkpoint?").arg(QFileInfo(model).fileName()));
        m_resumeBanner->show();
    }
    settings.endGroup();
    showShippedMetrics();
}

TrainingPanel::~TrainingPanel()
{
    // Closing mid-run: cancelling writes the checkpoint; the run stays marked as interrupted.
    m_cancel->cancel();
    m_thread.quit();
    m_thread.wait();
}

void TrainingPanel::buildUi()
{
    auto *root = new QVBoxLayout(this);
    m_resumeBanner = new QWidget(this);
    auto *bannerLayout = new QHBoxLayout(m_resumeBanner);
    m_resumeText = new QLabel(m_resumeBanner);
    auto *resumeNow = new QPushButton(tr("Resume"), m_resumeBanner);
    auto *discard = new QPushButton(tr("Discard"), m_resumeBanner);
    resumeNow->setToolTip(tr("Continue the interrupted run from its last checkpoint"));
    discard->setToolTip(tr("Forget the interrupted run (its best model so far stays on disk)"));
    bannerLayout->addWidget(m_resumeText, 1);
    bannerLayout->addWidget(resumeNow);
    bannerLayout->addWidget(discard);
    m_resumeBanner->setStyleSheet(QStringLiteral("background: #fff4d6; color: #402c00;"));
    m_resumeBanner->hide();
    connect(resumeNow, &QPushButton::clicked, this, &TrainingPanel::resumeInterrupted);
    connect(discard, &QPushButton::clicked, this, &TrainingPanel::discardInterrupted);
    root->addWidget(m_resumeBanner);

    auto *form = new QFormLayout;
    m_form = form;
    m_task = new QComboBox(this);
    m_task->addItem(tr("Composer (LSTM on MIDI files)"), int(TrainingTask::Composer));
    m_task->addItem(tr("Classifier (CNN: Chopin or Other)"), int(TrainingTask::Classifier));
    m_task->setToolTip(tr("What to train"));
    form->addRow(tr("&Task"), m_task);

    auto *dataRow = new QHBoxLayout;
    // Filled by taskChanged(): each task remembers its own folder.
    m_data = new QLineEdit(this);
    m_data->setObjectName(QStringLiteral("trainingData"));
    connect(m_data, &QLineEdit::editingFinished, this, [this] { rememberDataDir(); });
    m_browse = new QPushButton(tr("Browse..."), this);
    m_browse->setToolTip(tr("Choose the folder of music to train on"));
    auto *browse = m_browse;
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Training Data"), m_data->text());
        if (!dir.isEmpty())
            setDataDir(dir);
    });
    dataRow->addWidget(m_data, 1);
    dataRow->addWidget(browse);
    auto *dataLabel = new QLabel(tr("&Data"), this);
    dataLabel->setBuddy(m_data);
    form->addRow(dataLabel, dataRow);

    m_preset = new QComboBox(this);
    form->addRow(tr("&Preset"), m_preset);
    m_features = new QComboBox(this);
    m_features->setObjectName(QStringLiteral("classifierInput"));
    m_features->addItem(tr("The preset's"), QString());
    m_features->addItem(tr("Log-mel bands"), QStringLiteral("mel"));
    m_features->addItem(tr("MFCC"), QStringLiteral("mfcc"));
    m_features->addItem(tr("Semitone bands (pitch)"), QStringLiteral("pitch"));
    m_features->setToolTip(tr("What the network hears: log-mel bands (timbre and register), the paper's MFCC, or "
                              "one band per semitone from C1 to B8 (notes and harmony)"));
    form->addRow(tr("&Input"), m_features);

    m_epochs = new QSpinBox(this);
    m_epochs->setRange(1, 1000);
    m_epochs->setValue(20);
    m_epochs->setToolTip(tr("Passes over the training pieces; training also stops early when validation stops improving"));
    form->addRow(tr("&Epochs"), m_epochs);
    m_minutes = new QDoubleSpinBox(this);
    m_minutes->setRange(0, 10000);
    m_minutes->setValue(0);
    m_minutes->setSpecialValueText(tr("no limit"));
    m_minutes->setSuffix(tr(" min"));
    m_minutes->setToolTip(tr("Stop after this much time (the best model so far is kept)"));
    form->addRow(tr("Time &limit"), m_minutes);
    m_learningRate = new QDoubleSpinBox(this);
    m_learningRate->setObjectName(QStringLiteral("learningRate"));
    m_learningRate->setDecimals(5);
    m_learningRate->setRange(0.00001, 0.1);
    m_learningRate->setSingleStep(0.0005);
    m_learningRate->setValue(kNewRate);
    m_learningRate->setToolTip(tr("Adam's step size; it halves after an epoch that did not improve"));
    form->addRow(tr("Learning &rate"), m_learningRate);
    m_batch = new QSpinBox(this);
    m_batch->setRange(1, 512);
    m_batch->setValue(32);
    m_batch->setToolTip(tr("Sequences trained in parallel; larger is faster per event but needs more memory"));
    form->addRow(tr("&Batch size"), m_batch);
    m_device = new QComboBox(this);
    m_device->setObjectName(QStringLiteral("trainingDevice"));
    m_device->addItem(tr("Automatic"), QStringLiteral("auto"));
    m_device->addItem(tr("CPU"), QStringLiteral("cpu"));
    m_device->addItem(tr("CUDA GPU"), QStringLiteral("cuda"));
    if (!ComputeDevice::cudaAvailable())
        m_device->setItemData(2, false, Qt::UserRole - 1);  // disabled: no CUDA here
    m_device->setToolTip(tr("Found: %1").arg(ComputeDevice::describe()));
    form->addRow(tr("De&vice"), m_device);
    auto *outRow = new QHBoxLayout;
    m_output = new QLineEdit(QStringLiteral("%1/composer-%2.pt").arg(DataPaths::userModelDir(), QDateTime::currentDateTime().toString("yyyyMMdd-HHmm")), this);
    m_output->setToolTip(tr("The model file; its checkpoint is written beside it (.ckpt)"));
    outRow->addWidget(m_output, 1);
    // Where the model goes, chosen as any other file is saved; it becomes a .pt file.
    m_chooseOutput = new QPushButton(tr("Browse..."), this);
    m_chooseOutput->setObjectName(QStringLiteral("chooseModelFile"));
    m_chooseOutput->setToolTip(tr("Choose where the trained model is saved"));
    connect(m_chooseOutput, &QPushButton::clicked, this, [this] {
        QString path = QFileDialog::getSaveFileName(this, tr("Save the Trained Model As"), m_output->text(), tr("Models (*.pt)"));
        if (path.isEmpty())
            return;
        if (!path.endsWith(QStringLiteral(".pt"), Qt::CaseInsensitive))
            path += QStringLiteral(".pt");
        m_output->setText(path);
    });
    outRow->addWidget(m_chooseOutput);
    auto *outLabel = new QLabel(tr("&Save as"), this);
    outLabel->setBuddy(m_output);
    form->addRow(outLabel, outRow);

    auto *buttons = new QHBoxLayout;
    m_start = new QPushButton(tr("Start"), this);
    m_pause = new QPushButton(tr("Pause"), this);
    m_resume = new QPushButton(tr("Resume"), this);
    m_stop = new QPushButton(tr("Stop"), this);
    m_start->setToolTip(tr("Train a new model with these settings"));
    m_pause->setToolTip(tr("Pause after the current batch (a checkpoint is saved)"));
    m_resume->setToolTip(tr("Continue the paused run exactly where it stopped"));
    m_stop->setToolTip(tr("Stop; the best model so far is kept"));
    for (QPushButton *b : {m_start, m_pause, m_resume, m_stop})
        buttons->addWidget(b);
    connect(m_start, &QPushButton::clicked, this, &TrainingPanel::start);
    connect(m_pause, &QPushButton::clicked, this, &TrainingPanel::pause);
    connect(m_resume, &QPushButton::clicked, this, &TrainingPanel::resume);
    connect(m_stop, &QPushButton::clicked, this, &TrainingPanel::stop);

    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);  // a bar with no value yet shows no text
    m_progress->setFormat(tr("Not started"));
    m_progress->setTextVisible(true);
    m_speed = new QLabel(this);
    m_result = new QLabel(this);
    m_result->setWordWrap(true);
    m_result->setObjectName(QStringLiteral("trainingResult"));
    m_shipped = new QLabel(this);
    m_shipped->setObjectName(QStringLiteral("shippedMetrics"));
    m_shipped->setWordWrap(true);
    m_useModel = new QPushButton(tr("Use in Compose"), this);
    m_useModel->setEnabled(false);
    connect(m_useModel, &QPushButton::clicked, this, [this] {
        if (m_lastModel.isEmpty())
            return;
        if (m_current.task == TrainingTask::Composer)
            Q_EMIT useComposerModel(m_lastModel);
        else
            Q_EMIT useClassifierModel(m_lastModel);
    });

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->addLayout(form);
    leftLayout->addLayout(buttons);
    leftLayout->addWidget(m_progress);
    leftLayout->addWidget(m_speed);
    leftLayout->addWidget(new QLabel(tr("<b>Result</b>"), this));
    leftLayout->addWidget(m_result);
    leftLayout->addWidget(m_shipped);
    leftLayout->addWidget(m_useModel);
    leftLayout->addStretch(1);

    m_charts = new TrainingCharts(this);
    m_log = new QPlainTextEdit(this);
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(5000);
    m_log->setObjectName(QStringLiteral("trainingLog"));
    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(m_charts);
    right->addWidget(m_log);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 1);

    auto *split = new QSplitter(this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(1, 1);
    root->addWidget(split, 1);
    // The task and the device chosen last time (a CUDA choice only where CUDA is found).
    const QSettings settings;
    if (settings.value(QLatin1String(kTaskKey)).toString() == QLatin1String("classifier"))
        m_task->setCurrentIndex(m_task->findData(int(TrainingTask::Classifier)));
    const QString device = settings.value(QLatin1String(kDeviceKey)).toString();
    if (m_device->findData(device) >= 0 && (device != QLatin1String("cuda") || ComputeDevice::cudaAvailable()))
        m_device->setCurrentIndex(m_device->findData(device));
    // A network that already knows Chopin is moved with smaller steps than a new one: the rate
    // changes when the choice goes from a new network to the shipped one or back, and a rate the
    // musician set stays otherwise (switching tasks refills the presets).
    connect(m_preset, &QComboBox::currentIndexChanged, this, [this] {
        if (task() != TrainingTask::Composer || m_preset->currentIndex() < 0)
            return;
        const bool continuing = m_preset->currentData().toString() == QLatin1String(kContinueShipped);
        if (continuing != m_continuing) {
            m_continuing = continuing;
            m_learningRate->setValue(continuing ? kContinueRate : kNewRate);
        }
    });
    connect(m_task, &QComboBox::currentIndexChanged, this, [this] {
        QSettings().setValue(QLatin1String(kTaskKey), task() == TrainingTask::Classifier ? QStringLiteral("classifier") : QStringLiteral("composer"));
        taskChanged();
    });
    connect(m_device, &QComboBox::currentIndexChanged, this,
            [this] { QSettings().setValue(QLatin1String(kDeviceKey), m_device->currentData().toString()); });
    taskChanged();
    setState(State::Idle);
}

TrainingTask TrainingPanel::task() const { return TrainingTask(m_task->currentData().toInt()); }

void TrainingPanel::setTask(TrainingTask task) { m_task->setCurrentIndex(m_task->findData(int(task))); }

void TrainingPanel::taskChanged()
{
    const bool composer = task() == TrainingTask::Composer;
    m_preset->clear();
    if (composer) {
        for (const QString &name : ComposerHyperparameters::presetNames()) {
            m_preset->addItem(name, name);
            if (const auto h = ComposerHyperparameters::fromPreset(name))
                m_preset->setItemData(m_preset->count() - 1,
                                      tr("%1 LSTM layers of %2 units, %3, dropout %4").arg(h->layers).arg(h->hidden).arg(tr("%n dense layer(s)", nullptr, h->denseLayers)).arg(h->dropout),
                                      Qt::ToolTipRole);
        }
        // Continuing the shipped composer on a few pieces of one's own learns their manner in
        // minutes, where a new network needs hours of music.
        const QString shipped = DataPaths::shippedModel(QStringLiteral("composer-default.pt"));
        m_preset->addItem(tr("the shipped composer, continued"), QLatin1String(kContinueShipped));
        m_preset->setItemData(m_preset->count() - 1,
                              shipped.isEmpty() ? tr("No shipped composer was found")
                                                : tr("Start from the shipped composer and go on learning from your pieces: a few are enough"),
                              Qt::ToolTipRole);
        if (shipped.isEmpty())
            m_preset->setItemData(m_preset->count() - 1, false, Qt::UserRole - 1);  // disabled
        m_preset->setToolTip(tr("default: chosen for quality and real-time generation; paper-benchmark and paper-optimized: the seed paper's two designs; "
                                "the shipped composer, continued: its network goes on learning from your pieces"));
        m_data->setToolTip(tr("The music to learn from: every .mid file in this folder and below"));
        m_data->setPlaceholderText(tr("A folder of MIDI files (searched with its subfolders)"));
        m_epochs->setValue(20);
    } else {
        for (const QString &name : ClassifierHyperparameters::presetNames())
            m_preset->addItem(name, name);
        m_preset->setToolTip(tr("default: semitone-band input, a small CNN, Adam (the shipped model's settings); paper: MFCC input and Adadelta, as in the seed paper"));
        m_data->setToolTip(tr("A folder with chopin/ and other/ subfolders (or one folder per composer, Chopin/ among them) of audio or MIDI files"));
        m_data->setPlaceholderText(tr("A folder with chopin/ and other/ subfolders"));
        m_epochs->setValue(30);
    }
    // The composer learns from Chopin's music alone, the classifier from his and others': a
    // folder fit for one is wrong for the other, so each task keeps its own.
    m_data->setText(QSettings().value(dataSettingsKey(task()), defaultDataDir(task())).toString());
    m_form->setRowVisible(m_features, !composer);
    m_form->setRowVisible(m_learningRate, composer);
    m_form->setRowVisible(m_batch, composer);
    m_output->setText(QStringLiteral("%1/%2-%3.pt").arg(DataPaths::userModelDir(), composer ? QStringLiteral("composer") : QStringLiteral("classifier"),
                                                         QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm"))));
    m_charts->setChartTitle(composer ? tr("Loss (nats per event) by epoch") : tr("Loss (nats per clip), accuracy and ROC AUC by epoch"));
    m_useModel->setText(composer ? tr("Use in Compose") : tr("Use in Classify"));
    m_useModel->setToolTip(composer ? tr("Make the model just trained the one Compose writes with")
                                    : tr("Make the model just trained the one Classify listens with"));
    showShippedMetrics();
}

void TrainingPanel::showShippedMetrics()
{
    const bool composer = task() == TrainingTask::Composer;
    const QString shipped = DataPaths::shippedModel(composer ? QStringLiteral("composer-default.pt") : QStringLiteral("classifier-default.pt"));
    if (shipped.isEmpty()) {
        m_shipped->setText(tr("No shipped model to compare with."));
        return;
    }
    // Loading takes a moment off the UI thread; a result for the task no longer chosen (the
    // task was switched meanwhile) is dropped, so the label always speaks of the chosen task.
    const TrainingTask forTask = task();
    if (!composer) {
        auto *watcher = new QFutureWatcher<QString>(this);
        connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, forTask] {
            if (task() == forTask)
                m_shipped->setText(watcher->result());
            watcher->deleteLater();
        });
        watcher->setFuture(QtConcurrent::run([shipped] {
            auto model = ClassifierModel::load(shipped);
            if (!model)
                return tr("Shipped model: %1").arg(model.error().toString());
            // The figures its training run printed for its kept epoch, to set beside this run's log.
            QStringList parts;
            const QJsonObject info = model.value()->info();
            const std::pair<const char *, QString> keys[] = {
                {"validation_piece_auc", tr("piece ROC AUC %1")},
                {"validation_piece_accuracy", tr("piece accuracy %1")},
                {"validation_clip_accuracy", tr("clip accuracy %1")},
            };
            for (const auto &[key, text] : keys)
                if (info.value(QLatin1String(key)).isDouble())
                    parts << text.arg(decimal(info.value(QLatin1String(key)).toDouble(), 3));
            return parts.isEmpty() ? tr("Shipped default classifier: no validation metrics recorded.")
                                   : tr("For comparison, the shipped default classifier at its kept epoch: validation %1.")
                                         .arg(parts.join(QStringLiteral(", ")));
        }));
        return;
    }
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, forTask] {
        if (task() == forTask)
            m_shipped->setText(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run([shipped] {
        auto model = ComposerModel::load(shipped);
        if (!model)
            return tr("Shipped model: %1").arg(model.error().toString());
        const double nats = model.value()->info().value(QStringLiteral("validation_nats_per_event")).toDouble(-1);
        return nats < 0 ? tr("Shipped default model: no validation loss recorded.")
                        : tr("For comparison, the shipped default model: validation loss %1 nats/event (%2 bits) on its own held-out Chopin pieces.")
                              .arg(decimal(nats, 3)).arg(decimal(nats / 0.6931471805599453, 3));
    }));
}

void TrainingPanel::setDataDir(const QString &dir)
{
    m_data->setText(dir);
    rememberDataDir();
}

QString TrainingPanel::dataDir() const { return m_data->text(); }

void TrainingPanel::rememberDataDir() { QSettings().setValue(dataSettingsKey(task()), m_data->text()); }

QString TrainingPanel::dataSettingsKey(TrainingTask task)
{
    return task == TrainingTask::Composer ? QStringLiteral("training/data") : QStringLiteral("training/classifierData");
}

QString TrainingPanel::defaultDataDir(TrainingTask task)
{
    const QString pianoMidi = DataPaths::pianoMidiDir();
    if (pianoMidi.isEmpty())
        return {};
    // The composer: Chopin's pieces; the classifier: one folder per composer, Chopin/ among them.
    return pianoMidi + (task == TrainingTask::Composer ? QStringLiteral("/midis/Chopin") : QStringLiteral("/midis"));
}

void TrainingPanel::setOutputPath(const QString &path) { m_output->setText(path); }

QString TrainingPanel::outputPath() const { return m_output->text(); }
void TrainingPanel::setPreset(const QString &preset) { m_preset->setCurrentIndex(m_preset->findData(preset)); }
void TrainingPanel::setEpochs(int epochs) { m_epochs->setValue(epochs); }
void TrainingPanel::setBatchSize(int batch) { m_batch->setValue(batch); }

QString TrainingPanel::log() const { return m_log->toPlainText(); }

void TrainingPanel::appendLog(const QString &line)
{
    m_log->appendPlainText(QStringLiteral("[%1] %2").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), line));
}

void TrainingPanel::setState(State state)
{
    m_state = state;
    const bool busy = state == State::Running || state == State::Pausing || state == State::Stopping;
    m_start->setEnabled(state == State::Idle);
    m_pause->setEnabled(state == State::Running);
    m_resume->setEnabled(state == State::Paused);
    m_stop->setEnabled(state == State::Running || state == State::Paused);
    for (QWidget *w : std::initializer_list<QWidget *>{m_task, m_data, m_browse, m_preset, m_features, m_epochs, m_minutes, m_learningRate, m_batch, m_device, m_output, m_chooseOutput})
        w->setEnabled(!busy && state != State::Paused);
    Q_EMIT stateChanged(state);
}

TrainingRequest TrainingPanel::requestFromForm() const
{
    TrainingRequest r;
    r.task = task();
    ClassifierJob &c = r.classifier;
    c.dataDir = m_data->text();
    c.outPath = m_output->text();
    c.preset = m_preset->currentData().toString();
    c.features = m_features->currentData().toString();
    c.device = m_device->currentData().toString();
    c.epochs = m_epochs->value();
    c.minutes = m_minutes->value();
    c.maxPieces = m_maxPieces;
    ComposerTrainingOptions &o = r.composer;
    o.dataDir = m_data->text();
    o.outPath = m_output->text();
    if (m_preset->currentData().toString() == QLatin1String(kContinueShipped))
        o.initPath = DataPaths::shippedModel(QStringLiteral("composer-default.pt"));  // its size is used
    else if (auto h = ComposerHyperparameters::fromPreset(m_preset->currentData().toString()))
        o.hyper = *h;
    if (m_hiddenOverride > 0) {
        o.hyper.hidden = m_hiddenOverride;
        o.hyper.embedding = std::min(o.hyper.embedding, m_hiddenOverride);
        o.hyper.denseSize = std::min(o.hyper.denseSize, m_hiddenOverride);
    }
    o.maxEpochs = m_epochs->value();
    o.maxMinutes = m_minutes->value();
    o.learningRate = m_learningRate->value();
    o.batchSize = m_batch->value();
    o.device = m_device->currentData().toString();
    o.reportEverySteps = 2;
    return r;
}

void TrainingPanel::rememberRun(bool running)
{
    QSettings settings;
    settings.beginGroup(QLatin1String(kRunGroup));
    settings.setValue(QStringLiteral("running"), running);
    settings.setValue(QStringLiteral("task"), m_current.task == TrainingTask::Composer ? QStringLiteral("composer") : QStringLiteral("classifier"));
    settings.setValue(QStringLiteral("model"), m_current.outPath());
    settings.setValue(QStringLiteral("data"), m_current.dataDir());
    settings.setValue(QStringLiteral("preset"), m_current.classifier.preset);
    settings.setValue(QStringLiteral("features"), m_current.classifier.features);
    settings.setValue(QStringLiteral("maxPieces"), m_current.classifier.maxPieces);
    // The checkpoint holds the network and training settings; the run's limits live here.
    settings.setValue(QStringLiteral("epochs"), m_current.composer.maxEpochs);
    settings.setValue(QStringLiteral("minutes"), m_current.composer.maxMinutes);
    settings.setValue(QStringLiteral("device"), m_current.composer.device);
    settings.setValue(QStringLiteral("reportEverySteps"), m_current.composer.reportEverySteps);
    settings.endGroup();
    settings.sync();
}

void TrainingPanel::launch(const TrainingRequest &request)
{
    m_current = request;
    m_cancel->reset();
    rememberRun(true);
    setState(State::Running);
    QMetaObject::invokeMethod(m_worker, "run", Qt::QueuedConnection, Q_ARG(aichopin::TrainingRequest, request));
}

void TrainingPanel::start()
{
    if (m_state != State::Idle)
        return;
    TrainingRequest request = requestFromForm();
    const QFileInfo data(request.dataDir());
    if (!data.isDir()) {
        m_result->setText(request.dataDir().isEmpty() ? tr("Choose a folder of music to train on.")
                          : !data.exists()         ? tr("The data folder %1 does not exist; choose a folder of music to train on.").arg(request.dataDir())
                                                   : tr("%1 is a file, not a folder; choose the folder of music that holds it.").arg(request.dataDir()));
        appendLog(m_result->text());
        return;
    }
    if (request.outPath().isEmpty()) {
        m_result->setText(tr("Choose where to save the model."));
        return;
    }
    m_charts->clear();
    m_result->clear();
    m_useModel->setEnabled(false);
    m_progress->setValue(0);
    m_progress->setFormat(tr("Starting"));
    appendLog(tr("Training the %1 (%2) on %3 (%4, %5)").arg(m_task->currentText(), m_preset->currentText(), request.dataDir(), m_device->currentText(),
                                                            QFileInfo(request.outPath()).fileName()));
    launch(request);
}

void TrainingPanel::pause()
{
    if (m_state != State::Running)
        return;
    setState(State::Pausing);
    m_cancel->cancel();
}

void TrainingPanel::resume()
{
    if (m_state != State::Paused)
        return;
    TrainingRequest request = m_current;
    request.composer.resumePath = request.composer.outPath;
    request.composer.initPath.clear();  // the checkpoint holds the weights now
    request.classifier.resumePath = request.classifier.outPath;
    appendLog(tr("Resuming from the checkpoint"));
    m_progress->setFormat(tr("Resuming at %p% of the run"));
    launch(request);
}

void TrainingPanel::stop()
{
    if (m_state == State::Paused) {
        appendLog(tr("Stopped while paused. The best model so far is in %1.").arg(m_current.outPath()));
        m_progress->setFormat(tr("Stopped at %p% of the run"));
        m_lastModel = QFileInfo::exists(m_current.outPath()) ? m_current.outPath() : QString();
        m_useModel->setEnabled(!m_lastModel.isEmpty());
        rememberRun(false);
        setState(State::Idle);
        return;
    }
    if (m_state != State::Running)
        return;
    setState(State::Stopping);
    m_cancel->cancel();
}

void TrainingPanel::resumeInterrupted()
{
    if (m_interrupted.isEmpty() || m_state != State::Idle)
        return;
    QSettings settings;
    settings.beginGroup(QLatin1String(kRunGroup));
    TrainingRequest request;
    if (settings.value(QStringLiteral("task")).toString() == QLatin1String("classifier")) {
        request.task = TrainingTask::Classifier;
        request.classifier.outPath = m_interrupted;
        request.classifier.resumePath = m_interrupted;
        request.classifier.dataDir = settings.value(QStringLiteral("data")).toString();
        request.classifier.preset = settings.value(QStringLiteral("preset"), QStringLiteral("default")).toString();
        request.classifier.features = settings.value(QStringLiteral("features")).toString();
        request.classifier.epochs = settings.value(QStringLiteral("epochs"), 30).toInt();
        request.classifier.minutes = settings.value(QStringLiteral("minutes"), 0.0).toDouble();
        request.classifier.device = settings.value(QStringLiteral("device"), QStringLiteral("auto")).toString();
        request.classifier.maxPieces = settings.value(QStringLiteral("maxPieces"), 0).toInt();
    }
    request.composer.outPath = m_interrupted;
    request.composer.resumePath = m_interrupted;
    request.composer.dataDir = settings.value(QStringLiteral("data")).toString();
    request.composer.maxEpochs = settings.value(QStringLiteral("epochs"), request.composer.maxEpochs).toInt();
    request.composer.maxMinutes = settings.value(QStringLiteral("minutes"), 0.0).toDouble();
    request.composer.device = settings.value(QStringLiteral("device"), QStringLiteral("auto")).toString();
    request.composer.reportEverySteps = settings.value(QStringLiteral("reportEverySteps"), 2).toInt();
    settings.endGroup();
    m_resumeBanner->hide();
    appendLog(tr("Resuming the interrupted run %1").arg(m_interrupted));
    m_interrupted.clear();
    m_charts->clear();
    m_progress->setValue(0);
    m_progress->setFormat(tr("Resuming"));
    launch(request);
}

void TrainingPanel::discardInterrupted()
{
    m_interrupted.clear();
    m_resumeBanner->hide();
    QSettings settings;
    settings.setValue(QStringLiteral("%1/running").arg(QLatin1String(kRunGroup)), false);
}

}  // namespace aichopin
