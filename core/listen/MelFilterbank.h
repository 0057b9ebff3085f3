#pragma once
// The mel filterbank of librosa.filters.mel with its defaults: Slaney mel scale (htk=False),
// Slaney area normalisation (norm='slaney'), fmin 0, fmax sr/2, weights rounded to float32.
// Stored sparsely (each band's non-zero bin range), so apply() costs about 2 * bins MACs.
// Immutable after construction: apply() may be called from several threads at once.
// semitones() builds the same kind of sparse triangular bank on an equal-tempered pitch scale
// (one band per semitone), for inputs that keep harmony rather than timbre.

#include <vector>

namespace aichopin {

class MelFilterbank {
public:
    // fmax <= 0 means sampleRate / 2. Preconditions: sampleRate > 0, nFft > 0, nMels > 0.
    MelFilterbank(int sampleRate, int nFft, int nMels = 128, double fmin = 0.0, double fmax = -1.0);

    int nMels() const { return int(m_bands.size()); }
    int bins() const { return m_bins; }

    // spectrum: bins() values (power or magnitude); mel: nMels() values.
    void apply(const float *spectrum, float *mel) const;

    // Dense weights [nMels][bins], row-major (for tests and plots).
    std::vector<float> dense() const;
    // Centre frequencies of the bands in Hz (nMels + 2 edges, librosa.mel_frequencies).
    const std::vector<double> &edgesHz() const { return m_edges; }

    // One band per MIDI note lowNote..highNote (A4 = 440 Hz): a triangle from the semitone below
    // to the semitone above, widened to at least one FFT bin either side where semitones are
    // narrower than the FFT's bins, and weights summing to 1 (each band is the mean power around
    // its note). edgesHz() holds the notes' frequencies with one more at each end.
    // Preconditions: as the constructor, 0 <= lowNote <= highNote.
    static MelFilterbank semitones(int sampleRate, int nFft, int lowNote, int highNote);
    static double noteToHz(double midiNote);

    static double hzToMel(double hz);   // Slaney
    static double melToHz(double mel);  // Slaney

private:
    MelFilterbank() = default;
    struct Band {
        int first = 0;
        std::vector<float> weights;
    };
    int m_bins = 0;
    std::vector<Band> m_bands;
    std::vector<double> m_edges;
};

}  // namespace aichopin
