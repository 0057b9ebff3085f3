#pragma once
// Training or evaluation clips in memory: normalised feature clips with their label and the
// piece they come from (so validation is split by piece and piece verdicts can be formed).
// A plain value type; no LibTorch.
#include "classifier/ClassifierTypes.h"

#include <QString>
#include <vector>

namespace aichopin {

struct ClipPiece {
    QString name;        // file path or a readable name
    QString composer;    // group for the per-composer rates ("Chopin", "Liszt", ...)
    bool isChopin = false;
    bool validation = false;
};

struct ClipSet {
    ClassifierFeatureSettings settings;
    std::vector<ClipPiece> pieces;
    std::vector<float> clips;     // clipCount() x clipFrames x bins, normalised
    std::vector<int> piece;       // per clip: index into pieces
    std::vector<double> start;    // per clip: start in seconds within its piece (timeline)

    size_t clipValues() const { return size_t(settings.clipFrames()) * size_t(settings.bins()); }
    int clipCount() const { return int(piece.size()); }
    bool isChopin(int clip) const { return pieces[size_t(piece[size_t(clip)])].isChopin; }
    // Appends clips (n x clipValues() values) of piece p.
    void add(int p, const float *values, int n, double firstStart = 0, double startStep = 0)
    {
        clips.insert(clips.end(), values, values + size_t(n) * clipValues());
        for (int i = 0; i < n; ++i) {
            piece.push_back(p);
            start.push_back(firstStart + i * startStep);
        }
    }
    // Appends every piece and clip of other (same settings), each piece's name followed by
    // nameSuffix: the same pieces heard another way (through a room, say) become pieces of their own.
    void append(const ClipSet &other, const QString &nameSuffix)
    {
        const int offset = int(pieces.size());
        for (ClipPiece p : other.pieces) {
            p.name += nameSuffix;
            pieces.push_back(p);
        }
        clips.insert(clips.end(), other.clips.begin(), other.clips.end());
        for (int p : other.piece)
            piece.push_back(p + offset);
        start.insert(start.end(), other.start.begin(), other.start.end());
    }
};

}  // namespace aichopin
