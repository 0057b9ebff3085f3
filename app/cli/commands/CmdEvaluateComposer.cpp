// aichopin-cli evaluate-composer: how well a composer model predicts the MIDI files in a folder.

#include "CliOutput.h"
#include "CommandRegistry.h"
#include "common/DataPaths.h"
#include "composer/ComposerCorpus.h"
#include "composer/ComposerModel.h"

#include <QFileInfo>
#include <QJsonObject>

namespace aichopin::cli {
namespace {

int runEvaluateComposer(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption model(QStringLiteral("model"), QStringLiteral("Model file (default: the shipped composer-default.pt)."), QStringLiteral("MODEL"));
    const QCommandLineOption data(QStringLiteral("data"), QStringLiteral("Folder of MIDI files (searched recursively)."), QStringLiteral("DIR"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption device(QStringLiteral("device"), QStringLiteral("auto, cpu or cuda (default cpu)."), QStringLiteral("D"), QStringLiteral("cpu"));
    const QCommandLineOption window(QStringLiteral("window"), QStringLiteral("Score each event from at most the N events before it (the paper's training objective; 0: the whole piece so far, the default)."), QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption heldOut(QStringLiteral("held-out"), QStringLiteral("Score only the files the model held out for validation while training."));
    for (const auto &o : {model, data, json, device, window, heldOut})
        parser.addOption(o);
    int code = 0;
    if (!parseArgs(parser, args, QStringLiteral("Mean negative log-likelihood of a composer model on MIDI files."), &code))
        return code;
    if (!parser.isSet(data)) {
        err() << args[0] << ": --data DIR is required\n";
        return 2;
    }
    QString modelPath = parser.value(model);
    if (modelPath.isEmpty()) {
        modelPath = DataPaths::shippedModel(QStringLiteral("composer-default.pt"));
        if (modelPath.isEmpty()) {
            err() << args[0] << ": the shipped model composer-default.pt was not found; give one with --model\n";
            return 1;
        }
    }
    bool okWindow = false;
    const int windowLength = parser.value(window).toInt(&okWindow);
    if (!okWindow || windowLength < 0 || windowLength > 10000) {
        err() << args[0] << ": --window must be a whole number from 0 to 10000\n";
        return 2;
    }
    const Result<std::shared_ptr<ComposerModel>> m = ComposerModel::load(modelPath, parser.value(device));
    if (!m) {
        err() << args[0] << ": " << m.error().toString() << "\n";
        return 1;
    }
    const Result<ComposerCorpus> corpus = ComposerCorpus::load(parser.value(data));
    if (!corpus) {
        err() << args[0] << ": " << corpus.error().toString() << "\n";
        return 1;
    }
    std::vector<NoteSequence> pieces;
    if (parser.isSet(heldOut)) {
        const QString names = m.value()->info().value(QStringLiteral("validation_files")).toString();
        if (names.isEmpty()) {
            err() << args[0] << ": '" << modelPath << "' does not record which files it held out\n";
            return 1;
        }
        const QStringList wanted = names.split(QLatin1Char(','));
        QStringList found;
        for (const auto &p : corpus->training()) {
            const QString name = QFileInfo(p.path).fileName();
            if (wanted.contains(name)) {
                pieces.push_back(p.sequence);
                found << name;
            }
        }
        if (found.size() != wanted.size()) {
            QStringList missing;
            for (const QString &w : wanted)
                if (!found.contains(w))
                    missing << w;
            err() << args[0] << ": the held-out files are not all in '" << parser.value(data) << "' (missing: " << missing.join(QStringLiteral(", ")) << ")\n";
            return 1;
        }
    } else {
        for (const auto &p : corpus->training())
            pieces.push_back(p.sequence);
    }
    const Result<ComposerEvaluation> e = m.value()->evaluate(pieces, windowLength);
    if (!e) {
        err() << args[0] << ": " << e.error().toString() << "\n";
        return 1;
    }
    if (parser.isSet(json)) {
        printJson(QJsonDocument(QJsonObject{{QStringLiteral("nats_per_event"), e->natsPerEvent},
                                            {QStringLiteral("bits_per_event"), e->bitsPerEvent},
                                            {QStringLiteral("bits_per_note"), e->bitsPerNote},
                                            {QStringLiteral("pieces"), e->pieces},
                                            {QStringLiteral("events"), e->events},
                                            {QStringLiteral("notes"), e->notes},
                                            {QStringLiteral("representation"), representationName(m.value()->representation())},
                                            {QStringLiteral("window"), windowLength},
                                            {QStringLiteral("model"), modelPath}}));
    } else {
        out() << QStringLiteral("%1 pieces, %2 events, %3 notes: %4 nats/event, %5 bits/event, %6 bits/note\n")
                     .arg(e->pieces).arg(e->events).arg(e->notes).arg(e->natsPerEvent, 0, 'f', 4)
                     .arg(e->bitsPerEvent, 0, 'f', 4).arg(e->bitsPerNote, 0, 'f', 4);
        out().flush();
    }
    for (const QString &s : corpus->skipped())
        err() << "skipped (unreadable): " << s << "\n";
    err().flush();
    return 0;
}

}  // namespace

AICHOPIN_CLI_COMMAND(evaluateComposer, "evaluate-composer", "Score a composer model on MIDI files (negative log-likelihood)", runEvaluateComposer);

}  // namespace aichopin::cli
