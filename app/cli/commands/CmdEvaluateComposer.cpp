// aichopin-cli evaluate-composer: how well a composer model predicts the MIDI files in a folder.

#include "CliOutput.h"
#include "CommandRegistry.h"
#include "common/DataPaths.h"
#include "composer/ComposerCorpus.h"
#include "composer/ComposerModel.h"

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
    for (const auto &o : {model, data, json, device})
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
    for (const auto &p : corpus->training())
        pieces.push_back(p.sequence);
    const Result<ComposerEvaluation> e = m.value()->evaluate(pieces);
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
