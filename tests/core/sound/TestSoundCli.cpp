// aichopin-cli render, play and ports as a user runs them: exit codes, files written, and clear
// errors (no crash) for bad input, a missing soundfont and a machine without audio or MIDI.

#include "midi/SmfWriter.h"
#include "sound/SoundfontLocator.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace aichopin;

namespace {
struct Run {
    int code = -1;
    QProcess::ExitStatus status = QProcess::CrashExit;
    QString out, err;
};

Run cli(const QStringList &args, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(AICHOPIN_CLI_PATH), args);
    Run r;
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.code = p.exitCode();
    r.status = p.exitStatus();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QString writeMidi(const QString &dir)
{
    NoteSequence seq;
    for (int i = 0; i < 4; ++i) {
        Note n;
        n.pitch = 60 + 2 * i;
        n.start = 0.25 * i;
        n.duration = 0.25;
        n.velocity = 80;
        seq.notes.push_back(n);
    }
    const QString path = dir + "/scale.mid";
    return SmfWriter::writeFile(seq, path).ok() ? path : QString();
}
}  // namespace

class TestSoundCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void renderWritesWav()
    {
        if (!SoundfontLocator::find().ok())
            QSKIP("No General MIDI soundfont installed (install fluid-soundfont-gm)");
        QTemporaryDir dir;
        const QString mid = writeMidi(dir.path());
        QVERIFY(!mid.isEmpty());
        const Run r = cli({"render", mid, "--out", dir.path() + "/scale.wav", "--sample-rate", "22050"});
        QCOMPARE(r.status, QProcess::NormalExit);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains("realtime factor"));
        QVERIFY(r.out.contains("3.00 s"));  // 1 s of music + 2 s tail
        QFile f(dir.path() + "/scale.wav");
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.size(), qint64(44 + 3 * 22050 * 4));
    }

    void renderErrors()
    {
        QTemporaryDir dir;
        const QString mid = writeMidi(dir.path());
        Run r = cli({"render", mid});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("--out"));
        r = cli({"render", dir.path() + "/missing.mid", "--out", dir.path() + "/x.wav"});
        QCOMPARE(r.status, QProcess::NormalExit);
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("missing.mid"));
        r = cli({"render", mid, "--out", dir.path() + "/x.wav", "--sample-rate", "abc"});
        QCOMPARE(r.code, 2);
        r = cli({"render", mid, "--out", dir.path() + "/x.wav", "--sample-rate", "500"});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("8000"));
        QVERIFY(!QFile::exists(dir.path() + "/x.wav"));
    }

    void noSoundfontNamesThePackage()
    {
        QTemporaryDir dir, empty;
        const QString mid = writeMidi(dir.path());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("AICHOPIN_SOUNDFONT_DIRS", empty.path());
        Run r = cli({"render", mid, "--out", dir.path() + "/x.wav"}, env);
        QCOMPARE(r.status, QProcess::NormalExit);
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("fluid-soundfont-gm"));
        r = cli({"ports"}, env);
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("fluid-soundfont-gm"));
    }

    void playWithoutDeviceFailsClearly()
    {
        if (!SoundfontLocator::find().ok())
            QSKIP("No General MIDI soundfont installed (install fluid-soundfont-gm)");
        QTemporaryDir dir;
        const QString mid = writeMidi(dir.path());
        const Run r = cli({"play", mid});
        QCOMPARE(r.status, QProcess::NormalExit);
        if (r.code == 0)
            QSKIP("This machine has an audio device: the file played");
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("No audio output device"), qPrintable(r.err));
    }

    void playToMissingMidiPortFailsClearly()
    {
        QTemporaryDir dir;
        const QString mid = writeMidi(dir.path());
        const Run r = cli({"play", mid, "--midi-out", "no port has this name 1234"});
        QCOMPARE(r.status, QProcess::NormalExit);
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("MIDI"));
    }

    void portsListsEverything()
    {
        const Run r = cli({"ports"});
        QCOMPARE(r.status, QProcess::NormalExit);
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("MIDI outputs"));
        QVERIFY(r.out.contains("MIDI inputs"));
        QVERIFY(r.out.contains("Audio drivers"));
        QVERIFY(r.out.contains("Soundfonts"));
        const Run j = cli({"ports", "--json"});
        QCOMPARE(j.code, 0);
        QVERIFY(j.out.contains("\"audio_drivers\""));
    }
};

QTEST_GUILESS_MAIN(TestSoundCli)
#include "TestSoundCli.moc"
