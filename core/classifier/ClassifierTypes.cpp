#include "classifier/ClassifierTypes.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace aichopin {

QString featureKindName(ClassifierFeatureKind kind)
{
    switch (kind) {
    case ClassifierFeatureKind::Mfcc:
        return QStringLiteral("mfcc");
    case ClassifierFeatureKind::Pitch:
        return QStringLiteral("pitch");
    case ClassifierFeatureKind::LogMel:
        break;
    }
    return QStringLiteral("mel");
}

std::optional<ClassifierFeatureKind> featureKindFromName(const QString &name)
{
    if (name == QLatin1String("mel") || name == QLatin1String("logmel"))
        return ClassifierFeatureKind::LogMel;
    if (name == QLatin1String("mfcc"))
        return ClassifierFeatureKind::Mfcc;
    if (name == QLatin1String("pitch"))
        return ClassifierFeatureKind::Pitch;
    return std::nullopt;
}

ClassifierFeatureSettings ClassifierFeatureSettings::forKind(ClassifierFeatureKind kind)
{
    ClassifierFeatureSettings s;
    s.kind = kind;
    if (kind == ClassifierFeatureKind::Pitch) {
        s.nFft = 4096;
        s.hop = 1024;
        s.flattenTerms = kDefaultPitchFlattenTerms;
    }
    return s;
}

QJsonObject ClassifierFeatureSettings::toJson() const
{
    QJsonObject o{{QStringLiteral("kind"), featureKindName(kind)},
                       {QStringLiteral("sample_rate"), sampleRate},
                       {QStringLiteral("n_fft"), nFft},
                       {QStringLiteral("hop"), hop},
                       {QStringLiteral("n_mels"), nMels},
                       {QStringLiteral("n_mfcc"), nMfcc},
                       {QStringLiteral("clip_seconds"), clipSeconds},
                       {QStringLiteral("clip_hop_seconds"), clipHopSeconds},
                       {QStringLiteral("normalisation"), normalisation}};
    if (kind == ClassifierFeatureKind::Pitch) {  // only here, so mel and MFCC keys (caches) stay as they were
        o.insert(QStringLiteral("low_note"), lowNote);
        o.insert(QStringLiteral("high_note"), highNote);
    }
    if (flattenTerms > 0)  // only when on, so the keys (caches) of other settings stay as they were
        o.insert(QStringLiteral("flatten_terms"), flattenTerms);
    return o;
}

std::optional<ClassifierFeatureSettings> ClassifierFeatureSettings::fromJson(const QJsonObject &o)
{
    ClassifierFeatureSettings s;
    const auto kind = featureKindFromName(o.value(QStringLiteral("kind")).toString());
    if (!kind)
        return std::nullopt;
    s.kind = *kind;
    s.sampleRate = o.value(QStringLiteral("sample_rate")).toInt();
    s.nFft = o.value(QStringLiteral("n_fft")).toInt();
    s.hop = o.value(QStringLiteral("hop")).toInt();
    s.nMels = o.value(QStringLiteral("n_mels")).toInt();
    s.nMfcc = o.value(QStringLiteral("n_mfcc")).toInt();
    s.clipSeconds = o.value(QStringLiteral("clip_seconds")).toDouble();
    s.clipHopSeconds = o.value(QStringLiteral("clip_hop_seconds")).toDouble();
    s.normalisation = o.value(QStringLiteral("normalisation")).toString();
    s.flattenTerms = o.value(QStringLiteral("flatten_terms")).toInt(0);
    if (s.kind == ClassifierFeatureKind::Pitch) {
        s.lowNote = o.value(QStringLiteral("low_note")).toInt(-1);
        s.highNote = o.value(QStringLiteral("high_note")).toInt(-1);
        // Every band must lie below the Nyquist frequency: 440 * 2^((highNote + 1 - 69) / 12) < sr / 2.
        if (s.lowNote < 0 || s.highNote < s.lowNote + 7 || s.highNote > 135 || s.sampleRate <= 0
            || 440.0 * std::pow(2.0, (s.highNote + 1 - 69) / 12.0) >= s.sampleRate / 2.0)
            return std::nullopt;
    }
    if (s.sampleRate < 4000 || s.sampleRate > 96000 || s.nFft < 16 || s.nFft % 2 || s.hop <= 0 || s.nMels < 8
        || s.nMels > 512 || s.nMfcc < 4 || (s.kind == ClassifierFeatureKind::Mfcc && s.nMfcc > s.nMels) || s.clipSeconds < 0.5 || s.clipSeconds > 120
        || s.clipHopSeconds <= 0 || s.normalisation != QLatin1String("per-clip") || s.clipFrames() < 16
        || s.flattenTerms < 0 || s.flattenTerms > s.bins() / 2)
        return std::nullopt;
    return s;
}

QString ClassifierFeatureSettings::cacheKey() const
{
    return QString::fromUtf8(QJsonDocument(toJson()).toJson(QJsonDocument::Compact));
}

QJsonObject ClassifierHyperparameters::toJson() const
{
    QJsonArray ch;
    for (int c : channels)
        ch.append(c);
    return QJsonObject{{QStringLiteral("preset"), preset},
                       {QStringLiteral("channels"), ch},
                       {QStringLiteral("dropout"), dropout},
                       {QStringLiteral("optimizer"), optimizer},
                       {QStringLiteral("learning_rate"), learningRate},
                       {QStringLiteral("weight_decay"), weightDecay},
                       {QStringLiteral("batch_size"), batchSize},
                       {QStringLiteral("spec_augment"), specAugment},
                       {QStringLiteral("balanced_sampling"), balancedSampling},
                       {QStringLiteral("lr_decay"), lrDecay},
                       {QStringLiteral("cosine_schedule"), cosineSchedule},
                       {QStringLiteral("ema_decay"), emaDecay},
                       {QStringLiteral("average_from"), averageFrom},
                       {QStringLiteral("timbre_eq"), timbreEq},
                       {QStringLiteral("mixup"), mixup},
                       {QStringLiteral("composer_weight"), composerWeight},
                       {QStringLiteral("composer_classes"), composerClasses}};
}

std::optional<ClassifierHyperparameters> ClassifierHyperparameters::fromJson(const QJsonObject &o)
{
    ClassifierHyperparameters h;
    h.preset = o.value(QStringLiteral("preset")).toString();
    h.channels.clear();
    for (const QJsonValue &v : o.value(QStringLiteral("channels")).toArray())
        h.channels.push_back(v.toInt());
    h.dropout = o.value(QStringLiteral("dropout")).toDouble();
    h.optimizer = o.value(QStringLiteral("optimizer")).toString();
    h.learningRate = o.value(QStringLiteral("learning_rate")).toDouble();
    h.weightDecay = o.value(QStringLiteral("weight_decay")).toDouble();
    h.batchSize = o.value(QStringLiteral("batch_size")).toInt();
    h.specAugment = o.value(QStringLiteral("spec_augment")).toBool();
    h.balancedSampling = o.value(QStringLiteral("balanced_sampling")).toBool(false);
    h.lrDecay = o.value(QStringLiteral("lr_decay")).toDouble(1.0);
    h.cosineSchedule = o.value(QStringLiteral("cosine_schedule")).toBool(false);
    h.emaDecay = o.value(QStringLiteral("ema_decay")).toDouble(0.0);
    h.averageFrom = o.value(QStringLiteral("average_from")).toInt(0);
    h.timbreEq = o.value(QStringLiteral("timbre_eq")).toDouble(0.0);
    h.mixup = o.value(QStringLiteral("mixup")).toDouble(0.0);
    h.composerWeight = o.value(QStringLiteral("composer_weight")).toDouble(0.0);
    h.composerClasses = o.value(QStringLiteral("composer_classes")).toInt(0);
    if (h.channels.empty() || h.channels.size() > 8 || h.dropout < 0 || h.dropout >= 1 || h.learningRate <= 0
        || h.batchSize < 1 || !(h.lrDecay > 0 && h.lrDecay <= 1)
        || !(h.emaDecay >= 0 && h.emaDecay < 1) || h.averageFrom < 0 || (h.averageFrom > 0 && h.emaDecay > 0) || !(h.timbreEq >= 0 && h.timbreEq <= 4)
        || !(h.mixup >= 0 && h.mixup <= 4)
        || !(h.composerWeight >= 0 && h.composerWeight <= 10) || h.composerClasses < 0 || h.composerClasses > 1000 || (h.optimizer != QLatin1String("adam") && h.optimizer != QLatin1String("adadelta")))
        return std::nullopt;
    for (int c : h.channels)
        if (c < 1 || c > 1024)
            return std::nullopt;
    return h;
}

QStringList ClassifierHyperparameters::presetNames()
{
    return {QStringLiteral("default"), QStringLiteral("paper")};
}

std::optional<ClassifierHyperparameters> ClassifierHyperparameters::fromPreset(const QString &name)
{
    ClassifierHyperparameters h;
    if (name == QLatin1String("default"))
        return h;
    if (name == QLatin1String("paper")) {
        h.preset = name;
        h.channels = {32, 64, 64, 32};
        h.dropout = 0.5;
        h.optimizer = QStringLiteral("adadelta");
        h.learningRate = 1.0;
        h.weightDecay = 0;
        h.specAugment = false;
        return h;
    }
    return std::nullopt;
}

ClassifierFeatureSettings ClassifierHyperparameters::presetFeatures(const QString &name)
{
    return ClassifierFeatureSettings::forKind(name == QLatin1String("paper") ? ClassifierFeatureKind::Mfcc : ClassifierFeatureKind::Pitch);
}

}  // namespace aichopin
