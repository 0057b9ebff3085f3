#pragma once
// Writes and reads NumPy .npy files (format 1.0, little-endian float32, C order, 2-D), so
// features can be checked in Python with np.load. Any thread.

#include "common/Result.h"
#include "listen/FeatureMatrix.h"

#include <QString>

namespace aichopin {

class NpyWriter {
public:
    // Shape [frames, bins].
    static Status write(const QString &path, const FeatureMatrix &m);
    // Reads a 2-D '<f4' C-order array (as written above, or by NumPy).
    static Result<FeatureMatrix> read(const QString &path);
};

}  // namespace aichopin
