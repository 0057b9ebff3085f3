// Training (checkpoints, exact resume, cancellation) and generation (streaming, seeds, valid
// output) with a tiny network trained here on synthetic pieces, plus model-file errors.

#include "common/DataPaths.h"
#include "composer/ComposerCorpus.h"
#include "composer/ComposerModel.h"
#include "composer/ComposerTrainer.h"
#include "midi/SmfWriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <set>

using namespace aichopin;

namespace {

// A repeating broken chord with a little variation per piece: easy to learn, so a few epochs
// of a tiny network lower the loss clearly.
NoteSequence syntheticPiece(int variant)
{
    NoteSequence s;
    const int roots[] = {48, 53, 55, 50};
    double t = 0.0;
    for (int bar = 0; bar < 24; ++bar) {
        const int root = roots[(bar + variant) % 4] + variant % 3;
        for (int k : {0, 4, 7, 12, 7, 4}) {
            Note n;
            n.pitch = root + k;
            n.start = t;
            n.duration = 0.2;
            n.velocity = 60 + 10 * (k % 3);
            s.notes.push_back(n);
            t += 0.125;
        }
    }
    s.sortNotes();
    s.syncTicksFromSeconds();
    return s;
}

// A phrase as a musician would give it: off the codec's time grid, odd velocities, pedalled,
// with a tempo map, so any re-encoding of it would show.
NoteSequence playedPhrase()
{
    NoteSequence s = syntheticPiece(2);
    s.notes.resize(30);
    for (size_t i = 0; i < s.notes.size(); ++i) {
        s.notes[i].start += 0.0037 * double(i % 5);
        s.notes[i].duration += 0.0011 * double(i % 3);
        s.notes[i].velocity = 17 + int(i * 37) % 110;
    }
    s.pedals.push_back(PedalEvent{0.05, 0, 127, 0, 0});
    s.pedals.push_back(PedalEvent{1.93, 0, 0, 0, 0});
    s.sortNotes();
    s.syncTicksFromSeconds();
    return s;
}

// A continuation keeps the primer exactly (notes, velocities, pedals) and adds the new notes
// after its last note; the streamed events are timed the same way.
void checkContinuation(const ComposerModel &model)
{
    GenerationOptions p;
    p.seconds = 3.0;
    p.seed = 5;
    p.primer = playedPhrase();
    double primerEnd = 0.0;
    for (const Note &n : p.primer->notes)
        primerEnd = std::max(primerEnd, n.end());
    std::vector<ComposedEvent> events;
    const auto d = model.generate(p, [&](const ComposedEvent &e) { events.push_back(e); });
    QVERIFY2(d.ok(), qPrintable(d.ok() ? QString() : d.error().toString()));
    QVERIFY(!events.empty());
    for (const ComposedEvent &e : events)
        QVERIFY2(e.time >= primerEnd - 1e-9, qPrintable(QString::number(e.time)));
    int kept = 0, added = 0;
    for (const Note &n : d->notes) {
        const bool fromPrimer = std::any_of(p.primer->notes.begin(), p.primer->notes.end(), [&](const Note &q) {
            return q.pitch == n.pitch && q.start == n.start && q.duration == n.duration && q.velocity == n.velocity
                   && q.startTick == n.startTick;
        });
        if (fromPrimer) {
            ++kept;
        } else {
            ++added;
            QVERIFY2(n.start >= primerEnd - 1e-9, qPrintable(QStringLiteral("new note at %1, primer ends %2").arg(n.start).arg(primerEnd)));
            QCOMPARE(n.startTick, d->tempoMap.tickAt(n.start));
        }
    }
    QCOMPARE(kept, int(p.primer->notes.size()));
    QVERIFY(added > 0);
    QCOMPARE(d->pedals.size(), p.primer->pedals.size());
    QVERIFY(d->duration() > primerEnd);

    // A primer cut off with its pedal down: the pedal comes up where the primer ends, not after
    // every new note (which would ring to the end of the piece); its own pedal events stay.
    p.primer->pedals.pop_back();
    const auto held = model.generate(p);
    QVERIFY2(held.ok(), qPrintable(held.ok() ? QString() : held.error().toString()));
    QCOMPARE(held->pedals.size(), size_t(2));
    QCOMPARE(held->pedals[0].time, p.primer->pedals[0].time);
    QVERIFY(held->pedals[0].down());
    QVERIFY(!held->pedals[1].down());
    QCOMPARE(held->pedals[1].channel, p.primer->pedals[0].channel);
    QVERIFY2(std::abs(held->pedals[1].time - primerEnd) < 1e-9, qPrintable(QString::number(held->pedals[1].time)));
    QCOMPARE(held->pedals[1].tick, held->tempoMap.tickAt(primerEnd));
    // Played, the new notes sound as long as they were written.
    auto newNotesLength = [&](const NoteSequence &s) {
        double sum = 0.0;
        for (const Note &n : s.notes)
            sum += n.start >= primerEnd - 1e-9 ? n.duration : 0.0;
        return sum;
    };
    NoteSequence sounding = held.value();
    sounding.applySustainPedal();
    QVERIFY(newNotesLength(held.value()) > 0.0);
    QVERIFY2(std::abs(newNotesLength(sounding) - newNotesLength(held.value())) < 1e-6,
             qPrintable(QStringLiteral("%1 s written, %2 s sounding").arg(newNotesLength(held.value())).arg(newNotesLength(sounding))));
}

ComposerTrainingOptions tinyOptions(const QString &data, const QString &out)
{
    ComposerTrainingOptions o;
    o.dataDir = data;
    o.outPath = out;
    o.hyper.preset = QStringLiteral("test-tiny");
    o.hyper.embedding = 8;
    o.hyper.hidden = 24;
    o.hyper.layers = 2;
    o.hyper.dropout = 0.1;
    o.learningRate = 0.01;
    o.batchSize = 4;
    o.chunkLength = 32;
    o.maxEpochs = 4;
    o.patience = 100;
    o.validationFraction = 0.2;
    o.threads = 1;
    o.device = QStringLiteral("cpu");
    o.seed = 5;
    o.reportEverySteps = 1;
    return o;
}

}  // namespace

class TestComposerTraining : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_data;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_data = m_dir.filePath(QStringLiteral("midi"));
        QDir().mkpath(m_data);
        for (int i = 0; i < 5; ++i)
            QVERIFY(SmfWriter::writeFile(syntheticPiece(i), m_data + QStringLiteral("/piece%1.mid").arg(i)).ok());
    }

    void trainsAndResumesExactly()
    {
        // One run of four epochs...
        ComposerTrainingOptions full = tinyOptions(m_data, m_dir.filePath(QStringLiteral("full.pt")));
        std::vector<ComposerEpochStats> fullEpochs;
        int steps = 0;
        const auto r = ComposerTrainer::train(full, [&](const ComposerStepStats &s) {
            ++steps;
            QVERIFY(std::isfinite(s.loss));
            QVERIFY(s.tokensPerSecond > 0);
        }, [&](const ComposerEpochStats &e) { fullEpochs.push_back(e); }, {}, nullptr);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        QCOMPARE(r->epochsCompleted, 4);
        QCOMPARE(int(fullEpochs.size()), 4);
        QVERIFY(steps > 0);
        QCOMPARE(r->validationPieces, 1);
        QCOMPARE(r->trainingPieces, 4);
        QVERIFY(QFile::exists(full.outPath));
        QVERIFY(QFile::exists(full.outPath + QStringLiteral(".ckpt")));
        // Learning happened: well below the uniform loss ln(308) = 5.73 nats.
        QVERIFY2(r->bestValidationLoss < 4.0, qPrintable(QString::number(r->bestValidationLoss)));
        QVERIFY(fullEpochs.back().validationLoss < fullEpochs.front().validationLoss);
        QCOMPARE(fullEpochs.front().validationBits, fullEpochs.front().validationLoss / std::log(2.0));

        // ...equals two epochs, then a resume for two more.
        ComposerTrainingOptions half = tinyOptions(m_data, m_dir.filePath(QStringLiteral("half.pt")));
        half.maxEpochs = 2;
        QVERIFY(ComposerTrainer::train(half, {}, {}, {}, nullptr).ok());
        ComposerTrainingOptions rest = tinyOptions(m_data, half.outPath);
        rest.resumePath = half.outPath;
        rest.hyper.hidden = 999;  // ignored: the checkpoint decides
        std::vector<ComposerEpochStats> restEpochs;
        const auto r2 = ComposerTrainer::train(rest, {}, [&](const ComposerEpochStats &e) { restEpochs.push_back(e); }, {}, nullptr);
        QVERIFY2(r2.ok(), qPrintable(r2.ok() ? QString() : r2.error().toString()));
        QCOMPARE(int(restEpochs.size()), 2);
        QCOMPARE(restEpochs[0].epoch, 3);
        QCOMPARE(restEpochs[0].validationLoss, fullEpochs[2].validationLoss);
        QCOMPARE(restEpochs[1].validationLoss, fullEpochs[3].validationLoss);
        QCOMPARE(restEpochs[1].trainLoss, fullEpochs[3].trainLoss);
    }

    void startsFromAModelsWeights()
    {
        // Other pieces in the same style, as a musician's own folder would be.
        const QString own = m_dir.filePath(QStringLiteral("own"));
        QDir().mkpath(own);
        for (int i = 5; i < 10; ++i)
            QVERIFY(SmfWriter::writeFile(syntheticPiece(i), own + QStringLiteral("/own%1.mid").arg(i)).ok());
        const QString start = m_dir.filePath(QStringLiteral("start.pt"));
        QVERIFY(ComposerTrainer::train(tinyOptions(m_data, start), {}, {}, {}, nullptr).ok());

        // A learning rate too small to move the weights: the first epoch scores what the starting
        // model knows, where a network starting from scratch knows nothing (ln 308 = 5.73 nats).
        double startScore = -2.0;
        auto firstEpoch = [&](const QString &init, const QString &out) {
            ComposerTrainingOptions o = tinyOptions(own, m_dir.filePath(out));
            o.initPath = init;
            o.hyper.hidden = 999;  // ignored: the starting model decides
            o.learningRate = 1e-9;
            o.maxEpochs = 1;
            std::vector<ComposerEpochStats> epochs;
            const auto r = ComposerTrainer::train(o, {}, [&](const ComposerEpochStats &e) { epochs.push_back(e); }, {}, nullptr);
            if (r.ok())
                startScore = r->startValidationLoss;
            return std::make_pair(r.ok() ? QString() : r.error().toString(), epochs.empty() ? -1.0 : epochs[0].validationLoss);
        };
        const auto scratch = firstEpoch(QString(), QStringLiteral("scratch.pt"));
        QVERIFY2(scratch.first.isEmpty(), qPrintable(scratch.first));
        QCOMPARE(startScore, -1.0);  // nothing to score: a new network
        const auto tuned = firstEpoch(start, QStringLiteral("tuned.pt"));
        QVERIFY2(tuned.first.isEmpty(), qPrintable(tuned.first));
        QVERIFY2(scratch.second > 5.0, qPrintable(QString::number(scratch.second)));
        QVERIFY2(tuned.second < 4.0, qPrintable(QString::number(tuned.second)));
        // The starting model's own score on these held-out pieces, before training: what an epoch
        // that moved nothing scores too.
        QVERIFY2(std::abs(startScore - tuned.second) < 1e-3, qPrintable(QStringLiteral("%1 / %2").arg(startScore).arg(tuned.second)));

        // The model says where its weights came from, keeps the starting network's size, composes.
        const auto m = ComposerModel::load(m_dir.filePath(QStringLiteral("tuned.pt")));
        QVERIFY2(m.ok(), qPrintable(m.ok() ? QString() : m.error().toString()));
        const QJsonObject from = m.value()->info().value(QStringLiteral("initialised_from")).toObject();
        QCOMPARE(from.value(QStringLiteral("file")).toString(), QStringLiteral("start.pt"));
        QCOMPARE(from.value(QStringLiteral("data_dir")).toString(), QStringLiteral("midi"));
        QCOMPARE(from.value(QStringLiteral("validation_here_nats_per_event")).toDouble(), startScore);
        GenerationOptions g;
        g.seconds = 2.0;
        g.seed = 1;
        QVERIFY(m.value()->generate(g).ok());

        // Clear errors: a missing starting model, or a resume and a start at once.
        ComposerTrainingOptions bad = tinyOptions(own, m_dir.filePath(QStringLiteral("bad.pt")));
        bad.initPath = m_dir.filePath(QStringLiteral("missing.pt"));
        QVERIFY(!ComposerTrainer::train(bad, {}, {}, {}, nullptr).ok());
        bad.initPath = start;
        bad.resumePath = start;
        const auto both = ComposerTrainer::train(bad, {}, {}, {}, nullptr);
        QVERIFY(!both.ok());
        QVERIFY2(both.error().message.contains(QStringLiteral("not both")), qPrintable(both.error().toString()));
    }

    void cancelWritesACheckpointAndResumesMidEpoch()
    {
        ComposerTrainingOptions ref = tinyOptions(m_data, m_dir.filePath(QStringLiteral("ref.pt")));
        ref.maxEpochs = 2;
        std::vector<ComposerEpochStats> refEpochs;
        QVERIFY(ComposerTrainer::train(ref, {}, [&](const ComposerEpochStats &e) { refEpochs.push_back(e); }, {}, nullptr).ok());

        ComposerTrainingOptions o = tinyOptions(m_data, m_dir.filePath(QStringLiteral("cancel.pt")));
        o.maxEpochs = 2;
        CancelToken cancel;
        const auto r = ComposerTrainer::train(o, [&](const ComposerStepStats &s) {
            if (s.epoch == 2 && s.step == 3)
                cancel.cancel();
        }, {}, {}, &cancel);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().message, QStringLiteral("cancelled"));
        QVERIFY(QFile::exists(o.outPath + QStringLiteral(".ckpt")));

        o.resumePath = o.outPath;
        std::vector<ComposerEpochStats> epochs;
        const auto r2 = ComposerTrainer::train(o, {}, [&](const ComposerEpochStats &e) { epochs.push_back(e); }, {}, nullptr);
        QVERIFY2(r2.ok(), qPrintable(r2.ok() ? QString() : r2.error().toString()));
        QCOMPARE(int(epochs.size()), 1);
        QCOMPARE(epochs[0].epoch, 2);
        QCOMPARE(epochs[0].validationLoss, refEpochs[1].validationLoss);
    }

    void generatesDeterministicStreamedValidMusic()
    {
        const QString path = m_dir.filePath(QStringLiteral("full.pt"));
        const auto m = ComposerModel::load(path);
        QVERIFY2(m.ok(), qPrintable(m.ok() ? QString() : m.error().toString()));
        QCOMPARE(m.value()->representation(), Representation::Performance);
        QCOMPARE(m.value()->hyperparameters().hidden, 24);
        QVERIFY(m.value()->info().contains(QStringLiteral("validation_nats_per_event")));

        GenerationOptions g;
        g.seconds = 8.0;
        g.seed = 42;
        g.topK = 40;
        g.topP = 0.95;
        std::vector<ComposedEvent> events;
        const auto a = m.value()->generate(g, [&](const ComposedEvent &e) { events.push_back(e); });
        QVERIFY2(a.ok(), qPrintable(a.ok() ? QString() : a.error().toString()));
        QVERIFY(!events.empty());
        QVERIFY(!a->notes.empty());
        double last = 0.0;
        for (size_t i = 0; i < events.size(); ++i) {
            QCOMPARE(events[i].index, int(i));
            QVERIFY(events[i].probability > 0.0 && events[i].probability <= 1.0);
            QVERIFY(events[i].time >= last);
            last = events[i].time;
        }
        QVERIFY(last >= 8.0 && last < 9.01);
        for (const Note &n : a->notes) {
            QVERIFY(n.pitch >= kPianoLowest && n.pitch <= kPianoHighest);
            QVERIFY(n.duration > 0.0 && n.duration <= 10.0);
        }
        // Every note-off releases a key that sounds; no note is held past the limit (plus the
        // longest time shift, after which the limit is noticed).
        auto releases = [](const std::vector<ComposedEvent> &stream, int *offs) {
            std::set<int> sounding;
            bool allSounding = true;
            for (const ComposedEvent &e : stream) {
                if (e.kind == ComposedEvent::Kind::NoteOn)
                    sounding.insert(e.pitches.at(0));
                if (e.kind == ComposedEvent::Kind::NoteOff) {
                    ++*offs;
                    allSounding = sounding.erase(e.pitches.at(0)) == 1 && allSounding;
                }
            }
            return allSounding;
        };
        int offs = 0;
        QVERIFY(releases(events, &offs));
        QVERIFY(offs > 0);
        GenerationOptions held = g;
        held.maxHoldSeconds = 0.5;
        std::vector<ComposedEvent> heldEvents;
        const auto h = m.value()->generate(held, [&](const ComposedEvent &e) { heldEvents.push_back(e); });
        QVERIFY(h.ok() && !h->notes.empty());
        for (const Note &n : h->notes)
            QVERIFY2(n.duration <= 0.5 + 1.0 + 1e-9, qPrintable(QString::number(n.duration)));
        offs = 0;
        QVERIFY(releases(heldEvents, &offs));
        const auto b = m.value()->generate(g);
        QVERIFY(b.ok());
        QCOMPARE(b->notes.size(), a->notes.size());
        for (size_t i = 0; i < a->notes.size(); ++i) {
            QCOMPARE(b->notes[i].pitch, a->notes[i].pitch);
            QCOMPARE(b->notes[i].start, a->notes[i].start);
            QCOMPARE(b->notes[i].duration, a->notes[i].duration);
        }
        g.seed = 43;
        g.topK = 0;
        g.topP = 1.0;
        g.temperature = 1.5;
        const auto c = m.value()->generate(g);
        QVERIFY(c.ok());
        bool differs = c->notes.size() != a->notes.size();
        for (size_t i = 0; !differs && i < a->notes.size(); ++i)
            differs = c->notes[i].pitch != a->notes[i].pitch || c->notes[i].start != a->notes[i].start;
        QVERIFY(differs);

        // Continuing a primer keeps its notes and adds the requested length after them.
        checkContinuation(*m.value());

        // Bad options are errors, not crashes; cancellation stops it.
        GenerationOptions bad;
        bad.temperature = 0.0;
        QVERIFY(!m.value()->generate(bad).ok());
        CancelToken cancel;
        cancel.cancel();
        QVERIFY(!m.value()->generate(GenerationOptions(), {}, &cancel).ok());

        // Evaluation of the training pieces.
        const auto e = m.value()->evaluate({syntheticPiece(0), syntheticPiece(2)});
        QVERIFY(e.ok());
        QCOMPARE(e->pieces, 2);
        QVERIFY(e->events > 0 && e->notes == 2 * 24 * 6);
        QVERIFY(e->natsPerEvent > 0 && e->natsPerEvent < std::log(308.0));
        QVERIFY(std::abs(e->bitsPerNote - e->bitsPerEvent * e->events / double(e->notes)) < 1e-6);
    }

    void paperRepresentationTrainsAndGenerates()
    {
        ComposerTrainingOptions o = tinyOptions(m_data, m_dir.filePath(QStringLiteral("paper.pt")));
        o.hyper.representation = Representation::Paper;
        o.hyper.denseLayers = 2;
        o.hyper.denseSize = 16;
        o.maxEpochs = 2;
        o.chunkLength = 16;
        o.optimizer = QStringLiteral("rmsprop");
        const auto r = ComposerTrainer::train(o, {}, {}, {}, nullptr);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        const auto m = ComposerModel::load(o.outPath);
        QVERIFY(m.ok());
        QCOMPARE(m.value()->representation(), Representation::Paper);
        GenerationOptions g;
        g.seconds = 5.0;
        std::vector<ComposedEvent> events;
        const auto s = m.value()->generate(g, [&](const ComposedEvent &e) { events.push_back(e); });
        QVERIFY(s.ok());
        QCOMPARE(int(events.size()), 20);  // one token every 0.25 s
        for (size_t i = 0; i < events.size(); ++i) {
            QCOMPARE(events[i].kind, ComposedEvent::Kind::Onset);
            QCOMPARE(events[i].time, 0.25 * double(i));
            QVERIFY(!events[i].pitches.empty());  // "<unk>" is never generated
        }
        // The paper's tokens have no rhythm: a continued phrase must still come back as played.
        checkContinuation(*m.value());

        // A checkpoint of one representation is refused for the other.
        ComposerTrainingOptions wrong = tinyOptions(m_data, m_dir.filePath(QStringLiteral("wrong.pt")));
        wrong.resumePath = o.outPath;
        wrong.requireRepresentation = true;  // performance
        const auto w = ComposerTrainer::train(wrong, {}, {}, {}, nullptr);
        QVERIFY(!w.ok());
        QVERIFY2(w.error().message.contains(QStringLiteral("paper")), qPrintable(w.error().message));
    }

    void windowObjectiveTrainsResumesAndScoresWindows()
    {
        // The paper's way: one target per window of 8 events.
        ComposerTrainingOptions o = tinyOptions(m_data, m_dir.filePath(QStringLiteral("window.pt")));
        o.hyper.representation = Representation::Paper;
        o.objective = QStringLiteral("window");
        o.windowLength = 8;
        o.batchSize = 16;
        o.maxEpochs = 2;
        std::vector<ComposerEpochStats> epochs;
        std::vector<ComposerStepStats> steps;
        const auto r = ComposerTrainer::train(o, [&](const ComposerStepStats &s) { steps.push_back(s); },
                                              [&](const ComposerEpochStats &e) { epochs.push_back(e); }, {}, nullptr);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        QCOMPARE(int(epochs.size()), 2);
        QVERIFY(!steps.empty());
        // An epoch has one step per 16 windows, one window per training event (less a few at
        // the start and at piece boundaries): far more steps than the chunked objective's.
        const qint64 windows = r->trainingEvents + r->trainingPieces - o.windowLength;
        QVERIFY2(steps.front().stepsInEpoch >= windows * 9 / 10 / 16 && steps.front().stepsInEpoch <= windows * 11 / 10 / 16 + 1,
                 qPrintable(QStringLiteral("%1 steps for %2 events").arg(steps.front().stepsInEpoch).arg(r->trainingEvents)));

        const auto m = ComposerModel::load(o.outPath);
        QVERIFY(m.ok());
        QCOMPARE(m.value()->info().value(QStringLiteral("validation_metric")).toString(), QStringLiteral("window 8"));
        QCOMPARE(m.value()->info().value(QStringLiteral("training")).toObject().value(QStringLiteral("objective")).toString(),
                 QStringLiteral("window"));
        // Its validation loss is the windowed score of the held-out piece.
        const auto corpus = ComposerCorpus::load(m_data);
        QVERIFY(corpus.ok());
        std::vector<NoteSequence> held;
        for (const auto &p : corpus->training())
            if (m.value()->info().value(QStringLiteral("validation_files")).toString() == QFileInfo(p.path).fileName())
                held.push_back(p.sequence);
        QCOMPARE(int(held.size()), 1);
        const auto windowed = m.value()->evaluate(held, 8);
        QVERIFY(windowed.ok());
        QVERIFY2(std::abs(windowed->natsPerEvent - r->bestValidationLoss) < 1e-4,
                 qPrintable(QStringLiteral("%1 vs %2").arg(windowed->natsPerEvent).arg(r->bestValidationLoss)));
        // A window longer than the piece is the whole-piece score; a one-event window is another.
        const auto whole = m.value()->evaluate(held, 0);
        const auto wide = m.value()->evaluate(held, 10000);
        const auto narrow = m.value()->evaluate(held, 1);
        QVERIFY(whole.ok() && wide.ok() && narrow.ok());
        QCOMPARE(wide->events, whole->events);
        QVERIFY(std::abs(wide->natsPerEvent - whole->natsPerEvent) < 1e-6);
        QCOMPARE(narrow->events, whole->events);
        QVERIFY(std::isfinite(narrow->natsPerEvent));
        QVERIFY(std::abs(narrow->natsPerEvent - whole->natsPerEvent) > 1e-4);

        // Resuming after the first epoch continues exactly.
        ComposerTrainingOptions first = o;
        first.outPath = m_dir.filePath(QStringLiteral("window-half.pt"));
        first.maxEpochs = 1;
        QVERIFY(ComposerTrainer::train(first, {}, {}, {}, nullptr).ok());
        ComposerTrainingOptions rest = tinyOptions(m_data, first.outPath);  // objective comes from the checkpoint
        rest.resumePath = first.outPath;
        rest.maxEpochs = 2;
        std::vector<ComposerEpochStats> restEpochs;
        QVERIFY(ComposerTrainer::train(rest, {}, [&](const ComposerEpochStats &e) { restEpochs.push_back(e); }, {}, nullptr).ok());
        QCOMPARE(int(restEpochs.size()), 1);
        QCOMPARE(restEpochs[0].validationLoss, epochs[1].validationLoss);

        ComposerTrainingOptions bad = tinyOptions(m_data, m_dir.filePath(QStringLiteral("bad.pt")));
        bad.objective = QStringLiteral("windows");
        const auto b = ComposerTrainer::train(bad, {}, {}, {}, nullptr);
        QVERIFY(!b.ok());
        QVERIFY2(b.error().message.contains(QStringLiteral("objective")), qPrintable(b.error().message));
    }

    void shippedModelComposes()
    {
        const QString path = DataPaths::shippedModel(QStringLiteral("composer-default.pt"));
        if (path.isEmpty())
            QSKIP("no shipped composer-default.pt in the resource folder");
        const auto m = ComposerModel::load(path);
        QVERIFY2(m.ok(), qPrintable(m.ok() ? QString() : m.error().toString()));
        QCOMPARE(m.value()->representation(), Representation::Performance);
        QVERIFY(m.value()->info().value(QStringLiteral("validation_nats_per_event")).toDouble() > 0.0);
        GenerationOptions g;
        g.seconds = 5.0;
        g.seed = 3;
        const auto s = m.value()->generate(g);
        QVERIFY(s.ok());
        QVERIFY(!s->notes.empty());
        for (const Note &n : s->notes) {
            QVERIFY(n.pitch >= kPianoLowest && n.pitch <= kPianoHighest);
            QVERIFY(n.duration > 0.0 && n.end() <= 5.0 + 1.0 + 1e-9);
        }
    }

    void refusesBadModelFiles()
    {
        QVERIFY(!ComposerModel::load(m_dir.filePath(QStringLiteral("missing.pt"))).ok());
        const QString garbage = m_dir.filePath(QStringLiteral("garbage.pt"));
        QFile f(garbage);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(5000, 'x'));
        f.close();
        const auto g = ComposerModel::load(garbage);
        QVERIFY(!g.ok());
        QVERIFY(g.error().message.contains(QStringLiteral("not a composer model")));

        QFile full(m_dir.filePath(QStringLiteral("full.pt")));
        QVERIFY(full.open(QIODevice::ReadOnly));
        const QByteArray bytes = full.readAll();
        for (qsizetype cut : {qsizetype(100), bytes.size() / 2, bytes.size() - 30}) {
            const QString truncated = m_dir.filePath(QStringLiteral("cut%1.pt").arg(cut));
            QFile t(truncated);
            QVERIFY(t.open(QIODevice::WriteOnly));
            t.write(bytes.left(cut));
            t.close();
            QVERIFY(!ComposerModel::load(truncated).ok());
        }
        QVERIFY(!ComposerModel::load(m_dir.filePath(QStringLiteral("full.pt")), QStringLiteral("tpu")).ok());
        // A finished model is not a checkpoint.
        ComposerTrainingOptions o = tinyOptions(m_data, m_dir.filePath(QStringLiteral("x.pt")));
        o.resumePath = m_dir.filePath(QStringLiteral("garbage.pt"));
        QVERIFY(!ComposerTrainer::train(o, {}, {}, {}, nullptr).ok());
    }
};

QTEST_GUILESS_MAIN(TestComposerTraining)
#include "TestComposerTraining.moc"
