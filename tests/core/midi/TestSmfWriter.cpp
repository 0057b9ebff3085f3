// Writing SMF type 1: reading back what was written gives the same notes, tempo and pedal.

#include "midi/SmfReader.h"
#include "midi/SmfWriter.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using namespace aichopin;

namespace {
NoteSequence randomPiece(quint32 seed, int count)
{
    QRandomGenerator rng(seed);
    NoteSequence seq;
    seq.tempoMap = TempoMap(480, {{0, 0, 600000}, {1920, 0, 450000}, {5000, 0, 800000}});
    seq.title = QStringLiteral("Test piece");
    seq.texts << QStringLiteral("temperature=1.0");
    double t = 0;
    for (int i = 0; i < count; ++i) {
        Note n;
        n.pitch = 21 + rng.bounded(88);
        n.velocity = 1 + rng.bounded(127);
        n.start = t;
        n.duration = 0.05 + rng.bounded(2000) / 1000.0;
        n.channel = rng.bounded(2);
        n.track = 1;
        seq.notes.push_back(n);
        t += rng.bounded(400) / 1000.0;
    }
    seq.pedals.push_back({0.5, 0, 127, 0, 1});
    seq.pedals.push_back({3.25, 0, 0, 0, 1});
    seq.syncTicksFromSeconds();
    seq.sortNotes();
    return seq;
}
}  // namespace

class TestSmfWriter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTripKeepsNotes()
    {
        const NoteSequence original = randomPiece(1, 400);
        const auto back = SmfReader::parse(SmfWriter::toBytes(original));
        QVERIFY2(back.ok(), qPrintable(back.error().toString()));
        // Overlapping notes of one pitch on one channel may pair differently; compare as sets
        // of onsets and the notes whose pitch is not re-struck while sounding.
        QCOMPARE(back->notes.size(), original.notes.size());
        QCOMPARE(back->title, original.title);
        QCOMPARE(back->texts, original.texts);
        QCOMPARE(back->tempoMap.changes().size(), original.tempoMap.changes().size());
        const double tick = 0.8 / 480;  // one tick at the slowest tempo, in seconds
        for (size_t i = 0; i < original.notes.size(); ++i) {
            const Note &a = original.notes[i];
            const Note &b = back->notes[i];
            QCOMPARE(b.pitch, a.pitch);
            QVERIFY(std::abs(b.start - a.start) <= tick);
            QCOMPARE(b.startTick, a.startTick);
            QCOMPARE(b.channel, a.channel);
        }
        QCOMPARE(back->pedals.size(), size_t(2));
        QVERIFY(std::abs(back->pedals[1].time - 3.25) <= tick);
    }

    void roundTripExactWithoutOverlaps()
    {
        NoteSequence seq;
        for (int i = 0; i < 64; ++i)
            seq.notes.push_back(Note{40 + i % 30, i * 0.25, 0.2, 0, 0, 20 + i, 0, 0});
        seq.syncTicksFromSeconds();
        const auto back = SmfReader::parse(SmfWriter::toBytes(seq));
        QVERIFY(back.ok());
        QCOMPARE(back->notes.size(), seq.notes.size());
        for (size_t i = 0; i < seq.notes.size(); ++i) {
            QCOMPARE(back->notes[i].pitch, seq.notes[i].pitch);
            QCOMPARE(back->notes[i].velocity, seq.notes[i].velocity);
            QCOMPARE(back->notes[i].start, seq.notes[i].start);
            QCOMPARE(back->notes[i].duration, seq.notes[i].duration);
        }
    }

    void emptySequenceIsValidFile()
    {
        const auto back = SmfReader::parse(SmfWriter::toBytes(NoteSequence{}));
        QVERIFY2(back.ok(), qPrintable(back.error().toString()));
        QVERIFY(back->notes.empty());
    }

    void writeFileAtomically()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("piece.mid");
        QVERIFY(SmfWriter::writeFile(randomPiece(2, 20), path).ok());
        QCOMPARE(SmfReader::readFile(path)->notes.size(), size_t(20));
        const Status bad = SmfWriter::writeFile(randomPiece(3, 5), dir.filePath("no/such/folder/x.mid"));
        QVERIFY(!bad.ok());
        QVERIFY(bad.error().message.contains("cannot write"));
        QCOMPARE(SmfReader::readFile(path)->notes.size(), size_t(20));
    }
};

QTEST_GUILESS_MAIN(TestSmfWriter)
#include "TestSmfWriter.moc"
