// aichopin-cli --help/--version and 'info' on good and bad files, text and JSON.

#include "support/RunCli.h"
#include "common/DataPaths.h"
#include "composer/ComposerModel.h"
#include "listen/NpyWriter.h"
#include "midi/SmfWriter.h"
#include "sound/WavWriter.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

using namespace aichopin;

namespace {
using Run = aichopin::test::CliRun;

Run cli(const QStringList &args)
{
    return aichopin::test::runCli(args);
}
}  // namespace

class TestCliInfo : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_good;
    QString m_bad;

private Q_SLOTS:
    void initTestCase()
    {
        NoteSequence seq;
        for (int i = 0; i < 10; ++i)
            seq.notes.push_back(Note{48 + 2 * i, i * 0.5, 0.4, 0, 0, 80, 0, 0});
        seq.tempoMap = TempoMap(480, {{0, 0, 500000}, {960, 0, 400000}});
        m_good = m_dir.filePath("scale.mid");
        QVERIFY(SmfWriter::writeFile(seq, m_good).ok());
        m_bad = m_dir.filePath("notes.mid");
        QFile f(m_bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("shopping list: eggs, milk\n");
    }

    void helpAndVersion()
    {
        const Run help = cli({QStringLiteral("--help")});
        QCOMPARE(help.code, 0);
        QVERIFY(help.out.contains("info"));
        const Run version = cli({QStringLiteral("--version")});
        QCOMPARE(version.code, 0);
        QVERIFY(version.out.contains(QStringLiteral(AICHOPIN_VERSION)));
        const Run unknown = cli({QStringLiteral("frobnicate")});
        QCOMPARE(unknown.code, 2);
        QVERIFY(unknown.err.contains("unknown command"));
        QCOMPARE(cli({QStringLiteral("info"), QStringLiteral("--help")}).code, 0);
    }

    void infoText()
    {
        const Run r = cli({QStringLiteral("info"), m_good});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("notes          10"));
        QVERIFY(r.out.contains("tempo changes  2"));
        QVERIFY2(r.out.contains("C3 (48) to F#4 (66)"), qPrintable(r.out));
    }

    void infoJsonWithOneBadFile()
    {
        const Run r = cli({QStringLiteral("info"), QStringLiteral("--json"), m_good, m_bad});
        QCOMPARE(r.code, 1);  // one file failed
        const QJsonArray files = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(files.size(), 2);
        const QJsonObject good = files[0].toObject();
        QCOMPARE(good["notes"].toInt(), 10);
        QCOMPARE(good["tracks"].toInt(), 2);
        QCOMPARE(good["tempo_changes"].toInt(), 2);
        QCOMPARE(good["lowest_pitch"].toInt(), 48);
        QCOMPARE(good["highest_pitch"].toInt(), 66);
        QVERIFY(qAbs(good["duration"].toDouble() - 4.9) < 0.01);
        const QJsonObject bad = files[1].toObject();
        QVERIFY(bad["error"].toString().contains("not a MIDI file"));
        QCOMPARE(bad["offset"].toInt(), 0);
    }

    void featuresInSemitoneBands()
    {
        // Two seconds of A4 then two of middle C: the pitch features put each in its note's band
        // (C1 is band 0), as the classifier's pitch input hears them.
        const int rate = 22050;
        std::vector<float> y(size_t(4 * rate));
        for (size_t i = 0; i < y.size(); ++i)
            y[i] = 0.4f * float(std::sin(2 * M_PI * (i < size_t(2 * rate) ? 440.0 : 261.6256) * double(i) / rate));
        const QString wav = m_dir.filePath("tones.wav");
        QVERIFY(WavWriter::writeFile(wav, y.data(), qint64(y.size()), rate, 1).ok());
        const QString npy = m_dir.filePath("tones.npy");
        const Run r = cli({QStringLiteral("features"), QStringLiteral("--kind"), QStringLiteral("pitch"), QStringLiteral("--out"), npy, wav});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const auto m = NpyWriter::read(npy);
        QVERIFY(m);
        QCOMPARE(m->bins, 96);
        QCOMPARE(m->frames, 1 + 4 * rate / 1024);
        auto loudest = [&](int frame) { return int(std::max_element(m->row(frame), m->row(frame) + 96) - m->row(frame)); };
        QCOMPARE(loudest(m->frames / 4) + 24, 69);
        QCOMPARE(loudest(3 * m->frames / 4) + 24, 60);
        const Run bad = cli({QStringLiteral("features"), QStringLiteral("--kind"), QStringLiteral("chroma"), wav});
        QCOMPARE(bad.code, 2);
        QVERIFY(bad.err.contains("mel, mfcc, pitch or stft"));
    }

    // 'train-composer --init-from shipped' continues the shipped composer on a folder of one's own.
    void trainComposerContinuesTheShippedComposer()
    {
        const QString shipped = DataPaths::shippedModel(QStringLiteral("composer-default.pt"));
        if (shipped.isEmpty())
            QSKIP("no shipped composer-default.pt in the resource folder");
        const QString data = m_dir.filePath("mine");
        QVERIFY(QDir().mkpath(data));
        for (int k = 0; k < 3; ++k) {
            NoteSequence seq;
            for (int i = 0; i < 40; ++i)
                seq.notes.push_back(Note{55 + (i * 5 + k) % 17, i * 0.25, 0.3, 0, 0, 70, 0, 0});
            QVERIFY(SmfWriter::writeFile(seq, QStringLiteral("%1/p%2.mid").arg(data).arg(k)).ok());
        }
        const QString out = m_dir.filePath("mine.pt");
        const Run r = cli({"train-composer", "--data", data, "--out", out, "--init-from", "shipped", "--epochs", "1",
                           "--lr", "0.0005", "--threads", "1", "--device", "cpu"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("the starting model scored "), qPrintable(r.out));
        const auto m = ComposerModel::load(out);
        QVERIFY2(m.ok(), qPrintable(m.ok() ? QString() : m.error().toString()));
        QCOMPARE(m.value()->info().value("initialised_from").toObject().value("file").toString(), QStringLiteral("composer-default.pt"));
        QCOMPARE(m.value()->hyperparameters().hidden, ComposerModel::load(shipped).value()->hyperparameters().hidden);

        // A paper-representation model goes on with that representation's batches.
        const QString paper = m_dir.filePath("paper.pt");
        const Run p = cli({"train-composer", "--data", data, "--out", paper, "--preset", "paper-benchmark", "--representation", "paper",
                           "--embedding", "8", "--hidden", "8", "--layers", "1", "--epochs", "1", "--threads", "1", "--device", "cpu"});
        QVERIFY2(p.code == 0, qPrintable(p.err));
        const QString paperOn = m_dir.filePath("paper-on.pt");
        const Run pc = cli({"train-composer", "--data", data, "--out", paperOn, "--init-from", paper, "--epochs", "1", "--threads", "1", "--device", "cpu"});
        QVERIFY2(pc.code == 0, qPrintable(pc.err));
        const auto pm = ComposerModel::load(paperOn);
        QVERIFY(pm.ok());
        QCOMPARE(pm.value()->representation(), Representation::Paper);
        const QJsonObject settings = pm.value()->info().value("training").toObject();
        // (A paper preset resized is "custom", trained with Adam like the default preset.)
        QCOMPARE(settings.value("optimizer").toString(),
                 ComposerModel::load(paper).value()->info().value("training").toObject().value("optimizer").toString());
        QCOMPARE(settings.value("batch_size").toInt(), 8);
        QCOMPARE(settings.value("chunk_length").toInt(), 64);

        const Run sized = cli({"train-composer", "--data", data, "--out", out, "--init-from", "shipped", "--hidden", "64"});
        QCOMPARE(sized.code, 2);
        QVERIFY2(sized.err.contains("takes the network's size from its model"), qPrintable(sized.err));
        const Run missing = cli({"train-composer", "--data", data, "--out", out, "--init-from", m_dir.filePath("none.pt")});
        QCOMPARE(missing.code, 1);
        QVERIFY(!missing.err.isEmpty());
    }

    void missingArguments()
    {
        const Run r = cli({QStringLiteral("info")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("at least one MIDI file"));
    }
};

QTEST_GUILESS_MAIN(TestCliInfo)
#include "TestCliInfo.moc"
