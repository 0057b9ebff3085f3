#pragma once
// Value types the Compose panel passes through queued signals between its worker and the UI.

#include "composer/ComposedEvent.h"
#include "composer/ComposerModel.h"
#include "midi/NoteSequence.h"

#include <QMetaType>

#include <vector>

namespace aichopin {

// How sure the model was of one generated event: the probability of the chosen event.
struct StepConfidence {
    double time = 0.0;
    double probability = 0.0;
    QString name;
};

using ComposedEvents = std::vector<ComposedEvent>;

}  // namespace aichopin

Q_DECLARE_METATYPE(aichopin::NoteSequence)
Q_DECLARE_METATYPE(aichopin::ComposedEvents)
Q_DECLARE_METATYPE(aichopin::GenerationOptions)
