// Writes the model_loader seed corpus: the smallest real model files of each kind (composer
// model in both representations, composer checkpoint, classifier model), each prefixed with the
// fuzzer's control byte (1: repair zip checksums), then checks that each seed, and each MODEL
// file named, is accepted by exactly one of the two loaders. Run after changing the formats:
//   build/fuzz/tests/fuzz/make_model_seeds tests/fuzz/corpus/model_loader [MODEL.pt...]

#include "classifier/ClassifierNetwork.h"
#include "composer/ComposerNetwork.h"
#include "FuzzEntryPoints.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

using namespace aichopin;

namespace {

bool addSeed(const QString &modelPath, const QString &seedPath)
{
    QFile in(modelPath);
    QFile out(seedPath);
    if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly))
        return false;
    out.write(QByteArray(1, '\x01') + in.readAll());
    in.remove();
    return true;
}

}  // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        fprintf(stderr, "usage: make_model_seeds DIR [MODEL.pt...]\n");
        return 2;
    }
    const QString dir = QString::fromLocal8Bit(argv[1]);
    torch::manual_seed(1);

    ComposerHyperparameters hyper;
    hyper.preset = QStringLiteral("seed");
    hyper.embedding = 2;
    hyper.hidden = 2;
    hyper.layers = 1;
    hyper.dropout = 0.0;
    const EventCodec paper = EventCodec::paperWithVocabulary({QStringLiteral("60"), QStringLiteral("64.67")});
    for (const auto &[name, codec, checkpoint] : {std::tuple{"composer-paper", paper, false},
                                                  std::tuple{"composer-paper-checkpoint", paper, true},
                                                  std::tuple{"composer-performance", EventCodec(), false}}) {
        ComposerHyperparameters h = hyper;
        h.representation = codec.representation();
        ComposerNetwork net(codec.vocabularySize(), h);
        ComposerFileHeader header{codec, h, QJsonObject{{QStringLiteral("epoch"), 1}},
                                  checkpoint ? QJsonObject{{QStringLiteral("epoch"), 2}} : QJsonObject{}, checkpoint};
        const QString path = dir + QStringLiteral("/%1.pt").arg(QLatin1String(name));
        if (!ComposerFile::write(path, net, header) || !addSeed(path, dir + QStringLiteral("/%1.bin").arg(QLatin1String(name))))
            return 1;
    }

    ClassifierFileHeader header;
    header.features.sampleRate = 4000;
    header.features.nFft = 16;
    header.features.hop = 250;
    header.features.nMels = 8;
    header.features.clipSeconds = 1.0;
    header.hyper.channels = {1};
    ClassifierNetwork net(header.features.bins(), header.features.clipFrames(), header.hyper);
    const QString path = dir + QStringLiteral("/classifier.pt");
    if (!ClassifierFile::write(path, net, header) || !addSeed(path, dir + QStringLiteral("/classifier.bin")))
        return 1;

    int failures = 0;
    const auto check = [&](const QString &file, const QByteArray &input) {
        const int loaded = fuzz::loadModels(input);
        printf("%s: %s\n", qPrintable(file), loaded == 1 ? "loads" : "NOT accepted by exactly one loader");
        failures += loaded != 1;
    };
    for (const QString &seed : QDir(dir).entryList(QDir::Files, QDir::Name)) {
        QFile f(dir + QLatin1Char('/') + seed);
        if (f.open(QIODevice::ReadOnly))
            check(seed, f.readAll());
    }
    for (int i = 2; i < argc; ++i) {
        QFile f(QString::fromLocal8Bit(argv[i]));
        if (f.open(QIODevice::ReadOnly))
            check(f.fileName(), QByteArray(1, '\0') + f.readAll());
    }
    return failures ? 1 : 0;
}
