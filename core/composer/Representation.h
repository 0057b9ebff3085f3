#pragma once
// The two event vocabularies a composer model can be trained on. The choice is stored in the
// model file; a model only ever reads and writes its own representation.

#include <QString>

#include <optional>

namespace aichopin {

enum class Representation {
    // Note-on/note-off per key, 10 ms time shifts up to 1 s, 32 velocity bins, pedal applied.
    Performance,
    // The seed paper's tokens: one per onset ("C#4" or "0.4.7"), every token 0.5 beat apart.
    Paper,
};

inline QString representationName(Representation r)
{
    return r == Representation::Paper ? QStringLiteral("paper") : QStringLiteral("performance");
}

inline std::optional<Representation> representationFromName(const QString &name)
{
    if (name == QLatin1String("performance"))
        return Representation::Performance;
    if (name == QLatin1String("paper"))
        return Representation::Paper;
    return std::nullopt;
}

}  // namespace aichopin
