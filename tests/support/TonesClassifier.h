#pragma once
// Two classes anyone can hear apart, for classifier tests on real audio features: low tones
// ("Chopin") and high tones ("Other"), as samples or WAV files, and a tiny CNN trained on them.
#include "classifier/ClassifierTrainer.h"
#include "classifier/ClipStream.h"
#include "sound/WavWriter.h"

#include <QDir>
#include <QFileInfo>
#include <QString>

#include <cmath>
#include <random>
#include <vector>

namespace aichopin::test {

// Two sines at 22.05 kHz, 150–400 Hz (low) or 2.5–5 kHz (high), chosen by seed.
inline std::vector<float> tones(double seconds, bool low, quint64 seed)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> f(low ? 150.0 : 2500.0, low ? 400.0 : 5000.0);
    const int sr = 22050;
    std::vector<float> y(size_t(seconds * sr));
    const double f1 = f(rng), f2 = f(rng);
    for (size_t i = 0; i < y.size(); ++i) {
        const double t = double(i) / sr;
        y[i] = float(0.2 * std::sin(2 * M_PI * f1 * t) + 0.15 * std::sin(2 * M_PI * f2 * t));
    }
    return y;
}

// The tones as a float WAV file (its folder made).
inline bool writeTones(const QString &path, double seconds, bool low, quint64 seed)
{
    const std::vector<float> y = tones(seconds, low, seed);
    return QDir().mkpath(QFileInfo(path).absolutePath())
           && WavWriter::writeFile(path, y.data(), qint64(y.size()), 22050, 1, WavFormat::Float32).ok();
}

// A tiny model (log-mel, 0.5 s clips) that hears low tones as "Chopin" and high ones as
// "Other", trained for six epochs on 24 one-and-a-half-second pieces and written to path.
inline Result<ClassifierTrainingResult> trainTonesModel(const QString &path)
{
    ClipSet data;
    data.settings.nMels = 32;
    data.settings.clipSeconds = 0.5;
    data.settings.clipHopSeconds = 0.25;
    for (int p = 0; p < 24; ++p) {
        const bool low = p % 2 == 0;
        data.pieces.push_back({QStringLiteral("tone%1").arg(p), low ? QStringLiteral("Chopin") : QStringLiteral("High"), low, p >= 20});
        const std::vector<float> y = tones(1.5, low, quint64(p));
        std::vector<qint64> starts;
        const std::vector<float> clips = ClipStream::clipsOf(data.settings, y.data(), qsizetype(y.size()), &starts);
        data.add(p, clips.data(), int(starts.size()));
    }
    ClassifierTrainingOptions o;
    o.outPath = path;
    o.hyper.channels = {4, 8};
    o.hyper.learningRate = 3e-3;
    o.hyper.batchSize = 16;
    o.hyper.dropout = 0.1;
    o.epochs = 6;
    o.device = QStringLiteral("cpu");
    return ClassifierTrainer::train(data, o);
}

}  // namespace aichopin::test
