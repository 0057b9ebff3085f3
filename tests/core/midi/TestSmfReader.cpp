// Reading Standard MIDI Files: timing, merging, pedal, tolerance, and errors for bad input.

#include "midi/SmfReader.h"
#include "support/MidiBytes.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using namespace aichopin;
using namespace aichopin::test;

class TestSmfReader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void format0NotesInSeconds()
    {
        // 480 ticks per quarter at the default 120 bpm: 480 ticks = 0.5 s.
        const QByteArray file = smf(0, 480, {TrackBuilder().noteOn(0, 0, 60, 100).noteOff(480, 0, 60).noteOn(0, 0, 64, 80).noteOff(960, 0, 64).chunk()});
        const auto r = SmfReader::parse(file);
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QCOMPARE(r->notes.size(), size_t(2));
        QCOMPARE(r->notes[0].pitch, 60);
        QCOMPARE(r->notes[0].velocity, 100);
        QCOMPARE(r->notes[0].start, 0.0);
        QCOMPARE(r->notes[0].duration, 0.5);
        QCOMPARE(r->notes[1].start, 0.5);
        QCOMPARE(r->notes[1].duration, 1.0);
        QCOMPARE(r->notes[1].startTick, qint64(480));
        QCOMPARE(r->notes[1].durationTicks, qint64(960));
        QCOMPARE(r->duration(), 1.5);
    }

    void tempoChangesAcrossTracks()
    {
        // Track 0: 120 bpm, then 60 bpm from tick 960. Track 1: notes on either side.
        const QByteArray conductor = TrackBuilder().tempo(0, 500000).tempo(960, 1000000).chunk();
        const QByteArray notes = TrackBuilder().noteOn(480, 0, 60, 90).noteOff(480, 0, 60).noteOn(480, 1, 62, 90).noteOff(480, 1, 62).chunk();
        const auto r = SmfReader::parse(smf(1, 480, {conductor, notes}));
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QCOMPARE(r->trackCount, 2);
        QCOMPARE(r->tempoMap.changes().size(), size_t(2));
        QCOMPARE(r->notes.size(), size_t(2));
        QCOMPARE(r->notes[0].start, 0.5);      // tick 480 at 120 bpm
        QCOMPARE(r->notes[0].duration, 0.5);   // ends at tick 960 = 1.0 s
        QCOMPARE(r->notes[1].start, 2.0);      // tick 1440: 1.0 s + 480 ticks at 60 bpm
        QCOMPARE(r->notes[1].duration, 1.0);
        QCOMPARE(r->notes[1].channel, 1);
        QCOMPARE(r->notes[1].track, 1);
    }

    void runningStatusAndVelocityZeroOff()
    {
        // 90 3C 64, then running status: 3C 00 (off), 3E 50 (on), 3E 00 (off).
        TrackBuilder t;
        t.event(0, bytes({0x90, 60, 100})).event(240, bytes({60, 0})).event(0, bytes({62, 80})).event(240, bytes({62, 0}));
        const auto r = SmfReader::parse(smf(0, 480, {t.chunk()}));
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QCOMPARE(r->notes.size(), size_t(2));
        QCOMPARE(r->notes[1].pitch, 62);
        QCOMPARE(r->notes[1].start, 0.25);
        QCOMPARE(r->notes[1].duration, 0.25);
    }

    void drumsLeftOutUnlessAsked()
    {
        const QByteArray t = TrackBuilder().noteOn(0, 9, 36, 100).noteOff(100, 9, 36).noteOn(0, 0, 60, 100).noteOff(100, 0, 60).chunk();
        const auto r = SmfReader::parse(smf(0, 480, {t}));
        QVERIFY(r.ok());
        QCOMPARE(r->notes.size(), size_t(1));
        QCOMPARE(r->notes[0].pitch, 60);
        MidiReadOptions keep;
        keep.keepDrums = true;
        QCOMPARE(SmfReader::parse(smf(0, 480, {t}), keep)->notes.size(), size_t(2));
    }

    void overlappingNotesOfOnePitch()
    {
        // on@0, on@240, off@480, off@960: first in, first out.
        const QByteArray t = TrackBuilder().noteOn(0, 0, 60, 100).noteOn(240, 0, 60, 50).noteOff(240, 0, 60).noteOff(480, 0, 60).chunk();
        const auto r = SmfReader::parse(smf(0, 480, {t}));
        QVERIFY(r.ok());
        QCOMPARE(r->notes.size(), size_t(2));
        QCOMPARE(r->notes[0].velocity, 100);
        QCOMPARE(r->notes[0].durationTicks, qint64(480));
        QCOMPARE(r->notes[1].velocity, 50);
        QCOMPARE(r->notes[1].startTick, qint64(240));
        QCOMPARE(r->notes[1].durationTicks, qint64(720));
    }

    void notesHeldAtTrackEndAreClosed()
    {
        const QByteArray t = TrackBuilder().noteOn(0, 0, 60, 100).event(960, bytes({0xb0, 7, 100})).chunk();
        const auto r = SmfReader::parse(smf(0, 480, {t}));
        QVERIFY(r.ok());
        QCOMPARE(r->notes.size(), size_t(1));
        QCOMPARE(r->notes[0].duration, 1.0);
    }

    void sustainPedalKeptAndApplied()
    {
        // Pedal down at 0, note 0..0.25 s, pedal up at 1.0 s.
        const QByteArray t = TrackBuilder()
                                 .event(0, bytes({0xb0, 64, 127}))
                                 .noteOn(0, 0, 60, 100)
                                 .noteOff(240, 0, 60)
                                 .event(720, bytes({0xb0, 64, 0}))
                                 .chunk();
        const auto plain = SmfReader::parse(smf(0, 480, {t}));
        QVERIFY(plain.ok());
        QCOMPARE(plain->pedals.size(), size_t(2));
        QVERIFY(plain->pedals[0].down());
        QVERIFY(!plain->pedals[1].down());
        QCOMPARE(plain->pedals[1].time, 1.0);
        QCOMPARE(plain->notes[0].duration, 0.25);
        MidiReadOptions sustain;
        sustain.applySustain = true;
        const auto held = SmfReader::parse(smf(0, 480, {t}), sustain);
        QVERIFY(held.ok());
        QCOMPARE(held->notes[0].duration, 1.0);
    }

    void sysexMetaAndOddContentTolerated()
    {
        const QByteArray t = TrackBuilder()
                                 .meta(0, 0x03, "Nocturne")
                                 .meta(0, 0x59, bytes({0x7f, 0x05}))      // key signature with an absurd value
                                 .meta(0, 0x7f, "vendor data")             // sequencer-specific
                                 .meta(0, 0x60, "future meta type")        // unknown meta
                                 .event(0, bytes({0xf0, 0x03, 0x7e, 0x7f, 0xf7}))
                                 .event(0, bytes({0xc0, 0x00}))             // program change
                                 .event(0, bytes({0xe0, 0x00, 0x40}))       // pitch bend
                                 .meta(0, 0x58, bytes({3, 2, 24, 8}))
                                 .noteOn(0, 0, 60, 100)
                                 .noteOff(480, 0, 60)
                                 .chunk();
        QByteArray file = smf(1, 480, {t});
        file += "trailing garbage after the last track";
        const auto r = SmfReader::parse(file);
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QCOMPARE(r->title, QStringLiteral("Nocturne"));
        QCOMPARE(r->notes.size(), size_t(1));
        QCOMPARE(r->timeSignatures.size(), size_t(1));
        QCOMPARE(r->timeSignatures[0].numerator, 3);
        QCOMPARE(r->timeSignatures[0].denominator, 4);
    }

    void unknownChunksSkipped()
    {
        QByteArray file = header(0, 1, 480);
        file += "XFIH";
        appendBe(file, 3, 4);
        file += "abc";
        file += TrackBuilder().noteOn(0, 0, 60, 100).noteOff(480, 0, 60).chunk();
        const auto r = SmfReader::parse(file);
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QCOMPARE(r->notes.size(), size_t(1));
    }

    void smpteDivision()
    {
        // 25 fps x 40 ticks per frame = 1000 ticks per second.
        const QByteArray t = TrackBuilder().noteOn(500, 0, 60, 100).noteOff(1500, 0, 60).chunk();
        const int division = (quint8(qint8(-25)) << 8) | 40;
        const auto r = SmfReader::parse(smf(0, division, {t}));
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QCOMPARE(r->notes[0].start, 0.5);
        QCOMPARE(r->notes[0].duration, 1.5);
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<qint64>("offset");
        const QByteArray good = TrackBuilder().noteOn(0, 0, 60, 100).noteOff(480, 0, 60).chunk();

        QTest::newRow("empty") << QByteArray() << "empty" << qint64(0);
        QTest::newRow("text file") << QByteArray("This is not music, just a text file renamed .mid\n") << "not a MIDI file" << qint64(0);
        QTest::newRow("format 2") << smf(2, 480, {good}) << "format 2" << qint64(8);
        QTest::newRow("no tracks") << header(1, 0, 480) << "no tracks" << qint64(10);
        QTest::newRow("header only") << header(1, 2, 480) << "ends after 0 of the 2 tracks" << qint64(14);
        QTest::newRow("truncated track") << smf(0, 480, {good}).left(26) << "declares" << qint64(18);
        QByteArray wrongLength = smf(0, 480, {good});
        wrongLength[18] = char(0x7f);  // chunk length 0x7f...... far beyond the file
        QTest::newRow("wrong chunk length") << wrongLength << "declares" << qint64(18);
        QByteArray shortHeader = header(0, 1, 480);
        shortHeader[7] = 2;
        QTest::newRow("header length") << shortHeader + good << "header chunk length is 2" << qint64(4);
        QTest::newRow("vlq too long") << smf(0, 480, {TrackBuilder().raw(bytes({0x81, 0x81, 0x81, 0x81, 0x01, 0x90, 60, 100})).chunk()})
                                      << "longer than 4 bytes" << qint64(22);
        QTest::newRow("absurd delta") << smf(0, 24, {TrackBuilder().noteOn(0, 0, 60, 100).noteOff(0x0fffffff, 0, 60).noteOff(0x0fffffff, 0, 61).chunk()})
                                      << "timing data is corrupt" << qint64(-2);
        QTest::newRow("data without status") << smf(0, 480, {TrackBuilder().raw(bytes({0x00, 0x3c, 0x40})).chunk()})
                                             << "no running status" << qint64(23);
        QTest::newRow("status byte as data") << smf(0, 480, {TrackBuilder().raw(bytes({0x00, 0x90, 0x3c, 0x90})).chunk()})
                                             << "should be a data byte" << qint64(25);
        QTest::newRow("meta past end") << smf(0, 480, {TrackBuilder().raw(bytes({0x00, 0xff, 0x01, 0x40, 'a'})).chunk(false)})
                                       << "declares 64 bytes" << qint64(-2);
        QTest::newRow("track ends after a delta time") << smf(0, 480, {TrackBuilder().raw(bytes({0x00, 0x90, 60, 100, 0x10})).chunk(false)})
                                                       << "unexpected end of data" << qint64(27);
        QTest::newRow("system common in track") << smf(0, 480, {TrackBuilder().raw(bytes({0x00, 0xf2, 0x00, 0x00})).chunk()})
                                                << "not allowed" << qint64(23);
    }

    void errors()
    {
        QFETCH(QByteArray, file);
        QFETCH(QString, expected);
        QFETCH(qint64, offset);
        const auto r = SmfReader::parse(file);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(expected), qPrintable(r.error().toString()));
        if (offset == -2)
            QVERIFY2(r.error().offset > 0, qPrintable(r.error().toString()));
        else
            QCOMPARE(r.error().offset, offset);
        QVERIFY(r.error().toString().contains(QStringLiteral("at byte")));
    }

    void fileErrors()
    {
        QTemporaryDir dir;
        QVERIFY(!SmfReader::readFile(dir.filePath("missing.mid")).ok());
        QVERIFY(SmfReader::readFile(dir.filePath("missing.mid")).error().message.contains("not found"));
        QVERIFY(SmfReader::readFile(dir.path()).error().message.contains("folder"));
        QFile empty(dir.filePath("empty.mid"));
        QVERIFY(empty.open(QIODevice::WriteOnly));
        empty.close();
        QVERIFY(SmfReader::readFile(empty.fileName()).error().message.contains("empty"));
    }

    // Big inputs finish (no hang) with a result or an error, never a crash.
    void fiftyMegabyteFiles()
    {
        const int size = 50 << 20;
        // A valid file whose bulk is one huge SysEx message, with notes around it.
        QByteArray sysex = bytes({0xf0});
        sysex += vlq(quint32(size));
        sysex += QByteArray(size - 1, char(0x11));
        sysex += char(0xf7);
        const QByteArray big = smf(0, 480, {TrackBuilder().noteOn(0, 0, 60, 100).event(0, sysex).noteOff(480, 0, 60).chunk()});
        QElapsedTimer timer;
        timer.start();
        const auto r = SmfReader::parse(big);
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QCOMPARE(r->notes.size(), size_t(1));

        // 50 MB of random bytes behind a valid header and track length.
        QByteArray noise = header(0, 1, 480) + "MTrk";
        appendBe(noise, quint32(size), 4);
        QByteArray random(size, Qt::Uninitialized);
        QRandomGenerator rng(7);
        rng.fillRange(reinterpret_cast<quint32 *>(random.data()), size / 4);
        noise += random;
        const auto garbage = SmfReader::parse(noise);
        QVERIFY(!garbage.ok());
        QVERIFY(garbage.error().offset >= 22);
        qInfo("two 50 MB inputs read in %lld ms", timer.elapsed());
    }

    // Random corruptions of a valid file: every one returns (result or error), none crashes.
    void randomCorruptionsNeverCrash()
    {
        TrackBuilder t;
        t.meta(0, 0x03, "x").tempo(0, 400000);
        for (int i = 0; i < 50; ++i)
            t.noteOn(10, i % 3, 40 + i, 30 + i).event(5, bytes({0xb0, 64, i % 2 ? 127 : 0})).noteOff(20, i % 3, 40 + i);
        const QByteArray valid = smf(1, 96, {TrackBuilder().tempo(0, 600000).chunk(), t.chunk()});
        QRandomGenerator rng(42);
        int failures = 0;
        for (int round = 0; round < 3000; ++round) {
            QByteArray mutated = valid;
            const int edits = 1 + rng.bounded(4);
            for (int e = 0; e < edits; ++e)
                mutated[rng.bounded(int(mutated.size()))] = char(rng.bounded(256));
            if (rng.bounded(4) == 0)
                mutated.truncate(rng.bounded(int(mutated.size())));
            if (!SmfReader::parse(mutated).ok())
                ++failures;
        }
        QVERIFY(failures > 0);  // the corruptions were real
    }
};

QTEST_GUILESS_MAIN(TestSmfReader)
#include "TestSmfReader.moc"
