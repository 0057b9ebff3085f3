#include "listen/LevelMeter.h"

#include <algorithm>
#include <cmath>

namespace aichopin {

void LevelMeter::add(const float *samples, qsizetype count)
{
    for (qsizetype i = 0; i < count; ++i) {
        const float a = std::fabs(samples[i]);
        if (a > m_blockPeak)  // NaN never is
            m_blockPeak = a;
        if (++m_inBlock == kBlockSamples)
            closeBlock();
    }
    m_samples += count;
}

int LevelMeter::binOf(float blockPeak)
{
    const double db = blockPeak > 0.0f ? 20.0 * std::log10(double(blockPeak)) : kFloorDb;
    return std::clamp(int(std::floor((db - kFloorDb) / kStepDb)), 0, kBins - 1);
}

void LevelMeter::closeBlock()
{
    m_peak = std::max(m_peak, m_blockPeak);
    ++m_histogram[size_t(binOf(m_blockPeak))];
    ++m_blocks;
    m_blockPeak = 0.0f;
    m_inBlock = 0;
}

double LevelMeter::loudLevelDb() const
{
    const int partialBin = m_inBlock > 0 ? binOf(m_blockPeak) : -1;
    const qint64 blocks = m_blocks + (partialBin >= 0 ? 1 : 0);
    if (blocks == 0)
        return kFloorDb;
    const qint64 loud = std::max<qint64>(1, qint64(std::ceil(kLoudShare * double(blocks))));
    qint64 seen = 0;
    for (int b = kBins - 1; b > 0; --b) {
        seen += m_histogram[size_t(b)] + (b == partialBin ? 1 : 0);
        if (seen >= loud)
            return kFloorDb + (b + 0.5) * kStepDb;
    }
    return kFloorDb;
}

}  // namespace aichopin
