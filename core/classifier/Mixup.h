#pragma once
// Mixup of a training batch (Zhang et al., "mixup: Beyond Empirical Risk Minimization", 2018):
// every clip is mixed with another clip of the same batch and its loss is the same mix of the two
// clips' losses. Used by ClassifierTrainer (ClassifierHyperparameters::mixup). Includes LibTorch:
// not for GUI code.
#include <torch/torch.h>

#include <algorithm>
#include <numeric>
#include <random>
#include <vector>

namespace aichopin {

struct MixedBatch {
    double lambda = 1.0;   // the share of each clip's own input, in [0.5, 1]
    torch::Tensor partner;  // int64 [batch]: the clip each clip was mixed with (a permutation)
};

// Draws lambda from Beta(alpha, alpha), keeps the larger of lambda and 1 - lambda (so each clip
// stays mostly itself and keeps its own label as the one accuracy is counted against), pairs the
// clips of x ([batch, ...]) in a random permutation and replaces x by
// lambda * x + (1 - lambda) * x[partner]. alpha must be > 0.
inline MixedBatch mixBatch(torch::Tensor &x, double alpha, std::mt19937_64 &rng)
{
    std::gamma_distribution<double> gamma(alpha, 1.0);
    const double a = gamma(rng), b = gamma(rng);
    double lambda = a + b > 0 ? a / (a + b) : 1.0;
    lambda = std::max(lambda, 1.0 - lambda);
    std::vector<int64_t> order(size_t(x.size(0)));
    std::iota(order.begin(), order.end(), int64_t(0));
    std::shuffle(order.begin(), order.end(), rng);
    MixedBatch mix;
    mix.lambda = lambda;
    mix.partner = torch::tensor(order, torch::kInt64);
    x = x * lambda + x.index_select(0, mix.partner.to(x.device())) * (1.0 - lambda);
    return mix;
}

// lambda * CE(logits, y) + (1 - lambda) * CE(logits, y[partner]), each weighted by class as the
// plain loss is (weights may be undefined: unweighted).
inline torch::Tensor mixedCrossEntropy(const torch::Tensor &logits, const torch::Tensor &y, const MixedBatch &mix,
                                       const torch::Tensor &weights)
{
    namespace F = torch::nn::functional;
    const auto options = F::CrossEntropyFuncOptions().weight(weights);
    const torch::Tensor own = F::cross_entropy(logits, y, options);
    if (mix.lambda >= 1.0 || !mix.partner.defined())
        return own;
    return own * mix.lambda
        + F::cross_entropy(logits, y.index_select(0, mix.partner.to(y.device())), options) * (1.0 - mix.lambda);
}

}  // namespace aichopin
