// The performance and paper representations: vocabularies, round trips, augmentation.

#include "composer/ComposerCorpus.h"
#include "composer/EventCodec.h"
#include "composer/PaperTokens.h"
#include "composer/PerformanceEvents.h"
#include "midi/SmfReader.h"
#include "support/Notes.h"

#include <QDir>
#include <QtTest>

#include <algorithm>
#include <map>

using namespace aichopin;

namespace {

Note note(int pitch, double start, double duration, int velocity = 80)
{
    return test::note(pitch, start, duration, velocity);
}

// Onsets per pitch, sorted, for comparing pieces note by note.
std::map<int, std::vector<double>> onsets(const NoteSequence &s)
{
    std::map<int, std::vector<double>> m;
    for (const Note &n : s.notes)
        m[n.pitch].push_back(n.start);
    for (auto &[p, v] : m)
        std::sort(v.begin(), v.end());
    return m;
}

}  // namespace

class TestComposerRepresentations : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void performanceVocabulary()
    {
        QCOMPARE(PerformanceEvents::kVocabularySize, 88 + 88 + 100 + 32);
        QCOMPARE(PerformanceEvents::tokenName(PerformanceEvents::kNoteOnBase + 60 - 21), QStringLiteral("on C4"));
        QCOMPARE(PerformanceEvents::tokenName(PerformanceEvents::kNoteOffBase), QStringLiteral("off A0"));
        QCOMPARE(PerformanceEvents::tokenName(PerformanceEvents::kShiftBase + 99), QStringLiteral("shift 1000ms"));
        for (int v = 1; v <= 127; ++v) {
            const int back = PerformanceEvents::binVelocity(PerformanceEvents::velocityBin(v));
            QVERIFY2(std::abs(back - v) <= 3, qPrintable(QStringLiteral("%1 -> %2").arg(v).arg(back)));
        }
        QCOMPARE(PerformanceEvents::velocityBin(1), 0);
        QCOMPARE(PerformanceEvents::velocityBin(127), 31);
    }

    void performanceRoundTrip()
    {
        NoteSequence s;
        s.notes = {note(60, 0.0, 0.5, 100), note(64, 0.0, 0.5, 40), note(67, 0.253, 2.0, 70),
                   note(60, 3.7, 0.004, 90),  // shorter than a step: still a note
                   note(108, 3.7, 0.2), note(21, 5.0, 0.1), note(10, 1.0, 1.0), note(120, 1.0, 1.0)};
        s.sortNotes();
        const std::vector<int> tokens = PerformanceEvents::encode(s);
        for (int t : tokens)
            QVERIFY(t >= 0 && t < PerformanceEvents::kVocabularySize);
        // The gap of 1.45 s after 0.253 needs two time shifts (none is longer than 1 s).
        const NoteSequence back = PerformanceEvents::decode(tokens);
        QCOMPARE(back.notes.size(), size_t(6));  // pitches 10 and 120 are outside the piano
        for (size_t i = 0; i < back.notes.size(); ++i) {
            const Note &a = back.notes[i];
            QVERIFY(a.pitch >= kPianoLowest && a.pitch <= kPianoHighest);
            QVERIFY(a.duration > 0);
        }
        const auto want = onsets(s), got = onsets(back);
        for (const auto &[pitch, times] : got) {
            QVERIFY(want.count(pitch));
            QCOMPARE(times.size(), want.at(pitch).size());
            for (size_t i = 0; i < times.size(); ++i)
                QVERIFY(std::abs(times[i] - want.at(pitch)[i]) <= 0.005 + 1e-9);
        }
        // Velocity survives within its bin; the long note keeps its length.
        const auto it = std::find_if(back.notes.begin(), back.notes.end(), [](const Note &n) { return n.pitch == 67; });
        QVERIFY(it != back.notes.end());
        QVERIFY(std::abs(it->duration - 2.0) <= 0.011);
        QVERIFY(std::abs(it->velocity - 70) <= 3);
    }

    void performanceAppliesPedalAndReStrikes()
    {
        NoteSequence s;
        s.notes = {note(60, 0.0, 0.2), note(60, 0.5, 0.2)};
        PedalEvent down;
        down.time = 0.1;
        down.value = 127;
        PedalEvent up;
        up.time = 2.0;
        up.value = 0;
        s.pedals = {down, up};
        const NoteSequence back = PerformanceEvents::decode(PerformanceEvents::encode(s));
        QCOMPARE(back.notes.size(), size_t(2));
        // The pedal holds the first note until the key is struck again, the second until 2.0 s.
        QVERIFY(std::abs(back.notes[0].end() - 0.5) < 0.011);
        QVERIFY(std::abs(back.notes[1].end() - 2.0) < 0.011);
    }

    void decoderNeverLeavesNotesHanging()
    {
        // Note-ons without note-offs, a note-off of a silent key, garbage tokens.
        std::vector<int> tokens{PerformanceEvents::kNoteOnBase + 10, PerformanceEvents::kNoteOffBase + 30, -5, 9999,
                                PerformanceEvents::kShiftBase + 49, PerformanceEvents::kNoteOnBase + 10};
        for (int i = 0; i < 20; ++i)
            tokens.push_back(PerformanceEvents::kShiftBase + 99);
        const NoteSequence s = PerformanceEvents::decode(tokens);
        QCOMPARE(s.notes.size(), size_t(2));
        for (const Note &n : s.notes) {
            QVERIFY(n.duration > 0);
            QVERIFY(n.duration <= 10.0 + 1e-9);
        }
    }

    void generationReleasesSoundingKeysOnly()
    {
        // Keys 10 and 20 sound for 0.5 s, key 40 was struck 10 ms ago; the network's note-off
        // chances: key 10 0.2, key 20 0, key 30 (silent) 0.6, key 40 0.1. Every other event: 1.
        const EventCodec codec;
        EventCodec::Decoder d(codec);
        ComposedEvent e;
        d.feed(PerformanceEvents::kNoteOnBase + 10, &e);
        d.feed(PerformanceEvents::kNoteOnBase + 20, &e);
        d.feed(PerformanceEvents::kShiftBase + 48, &e);
        d.feed(PerformanceEvents::kNoteOnBase + 40, &e);
        d.feed(PerformanceEvents::kShiftBase, &e);
        auto chances = [](double off10, double off20, double off30) {
            std::vector<double> p(size_t(PerformanceEvents::kVocabularySize), 1.0);
            for (int k = 0; k < PerformanceEvents::kKeys; ++k)
                p[size_t(PerformanceEvents::kNoteOffBase + k)] = 0.0;
            p[size_t(PerformanceEvents::kNoteOffBase + 10)] = off10;
            p[size_t(PerformanceEvents::kNoteOffBase + 20)] = off20;
            p[size_t(PerformanceEvents::kNoteOffBase + 30)] = off30;
            p[size_t(PerformanceEvents::kNoteOffBase + 40)] = 0.1;
            return p;
        };
        auto offOf = [](const std::vector<double> &p, int key) { return p[size_t(PerformanceEvents::kNoteOffBase + key)]; };
        std::vector<double> p = chances(0.2, 0.0, 0.6);
        d.redirectNoteOffs(p);
        // The silent key's chance goes to the keys held long enough, in proportion; the key
        // struck 10 ms ago cannot be released yet.
        QCOMPARE(offOf(p, 30), 0.0);
        QVERIFY(std::abs(offOf(p, 10) - 0.8) < 1e-12);
        QCOMPARE(offOf(p, 20), 0.0);
        QCOMPARE(offOf(p, 40), 0.0);
        for (int t = 0; t < PerformanceEvents::kVocabularySize; ++t)
            if (t < PerformanceEvents::kNoteOffBase || t >= PerformanceEvents::kShiftBase)
                QCOMPARE(p[size_t(t)], 1.0);
        // None on the sounding keys: shared evenly.
        p = chances(0.0, 0.0, 0.6);
        d.redirectNoteOffs(p);
        QVERIFY(std::abs(offOf(p, 10) - 0.3) < 1e-12 && std::abs(offOf(p, 20) - 0.3) < 1e-12);
        QCOMPARE(offOf(p, 30), 0.0);
        // 10 ms is enough when that is the minimum.
        p = chances(0.2, 0.0, 0.6);
        d.redirectNoteOffs(p, 0.01);
        QVERIFY(std::abs(offOf(p, 10) - 0.2 - 0.6 * 0.2 / 0.3) < 1e-12);
        QVERIFY(std::abs(offOf(p, 40) - 0.1 - 0.6 * 0.1 / 0.3) < 1e-12);
        // Nothing sounding: no note-off at all.
        EventCodec::Decoder silent(codec);
        p = chances(0.2, 0.0, 0.6);
        silent.redirectNoteOffs(p);
        QCOMPARE(offOf(p, 10) + offOf(p, 30) + offOf(p, 40), 0.0);
        QCOMPARE(p[size_t(PerformanceEvents::kShiftBase)], 1.0);
        d.feed(PerformanceEvents::kNoteOffBase + 40, &e);

        // Held 0.5 s: not overdue at 4 s. Held 4.5 s: the longest-held key first (the lower of
        // two struck together), then the other.
        QCOMPARE(d.overdueNoteOff(4.0), -1);
        QCOMPARE(d.overdueNoteOff(0.5), PerformanceEvents::kNoteOffBase + 10);
        d.feed(PerformanceEvents::kNoteOnBase + 5, &e);
        for (int i = 0; i < 4; ++i)
            d.feed(PerformanceEvents::kShiftBase + 99, &e);
        QCOMPARE(d.overdueNoteOff(4.0), PerformanceEvents::kNoteOffBase + 10);
        d.feed(PerformanceEvents::kNoteOffBase + 10, &e);
        QCOMPARE(d.overdueNoteOff(4.0), PerformanceEvents::kNoteOffBase + 20);
        d.feed(PerformanceEvents::kNoteOffBase + 20, &e);
        QCOMPARE(d.overdueNoteOff(4.0), PerformanceEvents::kNoteOffBase + 5);  // struck 0.5 s later
        QCOMPARE(d.overdueNoteOff(4.1), -1);

        // The paper's tokens have no note-offs: nothing changes.
        NoteSequence s;
        s.notes = {note(60, 0.0, 0.5)};
        const EventCodec paper = EventCodec::paperFromPieces({s}, 0);
        EventCodec::Decoder pd(paper);
        pd.feed(1, &e);
        std::vector<double> q{0.1, 0.7};
        pd.redirectNoteOffs(q);
        QCOMPARE(q, (std::vector<double>{0.1, 0.7}));
        QCOMPARE(pd.overdueNoteOff(0.0), -1);
    }

    void realPieceRoundTrip()
    {
        const QString dir = QStringLiteral(AICHOPIN_TEST_PIANO_MIDI "/midis/Chopin");
        if (!QFileInfo(dir).isDir())
            QSKIP("shared piano-midi data not present");
        for (const QString &name : {QStringLiteral("chpn_op25_e1.mid"), QStringLiteral("chpn-p7.mid")}) {
            const Result<NoteSequence> r = SmfReader::readFile(dir + QLatin1Char('/') + name);
            if (!r)
                QSKIP("piece missing from the shared data");
            const NoteSequence back = PerformanceEvents::decode(PerformanceEvents::encode(r.value()));
            const auto want = onsets(r.value()), got = onsets(back);
            size_t total = 0;
            for (const auto &[pitch, times] : want) {
                QVERIFY2(got.count(pitch), qPrintable(name));
                QCOMPARE(got.at(pitch).size(), times.size());
                for (size_t i = 0; i < times.size(); ++i)
                    QVERIFY2(std::abs(got.at(pitch)[i] - times[i]) <= 0.010, qPrintable(name));
                total += times.size();
            }
            QCOMPARE(back.notes.size(), total);
        }
    }

    void paperTokens()
    {
        NoteSequence s;
        s.notes = {note(61, 0.0, 1.0), note(60, 1.0, 1.0), note(64, 1.004, 1.0), note(67, 1.0, 1.0),
                   note(48, 2.0, 1.0), note(60, 2.0, 1.0), note(21, 3.0, 1.0)};
        s.sortNotes();
        const QStringList tokens = PaperTokens::tokenize(s);
        QCOMPARE(tokens, QStringList({QStringLiteral("C#4"), QStringLiteral("0.4.7"), QStringLiteral("0"), QStringLiteral("A0")}));
        QCOMPARE(PaperTokens::pitchesOf(QStringLiteral("C#4")), std::vector<int>{61});
        QCOMPARE(PaperTokens::pitchesOf(QStringLiteral("0.4.7")), (std::vector<int>{60, 64, 67}));
        QVERIFY(PaperTokens::pitchesOf(QStringLiteral("H9")).empty());
        QVERIFY(PaperTokens::pitchesOf(QStringLiteral("0.14")).empty());
        const NoteSequence back = PaperTokens::decode(tokens);
        QCOMPARE(back.notes.size(), size_t(1 + 3 + 1 + 1));
        // Every token 0.5 beat (at 120 bpm: 0.25 s) after the previous one.
        QCOMPARE(back.notes.front().start, 0.0);
        QCOMPARE(back.notes.back().start, 0.75);
        QCOMPARE(back.notes.back().pitch, 21);
    }

    void codecJsonAndUnknown()
    {
        NoteSequence s;
        s.notes = {note(60, 0.0, 0.5), note(62, 0.5, 0.5)};
        const EventCodec paper = EventCodec::paperFromPieces({s}, 1);
        // C4, D4 and their transpositions by one semitone either way.
        QCOMPARE(paper.vocabularySize(), 1 + 5);
        QCOMPARE(paper.unknownToken(), 0);
        EventCodec back;
        QString error;
        QVERIFY(EventCodec::fromJson(paper.toJson(), &back, &error));
        QCOMPARE(back.representation(), Representation::Paper);
        QCOMPARE(back.vocabularySize(), paper.vocabularySize());
        NoteSequence other;
        other.notes = {note(90, 0.0, 0.5), note(61, 0.5, 0.5)};
        const std::vector<int> t = back.encode(other);
        QCOMPARE(t.size(), size_t(2));
        QCOMPARE(t[0], 0);  // F#6 was never seen
        QCOMPARE(back.tokenName(t[1]), QStringLiteral("C#4"));
        QJsonObject bad = paper.toJson();
        bad[QStringLiteral("representation")] = QStringLiteral("midi-like");
        QVERIFY(!EventCodec::fromJson(bad, &back, &error));
        QVERIFY(error.contains(QStringLiteral("midi-like")));
        QCOMPARE(EventCodec().vocabularySize(), PerformanceEvents::kVocabularySize);
    }

    void augmentationStaysOnThePiano()
    {
        NoteSequence s;
        s.notes = {note(23, 0.0, 1.0), note(100, 1.0, 1.0)};
        std::mt19937_64 rng(7);
        bool transposedSome = false, stretchedSome = false;
        for (int i = 0; i < 200; ++i) {
            const NoteSequence t = ComposerCorpus::augment(s, 6, 0.1, rng);
            const int shift = t.notes[0].pitch - 23;
            QVERIFY(shift >= -2 && shift <= 6);  // 23 - 2 = 21 is the lowest key
            QCOMPARE(t.notes[1].pitch - 100, shift);
            const double f = t.notes[1].start;
            QVERIFY(f >= 0.9 - 1e-9 && f <= 1.1 + 1e-9);
            transposedSome |= shift != 0;
            stretchedSome |= std::abs(f - 1.0) > 1e-6;
        }
        QVERIFY(transposedSome && stretchedSome);
    }

    void splitIsByPiece()
    {
        const QString dir = QStringLiteral(AICHOPIN_TEST_PIANO_MIDI "/midis/Chopin");
        if (!QFileInfo(dir).isDir())
            QSKIP("shared piano-midi data not present");
        Result<ComposerCorpus> c = ComposerCorpus::load(dir);
        QVERIFY(c.ok());
        c->split(0.12, 1);
        QVERIFY(!c->validation().empty());
        QCOMPARE(c->validation().size() + c->training().size(), size_t(48));
        for (const auto &v : c->validation())
            for (const auto &t : c->training())
                QVERIFY(v.path != t.path);
        QCOMPARE(c->fingerprint().size(), 40);
    }
};

QTEST_GUILESS_MAIN(TestComposerRepresentations)
#include "TestComposerRepresentations.moc"
