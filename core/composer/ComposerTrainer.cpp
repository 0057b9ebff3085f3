#include "composer/ComposerTrainer.h"

#include "composer/ComposerCorpus.h"
#include "composer/ComposerNetwork.h"
#include "common/HeapRetention.h"

#include <ATen/CPUGeneratorImpl.h>

#include <QFileInfo>

#include <chrono>
#include <cmath>

namespace aichopin {

namespace {

constexpr double kLn2 = 0.69314718055994530942;

double now()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// One epoch's training data: the shuffled, augmented pieces (each after a start token) as one
// stream, cut into batch rows that are read left to right in chunks (the LSTM state carries
// from one chunk to the next: truncated backpropagation through time).
struct EpochData {
    torch::Tensor rows;  // [batch, length] int64, CPU
    int steps = 0;
    int chunk = 0;
};

// The shuffled, augmented pieces of one epoch, each after a start token, as one stream.
std::vector<int64_t> buildStream(const std::vector<ComposerCorpus::Piece> &pieces, const EventCodec &codec,
                                 const ComposerTrainingOptions &o, std::mt19937_64 &rng)
{
    std::vector<size_t> order(pieces.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::shuffle(order.begin(), order.end(), rng);
    const int start = codec.vocabularySize();
    std::vector<int64_t> stream;
    for (size_t i : order) {
        const NoteSequence piece = ComposerCorpus::augment(pieces[i].sequence, o.maxTranspose, o.maxStretch, rng);
        stream.push_back(start);
        for (int t : codec.encode(piece))
            stream.push_back(t);
    }
    return stream;
}

EpochData buildEpoch(const std::vector<ComposerCorpus::Piece> &pieces, const EventCodec &codec,
                     const ComposerTrainingOptions &o, int epoch)
{
    std::mt19937_64 rng(o.seed * 0x9E3779B97F4A7C15ULL + quint64(epoch));
    std::vector<int64_t> stream = buildStream(pieces, codec, o, rng);
    EpochData d;
    const int64_t batch = std::max<int64_t>(1, std::min<int64_t>(o.batchSize, int64_t(stream.size()) / 2));
    const int64_t length = int64_t(stream.size()) / batch;
    d.rows = torch::from_blob(stream.data(), {batch, length}, torch::kLong).clone();
    d.chunk = int(std::min<int64_t>(o.chunkLength, length - 1));
    d.steps = int((length - 1 + d.chunk - 1) / d.chunk);
    return d;
}

// The paper's way: every window of o.windowLength events of the stream (across piece boundaries,
// as the paper's concatenated notes) is one example whose only target is the event after it.
// The windows are shuffled; a step trains o.batchSize of them, each from a fresh state.
struct WindowEpoch {
    std::vector<int64_t> stream;
    std::vector<int64_t> starts;  // shuffled window starts
    int steps = 0;
};

WindowEpoch buildWindowEpoch(const std::vector<ComposerCorpus::Piece> &pieces, const EventCodec &codec,
                             const ComposerTrainingOptions &o, int epoch)
{
    std::mt19937_64 rng(o.seed * 0x9E3779B97F4A7C15ULL + quint64(epoch));
    WindowEpoch w;
    w.stream = buildStream(pieces, codec, o, rng);
    const int64_t window = o.windowLength;
    for (int64_t i = 0; i + window < int64_t(w.stream.size()); ++i) {
        if (w.stream[size_t(i + window)] != codec.vocabularySize())  // a start token is never a target
            w.starts.push_back(i);
    }
    std::shuffle(w.starts.begin(), w.starts.end(), rng);
    const int64_t batch = std::max(1, o.batchSize);
    w.steps = int((int64_t(w.starts.size()) + batch - 1) / batch);
    return w;
}

std::vector<std::vector<int>> encodeAll(const std::vector<ComposerCorpus::Piece> &pieces, const EventCodec &codec)
{
    std::vector<std::vector<int>> out;
    for (const auto &p : pieces)
        out.push_back(codec.encode(p.sequence));
    return out;
}

QJsonObject trainingSettings(const ComposerTrainingOptions &o)
{
    return {{QStringLiteral("optimizer"), o.optimizer},
            {QStringLiteral("learning_rate"), o.learningRate},
            {QStringLiteral("lr_decay"), o.lrDecay},
            {QStringLiteral("clip_norm"), o.clipNorm},
            {QStringLiteral("batch_size"), o.batchSize},
            {QStringLiteral("chunk_length"), o.chunkLength},
            {QStringLiteral("patience"), o.patience},
            {QStringLiteral("validation_fraction"), o.validationFraction},
            {QStringLiteral("max_transpose"), o.maxTranspose},
            {QStringLiteral("max_stretch"), o.maxStretch},
            {QStringLiteral("seed"), QString::number(o.seed)},
            {QStringLiteral("objective"), o.objective},
            {QStringLiteral("window_length"), o.windowLength}};
}

void applySettings(const QJsonObject &s, ComposerTrainingOptions *o)
{
    o->optimizer = s.value(QStringLiteral("optimizer")).toString(o->optimizer);
    o->learningRate = s.value(QStringLiteral("learning_rate")).toDouble(o->learningRate);
    o->lrDecay = s.value(QStringLiteral("lr_decay")).toDouble(o->lrDecay);
    o->clipNorm = s.value(QStringLiteral("clip_norm")).toDouble(o->clipNorm);
    o->batchSize = s.value(QStringLiteral("batch_size")).toInt(o->batchSize);
    o->chunkLength = s.value(QStringLiteral("chunk_length")).toInt(o->chunkLength);
    o->patience = s.value(QStringLiteral("patience")).toInt(o->patience);
    o->validationFraction = s.value(QStringLiteral("validation_fraction")).toDouble(o->validationFraction);
    o->maxTranspose = s.value(QStringLiteral("max_transpose")).toInt(o->maxTranspose);
    o->maxStretch = s.value(QStringLiteral("max_stretch")).toDouble(o->maxStretch);
    o->seed = s.value(QStringLiteral("seed")).toString().toULongLong();
    o->objective = s.value(QStringLiteral("objective")).toString(QStringLiteral("sequence"));
    o->windowLength = s.value(QStringLiteral("window_length")).toInt(o->windowLength);
}

std::unique_ptr<torch::optim::Optimizer> makeOptimizer(const QString &name, ComposerNetwork &net, double lr)
{
    if (name == QLatin1String("rmsprop"))
        return std::make_unique<torch::optim::RMSprop>(net->parameters(), torch::optim::RMSpropOptions(lr));
    return std::make_unique<torch::optim::Adam>(net->parameters(), torch::optim::AdamOptions(lr));
}

void setLearningRate(torch::optim::Optimizer &opt, double lr)
{
    for (auto &group : opt.param_groups())
        group.options().set_lr(lr);
}

// Where training stands; stored in the checkpoint as JSON.
struct Position {
    int epoch = 1;            // the epoch being trained (1-based)
    int nextStep = 0;         // first batch of that epoch still to train
    double lr = 0.0;
    double best = INFINITY;
    int bestEpoch = 0;
    int badEpochs = 0;
    double elapsedBefore = 0; // seconds spent in earlier runs
    double epochLossSum = 0;
    qint64 epochLossCount = 0;
    qint64 globalStep = 0;

    QJsonObject toJson() const
    {
        return {{QStringLiteral("epoch"), epoch},
                {QStringLiteral("next_step"), nextStep},
                {QStringLiteral("lr"), lr},
                {QStringLiteral("best"), std::isfinite(best) ? best : -1.0},
                {QStringLiteral("best_epoch"), bestEpoch},
                {QStringLiteral("bad_epochs"), badEpochs},
                {QStringLiteral("elapsed"), elapsedBefore},
                {QStringLiteral("epoch_loss_sum"), epochLossSum},
                {QStringLiteral("epoch_loss_count"), epochLossCount},
                {QStringLiteral("global_step"), globalStep}};
    }
    static Position fromJson(const QJsonObject &o)
    {
        Position p;
        p.epoch = o.value(QStringLiteral("epoch")).toInt(1);
        p.nextStep = o.value(QStringLiteral("next_step")).toInt();
        p.lr = o.value(QStringLiteral("lr")).toDouble();
        const double best = o.value(QStringLiteral("best")).toDouble(-1.0);
        p.best = best < 0 ? INFINITY : best;
        p.bestEpoch = o.value(QStringLiteral("best_epoch")).toInt();
        p.badEpochs = o.value(QStringLiteral("bad_epochs")).toInt();
        p.elapsedBefore = o.value(QStringLiteral("elapsed")).toDouble();
        p.epochLossSum = o.value(QStringLiteral("epoch_loss_sum")).toDouble();
        p.epochLossCount = qint64(o.value(QStringLiteral("epoch_loss_count")).toDouble());
        p.globalStep = qint64(o.value(QStringLiteral("global_step")).toDouble());
        return p;
    }
};

}  // namespace

Result<ComposerTrainingResult> ComposerTrainer::train(const ComposerTrainingOptions &options, const StepCallback &onStep,
                                                      const EpochCallback &onEpoch, const ProgressSink &progress,
                                                      const CancelToken *cancel)
{
    const HeapRetention keepHeap;  // a step's buffers are reused, not faulted in again each step
    try {
        ComposerTrainingOptions o = options;
        if (o.outPath.isEmpty())
            return Error{QStringLiteral("no output model path given")};
        if (o.optimizer != QLatin1String("adam") && o.optimizer != QLatin1String("rmsprop"))
            return Error{QStringLiteral("unknown optimizer '%1' (use adam or rmsprop)").arg(o.optimizer)};
        if (o.objective != QLatin1String("sequence") && o.objective != QLatin1String("window"))
            return Error{QStringLiteral("unknown training objective '%1' (use sequence or window)").arg(o.objective)};
        if (o.windowLength < 1 || o.windowLength > 10000)
            return Error{QStringLiteral("the window length must be between 1 and 10000 events, not %1").arg(o.windowLength)};
        const Result<torch::Device> deviceOr = chooseTorchDevice(o.device);
        if (!deviceOr)
            return deviceOr.error();
        const torch::Device device = deviceOr.value();
        configureThreads(o.threads);

        // Resume: the checkpoint decides the hyperparameters and settings.
        std::optional<ComposerFile::Opened> resumed;
        if (!o.resumePath.isEmpty()) {
            QString path = o.resumePath;
            if (!path.endsWith(QLatin1String(".ckpt")) && QFileInfo::exists(path + QStringLiteral(".ckpt")))
                path += QStringLiteral(".ckpt");
            auto r = ComposerFile::open(path, o.requireRepresentation ? std::optional(o.hyper.representation) : std::nullopt);
            if (!r)
                return r.error();
            if (!r->header.checkpoint)
                return Error{QStringLiteral("'%1' is a finished model, not a training checkpoint (look for %1.ckpt)").arg(path)};
            resumed = std::move(r).value();
            o.hyper = resumed->header.hyper;
            applySettings(resumed->header.info.value(QStringLiteral("training")).toObject(), &o);
        }

        // Fine-tuning: a finished model's weights start this run; its size and vocabulary are kept.
        std::optional<ComposerFile::Opened> initial;
        if (!o.initPath.isEmpty()) {
            if (resumed)
                return Error{QStringLiteral("a training either resumes a checkpoint or starts from a model's weights, not both")};
            auto r = ComposerFile::open(o.initPath, o.requireRepresentation ? std::optional(o.hyper.representation) : std::nullopt);
            if (!r)
                return r.error();
            initial = std::move(r).value();
            o.hyper = initial->header.hyper;
        }

        report(progress, 0.0, QStringLiteral("Reading MIDI files"));
        Result<ComposerCorpus> corpusOr = ComposerCorpus::load(o.dataDir);
        if (!corpusOr)
            return corpusOr.error();
        ComposerCorpus &corpus = corpusOr.value();
        if (resumed && resumed->header.info.value(QStringLiteral("data_fingerprint")).toString() != corpus.fingerprint())
            return Error{QStringLiteral("the MIDI files in '%1' are not the ones this checkpoint was trained on "
                                        "(data fingerprint differs)").arg(o.dataDir)};
        corpus.split(o.validationFraction, o.seed);

        EventCodec codec;
        if (resumed) {
            codec = resumed->header.codec;
        } else if (initial) {
            codec = initial->header.codec;
        } else if (o.hyper.representation == Representation::Paper) {
            std::vector<NoteSequence> seqs;
            for (const auto &p : corpus.training())
                seqs.push_back(p.sequence);
            codec = EventCodec::paperFromPieces(seqs, o.maxTranspose);
        }
        const std::vector<std::vector<int>> validation = encodeAll(corpus.validation(), codec);
        ComposerTrainingResult result;
        result.device = device.is_cuda() ? QStringLiteral("cuda") : QStringLiteral("cpu");
        result.trainingPieces = int(corpus.training().size());
        result.validationPieces = int(corpus.validation().size());
        for (const auto &p : encodeAll(corpus.training(), codec))
            result.trainingEvents += qint64(p.size());
        for (const auto &p : validation)
            result.validationEvents += qint64(p.size());

        const quint64 seed = o.seed;
        torch::manual_seed(seed);
        ComposerNetwork net = resumed ? resumed->net : initial ? initial->net : ComposerNetwork(codec.vocabularySize(), o.hyper);
        net->to(device);
        Position pos;
        pos.lr = o.learningRate;
        std::unique_ptr<torch::optim::Optimizer> opt = makeOptimizer(o.optimizer, net, o.learningRate);
        std::optional<LstmState> state;
        torch::Tensor resumeRng;
        if (resumed) {
            pos = Position::fromJson(resumed->header.state);
            torch::serialize::InputArchive optArchive;
            resumed->archive->read("optimizer", optArchive);
            opt->load(optArchive);
            setLearningRate(*opt, pos.lr);
            torch::Tensor h, c;
            resumed->archive->try_read("rng_state", resumeRng);
            if (resumed->archive->try_read("state_h", h) && resumed->archive->try_read("state_c", c))
                state = LstmState{h.to(device), c.to(device)};
        }

        QJsonObject info{{QStringLiteral("data_fingerprint"), corpus.fingerprint()},
                         {QStringLiteral("data_dir"), QFileInfo(o.dataDir).fileName()},
                         {QStringLiteral("training"), trainingSettings(o)},
                         {QStringLiteral("training_pieces"), result.trainingPieces},
                         {QStringLiteral("validation_pieces"), result.validationPieces}};
        const bool windowObjective = o.objective == QLatin1String("window");
        // Where the starting weights came from (kept through a resume), and how well they knew
        // these held-out pieces before training.
        if (initial) {
            const QJsonObject &from = initial->header.info;
            QJsonObject origin{{QStringLiteral("file"), QFileInfo(o.initPath).fileName()},
                               {QStringLiteral("data_dir"), from.value(QStringLiteral("data_dir"))},
                               {QStringLiteral("data_fingerprint"), from.value(QStringLiteral("data_fingerprint"))},
                               {QStringLiteral("validation_nats_per_event"), from.value(QStringLiteral("validation_nats_per_event"))}};
            if (from.contains(QStringLiteral("initialised_from")))
                origin[QStringLiteral("initialised_from")] = from.value(QStringLiteral("initialised_from"));
            initial.reset();
            // Not cancellable (a validation pass takes seconds): a stop is seen at the first batch,
            // which writes the checkpoint that a pause promises.
            report(progress, 0.0, QStringLiteral("Scoring the starting model"));
            Result<NllTotals> v = windowObjective ? evaluateWindowNll(net, validation, o.windowLength, device, nullptr)
                                                  : evaluateNll(net, validation, device, nullptr);
            if (!v)
                return v.error();
            if (v->events > 0) {
                result.startValidationLoss = v->nats / double(v->events);
                origin[QStringLiteral("validation_here_nats_per_event")] = result.startValidationLoss;
            }
            info[QStringLiteral("initialised_from")] = origin;
        } else if (resumed && resumed->header.info.contains(QStringLiteral("initialised_from"))) {
            const QJsonObject origin = resumed->header.info.value(QStringLiteral("initialised_from")).toObject();
            info[QStringLiteral("initialised_from")] = origin;
            result.startValidationLoss = origin.value(QStringLiteral("validation_here_nats_per_event")).toDouble(-1.0);
        }
        QStringList validationNames;
        for (const auto &p : corpus.validation())
            validationNames << QFileInfo(p.path).fileName();
        info[QStringLiteral("validation_files")] = validationNames.join(QLatin1Char(','));

        const double runStart = now();
        const double deadline = o.maxMinutes > 0 ? runStart + o.maxMinutes * 60.0 : INFINITY;
        qint64 tokensThisRun = 0;
        double lastEpochSeconds = -1.0;

        auto writeCheckpoint = [&]() -> Status {
            ComposerFileHeader h{codec, o.hyper, info, pos.toJson(), true};
            h.state[QStringLiteral("elapsed")] = pos.elapsedBefore + (now() - runStart);
            return ComposerFile::write(o.outPath + QStringLiteral(".ckpt"), net, h,
                                       [&](torch::serialize::OutputArchive &a) {
                                           torch::serialize::OutputArchive optArchive;
                                           opt->save(optArchive);
                                           a.write("optimizer", optArchive);
                                           a.write("rng_state", at::detail::getDefaultCPUGenerator().get_state());
                                           if (state) {
                                               a.write("state_h", std::get<0>(*state).cpu());
                                               a.write("state_c", std::get<1>(*state).cpu());
                                           }
                                       });
        };

        // Validates, updates the best model and early-stopping counters. Returns false on error.
        auto finishEpoch = [&](bool partial, ComposerEpochStats *stats) -> Status {
            Result<NllTotals> v = windowObjective ? evaluateWindowNll(net, validation, o.windowLength, device, cancel)
                                                  : evaluateNll(net, validation, device, cancel);
            if (!v)
                return v.error();
            stats->epoch = pos.epoch;
            stats->maxEpochs = o.maxEpochs;
            stats->partial = partial;
            stats->trainLoss = pos.epochLossCount ? pos.epochLossSum / double(pos.epochLossCount) : 0.0;
            stats->validationLoss = v->events ? v->nats / double(v->events) : 0.0;
            stats->trainBits = stats->trainLoss / kLn2;
            stats->validationBits = stats->validationLoss / kLn2;
            stats->learningRate = pos.lr;
            stats->improved = stats->validationLoss < pos.best;
            if (stats->improved) {
                pos.best = stats->validationLoss;
                pos.bestEpoch = pos.epoch;
                pos.badEpochs = 0;
                QJsonObject modelInfo = info;
                modelInfo[QStringLiteral("validation_nats_per_event")] = pos.best;
                modelInfo[QStringLiteral("validation_metric")] =
                    windowObjective ? QStringLiteral("window %1").arg(o.windowLength) : QStringLiteral("sequence");
                modelInfo[QStringLiteral("validation_bits_per_event")] = pos.best / kLn2;
                modelInfo[QStringLiteral("train_nats_per_event")] = stats->trainLoss;
                modelInfo[QStringLiteral("epoch")] = pos.epoch;
                modelInfo[QStringLiteral("partial_epoch")] = partial;
                modelInfo[QStringLiteral("training_seconds")] = pos.elapsedBefore + (now() - runStart);
                modelInfo[QStringLiteral("device")] = result.device;
                const Status w = ComposerFile::write(o.outPath, net, ComposerFileHeader{codec, o.hyper, modelInfo, {}, false});
                if (!w)
                    return w.error();
            } else if (!partial) {
                ++pos.badEpochs;
                pos.lr *= o.lrDecay;
                setLearningRate(*opt, pos.lr);
            }
            stats->bestValidationLoss = pos.best;
            return Ok{};
        };

        QString stopReason = QStringLiteral("epochs");
        int epochsCompleted = pos.epoch - 1;
        while (pos.epoch <= o.maxEpochs) {
            if (resumeRng.defined() && pos.nextStep > 0) {
                // Continue the interrupted epoch with the random state it stopped with.
                at::Generator generator = at::detail::getDefaultCPUGenerator();
                generator.set_state(resumeRng);
            } else {
                torch::manual_seed(seed + quint64(pos.epoch) * 7919ULL);
                state.reset();
            }
            resumeRng = torch::Tensor();
            resumed.reset();
            EpochData data;
            WindowEpoch windows;
            torch::Tensor rows;
            int64_t length = 0;
            int stepsInEpoch = 0;
            double tokensPerStep = 0;  // targets per full step, for the ETA
            if (windowObjective) {
                windows = buildWindowEpoch(corpus.training(), codec, o, pos.epoch);
                stepsInEpoch = windows.steps;
                tokensPerStep = std::max(1, o.batchSize);
            } else {
                data = buildEpoch(corpus.training(), codec, o, pos.epoch);
                rows = data.rows.to(device);
                length = rows.size(1);
                stepsInEpoch = data.steps;
                tokensPerStep = double(rows.size(0)) * data.chunk;
            }
            net->train();
            const double epochStart = now();
            qint64 epochTokens = 0;
            bool stopped = false;
            for (int step = pos.nextStep; step < stepsInEpoch; ++step) {
                if (isCancelled(cancel)) {
                    stopReason = QStringLiteral("cancelled");
                    stopped = true;
                    break;
                }
                if (now() >= deadline) {
                    stopReason = QStringLiteral("time");
                    stopped = true;
                    break;
                }
                torch::Tensor loss;
                qint64 tokens = 0;  // targets trained on in this step
                if (windowObjective) {
                    const int64_t first = int64_t(step) * std::max(1, o.batchSize);
                    const int64_t count = std::min<int64_t>(std::max(1, o.batchSize), int64_t(windows.starts.size()) - first);
                    const int64_t w = o.windowLength;
                    torch::Tensor input = torch::empty({count, w}, torch::kLong);
                    torch::Tensor target = torch::empty({count}, torch::kLong);
                    auto in = input.accessor<int64_t, 2>();
                    auto tg = target.accessor<int64_t, 1>();
                    for (int64_t b = 0; b < count; ++b) {
                        const int64_t s0 = windows.starts[size_t(first + b)];
                        for (int64_t t = 0; t < w; ++t)
                            in[b][t] = windows.stream[size_t(s0 + t)];
                        tg[b] = windows.stream[size_t(s0 + w)];
                    }
                    torch::Tensor logits = net->forward(input.to(device), nullptr).select(1, w - 1);
                    loss = torch::nn::functional::cross_entropy(logits, target.to(device));
                    tokens = count;
                } else {
                    const int64_t t0 = int64_t(step) * data.chunk;
                    const int64_t len = std::min<int64_t>(data.chunk, length - 1 - t0);
                    if (state)
                        state = LstmState{std::get<0>(*state).detach(), std::get<1>(*state).detach()};
                    torch::Tensor logits = net->forward(rows.narrow(1, t0, len), &state);
                    // A start token is never a target: what follows the end of a piece is not music.
                    torch::Tensor target = rows.narrow(1, t0 + 1, len).reshape({-1});
                    target = target.masked_fill(target == codec.vocabularySize(), -1);
                    loss = torch::nn::functional::cross_entropy(
                        logits.reshape({-1, logits.size(2)}), target, torch::nn::functional::CrossEntropyFuncOptions().ignore_index(-1));
                    tokens = qint64(rows.size(0)) * len;
                }
                opt->zero_grad();
                loss.backward();
                torch::nn::utils::clip_grad_norm_(net->parameters(), o.clipNorm);
                opt->step();
                const double l = loss.item<double>();
                if (!std::isfinite(l))
                    return Error{QStringLiteral("the training loss became %1 at epoch %2 (lower the learning rate)").arg(l).arg(pos.epoch)};
                pos.epochLossSum += l;
                pos.epochLossCount += 1;
                pos.globalStep += 1;
                pos.nextStep = step + 1;
                epochTokens += tokens;
                tokensThisRun += tokens;
                if (onStep && (step + 1) % std::max(1, o.reportEverySteps) == 0) {
                    ComposerStepStats s;
                    s.epoch = pos.epoch;
                    s.step = step + 1;
                    s.stepsInEpoch = stepsInEpoch;
                    s.globalStep = pos.globalStep;
                    s.loss = l;
                    s.learningRate = pos.lr;
                    s.elapsedSeconds = pos.elapsedBefore + (now() - runStart);
                    const double rate = tokensThisRun / std::max(1e-9, now() - runStart);
                    s.tokensPerSecond = rate;
                    const double epochLeft = double(stepsInEpoch - step - 1) * tokensPerStep / rate;
                    const double epochsLeft = epochLeft + double(o.maxEpochs - pos.epoch) * double(stepsInEpoch) * tokensPerStep / rate;
                    s.etaSeconds = std::min(epochsLeft, deadline - now());
                    onStep(s);
                }
                const double total = o.maxMinutes > 0 ? std::max((now() - runStart) / (o.maxMinutes * 60.0), 0.0) : 0.0;
                const double byEpochs = (double(pos.epoch - 1) + double(step + 1) / stepsInEpoch) / o.maxEpochs;
                report(progress, std::min(1.0, std::max(total, byEpochs)), QStringLiteral("Epoch %1/%2").arg(pos.epoch).arg(o.maxEpochs));
            }
            const double epochSeconds = now() - epochStart;
            if (stopped && stopReason == QLatin1String("cancelled")) {
                const Status w = writeCheckpoint();
                if (!w)
                    return w.error();
                return Error{QStringLiteral("cancelled")};
            }
            if (stopped && epochTokens == 0) {
                // The time ran out before this epoch trained anything: nothing new to validate.
                const Status w = writeCheckpoint();
                if (!w)
                    return w.error();
                break;
            }
            ComposerEpochStats stats;
            const Status f = finishEpoch(stopped, &stats);
            if (!f) {
                if (isCancelled(cancel)) {
                    // Cancelled while validating: the checkpoint resumes with this validation.
                    const Status w = writeCheckpoint();
                    if (!w)
                        return w.error();
                    return Error{QStringLiteral("cancelled")};
                }
                return f.error();
            }
            stats.tokensPerSecond = epochTokens / std::max(1e-9, epochSeconds);
            stats.elapsedSeconds = pos.elapsedBefore + (now() - runStart);
            if (!stopped) {
                lastEpochSeconds = epochSeconds;
                ++epochsCompleted;
                pos.epoch += 1;
                pos.nextStep = 0;
                pos.epochLossSum = 0;
                pos.epochLossCount = 0;
                state.reset();
            }
            stats.etaSeconds = lastEpochSeconds > 0 ? std::min(lastEpochSeconds * (o.maxEpochs - pos.epoch + 1), std::max(0.0, deadline - now())) : -1.0;
            const Status w = writeCheckpoint();
            if (!w)
                return w.error();
            if (onEpoch)
                onEpoch(stats);
            if (stopped)
                break;
            if (pos.badEpochs >= o.patience) {
                stopReason = QStringLiteral("early-stop");
                break;
            }
        }
        result.epochsCompleted = epochsCompleted;
        result.bestEpoch = pos.bestEpoch;
        result.bestValidationLoss = pos.best;
        result.seconds = now() - runStart;
        result.totalSeconds = pos.elapsedBefore + result.seconds;
        result.stopReason = stopReason;
        result.tokensPerSecond = tokensThisRun / std::max(1e-9, result.seconds);
        report(progress, 1.0, QStringLiteral("Done"));
        return result;
    } catch (const std::exception &e) {
        return Error{QStringLiteral("training failed: %1").arg(QString::fromUtf8(e.what()).section('\n', 0, 0))};
    }
}

}  // namespace aichopin
