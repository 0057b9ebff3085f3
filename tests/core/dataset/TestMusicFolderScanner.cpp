// Scanning folders of music: labels from folders, durations, notes, problems, summaries.

#include "dataset/MusicFolderScanner.h"
#include "midi/SmfWriter.h"
#include "support/TestAudio.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

using namespace aichopin;

class TestMusicFolderScanner : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void labelsDurationsAndProblems()
    {
        QTemporaryDir dir;
        // A wrapper folder holding only 'set/' is looked into: labels come from set's subfolders.
        QDir(dir.path()).mkpath("set/chopin");
        QDir(dir.path()).mkpath("set/other/deeper");
        NoteSequence seq;
        for (int i = 0; i < 8; ++i)
            seq.notes.push_back(Note{60 + i, i * 0.5, 0.5, 0, 0, 80, 0, 0});
        QVERIFY(SmfWriter::writeFile(seq, dir.filePath("set/chopin/a.mid")).ok());
        QVERIFY(SmfWriter::writeFile(seq, dir.filePath("set/other/deeper/b.mid")).ok());
        QFile bad(dir.filePath("set/chopin/broken.mid"));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("not midi at all");
        bad.close();
        QVERIFY(test::writeSineWav(dir.filePath("set/other/tone.wav"), 1.5));
        QFile junk(dir.filePath("set/other/fake.mp3"));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("this is a text file named .mp3");
        junk.close();
        QFile notes(dir.filePath("set/other/readme.txt"));  // not music: ignored
        QVERIFY(notes.open(QIODevice::WriteOnly));

        const auto r = MusicFolderScanner::scan(dir.path());
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        QCOMPARE(QDir(r->root).dirName(), QStringLiteral("set"));
        QCOMPARE(r->files.size(), size_t(5));
        QCOMPARE(r->byLabel.size(), size_t(2));
        QCOMPARE(r->byLabel.at("chopin").pieces, 1);
        QCOMPARE(r->byLabel.at("chopin").problems, 1);
        QCOMPARE(r->byLabel.at("other").pieces, 2);
        QCOMPARE(r->byLabel.at("other").problems, 1);
        QVERIFY(std::abs(r->byLabel.at("other").seconds - 5.5) < 0.1);  // 4 s of MIDI + 1.5 s of audio
        for (const MusicFile &f : r->files) {
            if (f.relativePath == "chopin/a.mid") {
                QCOMPARE(f.notes, 8);
                QCOMPARE(f.duration, 4.0);
                QVERIFY(f.usable());
            } else if (f.relativePath == "chopin/broken.mid") {
                QVERIFY(f.problem.contains("not a MIDI file"));
            } else if (f.relativePath == "other/tone.wav") {
                QCOMPARE(f.kind, MusicFile::Kind::Audio);
                QVERIFY(std::abs(f.duration - 1.5) < 0.05);
            } else if (f.relativePath == "other/fake.mp3") {
                QVERIFY(!f.usable());
            } else {
                QCOMPARE(f.relativePath, QStringLiteral("other/deeper/b.mid"));
                QCOMPARE(f.label, QStringLiteral("other"));
            }
        }
    }

    // Pieces directly in the folder have no label (the panel lists them under the folder itself).
    void filesInTheFolderItselfHaveNoLabel()
    {
        QTemporaryDir dir;
        NoteSequence seq;
        seq.notes.push_back(Note{60, 0.0, 1.0, 0, 0, 80, 0, 0});
        QVERIFY(SmfWriter::writeFile(seq, dir.filePath("loose.mid")).ok());
        QVERIFY(QDir(dir.path()).mkpath("chopin"));
        QVERIFY(SmfWriter::writeFile(seq, dir.filePath("chopin/op9.mid")).ok());
        const auto r = MusicFolderScanner::scan(dir.path());
        QVERIFY(r.ok());
        QCOMPARE(r->files.size(), size_t(2));
        QCOMPARE(r->byLabel.size(), size_t(2));
        QCOMPARE(r->byLabel.at(QString()).pieces, 1);
        QCOMPARE(r->byLabel.at("chopin").pieces, 1);
        for (const MusicFile &f : r->files)
            QCOMPARE(f.label, f.relativePath == "loose.mid" ? QString() : QStringLiteral("chopin"));
    }

    void missingFolder()
    {
        QVERIFY(!MusicFolderScanner::scan("/no/such/folder").ok());
    }

    void pianoMidiByComposer()
    {
        const QString root = QStringLiteral(AICHOPIN_TEST_PIANO_MIDI);
        if (!QFileInfo(root + "/midis").isDir())
            QSKIP("../shared/data/piano-midi is not present next to the source tree");
        const auto r = MusicFolderScanner::scan(root + "/midis");
        QVERIFY(r.ok());
        QCOMPARE(r->byLabel.at("Chopin").pieces, 48);
        QVERIFY(r->byLabel.size() >= 25);
        QCOMPARE(int(r->files.size()), 337);
    }
};

QTEST_GUILESS_MAIN(TestMusicFolderScanner)
#include "TestMusicFolderScanner.moc"
