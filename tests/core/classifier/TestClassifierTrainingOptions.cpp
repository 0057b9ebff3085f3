// Training options of the classifier on the tiny network and synthetic clips: the cosine
// schedule, which epoch is kept, the moving and the epoch-wise weight averages, the timbre
// equalisation, mixup and the composer output.
#include "classifier/ClassifierModel.h"
#include "classifier/ClassifierNetwork.h"
#include "classifier/ClassifierTrainer.h"
#include "classifier/Mixup.h"
#include "common/HeapRetention.h"
#include "SyntheticClassifierData.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <functional>
#include <random>

using namespace aichopin;
using namespace aichopin::test;

namespace {

// Trains the tiny network on data for `epochs` to `path`, with `change` applied to its hyperparameters.
std::optional<ClassifierTrainingResult> trainChanged(const ClipSet &data, const QString &path, int epochs,
                                                     const std::function<void(ClassifierHyperparameters &)> &change)
{
    ClassifierTrainingOptions o = quickOptions(path, epochs);
    change(o.hyper);
    const auto r = ClassifierTrainer::train(data, o);
    return r ? std::optional<ClassifierTrainingResult>(r.value()) : std::nullopt;
}

// Two models trained alike but for one hyperparameter, off (0) in offPath and `on` in onPath: each
// file keeps its value, and the weights differ.
void checkKeptAndWeightsDiffer(const QString &offPath, const QString &onPath, double ClassifierHyperparameters::*field, double on)
{
    const auto a = ClassifierFile::open(offPath);
    const auto b = ClassifierFile::open(onPath);
    QVERIFY(a && b);
    QCOMPARE(a->header.hyper.*field, 0.0);
    QCOMPARE(b->header.hyper.*field, on);
    const auto pa = a->net->parameters(), pb = b->net->parameters();
    bool differ = pa.size() != pb.size();
    for (size_t i = 0; i < pa.size() && i < pb.size(); ++i)
        differ = differ || !torch::allclose(pa[i], pb[i]);
    QVERIFY(differ);
}

// A number among the hyperparameters: `bad` is refused when read from JSON, `good` read back, and
// a file written before the option (without `key`) reads as 0, off.
void checkHyperNumber(double ClassifierHyperparameters::*field, const QString &key, double bad, double good)
{
    ClassifierHyperparameters h = tinyHyper();
    h.*field = bad;
    QVERIFY2(!ClassifierHyperparameters::fromJson(h.toJson()), qPrintable(key));
    h.*field = good;
    const auto read = ClassifierHyperparameters::fromJson(h.toJson());
    QVERIFY2(read && (*read).*field == good, qPrintable(key));
    QJsonObject old = h.toJson();
    QVERIFY(old.contains(key));
    old.remove(key);
    const auto before = ClassifierHyperparameters::fromJson(old);
    QVERIFY2(before && (*before).*field == 0.0, qPrintable(key));
}

}  // namespace

class TestClassifierTrainingOptions : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void cosineScheduleLowersTheRateAlongHalfACosine()
    {
        const ClipSet data = syntheticClips(40, 5);
        auto run = [&](const QString &name, bool cosine, std::vector<ClassifierEpochStats> *epochs) {
            ClassifierTrainingOptions o = quickOptions(m_dir.filePath(name), 4);
            o.hyper.cosineSchedule = cosine;
            const auto r = ClassifierTrainer::train(data, o, [&](const ClassifierEpochStats &s) { epochs->push_back(s); });
            QVERIFY2(r, r ? "" : qPrintable(r.error().message));
            QCOMPARE(int(epochs->size()), 4);
        };
        std::vector<ClassifierEpochStats> constant, again, cosine;
        run(QStringLiteral("constant.pt"), false, &constant);
        run(QStringLiteral("constant-again.pt"), false, &again);
        run(QStringLiteral("cosine.pt"), true, &cosine);
        const double lr = tinyHyper().learningRate;
        for (int e = 0; e < 4; ++e) {
            QCOMPARE(constant[size_t(e)].learningRate, lr);
            // Each epoch starts at lr * (1 + cos(pi * e / 4)) / 2: lr, 0.85 lr, 0.5 lr, 0.15 lr.
            QVERIFY(std::abs(cosine[size_t(e)].learningRate - lr * 0.5 * (1.0 + std::cos(M_PI * e / 4.0))) < 1e-12);
            QCOMPARE(again[size_t(e)].trainLoss, constant[size_t(e)].trainLoss);  // the same seed trains the same
        }
        // The rate reaches the optimiser within the first epoch: from its second step on, the
        // steps are smaller than at a constant rate, so the first epoch's loss already differs.
        QVERIFY(cosine[0].trainLoss != constant[0].trainLoss);
        QFile f(m_dir.filePath(QStringLiteral("cosine.pt.ckpt")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().contains("\"cosine_schedule\":true"));  // kept, so a resumed run goes on with it
    }

    void keepsTheEpochWithTheBestPieceRanking()
    {
        // A weak signal, so the validation ranking changes from epoch to epoch (on the build machine
        // the two rules keep different epochs: 1 by AUC, 6 by loss).
        const ClipSet data = syntheticClips(60, 23, 3, 0.15f);
        for (const QString &by : {QStringLiteral("auc"), QStringLiteral("loss")}) {
            ClassifierTrainingOptions o;
            o.outPath = m_dir.filePath(QStringLiteral("select-%1.pt").arg(by));
            o.hyper = tinyHyper();
            o.epochs = 6;
            o.device = QStringLiteral("cpu");
            o.threads = 1;
            o.calibrate = false;
            o.selectBy = by;
            std::vector<ClassifierEpochStats> epochs;
            const auto r = ClassifierTrainer::train(data, o, [&](const ClassifierEpochStats &s) { epochs.push_back(s); });
            QVERIFY2(r, r ? "" : qPrintable(r.error().message));
            QCOMPARE(int(epochs.size()), 6);
            int expected = 1;
            for (int e = 2; e <= 6; ++e) {
                const ClassifierEpochStats &s = epochs[size_t(e - 1)], &b = epochs[size_t(expected - 1)];
                QVERIFY(s.validationPieceAuc >= 0 && s.validationPieceAuc <= 1);
                const bool better = by == QLatin1String("auc")
                                        ? s.validationPieceAuc > b.validationPieceAuc
                                              || (s.validationPieceAuc == b.validationPieceAuc && s.validationLoss < b.validationLoss)
                                        : s.validationLoss < b.validationLoss;
                if (better)
                    expected = e;
                QCOMPARE(s.improved, better);
            }
            QCOMPARE(r->bestEpoch, expected);
            QCOMPARE(r->selectedBy, by);
            const ClassifierEpochStats &best = epochs[size_t(expected - 1)];
            // The kept file is that epoch's network: its verdicts give the same ranking and accuracy.
            QVERIFY(std::abs(r->validation.pieces.rocAuc - best.validationPieceAuc) < 1e-9);
            QVERIFY(std::abs(r->validation.clips.accuracy - best.validationAccuracy) < 1e-9);
            if (by == QLatin1String("auc"))
                QCOMPARE(r->bestValidationPieceAuc, best.validationPieceAuc);
            auto model = ClassifierModel::load(o.outPath);
            QVERIFY(model);
            QCOMPARE(model.value()->info().value(QStringLiteral("selected_by")).toString(), by);
            QCOMPARE(model.value()->info().value(QStringLiteral("validation_piece_auc")).toDouble(), best.validationPieceAuc);
        }
        ClassifierTrainingOptions bad;
        bad.outPath = m_dir.filePath(QStringLiteral("select-bad.pt"));
        bad.selectBy = QStringLiteral("accuracy");
        const auto r = ClassifierTrainer::train(data, bad);
        QVERIFY(!r);
        QVERIFY(r.error().message.contains(QStringLiteral("accuracy")));
    }

    void averagedWeightsAreValidatedKeptAndResumed()
    {
        const ClipSet data = syntheticClips(40, 19);
        ClassifierTrainingOptions o = quickOptions(m_dir.filePath(QStringLiteral("ema.pt")), 3);
        o.hyper.emaDecay = 0.9;
        std::vector<ClassifierEpochStats> epochs;
        const auto r = ClassifierTrainer::train(data, o, [&](const ClassifierEpochStats &s) { epochs.push_back(s); });
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        QVERIFY(r->validation.pieces.accuracy >= 0.9);
        QVERIFY(std::abs(r->validation.clips.accuracy - epochs[size_t(r->bestEpoch - 1)].validationAccuracy) < 1e-9);
        // The checkpoint holds the trained weights and the average; the model file is the average.
        const auto ckpt = ClassifierFile::open(o.outPath + QStringLiteral(".ckpt"));
        QVERIFY2(ckpt, ckpt ? "" : qPrintable(ckpt.error().message));
        QCOMPARE(ckpt->header.hyper.emaDecay, 0.9);
        torch::serialize::InputArchive emaArchive;
        QVERIFY(ckpt->archive->try_read("ema", emaArchive));
        ClassifierNetwork average(data.settings.bins(), data.settings.clipFrames(), ckpt->header.hyper);
        average->load(emaArchive);
        const auto model = ClassifierFile::open(o.outPath);
        QVERIFY(model);
        const torch::Tensor x = torch::randn({4, data.settings.clipFrames(), data.settings.bins()});
        ClassifierNetwork trainedNet = ckpt->net, keptNet = model->net;
        trainedNet->eval();
        average->eval();
        keptNet->eval();
        {
            torch::NoGradGuard noGrad;
            const torch::Tensor trained = trainedNet->forward(x), averaged = average->forward(x);
            QVERIFY(!torch::allclose(trained, averaged));
            if (r->bestEpoch == 3)
                QVERIFY(torch::allclose(keptNet->forward(x), averaged));
        }
        // Resuming restores the average and goes on.
        o.resumePath = o.outPath;
        o.epochs = 4;
        const auto more = ClassifierTrainer::train(data, o);
        QVERIFY2(more, more ? "" : qPrintable(more.error().message));
        QCOMPARE(more->epochsCompleted, 4);
        // Bad decays are refused in model files.
        ClassifierHyperparameters h = tinyHyper();
        h.emaDecay = 1.0;
        QVERIFY(!ClassifierHyperparameters::fromJson(h.toJson()));
        h.emaDecay = 0.99;
        QCOMPARE(ClassifierHyperparameters::fromJson(h.toJson())->emaDecay, 0.99);
    }

    void weightAverageIsTheMeanOfEpochsWithMeasuredNormStatistics()
    {
        // 32 training pieces of 4 clips: 8 full batches of 16, so the measured batch-norm mean is
        // the plain mean over the training clips.
        const ClipSet data = syntheticClips(40, 29);
        ClassifierTrainingOptions o = quickOptions(m_dir.filePath(QStringLiteral("swa.pt")), 2);
        o.hyper.averageFrom = 2;
        std::vector<ClassifierNetwork> trained;  // the trained weights after epochs 2, 3 and 4
        std::vector<ClassifierEpochStats> epochs;
        for (int e = 2; e <= 4; ++e) {
            o.epochs = e;
            o.resumePath = e > 2 ? o.outPath : QString();
            const auto r = ClassifierTrainer::train(data, o, [&](const ClassifierEpochStats &s) { epochs.push_back(s); });
            QVERIFY2(r, r ? "" : qPrintable(r.error().message));
            QCOMPARE(r->selectedBy, QStringLiteral("average"));
            QCOMPARE(r->bestEpoch, e);  // the average up to the last epoch is what is kept
            QVERIFY(std::abs(r->validation.clips.accuracy - epochs.back().validationAccuracy) < 1e-9);
            auto ckpt = ClassifierFile::open(o.outPath + QStringLiteral(".ckpt"));
            QVERIFY(ckpt);
            QCOMPARE(ckpt->header.hyper.averageFrom, 2);
            QCOMPARE(ckpt->header.state.value(QStringLiteral("averaged_epochs")).toInt(), e - 1);
            trained.push_back(ckpt->net);
        }
        QCOMPARE(int(epochs.size()), 4);
        for (size_t i = 1; i < epochs.size(); ++i)
            QVERIFY(epochs[i].improved);
        QVERIFY(epochs.back().validationPieceAccuracy >= 0.9);

        auto model = ClassifierFile::open(o.outPath);
        QVERIFY(model);
        QCOMPARE(model->header.info.value(QStringLiteral("selected_by")).toString(), QStringLiteral("average"));
        QCOMPARE(model->header.info.value(QStringLiteral("averaged_epochs")).toString(), QStringLiteral("2-4"));
        torch::NoGradGuard noGrad;
        const auto kept = model->net->named_parameters();
        for (const auto &item : trained[0]->named_parameters()) {
            const torch::Tensor mean = (item.value() + trained[1]->named_parameters()[item.key()]
                                        + trained[2]->named_parameters()[item.key()]) / 3.0;
            QVERIFY2(torch::allclose(kept[item.key()], mean, 1e-5, 1e-6), item.key().c_str());
            QVERIFY(!torch::allclose(kept[item.key()], item.value(), 1e-5, 1e-6) || item.key().find("bn") != std::string::npos);
        }
        // The first batch norm's running mean is the mean of the first convolution's output over
        // the training clips under the averaged weights, not any trained network's statistics.
        std::vector<int> trainClips;
        for (int c = 0; c < data.clipCount(); ++c)
            if (!data.pieces[size_t(data.piece[size_t(c)])].validation)
                trainClips.push_back(c);
        QCOMPARE(int(trainClips.size()), 128);
        torch::Tensor x = torch::empty({128, data.settings.clipFrames(), data.settings.bins()});
        for (size_t i = 0; i < trainClips.size(); ++i)
            std::copy_n(data.clips.data() + size_t(trainClips[i]) * data.clipValues(), data.clipValues(),
                        x.data_ptr<float>() + i * data.clipValues());
        const torch::Tensor conv = torch::conv2d(x.unsqueeze(1).transpose(2, 3), kept["conv1.weight"], {}, 1, 1);
        const torch::Tensor expected = conv.mean({0, 2, 3});
        const torch::Tensor measured = model->net->named_buffers()["bn1.running_mean"];
        QVERIFY2(torch::allclose(measured, expected, 1e-4, 1e-5), "bn1 running mean");
        QVERIFY(!torch::allclose(trained[2]->named_buffers()["bn1.running_mean"], expected, 1e-4, 1e-5));

        // Averaging and a moving average cannot be combined, in training or in a model file.
        ClassifierTrainingOptions both = quickOptions(m_dir.filePath(QStringLiteral("swa-ema.pt")), 1);
        both.hyper.averageFrom = 1;
        both.hyper.emaDecay = 0.9;
        const auto refused = ClassifierTrainer::train(data, both);
        QVERIFY(!refused);
        QVERIFY(refused.error().message.contains(QStringLiteral("cannot be combined")));
        QVERIFY(!ClassifierHyperparameters::fromJson(both.hyper.toJson()));
        both.hyper.emaDecay = 0;
        QCOMPARE(ClassifierHyperparameters::fromJson(both.hyper.toJson())->averageFrom, 1);
    }

    void timbreEqualisationChangesTrainingAndIsKept()
    {
        const ClipSet data = syntheticClips(40, 23);
        const auto plain = trainChanged(data, m_dir.filePath(QStringLiteral("teq-off.pt")), 2, [](ClassifierHyperparameters &h) { h.timbreEq = 0.0; });
        const auto equalised = trainChanged(data, m_dir.filePath(QStringLiteral("teq-on.pt")), 2, [](ClassifierHyperparameters &h) { h.timbreEq = 0.5; });
        QVERIFY(plain && equalised);
        QVERIFY(equalised->validation.pieces.accuracy >= 0.9);  // still learns the synthetic classes
        // Same seed and data: only the equalisation differs, so the weights do.
        checkKeptAndWeightsDiffer(m_dir.filePath(QStringLiteral("teq-off.pt")), m_dir.filePath(QStringLiteral("teq-on.pt")),
                                  &ClassifierHyperparameters::timbreEq, 0.5);
        checkHyperNumber(&ClassifierHyperparameters::timbreEq, QStringLiteral("timbre_eq"), -0.1, 0.3);
    }

    void mixupMixesInputsAndLossesAlike()
    {
        // Clip i holds the value i everywhere, so a mixed clip shows whom it was mixed with.
        const int64_t n = 12;
        std::mt19937_64 rng(5);
        double lambdaSum = 0;
        for (int draw = 0; draw < 200; ++draw) {
            torch::Tensor x = torch::arange(n, torch::kFloat32).view({n, 1, 1}).expand({n, 3, 2}).contiguous();
            const MixedBatch mix = mixBatch(x, 1.0, rng);
            QVERIFY(mix.lambda >= 0.5 && mix.lambda <= 1.0);
            lambdaSum += mix.lambda;
            const auto partner = mix.partner.accessor<int64_t, 1>();
            std::vector<bool> used(size_t(n), false);
            for (int64_t i = 0; i < n; ++i) {
                QVERIFY(partner[i] >= 0 && partner[i] < n && !used[size_t(partner[i])]);  // a permutation
                used[size_t(partner[i])] = true;
                const double expected = mix.lambda * double(i) + (1 - mix.lambda) * double(partner[i]);
                QVERIFY(torch::allclose(x[i], torch::full({3, 2}, expected), 1e-5, 1e-5));
            }
        }
        // Beta(1, 1) is uniform, so the larger share is uniform on [0.5, 1]: mean 0.75.
        QVERIFY2(std::abs(lambdaSum / 200 - 0.75) < 0.03, qPrintable(QString::number(lambdaSum / 200)));

        // The loss is the same mix of the two clips' class-weighted losses.
        const torch::Tensor logits = torch::tensor({2.0f, -1.0f, 0.5f, 0.3f, -0.7f, 1.2f}).view({3, 2});
        const torch::Tensor y = torch::tensor({int64_t(0), int64_t(1), int64_t(1)});
        const torch::Tensor weights = torch::tensor({0.8f, 1.6f});
        MixedBatch mix;
        mix.lambda = 0.7;
        mix.partner = torch::tensor({int64_t(2), int64_t(0), int64_t(1)});
        const auto ce = [&](const torch::Tensor &labels) {
            return torch::nn::functional::cross_entropy(logits, labels, torch::nn::functional::CrossEntropyFuncOptions().weight(weights)).item<double>();
        };
        const double own = ce(y), other = ce(torch::tensor({int64_t(1), int64_t(0), int64_t(1)}));
        QVERIFY(std::abs(own - other) > 0.1);  // the partners' labels do differ
        QVERIFY(std::abs(mixedCrossEntropy(logits, y, mix, weights).item<double>() - (0.7 * own + 0.3 * other)) < 1e-5);
        QVERIFY(std::abs(mixedCrossEntropy(logits, y, MixedBatch{}, weights).item<double>() - own) < 1e-6);  // off: the plain loss

        // Training with it still learns the synthetic classes, keeps the setting, and trains other weights.
        const ClipSet data = syntheticClips(40, 29);
        const auto plain = trainChanged(data, m_dir.filePath(QStringLiteral("mixup-off.pt")), 3, [](ClassifierHyperparameters &h) { h.mixup = 0.0; });
        const auto mixed = trainChanged(data, m_dir.filePath(QStringLiteral("mixup-on.pt")), 3, [](ClassifierHyperparameters &h) { h.mixup = 0.4; });
        QVERIFY(plain && mixed);
        QVERIFY(mixed->validation.pieces.accuracy >= 0.9);
        checkKeptAndWeightsDiffer(m_dir.filePath(QStringLiteral("mixup-off.pt")), m_dir.filePath(QStringLiteral("mixup-on.pt")),
                                  &ClassifierHyperparameters::mixup, 0.4);
        checkHyperNumber(&ClassifierHyperparameters::mixup, QStringLiteral("mixup"), -0.1, 0.2);
        checkHyperNumber(&ClassifierHyperparameters::mixup, QStringLiteral("mixup"), 4.5, 4.0);
    }

    void composerOutputIsTrainedKeptAndChecked()
    {
        const ClipSet data = syntheticClips(40, 29);  // composers Chopin, Other0, Other1, Other2
        ClassifierTrainingOptions o = quickOptions(m_dir.filePath(QStringLiteral("composer.pt")), 3);
        o.hyper.composerWeight = 0.5;
        const auto r = ClassifierTrainer::train(data, o);
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        QVERIFY(r->validation.pieces.accuracy >= 0.9);  // the Chopin/Other output still learns
        const auto model = ClassifierFile::open(o.outPath);
        QVERIFY2(model, model ? "" : qPrintable(model.error().message));
        QCOMPARE(model->header.hyper.composerClasses, 4);
        QVERIFY(model->net->hasComposerOutput());
        ClassifierNetwork net = model->net;
        net->eval();
        {
            torch::NoGradGuard noGrad;
            const torch::Tensor x = torch::randn({3, data.settings.clipFrames(), data.settings.bins()});
            const torch::Tensor features = net->embed(x);
            QCOMPARE(net->forward(x).size(1), 2);  // verdicts read the two-way output only
            QCOMPARE(net->composerLogits(features).size(1), 4);
            QVERIFY(torch::allclose(net->chopinLogits(features), net->forward(x)));
            // The composer output learned something: Chopin clips are named Chopin (class 0).
            std::vector<int> chopinClips;
            for (int c = 0; c < data.clipCount(); ++c)
                if (data.isChopin(c))
                    chopinClips.push_back(c);
            torch::Tensor xc = torch::empty({int64_t(chopinClips.size()), data.settings.clipFrames(), data.settings.bins()});
            for (size_t i = 0; i < chopinClips.size(); ++i)
                std::copy_n(data.clips.data() + size_t(chopinClips[i]) * data.clipValues(), data.clipValues(),
                            xc.data_ptr<float>() + i * data.clipValues());
            const double named = net->composerLogits(net->embed(xc)).argmax(1).eq(0).to(torch::kFloat64).mean().item<double>();
            QVERIFY2(named >= 0.9, qPrintable(QString::number(named)));
        }
        // Resuming on pieces by another number of composers is refused, with a reason.
        ClipSet fewer = data;
        for (ClipPiece &p : fewer.pieces)
            if (!p.isChopin)
                p.composer = QStringLiteral("Other");
        ClassifierTrainingOptions again = o;
        again.resumePath = o.outPath;
        again.epochs = 4;
        const auto refused = ClassifierTrainer::train(fewer, again);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(QStringLiteral("composers")), qPrintable(refused.error().message));
        // Model files written before the option have no composer output.
        QJsonObject old = o.hyper.toJson();
        old.remove(QStringLiteral("composer_weight"));
        old.remove(QStringLiteral("composer_classes"));
        const auto h = ClassifierHyperparameters::fromJson(old);
        QVERIFY(h && h->composerWeight == 0 && h->composerClasses == 0);
        QJsonObject bad = o.hyper.toJson();
        bad[QStringLiteral("composer_weight")] = -1;
        QVERIFY(!ClassifierHyperparameters::fromJson(bad));
    }

private:
    QTemporaryDir m_dir;
};

AICHOPIN_CLASSIFIER_TEST_MAIN(TestClassifierTrainingOptions)
#include "TestClassifierTrainingOptions.moc"
