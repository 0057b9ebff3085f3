#pragma once
// Trains a tiny composer model (a few seconds) on two synthetic pieces, for tests that need a
// real model file without shipping one.

#include "composer/ComposerTrainer.h"
#include "midi/SmfWriter.h"

#include <QDir>
#include <QString>

namespace aichopin::test {

inline QString trainTinyComposer(const QString &dir)
{
    QDir().mkpath(dir + "/data");
    for (int piece = 0; piece < 3; ++piece) {
        NoteSequence seq;
        for (int i = 0; i < 120; ++i) {
            const int pitch = 60 + (i * (piece + 2)) % 12;
            seq.notes.push_back(Note{pitch, i * 0.25, 0.2, 0, 0, 60 + (i % 4) * 10, 0, 0});
            if (i % 4 == 0)
                seq.notes.push_back(Note{pitch - 12, i * 0.25, 0.9, 0, 0, 50, 0, 0});
        }
        seq.sortNotes();
        SmfWriter::writeFile(seq, QStringLiteral("%1/data/piece%2.mid").arg(dir).arg(piece));
    }
    ComposerTrainingOptions options;
    options.dataDir = dir + "/data";
    options.outPath = dir + "/tiny.pt";
    options.hyper.embedding = 16;
    options.hyper.hidden = 24;
    options.hyper.layers = 1;
    options.hyper.dropout = 0.0;
    options.batchSize = 4;
    options.chunkLength = 32;
    options.maxEpochs = 1;
    options.threads = 1;
    options.device = QStringLiteral("cpu");
    auto result = ComposerTrainer::train(options, {}, {}, {}, nullptr);
    return result ? options.outPath : QString();
}

}  // namespace aichopin::test
