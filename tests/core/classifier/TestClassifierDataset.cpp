// Dataset scanning (both folder layouts and list files), the split by piece, MIDI windows with
// augmentation, rendering through FluidSynth into clips, and the on-disk clip cache.
#include "classifier/AudioAugmentation.h"
#include "classifier/ClassifierDataset.h"
#include "midi/SmfWriter.h"
#include "sound/WavWriter.h"
#include "sound/SoundfontLocator.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <set>

using namespace aichopin;

namespace {

NoteSequence scale(int root, double seconds)
{
    NoteSequence s;
    for (int i = 0; i * 0.25 < seconds; ++i) {
        Note n;
        n.pitch = root + (i % 8) * 2;
        n.start = i * 0.25;
        n.duration = 0.3;
        n.velocity = 50 + (i * 7) % 60;
        s.notes.push_back(n);
    }
    s.sortNotes();
    s.syncTicksFromSeconds();
    return s;
}

void writeMidi(const QString &path, int root, double seconds)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QVERIFY(SmfWriter::writeFile(scale(root, seconds), path));
}

// A Chopin piece and another piece of `seconds` each (scales from C4 and E2) in dir, scanned.
Result<std::vector<DatasetEntry>> twoPieces(const QTemporaryDir &dir, double seconds)
{
    writeMidi(dir.filePath(QStringLiteral("chopin/c.mid")), 60, seconds);
    writeMidi(dir.filePath(QStringLiteral("other/o.mid")), 40, seconds);
    return ClassifierDataset::scan(dir.path());
}

// Evaluation clips (no augmentation) of 2 s, one window a piece, 32 mel bands.
ClassifierDatasetOptions plainEvaluation(const QString &font, const QString &cacheDir)
{
    ClassifierDatasetOptions o;
    o.features.nMels = 32;
    o.features.clipSeconds = 2.0;
    o.clipsPerPiece = 1;
    o.augment = false;
    o.allValidation = true;
    o.soundfonts = {font};
    o.cacheDir = cacheDir;
    return o;
}

}  // namespace

class TestClassifierDataset : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void scansChopinOtherLayout()
    {
        QTemporaryDir dir;
        writeMidi(dir.filePath(QStringLiteral("chopin/a.mid")), 60, 4);
        writeMidi(dir.filePath(QStringLiteral("Other/Liszt/b.mid")), 48, 4);
        writeMidi(dir.filePath(QStringLiteral("Other/c.mid")), 50, 4);
        QFile notMusic(dir.filePath(QStringLiteral("chopin/readme.txt")));
        QVERIFY(notMusic.open(QIODevice::WriteOnly));
        notMusic.close();
        const auto r = ClassifierDataset::scan(dir.path());
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        QCOMPARE(int(r->size()), 3);
        QCOMPARE(r->at(0).composer, QStringLiteral("Chopin"));
        QVERIFY(r->at(0).isChopin);
        QCOMPARE(r->at(1).composer, QStringLiteral("Liszt"));
        QCOMPARE(r->at(2).composer, QStringLiteral("Other"));
        QVERIFY(!r->at(2).isChopin);
    }

    void scansComposerLayoutAndLists()
    {
        QTemporaryDir dir;
        writeMidi(dir.filePath(QStringLiteral("Chopin/a.mid")), 60, 4);
        writeMidi(dir.filePath(QStringLiteral("Bach/b.mid")), 48, 4);
        writeMidi(dir.filePath(QStringLiteral("Liszt/c.mid")), 50, 4);
        auto r = ClassifierDataset::scan(dir.path());
        QVERIFY(r);
        QCOMPARE(int(r->size()), 3);
        QStringList composers;
        for (const DatasetEntry &e : r.value())
            composers << e.composer;
        QCOMPARE(composers, (QStringList{QStringLiteral("Chopin"), QStringLiteral("Bach"), QStringLiteral("Liszt")}));

        QFile list(dir.filePath(QStringLiteral("list.tsv")));
        QVERIFY(list.open(QIODevice::WriteOnly));
        list.write("# label, path, composer\nChopin\tChopin/a.mid\nother\tBach/b.mid\tBach\n");
        list.close();
        r = ClassifierDataset::scan(list.fileName());
        QVERIFY(r);
        QCOMPARE(int(r->size()), 2);
        QCOMPARE(r->at(1).composer, QStringLiteral("Bach"));
        QVERIFY(QFile::exists(r->at(1).path));

        QVERIFY(list.open(QIODevice::WriteOnly | QIODevice::Truncate));
        list.write("Mozart\tBach/b.mid\n");
        list.close();
        r = ClassifierDataset::scan(list.fileName());
        QVERIFY(!r);
        QVERIFY(r.error().message.contains(QStringLiteral(":1:")));
        // A list whose name holds %1 and %2 is named as it is, not filled in.
        const QString odd = dir.filePath(QStringLiteral("take %1 of %2.tsv"));
        QVERIFY(QFile::copy(list.fileName(), odd));
        r = ClassifierDataset::scan(odd);
        QVERIFY(!r);
        QVERIFY2(r.error().message.startsWith(odd + QStringLiteral(":1: label must be Chopin or Other, not 'Mozart'")),
                 qPrintable(r.error().message));
        QVERIFY(!ClassifierDataset::scan(dir.filePath(QStringLiteral("Bach"))));  // no Chopin folder
        QVERIFY(!ClassifierDataset::scan(dir.filePath(QStringLiteral("nothing"))));
    }

    void splitIsByPieceAndStratified()
    {
        std::vector<ClipPiece> pieces;
        for (int i = 0; i < 20; ++i)
            pieces.push_back({QString::number(i), i < 10 ? QStringLiteral("Chopin") : QStringLiteral("Liszt"), i < 10, false});
        ClassifierDataset::splitByPiece(pieces, 0.2, 1);
        int chopin = 0, liszt = 0;
        for (const ClipPiece &p : pieces)
            if (p.validation)
                (p.isChopin ? chopin : liszt)++;
        QCOMPARE(chopin, 2);
        QCOMPARE(liszt, 2);
        std::vector<ClipPiece> again = pieces;
        ClassifierDataset::splitByPiece(again, 0.2, 1);
        for (size_t i = 0; i < pieces.size(); ++i)
            QCOMPARE(again[i].validation, pieces[i].validation);
    }

    void trainingShareKeepsTheValidationPieces()
    {
        std::vector<ClipPiece> pieces;
        for (int i = 0; i < 30; ++i)
            pieces.push_back({QString::number(i), i < 10 ? QStringLiteral("Chopin") : i < 28 ? QStringLiteral("Liszt") : QStringLiteral("Satie"),
                              i < 10, false});
        ClassifierDataset::splitByPiece(pieces, 0.2, 3);
        QStringList held;
        for (const ClipPiece &p : pieces)
            if (p.validation)
                held << p.name;
        std::vector<ClipPiece> half = pieces;
        ClassifierDataset::keepTrainingShare(half, 0.5, 3);
        QStringList heldAfter;
        int chopin = 0, liszt = 0, satie = 0;
        for (const ClipPiece &p : half) {
            if (p.validation) {
                heldAfter << p.name;
                continue;
            }
            (p.composer == QLatin1String("Chopin") ? chopin : p.composer == QLatin1String("Liszt") ? liszt : satie)++;
        }
        QCOMPARE(heldAfter, held);  // the same held-out pieces, in their order
        QCOMPARE(chopin, 4);        // half of Chopin's 8 training pieces
        QCOMPARE(liszt, 7);         // half of Liszt's 14
        QCOMPARE(satie, 1);         // Satie's one training piece stays: every composer keeps one
        std::vector<ClipPiece> again = pieces;
        ClassifierDataset::keepTrainingShare(again, 0.5, 3);
        QCOMPARE(again.size(), half.size());
        for (size_t i = 0; i < half.size(); ++i)
            QCOMPARE(again[i].name, half[i].name);
        std::vector<ClipPiece> all = pieces;
        ClassifierDataset::keepTrainingShare(all, 1.0, 3);
        QCOMPARE(all.size(), pieces.size());
    }

    void windowAppliesAugmentation()
    {
        const NoteSequence s = scale(60, 10);
        AugmentationParams p;
        p.tempoScale = 2.0;
        p.transpose = 2;
        p.velocityGamma = 1.0;
        const NoteSequence w = AudioAugmentation::window(s, 2.0, 4.0, p);
        // Notes starting in [2, 6): 16 of them, plus the one still sounding at 2.0 (from 1.75).
        QCOMPARE(int(w.notes.size()), 17);
        QCOMPARE(w.notes.front().start, 0.0);
        QCOMPARE(w.notes[1].start, 0.0);
        QCOMPARE(w.notes[2].start, 0.125);  // (2.25 - 2) / 2
        QCOMPARE(w.notes[2].pitch, s.notes[9].pitch + 2);
        p.velocityGamma = 2.0;
        const NoteSequence soft = AudioAugmentation::window(s, 0, 1, p);
        QVERIFY(soft.notes[0].velocity < s.notes[0].velocity);

        std::vector<float> x(22050, 0.0f);
        AugmentationParams noisy;
        noisy.snrDb = 20;
        noisy.noiseSeed = 3;
        x[100] = 0.5f;
        AudioAugmentation::apply(x, 22050, noisy);
        int nonZero = 0;
        for (float v : x)
            nonZero += v != 0.0f;
        QVERIFY(nonZero > 20000);
    }

    void rendersMidiIntoCachedClips()
    {
        const QStringList fonts = SoundfontLocator::installed();
        QString small;
        for (const QString &f : fonts)
            if (f.contains(QStringLiteral("TimGM6mb")))
                small = f;
        if (small.isEmpty() && !fonts.isEmpty())
            small = fonts.front();
        if (small.isEmpty())
            QSKIP("no soundfont installed");
        QTemporaryDir dir;
        for (int i = 0; i < 3; ++i) {
            writeMidi(dir.filePath(QStringLiteral("chopin/c%1.mid").arg(i)), 60 + i, 6);
            writeMidi(dir.filePath(QStringLiteral("other/o%1.mid").arg(i)), 40 + i, 6);
        }
        const auto entries = ClassifierDataset::scan(dir.path());
        QVERIFY(entries);
        ClassifierDatasetOptions o;
        o.features.nMels = 32;
        o.features.clipSeconds = 2.0;
        o.clipsPerPiece = 2;
        o.augmentations = 2;
        o.soundfonts = {small};
        o.cacheDir = dir.filePath(QStringLiteral("cache"));
        o.validationFraction = 0.34;
        QStringList skipped;
        QElapsedTimer t;
        t.start();
        const auto first = ClassifierDataset::build(entries.value(), o, {}, nullptr, &skipped);
        const qint64 firstMs = t.elapsed();
        QVERIFY2(first, first ? "" : qPrintable(first.error().message));
        QVERIFY(skipped.isEmpty());
        // Training pieces: 2 renderings x 2 windows; validation pieces: 1 x 2.
        int validation = 0;
        for (const ClipPiece &p : first->pieces)
            validation += p.validation;
        QCOMPARE(validation, 2);
        QCOMPARE(first->clipCount(), 4 * 4 + 2 * 2);
        QCOMPARE(first->clips.size(), size_t(first->clipCount()) * first->clipValues());
        QVERIFY(!QDir(o.cacheDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot).isEmpty());
        // The renderings of a training piece take interleaved windows (rendering 0 at 1/8 and
        // 5/8 of the piece, rendering 1 at 3/8 and 7/8); a validation piece's are at 1/4, 3/4.
        for (size_t pi = 0; pi < first->pieces.size(); ++pi) {
            std::vector<double> starts;
            for (int c = 0; c < first->clipCount(); ++c)
                if (first->piece[size_t(c)] == int(pi))
                    starts.push_back(first->start[size_t(c)]);
            if (first->pieces[pi].validation) {
                QCOMPARE(int(starts.size()), 2);
                QVERIFY(starts[0] < starts[1]);
            } else {
                QCOMPARE(int(starts.size()), 4);
                QVERIFY2(starts[0] < starts[2] && starts[2] < starts[1] && starts[1] < starts[3],
                         qPrintable(QStringLiteral("%1 %2 %3 %4").arg(starts[0]).arg(starts[1]).arg(starts[2]).arg(starts[3])));
            }
        }
        // Two renderings of a piece differ (augmentation).
        QVERIFY(!std::equal(first->clips.begin(), first->clips.begin() + qsizetype(first->clipValues()),
                            first->clips.begin() + qsizetype(2 * first->clipValues())));

        t.restart();
        const auto second = ClassifierDataset::build(entries.value(), o);
        QVERIFY(second);
        QCOMPARE(second->clips, first->clips);  // read back from the cache, bit for bit
        qInfo("first build %lld ms, cached %lld ms", firstMs, qint64(t.elapsed()));

        o.features.nMels = 40;  // other settings: other keys
        const auto third = ClassifierDataset::build(entries.value(), o);
        QVERIFY(third);
        QCOMPARE(third->clipValues(), size_t(o.features.clipFrames()) * 40);
    }

    void roomsMakeOtherClipsCachedUnderTheirOwnKeys()
    {
        const QStringList fonts = SoundfontLocator::installed();
        if (fonts.isEmpty())
            QSKIP("no soundfont installed");
        QTemporaryDir dir;
        const auto entries = twoPieces(dir, 6);
        QVERIFY(entries);
        ClassifierDatasetOptions o = plainEvaluation(fonts.back(), dir.filePath(QStringLiteral("cache")));
        o.augment = true;
        o.augmentations = 2;
        o.allValidation = false;
        const auto dry = ClassifierDataset::build(entries.value(), o);
        QVERIFY(dry);
        o.roomShare = 1.0;
        const auto roomy = ClassifierDataset::build(entries.value(), o);
        QVERIFY(roomy);
        QCOMPARE(roomy->clipCount(), dry->clipCount());
        // Every clip is heard in a room: none is the dry clip read back from the cache.
        const size_t v = dry->clipValues();
        for (int c = 0; c < dry->clipCount(); ++c)
            QVERIFY(!std::equal(dry->clips.begin() + qsizetype(c * v), dry->clips.begin() + qsizetype((c + 1) * v),
                                roomy->clips.begin() + qsizetype(c * v)));
        const auto again = ClassifierDataset::build(entries.value(), o);
        QVERIFY(again);
        QCOMPARE(again->clips, roomy->clips);
        o.roomShare = 0.0;  // and the clips without rooms are the same as before
        const auto dryAgain = ClassifierDataset::build(entries.value(), o);
        QVERIFY(dryAgain);
        QCOMPARE(dryAgain->clips, dry->clips);
    }

    void recordingsAreHeardAtOneLevel()
    {
        // The same recording 30 dB quieter (float WAV files, so nothing but the level differs)
        // gives the same clips, as classifying hears it (ClipStream::levelGain).
        QTemporaryDir dir;
        const int rate = 22050;
        std::vector<float> loud(size_t(3 * rate));
        for (size_t i = 0; i < loud.size(); ++i)
            loud[i] = float(0.3 * std::sin(2 * M_PI * 220.0 * double(i) / rate) * (0.5 + 0.5 * std::sin(double(i) / rate)));
        std::vector<float> quiet = loud;
        for (float &x : quiet)
            x *= 0.0316227766f;
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("chopin")) && QDir(dir.path()).mkpath(QStringLiteral("other")));
        QVERIFY(WavWriter::writeFile(dir.filePath(QStringLiteral("chopin/loud.wav")), loud.data(), qint64(loud.size()), rate, 1, WavFormat::Float32));
        QVERIFY(WavWriter::writeFile(dir.filePath(QStringLiteral("other/quiet.wav")), quiet.data(), qint64(quiet.size()), rate, 1, WavFormat::Float32));
        const auto entries = ClassifierDataset::scan(dir.path());
        QVERIFY(entries);
        ClassifierDatasetOptions o = plainEvaluation(QString(), QStringLiteral("-"));
        o.soundfonts = {};
        const auto set = ClassifierDataset::build(entries.value(), o);
        QVERIFY2(set, set ? "" : qPrintable(set.error().toString()));
        QCOMPARE(set->clipCount(), 2);
        const size_t v = set->clipValues();
        float worst = 0;
        for (size_t i = 0; i < v; ++i)
            worst = std::max(worst, std::abs(set->clips[i] - set->clips[v + i]));
        QVERIFY2(worst < 0.01f, qPrintable(QString::number(worst)));
    }

    void excludedSoundfontsAreNeverUsed()
    {
        ClassifierDatasetOptions o;
        o.soundfonts = {QStringLiteral("/x/A.sf2"), QStringLiteral("/y/B.sf3")};
        o.excludeSoundfonts = {QStringLiteral("B.sf3")};
        QCOMPARE(ClassifierDataset::soundfontsFor(o), QStringList{QStringLiteral("/x/A.sf2")});
        o.excludeSoundfonts = {QStringLiteral("/elsewhere/A.sf2"), QStringLiteral("B.sf3")};
        QVERIFY(ClassifierDataset::soundfontsFor(o).isEmpty());
        QTemporaryDir dir;
        const auto entries = twoPieces(dir, 4);
        QVERIFY(entries);
        o.cacheDir = QStringLiteral("-");
        const auto set = ClassifierDataset::build(entries.value(), o);
        QVERIFY(!set);
        QVERIFY(set.error().message.contains(QStringLiteral("excluded")));
    }

    void evaluationClipsThroughTheCodecAreOtherClips()
    {
        const QStringList fonts = SoundfontLocator::installed();
        if (fonts.isEmpty())
            QSKIP("no soundfont installed");
        QTemporaryDir dir;
        const auto entries = twoPieces(dir, 4);
        QVERIFY(entries);
        ClassifierDatasetOptions o = plainEvaluation(fonts.back(), dir.filePath(QStringLiteral("cache")));
        QStringList skipped;
        const auto plain = ClassifierDataset::build(entries.value(), o, {}, nullptr, &skipped);
        QVERIFY(plain);
        o.lossyKbps = 32;
        const auto coded = ClassifierDataset::build(entries.value(), o, {}, nullptr, &skipped);
        QVERIFY(coded);
        QVERIFY2(skipped.isEmpty(), qPrintable(skipped.join(QLatin1Char('\n'))));
        QCOMPARE(coded->clipCount(), plain->clipCount());
        QVERIFY(coded->clips != plain->clips);  // not the plain clip read back from the cache
        const auto again = ClassifierDataset::build(entries.value(), o);
        QVERIFY(again);
        QCOMPARE(again->clips, coded->clips);
    }

    void prerollRendersTheMusicBeforeEachWindow()
    {
        const QStringList fonts = SoundfontLocator::installed();
        if (fonts.isEmpty())
            QSKIP("no soundfont installed");
        QTemporaryDir dir;
        const auto entries = twoPieces(dir, 8);  // one window each, at 3 s of 8
        QVERIFY(entries);
        ClassifierDatasetOptions o = plainEvaluation(fonts.back(), dir.filePath(QStringLiteral("cache")));
        const auto cold = ClassifierDataset::build(entries.value(), o);
        QVERIFY(cold);
        QCOMPARE(cold->clipCount(), 2);
        o.prerollSeconds = 2.0;
        const auto warm = ClassifierDataset::build(entries.value(), o);
        QVERIFY(warm);
        QCOMPARE(warm->clipCount(), 2);
        QCOMPARE(warm->clips.size(), cold->clips.size());
        // The notes sounding into the window ring on instead of being struck at its start, and
        // the clip is cached under its own key (not the cold clip read back).
        QVERIFY(warm->clips != cold->clips);
        const auto again = ClassifierDataset::build(entries.value(), o);
        QVERIFY(again);
        QCOMPARE(again->clips, warm->clips);
    }

    void scansPianoMidi()
    {
        const QString root = QStringLiteral(AICHOPIN_TEST_PIANO_MIDI "/midis");
        if (!QDir(root).exists())
            QSKIP("piano-midi data not present");
        const auto r = ClassifierDataset::scan(root);
        QVERIFY(r);
        std::set<QString> composers;
        int chopin = 0;
        for (const DatasetEntry &e : r.value()) {
            composers.insert(e.composer);
            chopin += e.isChopin;
        }
        QCOMPARE(chopin, 48);
        QVERIFY(composers.count(QStringLiteral("Liszt")));
        QVERIFY(composers.count(QStringLiteral("Godowsky")));
        QCOMPARE(int(composers.size()), 26);  // 25 composers and a Christmas folder
    }
};

QTEST_GUILESS_MAIN(TestClassifierDataset)
#include "TestClassifierDataset.moc"
