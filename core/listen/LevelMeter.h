#pragma once
// The level of a recording's loud passages, measured in one streaming pass with flat memory, so
// that a recording can be heard at a set level whatever level it was recorded or mastered at.
// The signal is cut into blocks of kBlockSamples; the loud level is the peak level (dBFS) that
// the loudest kLoudShare of the blocks reach. A single click or a dropped microphone does not set
// it, as it would set the file's peak; a long, quiet piece with a short loud passage is measured
// by that passage.

#include <QtGlobal>

#include <algorithm>
#include <array>

namespace aichopin {

class LevelMeter {
public:
    static constexpr int kBlockSamples = 256;   // about 12 ms at 22,050 Hz
    static constexpr double kLoudShare = 0.01;  // the loudest 1 % of the blocks

    void add(const float *samples, qsizetype count);
    // The loud level in dBFS, to kStepDb; kFloorDb when nothing above it was measured. A last,
    // partial block counts as a block.
    double loudLevelDb() const;
    float peak() const { return std::max(m_peak, m_blockPeak); }
    qint64 samples() const { return m_samples; }

    static constexpr double kFloorDb = -160.0;
    static constexpr double kStepDb = 0.02;  // the same music at another level: gains within 0.02 dB

private:
    void closeBlock();
    static int binOf(float blockPeak);

    static constexpr int kBins = int((40.0 - kFloorDb) / kStepDb);  // up to +40 dBFS (float files)
    std::array<qint64, kBins> m_histogram{};  // 80 KB
    qint64 m_blocks = 0;
    float m_blockPeak = 0.0f;
    int m_inBlock = 0;
    float m_peak = 0.0f;
    qint64 m_samples = 0;
};

}  // namespace aichopin
