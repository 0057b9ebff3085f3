// Kills `aichopin-cli train-composer` with SIGKILL many times (a tiny model on a tiny generated
// dataset, so an epoch and its checkpoint take a fraction of a second) and checks after every
// kill that:
//   - the model file and the checkpoint on disk are each absent or complete and loadable (a
//     half-written file would be a torn checkpoint: the writer must use a temporary + rename);
//   - once an epoch was reported finished, a checkpoint exists;
//   - the next run, started with --resume, carries on at the epoch after the last one reported
//     (or the one after that, when the kill came between writing the checkpoint and printing),
//     never further back and never further on.
// Half of the kills are aimed: the test watches the folder with inotify and kills right after
// the n-th write to any file in it (n random, up to a few files' worth), i.e. while a checkpoint
// or model is being written, whatever way the writer goes about it. The rest come after a
// random delay. (A writer that wrote in place instead of to a temporary file and renaming it
// fails this test within a few kills.) The seed is printed; AICHOPIN_CRASH_SEED=N repeats a run's choices
// (the moments themselves depend on the machine's timing).

#include "midi/SmfWriter.h"
#include "composer/ComposerModel.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <random>

using namespace aichopin;

namespace {

// A few short pieces: an epoch is a handful of batches.
void writeDataset(const QString &dir)
{
    QDir().mkpath(dir);
    for (int piece = 0; piece < 4; ++piece) {
        NoteSequence seq;
        for (int i = 0; i < 48; ++i) {
            const int pitch = 60 + (i * (piece + 2)) % 12;
            seq.notes.push_back(Note{pitch, i * 0.25, 0.2, 0, 0, 60 + (i % 4) * 10, 0, 0});
        }
        seq.sortNotes();
        QVERIFY(SmfWriter::writeFile(seq, QStringLiteral("%1/piece%2.mid").arg(dir).arg(piece)).ok());
    }
}

// Watches a folder for files being created or written.
class WriteWatcher {
public:
    explicit WriteWatcher(const QString &dir)
    {
        m_fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
        if (m_fd >= 0)
            inotify_add_watch(m_fd, QFile::encodeName(dir).constData(), IN_CREATE | IN_MODIFY);
    }
    ~WriteWatcher()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    bool valid() const { return m_fd >= 0; }
    void drain()
    {
        alignas(inotify_event) char buf[4096];
        while (::read(m_fd, buf, sizeof buf) > 0) {
        }
    }
    // Waits up to timeoutMs for the count-th creation of or write to a file; true when it came.
    bool waitForWrites(int count, int timeoutMs)
    {
        QElapsedTimer timer;
        timer.start();
        int seen = 0;
        while (timer.elapsed() < timeoutMs) {
            pollfd p{m_fd, POLLIN, 0};
            if (::poll(&p, 1, 20) <= 0)
                continue;
            alignas(inotify_event) char buf[4096];
            const ssize_t n = ::read(m_fd, buf, sizeof buf);
            for (ssize_t off = 0; off < n;) {
                const auto *e = reinterpret_cast<const inotify_event *>(buf + off);
                if (++seen >= count)
                    return true;
                off += ssize_t(sizeof(inotify_event) + e->len);
            }
        }
        return false;
    }

private:
    int m_fd = -1;
};

struct Run {
    QString output;
    int firstEpoch = 0;  // first "epoch N:" line of the run, 0 when none
    int lastEpoch = 0;   // last finished epoch it reported, 0 when none
};

Run parseRun(const QString &output)
{
    Run run;
    run.output = output;
    static const QRegularExpression line(QStringLiteral("^epoch (\\d+)(?: \\(partial\\))?:"), QRegularExpression::MultilineOption);
    for (auto it = line.globalMatch(output); it.hasNext();) {
        const auto m = it.next();
        const int epoch = m.captured(1).toInt();
        if (run.firstEpoch == 0)
            run.firstEpoch = epoch;
        run.lastEpoch = epoch;
    }
    return run;
}

QString readText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromLocal8Bit(f.readAll()) : QString();
}

QStringList trainArgs(const QString &data, const QString &model, bool resume, int epochs)
{
    QStringList args{QStringLiteral("train-composer"), QStringLiteral("--data"), data, QStringLiteral("--out"), model,
                     QStringLiteral("--epochs"), QString::number(epochs)};
    if (resume)
        return args << QStringLiteral("--resume") << model + QStringLiteral(".ckpt");
    return args << QStringLiteral("--embedding") << QStringLiteral("8") << QStringLiteral("--hidden") << QStringLiteral("32")
                << QStringLiteral("--layers") << QStringLiteral("1") << QStringLiteral("--batch") << QStringLiteral("2")
                << QStringLiteral("--chunk") << QStringLiteral("32") << QStringLiteral("--patience") << QStringLiteral("1000000")
                << QStringLiteral("--device") << QStringLiteral("cpu") << QStringLiteral("--threads") << QStringLiteral("1")
                << QStringLiteral("--seed") << QStringLiteral("7");
}

}  // namespace

class TestTrainingCrashSafety : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void composerSurvivesSigkill()
    {
        bool seedSet = false;
        const quint64 seed = qEnvironmentVariableIntValue("AICHOPIN_CRASH_SEED", &seedSet);
        const quint64 runSeed = seedSet ? seed : quint64(QDateTime::currentMSecsSinceEpoch() % 1000000);
        qInfo("seed %llu (repeat with AICHOPIN_CRASH_SEED=%llu)", qulonglong(runSeed), qulonglong(runSeed));
        std::mt19937_64 rng(runSeed);

        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString data = tmp.filePath(QStringLiteral("data"));
        const QString out = tmp.filePath(QStringLiteral("out"));
        writeDataset(data);
        QVERIFY(QDir().mkpath(out));
        const QString model = out + QStringLiteral("/tiny.pt");
        const QString checkpoint = model + QStringLiteral(".ckpt");
        WriteWatcher watcher(out);
        QVERIFY(watcher.valid());

        const int kEndless = 1000000;  // epochs: the run only ends when it is killed
        const int kKills = 16;
        const qint64 kBudgetMs = 40000;  // stop killing early on a slow machine (not a pass/fail time)
        QElapsedTimer budget;
        budget.start();
        int lastReported = 0;  // the last epoch any run reported finished
        int kills = 0, aimed = 0, midWrite = 0, resumes = 0;
        for (; kills < kKills && budget.elapsed() < kBudgetMs; ++kills) {
            const bool resume = QFileInfo::exists(checkpoint);
            // Output goes to a file: what a killed child wrote to a pipe is not always read back.
            const QString log = tmp.filePath(QStringLiteral("run%1.log").arg(kills));
            QProcess p;
            p.setProcessChannelMode(QProcess::MergedChannels);
            p.setStandardOutputFile(log);
            watcher.drain();
            p.start(QStringLiteral(AICHOPIN_CLI_PATH), trainArgs(data, model, resume, kEndless));
            QVERIFY2(p.waitForStarted(), qPrintable(p.errorString()));
            if (rng() % 2) {
                // Aimed: kill right after the n-th write (a file being written), sometimes after
                // a few more microseconds.
                ++aimed;
                watcher.waitForWrites(1 + int(rng() % 400), 10000);
                if (const int us = int(rng() % 3) * int(rng() % 2000))
                    ::usleep(useconds_t(us));
            } else {
                p.waitForFinished(int(200 + rng() % 2500));
            }
            QVERIFY2(p.state() == QProcess::Running, qPrintable(QStringLiteral("training ended by itself:\n") + readText(log)));
            p.kill();  // SIGKILL
            QVERIFY(p.waitForFinished(10000));
            const Run run = parseRun(readText(log));
            if (QFileInfo::exists(checkpoint + QStringLiteral(".part")) || QFileInfo::exists(model + QStringLiteral(".part")))
                ++midWrite;

            // What the kill left must be whole.
            for (const QString &file : {model, checkpoint}) {
                if (!QFileInfo::exists(file))
                    continue;
                const auto loaded = ComposerModel::load(file, QStringLiteral("cpu"));
                QVERIFY2(loaded.ok(), qPrintable(QStringLiteral("kill %1: %2 is damaged: %3")
                                                     .arg(kills).arg(file, loaded.error().toString())));
            }
            // Resume picks up where the last run left off.
            if (run.firstEpoch > 0) {
                if (resume) {
                    ++resumes;
                    QVERIFY2(run.firstEpoch == lastReported + 1 || run.firstEpoch == lastReported + 2,
                             qPrintable(QStringLiteral("kill %1: resumed at epoch %2 after epoch %3 was reported finished\n%4")
                                            .arg(kills).arg(run.firstEpoch).arg(lastReported).arg(run.output)));
                } else {
                    QCOMPARE(run.firstEpoch, 1);
                }
                lastReported = run.lastEpoch;
            }
            if (lastReported > 0)
                QVERIFY2(QFileInfo::exists(checkpoint),
                         qPrintable(QStringLiteral("kill %1: epoch %2 was reported finished but no checkpoint exists").arg(kills).arg(lastReported)));
        }
        qInfo("%d kills (%d aimed at a write, %d left a temporary file behind: killed mid-write), "
              "%d resumed runs reported epochs, last epoch %d",
              kills, aimed, midWrite, resumes, lastReported);
        QVERIFY2(lastReported > 0, "no run finished an epoch before it was killed: nothing was tested");

        // A last resume runs to its end and leaves a loadable model.
        const QString log = tmp.filePath(QStringLiteral("last.log"));
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.setStandardOutputFile(log);
        p.start(QStringLiteral(AICHOPIN_CLI_PATH), trainArgs(data, model, true, lastReported + 2));
        QVERIFY(p.waitForFinished(120000));
        const Run last = parseRun(readText(log));
        QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, qPrintable(last.output));
        QVERIFY2(last.firstEpoch == lastReported + 1 || last.firstEpoch == lastReported + 2,
                 qPrintable(last.output));
        QVERIFY(last.output.contains(QStringLiteral("stopped (epochs)")));
        QVERIFY(ComposerModel::load(model, QStringLiteral("cpu")).ok());
    }
};

QTEST_GUILESS_MAIN(TestTrainingCrashSafety)
#include "TestTrainingCrashSafety.moc"
