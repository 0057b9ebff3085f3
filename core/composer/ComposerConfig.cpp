#include "composer/ComposerConfig.h"

namespace aichopin {

QStringList ComposerHyperparameters::presetNames()
{
    return {QStringLiteral("default"), QStringLiteral("paper-benchmark"), QStringLiteral("paper-optimized")};
}

std::optional<ComposerHyperparameters> ComposerHyperparameters::fromPreset(const QString &name)
{
    ComposerHyperparameters h;
    h.preset = name;
    if (name == QLatin1String("default")) {
        // 3x256 stays on the fast side of the one-core cache cliff (3x384 is ~5x slower per event).
        return h;
    }
    // The paper gives layer counts but not widths; these follow the widely copied Keras
    // design it builds on (512 LSTM units, a 256-unit dense layer, dropout 0.3).
    if (name == QLatin1String("paper-benchmark")) {
        h.embedding = 128;
        h.hidden = 512;
        h.layers = 3;
        h.denseLayers = 1;
        h.dropout = 0.0;
        return h;
    }
    if (name == QLatin1String("paper-optimized")) {
        h.embedding = 128;
        h.hidden = 512;
        h.layers = 3;
        h.denseLayers = 2;
        h.denseSize = 256;
        h.dropout = 0.3;
        return h;
    }
    return std::nullopt;
}

QJsonObject ComposerHyperparameters::toJson() const
{
    return {{QStringLiteral("preset"), preset},
            {QStringLiteral("representation"), representationName(representation)},
            {QStringLiteral("embedding"), embedding},
            {QStringLiteral("hidden"), hidden},
            {QStringLiteral("layers"), layers},
            {QStringLiteral("dense_layers"), denseLayers},
            {QStringLiteral("dense_size"), denseSize},
            {QStringLiteral("dropout"), dropout}};
}

std::optional<ComposerHyperparameters> ComposerHyperparameters::fromJson(const QJsonObject &o)
{
    ComposerHyperparameters h;
    h.preset = o.value(QStringLiteral("preset")).toString();
    const auto rep = representationFromName(o.value(QStringLiteral("representation")).toString());
    if (!rep)
        return std::nullopt;
    h.representation = *rep;
    h.embedding = o.value(QStringLiteral("embedding")).toInt();
    h.hidden = o.value(QStringLiteral("hidden")).toInt();
    h.layers = o.value(QStringLiteral("layers")).toInt();
    h.denseLayers = o.value(QStringLiteral("dense_layers")).toInt();
    h.denseSize = o.value(QStringLiteral("dense_size")).toInt();
    h.dropout = o.value(QStringLiteral("dropout")).toDouble();
    if (h.embedding < 1 || h.embedding > 4096 || h.hidden < 1 || h.hidden > 8192 || h.layers < 1 || h.layers > 16
        || h.denseLayers < 1 || h.denseLayers > 2 || h.denseSize < 1 || h.denseSize > 8192 || h.dropout < 0.0
        || h.dropout >= 1.0)
        return std::nullopt;
    return h;
}

}  // namespace aichopin
