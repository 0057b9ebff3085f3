#pragma once
// INTERNAL (includes LibTorch): the composer network and its file format. Only the composer's
// own .cpp files include this; the GUI sees ComposerModel and ComposerTrainer instead.
//
// Tokens enter through an embedding (index vocabularySize is the start-of-piece token), pass
// through stacked LSTMs and one or two dense layers to logits over the vocabulary.

#include "common/Result.h"
#include "common/TorchDevice.h"
#include "composer/ComposerConfig.h"
#include "composer/EventCodec.h"

#include <QJsonObject>
#include <QString>

#include <torch/torch.h>

#include <functional>
#include <memory>
#include <optional>
#include <tuple>

namespace aichopin {

class CancelToken;

using LstmState = std::tuple<torch::Tensor, torch::Tensor>;

struct ComposerNetworkImpl : torch::nn::Module {
    ComposerNetworkImpl(int vocabularySize, const ComposerHyperparameters &hyper);

    // tokens: [batch, time] int64. Returns logits [batch, time, vocabulary]; *state (may hold an
    // empty optional: zeros) is replaced by the state after the last step.
    torch::Tensor forward(const torch::Tensor &tokens, std::optional<LstmState> *state);

    int vocabularySize;
    torch::nn::Embedding embed{nullptr};
    torch::nn::LSTM lstm{nullptr};
    torch::nn::Dropout dropout{nullptr};
    torch::nn::Linear dense{nullptr};   // only with two dense layers
    torch::nn::Linear output{nullptr};
};
TORCH_MODULE(ComposerNetwork);

// What a model or checkpoint file says about itself.
struct ComposerFileHeader {
    EventCodec codec;
    ComposerHyperparameters hyper;
    QJsonObject info;    // training summary (losses, time, data fingerprint, command)
    QJsonObject state;   // checkpoints only: where training stands
    bool checkpoint = false;
};

struct ComposerFile {
    static constexpr const char *kFormat = "aichopin-composer";
    static constexpr int kVersion = 1;

    // Writes atomically (temporary file, then rename). extra may add to the archive (optimizer).
    static Status write(const QString &path, ComposerNetwork &net, const ComposerFileHeader &header,
                        const std::function<void(torch::serialize::OutputArchive &)> &extra = {});

    struct Opened {
        ComposerFileHeader header;
        ComposerNetwork net{nullptr};  // on the CPU
        std::shared_ptr<torch::serialize::InputArchive> archive;  // for the caller's extra parts
    };
    // Clear errors for a missing, truncated or foreign file, another format version, or (when
    // expected is set) another representation. Never throws.
    static Result<Opened> open(const QString &path, std::optional<Representation> expected = std::nullopt);
};


// Sets LibTorch's intra-op threads and, when the BLAS is OpenBLAS, its threads too (they would
// otherwise fight over the cores). n <= 0 leaves both alone.
void configureThreads(int n);

// Total negative log-likelihood (nats) and event count of each piece, every piece starting from
// the start token with a fresh state. Pieces are batched together; chunks bound the memory.
struct NllTotals {
    double nats = 0.0;
    qint64 events = 0;
};
Result<NllTotals> evaluateNll(ComposerNetwork &net, const std::vector<std::vector<int>> &pieces,
                              const torch::Device &device, const CancelToken *cancel, int chunk = 256, int batch = 16);

// The same, but each event is predicted from at most the `window` events before it in its piece
// (the start token counts), each window from a fresh state: the paper's training objective
// scored on held-out pieces. The first `window` events of a piece see their whole prefix.
Result<NllTotals> evaluateWindowNll(ComposerNetwork &net, const std::vector<std::vector<int>> &pieces, int window,
                                    const torch::Device &device, const CancelToken *cancel, int batch = 128);

}  // namespace aichopin
