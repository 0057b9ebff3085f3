#pragma once
// Turns pieces into model tokens and back, for either representation. The performance
// vocabulary is fixed; the paper vocabulary is built from the training pieces (index 0 is
// "<unk>" for tokens never seen in training). A value type; const methods are thread-safe.

#include "composer/ComposedEvent.h"
#include "composer/PerformanceEvents.h"
#include "composer/Representation.h"
#include "midi/NoteSequence.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <vector>

namespace aichopin {

class EventCodec {
public:
    EventCodec();  // the performance representation
    // The paper representation with the tokens of the given pieces, each also transposed by up
    // to +-maxTranspose semitones (so augmented training data has no unknown tokens).
    static EventCodec paperFromPieces(const std::vector<NoteSequence> &pieces, int maxTranspose);
    static EventCodec paperWithVocabulary(const QStringList &tokensWithoutUnknown);

    Representation representation() const { return m_representation; }
    int vocabularySize() const;
    // Paper: the token that stands for anything unseen (never generated); -1 for performance.
    int unknownToken() const { return m_representation == Representation::Paper ? 0 : -1; }

    std::vector<int> encode(const NoteSequence &sequence) const;
    NoteSequence decode(const std::vector<int> &tokens) const;
    QString tokenName(int token) const;
    // Notes struck by the tokens (for bits per note).
    int notesIn(const std::vector<int> &tokens) const;

    QJsonObject toJson() const;
    // False (and *error set) for an unknown representation or a malformed vocabulary.
    static bool fromJson(const QJsonObject &json, EventCodec *codec, QString *error);

    // Decodes a stream of tokens one at a time, for generation.
    class Decoder {
    public:
        explicit Decoder(const EventCodec &codec) : m_codec(&codec) {}
        void feed(int token, ComposedEvent *event);
        NoteSequence finish();
        double time() const;

    private:
        const EventCodec *m_codec;
        PerformanceEvents::Decoder m_performance;
        QStringList m_paper;
    };

private:
    Representation m_representation = Representation::Performance;
    QStringList m_paperTokens;           // index -> token (index 0: "<unk>")
    QHash<QString, int> m_paperIndex;
};

}  // namespace aichopin
