// The Training panel runs a tiny composer training for real: charts receive points, the log
// reports epochs, pause/resume continues the run, and a run interrupted by closing the app is
// offered for resumption at the next start.

#include "classifier/ClassifierModel.h"
#include "common/ComputeDevice.h"
#include "common/DataPaths.h"
#include "composer/ComposerModel.h"
#include "main/Translations.h"
#include "pianoroll/PianoRollModel.h"
#include "support/TestAudio.h"
#include "support/TinyComposer.h"
#include "training/TrainingCharts.h"
#include "training/TrainingPanel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QDir>
#include <QFileDialog>
#include <QTimer>
#include <QSettings>
#include <QStandardPaths>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace aichopin;

namespace {
// A labelled folder of `perClass` 12-second sine recordings in chopin/ and in other/ (low and high
// tones), under `dir`. Returns false when a file cannot be written.
bool writeLabelledFolder(const QString &dir, int perClass)
{
    bool ok = QDir().mkpath(dir + "/chopin") && QDir().mkpath(dir + "/other");
    for (int i = 0; i < perClass; ++i) {
        ok = ok && test::writeSineWav(QStringLiteral("%1/chopin/c%2.wav").arg(dir).arg(i), 12.0, 220.0 + 10 * i);
        ok = ok && test::writeSineWav(QStringLiteral("%1/other/o%2.wav").arg(dir).arg(i), 12.0, 1760.0 + 40 * i);
    }
    return ok;
}
}  // namespace

class TestTrainingPanel : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_data;

    void configure(TrainingPanel &panel, const QString &model, int epochs)
    {
        panel.setDataDir(m_data);
        panel.setOutputPath(model);
        panel.setPreset(QStringLiteral("default"));
        panel.setHiddenOverride(16);
        panel.setEpochs(epochs);
        panel.setBatchSize(2);
    }

private Q_SLOTS:
    void epochAxisIsLabelledAtWholeEpochs()
    {
        TrainingCharts charts;
        QCOMPARE(charts.epochAxisEnd(), 1.0);
        QCOMPARE(charts.epochTickInterval(), 1.0);
        const auto epochs = [&](int last) {
            for (int e = 1; e <= last; ++e) {
                TrainingEpoch epoch;
                epoch.epoch = e;
                epoch.maxEpochs = last;
                epoch.trainLoss = 3.0 - 0.01 * e;
                epoch.validationLoss = 3.1 - 0.01 * e;
                charts.addEpoch(epoch);
            }
            charts.flush();
        };
        epochs(3);  // 0, 1, 2, 3: not 0.75, 1.50, 2.25
        QCOMPARE(charts.epochAxisEnd(), 3.0);
        QCOMPARE(charts.epochTickInterval(), 1.0);
        charts.clear();
        epochs(40);
        QCOMPARE(charts.epochTickInterval(), 5.0);
        charts.clear();
        epochs(200);
        QCOMPARE(charts.epochAxisEnd(), 200.0);
        QCOMPARE(charts.epochTickInterval(), 50.0);
    }

    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);  // the clip cache goes to a test location
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath("settings"));
        QCoreApplication::setOrganizationName(QStringLiteral("aichopin-test"));
        Translations::install(QLocale(QLocale::English, QLocale::UnitedStates));  // as the app does: "2 epochs"
        // The tiny composer helper writes three small pieces into <dir>/data.
        QVERIFY(!test::trainTinyComposer(m_dir.filePath("seed")).isEmpty());
        m_data = m_dir.filePath("seed/data");
    }

    void init()
    {
        // Each test starts as at a first start: the composer task, the automatic device.
        QSettings settings;
        settings.remove(QStringLiteral("training/task"));
        settings.remove(QStringLiteral("training/device"));
    }

    void taskAndDeviceAreRememberedForTheNextStart()
    {
        {
            TrainingPanel first;
            QCOMPARE(first.task(), TrainingTask::Composer);
            auto *device = first.findChild<QComboBox *>(QStringLiteral("trainingDevice"));
            QVERIFY(device);
            QCOMPARE(device->currentData().toString(), QStringLiteral("auto"));
            first.setTask(TrainingTask::Classifier);
            device->setCurrentIndex(device->findData(QStringLiteral("cpu")));
        }
        {
            TrainingPanel next;
            QCOMPARE(next.task(), TrainingTask::Classifier);
            QCOMPARE(next.findChild<QComboBox *>(QStringLiteral("trainingDevice"))->currentData().toString(), QStringLiteral("cpu"));
            QVERIFY(next.findChild<QComboBox *>(QStringLiteral("classifierInput"))->isVisibleTo(&next));
            next.setTask(TrainingTask::Composer);
        }
        TrainingPanel again;
        QCOMPARE(again.task(), TrainingTask::Composer);
        // A CUDA choice from another build or machine is not kept where CUDA is not found.
        QSettings().setValue(QStringLiteral("training/device"), QStringLiteral("cuda"));
        TrainingPanel noGpu;
        QCOMPARE(noGpu.findChild<QComboBox *>(QStringLiteral("trainingDevice"))->currentData().toString(),
                 ComputeDevice::cudaAvailable() ? QStringLiteral("cuda") : QStringLiteral("auto"));
    }

    // The composer learns from Chopin's pieces, the classifier from a folder of both classes: the
    // form keeps a folder for each task, across task switches and sessions, typed or browsed.
    void eachTaskKeepsItsOwnDataFolder()
    {
        const QString composerData = m_dir.filePath("composer-data");
        const QString classifierData = m_dir.filePath("classifier-data");
        {
            TrainingPanel panel;
            panel.setTask(TrainingTask::Composer);
            panel.setDataDir(composerData);
            panel.setTask(TrainingTask::Classifier);
            QVERIFY2(panel.dataDir() != composerData, qPrintable(panel.dataDir()));
            if (!DataPaths::pianoMidiDir().isEmpty())  // one folder per composer, Chopin/ among them
                QCOMPARE(panel.dataDir(), DataPaths::pianoMidiDir() + "/midis");
            auto *field = panel.findChild<QLineEdit *>(QStringLiteral("trainingData"));
            QVERIFY(field);
            field->setText(classifierData);  // typed, then the field is left
            Q_EMIT field->editingFinished();
            panel.setTask(TrainingTask::Composer);
            QCOMPARE(panel.dataDir(), composerData);
            panel.setTask(TrainingTask::Classifier);
            QCOMPARE(panel.dataDir(), classifierData);
        }
        TrainingPanel again;
        again.setTask(TrainingTask::Composer);
        QCOMPARE(again.dataDir(), composerData);
        again.setTask(TrainingTask::Classifier);
        QCOMPARE(again.dataDir(), classifierData);
    }

    void tinyTrainingFillsTheCharts()
    {
        TrainingPanel panel;
        panel.resize(1100, 700);
        panel.show();
        const QString model = m_dir.filePath("a.pt");
        configure(panel, model, 2);
        auto *progress = panel.findChild<QProgressBar *>();
        QVERIFY(progress);
        QCOMPARE(progress->text(), QStringLiteral("Not started"));  // shown: the bar has a value
        QSignalSpy finished(&panel, &TrainingPanel::finished);
        panel.start();
        QCOMPARE(panel.state(), TrainingPanel::State::Running);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 120000);
        panel.charts()->flush();
        QVERIFY(panel.charts()->stepPointCount() > 0);
        QCOMPARE(panel.charts()->epochPointCount(), 2);
        QVERIFY(panel.log().contains("Epoch 1/2"));
        QVERIFY(panel.log().contains("Epoch 2/2"));
        // The device in the words of the Device choice ("cpu" was the library's own name).
        QVERIFY2(panel.log().contains(ComputeDevice::cudaAvailable() ? " on the CUDA GPU" : " on the CPU"), qPrintable(panel.log()));
        QCOMPARE(panel.lastModel(), model);
        QVERIFY(QFileInfo::exists(model));
        QCOMPARE(panel.state(), TrainingPanel::State::Idle);
        QCOMPARE(progress->text(), QStringLiteral("Finished"));
        QCOMPARE(progress->value(), 1000);

        QSignalSpy use(&panel, &TrainingPanel::useComposerModel);
        auto buttons = panel.findChildren<QPushButton *>();
        for (QPushButton *b : buttons)
            if (b->text() == "Use in Compose") {
                QVERIFY(b->isEnabled());
                b->click();
            }
        QCOMPARE(use.size(), 1);
        QCOMPARE(use[0][0].toString(), model);
    }

    // "the shipped composer, continued": its network, at a smaller learning rate, goes on
    // learning from the folder, and the model says where it started.
    void continuesTheShippedComposer()
    {
        const QString shipped = DataPaths::shippedModel(QStringLiteral("composer-default.pt"));
        if (shipped.isEmpty())
            QSKIP("no shipped composer-default.pt in the resource folder");
        const auto start = ComposerModel::load(shipped);
        QVERIFY(start.ok());
        TrainingPanel panel;
        const QString model = m_dir.filePath("continued.pt");
        configure(panel, model, 1);
        auto *rate = panel.findChild<QDoubleSpinBox *>(QStringLiteral("learningRate"));
        QVERIFY(rate);
        QCOMPARE(rate->value(), 0.002);
        panel.setPreset(QStringLiteral("shipped"));
        QCOMPARE(rate->value(), 0.0005);
        QSignalSpy finished(&panel, &TrainingPanel::finished);
        panel.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 120000);
        QVERIFY2(QFileInfo::exists(model), qPrintable(panel.log()));
        QVERIFY2(panel.log().contains("Before this training, the model it started from scored "), qPrintable(panel.log()));
        const auto m = ComposerModel::load(model);
        QVERIFY2(m.ok(), qPrintable(m.ok() ? QString() : m.error().toString()));
        QCOMPARE(m.value()->info().value(QStringLiteral("initialised_from")).toObject().value(QStringLiteral("file")).toString(),
                 QStringLiteral("composer-default.pt"));
        // The shipped network's size, not the panel's tiny test override.
        QCOMPARE(m.value()->hyperparameters().hidden, start.value()->hyperparameters().hidden);
        QCOMPARE(m.value()->hyperparameters().layers, start.value()->hyperparameters().layers);
        // Back to a preset: a new network's rate.
        panel.setPreset(QStringLiteral("default"));
        QCOMPARE(rate->value(), 0.002);
        // A rate of one's own survives a look at the classifier task and back.
        rate->setValue(0.001);
        panel.setTask(TrainingTask::Classifier);
        panel.setTask(TrainingTask::Composer);
        QCOMPARE(rate->value(), 0.001);
    }

    // Save as has its own Browse...: the file chosen becomes a .pt model path; it cannot be
    // changed while a run writes to it.
    void saveAsIsChosenInAFileDialog()
    {
        TrainingPanel panel;
        panel.show();
        auto *choose = panel.findChild<QPushButton *>(QStringLiteral("chooseModelFile"));
        QVERIFY(choose);
        const QString chosen = m_dir.filePath("my-nocturnes");
        bool answered = false;
        QTimer::singleShot(0, [&] {
            auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QCOMPARE(dialog->acceptMode(), QFileDialog::AcceptSave);
            dialog->selectFile(chosen);
            static_cast<QDialog *>(dialog)->accept();  // QFileDialog's own is protected; it is what runs
            answered = true;
        });
        choose->click();
        QVERIFY(answered);
        QCOMPARE(panel.outputPath(), chosen + ".pt");

        configure(panel, m_dir.filePath("c.pt"), 1);
        panel.start();
        QVERIFY(!choose->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(panel.state(), TrainingPanel::State::Idle, 120000);
        QVERIFY(choose->isEnabled());
    }

    void pauseAndResume()
    {
        TrainingPanel panel;
        const QString model = m_dir.filePath("b.pt");
        configure(panel, model, 3);
        QSignalSpy finished(&panel, &TrainingPanel::finished);
        panel.start();
        QTRY_VERIFY_WITH_TIMEOUT(panel.log().contains("Epoch 1/3"), 60000);
        panel.pause();
        QTRY_COMPARE_WITH_TIMEOUT(panel.state(), TrainingPanel::State::Paused, 30000);
        QVERIFY(QFileInfo::exists(model + ".ckpt"));
        QVERIFY2(panel.findChild<QProgressBar *>()->text().startsWith("Paused at "), qPrintable(panel.findChild<QProgressBar *>()->text()));
        QCOMPARE(finished.size(), 0);
        panel.resume();
        QCOMPARE(panel.state(), TrainingPanel::State::Running);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 120000);
        QVERIFY(panel.log().contains("Epoch 3/3"));
        QVERIFY(!panel.log().contains("Epoch 4/3"));
    }

    void classifierTrainingFromThePanel()
    {
        const QString data = m_dir.filePath("labelled");
        QVERIFY(writeLabelledFolder(data, 3));
        TrainingPanel panel;
        panel.show();
        panel.setTask(TrainingTask::Classifier);
        // The shipped classifier's own validation figures, named, to compare this run's log with.
        if (!DataPaths::shippedModel(QStringLiteral("classifier-default.pt")).isEmpty()) {
            auto *shipped = panel.findChild<QLabel *>(QStringLiteral("shippedMetrics"));
            QVERIFY(shipped);
            QTRY_VERIFY2(shipped->text().contains(QStringLiteral("piece ROC AUC 0.")), qPrintable(shipped->text()));
            QVERIFY2(shipped->text().contains(QStringLiteral("piece accuracy 0.")), qPrintable(shipped->text()));
        }
        panel.setDataDir(data);
        const QString model = m_dir.filePath("classifier.pt");
        panel.setOutputPath(model);
        panel.setEpochs(2);
        // The input is chosen in the form: semitone bands here, not the preset's log-mel.
        auto *input = panel.findChild<QComboBox *>(QStringLiteral("classifierInput"));
        QVERIFY(input && input->isVisibleTo(&panel));
        input->setCurrentIndex(input->findData(QStringLiteral("pitch")));
        QSignalSpy finished(&panel, &TrainingPanel::finished);
        QSignalSpy use(&panel, &TrainingPanel::useClassifierModel);
        panel.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 240000);
        panel.charts()->flush();
        QCOMPARE(panel.charts()->epochPointCount(), 2);
        QVERIFY2(panel.log().contains("piece accuracy"), qPrintable(panel.log()));
        // The validation pieces hold both classes, so each epoch has a piece ROC AUC (which picks the kept epoch).
        QCOMPARE(panel.charts()->aucPointCount(), 2);
        QVERIFY2(panel.log().contains("piece ROC AUC"), qPrintable(panel.log()));
        QVERIFY(QFileInfo::exists(model));
        const auto trained = ClassifierModel::load(model);
        QVERIFY(trained);
        QCOMPARE(trained.value()->features().kind, ClassifierFeatureKind::Pitch);
        QCOMPARE(trained.value()->features().bins(), 96);
        // The decision was set from the validation pieces heard as they are, in a room and in a hall.
        QVERIFY2(panel.log().contains("heard as they are, in a room and in a hall"), qPrintable(panel.log()));
        // The epochs' figures are at even odds; the summary's say they are at the decision set.
        QVERIFY2(panel.log().contains("Validation at the calibrated decision: piece accuracy"), qPrintable(panel.log()));
        const QString from = trained.value()->info().value(QStringLiteral("decision_bias_from")).toString();
        QVERIFY2(from.contains(QStringLiteral("heard in rooms none, 1.5 s:6 dB, 2.2 s:0 dB")), qPrintable(from));
        for (QPushButton *b : panel.findChildren<QPushButton *>())
            if (b->text() == "Use in Classify")
                b->click();
        QCOMPARE(use.size(), 1);
        // Its accuracy curves go with it: the next run (a composer's, say) starts without them.
        QVERIFY(panel.charts()->showsAccuracy());
        QCOMPARE(panel.charts()->stepPointCount(), 0);  // no batch losses: the epochs' are drawn
        panel.charts()->clear();
        QVERIFY(!panel.charts()->showsAccuracy());
    }

    // Two pieces a class: none can be held out, and the panel says so instead of showing
    // validation figures of 0.
    void classifierTrainingWithoutValidationPieces()
    {
        const QString data = m_dir.filePath("few");
        QVERIFY(writeLabelledFolder(data, 2));
        TrainingPanel panel;
        // The chart names the loss of the task chosen.
        panel.setTask(TrainingTask::Classifier);
        QVERIFY2(panel.charts()->chartTitle().contains(QStringLiteral("per clip")), qPrintable(panel.charts()->chartTitle()));
        panel.setTask(TrainingTask::Composer);
        QVERIFY2(panel.charts()->chartTitle().contains(QStringLiteral("per event")), qPrintable(panel.charts()->chartTitle()));
        panel.setTask(TrainingTask::Classifier);
        panel.setDataDir(data);
        panel.setOutputPath(m_dir.filePath("few.pt"));
        panel.setEpochs(2);
        QSignalSpy finished(&panel, &TrainingPanel::finished);
        panel.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 240000);
        panel.charts()->flush();
        QCOMPARE(panel.charts()->trainingEpochPointCount(), 2);
        QCOMPARE(panel.charts()->epochPointCount(), 0);
        QCOMPARE(panel.charts()->aucPointCount(), 0);
        QVERIFY2(panel.log().contains("Epoch 2/2: loss") && panel.log().contains("no validation pieces"), qPrintable(panel.log()));
        QVERIFY2(!panel.log().contains("validation piece accuracy"), qPrintable(panel.log()));
        QVERIFY2(panel.log().contains("no piece was held out") && panel.log().contains("Trained 2 epochs on "), qPrintable(panel.log()));
        // A run of seconds says so (not "0.0 min").
        static const QRegularExpression seconds(QStringLiteral("clips in \\d+ s on "));
        QVERIFY2(panel.log().contains(seconds), qPrintable(panel.log()));
        QVERIFY(QFileInfo::exists(m_dir.filePath("few.pt")));
    }

    void interruptedRunIsOfferedAtNextStart()
    {
        const QString model = m_dir.filePath("c.pt");
        {
            TrainingPanel panel;
            configure(panel, model, 4);
            panel.start();
            QTRY_VERIFY_WITH_TIMEOUT(panel.log().contains("Epoch 1/4"), 60000);
        }  // the app closes mid-run
        QVERIFY(QFileInfo::exists(model + ".ckpt"));
        TrainingPanel next;
        QCOMPARE(next.interruptedRun(), model);
        QSignalSpy finished(&next, &TrainingPanel::finished);
        next.resumeInterrupted();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 120000);
        QVERIFY2(next.log().contains("Epoch 4/4"), qPrintable(next.log()));
        TrainingPanel after;
        QVERIFY(after.interruptedRun().isEmpty());
    }
};

QTEST_MAIN(TestTrainingPanel)
#include "TestTrainingPanel.moc"
