#include "classifier/ClassifierTrainer.h"

#include "classifier/ClassifierMetrics.h"
#include "classifier/ClassifierNetwork.h"
#include "classifier/Mixup.h"
#include "common/HeapRetention.h"

#include <QElapsedTimer>
#include <QFile>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <random>

namespace aichopin {

namespace {

bool hasBothClasses(const ClassifierEvaluation &e)
{
    return e.pieces.truePositives + e.pieces.falseNegatives > 0 && e.pieces.falsePositives + e.pieces.trueNegatives > 0;
}

// Clips of data's validation pieces made anew without augmentation, heard in each room (see
// ClassifierTrainingOptions::calibrationClips).
Result<ClipSet> validationInRooms(const ClipSet &data, ClassifierDatasetOptions o, const std::vector<RoomParams> &rooms,
                                  const ProgressSink &progress, const CancelToken *cancel)
{
    std::vector<DatasetEntry> entries;
    for (const ClipPiece &p : data.pieces)
        if (p.validation)
            entries.push_back(DatasetEntry{p.name, p.composer, p.isChopin});
    o.features = data.settings;
    o.augment = false;
    o.lossyKbps = 0;
    o.allValidation = true;
    o.onlyValidation = false;
    o.maxPieces = 0;
    o.trainShare = 1.0;
    o.validationAugmentations = 1;
    return ClassifierDataset::buildInRooms(
        entries, o, rooms,
        [&](const ProgressInfo &p) { report(progress, -1.0, QStringLiteral("Calibrating the decision: %1").arg(p.stage)); }, cancel);
}

// Adadelta as Keras (the paper) has it (LibTorch's C++ API has none): rho 0.95, eps 1e-7.
class Adadelta {
public:
    Adadelta(std::vector<torch::Tensor> params, double lr) : m_params(std::move(params)), m_lr(lr)
    {
        for (const torch::Tensor &p : m_params) {
            m_sqGrad.push_back(torch::zeros_like(p));
            m_sqDelta.push_back(torch::zeros_like(p));
        }
    }
    void zeroGrad()
    {
        for (torch::Tensor &p : m_params)
            if (p.grad().defined())
                p.mutable_grad().zero_();
    }
    void step()
    {
        torch::NoGradGuard guard;
        for (size_t i = 0; i < m_params.size(); ++i) {
            if (!m_params[i].grad().defined())
                continue;
            const torch::Tensor g = m_params[i].grad();
            m_sqGrad[i].mul_(kRho).addcmul_(g, g, 1 - kRho);
            const torch::Tensor delta = (m_sqDelta[i] + kEps).sqrt().div((m_sqGrad[i] + kEps).sqrt()).mul(g);
            m_sqDelta[i].mul_(kRho).addcmul_(delta, delta, 1 - kRho);
            m_params[i].sub_(delta * m_lr);
        }
    }
    void setLearningRate(double lr) { m_lr = lr; }
    void save(torch::serialize::OutputArchive &a) const
    {
        for (size_t i = 0; i < m_params.size(); ++i) {
            a.write("sq_grad_" + std::to_string(i), m_sqGrad[i].cpu());
            a.write("sq_delta_" + std::to_string(i), m_sqDelta[i].cpu());
        }
    }
    void load(torch::serialize::InputArchive &a)
    {
        for (size_t i = 0; i < m_params.size(); ++i) {
            torch::Tensor g, d;
            a.read("sq_grad_" + std::to_string(i), g);
            a.read("sq_delta_" + std::to_string(i), d);
            m_sqGrad[i].copy_(g);
            m_sqDelta[i].copy_(d);
        }
    }

private:
    static constexpr double kRho = 0.95, kEps = 1e-7;
    std::vector<torch::Tensor> m_params, m_sqGrad, m_sqDelta;
    double m_lr;
};

// One interface over both optimisers.
struct Optimiser {
    std::unique_ptr<torch::optim::AdamW> adam;
    std::unique_ptr<Adadelta> adadelta;
    void zeroGrad() { adam ? adam->zero_grad() : adadelta->zeroGrad(); }
    void step() { adam ? (void)adam->step() : adadelta->step(); }
    void save(torch::serialize::OutputArchive &a) const { adam ? adam->save(a) : adadelta->save(a); }
    void load(torch::serialize::InputArchive &a) { adam ? adam->load(a) : adadelta->load(a); }
    void setLearningRate(double lr)
    {
        if (adadelta) {
            adadelta->setLearningRate(lr);
            return;
        }
        for (auto &group : adam->param_groups())
            group.options().set_lr(lr);
    }
};

// Frequency and time masks (SpecAugment) on normalised clips: masked values become 0 (the mean).
void specAugment(torch::Tensor &x, std::mt19937_64 &rng)
{
    const int64_t b = x.size(0), frames = x.size(1), bins = x.size(2);
    auto acc = x.accessor<float, 3>();
    for (int64_t i = 0; i < b; ++i) {
        const int64_t fw = std::uniform_int_distribution<int64_t>(0, bins / 8)(rng);
        const int64_t f0 = std::uniform_int_distribution<int64_t>(0, bins - fw)(rng);
        const int64_t tw = std::uniform_int_distribution<int64_t>(0, frames / 10)(rng);
        const int64_t t0 = std::uniform_int_distribution<int64_t>(0, frames - tw)(rng);
        for (int64_t t = 0; t < frames; ++t)
            for (int64_t f = f0; f < f0 + fw; ++f)
                acc[i][t][f] = 0;
        for (int64_t t = t0; t < t0 + tw; ++t)
            for (int64_t f = 0; f < bins; ++f)
                acc[i][t][f] = 0;
    }
}

// Random smooth equalisation of normalised clips: the same curve (a sum of four cosines over the
// band axis, each with an amplitude drawn from [-strength, strength]) added to every frame of a clip.
void timbreEq(torch::Tensor &x, double strength, std::mt19937_64 &rng)
{
    const int64_t b = x.size(0), frames = x.size(1), bins = x.size(2);
    auto acc = x.accessor<float, 3>();
    std::uniform_real_distribution<double> amp(-strength, strength);
    std::vector<float> curve(static_cast<size_t>(bins));
    for (int64_t i = 0; i < b; ++i) {
        std::fill(curve.begin(), curve.end(), 0.0f);
        for (int k = 1; k <= 4; ++k) {
            const double a = amp(rng);
            for (int64_t f = 0; f < bins; ++f)
                curve[size_t(f)] += float(a * std::cos(M_PI * k * (double(f) + 0.5) / double(bins)));
        }
        for (int64_t t = 0; t < frames; ++t)
            for (int64_t f = 0; f < bins; ++f)
                acc[i][t][f] += curve[size_t(f)];
    }
}

torch::Tensor batchOf(const ClipSet &data, const std::vector<int> &idx, size_t from, size_t to)
{
    const size_t values = data.clipValues();
    torch::Tensor x = torch::empty({int64_t(to - from), data.settings.clipFrames(), data.settings.bins()}, torch::kFloat32);
    float *dst = x.data_ptr<float>();
    for (size_t i = from; i < to; ++i)
        std::copy_n(data.clips.data() + size_t(idx[i]) * values, values, dst + (i - from) * values);
    return x;
}

// Makes 'to' hold the weights and batch-norm statistics of 'from'.
void copyWeights(ClassifierNetwork &to, ClassifierNetwork &from)
{
    torch::NoGradGuard noGrad;
    const auto dst = to->named_parameters(), src = from->named_parameters();
    for (const auto &item : src)
        dst[item.key()].copy_(item.value());
    const auto dstB = to->named_buffers(), srcB = from->named_buffers();
    for (const auto &item : srcB)
        dstB[item.key()].copy_(item.value());
}

// Exponential moving average of a network's weights; batch-norm statistics follow the same
// average (integer counters are copied). Steps before the tenth or so use a smaller decay.
void averageWeights(ClassifierNetwork &ema, ClassifierNetwork &net, double decay, qint64 step)
{
    torch::NoGradGuard noGrad;
    const double d = std::min(decay, (1.0 + double(step)) / (10.0 + double(step)));
    const auto dst = ema->named_parameters(), src = net->named_parameters();
    for (const auto &item : src)
        dst[item.key()].mul_(d).add_(item.value(), 1.0 - d);
    const auto dstB = ema->named_buffers(), srcB = net->named_buffers();
    for (const auto &item : srcB) {
        torch::Tensor t = dstB[item.key()];
        if (t.is_floating_point())
            t.mul_(d).add_(item.value(), 1.0 - d);
        else
            t.copy_(item.value());
    }
}

// Loads the network a resumed checkpoint keeps under `key` (named `what` in errors) into net, on device.
Status restoreWeights(torch::serialize::InputArchive &archive, const char *key, ClassifierNetwork &net,
                      const torch::Device &device, const QString &path, const QString &what)
{
    torch::serialize::InputArchive weights;
    try {
        if (!archive.try_read(key, weights))
            return Error{QStringLiteral("'%1' holds no %2").arg(path, what)};
        net->load(weights);
        net->to(device);
    } catch (const std::exception &e) {
        return Error{QStringLiteral("cannot restore the %1 from '%2': %3").arg(what, path, QString::fromUtf8(e.what()).section('\n', 0, 0))};
    }
    return Ok{};
}

// Stochastic weight averaging: 'mean', the mean of 'count' networks' weights so far, takes in
// 'net' as one more. Batch-norm statistics are not averaged (see measureNormStatistics).
void addToMean(ClassifierNetwork &mean, ClassifierNetwork &net, int count)
{
    torch::NoGradGuard noGrad;
    const auto dst = mean->named_parameters(), src = net->named_parameters();
    for (const auto &item : src)
        dst[item.key()].mul_(double(count) / double(count + 1)).add_(item.value(), 1.0 / double(count + 1));
}

// Averaged weights belong to no network that was trained, so no batch-norm statistics go with
// them: measure them again, one plain mean over every batch of the training clips (unmasked),
// as the averaged network sees them. Leaves the network in eval mode; false when cancelled.
bool measureNormStatistics(ClassifierNetwork &net, const ClipSet &data, const std::vector<int> &idx, size_t batch,
                           const torch::Device &device, const CancelToken *cancel)
{
    torch::NoGradGuard noGrad;
    std::vector<std::pair<torch::nn::BatchNorm2dImpl *, c10::optional<double>>> norms;
    for (const std::shared_ptr<torch::nn::Module> &m : net->modules(false))
        if (auto *bn = m->as<torch::nn::BatchNorm2d>()) {
            norms.emplace_back(bn, bn->options.momentum());
            bn->reset_running_stats();
            bn->options.momentum(c10::nullopt);  // a cumulative mean over the batches
        }
    net->train();
    bool finished = true;
    for (size_t from = 0; from < idx.size(); from += batch) {
        if (isCancelled(cancel)) {
            finished = false;
            break;
        }
        const size_t to = std::min(idx.size(), from + batch);
        if (to - from < 2 && idx.size() > 1)
            continue;
        net->embed(batchOf(data, idx, from, to).to(device));
    }
    for (auto &[bn, momentum] : norms)
        bn->options.momentum(momentum);
    net->eval();
    return finished;
}

torch::Tensor labelsOf(const ClipSet &data, const std::vector<int> &idx, size_t from, size_t to)
{
    torch::Tensor y = torch::empty({int64_t(to - from)}, torch::kInt64);
    for (size_t i = from; i < to; ++i)
        y[int64_t(i - from)] = data.isChopin(idx[i]) ? 1 : 0;
    return y;
}

// The cosine schedule's rate where `run` (0 at the first step, 1 after the last) of the run lies.
double cosineRate(double lr, double run)
{
    return lr * 0.5 * (1.0 + std::cos(M_PI * std::clamp(run, 0.0, 1.0)));
}

}  // namespace

Result<ClassifierTrainingResult> ClassifierTrainer::train(const ClipSet &data, const ClassifierTrainingOptions &options,
                                                          const EpochCallback &onEpoch, const ProgressSink &progress,
                                                          const CancelToken *cancel)
{
    const HeapRetention keepHeap;  // a batch's activations are reused, not faulted in again each step
    if (options.outPath.isEmpty())
        return Error{QStringLiteral("no output model path given")};
    if (data.clips.size() != size_t(data.clipCount()) * data.clipValues() || data.clipCount() == 0)
        return Error{QStringLiteral("no training clips")};
    if (options.selectBy != QLatin1String("auc") && options.selectBy != QLatin1String("loss"))
        return Error{QStringLiteral("unknown model selection '%1' (use auc or loss)").arg(options.selectBy)};
    if (options.hyper.averageFrom < 0)
        return Error{QStringLiteral("the epoch to average the weights from must be 1 or more (0: off)")};
    if (options.hyper.averageFrom > 0 && options.hyper.emaDecay > 0)
        return Error{QStringLiteral("weight averaging from an epoch and a moving average of the weights cannot be combined")};
    const Result<torch::Device> dev = chooseTorchDevice(options.device);
    if (!dev)
        return dev.error();
    const torch::Device device = dev.value();
    // Every core unless told otherwise: LibTorch's own default counts the physical cores it can
    // see, one on some two-core virtual machines, where two threads trained 1.75 times as fast.
    torch::set_num_threads(options.threads > 0 ? options.threads : std::max(1, QThread::idealThreadCount()));
    torch::AutoGradMode gradients(true);  // whatever the calling thread had set
    torch::manual_seed(options.seed);
    std::mt19937_64 rng(options.seed);

    std::vector<int> trainIdx, validIdx, trainChopinIdx, trainOtherIdx;
    int trainChopin = 0;
    for (int c = 0; c < data.clipCount(); ++c) {
        if (data.pieces[size_t(data.piece[size_t(c)])].validation) {
            validIdx.push_back(c);
        } else {
            trainIdx.push_back(c);
            trainChopin += data.isChopin(c) ? 1 : 0;
            (data.isChopin(c) ? trainChopinIdx : trainOtherIdx).push_back(c);
        }
    }
    if (trainIdx.empty())
        return Error{QStringLiteral("every piece is in the validation split; nothing to train on")};
    if (trainChopin == 0 || trainChopin == int(trainIdx.size()))
        return Error{QStringLiteral("the training pieces hold only one class (need both Chopin and Other)")};
    // Balanced classes: each class weighs the same in the loss, whatever its clip count.
    const double n = double(trainIdx.size());
    const torch::Tensor classWeights =
        torch::tensor({n / (2.0 * (n - trainChopin)), n / (2.0 * trainChopin)}, torch::kFloat32).to(device);

    // The composer output's classes: every composer of the training pieces, in name order.
    ClassifierHyperparameters startHyper = options.hyper;
    std::vector<int64_t> pieceComposer(data.pieces.size(), -1);
    if (startHyper.composerWeight > 0) {
        QStringList names;
        for (const ClipPiece &p : data.pieces)
            if (!p.validation && !names.contains(p.composer))
                names.append(p.composer);
        names.sort();
        for (size_t i = 0; i < data.pieces.size(); ++i)
            pieceComposer[i] = names.indexOf(data.pieces[i].composer);
        startHyper.composerClasses = int(names.size());
    } else {
        startHyper.composerClasses = 0;
    }

    ClassifierFileHeader header;
    header.features = data.settings;
    header.hyper = startHyper;
    header.info = options.info;
    int startEpoch = 0;
    double lr = options.hyper.learningRate;
    double bestLoss = std::numeric_limits<double>::infinity();
    double bestAuc = -1;  // of the kept model (-1: none yet, or not measurable)
    int bestEpoch = 0;
    qint64 emaSteps = 0;
    int averaged = 0;  // epochs in the weight average so far
    QString selectBy = options.selectBy;
    double previousSeconds = 0;
    ClassifierNetwork net(data.settings.bins(), data.settings.clipFrames(), startHyper);
    std::shared_ptr<torch::serialize::InputArchive> resumeArchive;
    if (!options.resumePath.isEmpty()) {
        QString path = options.resumePath;
        if (!path.endsWith(QLatin1String(".ckpt")) && QFile::exists(path + QStringLiteral(".ckpt")))
            path += QStringLiteral(".ckpt");
        Result<ClassifierFile::Opened> opened = ClassifierFile::open(path);
        if (!opened)
            return opened.error();
        if (!opened->header.checkpoint)
            return Error{QStringLiteral("'%1' is a finished model, not a training checkpoint (.ckpt)").arg(path)};
        if (opened->header.features.cacheKey() != data.settings.cacheKey())
            return Error{QStringLiteral("'%1' was trained with other feature settings").arg(path)};
        if (opened->header.hyper.composerWeight > 0 && opened->header.hyper.composerClasses != startHyper.composerClasses)
            return Error{QStringLiteral("'%1' was trained to name %2 composers; these training pieces have %3")
                             .arg(path, QString::number(opened->header.hyper.composerClasses),
                                  QString::number(startHyper.composerClasses))};
        header.hyper = opened->header.hyper;
        net = opened->net;
        resumeArchive = opened->archive;
        startEpoch = opened->header.state.value(QStringLiteral("epoch")).toInt();
        bestLoss = opened->header.state.value(QStringLiteral("best_loss")).toDouble(bestLoss);
        bestEpoch = opened->header.state.value(QStringLiteral("best_epoch")).toInt();
        bestAuc = opened->header.state.value(QStringLiteral("best_auc")).toDouble(bestAuc);
        emaSteps = qint64(opened->header.state.value(QStringLiteral("ema_steps")).toDouble());
        averaged = opened->header.state.value(QStringLiteral("averaged_epochs")).toInt();
        // Checkpoints from before model selection by AUC kept their best model by loss.
        selectBy = opened->header.state.value(QStringLiteral("select_by")).toString(QStringLiteral("loss"));
        previousSeconds = opened->header.state.value(QStringLiteral("seconds")).toDouble();
        lr = opened->header.state.value(QStringLiteral("lr")).toDouble(opened->header.hyper.learningRate);
        rng.seed(options.seed + quint64(startEpoch) * 7919u);
        torch::manual_seed(options.seed + quint64(startEpoch));
    }
    const ClassifierHyperparameters &hyper = header.hyper;
    net->to(device);
    // The averaged network (emaDecay > 0) is the one validated and saved; net is the one trained.
    ClassifierNetwork ema{nullptr};
    if (hyper.emaDecay > 0) {
        ema = ClassifierNetwork(data.settings.bins(), data.settings.clipFrames(), hyper);
        ema->to(device);
        copyWeights(ema, net);
        if (resumeArchive) {
            const Status s = restoreWeights(*resumeArchive, "ema", ema, device, options.resumePath, QStringLiteral("averaged weights"));
            if (!s)
                return s.error();
        }
    }
    // The weight average (averageFrom > 0), validated and saved from epoch averageFrom on.
    ClassifierNetwork average{nullptr};
    if (hyper.averageFrom > 0) {
        average = ClassifierNetwork(data.settings.bins(), data.settings.clipFrames(), hyper);
        average->to(device);
        if (resumeArchive && averaged > 0) {
            const Status s = restoreWeights(*resumeArchive, "average", average, device, options.resumePath, QStringLiteral("weight average"));
            if (!s)
                return s.error();
        }
    }
    Optimiser opt;
    try {
        if (hyper.optimizer == QLatin1String("adadelta"))
            opt.adadelta = std::make_unique<Adadelta>(net->parameters(), hyper.learningRate);
        else
            opt.adam = std::make_unique<torch::optim::AdamW>(
                net->parameters(), torch::optim::AdamWOptions(hyper.learningRate).weight_decay(hyper.weightDecay));
        if (resumeArchive) {
            torch::serialize::InputArchive optArchive;
            if (!resumeArchive->try_read("optimizer", optArchive))
                return Error{QStringLiteral("'%1' holds no optimiser state").arg(options.resumePath)};
            opt.load(optArchive);
            opt.setLearningRate(lr);
        }
    } catch (const std::exception &e) {
        return Error{QStringLiteral("cannot restore the optimiser from '%1': %2")
                         .arg(options.resumePath, QString::fromUtf8(e.what()).section('\n', 0, 0))};
    }

    ClassifierTrainingResult result;
    result.device = device.is_cuda() ? QStringLiteral("cuda") : QStringLiteral("cpu");
    result.trainingClips = int(trainIdx.size());
    result.validationClips = int(validIdx.size());
    result.stopReason = QStringLiteral("epochs");
    QElapsedTimer timer;
    timer.start();
    const auto outOfTime = [&] { return options.minutes > 0 && timer.elapsed() > options.minutes * 60000.0; };
    const size_t batch = size_t(std::max(1, hyper.batchSize));
    bool trainedOnce = false;
    // Balanced sampling: the larger class's clips in one seeded order, taken in turn.
    std::vector<int> &smaller = trainChopinIdx.size() <= trainOtherIdx.size() ? trainChopinIdx : trainOtherIdx;
    std::vector<int> &larger = trainChopinIdx.size() <= trainOtherIdx.size() ? trainOtherIdx : trainChopinIdx;
    {
        std::mt19937_64 orderRng(options.seed ^ 0xB5AD4ECEDA1CE2A9ULL);
        std::shuffle(larger.begin(), larger.end(), orderRng);
    }
    const torch::Tensor noWeights;
    const torch::Tensor &trainWeights = hyper.balancedSampling ? noWeights : classWeights;

    result.epochsCompleted = startEpoch;  // a resumed run with no epoch left still has its checkpoint's
    try {
        for (int epoch = startEpoch; epoch < options.epochs; ++epoch) {
            ClassifierEpochStats stats;
            stats.epoch = epoch + 1;
            stats.maxEpochs = options.epochs;
            stats.validationClips = int(validIdx.size());
            stats.learningRate = hyper.cosineSchedule ? cosineRate(lr, double(epoch) / double(std::max(1, options.epochs))) : lr;
            if (hyper.balancedSampling) {
                trainIdx = smaller;
                const size_t m = smaller.size();
                for (size_t i = 0; i < m; ++i)
                    trainIdx.push_back(larger[(size_t(epoch) * m + i) % larger.size()]);
            }
            std::shuffle(trainIdx.begin(), trainIdx.end(), rng);
            net->train();
            double lossSum = 0;
            int correct = 0, seen = 0;
            bool timeUp = false;
            for (size_t from = 0; from < trainIdx.size(); from += batch) {
                if (isCancelled(cancel))
                    return Error{QStringLiteral("cancelled")};
                if (trainedOnce && outOfTime()) {
                    timeUp = true;
                    break;
                }
                const size_t to = std::min(trainIdx.size(), from + batch);
                if (to - from < 2 && trainIdx.size() > 1)
                    continue;  // batch norm needs two clips
                torch::Tensor x = batchOf(data, trainIdx, from, to);
                if (hyper.timbreEq > 0)
                    timbreEq(x, hyper.timbreEq, rng);
                if (hyper.specAugment)
                    specAugment(x, rng);
                const MixedBatch mix = hyper.mixup > 0 ? mixBatch(x, hyper.mixup, rng) : MixedBatch{};
                const torch::Tensor y = labelsOf(data, trainIdx, from, to).to(device);
                if (hyper.cosineSchedule) {
                    // Where this step lies in the whole run, 0 at the first step, 1 after the last.
                    const double run = (double(epoch) + double(from) / double(trainIdx.size())) / double(std::max(1, options.epochs));
                    opt.setLearningRate(cosineRate(lr, run));
                }
                opt.zeroGrad();
                torch::Tensor logits, loss;
                if (hyper.composerWeight > 0 && net->hasComposerOutput()) {
                    const torch::Tensor features = net->embed(x.to(device));
                    logits = net->chopinLogits(features);
                    torch::Tensor composers = torch::empty({int64_t(to - from)}, torch::kInt64);
                    for (size_t i = from; i < to; ++i)
                        composers[int64_t(i - from)] = pieceComposer[size_t(data.piece[size_t(trainIdx[i])])];
                    loss = mixedCrossEntropy(logits, y, mix, trainWeights)
                        + hyper.composerWeight * mixedCrossEntropy(net->composerLogits(features), composers.to(device), mix, torch::Tensor());
                } else {
                    logits = net->forward(x.to(device));
                    loss = mixedCrossEntropy(logits, y, mix, trainWeights);
                }
                loss.backward();
                opt.step();
                if (ema)
                    averageWeights(ema, net, hyper.emaDecay, emaSteps++);
                trainedOnce = true;
                lossSum += loss.item<double>() * double(to - from);
                correct += logits.argmax(1).eq(y).sum().item<int>();
                seen += int(to - from);
                const double fraction = (epoch - startEpoch + double(to) / trainIdx.size()) / std::max(1, options.epochs - startEpoch);
                report(progress, fraction, QStringLiteral("Epoch %1/%2").arg(epoch + 1).arg(options.epochs));
            }
            if (seen == 0)
                break;
            stats.trainLoss = lossSum / seen;
            stats.trainAccuracy = double(correct) / seen;

            // From epoch averageFrom on, the weight average is what is validated and kept.
            const bool averaging = average && epoch + 1 >= hyper.averageFrom;
            if (averaging) {
                addToMean(average, net, averaged++);
                if (!measureNormStatistics(average, data, trainIdx, batch, device, cancel))
                    return Error{QStringLiteral("cancelled")};
            }
            ClassifierNetwork &evalNet = averaging ? average : (ema ? ema : net);
            // Validation: clip loss and accuracy, piece accuracy from mean clip log-probabilities.
            net->eval();
            evalNet->eval();
            double monitored = stats.trainLoss;
            if (!validIdx.empty()) {
                torch::NoGradGuard noGrad;
                double vLoss = 0;
                int vCorrect = 0;
                std::vector<double> sumC(data.pieces.size(), 0), sumO(data.pieces.size(), 0);
                std::vector<int> count(data.pieces.size(), 0);
                for (size_t from = 0; from < validIdx.size(); from += 64) {
                    if (isCancelled(cancel))
                        return Error{QStringLiteral("cancelled")};
                    const size_t to = std::min(validIdx.size(), from + 64);
                    const torch::Tensor y = labelsOf(data, validIdx, from, to).to(device);
                    const torch::Tensor logits = evalNet->forward(batchOf(data, validIdx, from, to).to(device));
                    vLoss += torch::nn::functional::cross_entropy(
                                 logits, y, torch::nn::functional::CrossEntropyFuncOptions().weight(classWeights))
                                 .item<double>() * double(to - from);
                    vCorrect += logits.argmax(1).eq(y).sum().item<int>();
                    const torch::Tensor logp = torch::log_softmax(logits, 1).cpu().to(torch::kFloat64).contiguous();
                    const double *v = logp.data_ptr<double>();
                    for (size_t i = from; i < to; ++i) {
                        const size_t p = size_t(data.piece[size_t(validIdx[i])]);
                        sumO[p] += v[2 * (i - from)];
                        sumC[p] += v[2 * (i - from) + 1];
                        ++count[p];
                    }
                }
                stats.validationLoss = vLoss / double(validIdx.size());
                stats.validationAccuracy = double(vCorrect) / double(validIdx.size());
                int pieces = 0, right = 0;
                std::vector<ScoredItem> scored;
                for (size_t p = 0; p < data.pieces.size(); ++p) {
                    if (!count[p])
                        continue;
                    ++pieces;
                    right += ((sumC[p] >= sumO[p]) == data.pieces[p].isChopin) ? 1 : 0;
                    // Ranking only needs an increasing function of the mean log-odds.
                    const double logOdds = (sumC[p] - sumO[p]) / count[p];
                    scored.push_back(ScoredItem{1.0 / (1.0 + std::exp(-logOdds)), data.pieces[p].isChopin, {}});
                }
                stats.validationPieceAccuracy = pieces ? double(right) / pieces : 0;
                stats.validationPieceAuc = BinaryMetrics::areaUnderRoc(scored);
                monitored = stats.validationLoss;
            }
            stats.elapsedSeconds = previousSeconds + timer.elapsed() / 1000.0;
            result.epochsCompleted = epoch + 1;
            bool better = monitored < bestLoss;
            if (selectBy == QLatin1String("auc") && stats.validationPieceAuc >= 0)
                better = stats.validationPieceAuc > bestAuc || (stats.validationPieceAuc == bestAuc && monitored < bestLoss);
            if (averaging)
                better = true;  // the average so far replaces whatever was kept
            if (better) {
                bestLoss = monitored;
                bestAuc = stats.validationPieceAuc;
                bestEpoch = epoch + 1;
                stats.improved = true;
                ClassifierFileHeader model = header;
                model.checkpoint = false;
                model.info[QStringLiteral("best_epoch")] = bestEpoch;
                model.info[QStringLiteral("validation_loss")] = stats.validationLoss;
                model.info[QStringLiteral("validation_clip_accuracy")] = stats.validationAccuracy;
                model.info[QStringLiteral("validation_piece_accuracy")] = stats.validationPieceAccuracy;
                model.info[QStringLiteral("validation_piece_auc")] = stats.validationPieceAuc;
                model.info[QStringLiteral("selected_by")] = averaging ? QStringLiteral("average") : selectBy;
                if (averaging)
                    model.info[QStringLiteral("averaged_epochs")] = QStringLiteral("%1-%2").arg(hyper.averageFrom).arg(epoch + 1);
                const Status s = ClassifierFile::write(options.outPath, evalNet, model);
                if (!s)
                    return s.error();
            }
            if (!stats.improved && !timeUp) {
                lr *= hyper.lrDecay;
                opt.setLearningRate(lr);
            }
            ClassifierFileHeader ckpt = header;
            ckpt.checkpoint = true;
            ckpt.state = QJsonObject{{QStringLiteral("epoch"), epoch + 1},
                                     {QStringLiteral("best_loss"), bestLoss},
                                     {QStringLiteral("best_epoch"), bestEpoch},
                                     {QStringLiteral("best_auc"), bestAuc},
                                     {QStringLiteral("select_by"), selectBy},
                                     {QStringLiteral("ema_steps"), double(emaSteps)},
                                     {QStringLiteral("averaged_epochs"), averaged},
                                     {QStringLiteral("seconds"), stats.elapsedSeconds},
                                     {QStringLiteral("lr"), lr}};
            const Status s = ClassifierFile::write(options.outPath + QStringLiteral(".ckpt"), net, ckpt,
                                                   [&](torch::serialize::OutputArchive &a) {
                                                       torch::serialize::OutputArchive optArchive;
                                                       opt.save(optArchive);
                                                       a.write("optimizer", optArchive);
                                                       if (ema)
                                                           ClassifierFile::writeWeights(a, "ema", ema);
                                                       if (average && averaged > 0)
                                                           ClassifierFile::writeWeights(a, "average", average);
                                                   });
            if (!s)
                return s.error();
            if (onEpoch)
                onEpoch(stats);
            if (timeUp || outOfTime()) {
                result.stopReason = QStringLiteral("time");
                break;
            }
        }
    } catch (const std::exception &e) {
        return Error{QStringLiteral("training failed: %1").arg(QString::fromUtf8(e.what()).section('\n', 0, 0))};
    }
    result.bestEpoch = bestEpoch;
    result.bestValidationLoss = bestLoss;
    result.bestValidationPieceAuc = bestAuc;
    result.selectedBy = averaged > 0 ? QStringLiteral("average") : selectBy;
    result.seconds = timer.elapsed() / 1000.0;
    if (bestEpoch == 0)
        return Error{QStringLiteral("no epoch finished (time limit too short?)")};
    if (!validIdx.empty()) {
        Result<std::unique_ptr<ClassifierModel>> best = ClassifierModel::load(options.outPath, result.device);
        if (!best)
            return best.error();
        result.validation = best.value()->evaluate(data, true);
        if (options.calibrate && hasBothClasses(result.validation)) {
            // Mean clip log-probabilities favour the class whose pieces the network has heard:
            // unseen Chopin pieces score lower than seen ones. Centre the decision between the
            // validation pieces of both classes instead of at even odds.
            ClassifierEvaluation basis = result.validation;
            QString note = QStringLiteral("validation pieces, training-time renderings");
            std::optional<ClipSet> heard;
            if (options.calibrationClips) {
                Result<ClipSet> made = validationInRooms(data, *options.calibrationClips, options.calibrationRooms, progress, cancel);
                if (isCancelled(cancel))
                    return Error{QStringLiteral("cancelled")};
                if (made) {
                    ClassifierEvaluation e = best.value()->evaluate(made.value());
                    if (hasBothClasses(e)) {
                        QStringList rooms;
                        for (const RoomParams &r : options.calibrationRooms)
                            rooms << r.label();
                        basis = std::move(e);
                        note = QStringLiteral("validation pieces rendered without augmentation, heard in rooms %1")
                                   .arg(rooms.join(QStringLiteral(", ")));
                        heard = std::move(made).value();
                    } else {
                        note += QStringLiteral("; heard in rooms, the validation pieces lacked a class");
                    }
                } else {
                    note += QStringLiteral("; the clips heard in rooms could not be made: %1").arg(made.error().message);
                }
            }
            const Result<double> bias = ClassifierModel::writeCalibrated(options.outPath, options.outPath, basis, best.value()->decisionBias(),
                                                                         note, best.value()->bandShifts());
            if (!bias)
                return bias.error();
            result.decisionBias = bias.value();
            result.calibratedOn = note;
            best = ClassifierModel::load(options.outPath, result.device);
            if (!best)
                return best.error();
            result.validation = best.value()->evaluate(data, true);
            if (heard) {
                result.calibration = best.value()->evaluate(*heard);
                report(progress, 1.0, QStringLiteral("Decision calibrated in rooms"));
            }
        }
    }
    return result;
}

}  // namespace aichopin
