// Every kind of malformed input in tests/data/bad through aichopin-cli, one row per kind and
// command: the command ends by itself (no hang), exits non-zero without a crash signal, and
// says what is wrong in the input's own terms (MIDI: with the byte offset).

#include "BadInputs.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace aichopin::test;

namespace {
struct Run {
    bool finished = false;
    QProcess::ExitStatus status = QProcess::NormalExit;
    int code = -1;
    QString out, err;
};

Run cli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(AICHOPIN_CLI_PATH), args);
    Run r;
    // Generous: a hang shows as a failure here, never as the suite's timeout.
    r.finished = p.waitForFinished(180000);
    if (!r.finished) {
        p.kill();
        p.waitForFinished();
    }
    r.status = p.exitStatus();
    r.code = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QString commandName(Via v)
{
    switch (v) {
    case CliInfo: return QStringLiteral("info");
    case CliPrime: return QStringLiteral("compose --prime");
    case CliClassify: return QStringLiteral("classify");
    case CliComposeModel: return QStringLiteral("compose --model");
    case CliClassifyModel: return QStringLiteral("classify --model");
    case CliTrainClassifier: return QStringLiteral("train-classifier");
    case CliTrainComposer: return QStringLiteral("train-composer");
    case CliEvaluateComposer: return QStringLiteral("evaluate-composer");
    default: return {};
    }
}
}  // namespace

class TestBadInputCli : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFileInfo::exists(badDataDir() + "/README.md"), "tests/data/bad is missing");
        // A good MIDI file for commands that need one beside the bad model.
        QVERIFY(writeBytes(m_dir.filePath("good.mid"),
                           QByteArray("MThd\0\0\0\6\0\0\0\1\1\xe0MTrk\0\0\0\x0d\0\x90\x3c\x40\x83\x60\x80\x3c\0\0\xff\x2f\0", 35)));
    }

    void cleanupTestCase()
    {
        unlockForRemoval(m_dir.path());
    }

    void badInput_data() { addBadInputRows(CliInfo, CliEvaluateComposer, commandName); }

    void badInput()
    {
        QFETCH(int, index);
        QFETCH(int, via);
        const BadInput &in = badInputs()[size_t(index)];
        QString skip;
        const QString scratch = m_dir.filePath(QStringLiteral("run%1-%2").arg(index).arg(via));
        const QString path = badInputPath(in, scratch, &skip);
        if (!skip.isEmpty())
            QSKIP(qPrintable(skip));
        QVERIFY(!path.isEmpty());
        const QString out = scratch + "/out";
        QDir().mkpath(out);

        QStringList args;
        QString expected = QString::fromUtf8(in.error);
        switch (Via(via)) {
        case CliInfo: args = {"info", "--json", path}; break;
        case CliPrime: args = {"compose", "--prime", path, "--out", out + "/c.mid", "--seconds", "1", "--quiet"}; break;
        case CliClassify: args = {"classify", "--json", path}; break;
        case CliComposeModel: args = {"compose", "--model", path, "--out", out + "/c.mid", "--seconds", "1", "--quiet"}; break;
        case CliClassifyModel: args = {"classify", "--json", "--model", path, m_dir.filePath("good.mid")}; break;
        case CliTrainClassifier:
            args = {"train-classifier", "--data", path, "--out", out + "/m.pt", "--cache", "-", "--epochs", "1", "--device", "cpu"};
            break;
        case CliTrainComposer:
            args = {"train-composer", "--data", path, "--out", out + "/m.pt", "--epochs", "1", "--device", "cpu"};
            if (in.composerError)
                expected = QString::fromUtf8(in.composerError);
            break;
        case CliEvaluateComposer:
            args = {"evaluate-composer", "--data", path};
            if (in.composerError)
                expected = QString::fromUtf8(in.composerError);
            break;
        default: QFAIL("not a CLI path");
        }

        const Run r = cli(args);
        const QString said = r.out + r.err;
        QVERIFY2(r.finished, qPrintable("no end after 180 s: aichopin-cli " + args.join(' ')));
        QVERIFY2(r.status == QProcess::NormalExit, qPrintable("crashed: " + said));
        QVERIFY2(r.code != 0, qPrintable("exit code 0 for a bad input: " + said));
        QVERIFY2(said.contains(expected), qPrintable(QStringLiteral("expected \"%1\" in:\n%2").arg(expected, said)));
        QVERIFY2(!said.contains("terminate called") && !said.contains("Segmentation"), qPrintable(said));

        if (via == CliInfo) {
            // Scripts get the same words, and the offset as a number.
            QCOMPARE(r.code, 1);
            const QJsonArray files = QJsonDocument::fromJson(r.out.toUtf8()).array();
            QCOMPARE(files.size(), 1);
            const QJsonObject o = files[0].toObject();
            QVERIFY2(o["error"].toString().contains(expected), qPrintable(o["error"].toString()));
            if (in.offset >= 0)
                QCOMPARE(o["offset"].toInteger(-1), in.offset);
            else
                QVERIFY(!o.contains("offset"));
        }
        if (via == CliClassify || via == CliClassifyModel) {
            // Output a script can still parse: JSON with the error per file, or nothing on stdout.
            if (!r.out.trimmed().isEmpty()) {
                const QJsonArray files = QJsonDocument::fromJson(r.out.toUtf8()).array();
                QCOMPARE(files.size(), 1);
                QVERIFY2(files[0].toObject()["error"].toString().contains(expected), qPrintable(r.out));
            }
        }
        if (via == CliPrime || via == CliComposeModel)
            QVERIFY2(!QFileInfo::exists(out + "/c.mid"), "a piece was written despite the error");
        if (via == CliTrainClassifier || via == CliTrainComposer)
            QVERIFY2(!QFileInfo::exists(out + "/m.pt"), "a model was written despite the error");
    }

    void badComposeOptions()
    {
        // A bad --max-hold is a usage error (2) that names the option; no piece is written.
        const QString out = m_dir.filePath(QStringLiteral("hold.mid"));
        for (const char *value : {"-1", "long", "nan"}) {
            const Run r = cli({"compose", "--max-hold", value, "--out", out, "--seconds", "1", "--quiet"});
            QVERIFY2(r.finished && r.status == QProcess::NormalExit, qPrintable(r.err));
            QCOMPARE(r.code, 2);
            QVERIFY2(r.err.contains(QLatin1String("--max-hold")), qPrintable(r.err));
            QVERIFY(!QFileInfo::exists(out));
        }
        // A good one composes, and the file says what it was composed with.
        const Run ok = cli({"compose", "--max-hold", "1.5", "--out", out, "--seconds", "2", "--quiet"});
        if (ok.code == 1 && ok.err.contains(QLatin1String("composer-default.pt was not found")))
            QSKIP("no shipped composer model");
        QVERIFY2(ok.code == 0, qPrintable(ok.err));
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().contains("max-hold=1.5"));
    }
};

QTEST_GUILESS_MAIN(TestBadInputCli)
#include "TestBadInputCli.moc"
