#pragma once
// A trained composer, loaded from a model file, that writes music: from nothing or continuing a
// primer, streaming each event as it is made. Also scores pieces (negative log-likelihood).
//
// Does not include LibTorch (pimpl): safe for GUI code. load() and generate() block; call them
// from a worker thread. One call at a time per object (calls are serialised by a mutex); share
// the object between threads through the shared_ptr.

#include "common/CancelToken.h"
#include "common/Result.h"
#include "composer/ComposedEvent.h"
#include "composer/ComposerConfig.h"
#include "composer/EventCodec.h"
#include "midi/NoteSequence.h"

#include <QJsonObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace aichopin {

struct GenerationOptions {
    double seconds = 30.0;      // length of the new music (after the primer)
    double temperature = 1.0;   // > 0; lower is safer, higher is wilder
    int topK = 0;               // keep the k most likely events; 0 keeps all
    double topP = 1.0;          // keep the smallest set with this much probability; 1 keeps all
    quint64 seed = 1;           // the same seed, model and options give the same notes
    std::optional<NoteSequence> primer;  // music to continue (its notes are kept in the output)
    int threads = 1;            // LibTorch threads while generating (a process-wide setting)
    int maxEvents = 0;          // safety bound; 0: 400 per second of music plus 1000
    // Performance models. The network loses track of which notes sound: about half the
    // note-offs it picks release keys that are silent (doing nothing), and the notes it meant
    // ring on, up to the 10 s cap. With redirectNoteOffs the chance it gives to releasing a
    // silent key goes to the keys sounding for 50 ms or more (EventCodec::Decoder::
    // redirectNoteOffs); a note that has sounded maxHoldSeconds (pedal included) is released,
    // the network fed that note-off as if it had picked it (0: never). The shipped model, 30
    // pieces of 30 s at top-p 0.95: with both, 4.3 notes sounding at once on average, median
    // length 0.19 s, 0.3 % of notes over 4 s; with neither, 18 at once, 0.62 s, 12.5 %.
    // Chopin's pieces (pedal applied): 5.3, 0.32 s, 0.4 %.
    bool redirectNoteOffs = true;
    double maxHoldSeconds = 4.0;
};

struct ComposerEvaluation {
    double natsPerEvent = 0.0;
    double bitsPerEvent = 0.0;
    double bitsPerNote = 0.0;
    int pieces = 0;
    qint64 events = 0;
    qint64 notes = 0;
};

class ComposerModel {
public:
    // Called on the generating thread for each new event, before the next one is made.
    using EventCallback = std::function<void(const ComposedEvent &)>;

    ~ComposerModel();

    // Reads a model file (or a training checkpoint). device: "auto", "cpu" or "cuda".
    // Errors, never exceptions, for missing, corrupt or foreign files and other format versions.
    static Result<std::shared_ptr<ComposerModel>> load(const QString &path, const QString &device = QStringLiteral("cpu"));

    const EventCodec &codec() const;
    Representation representation() const { return codec().representation(); }
    const ComposerHyperparameters &hyperparameters() const;
    QJsonObject info() const;   // training summary stored in the file
    QString path() const;
    qint64 parameterCount() const;

    // Blocking. Events stream through onEvent as they are made (probability = the model's
    // probability of the chosen event at temperature 1). The result holds the primer's notes
    // followed by the new ones: pitches 21-108, every note ended. Cancelled: an error.
    Result<NoteSequence> generate(const GenerationOptions &options, const EventCallback &onEvent = {},
                                  const CancelToken *cancel = nullptr) const;

    // Mean negative log-likelihood of the pieces under the model (each from a fresh state).
    // window > 0: each event is scored from at most the `window` events before it (evaluateWindowNll).
    Result<ComposerEvaluation> evaluate(const std::vector<NoteSequence> &pieces, int window = 0,
                                        const CancelToken *cancel = nullptr) const;

private:
    ComposerModel();
    struct Impl;
    std::unique_ptr<Impl> d;
};

}  // namespace aichopin
