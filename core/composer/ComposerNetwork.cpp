#include "composer/ComposerNetwork.h"

#include "common/CancelToken.h"
#include "common/ModelArchive.h"
#include "common/ModelFileCheck.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <dlfcn.h>


namespace aichopin {

ComposerNetworkImpl::ComposerNetworkImpl(int vocab, const ComposerHyperparameters &h) : vocabularySize(vocab)
{
    embed = register_module("embed", torch::nn::Embedding(vocab + 1, h.embedding));
    lstm = register_module("lstm", torch::nn::LSTM(torch::nn::LSTMOptions(h.embedding, h.hidden)
                                                       .num_layers(h.layers)
                                                       .batch_first(true)
                                                       .dropout(h.layers > 1 ? h.dropout : 0.0)));
    dropout = register_module("dropout", torch::nn::Dropout(h.dropout));
    if (h.denseLayers == 2) {
        dense = register_module("dense", torch::nn::Linear(h.hidden, h.denseSize));
        output = register_module("output", torch::nn::Linear(h.denseSize, vocab));
    } else {
        output = register_module("output", torch::nn::Linear(h.hidden, vocab));
    }
}

torch::Tensor ComposerNetworkImpl::forward(const torch::Tensor &tokens, std::optional<LstmState> *state)
{
    torch::Tensor x = embed->forward(tokens);
    auto [y, next] = (state && state->has_value()) ? lstm->forward(x, **state) : lstm->forward(x);
    if (state)
        *state = next;
    y = dropout->forward(y);
    if (dense)
        y = dropout->forward(torch::relu(dense->forward(y)));
    return output->forward(y);
}

namespace {

// What ComposerNetworkImpl's constructor allocates, in parameters.
double parameterCount(int vocab, const ComposerHyperparameters &h)
{
    const double e = h.embedding, hid = h.hidden, v = vocab;
    double n = (v + 1) * e;
    for (int layer = 0; layer < h.layers; ++layer)
        n += 4 * hid * ((layer == 0 ? e : hid) + hid + 2);
    n += h.denseLayers == 2 ? hid * h.denseSize + h.denseSize + h.denseSize * v + v : hid * v + v;
    return n;
}

std::string toStd(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

bool readString(torch::serialize::InputArchive &a, const char *key, std::string *out)
{
    c10::IValue v;
    if (!a.try_read(key, v) || !v.isString())
        return false;
    *out = v.toStringRef();
    return true;
}

}  // namespace

Status ComposerFile::write(const QString &path, ComposerNetwork &net, const ComposerFileHeader &header,
                           const std::function<void(torch::serialize::OutputArchive &)> &extra)
{
    const QString tmp = path + QStringLiteral(".part");
    try {
        torch::serialize::OutputArchive archive;
        archive.write("format", c10::IValue(std::string(kFormat)));
        archive.write("format_version", c10::IValue(int64_t(kVersion)));
        archive.write("kind", c10::IValue(std::string(header.checkpoint ? "checkpoint" : "model")));
        archive.write("codec", c10::IValue(toStd(header.codec.toJson())));
        archive.write("hyperparameters", c10::IValue(toStd(header.hyper.toJson())));
        archive.write("info", c10::IValue(toStd(header.info)));
        archive.write("state", c10::IValue(toStd(header.state)));
        torch::serialize::OutputArchive model;
        // Weights are saved from the CPU so a file written on a GPU box loads anywhere.
        const torch::Device device = net->parameters().empty() ? torch::Device(torch::kCPU) : net->parameters().front().device();
        if (device.is_cpu()) {
            net->save(model);
        } else {
            net->to(torch::kCPU);
            net->save(model);
            net->to(device);
        }
        archive.write("model", model);
        if (extra)
            extra(archive);
        archive.save_to(tmp.toStdString());
    } catch (const std::exception &e) {
        QFile::remove(tmp);
        return Error{QStringLiteral("cannot write '%1': %2").arg(path, QString::fromUtf8(e.what()).section('\n', 0, 0))};
    }
    return ModelArchive::replace(tmp, path);
}

Result<ComposerFile::Opened> ComposerFile::open(const QString &path, std::optional<Representation> expected)
{
    if (!QFile::exists(path))
        return Error{QStringLiteral("model file '%1' does not exist").arg(path)};
    Opened opened;
    opened.archive = std::make_shared<torch::serialize::InputArchive>();
    const Status loaded = ModelArchive::open(path, QStringLiteral("composer model"), *opened.archive);
    if (!loaded)
        return loaded.error();
    try {
        torch::serialize::InputArchive &a = *opened.archive;
        std::string format, kind, codec, hyper, info, state;
        if (!readString(a, "format", &format))
            return Error{QStringLiteral("'%1' is not a composer model file (no '%2' header)").arg(path, QLatin1String(kFormat))};
        if (format != kFormat)  // most often the classifier's model picked by mistake
            return Error{QStringLiteral("'%1' is a %2, not a composer model").arg(path, modelKindOfFormat(QString::fromStdString(format)))};
        c10::IValue version;
        if (!a.try_read("format_version", version) || !version.isInt())
            return Error{QStringLiteral("'%1' has no format version").arg(path)};
        if (version.toInt() != kVersion)
            return Error{QStringLiteral("'%1' has composer model format version %2; this build reads version %3 (a newer AI Chopin made it?)")
                             .arg(path, QString::number(version.toInt()), QString::number(kVersion))};
        if (!readString(a, "kind", &kind) || !readString(a, "codec", &codec) || !readString(a, "hyperparameters", &hyper))
            return Error{QStringLiteral("'%1' is missing its header fields").arg(path)};
        readString(a, "info", &info);
        readString(a, "state", &state);
        ComposerFileHeader &h = opened.header;
        h.checkpoint = kind == "checkpoint";
        QString error;
        if (!EventCodec::fromJson(QJsonDocument::fromJson(QByteArray::fromStdString(codec)).object(), &h.codec, &error))
            return Error{QStringLiteral("'%1': %2").arg(path, error)};
        const auto hp = ComposerHyperparameters::fromJson(QJsonDocument::fromJson(QByteArray::fromStdString(hyper)).object());
        if (!hp)
            return Error{QStringLiteral("'%1' has invalid hyperparameters").arg(path)};
        h.hyper = *hp;
        h.info = QJsonDocument::fromJson(QByteArray::fromStdString(info)).object();
        h.state = QJsonDocument::fromJson(QByteArray::fromStdString(state)).object();
        if (expected && h.codec.representation() != *expected)
            return Error{QStringLiteral("'%1' was trained on the %2 representation, not %3")
                             .arg(path, representationName(h.codec.representation()), representationName(*expected))};
        // Weights are stored uncompressed: a header that asks for more than the file holds is
        // damaged, and building its network could take all the memory there is.
        const double weightBytes = 4.0 * parameterCount(h.codec.vocabularySize(), h.hyper);
        if (weightBytes > double(QFileInfo(path).size()))
            return Error{QStringLiteral("'%1' is damaged: its header describes %2 MB of weights, more than the whole file")
                             .arg(path, QString::number(weightBytes / 1e6, 'f', 1))};
        opened.net = ComposerNetwork(h.codec.vocabularySize(), h.hyper);
        torch::serialize::InputArchive model;
        if (!a.try_read("model", model))
            return Error{QStringLiteral("'%1' holds no network weights").arg(path)};
        const Status weights = ModelArchive::loadWeights(*opened.net, model);
        if (!weights)
            return Error{QStringLiteral("'%1' does not match its header: %2").arg(path, weights.error().message)};
    } catch (const std::exception &e) {
        return Error{QStringLiteral("'%1' is damaged or does not match its header: %2")
                         .arg(path, QString::fromUtf8(e.what()).section('\n', 0, 0))};
    }
    return opened;
}

void configureThreads(int n)
{
    if (n <= 0)
        return;
    at::set_num_threads(n);
    // Debian's LibTorch calls the system BLAS; when that is OpenBLAS its own thread pool would
    // run beside LibTorch's. Each BLAS call then gets one thread (LibTorch parallelises around it).
    using SetThreads = void (*)(int);
    if (auto fn = reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads")))
        fn(1);
}

Result<NllTotals> evaluateNll(ComposerNetwork &net, const std::vector<std::vector<int>> &pieces,
                              const torch::Device &device, const CancelToken *cancel, int chunk, int batch)
{
    torch::NoGradGuard noGrad;
    const bool wasTraining = net->is_training();
    net->eval();
    NllTotals totals;
    const int start = net->vocabularySize;
    // Longest first, so a batch holds pieces of similar length (less padding).
    std::vector<size_t> order(pieces.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return pieces[a].size() > pieces[b].size(); });
    for (size_t first = 0; first < order.size(); first += size_t(batch)) {
        const size_t count = std::min(order.size() - first, size_t(batch));
        const size_t longest = pieces[order[first]].size();
        if (longest == 0)
            continue;
        // inputs: start token then the piece; targets: the piece, -1 padded (ignored).
        torch::Tensor input = torch::full({int64_t(count), int64_t(longest)}, start, torch::kLong);
        torch::Tensor target = torch::full({int64_t(count), int64_t(longest)}, -1, torch::kLong);
        auto in = input.accessor<int64_t, 2>();
        auto tg = target.accessor<int64_t, 2>();
        for (size_t b = 0; b < count; ++b) {
            const std::vector<int> &p = pieces[order[first + b]];
            for (size_t t = 0; t < p.size(); ++t) {
                tg[b][t] = p[t];
                if (t + 1 < longest)
                    in[b][t + 1] = p[t];
            }
            totals.events += qint64(p.size());
        }
        input = input.to(device);
        target = target.to(device);
        std::optional<LstmState> state;
        for (int64_t t0 = 0; t0 < int64_t(longest); t0 += chunk) {
            if (isCancelled(cancel))
                return Error{QStringLiteral("cancelled")};
            const int64_t len = std::min<int64_t>(chunk, int64_t(longest) - t0);
            torch::Tensor logits = net->forward(input.narrow(1, t0, len), &state);
            torch::Tensor loss = torch::nn::functional::cross_entropy(
                logits.reshape({-1, logits.size(2)}), target.narrow(1, t0, len).reshape({-1}),
                torch::nn::functional::CrossEntropyFuncOptions().ignore_index(-1).reduction(torch::kSum));
            totals.nats += loss.item<double>();
        }
    }
    if (wasTraining)
        net->train();
    return totals;
}

Result<NllTotals> evaluateWindowNll(ComposerNetwork &net, const std::vector<std::vector<int>> &pieces, int window,
                                    const torch::Device &device, const CancelToken *cancel, int batch)
{
    if (window < 1)
        return Error{QStringLiteral("the window must hold at least one event")};
    // Events 0..window-1 of a piece: their context is the whole prefix, as in evaluateNll.
    std::vector<std::vector<int>> heads;
    for (const auto &p : pieces)
        heads.emplace_back(p.begin(), p.begin() + std::min<ptrdiff_t>(window, ptrdiff_t(p.size())));
    Result<NllTotals> headTotals = evaluateNll(net, heads, device, cancel);
    if (!headTotals)
        return headTotals.error();
    NllTotals totals = headTotals.value();

    torch::NoGradGuard noGrad;
    const bool wasTraining = net->is_training();
    net->eval();
    // Event t >= window of piece p: its window is events t-window..t-1 (the start token is
    // event -1, so it only ever falls inside a head window).
    std::vector<std::pair<size_t, int64_t>> targets;
    for (size_t p = 0; p < pieces.size(); ++p)
        for (int64_t t = window; t < int64_t(pieces[p].size()); ++t)
            targets.emplace_back(p, t);
    for (size_t first = 0; first < targets.size(); first += size_t(batch)) {
        if (isCancelled(cancel)) {
            if (wasTraining)
                net->train();
            return Error{QStringLiteral("cancelled")};
        }
        const int64_t count = int64_t(std::min(targets.size() - first, size_t(batch)));
        torch::Tensor input = torch::empty({count, int64_t(window)}, torch::kLong);
        torch::Tensor target = torch::empty({count}, torch::kLong);
        auto in = input.accessor<int64_t, 2>();
        auto tg = target.accessor<int64_t, 1>();
        for (int64_t b = 0; b < count; ++b) {
            const auto [p, t] = targets[first + size_t(b)];
            for (int64_t k = 0; k < window; ++k)
                in[b][k] = pieces[p][size_t(t - window + k)];
            tg[b] = pieces[p][size_t(t)];
        }
        torch::Tensor logits = net->forward(input.to(device), nullptr).select(1, window - 1);
        totals.nats += torch::nn::functional::cross_entropy(logits, target.to(device),
                                                            torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum))
                           .item<double>();
        totals.events += count;
    }
    if (wasTraining)
        net->train();
    return totals;
}

}  // namespace aichopin
