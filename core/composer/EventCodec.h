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
        // Performance: the note-off token of the note held longest if it has sounded for
        // maxSeconds or more; -1 otherwise and for the paper's tokens (which have no note-offs).
        int overdueNoteOff(double maxSeconds) const;
        // Performance: moves the probability p (indexed by token) of releasing keys that are
        // not sounding (which would do nothing) to the keys that have sounded minHeldSeconds
        // or more, in proportion to their own (evenly when they have none), so the chance that
        // some note ends is kept. Keys struck more recently cannot be released yet (their
        // chance is set to 0; fewer than 1 % of Chopin's notes are shorter than 50 ms):
        // otherwise a network expecting many releases cuts the note it just struck, again and
        // again. Dropped when no key qualifies. Paper: no change.
        void redirectNoteOffs(std::vector<double> &p, double minHeldSeconds = 0.05) const;

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
