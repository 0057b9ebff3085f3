// The Classify area as a user meets it: with no usable model it says why and queues nothing;
// with a tiny model trained here (low tones are "Chopin", high tones "Other") files and
// folders dropped through real drop events get rows with a verdict, a P(Chopin) bar and a
// duration, a broken file gets an error row while the others carry on, selecting a row fills
// the P(Chopin) chart and the spectrogram on one time axis with the occlusion overlay, clicks
// seek, Play moves the playhead, and the results export as parseable JSON and CSV.
#include "support/DropFiles.h"
#include "support/TonesClassifier.h"
#include "classifier/ClassifierModel.h"
#include "classifier/ClassifierTrainer.h"
#include "classifier/ClipStream.h"
#include "classify/ClassifyDropZone.h"
#include "classify/ClassifyPanel.h"
#include "classify/ClassifyResultsModel.h"
#include "classify/ClassifyRowActions.h"
#include "classify/ClassifyTimelineChart.h"
#include "classify/ListeningMap.h"
#include "main/MainWindow.h"
#include "main/Translations.h"
#include "midi/SmfWriter.h"
#include "sound/SoundfontLocator.h"
#include "sound/WavWriter.h"
#include "spectrogram/SpectrogramPanel.h"
#include "spectrogram/SpectrogramView.h"

#include <QCategoryAxis>
#include <QChart>
#include <QCheckBox>
#include <QDir>
#include <QJsonArray>
#include <QLabel>
#include <QMenu>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineSeries>
#include <QMimeData>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QValueAxis>
#include <QtTest>

#include <cmath>
#include <random>

using namespace aichopin;
using aichopin::test::tones;
using aichopin::test::writeTones;

namespace {
void drop(QWidget *target, const QStringList &paths)
{
    QVERIFY(test::dropFiles(target, paths));
}

int rowNamed(const ClassifyResultsModel *m, const QString &name)
{
    for (int i = 0; i < m->rowCount(); ++i)
        if (m->data(m->index(i, ClassifyResultsModel::FileColumn), Qt::DisplayRole).toString() == name)
            return i;
    return -1;
}

QString cell(const ClassifyResultsModel *m, int row, int column)
{
    return m->data(m->index(row, column), Qt::DisplayRole).toString();
}
}  // namespace

class TestClassifyPanel : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_model;
    bool m_midi = false;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // Shown at a usable size, with the tones model loaded.
    void showReady(ClassifyPanel &panel)
    {
        panel.resize(1100, 760);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.setModelPath(m_model);
        QTRY_COMPARE(panel.modelState(), ClassifyPanel::ModelState::Ready);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("aichopin-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("TestClassifyPanel"));
        Translations::install(QLocale(QLocale::English, QLocale::UnitedStates));  // as the app does: "1 clip", "2 clips"
        m_model = path(QStringLiteral("tones.pt"));
        const auto trained = test::trainTonesModel(m_model);
        QVERIFY2(trained.ok(), qPrintable(trained.ok() ? QString() : trained.error().message));

        QVERIFY(writeTones(path(QStringLiteral("low.wav")), 3.0, true, 1000));
        QVERIFY(writeTones(path(QStringLiteral("high.wav")), 3.0, false, 1001));
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("folder/deeper")));
        QVERIFY(writeTones(path(QStringLiteral("folder/deeper/low2.wav")), 2.0, true, 1002));
        QFile notes(path(QStringLiteral("folder/notes.txt")));  // not classifiable: skipped
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write("hello");
        notes.close();
        QFile broken(path(QStringLiteral("broken.mp3")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write(QByteArray(4000, '\x5a'));
        broken.close();
        // A short MIDI file, rendered through FluidSynth by the classifier (needs a soundfont).
        m_midi = SoundfontLocator::find().ok();
        if (m_midi) {
            NoteSequence seq;
            for (int i = 0; i < 8; ++i)
                seq.notes.push_back(Note{48 + (i % 5) * 2, i * 0.25, 0.5, 0, 0, 90, 0, 0});
            QVERIFY(SmfWriter::writeFile(seq, path(QStringLiteral("piece.mid"))).ok());
        }
    }

    void droppedFolderIsListedInNumberOrder()
    {
        // A folder of takes is queued as a file manager lists it: take 9 before take 10. AIFF
        // and a filmed performance count as recordings; text does not.
        QTemporaryDir dir;
        for (const char *name : {"take 10.wav", "take 9.wav", "Take 1.mp3", "notes.txt", "sub/take 2.flac", "take 3.aiff", "concert.mp4"}) {
            QVERIFY(QDir(dir.path()).mkpath(QFileInfo(dir.filePath(name)).path()));
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
        }
        QStringList names;
        for (const QString &p : ClassifyDropZone::expand({dir.path()}))
            names << QDir(dir.path()).relativeFilePath(p);
        QCOMPARE(names, (QStringList{"concert.mp4", "sub/take 2.flac", "Take 1.mp3", "take 3.aiff", "take 9.wav", "take 10.wav"}));
    }

    void missingModelSaysWhyAndQueuesNothing()
    {
        ClassifyPanel panel;
        // Chosen before the default model (loading since the constructor) can report back, so
        // no working model is ever held: otherwise a bad choice keeps the default, and whether
        // it had loaded depended on timing.
        panel.setModelPath(path(QStringLiteral("no-such-model.pt")));
        panel.resize(1000, 700);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTRY_COMPARE(panel.modelState(), ClassifyPanel::ModelState::Missing);
        QVERIFY(panel.dropZone()->message().contains(QLatin1String("Nothing can be classified")));
        QVERIFY(panel.dropZone()->message().contains(QLatin1String("no-such-model.pt")));
        drop(panel.dropZone(), {path(QStringLiteral("low.wav"))});
        QCOMPARE(panel.results()->rowCount(), 0);
        QVERIFY(panel.dropZone()->message().contains(QLatin1String("Nothing can be classified")));
        // Nor calibrated: nothing to start from, and the reason.
        QSignalSpy calibrated(&panel, &ClassifyPanel::calibrationFinished);
        panel.calibrateOn(m_dir.path());
        QCOMPARE(calibrated.size(), 1);
        QVERIFY(!calibrated.first().at(0).toBool());
        QVERIFY(!panel.isCalibrating());
        QVERIFY2(panel.dropZone()->message().contains(QLatin1String("Calibrating needs a model to start from")), qPrintable(panel.dropZone()->message()));
        QVERIFY(panel.dropZone()->message().contains(QLatin1String("no-such-model.pt")));

        // Not a model at all.
        panel.setModelPath(path(QStringLiteral("low.wav")));
        QTRY_COMPARE(panel.modelState(), ClassifyPanel::ModelState::Missing);
        QVERIFY(panel.dropZone()->message().contains(QLatin1String("low.wav")));
    }

    void droppedFilesGetRowsAndDetails()
    {
        ClassifyPanel panel;
        showReady(panel);
        if (QTest::currentTestFailed())
            return;
        // Ready, the zone says what it takes: the same hint as before any model (not an older list).
        QCOMPARE(panel.dropZone()->message(), ClassifyDropZone::hint());
        QVERIFY(ClassifyDropZone::hint().contains(QLatin1String("AIFF")));

        QStringList files{path(QStringLiteral("low.wav")), path(QStringLiteral("high.wav")), path(QStringLiteral("broken.mp3")),
                          path(QStringLiteral("folder"))};
        if (m_midi)
            files << path(QStringLiteral("piece.mid"));
        // A text file dropped with them is named as left out, not silently dropped.
        QFile notes(path(QStringLiteral("liner notes.txt")));
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.close();
        files << notes.fileName();
        // Verdicts come first: each arrives with the clip contributions as its overlay and its
        // occlusion map still to come, and no map is made while a file waits for its verdict.
        int verdicts = 0, earlyMaps = 0, verdictsWithMap = 0;
        const ClassifyResultsModel *m = panel.results();
        connect(m, &QAbstractItemModel::dataChanged, &panel, [&](const QModelIndex &from) {
            const ClassifyResultsModel::Row *r = m->row(from.row());
            if (r->state == ClassifyResultsModel::State::Done && from.column() == 0) {
                ++verdicts;
                verdictsWithMap += (r->result.overlayMethod != QLatin1String("clips") || !r->mapPending) ? 1 : 0;
            }
            if (m->pendingCount() > 0)
                for (const ClassifyResultsModel::Row &other : m->rows())
                    earlyMaps += other.result.overlayMethod == QLatin1String("occlusion") ? 1 : 0;
        });
        drop(panel.dropZone(), files);
        QCOMPARE(m->rowCount(), m_midi ? 5 : 4);  // the folder gives its one WAV, not the .txt
        QCOMPARE(panel.dropZone()->message(), QStringLiteral("Left out 1 file that is not a recording or MIDI file: liner notes.txt"));
        // Dropped alone, it is refused with the reason, and nothing is queued.
        drop(panel.dropZone(), {notes.fileName()});
        QVERIFY2(panel.dropZone()->message().startsWith(QLatin1String("Nothing to classify: liner notes.txt is not a recording or MIDI file")),
                 qPrintable(panel.dropZone()->message()));
        QCOMPARE(m->rowCount(), m_midi ? 5 : 4);
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isBusy(), 60000);
        QCOMPARE(verdicts, m_midi ? 4 : 3);
        QCOMPARE(verdictsWithMap, 0);
        QCOMPARE(earlyMaps, 0);
        QCOMPARE(m->mapsPendingCount(), 0);

        const int low = rowNamed(m, QStringLiteral("low.wav")), high = rowNamed(m, QStringLiteral("high.wav"));
        const int low2 = rowNamed(m, QStringLiteral("low2.wav")), bad = rowNamed(m, QStringLiteral("broken.mp3"));
        QVERIFY(low >= 0 && high >= 0 && low2 >= 0 && bad >= 0);
        QCOMPARE(m->row(low)->result.verdict.label, QStringLiteral("Chopin"));
        QCOMPARE(m->row(low2)->result.verdict.label, QStringLiteral("Chopin"));
        QCOMPARE(m->row(high)->result.verdict.label, QStringLiteral("Other"));
        for (int r : {low, high, low2}) {
            bool isNumber = false;
            const double p = m->data(m->index(r, ClassifyResultsModel::PChopinColumn), Qt::DisplayRole).toDouble(&isNumber);
            QVERIFY(isNumber);
            QVERIFY(p >= 0.0 && p <= 1.0);
            // The verdict says when it is a close call (P(Chopin) within 0.2 of even odds).
            const QString label = m->row(r)->result.verdict.label;
            const QString shown = cell(m, r, ClassifyResultsModel::VerdictColumn);
            const QString tip = m->data(m->index(r, ClassifyResultsModel::VerdictColumn), Qt::ToolTipRole).toString();
            if (p > 0.3 && p < 0.7) {
                QCOMPARE(shown, label + QStringLiteral(" (close call)"));
                QVERIFY2(tip.contains(QStringLiteral("close to even odds")), qPrintable(tip));
            } else {
                QCOMPARE(shown, label);
                QVERIFY(!tip.contains(QStringLiteral("even odds")));
            }
        }
        // The summary counts the verdicts, the files not judged and the close calls.
        int chopin = 0, close = 0, judged = 0;
        for (const ClassifyResultsModel::Row &r : m->rows())
            if (r.state == ClassifyResultsModel::State::Done) {
                ++judged;
                chopin += r.result.verdict.pChopin >= 0.5 ? 1 : 0;
                close += ClassifyResultsModel::isCloseCall(r.result.verdict.pChopin) ? 1 : 0;
            }
        QCOMPARE(panel.findChild<QLabel *>(QStringLiteral("summary"))->text(),
                 QStringLiteral("%1 Chopin, %2 Other, 1 not judged%3").arg(chopin).arg(judged - chopin)
                     .arg(close ? QStringLiteral("; close calls: %1").arg(close) : QString()));
        QVERIFY(!ClassifyResultsModel::isCloseCall(0.3) && ClassifyResultsModel::isCloseCall(0.31));
        QVERIFY(ClassifyResultsModel::isCloseCall(0.69) && !ClassifyResultsModel::isCloseCall(0.7));
        QCOMPARE(ClassifyResultsModel::verdictText(QStringLiteral("Other"), 0.92), QStringLiteral("Other"));
        QCOMPARE(ClassifyResultsModel::verdictText(QStringLiteral("Chopin"), 0.55), QStringLiteral("Chopin (close call)"));
        QVERIFY(m->data(m->index(low, ClassifyResultsModel::PChopinColumn), Qt::DisplayRole).toDouble() > 0.5);
        QVERIFY(m->data(m->index(high, ClassifyResultsModel::PChopinColumn), Qt::DisplayRole).toDouble() < 0.5);
        QCOMPARE(cell(m, low, ClassifyResultsModel::DurationColumn), QStringLiteral("0:03"));
        QCOMPARE(cell(m, low2, ClassifyResultsModel::DurationColumn), QStringLiteral("0:02"));
        // The broken file: an error text, no number, no duration.
        QCOMPARE(m->row(bad)->state, ClassifyResultsModel::State::Failed);
        QVERIFY(!cell(m, bad, ClassifyResultsModel::VerdictColumn).isEmpty());
        QVERIFY(cell(m, bad, ClassifyResultsModel::VerdictColumn) != QStringLiteral("Other"));
        QVERIFY(!m->data(m->index(bad, ClassifyResultsModel::PChopinColumn), Qt::DisplayRole).isValid());
        if (m_midi) {
            const int midi = rowNamed(m, QStringLiteral("piece.mid"));
            QCOMPARE(m->row(midi)->state, ClassifyResultsModel::State::Done);
            QVERIFY(m->row(midi)->result.verdict.durationSeconds > 2.0);
        }

        // The bar delegate paints: the low file's cell holds the "Chopin" blue bar.
        QTableView *table = panel.table();
        const QRect pCell = table->visualRect(m->index(low, ClassifyResultsModel::PChopinColumn));
        const QImage img = table->viewport()->grab(pCell).toImage();
        int blue = 0;
        for (int y = 0; y < img.height(); ++y)
            for (int x = 0; x < img.width(); ++x) {
                const QColor c = img.pixelColor(x, y);
                blue += (std::abs(c.red() - 0x3a) < 12 && std::abs(c.green() - 0x8f) < 12 && std::abs(c.blue() - 0xd0) < 12) ? 1 : 0;
            }
        QVERIFY2(blue > 40, qPrintable(QString::number(blue)));

        // Selecting the low file by a click fills the chart and the spectrogram.
        QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::NoModifier,
                          table->visualRect(m->index(low, ClassifyResultsModel::FileColumn)).center());
        QCOMPARE(panel.selectedRow(), low);
        const ClassifyResult &res = m->row(low)->result;
        QLineSeries *series = panel.chart()->pSeries();
        QCOMPARE(series->count(), int(res.verdict.timeline.size()));
        // The detail line says what was judged: the clips from the first sound to the last.
        const QString detail = panel.findChild<QLabel *>(QStringLiteral("detailLabel"))->text();
        const int clips = int(res.verdict.timeline.size());
        QVERIFY2(detail.contains(QStringLiteral("over %1 %2 from 0:00 to 0:0").arg(clips).arg(clips == 1 ? "clip" : "clips")),
                 qPrintable(detail));
        QVERIFY2(detail.contains(QStringLiteral("overlay: occlusion of 1 s spans")), qPrintable(detail));
        QCOMPARE(res.verdict.topRestoredClips, 0);
        QVERIFY2(detail.contains(QStringLiteral("spectrogram: log-mel as the model heard it")), qPrintable(detail));
        {
            // A band-limited recording's line says the view shows the decoded bands, while the
            // network heard the empty top ones filled.
            ClassifyResult limited = m->row(low2)->result;
            limited.verdict.topRestoredClips = 2;
            ClassifyResultsModel *editable = panel.findChild<ClassifyResultsModel *>();
            QCOMPARE(editable, m);
            editable->setResult(m->row(low2)->id, limited);
            QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::NoModifier,
                              table->visualRect(m->index(low2, ClassifyResultsModel::FileColumn)).center());
            QCOMPARE(panel.selectedRow(), low2);
            const QString limitedDetail = panel.findChild<QLabel *>(QStringLiteral("detailLabel"))->text();
            QVERIFY2(limitedDetail.contains(QStringLiteral("spectrogram: log-mel as decoded (nothing was recorded in the top bands, "
                                                           "so in 2 of the clips the model heard them filled from the octaves below)")),
                     qPrintable(limitedDetail));
            QVERIFY(!limitedDetail.contains(QStringLiteral("as the model heard it")));
            QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::NoModifier,
                              table->visualRect(m->index(low, ClassifyResultsModel::FileColumn)).center());
            QCOMPARE(panel.selectedRow(), low);
        }
        QVERIFY(series->count() >= 8);
        for (const QPointF &pt : series->points())
            QVERIFY(pt.y() >= 0.0 && pt.y() <= 1.0 && pt.x() >= 0.0 && pt.x() <= 3.0);
        QVERIFY(panel.spectrogram()->data());
        QCOMPARE(panel.spectrogram()->data()->matrix.frames, res.verdict.featureFrames);
        QCOMPARE(panel.spectrogram()->data()->matrix.bins, 32);
        QCOMPARE(panel.spectrogram()->data()->kind, QStringLiteral("log-mel"));
        // One time axis: the chart shows what the spectrogram shows, also after zooming.
        auto sameAxis = [&] {
            return std::abs(panel.chart()->timeAxis()->min() - panel.spectrogram()->startSeconds()) < 1e-6
                && std::abs(panel.chart()->timeAxis()->max() - panel.spectrogram()->startSeconds()
                            - panel.spectrogram()->visibleSeconds()) < 1e-6;
        };
        QTRY_VERIFY(sameAxis());
        // Labelled as the spectrogram's ruler: "m:ss", or tenths when zoomed in below a second.
        const QStringList labels = panel.chart()->timeAxis()->categoriesLabels();
        QVERIFY2(labels.contains(QStringLiteral("0:01.0")), qPrintable(labels.join(u' ')));
        // ... and the same pixels: the spectrogram spans the chart's plot area.
        auto aligned = [&] {
            const QRectF plot = panel.chart()->chart()->plotArea();
            const QPoint l = panel.chart()->mapTo(&panel, panel.chart()->mapFromScene(plot.topLeft()));
            const QPoint r = panel.chart()->mapTo(&panel, panel.chart()->mapFromScene(plot.topRight()));
            const QWidget *vp = panel.spectrogram()->viewport();
            const int vl = vp->mapTo(&panel, QPoint(0, 0)).x();
            return std::abs(l.x() - vl) <= 3 && std::abs(r.x() - (vl + vp->width())) <= 3;
        };
        QTRY_VERIFY(aligned());
        panel.spectrogram()->setPixelsPerSecond(panel.spectrogram()->pixelsPerSecond() * 3, 1.5);
        QVERIFY(panel.spectrogram()->visibleSeconds() < 2.0);
        QVERIFY(sameAxis());
        QVERIFY2(panel.chart()->timeAxis()->categoriesLabels().contains(QStringLiteral("0:01.5")),
                 qPrintable(panel.chart()->timeAxis()->categoriesLabels().join(u' ')));
        panel.spectrogram()->fit();
        QVERIFY(sameAxis());
        // Resizing the panel keeps both in step.
        panel.resize(900, 760);
        QTRY_VERIFY(sameAxis() && aligned());
        QTRY_VERIFY(std::abs(panel.spectrogram()->visibleSeconds() - panel.spectrogram()->data()->duration()) < 0.05);

        // Where the model listened: occlusion, 0..1, and switchable.
        QCOMPARE(res.overlayMethod, QStringLiteral("occlusion"));
        QVERIFY(!res.overlay.empty());
        QVERIFY(std::all_of(res.overlay.begin(), res.overlay.end(), [](float v) { return v >= 0.0f && v <= 1.0f; }));
        QCOMPARE(*std::max_element(res.overlay.begin(), res.overlay.end()), 1.0f);
        QVERIFY(panel.spectrogram()->overlayVisible());
        QTest::mouseClick(panel.overlayCheck(), Qt::LeftButton);
        QVERIFY(!panel.spectrogram()->overlayVisible());
        QTest::mouseClick(panel.overlayCheck(), Qt::LeftButton);
        QVERIFY(panel.spectrogram()->overlayVisible());

        // Clicking the spectrogram seeks there; clicking the chart too.
        QWidget *vp = panel.spectrogram()->viewport();
        QTest::mouseClick(vp, Qt::LeftButton, Qt::NoModifier, QPoint(vp->width() / 2, vp->height() / 2));
        const double expected = panel.spectrogram()->startSeconds() + panel.spectrogram()->visibleSeconds() / 2;
        QVERIFY2(std::abs(panel.playhead() - expected) < 0.1, qPrintable(QString::number(panel.playhead())));
        const QPointF chartPoint = panel.chart()->chart()->mapToPosition(QPointF(0.75, 0.5), series);
        QTest::mouseClick(panel.chart()->viewport(), Qt::LeftButton, Qt::NoModifier,
                          panel.chart()->mapFromScene(panel.chart()->chart()->mapToScene(chartPoint)));
        QVERIFY2(std::abs(panel.playhead() - 0.75) < 0.1, qPrintable(QString::number(panel.playhead())));

        // Play moves the playhead (through the device, or silently without one), Pause holds it.
        QTest::mouseClick(panel.playButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(panel.playhead() > 1.0, 10000);
        if (panel.statusText().startsWith(QLatin1String("No audio device")))
            QVERIFY(panel.statusText().contains(QLatin1String("No audio output device")));
        QTest::mouseClick(panel.playButton(), Qt::LeftButton);
        const double held = panel.playhead();
        QTest::qWait(200);
        QCOMPARE(panel.playhead(), held);
        QVERIFY(held < 3.01);

        // A MIDI file plays through the synthesizer (or its silent clock) with the same playhead.
        if (m_midi) {
            panel.selectRow(rowNamed(m, QStringLiteral("piece.mid")));
            QVERIFY(panel.spectrogram()->data());
            QCOMPARE(panel.playhead(), 0.0);
            // A seek before the first Play is where playback starts (the synthesizer loads meanwhile).
            panel.seek(1.0);
            QTest::mouseClick(panel.playButton(), Qt::LeftButton);
            double lowest = panel.playhead();
            QElapsedTimer waited;
            waited.start();
            while (panel.playhead() <= 1.3 && waited.elapsed() < 10000) {
                QTest::qWait(10);
                lowest = std::min(lowest, panel.playhead());
            }
            QVERIFY(panel.playhead() > 1.3);
            QVERIFY2(lowest >= 0.99, qPrintable(QString::number(lowest)));
            QTest::mouseClick(panel.playButton(), Qt::LeftButton);
        }

        // Selecting the broken row shows its error and clears the views.
        panel.selectRow(bad);
        QVERIFY(!panel.spectrogram()->data());
        QCOMPARE(series->count(), 0);

        // Export.
        const QString json = path(QStringLiteral("results.json")), csv = path(QStringLiteral("results.csv"));
        QString error;
        QVERIFY2(panel.exportResults(json, &error), qPrintable(error));
        QVERIFY2(panel.exportResults(csv, &error), qPrintable(error));
        QFile jf(json);
        QVERIFY(jf.open(QIODevice::ReadOnly));
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(jf.readAll(), &parseError);
        QCOMPARE(parseError.error, QJsonParseError::NoError);
        QVERIFY(doc.isArray());
        const QJsonArray arr = doc.array();
        QCOMPARE(arr.size(), m->rowCount());
        for (const QJsonValue &v : arr) {
            const QJsonObject o = v.toObject();
            const QString file = o[QStringLiteral("file")].toString();
            QVERIFY(QFileInfo(file).isAbsolute());
            if (file.endsWith(QLatin1String("broken.mp3"))) {
                QVERIFY(!o[QStringLiteral("error")].toString().isEmpty());
                QVERIFY(o[QStringLiteral("p_chopin")].isNull());
            } else {
                QVERIFY(o[QStringLiteral("error")].isNull());
                const double p = o[QStringLiteral("p_chopin")].toDouble(-1);
                QVERIFY(p >= 0 && p <= 1);
                QVERIFY(o[QStringLiteral("label")].toString() == QLatin1String("Chopin")
                        || o[QStringLiteral("label")].toString() == QLatin1String("Other"));
                QVERIFY(o[QStringLiteral("duration")].toDouble() > 1.5);
                const QJsonArray tl = o[QStringLiteral("timeline")].toArray();
                QVERIFY(!tl.isEmpty());
                QVERIFY(tl[0].toObject().contains(QStringLiteral("start")) && tl[0].toObject().contains(QStringLiteral("p_chopin")));
            }
        }
        QFile cf(csv);
        QVERIFY(cf.open(QIODevice::ReadOnly | QIODevice::Text));
        const QStringList lines = QString::fromUtf8(cf.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + m->rowCount());
        QCOMPARE(lines[0], QStringLiteral("file,label,p_chopin,duration,error"));
        for (int i = 1; i < lines.size(); ++i) {
            const QStringList fields = lines[i].split(QLatin1Char(','));
            QVERIFY(fields.size() >= 5);
            if (lines[i].contains(QLatin1String("broken.mp3"))) {
                QVERIFY(fields[1].isEmpty() && !fields[4].isEmpty());
            } else {
                bool ok = false;
                const double p = fields[2].toDouble(&ok);
                QVERIFY(ok && p >= 0 && p <= 1);
                QVERIFY(fields[4].isEmpty());
            }
        }
        // Unwritable target: an error, no crash.
        QVERIFY(!panel.exportResults(path(QStringLiteral("no/such/dir/out.json")), &error));
        QVERIFY(!error.isEmpty());
    }

    void aRowIsRemovedOrOpenedFromItsMenu()
    {
        ClassifyPanel panel;
        showReady(panel);
        if (QTest::currentTestFailed())
            return;
        QStringList files{path(QStringLiteral("low.wav")), path(QStringLiteral("high.wav")), path(QStringLiteral("broken.mp3"))};
        if (m_midi)
            files << path(QStringLiteral("piece.mid"));
        QCOMPARE(panel.addFiles(files), int(files.size()));
        const ClassifyResultsModel *m = panel.results();
        ClassifyRowActions *actions = panel.rowActions();
        QCOMPARE(panel.table()->contextMenuPolicy(), Qt::ActionsContextMenu);
        QVERIFY(panel.table()->actions().contains(actions->removeAction()));
        // A row still waiting for its verdict cannot be removed (the verdict would still come).
        panel.selectRow(0);
        QCOMPARE(m->row(0)->state, ClassifyResultsModel::State::Queued);
        QVERIFY(!actions->removeAction()->isEnabled());
        QVERIFY(actions->showInFolderAction()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isBusy(), 60000);
        QVERIFY(actions->removeAction()->isEnabled());

        // A recording is not for the piano roll; a MIDI file is. Any file there is can be looked
        // at in the Spectrogram area.
        QVERIFY(!actions->openInComposeAction()->isEnabled());
        QVERIFY(panel.table()->actions().contains(actions->openInSpectrogramAction()));
        {
            panel.selectRow(rowNamed(m, QStringLiteral("low.wav")));
            QVERIFY(actions->openInSpectrogramAction()->isEnabled());
            QSignalSpy look(&panel, &ClassifyPanel::openInSpectrogramRequested);
            panel.table()->setFocus();
            QTest::keyClick(panel.table(), Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
            QCOMPARE(look.size(), 1);
            QCOMPARE(look[0][0].toString(), path(QStringLiteral("low.wav")));
        }
        if (m_midi) {
            panel.selectRow(rowNamed(m, QStringLiteral("piece.mid")));
            QVERIFY(actions->openInComposeAction()->isEnabled());
            QSignalSpy open(&panel, &ClassifyPanel::openInComposeRequested);
            panel.table()->setFocus();
            QTest::keyClick(panel.table(), Qt::Key_Return);  // Enter in the list
            QCOMPARE(open.size(), 1);
            QCOMPARE(open[0][0].toString(), path(QStringLiteral("piece.mid")));
        }

        // Remove from List: that row goes, the others and their verdicts stay; the failed one too.
        const int high = rowNamed(m, QStringLiteral("high.wav"));
        panel.selectRow(high);
        actions->removeAction()->trigger();
        QCOMPARE(m->rowCount(), int(files.size()) - 1);
        QCOMPARE(rowNamed(m, QStringLiteral("high.wav")), -1);
        QCOMPARE(m->row(rowNamed(m, QStringLiteral("low.wav")))->result.verdict.label, QStringLiteral("Chopin"));
        // Delete in the list does the same, for the row now current.
        panel.selectRow(rowNamed(m, QStringLiteral("broken.mp3")));
        QCOMPARE(m->row(panel.selectedRow())->state, ClassifyResultsModel::State::Failed);
        panel.table()->setFocus();
        QTest::keyClick(panel.table(), Qt::Key_Delete);
        QCOMPARE(rowNamed(m, QStringLiteral("broken.mp3")), -1);
        QCOMPARE(m->rowCount(), int(files.size()) - 2);
        // The row shown now is a real one, with its detail.
        QVERIFY(panel.selectedRow() >= 0);
        QVERIFY(!panel.findChild<QLabel *>(QStringLiteral("detailLabel"))->text().contains(QLatin1String("broken")));
    }

    void occlusionRebuildsTheNetworkInput()
    {
        // The occlusion map cuts clips out of the kept features itself; unmasked, they must give
        // the network's own P(Chopin) for each clip.
        auto model = ClassifierModel::load(m_model);
        QVERIFY(model.ok());
        ClassifyOptions o;
        o.keepFeatures = true;
        const auto verdict = model.value()->classifyFile(path(QStringLiteral("low.wav")), o);
        QVERIFY(verdict.ok());
        const ListeningMap map = occlusionMap(*model.value(), verdict.value());
        QCOMPARE(map.method, QStringLiteral("occlusion"));
        QVERIFY2(map.rebuildError < 1e-3, qPrintable(QString::number(map.rebuildError)));
        QVERIFY(std::abs(map.secondsPerStep * double(map.weights.size()) - verdict.value().durationSeconds) < 0.5);
        const ListeningMap clips = clipContribution(verdict.value());
        QCOMPARE(clips.method, QStringLiteral("clips"));
        QVERIFY(!clips.weights.empty());
        QVERIFY(std::all_of(clips.weights.begin(), clips.weights.end(), [](float v) { return v >= 0.0f && v <= 1.0f; }));
        // A model that hears each clip shifted too (as semitone-band models do): the rebuild
        // hears the same, the masked clips are heard as they are, and the shifts are kept.
        model.value()->setBandShifts({-1, 1});
        const auto shifted = model.value()->classifyFile(path(QStringLiteral("low.wav")), o);
        QVERIFY(shifted.ok());
        const ListeningMap shiftedMap = occlusionMap(*model.value(), shifted.value());
        QVERIFY2(shiftedMap.rebuildError < 1e-3, qPrintable(QString::number(shiftedMap.rebuildError)));
        QCOMPARE(shiftedMap.weights.size(), map.weights.size());
        QCOMPARE(model.value()->bandShifts(), (std::vector<int>{-1, 1}));
        model.value()->setBandShifts({});
        // A passage shorter than a clip (0.4 s of tones, then silence; clips are 0.5 s) is heard at
        // its own length: so is its rebuild, and its masks stay inside it.
        std::vector<float> brief = tones(0.4, true, 1005);
        brief.resize(size_t(2 * 22050), 0.0f);
        const QString briefWav = path(QStringLiteral("brief.wav"));
        QVERIFY(WavWriter::writeFile(briefWav, brief.data(), qint64(brief.size()), 22050, 1, WavFormat::Float32).ok());
        const auto briefVerdict = model.value()->classifyFile(briefWav, o);
        QVERIFY2(briefVerdict.ok(), briefVerdict.ok() ? "" : qPrintable(briefVerdict.error().message));
        QCOMPARE(briefVerdict.value().timeline.size(), size_t(1));
        QVERIFY(briefVerdict.value().timeline.front().frames < model.value()->features().clipFrames());
        const ListeningMap briefMap = occlusionMap(*model.value(), briefVerdict.value());
        QCOMPARE(briefMap.method, QStringLiteral("occlusion"));
        QVERIFY2(briefMap.rebuildError < 1e-3, qPrintable(QString::number(briefMap.rebuildError)));
        // Without features there is no occlusion map (the panel falls back to clip contributions).
        ClassifierVerdict bare = verdict.value();
        bare.features.clear();
        QVERIFY(occlusionMap(*model.value(), bare).isEmpty());
    }

    void timelineLineBreaksAtSkippedSilence()
    {
        // Two passages with a silence the classifier skipped between them (the third clip starts
        // after the second ends): one line each, so none crosses the silence.
        ClassifyTimelineChart chart;
        chart.setTimeline({{0, 10, 0.9}, {5, 15, 0.8}, {40, 50, 0.2}, {45, 55, 0.3}, {50, 60, 0.4}});
        QList<QLineSeries *> passages = chart.passageSeries();
        QCOMPARE(passages.size(), 2);
        QCOMPARE(passages[0], chart.pSeries());
        QCOMPARE(passages[0]->points(), (QList<QPointF>{{5, 0.9}, {10, 0.8}}));
        QCOMPARE(passages[1]->points(), (QList<QPointF>{{45, 0.2}, {50, 0.3}, {55, 0.4}}));
        for (QLineSeries *s : passages) {
            QCOMPARE(s->pen().color(), chart.pSeries()->pen().color());
            QCOMPARE(s->attachedAxes().size(), 2);
        }
        // Overlapping clips stay one line; a new timeline or clearing drops the extra series.
        chart.setTimeline({{0, 10, 0.5}, {5, 15, 0.6}, {10, 20, 0.7}});
        QCOMPARE(chart.passageSeries().size(), 1);
        QCOMPARE(chart.pSeries()->count(), 3);
        QCOMPARE(chart.chart()->series().size(), 3);  // the clips, the threshold, the playhead
        chart.setTimeline({{0, 10, 0.5}, {30, 40, 0.6}});
        QCOMPARE(chart.chart()->series().size(), 4);
        chart.clear();
        QCOMPARE(chart.passageSeries().size(), 1);
        QCOMPARE(chart.chart()->series().size(), 3);
    }

    // "Calibrate..." on a folder of the musician's own pieces: a calibrated copy is written and
    // classified with, and the drop zone says what moved; a folder of one class is refused with
    // the reason and the model in use stays.
    void calibratesOnTheMusiciansOwnPieces()
    {
        const QString mine = path(QStringLiteral("mine"));
        QVERIFY(QDir().mkpath(mine + QStringLiteral("/chopin")) && QDir().mkpath(mine + QStringLiteral("/other")));
        QVERIFY(writeTones(mine + QStringLiteral("/chopin/a.wav"), 3.0, true, 3000));
        QVERIFY(writeTones(mine + QStringLiteral("/chopin/b.wav"), 3.0, true, 3001));
        QVERIFY(writeTones(mine + QStringLiteral("/other/c.wav"), 3.0, false, 3002));
        QVERIFY(writeTones(mine + QStringLiteral("/other/d.wav"), 3.0, false, 3003));
        ClassifyPanel panel;
        panel.setModelPath(m_model);
        panel.resize(1100, 760);
        panel.show();
        QTRY_COMPARE(panel.modelState(), ClassifyPanel::ModelState::Ready);
        auto *button = panel.findChild<QPushButton *>(QStringLiteral("calibrate"));
        QVERIFY(button && button->isVisible());
        QCOMPARE(button->text(), QStringLiteral("Calibrate..."));

        QSignalSpy done(&panel, &ClassifyPanel::calibrationFinished);
        const QString out = path(QStringLiteral("mine-calibrated.pt"));
        panel.calibrateOn(mine, out);
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 60000);
        QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(1).toString()));
        QVERIFY(!panel.isCalibrating());
        QCOMPARE(button->text(), QStringLiteral("Calibrate..."));
        QVERIFY(QFileInfo::exists(out));
        QCOMPARE(panel.modelPath(), out);
        QTRY_COMPARE(panel.modelState(), ClassifyPanel::ModelState::Ready);
        QTRY_VERIFY2(panel.dropZone()->message().contains(QStringLiteral("Calibrated on 4 of your pieces in mine (2 by Chopin, 2 by others)")),
                     qPrintable(panel.dropZone()->message()));
        QVERIFY(panel.dropZone()->message().contains(QStringLiteral("mine-calibrated.pt")));
        QVERIFY(panel.dropZone()->message().contains(QStringLiteral("fewer than five pieces of each kind")));  // only two of each
        const auto before = ClassifierModel::load(m_model), after = ClassifierModel::load(out);
        QVERIFY(before && after);
        QVERIFY(std::abs(after.value()->decisionBias() - before.value()->decisionBias()) > 1e-9);
        // The calibrated copy classifies the files dropped next.
        drop(panel.dropZone(), {mine + QStringLiteral("/chopin/a.wav")});
        QTRY_VERIFY(!panel.isBusy() && panel.results()->rowCount() == 1);
        QCOMPARE(cell(panel.results(), 0, ClassifyResultsModel::VerdictColumn).left(6), QStringLiteral("Chopin"));

        // Model... goes back to the shipped model (when this build has it at hand).
        auto *shipped = panel.findChild<QAction *>(QStringLiteral("shippedModel"));
        QVERIFY(shipped && button->isEnabled());
        if (!ClassifierModel::defaultModelPath().isEmpty()) {
            panel.findChild<QPushButton *>(QStringLiteral("chooseModel"))->menu()->aboutToShow();
            QVERIFY(shipped->isEnabled());
            shipped->trigger();
            QCOMPARE(panel.modelPath(), ClassifierModel::defaultModelPath());
            QTRY_COMPARE(panel.modelState(), ClassifyPanel::ModelState::Ready);
            panel.findChild<QPushButton *>(QStringLiteral("chooseModel"))->menu()->aboutToShow();
            QVERIFY(!shipped->isEnabled());  // already in use
            panel.setModelPath(out);
            QTRY_COMPARE(panel.modelState(), ClassifyPanel::ModelState::Ready);
        }

        // A folder of one class: the reason, and the model in use stays.
        const QString lonely = path(QStringLiteral("lonely"));
        QVERIFY(QDir().mkpath(lonely + QStringLiteral("/chopin")));
        QVERIFY(writeTones(lonely + QStringLiteral("/chopin/a.wav"), 3.0, true, 3004));
        panel.calibrateOn(lonely, path(QStringLiteral("lonely.pt")));
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 2, 60000);
        QVERIFY(!done.last().at(0).toBool());
        QVERIFY2(panel.dropZone()->message().contains(QStringLiteral("Cannot calibrate")), qPrintable(panel.dropZone()->message()));
        QVERIFY(panel.dropZone()->message().contains(QStringLiteral("other composers")));
        QCOMPARE(panel.modelPath(), out);
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("lonely.pt"))));
    }

    void mainWindowHostsThePanelAndOpensItsMidiRows()
    {
        MainWindow w;
        QVERIFY(w.classifyPanel());
        QCOMPARE(w.areas()->indexOf(w.classifyPanel()), 1);
        // Open in Compose on a MIDI row: the piece in the piano roll, in view.
        NoteSequence seq;
        seq.notes.push_back(Note{60, 0.0, 0.5, 0, 0, 90, 0, 0});
        const QString midi = path(QStringLiteral("open-me.mid"));
        QVERIFY(SmfWriter::writeFile(seq, midi).ok());
        w.areas()->setCurrentWidget(w.classifyPanel());
        Q_EMIT w.classifyPanel()->openInComposeRequested(midi);
        QTRY_COMPARE(w.currentFile(), midi);
        QCOMPARE(w.areas()->currentIndex(), 0);
        // Open in Spectrogram: the Spectrogram area, with the file.
        Q_EMIT w.classifyPanel()->openInSpectrogramRequested(path(QStringLiteral("low.wav")));
        QCOMPARE(w.areas()->currentWidget(), static_cast<QWidget *>(w.spectrogramPanel()));
        QTRY_VERIFY(w.spectrogramPanel()->findChild<QLabel *>(QStringLiteral("spectrogramInfo"))->text().startsWith(QLatin1String("low.wav")));
    }
};

QTEST_MAIN(TestClassifyPanel)
#include "TestClassifyPanel.moc"
