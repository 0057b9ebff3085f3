#pragma once
// The CNN (internal: includes LibTorch; only the classifier's .cpp files include this header).
// Choi-style blocks of 3x3 convolution, batch norm, ELU and max-pooling (2 in frequency, 4 in
// time while the map is large enough), then global mean and max pooling over what is left,
// dropout and a two-way linear output (logits for Other, Chopin).
//
// The model file format (ClassifierFile) is a LibTorch archive: format tag, version, kind
// ("model" or "checkpoint"), feature settings, hyperparameters and info as JSON strings, the
// network weights and, in checkpoints, the optimiser state and the trainer's position.
#include "classifier/ClassifierTypes.h"
#include "common/Result.h"
#include "common/TorchDevice.h"

#include <torch/torch.h>

#include <functional>
#include <memory>

namespace aichopin {

class ClassifierNetworkImpl : public torch::nn::Module {
public:
    ClassifierNetworkImpl(int bins, int frames, const ClassifierHyperparameters &hyper);
    // x: [batch, frames, bins] normalised clips. Returns logits [batch, 2] (0 Other, 1 Chopin).
    torch::Tensor forward(torch::Tensor x);
    // The pooled (and, in training, dropped-out) features both outputs read, and the outputs.
    torch::Tensor embed(torch::Tensor x);
    torch::Tensor chopinLogits(const torch::Tensor &features) { return m_out->forward(features); }
    // [batch, composerClasses] logits; only for a network built with composerClasses > 0.
    torch::Tensor composerLogits(const torch::Tensor &features) { return m_composer->forward(features); }
    bool hasComposerOutput() const { return !m_composer.is_empty(); }

private:
    std::vector<torch::nn::Conv2d> m_convs;
    std::vector<torch::nn::BatchNorm2d> m_norms;
    std::vector<std::pair<int, int>> m_pools;
    torch::nn::Dropout m_dropout{nullptr};
    torch::nn::Linear m_out{nullptr};
    torch::nn::Linear m_composer{nullptr};
};
TORCH_MODULE(ClassifierNetwork);

struct ClassifierFileHeader {
    bool checkpoint = false;
    ClassifierFeatureSettings features;
    ClassifierHyperparameters hyper;
    QJsonObject info;   // training data, metrics, command line
    QJsonObject state;  // checkpoints: epoch, best loss, elapsed time
};

class ClassifierFile {
public:
    struct Opened {
        ClassifierFileHeader header;
        ClassifierNetwork net{nullptr};
        std::shared_ptr<torch::serialize::InputArchive> archive;  // for extra fields (optimiser)
    };
    // Writes atomically (temporary file, then rename). extra adds fields (optimiser state).
    static Status write(const QString &path, ClassifierNetwork &net, const ClassifierFileHeader &header,
                        const std::function<void(torch::serialize::OutputArchive &)> &extra = {});
    // Writes a network's weights (from the CPU) under key; for extra networks in a checkpoint.
    static void writeWeights(torch::serialize::OutputArchive &archive, const std::string &key, ClassifierNetwork &net);
    // Any damage gives an Error naming the file, never an exception.
    static Result<Opened> open(const QString &path);
};

}  // namespace aichopin
