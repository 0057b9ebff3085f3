#pragma once
// Turns the composer's event stream into finished notes as it arrives, so the piano roll and
// the player get notes while the piece is still being written. Pure logic; one thread.

#include "composer/ComposedEvent.h"
#include "midi/Note.h"

#include <map>
#include <vector>

namespace aichopin {

class StreamingNotes {
public:
    // The composer's decoder ends a note held this long without a note-off event
    // (core/composer/PerformanceEvents.cpp); the stream ends it at the same moment.
    static constexpr double kMaxNoteSeconds = 10.0;

    // Feeds one event; notes it completes are appended to 'done' (sorted by start per call).
    void add(const ComposedEvent &event, std::vector<Note> &done);
    // Ends every note still sounding at 'time' (the end of the piece or where it was stopped).
    void finish(double time, std::vector<Note> &done);
    void reset() { m_open.clear(); }
    int openNotes() const { return int(m_open.size()); }

private:
    struct Open {
        double start;
        int velocity;
    };
    void close(int pitch, double time, std::vector<Note> &done);
    void closeExpired(double time, std::vector<Note> &done);
    std::map<int, Open> m_open;  // by pitch
};

}  // namespace aichopin
