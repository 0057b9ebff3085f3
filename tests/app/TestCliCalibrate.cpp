// aichopin-cli evaluate-classifier --calibrate: writes a copy of the model whose decision sits
// between the given pieces' Chopin and Other verdicts, and the copy's verdicts move by exactly
// that bias; a dataset of one class cannot calibrate. train-classifier's own calibration, in rooms
// or on its validation clips as trained. Also train-classifier --select, --ema, --average-from and
// the other training options.

#include "support/RunCli.h"
#include "midi/SmfWriter.h"
#include "sound/SoundfontLocator.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QRegularExpression>
#include <QtTest>

#include <map>

#include <cmath>

using namespace aichopin;

namespace {
using Run = aichopin::test::CliRun;

Run cli(const QStringList &args)
{
    return aichopin::test::runCli(args);
}

// Twelve seconds of broken chords (root, a third above, a fifth) in a register.
void writePiece(const QString &path, int root, double step)
{
    NoteSequence s;
    double t = 0;
    for (int i = 0; t < 12.0; ++i, t += step) {
        const int k[] = {0, 4, 7, 12, 7, 4};
        s.notes.push_back(Note{root + k[i % 6], t, step * 1.5, 0, 0, 70 + (i % 3) * 10, 0, 0});
    }
    s.sortNotes();
    s.syncTicksFromSeconds();
    QDir().mkpath(QFileInfo(path).absolutePath());
    QVERIFY(SmfWriter::writeFile(s, path).ok());
}

// Two Chopin pieces (nocturne.mid, etude.mid) and two others (march.mid, waltz.mid) to evaluate.
void writeFourPieces(const QString &data)
{
    writePiece(data + QStringLiteral("/chopin/nocturne.mid"), 60, 0.18);
    writePiece(data + QStringLiteral("/chopin/etude.mid"), 48, 0.09);
    writePiece(data + QStringLiteral("/other/march.mid"), 40, 0.25);
    writePiece(data + QStringLiteral("/other/waltz.mid"), 67, 0.3);
}

// A small training folder (four high Chopin pieces, four low Other ones) and the start of a quick
// train-classifier command on it that writes model.
QStringList writeTrainingFolder(const QString &data, const QString &model)
{
    for (int i = 0; i < 4; ++i) {
        writePiece(data + QStringLiteral("/chopin/c%1.mid").arg(i), 60 + i, 0.15);
        writePiece(data + QStringLiteral("/other/o%1.mid").arg(i), 40 + i, 0.3);
    }
    return {QStringLiteral("train-classifier"), QStringLiteral("--data"), data, QStringLiteral("--out"), model,
            QStringLiteral("--clips-per-piece"), QStringLiteral("1"), QStringLiteral("--augmentations"), QStringLiteral("1"),
            QStringLiteral("--validation"), QStringLiteral("0.5"), QStringLiteral("--cache"), QStringLiteral("-"),
            QStringLiteral("--device"), QStringLiteral("cpu")};
}

double logit(double p)
{
    p = std::clamp(p, 1e-12, 1.0 - 1e-12);
    return std::log(p / (1.0 - p));
}
}  // namespace

class TestCliCalibrate : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void calibratedCopyMovesTheDecision()
    {
        if (SoundfontLocator::installed().isEmpty())
            QSKIP("no soundfont installed to render the MIDI pieces");
        const QString data = m_dir.filePath(QStringLiteral("data"));
        writeFourPieces(data);
        const QString model = QStringLiteral(AICHOPIN_SHIPPED_CLASSIFIER);
        const QString calibrated = m_dir.filePath(QStringLiteral("calibrated.pt"));
        const QStringList common{QStringLiteral("--data"), data, QStringLiteral("--clips-per-piece"), QStringLiteral("1"),
                                 QStringLiteral("--cache"), QStringLiteral("-"), QStringLiteral("--json")};

        const Run first = cli(QStringList{QStringLiteral("evaluate-classifier"), QStringLiteral("--model"), model,
                                          QStringLiteral("--calibrate"), calibrated} + common);
        QVERIFY2(first.code == 0, qPrintable(first.err));
        const QJsonObject a = QJsonDocument::fromJson(first.out.toUtf8()).object();
        const double before = a.value(QStringLiteral("decision_bias")).toDouble();
        const QJsonObject c = a.value(QStringLiteral("calibrated")).toObject();
        QCOMPARE(c.value(QStringLiteral("model")).toString(), calibrated);
        const double bias = c.value(QStringLiteral("decision_bias")).toDouble();
        QVERIFY(QFileInfo::exists(calibrated));

        const Run second = cli(QStringList{QStringLiteral("evaluate-classifier"), QStringLiteral("--model"), calibrated} + common);
        QVERIFY2(second.code == 0, qPrintable(second.err));
        const QJsonObject b = QJsonDocument::fromJson(second.out.toUtf8()).object();
        QCOMPARE(b.value(QStringLiteral("decision_bias")).toDouble(), bias);
        const QJsonArray piecesA = a.value(QStringLiteral("pieces")).toArray();
        const QJsonArray piecesB = b.value(QStringLiteral("pieces")).toArray();
        QCOMPARE(piecesA.size(), 4);
        QCOMPARE(piecesB.size(), 4);
        // Each piece's log-odds move by the change of bias; the bias is the midpoint of the
        // classes' medians, so the raw log-odds of the four pieces straddle it.
        std::vector<double> chopin, other;
        for (int i = 0; i < 4; ++i) {
            const QJsonObject pa = piecesA[i].toObject(), pb = piecesB[i].toObject();
            QCOMPARE(pb.value(QStringLiteral("piece")).toString(), pa.value(QStringLiteral("piece")).toString());
            const double raw = logit(pa.value(QStringLiteral("p_chopin")).toDouble()) + before;
            QVERIFY2(std::abs(logit(pb.value(QStringLiteral("p_chopin")).toDouble()) - (raw - bias)) < 1e-4,
                     qPrintable(pa.value(QStringLiteral("piece")).toString()));
            (pa.value(QStringLiteral("label")).toString() == QLatin1String("Chopin") ? chopin : other).push_back(raw);
        }
        QCOMPARE(int(chopin.size()), 2);
        const double expected = 0.5 * (0.5 * (chopin[0] + chopin[1]) + 0.5 * (other[0] + other[1]));
        QVERIFY2(std::abs(bias - expected) < 1e-6, qPrintable(QStringLiteral("%1 vs %2").arg(bias).arg(expected)));
        // The copy's recorded piece accuracy is the one at its new decision (what the second
        // evaluation measures), not the training run's at the old one.
        QFile copy(calibrated);
        QVERIFY(copy.open(QIODevice::ReadOnly));
        const QByteArray bytes = copy.readAll();
        QVERIFY(bytes.contains("\"validation_piece_accuracy_from\""));
        const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("\"validation_piece_accuracy\":([0-9.e+-]+)")).match(QString::fromLatin1(bytes));
        QVERIFY(m.hasMatch());
        QCOMPARE(m.captured(1).toDouble(), b.value(QStringLiteral("piece_metrics")).toObject().value(QStringLiteral("accuracy")).toDouble());

        // The shipped model hears each clip a semitone up and down as well; the copy records that
        // its bias was calibrated so. Calibrated hearing each clip only as it is, the copy says so
        // and is loaded that way: its verdicts are the as-is ones moved by its own bias.
        QCOMPARE(a.value(QStringLiteral("band_shifts")).toArray(), (QJsonArray{-1, 1}));
        QVERIFY(bytes.contains("\"band_shifts\":[-1,1]"));
        const QString asIs = m_dir.filePath(QStringLiteral("as-is.pt"));
        const Run plain = cli(QStringList{QStringLiteral("evaluate-classifier"), QStringLiteral("--model"), model,
                                          QStringLiteral("--shifts"), QStringLiteral("none"), QStringLiteral("--calibrate"), asIs} + common);
        QVERIFY2(plain.code == 0, qPrintable(plain.err));
        const QJsonObject p = QJsonDocument::fromJson(plain.out.toUtf8()).object();
        QCOMPARE(p.value(QStringLiteral("band_shifts")).toArray(), QJsonArray());
        const Run plainAgain = cli(QStringList{QStringLiteral("evaluate-classifier"), QStringLiteral("--model"), asIs} + common);
        QVERIFY2(plainAgain.code == 0, qPrintable(plainAgain.err));
        const QJsonObject q = QJsonDocument::fromJson(plainAgain.out.toUtf8()).object();
        QCOMPARE(q.value(QStringLiteral("band_shifts")).toArray(), QJsonArray());
        const double asIsBias = p.value(QStringLiteral("calibrated")).toObject().value(QStringLiteral("decision_bias")).toDouble();
        double shiftsMoved = 0;
        for (int i = 0; i < 4; ++i) {
            const double raw = logit(p.value(QStringLiteral("pieces")).toArray()[i].toObject().value(QStringLiteral("p_chopin")).toDouble()) + before;
            const double again = logit(q.value(QStringLiteral("pieces")).toArray()[i].toObject().value(QStringLiteral("p_chopin")).toDouble());
            QVERIFY(std::abs(again - (raw - asIsBias)) < 1e-4);
            shiftsMoved += std::abs(raw - (logit(piecesA[i].toObject().value(QStringLiteral("p_chopin")).toDouble()) + before));
        }
        QVERIFY(shiftsMoved > 1e-3);
        const Run badShifts = cli(QStringList{QStringLiteral("evaluate-classifier"), QStringLiteral("--model"), model,
                                              QStringLiteral("--shifts"), QStringLiteral("up")} + common);
        QCOMPARE(badShifts.code, 2);
        QVERIFY2(badShifts.err.contains(QStringLiteral("--shifts")), qPrintable(badShifts.err));

        // One class only: nothing to centre between; nothing is written.
        const QString lonely = m_dir.filePath(QStringLiteral("lonely"));
        writePiece(lonely + QStringLiteral("/other/march.mid"), 40, 0.25);
        writePiece(lonely + QStringLiteral("/other/waltz.mid"), 67, 0.3);
        const QString refused = m_dir.filePath(QStringLiteral("refused.pt"));
        const Run bad = cli({QStringLiteral("evaluate-classifier"), QStringLiteral("--model"), model, QStringLiteral("--data"), lonely,
                             QStringLiteral("--clips-per-piece"), QStringLiteral("1"), QStringLiteral("--cache"), QStringLiteral("-"),
                             QStringLiteral("--calibrate"), refused});
        QVERIFY(bad.code != 0);
        QVERIFY(!QFileInfo::exists(refused));
        QVERIFY2(bad.err.contains(QStringLiteral("both classes")) || bad.err.contains(QStringLiteral("Chopin")), qPrintable(bad.err));
    }

    // --room hears every clip through a synthetic room; repeated, the pieces are heard each way,
    // each counted as a piece of its own, and a calibration centres between all of them.
    void roomsArePiecesOfTheirOwnAndCalibratedTogether()
    {
        if (SoundfontLocator::installed().isEmpty())
            QSKIP("no soundfont installed to render the MIDI pieces");
        const QString data = m_dir.filePath(QStringLiteral("rooms"));
        writeFourPieces(data);
        QFile broken(data + QStringLiteral("/other/broken.mid"));  // skipped in every room, named once
        QVERIFY(broken.open(QIODevice::WriteOnly) && broken.write("not midi") == 8);
        broken.close();
        const QString model = QStringLiteral(AICHOPIN_SHIPPED_CLASSIFIER);
        const QStringList common{QStringLiteral("evaluate-classifier"), QStringLiteral("--model"), model, QStringLiteral("--data"), data,
                                 QStringLiteral("--clips-per-piece"), QStringLiteral("1"), QStringLiteral("--cache"), QStringLiteral("-"), QStringLiteral("--json")};
        const auto pChopin = [](const QJsonObject &result) {
            std::map<QString, double> p;
            for (const QJsonValue &v : result.value(QStringLiteral("pieces")).toArray())
                p[QFileInfo(v.toObject().value(QStringLiteral("piece")).toString()).fileName()] = v.toObject().value(QStringLiteral("p_chopin")).toDouble();
            return p;
        };
        const Run plain = cli(common);
        QVERIFY2(plain.code == 0, qPrintable(plain.err));
        const auto dry = pChopin(QJsonDocument::fromJson(plain.out.toUtf8()).object());
        QCOMPARE(int(dry.size()), 4);

        const Run hall = cli(common + QStringList{QStringLiteral("--room"), QStringLiteral("2.2:0")});
        QVERIFY2(hall.code == 0, qPrintable(hall.err));
        const QJsonObject h = QJsonDocument::fromJson(hall.out.toUtf8()).object();
        QCOMPARE(h.value(QStringLiteral("rooms")).toArray(), (QJsonArray{QStringLiteral("2.2 s:0 dB")}));
        const auto wet = pChopin(h);
        QCOMPARE(int(wet.size()), 4);
        for (const auto &[name, p] : dry)
            QVERIFY2(wet.count(name) && std::abs(wet.at(name) - p) > 1e-6, qPrintable(name));  // the same pieces, heard otherwise

        const QString calibrated = m_dir.filePath(QStringLiteral("rooms.pt"));
        const Run both = cli(common + QStringList{QStringLiteral("--room"), QStringLiteral("none"), QStringLiteral("--room"), QStringLiteral("2.2:0"),
                                                  QStringLiteral("--calibrate"), calibrated});
        QVERIFY2(both.code == 0, qPrintable(both.err));
        const QJsonObject b = QJsonDocument::fromJson(both.out.toUtf8()).object();
        const auto pooled = pChopin(b);
        QCOMPARE(int(pooled.size()), 8);
        QCOMPARE(b.value(QStringLiteral("skipped")).toArray().size(), 1);
        std::vector<double> chopin, other;
        const double before = b.value(QStringLiteral("decision_bias")).toDouble();
        for (const auto &[name, p] : dry) {
            QVERIFY(std::abs(pooled.at(name + QStringLiteral(" [room none]")) - p) < 1e-9);
            QVERIFY(std::abs(pooled.at(name + QStringLiteral(" [room 2.2 s:0 dB]")) - wet.at(name)) < 1e-9);
            const bool isChopin = name == QLatin1String("nocturne.mid") || name == QLatin1String("etude.mid");
            (isChopin ? chopin : other).push_back(logit(p) + before);
            (isChopin ? chopin : other).push_back(logit(wet.at(name)) + before);
        }
        const auto median = [](std::vector<double> v) {
            std::sort(v.begin(), v.end());
            return 0.5 * (v[1] + v[2]);
        };
        const double bias = b.value(QStringLiteral("calibrated")).toObject().value(QStringLiteral("decision_bias")).toDouble();
        QVERIFY2(std::abs(bias - 0.5 * (median(chopin) + median(other))) < 1e-6, qPrintable(QString::number(bias)));
        QFile copy(calibrated);
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QVERIFY(copy.readAll().contains("heard in rooms none, 2.2 s:0 dB"));

        for (const QString &spec : {QStringLiteral("2.2"), QStringLiteral("hall"), QStringLiteral("9:0"), QStringLiteral("1:-40")}) {
            const Run refused = cli(common + QStringList{QStringLiteral("--room"), spec});
            QCOMPARE(refused.code, 2);
            QVERIFY2(refused.err.contains(QStringLiteral("--room must be none or RT60:DR")), qPrintable(refused.err));
        }
        // Numbers that are not numbers, or out of range, are refused by name before any rendering.
        const std::vector<std::pair<QStringList, QString>> bad{
            {{QStringLiteral("--clips-per-piece"), QStringLiteral("six")}, QStringLiteral("--clips-per-piece must be a whole number from 1 to 1000, not 'six'")},
            {{QStringLiteral("--max-pieces"), QStringLiteral("-2")}, QStringLiteral("--max-pieces must be a whole number from 0")},
            {{QStringLiteral("--validation-split"), QStringLiteral("first")}, QStringLiteral("--validation-split must be a whole number from 0")},
            {{QStringLiteral("--lossy"), QStringLiteral("999")}, QStringLiteral("--lossy must be a whole number from 0 to 320")},
            {{QStringLiteral("--preroll"), QStringLiteral("-1")}, QStringLiteral("--preroll must be a number from 0 to 60")}};
        for (const auto &[option, message] : bad) {
            const Run refused = cli(common + option);
            QCOMPARE(refused.code, 2);
            QVERIFY2(refused.err.contains(message), qPrintable(option.join(QLatin1Char(' ')) + QStringLiteral(": ") + refused.err));
        }
    }

    // A hold-out soundfont renders only validation pieces: the model does not list it as heard,
    // and evaluate-classifier says so when it renders with it.
    void holdoutSoundfontIsNotCountedAsHeard()
    {
        const QStringList fonts = SoundfontLocator::installed();
        if (fonts.size() < 2)
            QSKIP("needs two installed soundfonts");
        const QString data = m_dir.filePath(QStringLiteral("holdout"));
        const QString model = m_dir.filePath(QStringLiteral("holdout.pt"));
        const QString held = fonts.last();
        const Run run = cli(writeTrainingFolder(data, model) + QStringList{QStringLiteral("--epochs"), QStringLiteral("1"), QStringLiteral("--channels"),
                                                                          QStringLiteral("4,4"), QStringLiteral("--holdout-soundfont"), held});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("(validation only: %1)").arg(QFileInfo(held).fileName())), qPrintable(run.err));
        // evaluate-classifier's "soundfont_in_training" when it renders with font.
        const auto heard = [&](const QString &font) {
            const Run e = cli({QStringLiteral("evaluate-classifier"), QStringLiteral("--model"), model, QStringLiteral("--data"), data,
                               QStringLiteral("--clips-per-piece"), QStringLiteral("1"), QStringLiteral("--cache"), QStringLiteral("-"),
                               QStringLiteral("--soundfont"), font, QStringLiteral("--json")});
            return e.code == 0 ? QJsonDocument::fromJson(e.out.toUtf8()).object().value(QStringLiteral("soundfont_in_training"))
                               : QJsonValue(e.err);
        };
        QCOMPARE(heard(held), QJsonValue(false));
        QCOMPARE(heard(fonts.first()), QJsonValue(true));
    }

    // train-classifier calibrates its decision on the validation pieces rendered without
    // augmentation, each heard as it is, in a room and in a hall, pooled (--calibrate-on rooms, the
    // default); --calibrate-on trained, on the validation clips as trained.
    void trainingCalibratesOnItsValidationPiecesInRooms()
    {
        if (SoundfontLocator::installed().isEmpty())
            QSKIP("no soundfont installed to render the MIDI pieces");
        const QString data = m_dir.filePath(QStringLiteral("rooms-training"));
        const QString model = m_dir.filePath(QStringLiteral("rooms-trained.pt"));
        const QStringList common = writeTrainingFolder(data, model)
                                   + QStringList{QStringLiteral("--epochs"), QStringLiteral("1"), QStringLiteral("--channels"), QStringLiteral("4,4"),
                                                 QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--json")};
        const Run run = cli(common);
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("Calibrating the decision")), qPrintable(run.err));  // its progress
        const QJsonObject r = QJsonDocument::fromJson(run.out.toUtf8()).object();
        const double bias = r.value(QStringLiteral("decision_bias")).toDouble();
        QCOMPARE(r.value(QStringLiteral("calibrated_on")).toString(),
                 QStringLiteral("validation pieces rendered without augmentation, heard in rooms none, 1.5 s:6 dB, 2.2 s:0 dB"));
        const QJsonArray validation = r.value(QStringLiteral("validation")).toObject().value(QStringLiteral("pieces")).toArray();
        const QJsonArray heard = r.value(QStringLiteral("calibration")).toObject().value(QStringLiteral("pieces")).toArray();
        QCOMPARE(validation.size(), 4);
        QCOMPARE(heard.size(), 12);  // each validation piece in each of the three rooms
        std::map<QString, int> rooms;
        std::vector<double> chopin, other;
        for (const QJsonValue &v : heard) {
            const QJsonObject p = v.toObject();
            const QString name = p.value(QStringLiteral("piece")).toString();
            const qsizetype at = name.indexOf(QStringLiteral(" [room "));
            QVERIFY2(at > 0, qPrintable(name));
            ++rooms[name.mid(at)];
            // Each piece's log-odds before the decision: its verdict's log-odds plus the bias.
            (p.value(QStringLiteral("label")).toString() == QLatin1String("Chopin") ? chopin : other)
                .push_back(logit(p.value(QStringLiteral("p_chopin")).toDouble()) + bias);
        }
        QCOMPARE(rooms, (std::map<QString, int>{{QStringLiteral(" [room 1.5 s:6 dB]"), 4}, {QStringLiteral(" [room 2.2 s:0 dB]"), 4},
                                                {QStringLiteral(" [room none]"), 4}}));
        const auto median = [](std::vector<double> v) {
            std::sort(v.begin(), v.end());
            return 0.5 * (v[v.size() / 2] + v[(v.size() - 1) / 2]);
        };
        QCOMPARE(int(chopin.size()), 6);
        QVERIFY2(std::abs(bias - 0.5 * (median(chopin) + median(other))) < 1e-6, qPrintable(QString::number(bias)));
        QFile f(model);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().contains("heard in rooms none, 1.5 s:6 dB, 2.2 s:0 dB"));
        f.close();

        const Run trained = cli(common + QStringList{QStringLiteral("--calibrate-on"), QStringLiteral("trained")});
        QVERIFY2(trained.code == 0, qPrintable(trained.err));
        const QJsonObject t = QJsonDocument::fromJson(trained.out.toUtf8()).object();
        QCOMPARE(t.value(QStringLiteral("calibrated_on")).toString(), QStringLiteral("validation pieces, training-time renderings"));
        QVERIFY(!t.contains(QStringLiteral("calibration")));
        QVERIFY(std::abs(t.value(QStringLiteral("decision_bias")).toDouble() - bias) > 1e-6);
    }

    // train-classifier's model selection and weight averaging from the command line.
    void trainClassifierSelectsAndAverages()
    {
        if (SoundfontLocator::installed().isEmpty())
            QSKIP("no soundfont installed to render the MIDI pieces");
        const QString model = m_dir.filePath(QStringLiteral("trained.pt"));
        const QStringList common = writeTrainingFolder(m_dir.filePath(QStringLiteral("train")), model) + QStringList{QStringLiteral("--epochs"), QStringLiteral("2")};
        // Bad values are refused before anything is trained, naming the option (and, for
        // --select, the choices).
        const std::vector<std::pair<QStringList, QString>> bad{
            {{QStringLiteral("--select"), QStringLiteral("accuracy")}, QStringLiteral("--select must be auc or loss")},
            {{QStringLiteral("--ema"), QStringLiteral("1")}, QStringLiteral("--ema")},
            {{QStringLiteral("--channels"), QStringLiteral("16,wide")}, QStringLiteral("--channels")},
            {{QStringLiteral("--timbre-eq"), QStringLiteral("-1")}, QStringLiteral("--timbre-eq")},
            {{QStringLiteral("--mixup"), QStringLiteral("-0.2")}, QStringLiteral("--mixup must be a number from 0 to 4")},
            {{QStringLiteral("--mixup"), QStringLiteral("5")}, QStringLiteral("--mixup must be a number from 0 to 4")},
            {{QStringLiteral("--composer-task"), QStringLiteral("much")}, QStringLiteral("--composer-task")},
            {{QStringLiteral("--rooms"), QStringLiteral("1.5")}, QStringLiteral("--rooms must be a number from 0 to 1")},
            {{QStringLiteral("--rooms"), QStringLiteral("-0.1")}, QStringLiteral("--rooms must be a number from 0 to 1")},
            {{QStringLiteral("--band-limit"), QStringLiteral("2")}, QStringLiteral("--band-limit must be a number from 0 to 1")},
            {{QStringLiteral("--band-limit"), QStringLiteral("some")}, QStringLiteral("--band-limit must be a number from 0 to 1")},
            {{QStringLiteral("--flatten"), QStringLiteral("-1")}, QStringLiteral("--flatten must be a whole number from 0 to")},
            {{QStringLiteral("--flatten"), QStringLiteral("two")}, QStringLiteral("--flatten")},
            {{QStringLiteral("--train-share"), QStringLiteral("0")}, QStringLiteral("--train-share must be a number above 0 and at most 1")},
            {{QStringLiteral("--train-share"), QStringLiteral("1.5")}, QStringLiteral("--train-share must be a number above 0 and at most 1")},
            {{QStringLiteral("--calibrate-on"), QStringLiteral("everything")}, QStringLiteral("--calibrate-on must be rooms or trained")},
            {{QStringLiteral("--init-seed"), QStringLiteral("-3")}, QStringLiteral("--init-seed must be a whole number from 0")},
            {{QStringLiteral("--average-from"), QStringLiteral("-1")}, QStringLiteral("--average-from must be an epoch number")},
            {{QStringLiteral("--epochs"), QStringLiteral("many")}, QStringLiteral("--epochs must be a whole number from 1 to 100000, not 'many'")},
            {{QStringLiteral("--epochs"), QStringLiteral("0")}, QStringLiteral("--epochs must be a whole number from 1")},
            {{QStringLiteral("--minutes"), QStringLiteral("-3")}, QStringLiteral("--minutes must be a number from 0")},
            {{QStringLiteral("--seed"), QStringLiteral("one")}, QStringLiteral("--seed must be a whole number from 0")},
            {{QStringLiteral("--validation"), QStringLiteral("1.5")}, QStringLiteral("--validation must be a number from 0 to 0.9")},
            {{QStringLiteral("--clips-per-piece"), QStringLiteral("0")}, QStringLiteral("--clips-per-piece must be a whole number from 1")},
            {{QStringLiteral("--augmentations"), QStringLiteral("2.5")}, QStringLiteral("--augmentations must be a whole number from 1")},
            {{QStringLiteral("--max-pieces"), QStringLiteral("-1")}, QStringLiteral("--max-pieces must be a whole number from 0")},
            {{QStringLiteral("--preroll"), QStringLiteral("long")}, QStringLiteral("--preroll must be a number from 0 to 60")},
            {{QStringLiteral("--threads"), QStringLiteral("all")}, QStringLiteral("--threads must be a whole number from 0")},
            {{QStringLiteral("--average-from"), QStringLiteral("2"), QStringLiteral("--ema"), QStringLiteral("0.5")},
             QStringLiteral("--average-from and --ema cannot be combined")}};
        for (const auto &[option, message] : bad) {
            const Run refused = cli(common + option);
            QCOMPARE(refused.code, 2);
            QVERIFY2(refused.err.contains(message), qPrintable(option.join(QLatin1Char(' ')) + QStringLiteral(": ") + refused.err));
        }
        QVERIFY(!QFileInfo::exists(model));
        // ... before the data is even read (making the clips can take minutes).
        const Run early = cli({QStringLiteral("train-classifier"), QStringLiteral("--data"), m_dir.filePath(QStringLiteral("nowhere")),
                               QStringLiteral("--out"), model, QStringLiteral("--select"), QStringLiteral("accuracy")});
        QCOMPARE(early.code, 2);
        QVERIFY2(early.err.contains(QStringLiteral("--select must be auc or loss")), qPrintable(early.err));

        // --average-from keeps the mean of the weights from that epoch on.
        const Run averaged = cli(common + QStringList{QStringLiteral("--average-from"), QStringLiteral("1"), QStringLiteral("--json")});
        QVERIFY2(averaged.code == 0, qPrintable(averaged.err));
        const QJsonObject ra = QJsonDocument::fromJson(averaged.out.toUtf8()).object();
        QCOMPARE(ra.value(QStringLiteral("selected_by")).toString(), QStringLiteral("average"));
        QCOMPARE(ra.value(QStringLiteral("best_epoch")).toInt(), 2);
        QFile averagedCheckpoint(model + QStringLiteral(".ckpt"));
        QVERIFY(averagedCheckpoint.open(QIODevice::ReadOnly));
        QVERIFY(averagedCheckpoint.readAll().contains("\"average_from\":1"));
        averagedCheckpoint.close();
        QVERIFY(QFile::remove(model) && QFile::remove(model + QStringLiteral(".ckpt")));

        const Run run = cli(common + QStringList{QStringLiteral("--select"), QStringLiteral("loss"), QStringLiteral("--ema"), QStringLiteral("0.9"),
                                                 QStringLiteral("--channels"), QStringLiteral("8,12,20"), QStringLiteral("--timbre-eq"), QStringLiteral("0.5"),
                                                 QStringLiteral("--mixup"), QStringLiteral("0.4"), QStringLiteral("--composer-task"), QStringLiteral("0.5"), QStringLiteral("--flatten"), QStringLiteral("3"),
                                                 QStringLiteral("--cosine"), QStringLiteral("--train-share"), QStringLiteral("0.5"),
                                                 QStringLiteral("--rooms"), QStringLiteral("0.5"), QStringLiteral("--band-limit"), QStringLiteral("0.5"),
                                                 QStringLiteral("--json")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const QJsonObject r = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(r.value(QStringLiteral("selected_by")).toString(), QStringLiteral("loss"));
        QVERIFY(r.value(QStringLiteral("best_epoch")).toInt() >= 1);
        QVERIFY2(run.err.contains(QStringLiteral(" AUC ")), qPrintable(run.err));  // each epoch's piece ROC AUC
        QVERIFY(QFileInfo::exists(model));
        QFile f(model + QStringLiteral(".ckpt"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray checkpoint = f.readAll();
        QVERIFY(checkpoint.contains("\"ema_decay\":0.9"));  // the averaging decay is kept with the weights
        QVERIFY(checkpoint.contains("\"channels\":[8,12,20]"));  // and the network's channels
        QVERIFY(checkpoint.contains("\"timbre_eq\":0.5"));  // and the equalisation strength
        QVERIFY(checkpoint.contains("\"mixup\":0.4"));  // and the mixup
        QVERIFY(checkpoint.contains("\"composer_weight\":0.5"));  // and the composer output
        QVERIFY(!checkpoint.contains("\"composer_classes\":0"));
        QVERIFY(checkpoint.contains("\"flatten_terms\":3"));  // and the input's flattening, which classifying repeats
        QVERIFY(checkpoint.contains("\"cosine_schedule\":true"));  // and the learning-rate schedule, for a resumed run
        QVERIFY(checkpoint.contains("\"room_share\":0.5"));  // and the share of clips heard in a synthetic room
        QVERIFY(checkpoint.contains("\"band_limit_share\":0.5"));  // and the share band-limited as a low-rate file
        // --train-share 0.5: of the 4 training pieces (2 per class) one per class is trained on; the
        // 4 validation pieces stay.
        QVERIFY(checkpoint.contains("\"validation_pieces\":4"));
        QVERIFY(checkpoint.contains("\"pieces\":6"));
    }

    // --init-seed changes where training starts but not the split: several runs of one recipe
    // share their held-out pieces (and cached clips). Without it, --seed seeds the start too.
    void initSeedKeepsTheSplitAndChangesTheStart()
    {
        if (SoundfontLocator::installed().isEmpty())
            QSKIP("no soundfont installed to render the MIDI pieces");
        const QString data = m_dir.filePath(QStringLiteral("seeds"));
        auto verdicts = [&](const QString &name, const QStringList &extra, QMap<QString, double> *out) {
            const QString model = m_dir.filePath(name);
            const Run run = cli(writeTrainingFolder(data, model) + QStringList{QStringLiteral("--epochs"), QStringLiteral("1"), QStringLiteral("--seed"),
                                                                             QStringLiteral("3"), QStringLiteral("--threads"), QStringLiteral("1"),
                                                                             QStringLiteral("--no-calibrate"), QStringLiteral("--json")} + extra);
            QVERIFY2(run.code == 0, qPrintable(run.err));
            const QJsonObject r = QJsonDocument::fromJson(run.out.toUtf8()).object();
            for (const QJsonValue &p : r.value(QStringLiteral("validation")).toObject().value(QStringLiteral("pieces")).toArray())
                out->insert(p.toObject().value(QStringLiteral("piece")).toString(), p.toObject().value(QStringLiteral("p_chopin")).toDouble());
        };
        QMap<QString, double> plain, same, other;
        verdicts(QStringLiteral("plain.pt"), {}, &plain);
        verdicts(QStringLiteral("same.pt"), {QStringLiteral("--init-seed"), QStringLiteral("3")}, &same);
        verdicts(QStringLiteral("other.pt"), {QStringLiteral("--init-seed"), QStringLiteral("11")}, &other);
        QCOMPARE(plain.size(), 4);
        QCOMPARE(plain, same);              // --init-seed equal to --seed: the same run
        QCOMPARE(other.keys(), plain.keys());  // another start: the same held-out pieces
        QVERIFY(other != plain);            // judged by another network
        QFile f(m_dir.filePath(QStringLiteral("other.pt")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().contains("\"init_seed\":\"11\""));
    }
};

QTEST_GUILESS_MAIN(TestCliCalibrate)
#include "TestCliCalibrate.moc"
