#pragma once
// The pieces a composer trains on: MIDI files read from a folder, split by piece into training
// and validation (a validation piece is never trained on), with augmentation (transposition
// inside the piano, tempo stretch) drawn from a seed so a run can be repeated. Blocking; any
// thread; the object itself is not shared between threads.

#include "common/Result.h"
#include "midi/NoteSequence.h"

#include <QString>
#include <QStringList>

#include <random>
#include <vector>

namespace aichopin {

class EventCodec;

class ComposerCorpus {
public:
    struct Piece {
        QString path;
        NoteSequence sequence;
    };

    // Reads every .mid/.midi below dir (sorted by path). Files that fail to read are skipped and
    // listed in skipped(); no readable file at all is an error.
    static Result<ComposerCorpus> load(const QString &dir);
    // The validation share (at least one piece, and at least one piece left for training) drawn
    // with the seed; the rest trains.
    void split(double validationFraction, quint64 seed);

    const std::vector<Piece> &training() const { return m_training; }
    const std::vector<Piece> &validation() const { return m_validation; }
    const QStringList &skipped() const { return m_skipped; }
    // SHA-1 over the paths (relative to the folder) and bytes of the files read.
    QString fingerprint() const { return m_fingerprint; }

    // A transposed (by -maxTranspose..maxTranspose semitones, never leaving 21-108) and
    // stretched (by 1 +- maxStretch) copy of the piece.
    static NoteSequence augment(const NoteSequence &piece, int maxTranspose, double maxStretch, std::mt19937_64 &rng);
    static NoteSequence transposed(const NoteSequence &piece, int semitones);
    static NoteSequence stretched(const NoteSequence &piece, double factor);

private:
    std::vector<Piece> m_all;
    std::vector<Piece> m_training;
    std::vector<Piece> m_validation;
    QStringList m_skipped;
    QString m_fingerprint;
};

}  // namespace aichopin
